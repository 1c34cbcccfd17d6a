"""Running the contract suite: draw the requests, send each to the server, judge every answer with the chosen checks."""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx

from openai_images import spec
from openai_images.contract import cases, wire
from openai_images.contract.checks import CHECKS, CheckFailed, Context, Exchange
from openai_images.contract.report import Failure, Report, target_label
from openai_images.errors import Issue
from openai_images.rules import table
from openai_images.validation import check_request

USER_AGENT = "openai-images-contract"
REDACTED = "[REDACTED]"


class Unreachable(Exception):
    """The server did not answer at all."""


@dataclass(frozen=True)
class Settings:
    base_url: str
    api_key: str | None = None
    max_examples: int = 50
    """Requests per operation, shared between its body types and the kinds of request."""
    operations: Sequence[str] = ()
    """Operation ids to test; empty: all."""
    checks: Sequence[str] = ()
    """Checks to run; empty: all."""
    models: Sequence[str] = ()
    """The models the server claims; empty: every model of the rules table."""
    seed: int | None = None
    workers: int = 4
    """Requests in flight at once."""
    timeout: float = 120.0
    auth_every: int = 10
    """The auth check resends the first valid request of each operation and body type, then every this many."""


def run(settings: Settings) -> Report:
    """Draw, send and judge; raise Unreachable when the server cannot be reached at all."""
    started = time.monotonic()
    seed = settings.seed if settings.seed is not None else random.SystemRandom().randrange(2**32)
    names = list(settings.checks) or list(CHECKS)
    unknown = [name for name in names if name not in CHECKS]
    if unknown:
        raise ValueError(f"unknown checks {unknown}; the checks are {', '.join(CHECKS)}")
    models = sorted(settings.models or table().models)
    chosen, skipped = cases.targets(settings.operations or list(spec.operations()), models)
    report = Report(settings.base_url, seed, settings.max_examples, models, names, skipped)
    with httpx.Client(timeout=settings.timeout, headers={"user-agent": USER_AGENT}) as http:
        _reach(http, settings.base_url)
        drawn = cases.draw(chosen, settings.max_examples, seed)
        probes = _auth_probes(drawn, settings)
        ctx = Context(http, settings.base_url, settings.api_key)

        def judged(index: int) -> list[tuple[str, str, Failure | None]]:
            return _judge(ctx, drawn[index], index in probes, names)

        with ThreadPoolExecutor(max(1, settings.workers)) as pool:
            for one, outcomes in zip(drawn, pool.map(judged, range(len(drawn))), strict=True):
                report.requests[target_label(one.operation_id, one.content_type), one.kind] += 1
                for check, target, failure in outcomes:
                    report.count(check, target, _redacted(failure, settings.api_key))
    report.elapsed = time.monotonic() - started
    return report


def _reach(http: httpx.Client, base_url: str) -> None:
    try:
        http.get(base_url)
    except httpx.HTTPError as exc:
        raise Unreachable(f"cannot reach {base_url}: {type(exc).__name__}: {exc}") from None


def _auth_probes(drawn: Sequence[cases.Drawn], settings: Settings) -> set[int]:
    if not settings.api_key:
        return set()  # without a key to send, no answer can show a key mattered
    seen: dict[tuple[str, str], int] = {}
    probes = set()
    for index, one in enumerate(drawn):
        if one.kind != "valid":
            continue
        target = (one.operation_id, one.content_type)
        if seen.get(target, 0) % settings.auth_every == 0:
            probes.add(index)
        seen[target] = seen.get(target, 0) + 1
    return probes


def _judge(
    ctx: Context, drawn: cases.Drawn, probe_auth: bool, names: Sequence[str]
) -> list[tuple[str, str, Failure | None]]:
    """Send one request and run the checks on its answer: (check, target, failure or None) per check that applied."""
    target = target_label(drawn.operation_id, drawn.content_type)
    sent = wire.prepare(drawn.operation_id, drawn.content_type, drawn.body)

    def failure(check: str, expected: str, got: str, curl: str | None = None) -> Failure:
        command = curl or sent.curl(ctx.base_url)
        return Failure(check, drawn.operation_id, drawn.content_type, drawn.kind, expected, got, command)

    try:
        response = ctx.send(sent, ctx.api_key)
    except httpx.HTTPError as exc:
        # Whatever checks were chosen, a request that got no answer at all is the server's failure.
        got = f"no answer: {type(exc).__name__}: {exc}"
        return [("not_a_server_error", target, failure("not_a_server_error", "an HTTP answer", got))]
    params = sent.params
    exchange = Exchange(drawn, sent, params, _issues(drawn, params), response, probe_auth)
    outcomes: list[tuple[str, str, Failure | None]] = []
    for name in names:
        try:
            applied = CHECKS[name](ctx, exchange)
        except CheckFailed as failed:
            outcomes.append((name, target, failure(name, failed.expected, failed.got, failed.curl)))
        except Exception as exc:
            got = f"an answer the check could not read ({type(exc).__name__}: {exc})"
            outcomes.append((name, target, failure(name, "an answer the check can read", got)))
        else:
            if applied:
                outcomes.append((name, target, None))
    return outcomes


def _issues(drawn: cases.Drawn, params: Any) -> list[Issue]:
    if not isinstance(params, Mapping):
        return [Issue("", "the body must be a JSON object", params, code="invalid_json")]
    return check_request(drawn.operation_id, params, content_type=drawn.content_type, strict=True)


def _redacted(failure: Failure | None, key: str | None) -> Failure | None:
    """The failure with the key scrubbed out of what the server said, should it have echoed the key back.
    (The commands are built from the request without the key.)"""
    if failure is None or not key:
        return failure
    return Failure(
        failure.check,
        failure.operation_id,
        failure.content_type,
        failure.kind,
        failure.expected.replace(key, REDACTED),
        failure.got.replace(key, REDACTED),
        failure.curl,
    )
