"""The ``openai-images contract`` command: its options, the run, the verdict on stdout and in report files.

Exit status: 0 when every check held, 1 when some check failed (or a claimed operation is not
served), 2 when the run could not judge (bad options, no key, a server that does not answer or
stopped answering, nothing to check).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from openai_images.contract.checks import CHECKS  # light: schemathesis is imported only when a check runs
    from openai_images.contract.runner import DEFAULT_TIMEOUT

    parser.add_argument("--base-url", required=True, help="the API's base URL, e.g. http://127.0.0.1:8080/v1")
    parser.add_argument(
        "--api-key",
        help="the key the server accepts (default: $OPENAI_API_KEY); never printed or written, the reports"
        " reproduce requests with $OPENAI_API_KEY",
    )
    parser.add_argument(
        "--max-examples", type=int, default=50, help="requests per operation (default: 50), shared among its body types"
    )
    parser.add_argument(
        "--operation",
        dest="operations",
        action="extend",
        nargs="+",
        metavar="ID",
        help="test only these operations (createImage, createImageEdit, createImageVariation); default: all",
    )
    parser.add_argument(
        "--checks", action="extend", nargs="+", metavar="NAME", help=f"run only these checks ({', '.join(CHECKS)})"
    )
    parser.add_argument(
        "--models",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="the models the server serves; requests for others are not sent (default: every model the rules"
        " know); one the rules table does not know is reported as not judged",
    )
    parser.add_argument(
        "--as-of",
        type=_day,
        metavar="YYYY-MM-DD",
        help="judge the server against the models OpenAI served that day (default: today): valid requests only"
        " for those, and the claimed models retired by then (and the variations endpoint, since 2026-05-12)"
        " must be refused; 2026-05-01 is the catalogue of the pinned spec",
    )
    parser.add_argument(
        "--skip-operation",
        dest="skip",
        action="extend",
        nargs="+",
        metavar="ID[:TYPE]",
        help="operations (or one body type of one, e.g. createImageEdit:application/json) the server does not"
        " serve: not tested, and checked once to answer 404, 405 or 501",
    )
    parser.add_argument(
        "--no-auth", action="store_true", help="the server needs no key: send none, and skip the auth probes"
    )
    parser.add_argument("--seed", type=int, help="seed of the request draw: the same seed sends the same requests")
    parser.add_argument("--junit", type=Path, metavar="PATH", help="write a JUnit XML report here")
    parser.add_argument("--report", type=Path, metavar="PATH", help="write the full JSON report here")
    parser.add_argument(
        "--repro-dir",
        type=Path,
        metavar="DIR",
        help="write every failing request here: its files and a run.sh that sends it again",
    )
    parser.add_argument("--workers", type=int, default=4, help="requests in flight at once (default: 4)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds to wait for each answer (default: {DEFAULT_TIMEOUT:g}: making a large image takes a while);"
        " after 3 requests in a row get none, the run stops",
    )


def run(args: argparse.Namespace) -> int:
    from openai_images import spec
    from openai_images.contract.checks import CHECKS
    from openai_images.contract.runner import CannotJudge, Settings
    from openai_images.contract.runner import run as run_suite

    skip = [_skip_target(text) for text in args.skip or ()]
    problems = [
        f"unknown {what} {name!r}; known: {', '.join(known)}"
        for what, names, known in (
            ("operation", [*(args.operations or ()), *(operation for operation, _ in skip)], list(spec.operations())),
            ("check", args.checks, list(CHECKS)),
        )
        for name in names or ()
        if name not in known
    ]
    problems += [
        f"{operation} takes no {content_type} body; it takes {', '.join(spec.operation(operation).request_bodies)}"
        for operation, content_type in skip
        if operation in spec.operations()
        and content_type
        and content_type not in spec.operation(operation).request_bodies
    ]
    if args.max_examples < 1:
        problems.append("--max-examples must be at least 1")
    if problems:
        for problem in problems:
            print(f"openai-images contract: {problem}", file=sys.stderr)
        return 2
    settings = Settings(
        base_url=args.base_url,
        api_key=args.api_key or os.environ.get("OPENAI_API_KEY") or None,
        no_auth=args.no_auth,
        max_examples=args.max_examples,
        operations=args.operations or (),
        skip=skip,
        checks=args.checks or (),
        models=args.models or (),
        as_of=args.as_of,
        seed=args.seed,
        workers=args.workers,
        timeout=args.timeout,
        repro_dir=args.repro_dir,
        progress=_progress if sys.stderr.isatty() else None,
    )
    if settings.progress is not None:
        print("drawing the requests…", end="", file=sys.stderr, flush=True)
    try:
        report = run_suite(settings)
    except CannotJudge as exc:
        print(f"openai-images contract: could not judge: {exc}", file=sys.stderr)
        return 2
    finally:
        if settings.progress is not None:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    print(report.summary())
    if args.report:
        args.report.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.junit:
        args.junit.write_text(report.junit_xml(), encoding="utf-8")
    if report.ok:
        return 0
    return 1 if (report.failures or report.unserved_claims) and not report.stopped else 2


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written YYYY-MM-DD") from None


def _skip_target(text: str) -> tuple[str, str | None]:
    operation, _, content_type = text.partition(":")
    return operation, content_type or None


def _progress(done: int, total: int, failures: int) -> None:
    """One line on the terminal, rewritten in place as requests are judged."""
    plural = "s" if failures != 1 else ""
    print(
        f"\r\033[K{done}/{total} requests judged, {failures} failure{plural} so far",
        end="",
        file=sys.stderr,
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="openai-images contract", description="Judge an Images API implementation against the contract."
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
