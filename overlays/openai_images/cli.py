"""The ``openai-images`` command line: its commands, their options, and the exit codes.

Only the parsers are built here; the work is in ``openai_images.commandline`` (imported when a
command runs) and, for ``mock``, in ``openai_images.mock``, whose web stack is imported only when
the mock is used, so that ``--help`` stays quick. The options of ``generate``/``edit``/``vary``
come from the spec (``openai_images.commandline.options``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from openai_images.commandline.clients import parse_day, parse_header
from openai_images.commandline.options import COMMANDS, add_request_arguments

PROGRAM = "openai-images"

EXIT_CODES = """\
exit codes:
  0 done   1 failed (e.g. a file in the way)   2 invalid request or setting, nothing sent
  3 the API refused or failed (type, code, message and request id are shown), or an image URL did
  4 the API (or an image URL) could not be reached   130 interrupted"""

EXAMPLES = {
    None: """\
examples:
  openai-images generate "a lighthouse at dawn, watercolor" --mock      no key, no network: the embedded mock
  openai-images generate "a red fox in snow" --quality low -o fox.png
  openai-images generate "a waving flag" -o flag.gif --frame-count 4
  openai-images edit room.png --prompt "add a green sofa" --mask sofa-mask.png
  openai-images --as-of 2026-05-01 vary logo.png --n 3 --mock           variations, before they were retired
  openai-images history list
  openai-images batch prompts.jsonl --out images/ --concurrency 4

The key comes from OPENAI_API_KEY (or --api-key); the server from OPENAI_BASE_URL (or --base-url); the
model, when --model is not given, from OPENAI_IMAGES_MODEL, else the rules table's current default.
Each command has its own --help.""",
    "generate": """\
examples:
  openai-images generate "a lighthouse at dawn" --mock
  openai-images generate "a red fox in snow" --model gpt-image-2.5-sunburst --size 1536x864 --quality xhigh
  openai-images generate "a waving flag" --model gpt-image-2.6-flare -o flag.gif --frame-count 4
  openai-images generate "a fox logo" -o logo.svg --svg-model gpt-5.5 --svg-effort low
  openai-images generate "a tree" --stream --partial-images 2 -o tree/
  openai-images generate "a tree" --reuse                              answer from history if asked before
  openai-images generate "a tree" --size 100x100 --dry-run             see the request, or what is wrong with it
  openai-images --as-of 2026-05-01 generate "a cat" --model dall-e-3 --style natural --mock   the old catalogue""",
    "edit": """\
examples:
  openai-images edit room.png --prompt "add a green sofa" --mask sofa-mask.png
  openai-images edit room.png --markup arrows.png --prompt "move the sofa where the arrow points"
  openai-images edit a.png b.png c.png --prompt "a gift basket with these items" --model gpt-image-1.5
  openai-images edit photo.png --prompt "as a watercolor" -o watercolor.webp""",
    "vary": """\
OpenAI retired the variations endpoint with dall-e-2 (2026-05-12): against OpenAI, and with --mock, a
variation is refused before sending unless --as-of names an earlier day; another server gets it with a warning.

