"""The overlay client: settings and auth, validation before sending, typed errors, streaming, dry runs."""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import openai_images
import pytest
from conftest import COMPLETED, OK_BODY, PINNED_DAY, Recorder
from openai_images import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APIStreamError,
    APITimeoutError,
    AsyncImagesApi,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ImagesApi,
    InsecureTransportWarning,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    SettingsError,
    UnprocessableEntityError,
    ValidationError,
)
from openai_images_client.prepared import PreparedRequest

KEY = "sk-test-0123456789abcdef"
ENV = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_ENDPOINT",
    "OPENAI_API_VERSION",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def client(recorder: Recorder) -> Iterator[ImagesApi]:
    # The day the pinned spec's models were all served: these tests use dall-e's rules.
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with ImagesApi(api_key=KEY, http_client=http, as_of=PINNED_DAY) as api:
        yield api


def error_body(message: str = "bad", param: str | None = "size", code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}}


# --- settings and auth ----------------------------------------------------------------------------


def test_the_key_goes_as_a_bearer_token_to_the_default_base_url(client: ImagesApi, recorder: Recorder) -> None:
    client.create_image(prompt="x")
    assert recorder.last.headers["authorization"] == f"Bearer {KEY}"
    assert str(recorder.last.url) == "https://api.openai.com/v1/images/generations"
    assert recorder.last.headers["user-agent"].startswith("openai-images/")


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "https://gateway.example.test/v1/")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    ImagesApi(http_client=httpx.Client(transport=httpx.MockTransport(recorder))).create_image(prompt="x")
    request = recorder.last
    assert str(request.url) == "https://gateway.example.test/v1/images/generations"
    assert request.headers["authorization"] == "Bearer sk-env"
    assert (request.headers["openai-organization"], request.headers["openai-project"]) == ("org-env", "proj-env")


def test_explicit_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch, recorder: Recorder) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "https://env.example.test/v1")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    api = ImagesApi(
        api_key="sk-arg",
        base_url="https://arg.example.test/v1",
        organization="org-arg",
        project="proj-arg",
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
    )
    api.create_image(prompt="x")
    request = recorder.last
    assert request.url.host == "arg.example.test"
    assert request.headers["authorization"] == "Bearer sk-arg"
    assert (request.headers["openai-organization"], request.headers["openai-project"]) == ("org-arg", "proj-arg")


def test_a_misspelt_option_is_refused() -> None:
    with pytest.raises(TypeError, match="api_keys"):
        ImagesApi(api_keys=KEY)  # type: ignore[call-arg]


def test_no_key_is_an_error_naming_the_variable_before_any_request() -> None:
    with pytest.raises(MissingCredentialsError, match="OPENAI_API_KEY"):
        ImagesApi()


@pytest.mark.parametrize("base_url", ["127.0.0.1:8080/v1", "localhost:8080/v1", "api.openai.com/v1", "ftp://x/v1"])
def test_a_base_url_without_http_or_https_is_refused_when_the_client_is_made(base_url: str) -> None:
    with pytest.raises(SettingsError) as caught:
        ImagesApi(api_key=KEY, base_url=base_url)
    assert str(caught.value) == (
        f"base_url {base_url!r} is not an http:// or https:// URL;"
        " a base URL looks like https://api.openai.com/v1 or http://127.0.0.1:8080/v1"
    )


def test_a_base_url_from_the_environment_that_is_not_a_url_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "127.0.0.1:8080/v1")
    with pytest.raises(SettingsError) as caught:
        ImagesApi(api_key=KEY)
    assert str(caught.value).startswith("OPENAI_BASE_URL '127.0.0.1:8080/v1' is not an http:// or https:// URL")


