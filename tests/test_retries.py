"""Retries: which failures are tried again, how long the client waits, and when it stops."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable

import httpx
import pytest
from conftest import OK_BODY, PINNED_DAY, image_bytes
from openai_images import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncImagesApi,
    BadRequestError,
    ImagesApi,
    InternalServerError,
    RateLimitError,
)
from openai_images.retries import RetryPolicy, server_wait

KEY = "sk-test"


class Script:
    """Answers from a list, one per attempt, recording when each attempt arrived."""

    def __init__(self, *answers: int | Callable[[httpx.Request], httpx.Response] | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        if answer == 200:
            return httpx.Response(200, json=OK_BODY)
        return httpx.Response(answer, json={"error": {"message": "x", "type": "t", "param": None, "code": None}})


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Waits are recorded instead of slept, and a fake monotonic clock moves by each of them."""
    waited: list[float] = []
    clock = [1000.0]

    def sleep(seconds: float) -> None:
        waited.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr(time, "sleep", sleep)
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    return waited


def api_for(script: Script, **options: object) -> ImagesApi:
    return ImagesApi(api_key=KEY, http_client=httpx.Client(transport=httpx.MockTransport(script)), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_a_retryable_status_is_tried_again(status: int, sleeps: list[float]) -> None:
    script = Script(status, 200)
    assert api_for(script).create_image(prompt="x").created == OK_BODY["created"]
    assert len(script.requests) == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_a_client_error_is_never_retried(status: int, sleeps: list[float]) -> None:
    script = Script(status, 200)
    with pytest.raises(APIStatusError) as caught:
        api_for(script).create_image(prompt="x")
    assert caught.value.status_code == status
    assert len(script.requests) == 1
    assert sleeps == []


def test_retries_stop_after_max_retries_with_the_last_error(sleeps: list[float]) -> None:
    script = Script(500)
    with pytest.raises(InternalServerError):
        api_for(script, max_retries=3).create_image(prompt="x")
    assert len(script.requests) == 4
    assert len(sleeps) == 3


def test_the_default_is_two_retries(sleeps: list[float]) -> None:
    script = Script(503)
    with pytest.raises(InternalServerError):
        api_for(script).create_image(prompt="x")
    assert len(script.requests) == 3


def test_max_retries_zero_tries_once(sleeps: list[float]) -> None:
    script = Script(429)
    with pytest.raises(RateLimitError):
        api_for(script, max_retries=0).create_image(prompt="x")
    assert len(script.requests) == 1


def test_backoff_grows_exponentially_with_bounded_jitter(sleeps: list[float]) -> None:
    script = Script(500)
    with pytest.raises(InternalServerError):
        api_for(script, max_retries=4).create_image(prompt="x")
    for retry, waited in enumerate(sleeps):
        nominal = min(0.5 * 2**retry, 8.0)
        assert nominal * 0.75 <= waited <= nominal


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "0.25"}, 0.25),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "1500", "retry-after": "9"}, 1.5),
    ],
)
def test_the_server_asked_wait_is_honoured(headers: dict[str, str], expected: float, sleeps: list[float]) -> None:
    script = Script(lambda request: httpx.Response(429, headers=headers), 200)
    api_for(script).create_image(prompt="x")
    assert sleeps == [expected]


def test_retry_after_as_an_http_date_is_honoured() -> None:
    now = 1_800_000_000.0
    when = email.utils.formatdate(now + 7, usegmt=True)
    assert server_wait(httpx.Response(429, headers={"retry-after": when}), now=now) == pytest.approx(7.0)


def test_a_retry_after_longer_than_a_minute_fails_now(sleeps: list[float]) -> None:
    script = Script(lambda request: httpx.Response(429, headers={"retry-after": "3600"}), 200)
    with pytest.raises(RateLimitError):
        api_for(script).create_image(prompt="x")
    assert sleeps == []


def test_the_server_can_forbid_or_ask_for_a_retry(sleeps: list[float]) -> None:
    no = Script(lambda request: httpx.Response(503, headers={"x-should-retry": "false"}), 200)
    with pytest.raises(InternalServerError):
        api_for(no).create_image(prompt="x")
    assert len(no.requests) == 1
    yes = Script(lambda request: httpx.Response(400, headers={"x-should-retry": "true"}), 200)
    api_for(yes).create_image(prompt="x")
    assert len(yes.requests) == 2


def test_a_success_is_never_sent_again_whatever_its_headers_say(sleeps: list[float]) -> None:
    # A repeated image generation is paid twice: only an error answer may ask for another attempt.
    ok = Script(lambda request: httpx.Response(200, json=OK_BODY, headers={"x-should-retry": "true"}))
    api_for(ok).create_image(prompt="x")
    assert len(ok.requests) == 1
    assert sleeps == []


