"""``openai-images batch``: one request per JSON line, a few at a time, resumable.

A line is a JSON object of body parameters, plus ``"operation"`` (generate, the default, edit or
vary) with image paths relative to the file. Calls run on one asyncio loop with AsyncImagesApi,
at most ``--concurrency`` at once; a 429 halves that and pauses new calls for the Retry-After
time, and a run of successes grows it back. Each finished line is appended to a state file in the
output directory, keyed by a hash of the line's content, so a rerun skips it.

Ctrl-C cancels the calls at their next ``await``. The steps that finish a line (place its images,
record it in history, append it to the state file) contain no ``await``, so an interrupt never
splits them: every finished image keeps its record, and no partial file is left.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import hashlib
import json
import os
import time
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from openai_images.commandline import console as exit_codes
from openai_images.commandline.clients import AsyncClients, as_of, async_clients, retirements, server_label
from openai_images.commandline.console import CommandError, Console, describe_error
from openai_images.commandline.history import OK, REUSED, Entry, History
from openai_images.commandline.options import COMMANDS, file_fields
from openai_images.commandline.outputs import (
    OutputPlan,
    OutputUnwritableError,
    UnsavedImagesError,
    check_writable,
    copy_images,
    rescue_directories,
    save_answer,
    save_partial,
)
from openai_images.commandline.progress import ProgressBar
from openai_images.commandline.requests import ImageRequest
from openai_images.commandline.single import new_entry, opened_history, outcome_of
from openai_images.errors import APIStreamError, Issue, RateLimitError, ValidationError
from openai_images.retries import server_wait

STATE_FILE = ".openai-images-batch.jsonl"
RATE_LIMIT_ROUNDS = 4
"""How many times a line that still meets a 429 after the client's own retries is tried again."""
DEFAULT_RATE_LIMIT_PAUSE = 2.0


@dataclass
class Line:
    """One line of the batch file and what became of it."""

    number: int
    key: str
    """sha256 of the line's content (JSON, keys sorted), with ``-N`` for the N-th identical line."""
    request: ImageRequest | None
    problem: BaseException | None = None
    status: str = "pending"
    """pending, done, skipped (done by an earlier run), reused, failed or interrupted."""
    paths: list[str] = field(default_factory=list)
    message: str | None = None
    exit_code: int = exit_codes.SUCCESS
    history_id: int | None = None

    @property
    def name_tag(self) -> str:
        """What keeps this line's file names apart from every other line's."""
        digest, _, count = self.key.partition("-")
        return digest[:10] + (f"-{count}" if count else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.number,
            "key": self.key,
            "status": self.status,
            "images": self.paths,
            "error": self.message,
            "exit_code": self.exit_code,
            "history_id": self.history_id,
        }


def _line_request(document: Mapping[str, Any], base: Path, day: dt.date, refuse_retired: bool) -> ImageRequest:
    params = dict(document)
    command = params.pop("operation", "generate")
    if command not in COMMANDS:
        raise ValidationError(
            [Issue("operation", "is not a command batch lines can use", command, allowed="generate, edit, vary")]
        )
    files: dict[str, list[Path]] = {}
    for spec_field in file_fields(command):
        if spec_field.name not in params:
            continue
        value = params.pop(spec_field.name)
        paths = value if isinstance(value, list) else [value]
        if not all(isinstance(path, str) for path in paths):
            raise ValidationError([Issue(spec_field.name, "must be a path or a list of paths", value)])
        files[spec_field.name] = [base / path for path in paths]
    request = ImageRequest.build(command, params, files, day)
    request.validate(refuse_retired)
    return request