def test_a_404_from_a_base_url_without_a_version_names_the_url_and_suggests_v1(recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(404, json=error_body("Not Found", None))
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with pytest.raises(NotFoundError) as caught:
        ImagesApi(api_key=KEY, base_url="http://127.0.0.1:8080", http_client=http).create_image(prompt="x")
    assert str(caught.value).endswith(
        "; POST http://127.0.0.1:8080/images/generations: the base URL has no version;"
        " did you mean http://127.0.0.1:8080/v1?"
    )
    with pytest.raises(NotFoundError) as versioned:
        ImagesApi(api_key=KEY, base_url="http://127.0.0.1:8080/v1", http_client=http).create_image(prompt="x")
    assert "did you mean" not in str(versioned.value)


def test_a_404_that_refuses_a_model_is_the_servers_answer_not_a_missing_version(recorder: Recorder) -> None:
    # A gateway served at its root that does not serve the model answers as OpenAI does: 404 model_not_found.
    recorder.answer = lambda request: httpx.Response(404, json=error_body("no such model", "model", "model_not_found"))
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with pytest.raises(NotFoundError) as caught:
        ImagesApi(api_key=KEY, base_url="http://127.0.0.1:8080", http_client=http).create_image(
            prompt="x", model="gpt-image-2.5-flare"
        )
    assert (caught.value.param, caught.value.code, caught.value.hint) == ("model", "model_not_found", None)
    assert "did you mean" not in str(caught.value)


def test_azure_mode_uses_the_api_key_header_deployment_path_and_api_version(recorder: Recorder) -> None:
    api = ImagesApi(
        api_key=KEY,
        azure_endpoint="https://my-resource.openai.azure.example/",
        api_version="2025-04-01-preview",
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
    )
    api.create_image(prompt="x", model="gpt-image-1")  # Azure applies none of OpenAI's retirements
    request = recorder.last
    assert request.url.path == "/openai/deployments/gpt-image-1/images/generations"
    assert request.url.params["api-version"] == "2025-04-01-preview"
    assert request.headers["api-key"] == KEY
    assert "authorization" not in request.headers


def test_azure_mode_from_the_environment_with_a_fixed_deployment(
    monkeypatch: pytest.MonkeyPatch, recorder: Recorder
) -> None:
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-key")
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", "https://res.example.test")
    monkeypatch.setenv("OPENAI_API_VERSION", "2025-01-01")
    api = ImagesApi(azure_deployment="images-prod", http_client=httpx.Client(transport=httpx.MockTransport(recorder)))
    api.create_image(prompt="x")
    assert recorder.last.url.path == "/openai/deployments/images-prod/images/generations"
    assert recorder.last.headers["api-key"] == "azure-key"


def test_azure_mode_without_a_key_names_the_azure_variable() -> None:
    with pytest.raises(MissingCredentialsError, match="AZURE_OPENAI_API_KEY"):
        ImagesApi(azure_endpoint="https://res.example.test", api_version="2025-01-01")


def test_an_injected_http_client_is_used_as_given(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder), headers={"X-Team": "imaging"}, timeout=3.0)
    api = ImagesApi(api_key=KEY, http_client=http)
    api.create_image(prompt="x")
    assert api.http_client is http
    assert recorder.last.headers["x-team"] == "imaging"
    assert recorder.last.extensions["timeout"]["read"] == 3.0
    assert http.auth is None, "the key is added per request, not stored on the caller's client"
    assert "authorization" not in http.headers


def test_the_client_timeout_applies_when_asked_for(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder), timeout=3.0)
    ImagesApi(api_key=KEY, http_client=http, timeout=42.0).create_image(prompt="x")
    assert recorder.last.extensions["timeout"]["read"] == 42.0


def test_per_call_options_reach_the_request(client: ImagesApi, recorder: Recorder) -> None:
    client.create_image(
        prompt="x", extra_headers={"X-Trace": "1"}, extra_query={"q": "2"}, extra_body={"seed": 3}, timeout=9.0
    )
    request = recorder.last
    assert (request.headers["x-trace"], request.url.params["q"]) == ("1", "2")
    assert json.loads(request.content) == {"prompt": "x", "seed": 3}
    assert request.extensions["timeout"]["read"] == 9.0


def test_the_plain_http_warning_points_at_the_callers_line() -> None:
    with pytest.warns(InsecureTransportWarning) as caught:
        ImagesApi(api_key=KEY, base_url="http://images.example.test/v1")
    with pytest.warns(InsecureTransportWarning) as caught_async:
        AsyncImagesApi(api_key=KEY, base_url="http://images.example.test/v1")
    assert [record.filename for record in [*caught, *caught_async]] == [__file__, __file__]


def test_plain_http_to_a_remote_host_warns_and_loopback_does_not() -> None:
    with pytest.warns(InsecureTransportWarning, match="unencrypted"):
        ImagesApi(api_key=KEY, base_url="http://images.example.test/v1")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ImagesApi(api_key=KEY, base_url="http://127.0.0.1:8080/v1")
        ImagesApi(api_key=KEY, base_url="http://localhost:8080/v1")
        ImagesApi(api_key=KEY, base_url="http://[::1]:8080/v1")


# --- the key stays secret -----------------------------------------------------------------------------


