"""The ``openai-images`` command line."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="openai-images", description="Call, fake and verify the OpenAI Images API.")
    commands = parser.add_subparsers(dest="command", required=True)
    from openai_images.mock import server

    mock = commands.add_parser("mock", help="serve the mock Images API", description="Serve the mock Images API.")
    server.add_arguments(mock)
    mock.set_defaults(run=server.run)
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