def read_lines(path: Path, day: dt.date, refuse_retired: bool) -> list[Line]:
    """The lines of a batch file, each a request judged as of ``day``, or the problem that stops it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"cannot read {path}: {exc}", exit_codes.INVALID) from None
    seen: Counter[str] = Counter()
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        document: Any = None
        try:
            document = json.loads(raw)
        except json.JSONDecodeError as exc:
            problem: BaseException | None = ValidationError([Issue("line", f"is not JSON: {exc.msg}", raw.strip())])
        else:
            problem = None if isinstance(document, dict) else ValidationError([Issue("line", "is not a JSON object")])
        canonical = json.dumps(document, sort_keys=True, separators=(",", ":")) if problem is None else raw.strip()
        digest = hashlib.sha256(canonical.encode()).hexdigest()
        seen[digest] += 1
        key = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
        request = None
        if problem is None:
            try:
                request = _line_request(document, path.parent, day, refuse_retired)
            except ValidationError as exc:
                problem = exc
        lines.append(Line(number, key, request, problem))
    return lines


# --- the state file ----------------------------------------------------------------------------------------


def load_state(out: Path) -> dict[str, dict[str, Any]]:
    """Finished lines by key. A line cut short by a kill mid-write is ignored."""
    state: dict[str, dict[str, Any]] = {}
    try:
        text = (out / STATE_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return state
    for raw in text.splitlines():
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and isinstance(record.get("key"), str):
            state[record["key"]] = record
    return state


def append_state(out: Path, record: Mapping[str, Any]) -> None:
    with (out / STATE_FILE).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _is_done(record: Mapping[str, Any] | None) -> bool:
    paths = record.get("images") if record else None
    return isinstance(paths, list) and bool(paths) and all(Path(str(path)).is_file() for path in paths)


# --- concurrency --------------------------------------------------------------------------------------------


class AdaptiveLimit:
    """At most ``limit`` calls at once. A 429 halves the limit and pauses new calls; each run of
    ``limit`` successes raises it by one again, up to the maximum asked for."""

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self.limit = maximum
        self.active = 0
        self.resume_at = 0.0
        self._streak = 0
        self._changed = asyncio.Event()

    async def acquire(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            wait = self.resume_at - loop.time()
            if wait <= 0 and self.active < self.limit:
                self.active += 1
                return
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout=wait if wait > 0 else None)

    def release(self, *, succeeded: bool) -> None:
        self.active -= 1
        if succeeded:
            self._streak += 1
            if self._streak >= self.limit and self.limit < self.maximum:
                self.limit += 1
                self._streak = 0
        self._changed.set()

    def throttle(self, pause: float) -> tuple[int, int]:
        """Back off after a 429: (limit before, limit after)."""
        before = self.limit
        self.limit = max(1, self.limit // 2)
        self._streak = 0
        self.resume_at = max(self.resume_at, asyncio.get_running_loop().time() + pause)
        return before, self.limit


# --- running --------------------------------------------------------------------------------------------------


class BatchRun:
    def __init__(
        self, args: argparse.Namespace, console: Console, lines: list[Line], history: History | None, day: dt.date
    ) -> None:
        self.args = args
        self.day = day
        self.console = console
        self.lines = lines
        self.history = history
        self.out = Path(args.out).expanduser().absolute()
        self.server = server_label(args)
        self.limit = AdaptiveLimit(args.concurrency)
        self.bar = ProgressBar(console.stderr, total=0, enabled=console.live)
        self.clients: AsyncClients | None = None

    def note(self, text: str, *, always: bool = False) -> None:
        if always or not self.console.quiet:
            self.bar.note(self.console.redact(text))

    async def _on_response(self, response: httpx.Response) -> None:
        if response.status_code != 429:
            return
        asked = server_wait(response)
        pause = DEFAULT_RATE_LIMIT_PAUSE if asked is None else asked
        before, after = self.limit.throttle(pause)
        change = f"concurrency {before} -> {after}" if after != before else f"concurrency stays {after}"
        self.note(f"rate limited (429): {change}; new calls wait {pause:g}s")

    async def run(self, pending: list[Line]) -> None:
        self.bar.total = len(pending)
        self.clients = async_clients(self.args, self.day, {"response": [self._on_response]})
        queue = deque(pending)

        async def worker() -> None:
            while queue:
                await self.process(queue.popleft())

        try:
            with self.bar:
                async with asyncio.TaskGroup() as group:
                    for _ in range(min(self.args.concurrency, len(pending))):
                        group.create_task(worker())
        finally:
            await self.clients.close()

    async def _send(self, line: Line, entry: Entry) -> Any:
        """The call, tried again (within RATE_LIMIT_ROUNDS) when it ends in a 429."""
        assert self.clients is not None and line.request is not None
        method = getattr(self.clients.api, line.request.command.method)
        for round_number in range(1, RATE_LIMIT_ROUNDS + 1):
            await self.limit.acquire()
            succeeded = False
            try:
                started = time.monotonic()
                answer = await method(**line.request.call_arguments())
                succeeded = True
            except RateLimitError:
                if round_number == RATE_LIMIT_ROUNDS:
                    raise
                continue
            finally:
                self.limit.release(succeeded=succeeded)
            entry.elapsed = round(time.monotonic() - started, 3)
            return answer
        raise AssertionError("unreachable")

    async def process(self, line: Line) -> None:
        assert self.clients is not None and line.request is not None
        request = line.request
        plan = OutputPlan(self.out, f"{request.file_prefix()}-{line.name_tag}")
        entry = new_entry(request, self.server, self.args.as_of is not None, batch_key=line.key)
        self.bar.running += 1
        self.bar.refresh()
        try:
            earlier = self.history.reusable(entry.request_key) if self.args.reuse and self.history else None
            if earlier is not None:
                paths = copy_images([Path(path) for path in earlier.paths], plan, force=self.args.force)
                entry.outcome, entry.reused_from, entry.request_id = REUSED, earlier.id, earlier.request_id
            else:
                answer = await self._send(line, entry)
                if request.streams:
                    answer = await self._completed(answer, plan, entry)
                else:
                    response = getattr(answer, "_response", None)
                    entry.request_id = response.request_id if response is not None else None
                    data = answer.data if isinstance(answer.data, list) else []
                    entry.revised_prompts = [
                        item.revised_prompt for item in data if isinstance(item.revised_prompt, str)
                    ]
                usage = getattr(answer, "usage", None)
                entry.usage = usage.to_dict() if usage is not None and hasattr(usage, "to_dict") else None
                # From here to the end of the block nothing awaits: Ctrl-C cannot split these steps.
                paths = save_answer(
                    answer, plan, force=self.args.force, http_client=self.clients.downloads, rescue=rescue_directories()
                )
                entry.outcome = OK
            entry.paths = [str(path) for path in paths]
            self._record(entry)
            line.status, line.paths, line.history_id = ("reused" if earlier else "done"), entry.paths, entry.id
            append_state(self.out, {**line.as_dict(), "finished_at": entry.created_at})
            self.bar.done += 1
            if not self.bar.enabled:  # a log gets a line per line; a terminal has the bar
                self.note(f"line {line.number}: {line.status}: {', '.join(line.paths)}")
        except asyncio.CancelledError:
            line.status = "interrupted"
            entry.outcome = "interrupted"
            self._record(entry)
            raise
        except Exception as exc:
            code, document, _ = describe_error(exc)
            line.status, line.exit_code = "failed", code
            line.message = self.console.redact(_one_line(document))
            entry.outcome = outcome_of(exc)
            entry.error = line.message
            if isinstance(exc, UnsavedImagesError):
                entry.paths = [str(path) for path in exc.kept]
            self._record(entry)
            line.history_id = entry.id
            self.bar.failed += 1
            self.note(f"line {line.number}: failed: {line.message}", always=True)
        finally:
            self.bar.running -= 1
            self.bar.refresh()

    async def _completed(self, stream: Any, plan: OutputPlan, entry: Entry) -> Any:
        """Read a streamed answer: partial images saved as they come, the completed event returned."""
        entry.request_id = stream.request_id
        completed = None
        async with stream:
            async for event in stream:
                index = getattr(event, "partial_image_index", None)
                if not isinstance(index, int):
                    completed = event
                    continue
                try:
                    save_partial(event, plan, index + 1, force=self.args.force)
                except OutputUnwritableError as exc:
                    self.note(f"warning: partial image {index + 1}: {exc}", always=True)
        if completed is None:
            raise APIStreamError("the stream ended without the completed image")
        return completed

    def _record(self, entry: Entry) -> None:
        if self.history is not None:
            self.history.record(entry)


def _one_line(document: Mapping[str, Any]) -> str:
    if document.get("kind") == "validation":
        return "invalid: " + "; ".join(
            f"{issue['param']}: {issue['message']}"
            + (f" (allowed: {issue['allowed']})" if issue.get("allowed") else "")
            for issue in document.get("issues", [])
        )
    parts = [str(document.get(name)) for name in ("status", "type", "code") if document.get(name) is not None]
    message = str(document.get("message"))
    request_id = document.get("request_id")
    return " ".join([*parts, message]) + (f" (request id {request_id})" if request_id else "")


def _fail_invalid(lines: list[Line], console: Console) -> None:
    for line in lines:
        if line.problem is None:
            continue
        code, document, _ = describe_error(line.problem)
        line.status, line.exit_code, line.message = "failed", code, console.redact(_one_line(document))
        console.say(f"line {line.number}: failed: {line.message}")


def run(args: argparse.Namespace, console: Console) -> int:
    if args.concurrency < 1:
        raise CommandError("--concurrency must be at least 1", exit_codes.INVALID)
    source = Path(args.file).expanduser()
    day = as_of(args)
    lines = read_lines(source, day, refuse_retired=retirements(args) == "refuse")
    _fail_invalid(lines, console)
    if args.dry_run:
        return asyncio.run(_dry_run(lines, args, console, day))
    out = Path(args.out).expanduser().absolute()
    check_writable(OutputPlan(out, "batch"))
    out.mkdir(parents=True, exist_ok=True)
    state = load_state(out)
    pending = []
    for line in lines:
        if line.status != "pending":
            continue
        record = state.get(line.key)
        if _is_done(record):
            assert record is not None
            line.status, line.paths, line.history_id = "skipped", list(record["images"]), record.get("history_id")
        else:
            pending.append(line)
    skipped = sum(line.status == "skipped" for line in lines)
    if skipped:
        console.info(f"batch: {skipped} line{'s' if skipped != 1 else ''} already done in {out}, skipped")
    started = time.monotonic()
    interrupted = False
    with opened_history(args, console) as history:
        batch = BatchRun(args, console, lines, history, day)
        try:
            if pending:
                asyncio.run(batch.run(pending))
        except KeyboardInterrupt:
            interrupted = True
        finally:
            _summary(lines, source, out, time.monotonic() - started, interrupted, console)
    if interrupted:
        raise KeyboardInterrupt
    codes = [line.exit_code for line in lines if line.status == "failed"]
    return max(codes, default=exit_codes.SUCCESS)


def _summary(lines: list[Line], source: Path, out: Path, elapsed: float, interrupted: bool, console: Console) -> None:
    counts = Counter(line.status for line in lines)
    parts = [
        f"{counts[status]} {status}"
        for status in ("done", "reused", "skipped", "failed", "interrupted", "pending")
        if counts[status]
    ]
    head = (
        f"batch {source.name}: {len(lines)} line{'s' if len(lines) != 1 else ''}: {', '.join(parts) or 'nothing to do'}"
    )
    console.say(f"{head} ({elapsed:.1f}s)")
    retryable = [line for line in lines if line.status == "failed" and line.exit_code != exit_codes.INVALID]
    if interrupted or retryable:
        what = "resume" if interrupted else "retry the failed lines"
        console.say(f"rerun the same command to {what}: finished lines are skipped")
    elif counts["failed"]:
        console.say("fix the invalid lines and rerun the same command: finished lines are skipped")
    new_paths = [path for line in lines if line.status in ("done", "reused") for path in line.paths]
    document = {
        "ok": not interrupted and not counts["failed"],
        "file": str(source.absolute()),
        "out": str(out),
        "total": len(lines),
        **{status: counts[status] for status in ("done", "reused", "skipped", "failed", "interrupted")},
        "elapsed": round(elapsed, 3),
        "lines": [line.as_dict() for line in lines],
    }
    console.result(document, new_paths)


async def _dry_run(lines: list[Line], args: argparse.Namespace, console: Console, day: dt.date) -> int:
    """Every valid line's request as it would be sent (key redacted); nothing is sent."""
    clients = async_clients(args, day, {})
    shown = []
    try:
        for line in lines:
            if line.request is None:
                continue
            method = getattr(clients.api, line.request.command.method)
            prepared = await method(**line.request.call_arguments(), dry_run=True)
            shown.append({"line": line.number, "method": prepared.method, "url": prepared.url, "json": prepared.json})
            if not console.json_mode:
                console.text(f"# line {line.number}\n{prepared}\n")
    finally:
        await clients.close()
    failed = [line for line in lines if line.status == "failed"]
    if console.json_mode:
        console.result(
            {"ok": not failed, "dry_run": True, "requests": shown, "lines": [line.as_dict() for line in lines]}
        )
    return max((line.exit_code for line in failed), default=exit_codes.SUCCESS)
