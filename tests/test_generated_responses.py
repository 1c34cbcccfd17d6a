"""How the generated ImagesApi reads answers: leniently forward, with the HTTP exchange at hand."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from conftest import COMPLETED, OK_BODY, PARTIAL, Recorder
from openai_images_client import AsyncImagesApi, ImagesApi, models
from openai_images_client.errors import InvalidResponse, StreamError, UnexpectedStatus
from openai_images_client.models import (
    ErrorResponse,
    ImageGenCompletedEvent,
    ImageGenPartialImageEvent,
    ImagesResponse,
)
from openai_images_client.streaming import AsyncEventStream, EventStream


def test_the_images_response_is_named_after_its_schema() -> None:
    assert models.ImagesResponse.__name__ == "ImagesResponse"
    assert not hasattr(models, "ImageGenerationResponse")
    assert hasattr(models, "ImageGenUsage")


def test_values_the_pinned_spec_does_not_know_are_kept(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(
        200,
        json={
            **OK_BODY,
            "size": "1536x864",
            "quality": "ultra",
            "background": "translucent",
            "output_format": "avif",
            "new_field": {"nested": [1]},
        },
    )
    result = api.create_image(prompt="x", model="gpt-image-2", size="1536x864")
    assert (result.size, result.quality, result.background, result.output_format) == (
        "1536x864",
        "ultra",
        "translucent",
        "avif",
    )
    assert result.additional_properties == {"new_field": {"nested": [1]}}


def test_a_value_of_the_wrong_type_is_still_refused(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(200, json={**OK_BODY, "quality": 1536})
    with pytest.raises(InvalidResponse, match="does not match the spec"):
        api.create_image(prompt="x")


def test_an_answer_keeps_its_http_exchange(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(200, json=OK_BODY, headers={"x-request-id": "req_123"})
    result = api.create_image(prompt="x")
    assert isinstance(result, ImagesResponse)
    exchange = result._response
    assert exchange is not None
    assert exchange.request_id == "req_123"
    assert exchange.status_code == 200
    assert exchange.elapsed is not None and exchange.elapsed >= 0
    assert exchange.http_response is not None and exchange.http_response.json() == OK_BODY


def test_detailed_returns_status_headers_bytes_and_the_parsed_body(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(200, json=OK_BODY, headers={"x-request-id": "req_9"})
    response = api.create_image_detailed(prompt="x")
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req_9"
    assert json.loads(response.content) == OK_BODY
    assert isinstance(response.parsed, ImagesResponse)
    assert response.parsed.data[0].b64_json == "aGVsbG8="


def test_an_undeclared_success_status_is_an_invalid_response(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(201, json=OK_BODY)
    assert api.create_image_detailed(prompt="x").parsed is None
    with pytest.raises(InvalidResponse, match="declares no such answer"):
        api.create_image(prompt="x")


def test_detailed_parses_an_error_answer_into_the_error_model(api: ImagesApi, recorder: Recorder) -> None:
    error = {"error": {"message": "bad size", "type": "invalid_request_error", "param": "size", "code": None}}
    recorder.answer = lambda request: httpx.Response(400, json=error)
    response = api.create_image_detailed(prompt="x", size="7x7")
    assert response.status_code == 400
    assert isinstance(response.parsed, ErrorResponse)
    assert (response.parsed.error.param, response.parsed.error.message) == ("size", "bad size")


def test_detailed_survives_an_unnamed_status_with_a_non_json_body(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(520, text="<html>origin error</html>")
    response = api.create_image_detailed(prompt="x")
    assert response.status_code == 520
    assert response.parsed is None
    assert response.content == b"<html>origin error</html>"


def test_an_error_status_raises(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(503, text="busy")
    with pytest.raises(UnexpectedStatus) as caught:
        api.create_image(prompt="x")
    assert caught.value.status_code == 503


def test_a_2xx_body_that_is_not_json_raises_invalid_response(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(200, text="not json")
    with pytest.raises(InvalidResponse):
        api.create_image(prompt="x")


# --- streaming ---------------------------------------------------------------------------------


def sse(*events: tuple[str, object]) -> bytes:
    return b"".join(
        f"event: {name}\ndata: {data if isinstance(data, str) else json.dumps(data)}\n\n".encode()
        for name, data in events
    )


def streaming(body: bytes, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(
        200, content=body, headers={"content-type": "text/event-stream; charset=utf-8", "x-request-id": "req_s"}
    )


def test_stream_sends_stream_true_and_yields_the_spec_event_models(api: ImagesApi, recorder: Recorder) -> None:
    streaming(sse(("image_generation.partial_image", PARTIAL), ("image_generation.completed", COMPLETED)), recorder)
    stream = api.create_image(prompt="x", model="gpt-image-1.5", stream=True, partial_images=1)
    assert isinstance(stream, EventStream)
    assert stream.request_id == "req_s"
    events = list(stream)
    assert json.loads(recorder.last.content) == {
        "prompt": "x",
        "model": "gpt-image-1.5",
        "stream": True,
        "partial_images": 1,
    }
    assert [type(event) for event in events] == [ImageGenPartialImageEvent, ImageGenCompletedEvent]
    assert isinstance(events[1], ImageGenCompletedEvent)
    assert events[1].usage.total_tokens == 3
    assert stream.response.is_closed


def test_stream_reads_multiline_data_comments_and_done(api: ImagesApi, recorder: Recorder) -> None:
    text = json.dumps(COMPLETED, indent=1)
    body = b": keep-alive\n\ndata: " + text.replace("\n", "\ndata: ").encode() + b"\n\ndata: [DONE]\n\ndata: {}\n\n"
    streaming(body, recorder)
    events = list(api.create_image(prompt="x", stream=True))
    assert [event.type_ for event in events] == ["image_generation.completed"]


def test_stream_lines_end_only_at_cr_or_lf_so_json_with_unicode_line_separators_stays_whole(
    api: ImagesApi, recorder: Recorder
) -> None:
    # JSON may carry U+2028/U+2029 unescaped (JavaScript's JSON.stringify does); SSE lines end at CR/LF only.
    completed = {**COMPLETED, "revised_prompt": "line one\u2028line two\u2029end"}
    streaming(sse(("image_generation.completed", json.dumps(completed, ensure_ascii=False))), recorder)
    events = list(api.create_image(prompt="x", stream=True))
    assert [event.type_ for event in events] == ["image_generation.completed"]
    assert events[0]["revised_prompt"] == "line one\u2028line two\u2029end"


def test_stream_events_without_data_are_skipped(api: ImagesApi, recorder: Recorder) -> None:
    streaming(b"id: 1\nevent: ping\n\n\n: keep-alive\n\n" + sse(("x", COMPLETED)), recorder)
    assert [event.type_ for event in api.create_image(prompt="x", stream=True)] == ["image_generation.completed"]


def test_stream_skips_event_types_the_spec_does_not_know(api: ImagesApi, recorder: Recorder) -> None:
    streaming(
        sse(("image_generation.progress", {"type": "image_generation.progress", "pct": 50}), ("x", COMPLETED)), recorder
    )
    assert [event.type_ for event in api.create_image(prompt="x", stream=True)] == ["image_generation.completed"]


def test_stream_error_event_raises_with_its_message(api: ImagesApi, recorder: Recorder) -> None:
    error = {"type": "error", "error": {"message": "content policy", "type": "invalid_request_error"}}
    streaming(sse(("image_generation.partial_image", PARTIAL), ("error", error)), recorder)
    stream = api.create_image(prompt="x", stream=True)
    assert isinstance(next(stream), ImageGenPartialImageEvent)
    with pytest.raises(StreamError, match="content policy"):
        next(stream)
    assert stream.response.is_closed


def test_a_malformed_event_raises_stream_error(api: ImagesApi, recorder: Recorder) -> None:
    streaming(sse(("image_generation.completed", "{not json")), recorder)
    with pytest.raises(StreamError, match="not JSON"):
        list(api.create_image(prompt="x", stream=True))


def test_closing_a_stream_early_releases_the_connection(api: ImagesApi, recorder: Recorder) -> None:
    streaming(sse(*[("image_generation.partial_image", PARTIAL)] * 3), recorder)
    with api.create_image(prompt="x", stream=True) as stream:
        next(stream)
    assert stream.response.is_closed


def test_stream_asked_but_json_answered_raises(api: ImagesApi, recorder: Recorder) -> None:
    with pytest.raises(StreamError, match="asked for a stream"):
        api.create_image(prompt="x", stream=True)


def test_stream_asked_but_error_answered_raises_the_status_error(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(
        429, json={"error": {"message": "slow down", "type": "x", "param": None, "code": None}}
    )
    with pytest.raises(UnexpectedStatus) as caught:
        api.create_image(prompt="x", stream=True)
    assert caught.value.status_code == 429


@pytest.mark.anyio
async def test_the_async_stream_yields_the_same_events(async_api: AsyncImagesApi, recorder: Recorder) -> None:
    streaming(sse(("image_generation.partial_image", PARTIAL), ("image_generation.completed", COMPLETED)), recorder)
    stream = await async_api.create_image(prompt="x", stream=True)
    assert isinstance(stream, AsyncEventStream)
    events = [event async for event in stream]
    assert [type(event) for event in events] == [ImageGenPartialImageEvent, ImageGenCompletedEvent]
    assert stream.response.is_closed


@pytest.mark.anyio
async def test_async_detailed_returns_the_exchange(async_api: AsyncImagesApi, recorder: Recorder) -> None:
    response = await async_api.create_image_variation_detailed(image=b"\x89PNG\r\n\x1a\n")
    assert response.status_code == 200
    assert isinstance(response.parsed, ImagesResponse)


def test_edit_stream_yields_edit_events(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    edit_completed = {**COMPLETED, "type": "image_edit.completed"}
    streaming(sse(("image_edit.completed", edit_completed)), recorder)
    events: Iterator[object] = api.create_image_edit(image=png, prompt="p", stream=True)
    assert [type(event).__name__ for event in events] == ["ImageEditCompletedEvent"]
