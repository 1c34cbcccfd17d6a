"""What the contract suite says, and when: one finding per fault, fair verdicts on requests with several
faults or unverifiable references, notes for what the spec allows either way, reproductions that
reproduce, and runs that stop (or never start) when they cannot judge."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import io
import json
import os
import subprocess
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import LIVE_DAY, PINNED_DAY
from contract_servers import (
    KEY,
    SERVERS,
    broken,
    dall_e_3_takes_n,
    ignores_auth,
    json_answers,
    json_edits_answered_404,
    serving,
    urls_that_do_not_exist,
)
from openai_images import spec
from openai_images.contract import cli, readings, wire
from openai_images.contract.checks import CheckFailed, Context, Exchange, Noted, image_payload, model_rules
from openai_images.contract.inputs import picture
from openai_images.mock import create_app
from openai_images.rules import table
from PIL import Image
from starlette.requests import Request
from starlette.types import Receive, Scope, Send
from test_contract import suite

pytestmark = pytest.mark.integration
URL = "http://server.test/v1"


# --- judging one answer ------------------------------------------------------------------------------------


def exchange(
    operation_id: str, content_type: str, body: dict[str, Any], status: int, answer: Any, as_of: dt.date = LIVE_DAY
) -> Exchange:
    """An exchange as the runner makes it, with a made-up answer, judged on ``as_of``."""
    sent = wire.prepare(operation_id, content_type, body)
    request = httpx.Request("POST", URL + sent.path)
    response = httpx.Response(status, json=answer, request=request)
    verdict = readings.judge(operation_id, sent.params, content_type, as_of)
    return Exchange(None, sent, sent.params, verdict, response)  # type: ignore[arg-type]


def refusal(param: str | None) -> dict[str, Any]:
    return {"error": {"message": "no", "type": "invalid_request_error", "param": param, "code": None}}


def judged(ctx: Context, one: Exchange) -> str:
    try:
        return "passed" if model_rules(ctx, one) else "not applied"
    except CheckFailed as failed:
        return f"failed: {failed.reason}"
    except Noted as noted:
        return f"noted: {noted.note.split(' ', 1)[0]}, {noted.note.rsplit('follows the ', 1)[-1]}"


@pytest.fixture
def ctx() -> Iterator[Context]:
    with httpx.Client() as http:
        yield Context(http, URL, KEY)


SQUARE = picture("png", 256, 256)
TWO_IMAGES_AUTO_SIZE = {"model": "dall-e-2", "image": [SQUARE, SQUARE], "size": "auto", "prompt": "p"}
FILE_ID_AND_COMPRESSION = {
    "model": "gpt-image-1.5",
    "images": [{"file_id": "file-abc123"}],
    "output_format": "png",
    "output_compression": 50,
    "prompt": "p",
}
REMOTE_URL_ONLY = {"model": "gpt-image-1.5", "images": [{"image_url": "https://rs.net/a.png"}], "prompt": "p"}


@pytest.mark.parametrize(
    ("content_type", "body", "status", "param", "verdict"),
    [
        (spec.MULTIPART, TWO_IMAGES_AUTO_SIZE, 400, "image", "passed"),
        (spec.MULTIPART, TWO_IMAGES_AUTO_SIZE, 400, "size", "passed"),
        (spec.MULTIPART, TWO_IMAGES_AUTO_SIZE, 400, "prompt", "failed: error.param names no field at fault"),
        (spec.JSON, FILE_ID_AND_COMPRESSION, 400, "output_compression", "passed"),
        (spec.JSON, FILE_ID_AND_COMPRESSION, 400, "images", "passed"),
        (
            spec.JSON,
            FILE_ID_AND_COMPRESSION,
            200,
            None,
            "failed: accepted a request it should refuse (output_compression)",
        ),
        (spec.JSON, REMOTE_URL_ONLY, 200, None, "passed"),
        (spec.JSON, REMOTE_URL_ONLY, 400, "images", "passed"),
        (spec.JSON, REMOTE_URL_ONLY, 400, "prompt", "failed: error.param names no field at fault"),
    ],
)
def test_a_refusal_may_name_any_field_at_fault_and_unverifiable_references_may_go_either_way(
    ctx: Context, content_type: str, body: dict[str, Any], status: int, param: str | None, verdict: str
) -> None:
    answer = refusal(param) if status >= 400 else {"created": 1, "data": [{"b64_json": "x"}]}
    day = PINNED_DAY if body["model"] == "dall-e-2" else LIVE_DAY
    assert judged(ctx, exchange("createImageEdit", content_type, body, status, answer, day)) == verdict


@pytest.mark.parametrize(
    ("status", "param", "verdict"),
    [
        (200, None, "noted: dall-e-auto-size, 'default-is-valid' reading"),
        (400, "size", "noted: dall-e-auto-size, 'listed-only' reading"),
        (400, "prompt", "failed: error.param names no field at fault"),
    ],
)
def test_where_the_prose_reads_two_ways_either_outcome_is_noted_not_failed(
    ctx: Context, status: int, param: str | None, verdict: str
) -> None:
    body = {"model": "dall-e-3", "size": "auto", "prompt": "p"}
    answer = refusal(param) if status >= 400 else {"created": 1, "data": [{"url": "http://x/1.png"}]}
    assert judged(ctx, exchange("createImage", spec.JSON, body, status, answer, PINNED_DAY)) == verdict


@pytest.mark.parametrize(
    ("body", "status", "param", "verdict"),
    [
        ({"prompt": "p"}, 200, None, "noted: absent-model, 'server-picks' reading"),
        ({"prompt": "p"}, 400, "model", "noted: absent-model, 'refused' reading"),
        ({"prompt": "p"}, 400, "prompt", "failed: error.param names no field at fault"),
        # Some models served that day take xhigh, gpt-image-2 does not: a server may pick either.
        ({"prompt": "p", "quality": "xhigh"}, 400, "quality", "noted: absent-model, 'server-picks' reading"),
        ({"prompt": "p", "quality": "standard"}, 200, None, "failed: accepted a request it should refuse (quality)"),
        ({"prompt": "p", "quality": "standard"}, 400, "model", "passed"),
    ],
)
def test_without_a_model_after_its_default_retired_the_server_may_pick_one_or_refuse(
    ctx: Context, body: dict[str, Any], status: int, param: str | None, verdict: str
) -> None:
    answer = refusal(param) if status >= 400 else {"created": 1, "data": [{"b64_json": "x"}]}
    assert judged(ctx, exchange("createImage", spec.JSON, body, status, answer)) == verdict


@pytest.mark.parametrize(
    ("body", "status", "param", "verdict"),
    [
        ({"model": "gpt-image-2.6-flare", "quality": "xhigh"}, 200, None, "noted: 2.6-qualities, 'like-2.5' reading"),
        (
            {"model": "gpt-image-2.6-flare", "quality": "xhigh"},
            400,
            "quality",
            "noted: 2.6-qualities, 'as-named' reading",
        ),
        (
            {"model": "gpt-image-2.5-flare", "output_format": "gif"},
            400,
            "output_format",
            "noted: gif-svg-output, '2.6-only' reading",
        ),
        (
            {"model": "gpt-image-2", "quality": "xhigh"},
            200,
            None,
            "failed: accepted a request it should refuse (quality)",
        ),
        ({"model": "dall-e-3"}, 404, "model", "passed"),
        ({"model": "dall-e-3"}, 200, None, "failed: accepted a request it should refuse (model)"),
        ({"model": "dall-e-3", "size": "1x1"}, 400, "prompt", "failed: error.param names no field at fault"),
    ],
)
def test_the_live_rules_and_the_lifecycle_are_judged_from_the_rules_table(
    ctx: Context, body: dict[str, Any], status: int, param: str | None, verdict: str
) -> None:
    answer = refusal(param) if status >= 400 else {"created": 1, "data": [{"b64_json": "x"}]}
    assert judged(ctx, exchange("createImage", spec.JSON, {**body, "prompt": "p"}, status, answer)) == verdict


def test_a_refusal_off_the_error_shape_is_left_to_the_schema_check(ctx: Context) -> None:
    one = exchange("createImage", spec.JSON, {"model": "dall-e-3", "n": 2, "prompt": "p"}, 400, {"detail": "no"})
    with pytest.raises(CheckFailed) as failed:
        model_rules(ctx, one)
    assert failed.value.covered_by == ("response_schema_conformance",)


def gif(frames: int, delay_ms: int) -> bytes:
    """An animated GIF of ``frames`` distinct frames, each shown ``delay_ms``."""
    pictures = [Image.new("P", (32, 32), index) for index in range(frames)]
    for frame in pictures:
        frame.putpalette([channel for index in range(frames) for channel in (index * 15, 80, 200)])
    buffer = io.BytesIO()
    pictures[0].save(buffer, format="GIF", save_all=True, append_images=pictures[1:], duration=delay_ms, loop=0)
    return buffer.getvalue()


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect/></svg>'
SVG_USAGE = {"input_tokens": 1, "model": "gpt-5.5", "output_tokens": 2, "reasoning_tokens": 0, "total_tokens": 3}
USAGE = {
    "input_tokens": 1,
    "output_tokens": 1,
    "total_tokens": 2,
    "input_tokens_details": {"text_tokens": 1, "image_tokens": 0},
}


def payload(ctx: Context, body: dict[str, Any], content: bytes, **answered: Any) -> str:
    """What image_payload says of a 2.5 model's answer carrying ``content`` as its image."""
    request = {"model": "gpt-image-2.5-flare", "prompt": "p", **body}
    answer = {"created": 1, "data": [{"b64_json": base64.b64encode(content).decode()}], "usage": USAGE, **answered}
    try:
        return "passed" if image_payload(ctx, exchange("createImage", spec.JSON, request, 200, answer)) else "n/a"
    except CheckFailed as failed:
        return f"failed: {failed.reason}"


