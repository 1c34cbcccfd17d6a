"""The ``openai-images contract`` command: its options, the run, the verdict on stdout and in report files.

Exit status: 0 when every check held, 1 when some check failed, 2 when the run could not judge
(bad options, a server that does not answer, nothing to check).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from openai_images.contract.checks import CHECKS  # light: schemathesis is imported only when a check runs

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
        help="the models the server serves; requests for others are not sent (default: every model the rules know)",
    )
    parser.add_argument("--seed", type=int, help="seed of the request draw: the same seed sends the same requests")
    parser.add_argument("--junit", type=Path, metavar="PATH", help="write a JUnit XML report here")
    parser.add_argument("--report", type=Path, metavar="PATH", help="write the full JSON report here")
    parser.add_argument("--workers", type=int, default=4, help="requests in flight at once (default: 4)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for an answer (default: 120)")


def run(args: argparse.Namespace) -> int:
    from openai_images import spec
    from openai_images.contract.checks import CHECKS
    from openai_images.contract.runner import Settings, Unreachable
    from openai_images.contract.runner import run as run_suite
    from openai_images.rules import table

    problems = [
        f"unknown {what} {name!r}; known: {', '.join(known)}"
        for what, names, known in (
            ("operation", args.operations, list(spec.operations())),
            ("check", args.checks, list(CHECKS)),
            ("model", args.models, list(table().models)),
        )
        for name in names or ()
        if name not in known
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
        max_examples=args.max_examples,
        operations=args.operations or (),
        checks=args.checks or (),
        models=args.models or (),
        seed=args.seed,
        workers=args.workers,
        timeout=args.timeout,
    )
    try:
        report = run_suite(settings)
    except Unreachable as exc:
        print(f"openai-images contract: {exc}", file=sys.stderr)
        return 2
    print(report.summary())
    if args.report:
        args.report.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.junit:
        args.junit.write_text(report.junit_xml(), encoding="utf-8")
    if report.ok:
        return 0
    return 1 if report.failures else 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="openai-images contract", description="Judge an Images API implementation against the contract."
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
