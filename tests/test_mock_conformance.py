"""Every answer the mock sends validates against the spec: over a sample of the generated valid requests
(every model of the catalogue it serves, operation and body type), their streamed variants, and invalid ones;
for the pinned spec's catalogue and the live one alike."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from conftest import LIVE_DAY, PINNED_DAY
from openai_images import spec
from openai_images.contract.inputs import CASES, valid_requests
from openai_images.mock import create_app
from openai_images.rules import table
from openai_images.validation import retired_operation
from spec_schemas import errors

pytestmark = pytest.mark.anyio
AUTH = {"authorization": "Bearer sk-conformance"}
PER_CASE = 40
CATALOGUES = {"pinned": PINNED_DAY, "live": LIVE_DAY}


@pytest.fixture(params=list(CATALOGUES))
def catalogue(request: pytest.FixtureRequest) -> dt.date:
    day: dt.date = CATALOGUES[request.param]
    return day


@pytest.fixture
async def http(catalogue: dt.date) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(as_of=catalogue)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://mock.test") as client:
        yield client


def form(params: dict[str, Any]) -> tuple[list[tuple[str, tuple[str, bytes, str]]], dict[str, str]]:
    files: list[tuple[str, tuple[str, bytes, str]]] = []
    data: dict[str, str] = {}
    for name, value in params.items():
        if isinstance(value, list):
            files += [(f"{name}[]", (f"{i}.img", item, "application/octet-stream")) for i, item in enumerate(value)]
        elif isinstance(value, bytes):
            files.append((name, (f"{name}.img", value, "application/octet-stream")))
        else:
            data[name] = value if isinstance(value, str) else json.dumps(value)
    return files, data


async def send(http: httpx.AsyncClient, operation_id: str, content_type: str, params: dict[str, Any]) -> httpx.Response:
    path = "/v1" + spec.operation(operation_id).path
    if content_type == spec.JSON:
        return await http.post(path, json=params, headers=AUTH)
    files, data = form(params)
    return await http.post(path, files=files, data=data, headers=AUTH)


def event_schemas(operation_id: str) -> dict[str, str]:
    union = spec.operation(operation_id).success_schema(spec.EVENT_STREAM) or {}
    names = {}
    for member in union.get("anyOf", []):
        name = member["$ref"].rsplit("/", 1)[-1]
        names[spec.enum_values(spec.resolve(member)["properties"]["type"])[0]] = name
    return names


def sample(operation_id: str, content_type: str, as_of: dt.date) -> list[dict[str, Any]]:
    served = table("mock").catalogue(as_of)
    requests = [params for model, params in valid_requests(operation_id, content_type) if model in served]
    draw = random.Random(f"{operation_id}{content_type}")
    chosen = []
    for streamed in (False, True):
        group = [params for params in requests if (params.get("stream") is True) is streamed]
        chosen += draw.sample(group, min(PER_CASE // 2, len(group)))
    return [{**params, "n": min(params.get("n") or 1, 2)} for params in chosen]


OPEN_CASES = [
    pytest.param(name, operation_id, content_type, id=f"{name}-{operation_id}-{content_type}")
    for name, day in CATALOGUES.items()
    for operation_id, content_type in CASES
    if retired_operation(spec.operation(operation_id), content_type, day) is None
]
"""Each catalogue's operations, but for those closed that day (variations, in the live one)."""


@pytest.mark.parametrize(("catalogue", "operation_id", "content_type"), OPEN_CASES, indirect=["catalogue"])
async def test_answers_to_valid_requests_conform(
    http: httpx.AsyncClient, catalogue: dt.date, operation_id: str, content_type: str
) -> None:
    streams = event_schemas(operation_id)
    checked, streamed = 0, 0
    for params in sample(operation_id, content_type, catalogue):
        response = await send(http, operation_id, content_type, params)
        assert response.status_code == 200, (params.get("model"), response.text)
        if params.get("stream") is True:
            streamed += 1
            for block in response.text.strip().split("\n\n"):
                event = json.loads(block.split("data: ", 1)[1])
                assert errors(streams[event["type"]], event) == [], event["type"]
        else:
            assert response.headers["content-type"] == "application/json"
            assert errors("ImagesResponse", response.json()) == []
        checked += 1
    assert checked > 0
    assert streamed > 0 or not streams, "the sample covers streamed answers where the operation streams"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"prompt": 3},
        {"prompt": "x", "n": 0},
        {"prompt": "x", "model": "dall-e-3", "n": 5, "quality": "low"},
        {"prompt": "x", "size": "huge"},
        {"prompt": "x", "unknown": True},
        {
            "prompt": "",
            "model": "gpt-image-2",
            "size": "1000x1000",
            "background": "transparent",
            "output_format": "jpeg",
        },
    ],
)
async def test_refusals_conform_to_the_error_schema(http: httpx.AsyncClient, body: dict[str, Any]) -> None:
    response = await http.post("/v1/images/generations", json=body, headers=AUTH)
    assert errors("ErrorResponse", response.json()) == []
    # A model not served that day (dall-e-3 in the live catalogue) is OpenAI's 404 model_not_found.
    assert response.status_code == (404 if response.json()["error"]["code"] == "model_not_found" else 400)
