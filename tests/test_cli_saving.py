"""No paid call whose images cannot be saved: the output is proven writable before the request is
sent, a failed download is one clear line, and images that arrived but cannot be placed are kept
elsewhere, the message and the history saying where."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import mock_server
from test_cli_support import (
    KEY,
    LIVE,
    PINNED,
    SMALL,
    cli_env,
    closed_port_url,
    history_rows,
    image_format,
    run_cli,
    start_cli,
    write_png,
)

pytestmark = pytest.mark.integration

# Images answered by URL: dall-e-2, in the pinned catalogue (a URL_SERVER's).
URL_ANSWER = ["--model", "dall-e-2", "--size", "256x256", "--response-format", "url", *PINNED]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with mock_server("--api-key", KEY, "--slow-seconds", "4", *LIVE) as url:
        yield url


@pytest.fixture(scope="module")
def url_server() -> Iterator[str]:
    """A mock of the pinned catalogue, where dall-e-2 answers with image URLs."""
    with mock_server("--api-key", KEY, *PINNED) as url:
        yield url


@pytest.fixture(scope="module")
def expiring_server() -> Iterator[str]:
    """A mock whose image URLs have expired by the time anyone fetches them."""
    with mock_server("--api-key", KEY, "--url-ttl", "0", *PINNED) as url:
        yield url


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("openai-images:")]


def command_line(command: str, home: Path) -> list[str]:
    photo = write_png(home / "photo.png")
    return {
        "generate": ["generate", "a fox", *SMALL],
        "edit": ["edit", str(photo), "--prompt", "a hat", *SMALL],
        # Variations were retired with dall-e-2: the pinned catalogue still takes them.
        "vary": ["vary", str(photo), "--size", "256x256", "--response-format", "b64_json", *PINNED],
    }[command]


@pytest.mark.parametrize("command", ["generate", "edit", "vary"])
@pytest.mark.parametrize("output", ["blocker/sub/", "blocker/fox.png"])
def test_an_output_that_cannot_be_written_is_refused_before_anything_is_sent(
    tmp_path: Path, command: str, output: str
) -> None:
    (tmp_path / "blocker").write_text("a file where a directory should be")
    # Nothing listens at the base URL: a request that went out would end in exit 4, not 1.
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=closed_port_url())
    result = run_cli(*command_line(command, tmp_path), "-o", output, "--max-retries", "0", cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr
    where = tmp_path / output.rstrip("/")
    assert error_lines(result.stderr) == [
        f"openai-images: cannot save images in {where}: {tmp_path / 'blocker'} is not a directory; nothing was sent"
    ]
    assert history_rows(tmp_path) == []


def test_a_directory_that_cannot_be_created_is_named_with_the_reason(tmp_path: Path) -> None:
    result = run_cli("generate", "a fox", "--mock", "-o", "/proc/openai-images-test/", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "cannot save images in /proc/openai-images-test: it cannot be created" in result.stderr
    assert ".openai-images-" not in result.stderr and "Traceback" not in result.stderr


def test_the_writability_probe_leaves_nothing_behind_when_the_call_fails(tmp_path: Path) -> None:
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=closed_port_url())
    result = run_cli("generate", "a fox", *SMALL, "-o", "new/deeper/", "--max-retries", "0", cwd=tmp_path, env=env)
    assert result.returncode == 4, result.stderr
    assert not (tmp_path / "new").exists()


def test_images_that_cannot_be_placed_after_the_call_are_kept_and_the_message_and_history_say_where(
    tmp_path: Path, server: str
) -> None:
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=server)
    out = tmp_path / "out"
    out.mkdir()
    process = start_cli(
        "generate", "a slow fox", *SMALL, "-H", "x-mock-fault: slow", "-o", "out/", cwd=tmp_path, env=env
    )
    # The history is opened after the output was checked and before the (slow) call is answered:
    # then the directory goes away, as a cleanup script or an unmounted disk would take it.
    deadline = time.monotonic() + 20
    while not (tmp_path / "history.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    shutil.rmtree(out)
    out.write_text("not a directory any more")
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 1, stderr
    match = re.search(r"the 1 image was kept as (\S+)", stderr)
    assert match is not None, stderr
    kept = Path(match.group(1))
    assert kept.is_relative_to(tmp_path / "unsaved")  # beside the history
    assert image_format(kept) == "PNG"
    assert f"could not save the images in {out}: {out} is not a directory" in stderr
    [row] = history_rows(tmp_path)
    assert (row["outcome"], row["paths"]) == ("save_failed", [str(kept)])
    assert str(kept) in row["error"]


def test_an_image_url_that_cannot_be_reached_exits_4_with_one_line_and_no_directory(
    tmp_path: Path, url_server: str
) -> None:
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=url_server)
    # The mock writes its image URLs for the host a request names: here, one where nothing listens.
    unreachable = urlsplit(closed_port_url()).netloc
    result = run_cli(
        "generate", "a fox", *URL_ANSWER, "-H", f"Host: {unreachable}", "-o", "out/", cwd=tmp_path, env=env
    )
    assert result.returncode == 4, result.stderr
    assert "Traceback" not in result.stderr
    [line] = error_lines(result.stderr)
    assert line.startswith(f"openai-images: Connection error: could not download image 1 from http://{unreachable}/")
    assert not (tmp_path / "out").exists()
    assert [row["outcome"] for row in history_rows(tmp_path)] == ["connection_error"]


def test_an_expired_image_url_exits_3_with_one_line_and_no_directory(tmp_path: Path, expiring_server: str) -> None:
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=expiring_server)
    result = run_cli("generate", "a fox", *URL_ANSWER, "-o", "out/", cwd=tmp_path, env=env)
    assert result.returncode == 3, result.stderr
    [line] = error_lines(result.stderr)
    assert re.fullmatch(
        r"openai-images: Error code: 404 - downloading image 1: \S+ answered 404; image URLs expire.*", line
    )
    assert not (tmp_path / "out").exists()
    assert [row["outcome"] for row in history_rows(tmp_path)] == ["api_error"]