def test_the_key_never_shows_in_reprs_errors_logs_or_dry_runs(
    client: ImagesApi, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    texts = [repr(client), str(client), repr(client.settings), repr(client._auth)]
    prepared = client.create_image(prompt="x", dry_run=True)
    texts += [str(prepared), repr(prepared), prepared.to_curl()]
    recorder.answer = lambda request: httpx.Response(401, json=error_body("Incorrect API key provided", None))
    with pytest.raises(AuthenticationError) as caught:
        client.create_image(prompt="x")
    texts += [str(caught.value), repr(caught.value)]
    texts += [record.getMessage() for record in caplog.records]
    for text in texts:
        assert KEY not in text


def test_a_dry_run_sends_nothing_and_shows_the_credential_redacted(client: ImagesApi, recorder: Recorder) -> None:
    prepared = client.create_image(prompt="x", model="dall-e-3", dry_run=True)
    assert isinstance(prepared, PreparedRequest)
    assert recorder.requests == []
    assert prepared.url == "https://api.openai.com/v1/images/generations"
    assert prepared.headers["Authorization"] == "<redacted>"
    assert prepared.json == {"prompt": "x", "model": "dall-e-3"}


def test_a_dry_runs_curl_takes_the_key_from_the_shells_variable(client: ImagesApi) -> None:
    curl = client.create_image(prompt="x", dry_run=True).to_curl()
    assert curl.endswith(' -H "Authorization: Bearer $OPENAI_API_KEY"')
    assert "<redacted>" not in curl and KEY not in curl
    azure = ImagesApi(api_key=KEY, azure_endpoint="https://r.openai.azure.com", api_version="2025-04-01-preview")
    assert (
        azure.create_image(prompt="x", model="dep", dry_run=True)
        .to_curl()
        .endswith(' -H "api-key: $AZURE_OPENAI_API_KEY"')
    )


# --- validation before sending ----------------------------------------------------------------------


def test_an_invalid_request_reaches_no_transport(client: ImagesApi, recorder: Recorder) -> None:
    with pytest.raises(ValidationError) as caught:
        client.create_image(prompt="p", model="dall-e-3", n=2, size="512x512")
    assert {issue.param for issue in caught.value.issues} == {"n", "size"}
    assert recorder.requests == []


def test_an_invalid_dry_run_is_refused_too(client: ImagesApi, recorder: Recorder) -> None:
    with pytest.raises(ValidationError):
        client.create_image(prompt="p", model="dall-e-2", style="vivid", dry_run=True)


@pytest.mark.anyio
async def test_an_invalid_async_request_reaches_no_transport(recorder: Recorder) -> None:
    api = AsyncImagesApi(api_key=KEY, http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)))
    async with api:
        with pytest.raises(ValidationError):
            await api.create_image_variation(image=b"not an image")
    assert recorder.requests == []


def test_validation_can_be_turned_off(recorder: Recorder) -> None:
    api = ImagesApi(api_key=KEY, validate=False, http_client=httpx.Client(transport=httpx.MockTransport(recorder)))
    api.create_image(prompt="p", model="dall-e-3", n=2)
    assert json.loads(recorder.last.content)["n"] == 2


