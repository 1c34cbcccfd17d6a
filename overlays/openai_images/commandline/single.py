"""Running one image request: ``generate``, ``edit``, ``vary`` and ``history rerun``.

Validate; refuse files in the way before paying for a call; with ``--reuse`` answer from history;
else call with a spinner, saving partial images as they stream; record the call; report notes on
stderr and the saved paths last on stdout (or one JSON document).
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from openai_images.commandline import console as exit_codes
from openai_images.commandline.clients import Clients, as_of, retirements, server_label, sync_clients
from openai_images.commandline.console import Console
from openai_images.commandline.history import OK, REUSED, Entry, History, default_path
from openai_images.commandline.options import COMMANDS, given_files, given_params
from openai_images.commandline.outputs import (
    DownloadFailedError,
    OutputExistsError,
    OutputPlan,
    OutputUnwritableError,
    UnsavedImagesError,
    check_writable,
    copy_images,
    open_in_viewer,
    rescue_directories,
    save_answer,
    save_partial,
)
from openai_images.commandline.progress import Spinner
from openai_images.commandline.requests import ImageRequest
from openai_images.errors import APIConnectionError, APIError, APIStatusError, APIStreamError, ValidationError
from openai_images.files import SaveError


def run(args: argparse.Namespace, console: Console) -> int:
    """``generate``/``edit``/``vary``: the request is the command's arguments."""
    name = COMMANDS[args.command].name
    request = ImageRequest.build(name, given_params(args, name), given_files(args, name), as_of(args))
    return execute(request, args, console)


@contextmanager
def opened_history(args: argparse.Namespace, console: Console) -> Iterator[History | None]:
    """The history, or None with ``--no-history``; an unusable database warns but does not stop a call."""
    if args.no_history:
        yield None
        return
    try:
        history = History(default_path())
    except (sqlite3.Error, OSError) as exc:
        console.warn(f"the history is unavailable ({exc}); this call is not recorded")
        yield None
        return
    try:
        yield history
    finally:
        history.close()


