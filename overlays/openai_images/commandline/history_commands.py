"""``openai-images history``: list, show, rerun and export the recorded calls."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from openai_images.commandline import console as exit_codes
from openai_images.commandline.console import CommandError, Console
from openai_images.commandline.history import Entry, History, default_path
from openai_images.commandline.requests import ImageRequest
from openai_images.errors import ValidationError


def _entry(history: History, entry_id: int) -> Entry:
    entry = history.get(entry_id)
    if entry is None:
        raise CommandError(f"no call #{entry_id} in the history ({history.path})")
    return entry


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def list_entries(history: History, args: argparse.Namespace, console: Console) -> int:
    entries = history.latest(args.limit)
    if console.json_mode:
        console.result({"ok": True, "history": str(history.path), "entries": [entry.as_dict() for entry in entries]})
        return exit_codes.SUCCESS
    console.info(f"history: {history.path}")
    if not entries:
        console.info("no calls recorded yet")
        return exit_codes.SUCCESS
    rows = [("ID", "WHEN (UTC)", "COMMAND", "MODEL", "OUTCOME", "IMAGES", "PROMPT")]
    for entry in entries:
        when = entry.created_at.replace("T", " ").removesuffix("+00:00")
        rows.append(
            (
                str(entry.id),
                when,
                entry.command,
                entry.model or "-",
                entry.outcome,
                str(len(entry.paths)),
                _short(entry.prompt, 50),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [
            cell.rjust(widths[0]) if index == 0 else cell.ljust(widths[index]) for index, cell in enumerate(row[:-1])
        ]
        console.text("  ".join([*cells, row[-1]]).rstrip())
    return exit_codes.SUCCESS


def show(history: History, args: argparse.Namespace, console: Console) -> int:
    entry = _entry(history, args.id)
    document = entry.as_dict()
    if console.json_mode:
        console.result({"ok": True, **document})
        return exit_codes.SUCCESS
    for name, value in document.items():
        if value in (None, [], {}):
            continue
        shown = value if isinstance(value, (str, int, float)) else json.dumps(value, ensure_ascii=False)
        console.text(f"{name + ':':17}{shown}")
    return exit_codes.SUCCESS


def export(history: History, args: argparse.Namespace, console: Console) -> int:
    """Every entry as one JSON line, oldest first (whatever ``--json`` says: it is JSON already)."""
    for entry in history:
        console.text(json.dumps(entry.as_dict(), ensure_ascii=False))
    return exit_codes.SUCCESS


def rerun_day(entry: Entry, asked: dt.date | None) -> dt.date | None:
    """The day a rerun is judged on (None: today): ``--as-of`` if given; else the day the call asked for
    with its own ``--as-of``, since that day was part of what the user asked (the old catalogue). A call
    judged on the day it was made is judged on the day of the rerun: retirements since then refuse it
    before sending, as they would any new call."""
    if asked is not None:
        return asked
    if entry.as_of_given and entry.as_of is not None:
        return dt.date.fromisoformat(entry.as_of)
    return None


def request_of(entry: Entry, day: dt.date, console: Console) -> ImageRequest:
    """The recorded request as of ``day``, with its input files read again from where they were."""
    files: dict[str, list[str]] = {}
    for item in entry.inputs:
        files.setdefault(item["param"], []).append(item["path"])
    try:
        request = ImageRequest.build(entry.command, entry.params, files, day)
    except ValidationError as exc:
        raise CommandError(f"cannot rerun call #{entry.id}: {'; '.join(str(issue) for issue in exc.issues)}") from None
    for recorded, current in zip(entry.inputs, request.inputs, strict=True):
        if recorded["sha256"] != current.sha256:
            console.warn(f"{current.path} has changed since call #{entry.id}; sending it as it is now")
    return request


def _recorded_server(entry: Entry, args: argparse.Namespace, console: Console) -> None:
    """Send a rerun to the server its call was recorded against (the mock included), unless
    ``--mock`` or ``--base-url`` say otherwise."""
    from openai_images.commandline.clients import server_label

    if args.mock or args.base_url is not None:
        return
    if entry.server == "mock":
        args.mock = True
    elif entry.server != server_label(args):
        args.base_url = entry.server
    else:
        return
    console.info(
        f"rerunning call #{entry.id} on {entry.server}, where it was recorded (--mock or --base-url sends it elsewhere)"
    )


def rerun(history: History, args: argparse.Namespace, console: Console) -> int:
    from openai_images.commandline import single
    from openai_images.commandline.clients import as_of

    entry = _entry(history, args.id)
    if args.as_of is None and entry.as_of_given:
        console.info(f"rerunning call #{entry.id} as of {entry.as_of}, the day it asked for (or: --as-of today)")
    args.as_of = rerun_day(entry, args.as_of)
    request = request_of(entry, as_of(args), console)
    history.close()  # the call records itself through its own connection
    _recorded_server(entry, args, console)
    console.info(f"rerunning call #{entry.id}: {entry.command} with {entry.model or 'the default model'}")
    return single.execute(request, args, console)


ACTIONS = {"list": list_entries, "show": show, "export": export, "rerun": rerun}


def run(args: argparse.Namespace, console: Console) -> int:
    history = History(default_path())
    try:
        return ACTIONS[args.history_command or "list"](history, args, console)
    finally:
        history.close()
