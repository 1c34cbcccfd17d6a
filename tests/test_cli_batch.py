"""``openai-images batch``: one request per JSON line, bounded concurrency that backs off on 429,
a summary, and resuming after an interrupt with every line done exactly once."""

from __future__ import annotations

import asyncio
import json
import signal
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import mock_server
from openai_images.commandline.batch import STATE_FILE, AdaptiveLimit
from test_cli_support import (
    KEY,
    LIVE,
    PINNED,
    cli_env,
    closed_port_url,
    history_rows,
    image_size,
    run_cli,
    start_cli,
    stdout_paths,
    write_mask,
    write_png,
)

pytestmark = pytest.mark.integration

SMALL = {"model": "gpt-image-2.5-flare", "size": "256x256", "quality": "low"}
PINNED_SMALL = {"model": "dall-e-2", "size": "256x256", "response_format": "b64_json"}
"""The same in the pinned catalogue (run with PINNED), where variations are still served."""


def write_lines(path: Path, lines: list[object]) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def test_a_batch_runs_every_line_and_sums_up(tmp_path: Path) -> None:
    write_png(tmp_path / "photo.png")
    write_mask(tmp_path / "mask.png")
    jobs = write_lines(
        tmp_path / "jobs.jsonl",
        [
            {"prompt": "a red fox", **PINNED_SMALL},
            {"prompt": "a red fox", **PINNED_SMALL},  # the same line twice: two requests, two images
            {"prompt": "a whale", "model": "gpt-image-1", "quality": "low", "n": 2},
            {"operation": "edit", "image": ["photo.png"], "mask": "mask.png", "prompt": "a sofa", **PINNED_SMALL},
            {"operation": "vary", "image": "photo.png", "n": 2, "size": "256x256", "response_format": "b64_json"},
        ],
    )
    # Every operation, variations included: the pinned catalogue.
    with mock_server("--api-key", KEY, *PINNED) as url:
        env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=url)
        result = run_cli("batch", str(jobs), "--out", "out", "--concurrency", "3", *PINNED, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    saved = stdout_paths(result)
    assert len(saved) == 7 and len(set(saved)) == 7
    assert all(path.parent == tmp_path / "out" and path.is_file() for path in saved)
    assert sorted(image_size(path) for path in saved) == [(256, 256)] * 5 + [(1024, 1024)] * 2
    assert sum(path.name.startswith("a-red-fox-") for path in saved) == 2
    assert "batch jobs.jsonl: 5 lines: 5 done" in result.stderr
    rows = history_rows(tmp_path)
    assert Counter(row["command"] for row in rows) == {"generate": 3, "edit": 1, "vary": 1}
    assert all(row["outcome"] == "ok" and row["batch_key"] for row in rows)


def test_invalid_lines_are_reported_and_the_others_still_run(tmp_path: Path) -> None:
    jobs = write_lines(
        tmp_path / "jobs.jsonl",
        [
            {"prompt": "fine", **PINNED_SMALL},
            {"prompt": "too big", "model": "dall-e-2", "size": "2048x2048", "colour": "red"},
            "not json",
            "",
            {"operation": "paint", "prompt": "x"},
        ],
    )
    result = run_cli("batch", str(jobs), "--out", "out", "--mock", "--json", *PINNED, cwd=tmp_path)
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert (document["total"], document["done"], document["failed"]) == (4, 1, 3)
    by_line = {line["line"]: line for line in document["lines"]}
    assert by_line[1]["status"] == "done"
    assert "colour: is not a parameter of createImage" in by_line[2]["error"]
    assert "size: not a size this model makes (allowed: 256x256, 512x512, 1024x1024, auto)" in by_line[2]["error"]
    assert "is not JSON" in by_line[3]["error"]
    assert "operation: is not a command batch lines can use (allowed: generate, edit, vary)" in by_line[5]["error"]
    assert "line 2: failed: invalid:" in result.stderr
    assert "fix the invalid lines" in result.stderr


def test_a_batch_resumes_after_an_interrupt_and_does_every_line_exactly_once(tmp_path: Path) -> None:
    jobs = write_lines(tmp_path / "jobs.jsonl", [{"prompt": f"picture {index}", **SMALL} for index in range(8)])
    out = tmp_path / "out"
    state = out / STATE_FILE
    with mock_server("--api-key", KEY, "--slow-seconds", "0.4", *LIVE) as url:
        env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=url)
        slow = ["-H", "x-mock-fault: slow"]  # every answer takes 0.4s: time to interrupt midway
        process = start_cli("batch", str(jobs), "--out", str(out), "--concurrency", "2", *slow, cwd=tmp_path, env=env)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(state.read_text().splitlines() if state.exists() else []) < 2:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=20)
        assert process.returncode == 130, stderr
        assert "rerun the same command to resume" in stderr
        finished = len(state.read_text().splitlines())
        assert 2 <= finished < 8
        assert len(list(out.glob("*.png"))) == finished  # every finished line kept its image...
        assert [
            path for path in out.rglob("*") if path.name.endswith(".part") or path.is_dir()
        ] == []  # ...and only those

        resumed = run_cli("batch", str(jobs), "--out", str(out), "--concurrency", "2", cwd=tmp_path, env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert f"batch: {finished} lines already done" in resumed.stderr
    assert len(stdout_paths(resumed)) == 8 - finished
    assert len(list(out.glob("*.png"))) == 8
    done = [row["batch_key"] for row in history_rows(tmp_path) if row["outcome"] == "ok"]
    assert len(done) == 8 and len(set(done)) == 8  # each line once
    assert len({json.loads(line)["key"] for line in state.read_text().splitlines()}) == 8
    again = run_cli("batch", str(jobs), "--out", str(out), cwd=tmp_path, env=env)
    assert (again.returncode, again.stdout) == (0, "")
    assert "8 lines: 8 skipped" in again.stderr


def test_a_batch_backs_off_when_rate_limited(tmp_path: Path) -> None:
    jobs = write_lines(tmp_path / "jobs.jsonl", [{"prompt": f"picture {index}", **SMALL} for index in range(6)])
    with mock_server("--api-key", KEY, "--fault-script", "429,429,429", "--retry-after", "0.2", *LIVE) as url:
        env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=url)
        result = run_cli(
            "batch", str(jobs), "--out", "out", "--concurrency", "4", "--max-retries", "0", cwd=tmp_path, env=env
        )
    assert result.returncode == 0, result.stderr
    assert "rate limited (429): concurrency 4 -> 2; new calls wait 0.2s" in result.stderr
    assert len(stdout_paths(result)) == 6


