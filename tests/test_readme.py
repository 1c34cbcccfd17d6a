"""The README's "Using the client" examples run as written, against the mock server."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import LIVE_DAY, mock_server
from PIL import Image

pytestmark = pytest.mark.integration
README = Path(__file__).resolve().parents[1] / "README.md"


def examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Using the client", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    with mock_server("--as-of", LIVE_DAY.isoformat()) as url:
        yield url


def write_inputs(folder: Path) -> None:
    """The files the examples name: photos a.png and b.png, a mask m.png (transparent: edit everywhere),
    and a markup arrows.png the size of a.png, transparent but for one drawn stroke."""
    for name, mode in (("a.png", "RGB"), ("b.png", "RGB"), ("m.png", "RGBA")):
        buffer = io.BytesIO()
        Image.new(mode, (64, 64), (0, 0, 0, 0) if mode == "RGBA" else (9, 99, 199)).save(buffer, format="PNG")
        (folder / name).write_bytes(buffer.getvalue())
    arrows = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    arrows.paste((255, 0, 0, 255), (8, 30, 56, 34))
    arrows.save(folder / "arrows.png", format="PNG")


def test_the_readme_has_examples() -> None:
    assert len(examples()) >= 4


@pytest.mark.parametrize("index", range(len(examples())))
def test_a_readme_example_runs_and_runs_again_in_the_same_place(index: int, mock_url: str, tmp_path: Path) -> None:
    # Twice: a reader tries an example, then tries it again; the second run must not fail on what the first left.
    write_inputs(tmp_path)
    env = {**os.environ, "OPENAI_API_KEY": "sk-readme", "OPENAI_BASE_URL": mock_url}
    for run in ("first", "second"):
        result = subprocess.run(
            [sys.executable, "-c", examples()[index]],
            check=False,
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"{run} run: {result.stderr}"
        assert result.stdout.strip()
