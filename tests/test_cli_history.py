"""The history: every call recorded (never the key), ``history list|show|rerun|export``, and
``--reuse`` answering an identical earlier request without calling the API."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from conftest import LIVE_DAY, PINNED_DAY, mock_server
from openai_images.commandline import history
from openai_images.commandline.history_commands import rerun_day
from test_cli_support import (
    GPT_LOW,
    KEY,
    LIVE,
    PINNED,
    SMALL,
    cli_env,
    closed_port_url,
    history_rows,
    run_cli,
    stdout_paths,
    write_mask,
    write_png,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with mock_server("--api-key", KEY, *LIVE) as url:
        yield url


@pytest.fixture
def env(tmp_path: Path, server: str) -> dict[str, str]:
    return cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=server)


def test_every_call_is_recorded_with_what_was_asked_and_what_came_of_it(tmp_path: Path, env: dict[str, str]) -> None:
    photo = write_png(tmp_path / "photo.png")
    mask = write_mask(tmp_path / "mask.png")
    assert run_cli("generate", "a fox", *GPT_LOW, cwd=tmp_path, env=env).returncode == 0
    # Revised prompts come from dall-e-3, which the pinned catalogue still serves.
    lighthouse_args = ("generate", "a lighthouse", "--model", "dall-e-3", *PINNED, "--mock")
    assert run_cli(*lighthouse_args, cwd=tmp_path, env=env).returncode == 0
    edit = run_cli("edit", str(photo), "--prompt", "a hat", "--mask", str(mask), *SMALL, cwd=tmp_path, env=env)
    assert edit.returncode == 0, edit.stderr
    failed = run_cli("generate", "x", *SMALL, "-H", "x-mock-fault: 500", "--max-retries", "0", cwd=tmp_path, env=env)
    assert failed.returncode == 3

    fox, lighthouse, hat, error = history_rows(tmp_path)
    assert (fox["operation"], fox["command"], fox["model"], fox["outcome"]) == (
        "createImage",
        "generate",
        "gpt-image-2.5-flare",
        "ok",
    )
    assert fox["params"] == {"prompt": "a fox", "model": "gpt-image-2.5-flare", "quality": "low"}
    assert (fox["as_of"], fox["as_of_given"]) == (LIVE_DAY.isoformat(), 1)
    assert lighthouse["as_of"] == PINNED_DAY.isoformat()
    assert fox["prompt"] == "a fox"
    assert fox["server"] == env["OPENAI_BASE_URL"]
    assert fox["request_id"].startswith("req_")
    assert fox["usage"]["total_tokens"] > 0
    assert fox["paths"] == [str(tmp_path / "a-fox-1.png")]
    assert fox["created_at"].endswith("+00:00")
    assert lighthouse["revised_prompts"] == ["a lighthouse, in a vivid style."]
    assert [(item["param"], item["path"]) for item in hat["inputs"]] == [("image", str(photo)), ("mask", str(mask))]
    assert all(len(item["sha256"]) == 64 for item in hat["inputs"])
    assert (error["outcome"], error["paths"]) == ("api_error", [])
    assert error["request_id"].startswith("req_") and "500" in error["error"]
    assert KEY.encode() not in (tmp_path / "history.sqlite").read_bytes()


def test_no_history_records_nothing(tmp_path: Path) -> None:
    assert run_cli("generate", "a fox", *SMALL, "--mock", "--no-history", cwd=tmp_path).returncode == 0
    assert not (tmp_path / "history.sqlite").exists()


def test_list_show_and_export(tmp_path: Path) -> None:
    for prompt in ("a fox", "a tree"):
        assert run_cli("generate", prompt, *SMALL, "--mock", cwd=tmp_path).returncode == 0

    listing = run_cli("history", cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    header, tree, fox = listing.stdout.splitlines()
    assert header.split()[:3] == ["ID", "WHEN", "(UTC)"]
    assert tree.split()[0] == "2" and tree.endswith("a tree")
    assert fox.split()[0] == "1" and fox.endswith("a fox")
    assert (
        json.loads(run_cli("history", "list", "--limit", "1", "--json", cwd=tmp_path).stdout)["entries"][0]["id"] == 2
    )

    shown = run_cli("history", "show", "1", cwd=tmp_path)
    assert "prompt:" in shown.stdout and "a fox" in shown.stdout
    assert json.loads(run_cli("history", "show", "1", "--json", cwd=tmp_path).stdout)["paths"] == [
        str(tmp_path / "a-fox-1.png")
    ]
    missing = run_cli("history", "show", "99", cwd=tmp_path)
    assert missing.returncode == 1 and "no call #99" in missing.stderr

    exported = [json.loads(line) for line in run_cli("history", "export", cwd=tmp_path).stdout.splitlines()]
    assert [(entry["id"], entry["prompt"]) for entry in exported] == [(1, "a fox"), (2, "a tree")]


def test_rerun_sends_the_recorded_request_again(tmp_path: Path, env: dict[str, str]) -> None:
    photo = write_png(tmp_path / "photo.png")
    first = run_cli("edit", str(photo), "--prompt", "a hat", *SMALL, cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    again = run_cli("history", "rerun", "1", "-o", "again/", cwd=tmp_path, env=env)
    assert again.returncode == 0, again.stderr
    assert stdout_paths(again) == [tmp_path / "again" / "a-hat-1.png"]
    original, rerun = history_rows(tmp_path)
    assert rerun["request_key"] == original["request_key"]
    assert rerun["request_id"] != original["request_id"]
    assert rerun["outcome"] == "ok"

    write_png(photo, color=(0, 0, 0))
    changed = run_cli("history", "rerun", "1", "-o", "changed/", cwd=tmp_path, env=env)
    assert changed.returncode == 0
    assert f"{photo} has changed since call #1" in changed.stderr


def test_rerun_goes_to_the_mock_a_call_was_recorded_against_unless_told_otherwise(tmp_path: Path) -> None:
    first = run_cli("generate", "a fox", *SMALL, "--mock", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    # Now a key and an unreachable server are configured: the rerun still goes to the mock.
    closed = closed_port_url()
    env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=closed)
    again = run_cli("history", "rerun", "1", "-o", "again/", cwd=tmp_path, env=env)
    assert again.returncode == 0, again.stderr
    assert "rerunning call #1 on mock, where it was recorded (--mock or --base-url sends it elsewhere)" in again.stderr
    told = run_cli(
        "history", "rerun", "1", "-o", "told/", "--base-url", closed, "--max-retries", "0", cwd=tmp_path, env=env
    )
    assert told.returncode == 4, told.stderr
    assert [row["server"] for row in history_rows(tmp_path)] == ["mock", "mock", closed]


def test_rerun_goes_to_the_server_a_call_was_recorded_against(tmp_path: Path, env: dict[str, str], server: str) -> None:
    first = run_cli("generate", "a fox", *SMALL, cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    moved = {**env, "OPENAI_BASE_URL": closed_port_url()}
    again = run_cli("history", "rerun", "1", "-o", "again/", cwd=tmp_path, env=moved)
    assert again.returncode == 0, again.stderr
    assert [row["server"] for row in history_rows(tmp_path)] == [server, server]


def test_rerun_judges_as_of_the_day_the_call_asked_for_unless_told_otherwise(tmp_path: Path) -> None:
    first = run_cli("generate", "a cat", "--model", "dall-e-3", *PINNED, "--mock", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = run_cli("history", "rerun", "1", "-o", "again/", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "rerunning call #1 as of 2026-05-01, the day it asked for (or: --as-of today)" in again.stderr
    told = run_cli("history", "rerun", "1", "-o", "told/", *LIVE, cwd=tmp_path)
    assert told.returncode == 2
    assert "model: was retired on 2026-05-12: use a GPT image model instead" in told.stderr
    assert [row["as_of"] for row in history_rows(tmp_path)] == [PINNED_DAY.isoformat()] * 2


def test_a_call_judged_on_its_own_day_is_rerun_as_of_the_day_of_the_rerun() -> None:
    # A model retired since then is refused before sending, as for any new call.
    def entry(given: bool) -> history.Entry:
        return history.Entry(
            "createImage",
            "generate",
            "dall-e-3",
            "mock",
            {},
            None,
            [],
            "k",
            "ok",
            as_of="2026-05-01",
            as_of_given=given,
        )

    assert rerun_day(entry(given=False), None) is None  # today
    assert rerun_day(entry(given=True), None) == PINNED_DAY
    assert rerun_day(entry(given=True), LIVE_DAY) == LIVE_DAY


def test_a_database_of_the_first_version_gains_the_day_columns(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    connection = sqlite3.connect(path)
    with connection:
        connection.executescript(
            "CREATE TABLE calls (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
            " operation TEXT NOT NULL, command TEXT NOT NULL, model TEXT, server TEXT NOT NULL,"
            " params TEXT NOT NULL, prompt TEXT, inputs TEXT NOT NULL, request_key TEXT NOT NULL,"
            " outcome TEXT NOT NULL, error TEXT, request_id TEXT, revised_prompts TEXT NOT NULL, usage TEXT,"
            " paths TEXT NOT NULL, elapsed REAL, reused_from INTEGER, batch_key TEXT);"
            " INSERT INTO calls (created_at, operation, command, server, params, inputs, request_key, outcome,"
            " revised_prompts, paths) VALUES ('2026-06-01T00:00:00+00:00', 'createImage', 'generate', 'mock', '{}',"
            " '[]', 'k', 'ok', '[]', '[]');"
        )
    connection.close()
    store = history.History(path)
    try:
        old = store.get(1)
        assert old is not None and (old.as_of, old.as_of_given) == (None, False)
        store.record(
            history.Entry("createImage", "generate", None, "mock", {}, None, [], "k", "ok", as_of="2026-12-03")
        )
        assert [entry.as_of for entry in store] == [None, "2026-12-03"]
    finally:
        store.close()


def test_reuse_copies_an_identical_earlier_answer_without_any_request(tmp_path: Path) -> None:
    with mock_server("--api-key", KEY, *LIVE) as url:
        env = cli_env(tmp_path, OPENAI_API_KEY=KEY, OPENAI_BASE_URL=url)
        first = run_cli("generate", "a fox", *SMALL, "-o", "first/", cwd=tmp_path, env=env)
        assert first.returncode == 0, first.stderr
    # The server is gone: a request would fail to connect (exit 4).
    reused = run_cli("generate", "a fox", *SMALL, "-o", "second/", "--reuse", "--json", cwd=tmp_path, env=env)
    assert reused.returncode == 0, reused.stderr
    assert "reused call #1" in reused.stderr and "no request was sent" in reused.stderr
    document = json.loads(reused.stdout)
    assert document["reused_from"] == 1
    copy = tmp_path / "second" / "a-fox-1.png"
    assert document["images"] == [str(copy)]
    assert copy.read_bytes() == (tmp_path / "first" / "a-fox-1.png").read_bytes()
    assert history_rows(tmp_path)[-1]["outcome"] == "reused"

    # Different parameters are a different request: that one is sent (and cannot connect).
    other = run_cli("generate", "a fox", *SMALL, "--n", "2", "-o", "third/", "--reuse", cwd=tmp_path, env=env)
    assert other.returncode == 4
    assert "no earlier identical call" in other.stderr


def test_reuse_needs_the_earlier_images_on_disk_and_the_same_input_images(tmp_path: Path) -> None:
    photo = write_png(tmp_path / "photo.png")
    edit = ["edit", str(photo), "--prompt", "a hat", *SMALL, "--mock", "--reuse"]
    assert run_cli(*edit, "-o", "a/", cwd=tmp_path).returncode == 0
    assert "reused call #1" in run_cli(*edit, "-o", "b/", cwd=tmp_path).stderr

    write_png(photo, color=(255, 255, 0))  # same path, other bytes: another request
    changed = run_cli(*edit, "-o", "c/", cwd=tmp_path)
    assert "no earlier identical call" in changed.stderr

    for folder in ("a", "b", "c"):
        os.remove(tmp_path / folder / "a-hat-1.png")
    gone = run_cli(*edit, "-o", "d/", cwd=tmp_path)
    assert "no earlier identical call" in gone.stderr
    assert [row["outcome"] for row in history_rows(tmp_path)] == ["ok", "reused", "ok", "ok"]


def test_the_database_lives_in_the_user_data_directory_unless_the_variable_says_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(history.ENVIRONMENT_VARIABLE, raising=False)
    assert history.default_path() == platformdirs.user_data_path("openai-images", appauthor=False) / "history.sqlite"
    monkeypatch.setenv(history.ENVIRONMENT_VARIABLE, str(tmp_path / "elsewhere.sqlite"))
    assert history.default_path() == tmp_path / "elsewhere.sqlite"


def test_the_database_is_private_to_its_owner(tmp_path: Path) -> None:
    store = history.History(tmp_path / "sub" / "history.sqlite")
    store.close()
    assert (tmp_path / "sub" / "history.sqlite").stat().st_mode & 0o077 == 0
