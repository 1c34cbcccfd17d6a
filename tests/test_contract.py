"""The contract suite passes the mock, and fails each deliberately broken variant of it naming the broken rule.

Every variant is the real mock app behind an ASGI wrapper that breaks one rule, served on a
loopback port. Runs are small (a few dozen requests) and seeded, so each test is quick and says
the same thing every time.
"""

from __future__ import annotations

import base64
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from conftest import mock_server
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai_images import spec
from openai_images.contract import cases, cli, wire
from openai_images.contract.inputs import CASES, near_miss, picture, valid_request
from openai_images.contract.report import Report
from openai_images.contract.runner import Settings, Unreachable, run
from openai_images.mock import create_app
from openai_images.rules import table
from openai_images.validation import check_request, effective_model, form_params
from PIL import Image
from starlette.types import ASGIApp, Message, Receive, Scope, Send

pytestmark = pytest.mark.integration
KEY = "sk-contract-test-0123456789"
ALL_MODELS = sorted(table().models)


# --- serving an app on loopback, and breaking one rule of it ----------------------------------------


@contextmanager
def serving(app: ASGIApp) -> Iterator[str]:
    """The app on a free loopback port (uvicorn in a thread); yields its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class Seen:
    """A request as a broken variant sees it: headers (lower-cased names) and body, both editable."""

    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        if not self.headers.get("content-type", "").startswith("application/json"):
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            return None


AnswerEdit = Callable[[int, str, bytes], tuple[int, str, bytes]]
"""(status, content type, body) -> the same, edited."""
Edit = Callable[[Seen], AnswerEdit | None]
"""Edits the request in place; returns how to edit its answer, if at all."""


def broken(edit: Edit) -> ASGIApp:
    """The real mock (keys: KEY) behind ``edit``."""
    app = create_app(api_keys=[KEY])

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        seen = Seen({name.decode().lower(): value.decode() for name, value in scope["headers"]}, body)
        answer_edit = edit(seen)
        seen.headers["content-length"] = str(len(seen.body))
        headers = [(name.encode(), value.encode()) for name, value in seen.headers.items()]
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": seen.body, "more_body": False}

        if answer_edit is None:
            await app({**scope, "headers": headers}, replay, send)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            else:
                chunks.append(message.get("body", b""))

        await app({**scope, "headers": headers}, replay, keep)
        answer_headers = {name.decode().lower(): value.decode() for name, value in start["headers"]}
        status, content_type, content = answer_edit(
            start["status"], answer_headers.get("content-type", ""), b"".join(chunks)
        )
        answer_headers.update({"content-type": content_type, "content-length": str(len(content))})
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(name.encode(), value.encode()) for name, value in answer_headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": content})

    return wrapped


def json_answers(change: Callable[[dict[str, Any]], None]) -> Edit:
    """An edit of every successful JSON answer's body."""

    def answer(status: int, content_type: str, content: bytes) -> tuple[int, str, bytes]:
        if status != 200 or not content_type.startswith("application/json"):
            return status, content_type, content
        body = json.loads(content)
        change(body)
        return status, content_type, json.dumps(body).encode()

    return lambda seen: answer


def ignores_auth(seen: Seen) -> None:
    seen.headers["authorization"] = f"Bearer {KEY}"


def url_for_gpt_image_models(body: dict[str, Any]) -> None:
    if "usage" in body:  # only the GPT image models' answers report usage
        body["data"] = [{"url": f"https://images.example/{index}.png"} for index, _ in enumerate(body["data"])]


def one_image_too_many(body: dict[str, Any]) -> None:
    body["data"].append(body["data"][0])