def outcome_of(exc: BaseException) -> str:
    """How a failed call is recorded in history."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted"
    if isinstance(exc, ValidationError):
        return "invalid"
    if isinstance(exc, DownloadFailedError):
        exc = exc.error
    if isinstance(exc, APIConnectionError):
        return "connection_error"
    if isinstance(exc, APIError):
        return "api_error"
    if isinstance(exc, (OutputExistsError, OutputUnwritableError, UnsavedImagesError, SaveError, OSError)):
        return "save_failed"
    return "failed"


def new_entry(request: ImageRequest, server: str, as_of_given: bool, batch_key: str | None = None) -> Entry:
    """The history record of a request about to be sent; ``as_of_given``: the day was asked for (``--as-of``)."""
    return Entry(
        operation=request.operation_id,
        command=request.command.name,
        model=request.model,
        server=server,
        params=dict(request.params),
        prompt=request.prompt,
        inputs=request.describe_inputs(),
        request_key=request.key(server),
        outcome="pending",
        batch_key=batch_key,
        as_of=request.as_of.isoformat(),
        as_of_given=as_of_given,
    )


def execute(request: ImageRequest, args: argparse.Namespace, console: Console) -> int:
    plan = OutputPlan.from_option(args.output, request.file_prefix())
    request = request.for_output(plan.exact)
    request.validate(refuse_retired=retirements(args) == "refuse")
    if args.dry_run:
        return dry_run(request, args, console)
    if not args.force:
        partials = request.params.get("partial_images") if request.streams else 0
        blocking = plan.in_the_way(request.image_count, partials if isinstance(partials, int) else 0)
        if blocking:
            raise OutputExistsError(blocking)
    check_writable(plan)
    server = server_label(args)
    entry = new_entry(request, server, as_of_given=args.as_of is not None)
    partial_paths: list[Path] = []
    with opened_history(args, console) as history:
        earlier = _reusable(request, entry, history, args, console)
        if earlier is not None:
            paths = copy_images([Path(path) for path in earlier.paths], plan, force=args.force, warn=console.warn)
            entry.outcome = REUSED
            entry.reused_from = earlier.reused_from or earlier.id
            entry.request_id = earlier.request_id
            entry.revised_prompts = earlier.revised_prompts
            console.info(f"reused call #{earlier.id} of {earlier.created_at} from history: no request was sent")
        else:
            clients = sync_clients(args, request.as_of)
            try:
                paths = call(clients, request, plan, entry, partial_paths, args, console)
            except BaseException as exc:
                entry.outcome = outcome_of(exc)
                entry.error = console.redact(str(exc)) or type(exc).__name__
                if isinstance(exc, APIStatusError):
                    entry.request_id = exc.request_id
                if isinstance(exc, UnsavedImagesError):
                    entry.paths = [str(path) for path in exc.kept]
                if history is not None:
                    history.record(entry)
                raise
            finally:
                clients.close()
            entry.outcome = OK
        entry.paths = [str(path) for path in paths]
        if history is not None:
            history.record(entry)
    if plan.exact is not None and len(paths) > 1:
        names = [path.name for path in paths]
        saved_as = f"{', '.join(names[:-1])} and {names[-1]}"
        console.info(f"-o {plan.exact.name} names one file; the answer holds {len(paths)} images, saved as {saved_as}")
    report(console, request, entry, paths, partial_paths)
    if args.open:
        reason = open_in_viewer(paths)
        if reason:
            console.say(reason)
    return exit_codes.SUCCESS


def _reusable(
    request: ImageRequest, entry: Entry, history: History | None, args: argparse.Namespace, console: Console
) -> Entry | None:
    if not args.reuse:
        return None
    if history is None:
        console.warn("--reuse needs the history (it is off or unavailable); calling the API")
        return None
    earlier = history.reusable(entry.request_key)
    if earlier is None:
        console.info("--reuse: no earlier identical call whose images are still on disk; calling the API")
    return earlier


def call(
    clients: Clients,
    request: ImageRequest,
    plan: OutputPlan,
    entry: Entry,
    partial_paths: list[Path],
    args: argparse.Namespace,
    console: Console,
) -> list[Path]:
    """Send the request with a spinner running, save what comes back, fill in ``entry``."""
    method = getattr(clients.api, request.command.method)
    label = f"{request.command.verb} with {request.model or 'the default model'}"
    started = time.monotonic()
    with Spinner(console.stderr, label, enabled=console.live) as spinner:
        if request.streams:
            completed = None
            with method(**request.call_arguments()) as stream:
                entry.request_id = stream.request_id
                for event in stream:
                    index = getattr(event, "partial_image_index", None)
                    if not isinstance(index, int):
                        completed = event
                        continue
                    spinner.update(f"{label}: partial image {index + 1} received")
                    try:
                        path = save_partial(event, plan, index + 1, force=args.force)
                    except OutputUnwritableError as exc:
                        # A preview: the call goes on, and the final image is kept even if it cannot be placed.
                        spinner.note(console.redact(f"{exit_codes.PROGRAM}: warning: partial image {index + 1}: {exc}"))
                        continue
                    partial_paths.append(path)
                    if not console.quiet:
                        spinner.note(console.redact(f"partial image {index + 1}: {path}"))
            entry.elapsed = round(time.monotonic() - started, 3)
            if completed is None:
                raise APIStreamError("the stream ended without the completed image")
            entry.usage = _usage(completed)
            answer: Any = completed
        else:
            answer = method(**request.call_arguments())
            entry.elapsed = round(time.monotonic() - started, 3)
            response = getattr(answer, "_response", None)
            entry.request_id = response.request_id if response is not None else None
            entry.usage = _usage(answer)
            data = answer.data if isinstance(answer.data, list) else []
            entry.revised_prompts = [item.revised_prompt for item in data if isinstance(item.revised_prompt, str)]
        spinner.update("saving")
        downloads, rescue = clients.downloads, rescue_directories()
        return save_answer(answer, plan, force=args.force, http_client=downloads, warn=console.warn, rescue=rescue)


def _usage(answer: Any) -> dict[str, Any] | None:
    usage = getattr(answer, "usage", None)
    return usage.to_dict() if usage is not None and hasattr(usage, "to_dict") else None


def report(console: Console, request: ImageRequest, entry: Entry, paths: list[Path], partials: list[Path]) -> None:
    count = f"{len(paths)} image{'s' if len(paths) != 1 else ''}"
    if entry.outcome == REUSED:
        console.info(f"{request.command.name}: {count} copied from call #{entry.reused_from}")
    else:
        elapsed = f" in {entry.elapsed:.1f}s" if entry.elapsed is not None else ""
        console.info(
            f"{request.command.name}: {count} from {entry.model or 'the default model'}{elapsed}"
            f" (request id {entry.request_id or 'none given'})"
        )
    for revised in entry.revised_prompts:
        console.info(f"revised prompt: {revised}")
    if entry.usage and "total_tokens" in entry.usage:
        console.info(f"usage: {entry.usage['total_tokens']} tokens")
    document = {
        "ok": True,
        "command": request.command.name,
        "operation": request.operation_id,
        "model": entry.model,
        "server": entry.server,
        "images": [str(path) for path in paths],
        "partial_images": [str(path) for path in partials],
        "revised_prompts": entry.revised_prompts,
        "request_id": entry.request_id,
        "usage": entry.usage,
        "elapsed": entry.elapsed,
        "history_id": entry.id,
        "reused_from": entry.reused_from,
    }
    console.result(document, [str(path) for path in paths])


def dry_run(request: ImageRequest, args: argparse.Namespace, console: Console) -> int:
    """Build the request as it would be sent (the key redacted) and show it; send nothing."""
    clients = sync_clients(args, request.as_of)
    try:
        prepared = getattr(clients.api, request.command.method)(**request.call_arguments(), dry_run=True)
    finally:
        clients.close()
    if console.json_mode:
        form = None if prepared.form is None else [attrs.asdict(part) for part in prepared.form]
        console.result(
            {
                "ok": True,
                "dry_run": True,
                "method": prepared.method,
                "url": prepared.url,
                "headers": prepared.headers,
                "json": prepared.json,
                "form": form,
            }
        )
    else:
        note = "# the same request with curl (the shell fills in the key from its variable):"
        console.text(f"{prepared}\n\n{note}\n{prepared.to_curl()}")
    return exit_codes.SUCCESS
