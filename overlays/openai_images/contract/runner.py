"""Running the contract suite: draw the requests, send each to the server, judge every answer with the chosen checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from openai_images import spec
from openai_images.contract import cases, readings, wire
from openai_images.contract.checks import CHECKS, CheckFailed, Context, Exchange, Noted
from openai_images.contract.report import Failure, Note, Report, Unserved, target_label
from openai_images.contract.repro import Reproductions
from openai_images.rules import ModelRules, table

USER_AGENT = "openai-images-contract"
REDACTED = "[REDACTED]"
NOT_SERVED = frozenset({404, 405, 501})
"""Statuses that, answered to every request of an operation without naming a parameter, say the server
does not serve it (a 404 naming ``model`` refuses the model, not the operation)."""
DEFAULT_TIMEOUT = 120.0
"""Seconds to wait for each answer: a large, high-quality image can take a minute or two to make."""


class CannotJudge(Exception):
    """The run cannot say anything about the server (no key, no answer)."""


class Unreachable(CannotJudge):
    """The server did not answer at all."""


Progress = Callable[[int, int, int], None]
"""Called after each request is judged with (requests judged, requests drawn, failures so far)."""


@dataclass(frozen=True)
class Settings:
    base_url: str
    api_key: str | None = None
    no_auth: bool = False
    """The server needs no key: requests go without one, and no key is required to run."""
    max_examples: int = 50
    """Requests per operation, shared between its body types and the kinds of request."""
    operations: Sequence[str] = ()
    """Operation ids to test; empty: all."""
    skip: Sequence[tuple[str, str | None]] = ()
    """(operation id, body type or None for all of them) the server says it does not serve."""
    checks: Sequence[str] = ()
    """Checks to run; empty: all."""
    models: Sequence[str] = ()
    """The models the server claims; empty: every model of the rules table."""
    as_of: dt.date | None = None
    """The day whose catalogue the server is judged against (None: today): valid requests only for the
    models served that day; the claimed models retired by then, and operations closed, must be refused."""
    seed: int | None = None
    workers: int = 4
    """Requests in flight at once."""
    timeout: float = DEFAULT_TIMEOUT
    stall_limit: int = 3
    """After this many requests in a row get no answer within ``timeout``, the run stops."""
    auth_every: int = 10
    """The auth check resends the first valid request of each operation and body type, then every this many."""
    repro_dir: Path | None = None
    """Where to write every failing request's files and a script sending it; None: only those that need
    files, into a temporary directory."""
    progress: Progress | None = None


@dataclass
class _Judged:
    """One request's fate: the status it got (None: no answer) and each applying check's outcome."""

    drawn: cases.Drawn
    sent: wire.Sent
    status: int | None
    outcomes: list[tuple[str, CheckFailed | Noted | None]] = field(default_factory=list)
    unserved: bool = False
    """Whether the answer says the operation is not served (see NOT_SERVED)."""


class _Stall:
    """Counts requests in a row that got no answer in time, across the workers."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.in_a_row = 0
        self.stopped = threading.Event()
        self._lock = threading.Lock()

    def answered(self, timed_out: bool) -> None:
        with self._lock:
            self.in_a_row = self.in_a_row + 1 if timed_out else 0
            if self.in_a_row >= self.limit:
                self.stopped.set()


