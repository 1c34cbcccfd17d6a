"""The ``openai-images mock`` command: its options, and serving the mock app with them."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
import tempfile
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp

from openai_images.mock.app import create_app
from openai_images.mock.bodies import Limits
from openai_images.mock.faults import KINDS, FaultPlan


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written YYYY-MM-DD") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on; 0 picks a free one (default: 8080)")
    parser.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="KEY",
        help="accept only this key (repeatable); by default any non-empty key is accepted",
    )
    parser.add_argument(
        "--url-ttl", type=float, default=3600.0, help="seconds an image URL stays valid (default: 3600)"
    )
    parser.add_argument(
        "--as-of",
        type=_day,
        metavar="YYYY-MM-DD",
        help="serve the models OpenAI served that day, and refuse the others as it did "
        "(default: today, for each request); 2026-05-01 is the catalogue of the pinned spec",
    )
    faults = parser.add_argument_group("fault injection (off by default; deterministic for a --seed)")
    faults.add_argument("--fault-rate", type=float, default=0.0, help="share of requests that fail, 0..1")
    faults.add_argument("--faults", default=",".join(KINDS), help=f"kinds to draw from (default: {','.join(KINDS)})")
    faults.add_argument("--fault-script", default="", help="faults for the first requests, in order, e.g. 429,500,ok")
    faults.add_argument("--seed", type=int, default=0, help="seed of the fault draw")
    faults.add_argument("--retry-after", type=float, default=1.0, help="seconds a 429 asks clients to wait")
    faults.add_argument("--slow-seconds", type=float, default=2.0, help="delay of a 'slow' fault")
    parser.add_argument("--max-body-bytes", type=int, default=Limits.max_body_bytes, help="largest request body")
    parser.add_argument("--log-level", default="warning", help="uvicorn log level (default: warning)")
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="serve with N processes on one port (default: 1); each draws faults from the same --seed and"
        " --fault-script on its own, and image URLs are kept in a directory they share",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def build_app(args: argparse.Namespace, image_dir: str | None = None) -> ASGIApp:
    """The mock app the command's options describe."""
    plan = FaultPlan.parse(
        args.fault_rate,
        args.faults,
        args.fault_script,
        args.seed,
        retry_after=args.retry_after,
        slow_seconds=args.slow_seconds,
    )
    return create_app(
        api_keys=args.api_keys,
        url_ttl=args.url_ttl,
        faults=plan,
        limits=Limits(max_body_bytes=args.max_body_bytes),
        as_of=args.as_of,
        image_dir=image_dir,
    )


def _worker_app(options: dict[str, Any], image_dir: str) -> ASGIApp:
    """What each worker process serves: built there from the same options (a picklable factory)."""
    return build_app(argparse.Namespace(**options), image_dir)


def run(args: argparse.Namespace) -> int:
    from openai_images.mock.serving import serve, serve_workers

    if args.workers == 1:
        serve(build_app(args), args.host, args.port, args.log_level)
        return 0
    with tempfile.TemporaryDirectory(prefix="openai-images-mock-") as shared_dir:
        factory = functools.partial(_worker_app, vars(args), shared_dir)
        serve_workers(factory, args.host, args.port, args.workers, Path(shared_dir), args.log_level)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="openai-images mock", description="Serve the mock Images API.")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