def half_height(body: dict[str, Any]) -> None:
    for item in body["data"]:
        if "b64_json" in item:
            image = Image.open(io.BytesIO(base64.b64decode(item["b64_json"])))
            fmt = image.format
            buffer = io.BytesIO()
            image.resize((image.width, image.height // 2)).save(buffer, format=fmt)
            item["b64_json"] = base64.b64encode(buffer.getvalue()).decode()


def dall_e_3_takes_n(seen: Seen) -> AnswerEdit | None:
    """Accepts n > 1 for dall-e-3, and answers with n images."""
    body = seen.json()
    if not isinstance(body, dict) or body.get("model") != "dall-e-3" or not isinstance(body.get("n"), int):
        return None
    n = body["n"]
    seen.body = json.dumps({**body, "n": 1}).encode()

    def answer(status: int, content_type: str, content: bytes) -> tuple[int, str, bytes]:
        if status != 200:
            return status, content_type, content
        answered = json.loads(content)
        answered["data"] *= n
        return status, content_type, json.dumps(answered).encode()

    return answer


def malformed_errors(seen: Seen) -> AnswerEdit:
    def answer(status: int, content_type: str, content: bytes) -> tuple[int, str, bytes]:
        if status < 400:
            return status, content_type, content
        detail = json.loads(content)["error"]["message"]
        return status, content_type, json.dumps({"detail": detail, "status": status}).encode()

    return answer


def fails_on_long_prompts(seen: Seen) -> AnswerEdit | None:
    """Fails, once past authentication, on a prompt over 1000 characters."""
    body = seen.json()
    if seen.headers.get("authorization") != f"Bearer {KEY}" or not isinstance(body, dict):
        return None
    if not isinstance(body.get("prompt"), str) or len(body["prompt"]) <= 1000:
        return None
    failure = {"error": {"message": "internal error", "type": "server_error", "param": None, "code": None}}
    return lambda status, content_type, content: (500, "application/json", json.dumps(failure).encode())


def streams_without_completed_event(seen: Seen) -> AnswerEdit:
    def answer(status: int, content_type: str, content: bytes) -> tuple[int, str, bytes]:
        if not content_type.startswith("text/event-stream"):
            return status, content_type, content
        events = [block for block in content.decode().split("\n\n") if block and ".completed" not in block]
        return status, content_type, "".join(f"{block}\n\n" for block in events).encode()

    return answer


def suite(base_url: str, **options: Any) -> Report:
    return run(Settings(base_url=base_url, api_key=KEY, seed=options.pop("seed", 1), **options))


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    with serving(create_app(api_keys=[KEY])) as url:
        yield url


# --- the verdicts -----------------------------------------------------------------------------------------


def test_the_mock_passes_every_check_and_every_check_is_exercised(mock_url: str) -> None:
    report = suite(mock_url, max_examples=30, seed=3)
    assert report.failures == [], report.summary()
    assert report.ok
    assert {check for check in report.checks if report.totals(check).passed} == set(report.checks)
    assert {kind for (_, kind) in report.requests} == set(cases.KINDS)
    assert sum(report.requests.values()) == 90


@pytest.mark.parametrize(
    ("edit", "options", "failing"),
    [
        pytest.param(ignores_auth, {}, {"auth"}, id="ignores auth"),
        pytest.param(
            json_answers(url_for_gpt_image_models),
            {"operations": ["createImage"], "models": ["gpt-image-1"]},
            {"image_payload"},
            id="answers url for a GPT image model",
        ),
        pytest.param(json_answers(one_image_too_many), {}, {"image_payload"}, id="wrong number of images"),
        pytest.param(
            json_answers(half_height), {"operations": ["createImage"]}, {"image_payload"}, id="wrong image size"
        ),
        pytest.param(
            dall_e_3_takes_n,
            {"operations": ["createImage"], "models": ["dall-e-3"], "max_examples": 30},
            {"model_rules"},
            id="accepts dall-e-3 with n=2",
        ),
        pytest.param(
            malformed_errors,
            {"operations": ["createImage"]},
            {"model_rules", "response_schema_conformance", "auth"},
            id="malformed error body",
        ),
        pytest.param(
            fails_on_long_prompts,
            {"operations": ["createImage"], "models": ["gpt-image-1"], "max_examples": 40},
            {"not_a_server_error"},
            id="500 on a long prompt",
        ),
        pytest.param(
            streams_without_completed_event,
            {"operations": ["createImage"], "models": ["gpt-image-1"]},
            {"streaming"},
            id="streaming without the completed event",
        ),
    ],
)
def test_a_broken_variant_fails_the_check_for_the_rule_it_breaks(
    edit: Edit, options: dict[str, Any], failing: set[str]
) -> None:
    with serving(broken(edit)) as url:
        report = suite(url, **{"max_examples": 20, **options})
    assert report.failed_checks == failing, report.summary()
    assert not report.ok


def test_a_failure_says_what_was_expected_what_came_back_and_how_to_reproduce_it(tmp_path: Path) -> None:
    with serving(broken(dall_e_3_takes_n)) as url:
        report = suite(url, operations=["createImage"], models=["dall-e-3"], max_examples=30)
        failure = next(f for f in report.failures if f.check == "model_rules" and '"n": 10' in f.curl)
        assert failure.expected.startswith("a 4xx refusal, because n: must be at most 1 (got 10) [model dall-e-3]")
        assert failure.got.startswith("200 application/json")
        assert '"Authorization: Bearer $OPENAI_API_KEY"' in failure.curl and KEY not in failure.curl
        replayed = subprocess.run(
            ["bash", "-c", failure.curl],
            capture_output=True,
            text=True,
            env={**os.environ, "OPENAI_API_KEY": KEY},
            check=True,
        )
    assert len(json.loads(replayed.stdout)["data"]) == 10  # the command reproduces the acceptance


def test_the_command_reports_on_stdout_in_json_and_junit_without_ever_showing_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_path, junit_path = tmp_path / "report.json", tmp_path / "junit.xml"
    with serving(broken(dall_e_3_takes_n)) as url:
        status = cli.main(
            [
                *("--base-url", url, "--api-key", KEY, "--operation", "createImage", "--models", "dall-e-3"),
                *("--max-examples", "12", "--seed", "4", "--report", str(report_path), "--junit", str(junit_path)),
            ]
        )
    out = capsys.readouterr()
    assert status == 1
    assert "FAILED model_rules" in out.out and "reproduce:" in out.out
    document = json.loads(report_path.read_text())
    assert document["ok"] is False
    assert document["checks"]["model_rules"]["failed"] > 0 and document["checks"]["not_a_server_error"]["failed"] == 0
    assert {failure["check"] for failure in document["failures"]} == {"model_rules"}
    junit = ET.parse(junit_path).getroot()
    failed = {case.get("classname") for case in junit.iter("testcase") if case.find("failure") is not None}
    assert failed == {"contract.model_rules"}
    for text in (out.out, out.err, report_path.read_text(), junit_path.read_text()):
        assert KEY not in text


def test_the_command_passes_a_real_mock_process_with_the_key_from_the_environment(tmp_path: Path) -> None:
    with mock_server("--api-key", KEY) as url:
        result = subprocess.run(
            [sys.executable, "-m", "openai_images.contract", "--base-url", url, "--max-examples", "8", "--seed", "2"],
            capture_output=True,
            text=True,
            env={**os.environ, "OPENAI_API_KEY": KEY},
            check=False,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED: every check held." in result.stdout
    assert KEY not in result.stdout + result.stderr


def test_a_server_that_does_not_answer_cannot_be_judged(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(Unreachable):
        suite(url, max_examples=2)
    assert cli.main(["--base-url", url, "--max-examples", "2"]) == 2
    assert "cannot reach" in capsys.readouterr().err


def test_unknown_operations_checks_and_models_are_refused_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = cli.main(["--base-url", "http://127.0.0.1:9/v1", "--checks", "vibes", "--models", "dall-e-9"])
    assert status == 2
    err = capsys.readouterr().err
    assert "unknown check 'vibes'" in err and "unknown model 'dall-e-9'" in err


# --- what the suite sends ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("operation_id", "content_type"), CASES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_valid_requests_are_valid_and_near_misses_are_refused(
    operation_id: str, content_type: str, data: st.DataObject
) -> None:
    valid = data.draw(valid_request(operation_id, content_type, ALL_MODELS))
    assert check_request(operation_id, valid, content_type=content_type, strict=True) == []
    missed = data.draw(near_miss(operation_id, content_type, ALL_MODELS))
    assert check_request(operation_id, missed, content_type=content_type, strict=True) != []


def test_the_same_seed_draws_the_same_requests_and_only_for_claimed_models() -> None:
    chosen, skipped = cases.targets(list(spec.operations()), ["dall-e-3", "gpt-image-1"])
    first, again = cases.draw(chosen, 12, seed=9), cases.draw(chosen, 12, seed=9)
    assert [(d.kind, repr(d.body)) for d in first] == [(d.kind, repr(d.body)) for d in again]
    assert any("createImageVariation" in note and "dall-e-2" in note for note in skipped)
    for drawn in (one for one in first if isinstance(one.body, dict)):
        model = effective_model(drawn.operation_id, drawn.body, drawn.content_type)
        assert model not in set(table().models) - {"dall-e-3", "gpt-image-1"}, drawn


def test_a_form_sends_files_with_names_and_types_and_arrays_as_bracketed_parts() -> None:
    png, jpeg = picture("png", 64, 64), picture("jpeg", 96, 64)
    sent = wire.prepare(
        "createImageEdit", spec.MULTIPART, {"image": [png, jpeg], "prompt": "p", "n": 2, "stream": False, "user": None}
    )
    files = sent.request_options(None)["files"]
    assert files == [
        ("image[]", ("image.png", png, "image/png")),
        ("image[]", ("image.jpg", jpeg, "image/jpeg")),
        ("prompt", (None, "p")),
        ("n", (None, "2")),
        ("stream", (None, "false")),
    ]
    assert sent.params == form_params("createImageEdit", [(p.name, p.value) for p in sent.parts])
    assert sent.params == {"image": [png, jpeg], "prompt": "p", "n": 2, "stream": False}
    assert "-F 'image[]=@0-image.png;type=image/png'" in sent.curl("http://h/v1")
    assert "# 0-image.png: a 64x64 PNG image" in sent.curl("http://h/v1")


def test_an_empty_form_is_still_sent_as_a_form(mock_url: str) -> None:
    import httpx

    sent = wire.prepare("createImageVariation", spec.MULTIPART, {})
    with httpx.Client() as http:
        answer = wire.post(http, mock_url, sent, KEY)
    assert (answer.status_code, answer.json()["error"]["param"]) == (400, "image")