def test_strict_mode_refuses_a_model_the_table_does_not_know(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    ImagesApi(api_key=KEY, http_client=http).create_image(prompt="p", model="local-sdxl")
    with pytest.raises(ValidationError, match="local-sdxl"):
        ImagesApi(api_key=KEY, http_client=http, strict=True).create_image(prompt="p", model="local-sdxl")
    assert len(recorder.requests) == 1


# --- typed errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_each_status_raises_its_error_class(status: int, error_class: type[APIStatusError]) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        body = error_body("nope", "size", "bad_size")
        return httpx.Response(status, json=body, headers={"x-request-id": "req_42", "x-should-retry": "false"})

    api = ImagesApi(api_key=KEY, http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    with pytest.raises(error_class) as caught:
        api.create_image(prompt="x")
    error = caught.value
    assert type(error) is error_class
    assert (error.status_code, error.request_id, error.param, error.code) == (status, "req_42", "size", "bad_size")
    assert error.type == "invalid_request_error"
    assert error.body is not None and error.body.error.message == "nope"
    assert (
        str(error)
        == f"Error code: {status} - invalid_request_error: nope, param: size, code: bad_size (request id req_42)"
    )


def test_an_error_without_the_documented_body_still_raises_with_its_text(client: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(404, text="<html>not here</html>")
    with pytest.raises(NotFoundError) as caught:
        client.create_image(prompt="x")
    assert caught.value.body is None
    assert "not here" in str(caught.value)


def test_an_unreachable_server_is_a_connection_error(recorder: Recorder) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    api = ImagesApi(api_key=KEY, max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(refuse)))
    with pytest.raises(APIConnectionError, match="connection refused") as caught:
        api.create_image(prompt="x")
    assert not isinstance(caught.value, APITimeoutError)


def test_a_connection_error_names_the_host_the_port_and_the_attempts_made(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    monkeypatch.setattr("time.sleep", lambda seconds: None)  # the backoff between attempts
    http = httpx.Client(transport=httpx.MockTransport(refuse))
    with pytest.raises(APIConnectionError) as caught:
        ImagesApi(api_key=KEY, max_retries=2, http_client=http).create_image(prompt="x")
    assert str(caught.value) == (
        "Connection error: could not connect to api.openai.com:443 (3 attempts):"
        " ConnectError: [Errno 111] Connection refused"
    )


def test_a_timeout_is_a_timeout_error() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    api = ImagesApi(api_key=KEY, max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(slow)))
    with pytest.raises(APITimeoutError):
        api.create_image(prompt="x")


def test_a_success_that_does_not_parse_is_a_response_validation_error(client: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(200, json={"data": []})
    with pytest.raises(APIResponseValidationError, match="does not match the spec"):
        client.create_image(prompt="x")


def test_an_answer_keeps_its_request_id_elapsed_time_and_raw_response(client: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(200, json=OK_BODY, headers={"x-request-id": "req_1"})
    result = client.create_image(prompt="x")
    exchange = result._response
    assert exchange is not None
    assert exchange.request_id == "req_1"
    assert exchange.elapsed is not None
    assert exchange.http_response is not None and exchange.http_response.status_code == 200


# --- streaming ----------------------------------------------------------------------------------------


def sse_answer(*events: dict[str, Any]) -> httpx.Response:
    body = "".join(f"event: {event['type']}\ndata: {json.dumps(event)}\n\n" for event in events)
    return httpx.Response(200, content=body.encode(), headers={"content-type": "text/event-stream"})


def test_streaming_yields_the_spec_events(client: ImagesApi, recorder: Recorder) -> None:
    partial = {**COMPLETED, "type": "image_generation.partial_image", "partial_image_index": 0}
    del partial["usage"]
    recorder.answer = lambda request: sse_answer(partial, COMPLETED)
    events = list(client.create_image(prompt="x", model="gpt-image-1.5", stream=True, partial_images=1))
    assert [event.type_ for event in events] == ["image_generation.partial_image", "image_generation.completed"]


def test_a_stream_error_event_raises_an_api_stream_error(client: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: sse_answer({"type": "error", "error": {"message": "moderation blocked"}})
    with pytest.raises(APIStreamError, match="moderation blocked"):
        list(client.create_image(prompt="x", model="gpt-image-1.5", stream=True))


@pytest.mark.anyio
async def test_async_streaming_yields_the_spec_events(recorder: Recorder) -> None:
    recorder.answer = lambda request: sse_answer(COMPLETED)
    async with AsyncImagesApi(
        api_key=KEY, http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    ) as api:
        stream = await api.create_image(prompt="x", model="gpt-image-1.5", stream=True)
        events = [event async for event in stream]
    assert [event.type_ for event in events] == ["image_generation.completed"]


# --- closing --------------------------------------------------------------------------------------


def test_leaving_the_with_block_closes_the_http_client(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with ImagesApi(api_key=KEY, http_client=http):
        pass
    assert http.is_closed


@pytest.mark.anyio
async def test_leaving_the_async_with_block_closes_the_http_client(recorder: Recorder) -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    async with AsyncImagesApi(api_key=KEY, http_client=http):
        pass
    assert http.is_closed


def test_the_package_exports_the_public_names() -> None:
    for name in openai_images.__all__:
        assert hasattr(openai_images, name), name


def test_an_unpinned_call_is_dated_by_the_local_day_the_clock_is_in(monkeypatch: pytest.MonkeyPatch) -> None:
    from openai_images import client

    clock = [dt.datetime(2026, 5, 11, 23, 59, 59).timestamp()]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    assert client.today() == dt.date(2026, 5, 11)
    clock[0] += 2  # past midnight: dall-e-2's last day is over
    assert client.today() == dt.date(2026, 5, 12)
    clock[0] -= 3600  # a clock set back an hour
    assert client.today() == dt.date(2026, 5, 11)


@pytest.mark.parametrize("statement", ["from openai_images import ImagesApi", "import openai_images_client"])
def test_importing_the_client_does_not_load_httpx_making_one_does(statement: str) -> None:
    code = (
        f"import sys; {statement}; print('httpx' in sys.modules);"
        " from openai_images import ImagesApi; ImagesApi(api_key='sk-x'); print('httpx' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]