@pytest.mark.parametrize(
    ("body", "content", "verdict"),
    [
        ({"output_format": "gif"}, gif(9, 200), "passed"),  # the defaults: 9 frames of 200 ms
        ({"output_format": "gif", "frame_count": 4, "frame_duration_ms": 1004}, gif(4, 1000), "passed"),
        ({"output_format": "gif", "frame_count": 4}, gif(3, 200), "failed: an animation with another frame count"),
        (
            {"output_format": "gif", "frame_duration_ms": 1004},
            gif(9, 200),
            "failed: an animation with another frame delay",
        ),
        ({"output_format": "gif"}, picture("png", 32, 32), "failed: an image not in the requested format"),
        ({"output_format": "gif"}, gif(9, 200)[:-40], "failed: an animation that does not decode"),
    ],
    ids=["defaults", "frames and delay", "a frame too few", "another delay", "a PNG", "cut short"],
)
def test_a_gif_answer_is_animated_with_the_frames_and_delay_asked_for(
    ctx: Context, body: dict[str, Any], content: bytes, verdict: str
) -> None:
    assert payload(ctx, body, content) == verdict


@pytest.mark.parametrize(
    ("content", "answered", "verdict"),
    [
        (SVG, {"svg_usage": SVG_USAGE}, "passed"),
        (SVG, {}, "failed: no svg_usage for SVG output"),
        (SVG.replace(b"<rect/>", b"<rect>"), {"svg_usage": SVG_USAGE}, "failed: an SVG answer that is no SVG document"),
        (
            b'<!DOCTYPE svg [<!ENTITY e "x">]>' + SVG,
            {"svg_usage": SVG_USAGE},
            "failed: an SVG answer that is no SVG document",
        ),
        (b"<html><body/></html>", {"svg_usage": SVG_USAGE}, "failed: an SVG answer that is no SVG document"),
        (picture("png", 32, 32), {"svg_usage": SVG_USAGE}, "failed: an SVG answer that is no SVG document"),
    ],
    ids=["an SVG document", "without svg_usage", "not well-formed", "declaring an entity", "HTML", "a PNG"],
)
def test_an_svg_answer_is_an_svg_document_read_safely_with_its_usage(
    ctx: Context, content: bytes, answered: dict[str, Any], verdict: str
) -> None:
    options = {"output_format": "svg", "svg": {"model": "gpt-5.5"}}
    assert payload(ctx, options, content, **answered) == verdict