examples:
  openai-images --as-of 2026-05-01 vary logo.png --n 3 --size 512x512 -o variations/ --mock
  openai-images vary logo.png --response-format b64_json --json --base-url http://127.0.0.1:8080/v1""",
    "history": """\
examples:
  openai-images history                      the latest calls (same as: history list)
  openai-images history show 12              everything recorded about call 12
  openai-images history rerun 12 -o again/   the same request again (inputs read from where they were)
  openai-images history export > calls.jsonl

The database is history.sqlite in the user data directory, or the file OPENAI_IMAGES_HISTORY names.""",
    "batch": """\
A line is a JSON object: the body's parameters by their API names, plus "operation" ("generate",
the default, "edit" or "vary") with "image"/"mask"/"markup" paths relative to the file; a line without
"model" gets the default model, as a command does:
  {"prompt": "a red fox", "model": "gpt-image-2.5-flare", "quality": "low"}
  {"prompt": "a waving flag", "output_format": "gif", "frame_count": 4}
  {"operation": "edit", "image": ["room.png"], "mask": "mask.png", "prompt": "add a sofa"}

Images are saved as OUT/<slug-of-prompt>-<line hash>-<n>.<ext>. Finished lines are listed in
OUT/.openai-images-batch.jsonl: a rerun skips them, so an interrupted batch resumes.

examples:
  openai-images batch prompts.jsonl --out images/
  openai-images batch prompts.jsonl --out images/ --concurrency 8 --json > report.json""",
}


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Examples and exit codes keep their layout; option help is wrapped."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def _split_lines(self, text: str, width: int) -> list[str]:
        # Model names are hyphenated: never break "gpt-image-1" across lines.
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def add_global_options(parser: argparse.ArgumentParser, *, on_command: bool) -> None:
    """Options every command takes, before or after its name.

    On a command they default to SUPPRESS, so that an option given before the command name is not
    reset by the command's parser.
    """
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if on_command else {}
    flags: dict[str, Any] = {"default": argparse.SUPPRESS} if on_command else {"default": False}
    group = parser.add_argument_group("connection (every command)")
    group.add_argument(
        "--api-key",
        metavar="KEY",
        help="API key (default: $OPENAI_API_KEY; the variable keeps it out of `ps`)",
        **default,
    )
    group.add_argument(
        "--base-url",
        metavar="URL",
        help="API base URL (default: $OPENAI_BASE_URL, else https://api.openai.com/v1)",
        **default,
    )
    group.add_argument("--organization", metavar="ORG", help="OpenAI organization (default: $OPENAI_ORG_ID)", **default)
    group.add_argument("--project", metavar="PROJECT", help="OpenAI project (default: $OPENAI_PROJECT_ID)", **default)
    group.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="read timeout per attempt (default: 600; connect: 5)",
        **default,
    )
    group.add_argument(
        "--max-retries", type=int, metavar="N", help="retries of a failed attempt (default: 2)", **default
    )
    group.add_argument(
        "-H",
        "--header",
        type=parse_header,
        action="append",
        metavar="'NAME: VALUE'",
        help="an extra request header (repeatable)",
        **default,
    )
    group.add_argument(
        "--mock",
        action="store_true",
        help="answer from the embedded mock server (no key, no network), serving the models OpenAI served on"
        " the --as-of day",
        **flags,
    )
    group.add_argument(
        "--as-of",
        type=parse_day,
        metavar="YYYY-MM-DD",
        help="judge requests against the models OpenAI served that day (default: today): where OpenAI answers"
        " (and with --mock) a retired model or variation is refused before sending, elsewhere it is sent with"
        " a warning; 2026-05-01 shows the pinned spec's catalogue (dall-e, variations). history rerun reuses"
        " the day a call asked for",
        **default,
    )
    behaviour = parser.add_argument_group("behaviour (every command)")
    behaviour.add_argument(
        "--dry-run", action="store_true", help="print the request (key redacted) and send nothing", **flags
    )
    behaviour.add_argument(
        "--json", action="store_true", help="print one JSON document on stdout, and nothing else there", **flags
    )
    behaviour.add_argument("--no-history", action="store_true", help="do not record this call in the history", **flags)
    verbosity = behaviour.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="no progress and no notes; errors only", **flags)
    verbosity.add_argument(
        "-v", "--verbose", action="store_true", help="log every step at DEBUG on stderr (the key redacted)", **flags
    )


def add_output_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("saving")
    group.add_argument(
        "-o",
        "--output",
        metavar="PATH|DIR",
        help="where to save: a file name with an image suffix (.png, .jpg...), whose suffix also chooses the"
        " format when --output-format is not given (several images are saved as NAME-1.png, NAME-2.png...);"
        " else a directory (default: ./<slug-of-prompt>-<n>.<ext>)",
    )
    group.add_argument("--force", action="store_true", help="replace existing files (never done otherwise)")
    group.add_argument(
        "--reuse",
        action="store_true",
        help="if an identical request (operation, parameters, input image hashes, server) succeeded before"
        " and its images are still there, copy them instead of calling the API",
    )
    group.add_argument("--open", action="store_true", help="show the saved images in the system's image viewer")


def _runner(module: str) -> Callable[[argparse.Namespace, Any], int]:
    """A command's ``run``, imported when the command runs."""

    def run(args: argparse.Namespace, console: Any) -> int:
        result: int = importlib.import_module(f"openai_images.commandline.{module}").run(args, console)
        return result

    return run