def test_a_failed_call_fails_its_line_with_the_api_error(tmp_path: Path) -> None:
    jobs = write_lines(tmp_path / "jobs.jsonl", [{"prompt": "a fox", **SMALL}])
    result = run_cli(
        "batch",
        str(jobs),
        "--out",
        "out",
        "--base-url",
        closed_port_url(),
        "--api-key",
        KEY,
        "--max-retries",
        "0",
        cwd=tmp_path,
    )
    assert result.returncode == 4
    assert "line 1: failed: could not reach the API" in result.stderr
    assert "rerun the same command to retry the failed lines" in result.stderr


def test_an_out_directory_that_cannot_be_written_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    jobs = write_lines(tmp_path / "jobs.jsonl", [{"prompt": "a fox", **SMALL}])
    (tmp_path / "blocker").write_text("a file where a directory should be")
    # Nothing listens at the base URL: a line that was sent would fail with exit 4, not 1.
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=closed_port_url())
    result = run_cli("batch", str(jobs), "--out", "blocker/out", "--max-retries", "0", cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        f"openai-images: cannot save images in {tmp_path / 'blocker' / 'out'}: {tmp_path / 'blocker'} is not a"
        " directory; nothing was sent"
    ]
    assert history_rows(tmp_path) == []


def test_a_dry_run_batch_shows_each_request_and_sends_nothing(tmp_path: Path) -> None:
    jobs = write_lines(tmp_path / "jobs.jsonl", [{"prompt": "a fox", **SMALL}, {"prompt": "a tree", **SMALL}])
    url = closed_port_url()
    result = run_cli("batch", str(jobs), "--out", "out", "--base-url", url, "--dry-run", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(f"POST {url}/images/generations") == 2
    assert not (tmp_path / "out").exists()


def test_a_line_without_a_model_gets_the_default_model_and_a_retired_one_is_refused(tmp_path: Path) -> None:
    jobs = write_lines(tmp_path / "jobs.jsonl", [{"prompt": "a fox"}, {"prompt": "a cat", "model": "dall-e-3"}])
    result = run_cli("batch", str(jobs), "--out", "out", "--mock", "--dry-run", "--json", cwd=tmp_path)
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert [request["json"] for request in document["requests"]] == [
        {"prompt": "a fox", "model": "gpt-image-2.5-flare"}
    ]
    assert "model: was retired on 2026-05-12" in document["lines"][1]["error"]


def test_the_limit_halves_on_429_pauses_new_calls_and_grows_back() -> None:
    async def scenario() -> list[object]:
        limit = AdaptiveLimit(4)
        for _ in range(4):
            await limit.acquire()
        seen: list[object] = [limit.throttle(0.2)]  # (4, 2)
        for _ in range(4):
            limit.release(succeeded=False)
        loop = asyncio.get_running_loop()
        started = loop.time()
        await limit.acquire()
        seen.append(loop.time() - started >= 0.15)  # waited for the pause
        limit.release(succeeded=True)  # one success at limit 2 is not yet a run of two
        await limit.acquire()
        limit.release(succeeded=True)
        seen.append(limit.limit)  # two successes at limit 2: back to 3
        return seen

    assert asyncio.run(scenario()) == [(4, 2), True, 3]


def test_reuse_in_a_batch_copies_identical_earlier_answers(tmp_path: Path) -> None:
    jobs = write_lines(tmp_path / "jobs.jsonl", [{"prompt": "a fox", **SMALL}, {"prompt": "a tree", **SMALL}])
    assert run_cli("batch", str(jobs), "--out", "first", "--mock", cwd=tmp_path).returncode == 0
    second = run_cli("batch", str(jobs), "--out", "second", "--mock", "--reuse", "--json", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert [line["status"] for line in json.loads(second.stdout)["lines"]] == ["reused", "reused"]
    assert sorted(path.name for path in (tmp_path / "second").glob("*.png")) == sorted(
        path.name for path in (tmp_path / "first").glob("*.png")
    )
    assert [row["outcome"] for row in history_rows(tmp_path)] == ["ok", "ok", "reused", "reused"]