def run(settings: Settings) -> Report:
    """Draw, send and judge. Raises CannotJudge before sending anything when there is no key (and the
    server is not said to need none), and Unreachable when the server cannot be reached at all."""
    if not settings.api_key and not settings.no_auth:
        raise CannotJudge(
            "no API key: set OPENAI_API_KEY or pass --api-key (or --no-auth, for a server that needs no key)"
        )
    started = time.monotonic()
    seed = settings.seed if settings.seed is not None else random.SystemRandom().randrange(2**32)
    names = list(settings.checks) or list(CHECKS)
    unknown = [name for name in names if name not in CHECKS]
    if unknown:
        raise ValueError(f"unknown checks {unknown}; the checks are {', '.join(CHECKS)}")
    settings = dataclasses.replace(settings, as_of=settings.as_of or dt.date.today())
    as_of = settings.as_of
    assert as_of is not None
    served, retired, not_judged = _claims(settings.models, as_of)
    chosen, not_tested = cases.targets(settings.operations or list(spec.operations()), served + retired, as_of)
    declared = [target for target in chosen if _skipped(target, settings.skip)]
    chosen = [target for target in chosen if target not in declared]
    known = table().models
    report = Report(
        settings.base_url,
        seed,
        settings.max_examples,
        served,
        names,
        as_of=as_of.isoformat(),
        retired=[_ended(known[name]) for name in retired],
        not_judged=not_judged,
        not_tested=not_tested,
    )
    key = None if settings.no_auth else settings.api_key
    repro = Reproductions(settings.base_url, settings.repro_dir)
    with httpx.Client(timeout=settings.timeout, headers={"user-agent": USER_AGENT}) as http:
        _reach(http, settings.base_url)
        ctx = Context(http, settings.base_url, key)
        report.drawn = cases.planned(chosen, settings.max_examples)
        judged, stopped = _send_all(
            ctx, cases.drawing(chosen, settings.max_examples, seed), report.drawn, names, settings
        )
        stall_text = None
        if stopped:
            stall_text = (
                f"the server stopped answering: {settings.stall_limit} requests in a row got no answer"
                f" within {settings.timeout:g} s"
            )
        for target in declared:
            probe = cases.draw([target], 1, seed)
            answers = [_answer(ctx, one) for one in probe]
            statuses = Counter(answer.status_code if answer is not None else None for answer in answers)
            label = target_label(target.operation_id, target.content_type)
            if all(answer is not None and _unserved(answer) for answer in answers):
                report.unserved.append(Unserved(label, {int(s): n for s, n in statuses.items() if s}, declared=True))
            else:
                shown = ", ".join(str(status) if status else "no answer" for status in statuses)
                report.not_tested.append(f"{label}: skipped (--skip-operation), though it answered {shown}")
    _record(report, judged, key, repro, settings.api_key)
    report.stopped = stall_text
    if repro.written:
        report.reproductions = str(repro.root)
    report.elapsed = time.monotonic() - started
    return report


def _claims(claimed: Sequence[str], as_of: dt.date) -> tuple[list[str], list[str], dict[str, str]]:
    """The claimed models (default: every model the rules table knows) served on ``as_of``, those ended by
    then, and why the suite cannot judge each of the others."""
    known = table().models
    served, retired, not_judged = [], [], {}
    for name in sorted(set(claimed or known)):
        rules = known.get(name)
        if rules is None:
            not_judged[name] = "the rules table does not know it"
        elif rules.live_on(as_of):
            served.append(name)
        elif rules.ended_by(as_of):
            retired.append(name)
        else:
            not_judged[name] = f"not released yet on {as_of.isoformat()}"
    return served, retired, not_judged


def _ended(rules: ModelRules) -> str:
    assert rules.ended is not None
    return f"{rules.name} ({rules.ended.kind} on {rules.ended.date.isoformat()})"


def _skipped(target: cases.Target, skip: Sequence[tuple[str, str | None]]) -> bool:
    return any(target.operation_id == op and content_type in (None, target.content_type) for op, content_type in skip)


def _reach(http: httpx.Client, base_url: str) -> None:
    try:
        http.get(base_url)
    except httpx.HTTPError as exc:
        raise Unreachable(f"cannot reach {base_url}: {type(exc).__name__}: {exc}") from None


def _answer(ctx: Context, drawn: cases.Drawn) -> httpx.Response | None:
    try:
        return ctx.send(wire.prepare(drawn.operation_id, drawn.content_type, drawn.body), ctx.api_key)
    except httpx.HTTPError:
        return None


def _unserved(response: httpx.Response) -> bool:
    if response.status_code not in NOT_SERVED:
        return False
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return True
    return not (isinstance(error, dict) and isinstance(error.get("param"), str))


def _send_all(
    ctx: Context, drawn: Iterator[cases.Drawn], total: int, names: Sequence[str], settings: Settings
) -> tuple[list[_Judged], bool]:
    """Every request judged as it is drawn, in order; and whether the run stopped because the server
    stopped answering (then fewer were sent). The auth check probes the first valid request of each
    operation and body type, then every ``auth_every``-th (none without a key to send)."""
    stall = _Stall(settings.stall_limit)
    lock = threading.Lock()
    done = failed = 0
    valid_seen: Counter[tuple[str, str]] = Counter()

    def judged(one: cases.Drawn, probe_auth: bool) -> _Judged | None:
        nonlocal done, failed
        if stall.stopped.is_set():
            return None
        result = _judge(ctx, one, probe_auth, names, stall, settings.as_of)
        if settings.progress is not None:
            with lock:
                done += 1
                failed += sum(isinstance(outcome, CheckFailed) for _, outcome in result.outcomes)
                settings.progress(done, total, failed)
        return result

    futures = []
    with ThreadPoolExecutor(max(1, settings.workers)) as pool:
        for one in drawn:
            if stall.stopped.is_set():
                break
            probe = False
            if one.kind == "valid" and ctx.api_key:
                target = (one.operation_id, one.content_type)
                probe = valid_seen[target] % settings.auth_every == 0
                valid_seen[target] += 1
            futures.append(pool.submit(judged, one, probe))
        results = [future.result() for future in futures]
    return [result for result in results if result is not None], stall.stopped.is_set()