# Commands whose module brings its own parser (``add_arguments``/``run``), imported only when used.
DELEGATED: dict[str, tuple[str, str]] = {
    "mock": ("openai_images.mock.server", "serve the mock Images API on a local port"),
    "contract": ("openai_images.contract.cli", "judge an Images API implementation against the contract"),
}


def _subparser(commands: Any, name: str, summary: str, description: str | None = None) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description or summary[0].upper() + summary[1:] + ".",
        epilog=f"{EXAMPLES[name]}\n\n{EXIT_CODES}" if name in EXAMPLES else EXIT_CODES,
        formatter_class=HelpFormatter,
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Generate, edit and vary images with the OpenAI Images API; fake it with a mock server.",
        epilog=f"{EXAMPLES[None]}\n\n{EXIT_CODES}",
        formatter_class=HelpFormatter,
    )
    add_global_options(parser, on_command=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    # The command line's own options win over a spec field of the same name (which then gets --body-NAME).
    scratch = argparse.ArgumentParser(add_help=True)
    add_output_options(scratch)
    add_global_options(scratch, on_command=True)
    reserved = {option for action in scratch._actions for option in action.option_strings}
    for command in COMMANDS.values():
        sub = _subparser(commands, command.name, command.summary)
        add_request_arguments(sub, command, reserved)
        add_output_options(sub)
        add_global_options(sub, on_command=True)
        sub.set_defaults(run=_runner("single"))

    history = _subparser(commands, "history", "list, show, rerun and export earlier calls")
    add_global_options(history, on_command=True)
    actions = history.add_subparsers(dest="history_command", metavar="ACTION")
    history.set_defaults(run=_runner("history_commands"), limit=20)
    listing = actions.add_parser("list", help="the latest calls", formatter_class=HelpFormatter)
    listing.add_argument("--limit", type=int, default=20, metavar="N", help="how many (default: 20)")
    show = actions.add_parser("show", help="everything recorded about one call", formatter_class=HelpFormatter)
    show.add_argument("id", type=int, metavar="ID")
    rerun = actions.add_parser("rerun", help="send a recorded request again", formatter_class=HelpFormatter)
    rerun.add_argument("id", type=int, metavar="ID")
    add_output_options(rerun)
    actions.add_parser("export", help="every call as JSON lines on stdout", formatter_class=HelpFormatter)
    for action in (listing, show, rerun):
        add_global_options(action, on_command=True)

    batch = _subparser(
        commands,
        "batch",
        "run one request per line of a JSON lines file",
        "Run one request per line of a JSON lines file, a few at a time, with a progress bar; resumable.",
    )
    batch.add_argument("file", metavar="FILE.jsonl", help="the requests, one JSON object per line")
    batch.add_argument("--out", required=True, metavar="DIR", help="where the images (and the resume state) go")
    batch.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="calls at once at most (default: 4; 429s lower it)"
    )
    batch.add_argument("--force", action="store_true", help="replace existing files")
    batch.add_argument("--reuse", action="store_true", help="copy images of identical earlier calls instead of calling")
    add_global_options(batch, on_command=True)
    batch.set_defaults(run=_runner("batch"))

    for name, (_, summary) in DELEGATED.items():
        delegated = commands.add_parser(name, help=summary, add_help=False)
        delegated.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def _delegate(name: str, arguments: Sequence[str]) -> int:
    module_name, summary = DELEGATED[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"{PROGRAM} {name}", description=summary[0].upper() + summary[1:] + ".")
    module.add_arguments(parser)
    result: int = module.run(parser.parse_args(list(arguments)))
    return result


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in DELEGATED:
        return _delegate(arguments[0], arguments[1:])
    args = build_parser().parse_args(arguments)
    if args.command in DELEGATED:
        return _delegate(args.command, args.rest)

    from openai_images.commandline.console import FAILED, INTERRUPTED, Console, configure_logging, known_secrets

    console = Console(json_mode=args.json, quiet=args.quiet, secrets=known_secrets(args.api_key))
    configure_logging(args.verbose, args.quiet, console.redact, sys.stderr)
    try:
        with console.warnings_as_lines():
            result: int = args.run(args, console)
    except KeyboardInterrupt:
        console.error("interrupted")
        return INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILED
    except Exception as exc:
        return console.fail(exc)
    return result


if __name__ == "__main__":
    sys.exit(main())
