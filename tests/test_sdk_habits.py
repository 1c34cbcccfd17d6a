"""Code written for the official SDK carries over: ``event.type``, ``result.request_id`` (and the SDK's
``_request_id``), ``model_dump()``/``model_dump_json()``, per-call ``validate=``/``strict=``, and async
streaming with ``await``; checked side by side with the SDK against a real mock process."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import openai
import pytest
from conftest import COMPLETED, LIVE_DAY, OK_BODY, PARTIAL, Recorder, mock_server
from openai_images import AsyncImagesApi, ImagesApi, ValidationError

KEY = "sk-test-0123456789abcdef"
MODEL = "gpt-image-2.5-flare"


def sse(*events: dict[str, object]) -> bytes:
    return b"".join(f"event: {event['type']}\ndata: {json.dumps(event)}\n\n".encode() for event in events)


@pytest.fixture
def api(recorder: Recorder) -> Iterator[ImagesApi]:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with ImagesApi(api_key=KEY, http_client=http, as_of=LIVE_DAY) as client:
        yield client


def test_stream_events_have_the_sdks_type_attribute(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(
        200, content=sse(PARTIAL, COMPLETED), headers={"content-type": "text/event-stream", "x-request-id": "req_9"}
    )
    with api.create_image(prompt="x", model=MODEL, stream=True, partial_images=1) as events:
        kinds = [(event.type, event.type_) for event in events]
        assert events.request_id == "req_9"
    assert kinds == [("image_generation.partial_image",) * 2, ("image_generation.completed",) * 2]


def test_an_answer_has_a_public_request_id_and_the_sdks_private_one(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(200, json=OK_BODY, headers={"x-request-id": "req_42"})
    result = api.create_image(prompt="x", model=MODEL)
    assert (result.request_id, result._request_id) == ("req_42", "req_42")


def test_models_dump_as_the_sdks_do(api: ImagesApi, recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(200, json={**OK_BODY, "quality": "xhigh", "size": "1536x864"})
    result = api.create_image(prompt="x", model=MODEL)
    assert result.model_dump() == result.to_dict() == {**OK_BODY, "quality": "xhigh", "size": "1536x864"}
    assert json.loads(result.model_dump_json(indent=2)) == result.to_dict()


def test_validation_can_be_turned_off_or_on_for_one_call(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with ImagesApi(api_key=KEY, http_client=http, as_of=LIVE_DAY) as api:
        api.create_image(prompt="x", model="gpt-image-2", quality="xhigh", validate=False)
        assert len(recorder.requests) == 1, "sent as asked"
        with pytest.raises(ValidationError):
            api.create_image(prompt="x", model="my-local-model", strict=True)
    lenient = ImagesApi(api_key=KEY, http_client=http, as_of=LIVE_DAY, validate=False)
    with pytest.raises(ValidationError, match="quality"):
        lenient.create_image(prompt="x", model="gpt-image-2", quality="xhigh", validate=True)
    assert len(recorder.requests) == 1


@pytest.mark.anyio
async def test_async_streams_are_awaited_then_iterated_as_with_the_sdk(recorder: Recorder) -> None:
    recorder.answer = lambda request: httpx.Response(
        200, content=sse(PARTIAL, COMPLETED), headers={"content-type": "text/event-stream"}
    )
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    async with AsyncImagesApi(api_key=KEY, http_client=http, as_of=LIVE_DAY) as api:
        kinds = [event.type async for event in await api.create_image(prompt="x", model=MODEL, stream=True)]
        async with await api.create_image(prompt="x", model=MODEL, stream=True) as events:
            kinds += [event.type async for event in events]
    assert kinds == ["image_generation.partial_image", "image_generation.completed"] * 2


def test_the_same_calls_read_the_same_with_the_sdk_and_with_us() -> None:
    with mock_server("--api-key", KEY, "--as-of", LIVE_DAY.isoformat()) as url:
        sdk = openai.OpenAI(api_key=KEY, base_url=url, max_retries=0)
        theirs = sdk.images.generate(prompt="a kite", model=MODEL, quality="low", size="1024x1024")
        their_kinds = [
            event.type for event in sdk.images.generate(prompt="a kite", model=MODEL, stream=True, partial_images=1)
        ]
        with ImagesApi(api_key=KEY, base_url=url, max_retries=0, as_of=LIVE_DAY) as api:
            ours = api.create_image(prompt="a kite", model=MODEL, quality="low", size="1024x1024")
            our_kinds = [
                event.type for event in api.create_image(prompt="a kite", model=MODEL, stream=True, partial_images=1)
            ]
    assert our_kinds == their_kinds
    assert ours.model_dump().keys() == theirs.model_dump(exclude_none=True).keys()
    assert ours.request_id is not None and theirs._request_id is not None
    assert ours.request_id.startswith("req_") and theirs._request_id.startswith("req_")