def _judge(
    ctx: Context,
    drawn: cases.Drawn,
    probe_auth: bool,
    names: Sequence[str],
    stall: _Stall,
    as_of: dt.date | None,
) -> _Judged:
    """Send one request and run the checks on its answer."""
    sent = wire.prepare(drawn.operation_id, drawn.content_type, drawn.body)
    try:
        response = ctx.send(sent, ctx.api_key)
    except httpx.HTTPError as exc:
        stall.answered(timed_out=isinstance(exc, httpx.TimeoutException))
        # Whatever checks were chosen, a request that got no answer at all is the server's failure.
        failed = CheckFailed("an HTTP answer", f"no answer: {type(exc).__name__}: {exc}", reason="no answer")
        return _Judged(drawn, sent, None, [("not_a_server_error", failed)])
    stall.answered(timed_out=False)
    params = sent.params
    assert as_of is not None
    verdict = readings.judge(drawn.operation_id, params, drawn.content_type, as_of)
    exchange = Exchange(drawn, sent, params, verdict, response, probe_auth)
    result = _Judged(drawn, sent, response.status_code, unserved=_unserved(response))
    for name in names:
        try:
            applied = CHECKS[name](ctx, exchange)
        except (CheckFailed, Noted) as outcome:
            result.outcomes.append((name, outcome))
        except Exception as exc:
            got = f"an answer the check could not read ({type(exc).__name__}: {exc})"
            result.outcomes.append((name, CheckFailed("an answer the check can read", got)))
        else:
            if applied:
                result.outcomes.append((name, None))
    failing = {name for name, outcome in result.outcomes if isinstance(outcome, CheckFailed)}
    # One fault, one finding: a failure that another check's failure on this answer already reports goes.
    result.outcomes = [
        (name, outcome)
        for name, outcome in result.outcomes
        if not (isinstance(outcome, CheckFailed) and failing.intersection(outcome.covered_by))
    ]
    return result


def _record(
    report: Report, judged: Sequence[_Judged], key: str | None, repro: Reproductions, secret: str | None
) -> None:
    """Count every outcome in the report, except those of an operation that served no request at all."""
    by_target: dict[str, list[_Judged]] = {}
    for one in judged:
        by_target.setdefault(target_label(one.drawn.operation_id, one.drawn.content_type), []).append(one)
    unserved = {target for target, answers in by_target.items() if all(one.unserved for one in answers)}
    for target in unserved:
        statuses = Counter(one.status for one in by_target[target] if one.status is not None)
        report.unserved.append(Unserved(target, dict(statuses), declared=False))
    for one in judged:
        drawn = one.drawn
        target = target_label(drawn.operation_id, drawn.content_type)
        report.requests[target, drawn.kind] += 1
        if target in unserved:
            continue
        for check, outcome in one.outcomes:
            report.count(check, target, _outcome(check, outcome, one, key, repro, secret))


def _outcome(
    check: str,
    outcome: CheckFailed | Noted | None,
    judged: _Judged,
    key: str | None,
    repro: Reproductions,
    secret: str | None,
) -> Failure | Note | None:
    if outcome is None:
        return None
    drawn = judged.drawn
    if isinstance(outcome, Noted):
        curl = judged.sent.curl(repro.base_url, wire.KEY_VARIABLE if key else None)
        detail = _redacted(outcome.detail, secret)
        return Note(
            check, drawn.operation_id, drawn.content_type, drawn.kind, outcome.note, detail, curl, outcome.readings
        )
    sent, sent_key = (outcome.sent, outcome.key) if outcome.sent else (judged.sent, wire.KEY_VARIABLE if key else None)
    expected, got = _redacted(outcome.expected, secret), _redacted(outcome.got, secret)
    note = f"{check}: {outcome.reason}\nexpected: {expected}\ngot: {got}"
    curl, where = repro.command(sent, sent_key, check, note)
    return Failure(
        check, drawn.operation_id, drawn.content_type, drawn.kind, expected, got, curl, outcome.reason, where
    )


def _redacted(text: str, key: str | None) -> str:
    """``text`` with the key scrubbed out, should the server have echoed it back. (Commands never hold it.)"""
    return text.replace(key, REDACTED) if key else text