@pytest.mark.parametrize(
    ("body", "answered", "verdict"),
    [
        ({"safety_identifier": "sid-1", "user": "u-1"}, {"safety_identifier": "sid-1"}, "passed"),
        (
            {"safety_identifier": "sid-1", "user": "u-1"},
            {"safety_identifier": "u-1"},
            "failed: not the effective safety_identifier",
        ),
        ({"safety_identifier": "", "user": "u-1"}, {"safety_identifier": "u-1"}, "passed"),
        ({"user": "u-1"}, {}, "failed: not the effective safety_identifier"),
        ({}, {}, "passed"),
        ({}, {"safety_identifier": "someone"}, "failed: not the effective safety_identifier"),
    ],
)
def test_the_answer_reports_the_effective_safety_identifier(
    ctx: Context, body: dict[str, Any], answered: dict[str, Any], verdict: str
) -> None:
    assert payload(ctx, body, picture("png", 32, 32), **answered) == verdict


def test_an_image_url_this_machine_cannot_reach_is_noted_as_not_verified() -> None:
    def no_route(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    body = {"model": "dall-e-2", "prompt": "p"}
    answer = {"created": 1, "data": [{"url": "https://cdn.example/1.png"}]}
    one = exchange("createImage", spec.JSON, body, 200, answer, PINNED_DAY)
    with httpx.Client(transport=httpx.MockTransport(no_route)) as http, pytest.raises(Noted) as noted:
        image_payload(Context(http, URL, KEY), one)
    assert noted.value.note == "image URLs on cdn.example could not be fetched from here: not verified"


def test_an_image_url_the_server_itself_cannot_serve_is_a_failure() -> None:
    with serving(broken(json_answers(urls_that_do_not_exist), as_of=PINNED_DAY)) as url:
        report = suite(url, operations=["createImage"], models=["dall-e-2"], max_examples=10, as_of=PINNED_DAY)
    reasons = {(finding.check, finding.reason) for finding in report.findings()}
    assert reasons == {("image_payload", "url not fetchable")}, report.summary()


# --- one fault, one finding ------------------------------------------------------------------------------


def test_failures_are_grouped_by_kind_with_the_verdict_and_top_reasons_first() -> None:
    with serving(broken(dall_e_3_takes_n, as_of=PINNED_DAY)) as url:
        report = suite(url, operations=["createImage"], models=["dall-e-3"], max_examples=50, as_of=PINNED_DAY, seed=8)
    [finding] = report.findings()
    assert (finding.check, finding.reason) == ("model_rules", "accepted a request it should refuse (n)")
    count = len(finding.failures)
    assert count == len(report.failures) > 1
    lines = report.summary().splitlines()
    assert lines[0] == f"FAILED: 1 finding in model_rules ({count} answers)"
    assert lines[1] == f"  model_rules: accepted a request it should refuse (n) ({count} answers)"
    assert f"  ... {count - 1} more like it (the JSON report lists them all)" in lines
    assert sum(line.startswith("    reproduce:") for line in lines) == 1
    document = report.to_dict()
    assert [(f["check"], f["count"]) for f in document["findings"]] == [("model_rules", count)]


def test_a_refused_key_is_one_auth_finding_and_no_model_rules_failure() -> None:
    with serving(create_app(api_keys=["sk-another-key"], as_of=LIVE_DAY)) as url:
        report = suite(url, operations=["createImage"], max_examples=12)
    assert [(finding.check, finding.reason) for finding in report.findings()] == [("auth", "the key was refused")]
    assert report.totals("model_rules").failed == 0
    assert report.summary().splitlines()[1].startswith("  auth: the key was refused (12 answers)")


def test_without_a_key_nothing_is_sent_and_the_run_cannot_judge(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    received: list[str] = []

    async def counting(scope: Scope, receive: Receive, send: Send) -> None:
        received.append(scope["path"])
        await create_app(api_keys=[KEY])(scope, receive, send)

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with serving(counting) as url:
        status = cli.main(["--base-url", url, "--max-examples", "4"])
    assert status == 2
    assert "could not judge: no API key" in capsys.readouterr().err
    assert received == []


def test_no_auth_judges_a_server_that_needs_no_key_and_says_so_once_when_it_wants_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    options = ["--no-auth", "--operation", "createImage", "--max-examples", "8", "--seed", "1"]
    options += ["--as-of", LIVE_DAY.isoformat()]
    options += ["--repro-dir", str(tmp_path)]
    with serving(broken(ignores_auth)) as url:  # it lets every request in
        assert cli.main(["--base-url", url, *options]) == 0
    assert "PASSED" in capsys.readouterr().out
    with serving(create_app(api_keys=[KEY], as_of=LIVE_DAY)) as url:
        assert cli.main(["--base-url", url, *options]) == 1
    out = capsys.readouterr().out
    assert "  auth: the server wants a key (8 answers)" in out.splitlines()
    assert "FAILED model_rules" not in out


# --- servers that serve part of the API ----------------------------------------------------------------


def test_an_operation_the_server_does_not_serve_is_one_finding_unless_declared(
    capsys: pytest.CaptureFixture[str],
) -> None:
    edits_json = "createImageEdit (application/json)"
    with serving(broken(json_edits_answered_404(None))) as url:
        claimed = suite(url, operations=["createImageEdit"], max_examples=12)
        declared = suite(url, operations=["createImageEdit"], max_examples=12, skip=[("createImageEdit", spec.JSON)])
        skipped = ["--skip-operation", "createImageEdit:application/json"]
        options = ["--api-key", KEY, "--operation", "createImageEdit", "--max-examples", "6", *skipped]
        options += ["--as-of", LIVE_DAY.isoformat()]
        status = cli.main(["--base-url", url, *options])
    assert [unserved.target for unserved in claimed.unserved_claims] == [edits_json]
    assert claimed.failures == [] and not claimed.ok
    assert claimed.summary().splitlines()[1] == f"  {edits_json}: operation not served (404 to all 6 requests)"
    assert declared.ok and declared.unserved[0].declared
    assert status == 0
    assert f"not served: {edits_json}: operation not served (404 to the one request, as declared" in (
        capsys.readouterr().out
    )


def test_404_naming_the_model_refuses_the_model_not_the_operation() -> None:
    with serving(broken(json_edits_answered_404("model"))) as url:
        report = suite(url, operations=["createImageEdit"], max_examples=30)
    assert report.unserved == []
    assert ("model_rules", "refused a valid request (404)") in {(f.check, f.reason) for f in report.findings()}


# --- reproductions that reproduce ---------------------------------------------------------------------


class Recorder:
    """An ASGI app that keeps each request's body and form fields, and answers 400."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.forms: list[list[tuple[str, Any]]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        body = await request.body()
        self.bodies.append(body)
        if request.headers.get("content-type", "").startswith(spec.MULTIPART):

            async def again() -> dict[str, Any]:
                return {"type": "http.request", "body": body, "more_body": False}

            async with Request(scope, again).form() as form:
                fields = [
                    (name, await value.read() if hasattr(value, "read") else value)
                    for name, value in form.multi_items()
                ]
            self.forms.append(fields)
        await send({"type": "http.response.start", "status": 400, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def replay(command: str, cwd: Path) -> None:
    subprocess.run(["bash", "-c", command], cwd=cwd, check=True, env={**os.environ, "OPENAI_API_KEY": KEY})


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (spec.JSON, b'{"prompt": "caf\xe9\x00", "n": 1'),
        (spec.MULTIPART, {"image": [SQUARE, picture("jpeg", 96, 64)], "prompt": "a\x00b\r\n--x", "n": 2}),
        (spec.MULTIPART, {"image": SQUARE, "prompt": "p", "we=ird": "1"}),
    ],
    ids=["a JSON body that is not UTF-8 and holds a NUL", "a form with uploads and a NUL", "a field named with ="],
)
def test_the_reproducing_command_sends_the_same_request(tmp_path: Path, content_type: str, body: Any) -> None:
    recorder = Recorder()
    sent = wire.prepare("createImageEdit", content_type, body)
    with serving(recorder) as url, httpx.Client() as http:
        wire.post(http, url, sent, KEY)
        sent.write_files(tmp_path)
        replay(sent.curl(url, files=str(tmp_path)), tmp_path)
    original, again = recorder.bodies
    if content_type == spec.JSON:
        assert again == original == body
    else:
        assert recorder.forms[1] == recorder.forms[0]


def test_repro_dir_holds_every_failing_request_with_a_script_that_sends_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repro, report = tmp_path / "repro", tmp_path / "report.json"
    options = ["--operation", "createImage", "--models", "dall-e-3", "--max-examples", "20", "--seed", "8"]
    options += ["--as-of", PINNED_DAY.isoformat()]
    with serving(broken(dall_e_3_takes_n, "reference", PINNED_DAY)) as url:
        reports = ["--repro-dir", str(repro), "--report", str(report)]
        status = cli.main(["--base-url", url, "--api-key", KEY, *options, *reports])
        scripts = sorted(repro.glob("*/run.sh"))
        replayed = subprocess.run(
            [str(scripts[0])], capture_output=True, check=True, env={**os.environ, "OPENAI_API_KEY": KEY}
        )
    assert status == 1
    assert f"reproductions: {repro}" in capsys.readouterr().out
    failures = json.loads(report.read_text())["failures"]
    assert len(scripts) == len(failures) > 0
    assert {Path(failure["reproduction"]) for failure in failures} == {script.parent for script in scripts}
    assert json.loads(replayed.stdout)["data"]  # the request went through again
    assert KEY not in scripts[0].read_text()


# --- ambiguous rules, in every report format -------------------------------------------------------------


def test_an_ambiguous_rule_is_a_note_with_its_question_and_readings_in_text_json_and_junit(tmp_path: Path) -> None:
    with serving(SERVERS["reference"](PINNED_DAY)) as url:
        report = suite(url, operations=["createImage"], models=["dall-e-3"], max_examples=30, seed=2, as_of=PINNED_DAY)
    entry = table().ambiguity("dall-e-auto-size")
    followed = f"dall-e-auto-size ({entry.question}): the server follows the 'listed-only' reading"
    assert report.ok and report.notes, report.summary()
    text = report.summary()
    assert "NOTES (answers the spec allows either way" in text and f"  model_rules: {followed} (" in text
    for name, says in entry.readings.items():
        assert f"    dall-e-auto-size, reading {name!r}: {says}" in text.splitlines()
    [note] = report.to_dict()["notes"]
    assert note["check"] == "model_rules" and note["count"] == len(report.notes) and note["note"] == followed
    assert note["readings"] == {"dall-e-auto-size": dict(entry.readings)}
    junit = ET.fromstring(report.junit_xml())
    [case] = [case for case in junit.iter("testcase") if case.get("name", "").startswith("note:")]
    assert followed in str(case.find("skipped").get("message"))  # type: ignore[union-attr]
    assert entry.readings["default-is-valid"] in str(case.find("system-out").text)  # type: ignore[union-attr]
    assert report.totals("model_rules").noted == len(report.notes)


# --- a server that hangs ----------------------------------------------------------------------------------


def test_a_server_that_stops_answering_stops_the_run_with_what_was_judged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    release = threading.Event()

    async def hanging(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] == "POST":
            while not release.is_set():
                await asyncio.sleep(0.02)
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    with serving(hanging) as url:
        try:
            options = ["--api-key", KEY, "--timeout", "0.3", "--max-examples", "30", "--workers", "2"]
            options += ["--as-of", LIVE_DAY.isoformat()]
            options += ["--repro-dir", str(tmp_path)]
            status = cli.main(["--base-url", url, *options])
        finally:
            release.set()
    out = capsys.readouterr().out
    assert status == 2
    assert out.startswith("STOPPED: the server stopped answering: 3 requests in a row got no answer within 0.3 s.")
    assert " of 68 requests (" in out  # generations and edits 30 each, variations (closed that day) 8
    assert "not_a_server_error: no answer (" in out


def test_progress_is_reported_as_requests_are_judged() -> None:
    seen: list[tuple[int, int, int]] = []
    with serving(SERVERS["mock"](LIVE_DAY)) as url:
        suite(url, operations=["createImage"], max_examples=8, progress=lambda *now: seen.append(now))
    assert [done for done, _, _ in seen] == list(range(1, 9))
    assert {total for _, total, _ in seen} == {8}