def test_connection_failures_and_timeouts_are_retried(sleeps: list[float]) -> None:
    request = httpx.Request("POST", "https://x")
    script = Script(httpx.ConnectError("refused", request=request), httpx.ReadTimeout("slow", request=request), 200)
    api_for(script).create_image(prompt="x")
    assert len(script.requests) == 3


def test_a_connection_failure_that_persists_raises_after_the_retries(sleeps: list[float]) -> None:
    request = httpx.Request("POST", "https://x")
    script = Script(httpx.ReadTimeout("slow", request=request))
    with pytest.raises(APITimeoutError):
        api_for(script).create_image(prompt="x")
    assert len(script.requests) == 3


def test_a_non_network_transport_error_is_not_retried(sleeps: list[float]) -> None:
    script = Script(httpx.UnsupportedProtocol("no such scheme"))
    with pytest.raises(APIConnectionError):
        api_for(script).create_image(prompt="x")
    assert len(script.requests) == 1


def test_the_deadline_stops_retrying_before_a_wait_would_pass_it(sleeps: list[float]) -> None:
    script = Script(lambda request: httpx.Response(503, headers={"retry-after": "2"}))
    with pytest.raises(InternalServerError):
        api_for(script, max_retries=10, deadline=5.0).create_image(prompt="x")
    assert sleeps == [2.0, 2.0]
    assert len(script.requests) == 3


def test_the_deadline_caps_each_attempts_timeout(sleeps: list[float]) -> None:
    script = Script(200)
    api_for(script, deadline=1.5).create_image(prompt="x")
    timeouts = script.requests[0].extensions["timeout"]
    assert all(0 < value <= 1.5 for value in timeouts.values())


def test_a_multipart_body_is_sent_again_identically(sleeps: list[float]) -> None:
    png = image_bytes("PNG")
    script = Script(500, 200)
    api_for(script).create_image_edit(image=[png, ("b.png", png)], prompt="p")
    first, second = (request.content for request in script.requests)
    assert first == second
    assert png in first


def test_a_streamed_call_is_retried_before_any_event(sleeps: list[float]) -> None:
    event = (
        b'data: {"type": "image_generation.completed", "b64_json": "aGk=", "created_at": 1, "size": "1024x1024",'
        b' "quality": "high", "background": "opaque", "output_format": "png", "usage": {"total_tokens": 1,'
        b' "input_tokens": 1, "output_tokens": 0, "input_tokens_details": {"text_tokens": 1, "image_tokens": 0}}}\n\n'
    )
    script = Script(
        429, lambda request: httpx.Response(200, content=event, headers={"content-type": "text/event-stream"})
    )
    events = list(api_for(script).create_image(prompt="x", model="gpt-image-1.5", stream=True))
    assert len(events) == 1
    assert len(script.requests) == 2


@pytest.mark.anyio
async def test_the_async_client_retries_with_the_same_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    waited: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr("anyio.sleep", fake_sleep)
    script = Script(lambda request: httpx.Response(429, headers={"retry-after-ms": "250"}), 500, 200)
    async with AsyncImagesApi(api_key=KEY, http_client=httpx.AsyncClient(transport=httpx.MockTransport(script))) as api:
        result = await api.create_image(prompt="x")
    assert result.created == OK_BODY["created"]
    assert waited[0] == 0.25
    assert len(script.requests) == 3


@pytest.mark.anyio
async def test_the_async_client_does_not_retry_a_bad_request() -> None:
    script = Script(400, 200)
    async with AsyncImagesApi(api_key=KEY, http_client=httpx.AsyncClient(transport=httpx.MockTransport(script))) as api:
        with pytest.raises(BadRequestError):
            await api.create_image(prompt="x")
    assert len(script.requests) == 1


def test_the_policy_is_a_small_pure_decision() -> None:
    policy = RetryPolicy(max_retries=1, jitter=0.0)
    assert policy.delay(0, 0.0) == 0.5
    assert policy.delay(1, 0.0) is None
    assert policy.delay(0, 0.0, httpx.Response(429, headers={"retry-after": "4"})) == 4.0


def test_a_large_upload_held_in_memory_is_sent_whole_again_on_a_retry(sleeps: list[float]) -> None:
    image = image_bytes("PNG", (64, 64))
    image += b"\0" * (256 * 1024)  # large enough to be sent in its parts rather than joined
    script = Script(500, 200)
    api_for(script, as_of=PINNED_DAY).create_image_variation(image=image)
    assert len(script.requests) == 2
    assert script.requests[0].content == script.requests[1].content
    assert image in script.requests[1].content
