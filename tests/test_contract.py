"""The contract suite passes the mock and the independent reference server, and fails each deliberately
broken variant of either, naming the broken rule.

Every variant is a correct server behind an ASGI wrapper that breaks one rule, served on a
loopback port (tests/contract_servers.py). Runs are small (a few dozen requests) and seeded, so
each test is quick and says the same thing every time.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import mock_server
from contract_servers import (
    KEY,
    SERVERS,
    Edit,
    broken,
    dall_e_3_takes_n,
    fails_on_long_prompts,
    half_height,
    ignores_auth,
    json_answers,
    malformed_errors,
    one_image_too_many,
    serving,
    streams_without_completed_event,
    url_for_gpt_image_models,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai_images import spec
from openai_images.contract import cases, cli, readings, wire
from openai_images.contract.inputs import CASES, near_miss, picture, valid_request
from openai_images.contract.report import Report
from openai_images.contract.runner import Settings, Unreachable, run
from openai_images.mock import create_app
from openai_images.rules import table
from openai_images.validation import check_request, effective_model, form_params

pytestmark = pytest.mark.integration
ALL_MODELS = sorted(table().models)


def suite(base_url: str, **options: Any) -> Report:
    with tempfile.TemporaryDirectory() as repro_dir:
        settings = {"api_key": KEY, "seed": 1, "repro_dir": Path(repro_dir), **options}
        return run(Settings(base_url=base_url, **settings))


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
            {"response_schema_conformance", "auth"},  # model_rules does not count the same bodies again
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
@pytest.mark.parametrize("server", SERVERS)
def test_a_broken_variant_fails_the_check_for_the_rule_it_breaks(
    server: str, edit: Edit, options: dict[str, Any], failing: set[str]
) -> None:
    with serving(broken(edit, server)) as url:
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
                *("--max-examples", "30", "--seed", "1", "--report", str(report_path), "--junit", str(junit_path)),
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
    assert cli.main(["--base-url", url, "--api-key", KEY, "--max-examples", "2"]) == 2
    assert "cannot reach" in capsys.readouterr().err


def test_unknown_operations_checks_and_models_are_refused_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    skip = ["--skip-operation", "createImageVariation:application/json", "makeVideo"]
    status = cli.main(["--base-url", "http://127.0.0.1:9/v1", "--checks", "vibes", "--models", "dall-e-9", *skip])
    assert status == 2
    err = capsys.readouterr().err
    assert "unknown check 'vibes'" in err and "unknown model 'dall-e-9'" in err
    assert "unknown operation 'makeVideo'" in err
    assert "createImageVariation takes no application/json body; it takes multipart/form-data" in err


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
    assert readings.judge(operation_id, missed, content_type).refused  # under every reading of the rules


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
    assert "-F 'image[]=@0-image.png;type=image/png;filename=image.png'" in sent.curl("http://h/v1")
    assert "# 0-image.png: a 64x64 PNG image" in sent.curl("http://h/v1")


def test_an_empty_form_is_still_sent_as_a_form(mock_url: str) -> None:
    import httpx

    sent = wire.prepare("createImageVariation", spec.MULTIPART, {})
    with httpx.Client() as http:
        answer = wire.post(http, mock_url, sent, KEY)
    assert (answer.status_code, answer.json()["error"]["param"]) == (400, "image")
