"""What the command-line tests share: running ``openai-images`` as a subprocess, the mock server
(``conftest.mock_server``), input images, and reading the history database. (No tests here.)"""

from __future__ import annotations

import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import LIVE_DAY, PINNED_DAY
from PIL import Image

KEY = "sk-cli-test-0123456789abcdef"
"""The key the test servers accept; no output, log or database may ever contain it."""

# The catalogue a run (or a mock server) judges against: no test depends on the machine's date.
LIVE = ["--as-of", LIVE_DAY.isoformat()]
"""Today's models: what every run judges against unless it names another day."""
PINNED = ["--as-of", PINNED_DAY.isoformat()]
"""The pinned spec's models: dall-e served, variations open."""

# The smallest and quickest requests the mock renders, with a current model.
SMALL = ["--model", "gpt-image-2.5-flare", "--size", "256x256", "--quality", "low"]
GPT_LOW = ["--model", "gpt-image-2.5-flare", "--quality", "low"]
# The same with a model of the pinned catalogue (run with PINNED).
DALL_E_2 = ["--model", "dall-e-2", "--size", "256x256", "--response-format", "b64_json"]


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a run: no credentials or endpoint of the caller's, a history of its own."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("OPENAI_", "AZURE_OPENAI_")) or name == "OPENAI_IMAGES_HISTORY"
    }
    env["OPENAI_IMAGES_HISTORY"] = str(home / "history.sqlite")
    env.update(extra)
    return env


def dated(args: tuple[str, ...]) -> list[str]:
    """A command line judged as of LIVE_DAY unless it names its day (``--as-of``). ``history`` is left
    alone (a rerun judges as of the day its call named), and so are ``mock`` and ``contract``."""
    if "--as-of" in args or (args and args[0] in ("history", "mock", "contract")):
        return list(args)
    return [*LIVE, *args]


def run_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "openai_images.cli", *dated(args)],
        cwd=cwd,
        env=env if env is not None else cli_env(cwd),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start_cli(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "openai_images.cli", *dated(args)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def closed_port_url() -> str:
    """A loopback URL where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def write_png(path: Path, size: tuple[int, int] = (256, 256), color: Any = (20, 120, 200), mode: str = "RGB") -> Path:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def write_mask(path: Path, size: int = 256) -> Path:
    """Opaque, with a transparent left half: the part to edit."""
    mask = Image.new("RGBA", (size, size), (0, 0, 0, 255))
    mask.paste((0, 0, 0, 0), (0, 0, size // 2, size))
    mask.save(path, format="PNG")
    return path


def image_size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def image_format(path: Path) -> str | None:
    with Image.open(path) as image:
        return image.format


def history_rows(home: Path) -> list[dict[str, Any]]:
    """The calls recorded in ``home``'s history, oldest first ([] when nothing created it)."""
    if not (home / "history.sqlite").exists():
        return []
    connection = sqlite3.connect(home / "history.sqlite")
    connection.row_factory = sqlite3.Row
    try:
        rows = [dict(row) for row in connection.execute("SELECT * FROM calls ORDER BY id")]
    finally:
        connection.close()
    for row in rows:
        for column in ("params", "inputs", "paths", "revised_prompts", "usage"):
            row[column] = json.loads(row[column]) if row[column] is not None else None
    return rows


def stdout_paths(result: subprocess.CompletedProcess[str]) -> list[Path]:
    return [Path(line) for line in result.stdout.splitlines() if line.strip()]
