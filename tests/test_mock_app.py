"""The mock server in-process (httpx.ASGITransport): auth, validation and error shapes, images, URLs,
streaming and fault injection. The same app is driven over a real socket in test_mock_integration.

Each test says which catalogue it judges: the pinned spec's (``as_of=PINNED_DAY``: the dall-e models,
gpt-image-1 and variations), the live one (``LIVE_DAY``), or both, when the behaviour is common to them.
The live catalogue's own behaviour (retirements, the new models, GIF, SVG, markup) is in
test_mock_live."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import LIVE_DAY, PINNED_DAY, image_bytes
from openai_images.mock import FaultPlan, Limits, create_app
from openai_images.mock.app import SharedImageStore
from openai_images.mock.embedded import SyncASGITransport, images_api
from PIL import Image
from spec_schemas import errors

pytestmark = pytest.mark.anyio
AUTH = {"authorization": "Bearer sk-any"}
GENERATIONS = "/v1/images/generations"
EDITS = "/v1/images/edits"
VARIATIONS = "/v1/images/variations"
CATALOGUES = {"pinned": PINNED_DAY, "live": LIVE_DAY}
pinned = pytest.mark.parametrize("catalogue", ["pinned"], indirect=True)
"""For a test about the pinned spec's catalogue only (its default model, dall-e, gpt-image-1, variations)."""


@pytest.fixture(params=list(CATALOGUES))
def catalogue(request: pytest.FixtureRequest) -> dt.date:
    """The day the mock serves: each catalogue, unless a test names one."""
    day: dt.date = CATALOGUES[request.param]
    return day


@pytest.fixture
async def http(catalogue: dt.date) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(as_of=catalogue)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://mock.test") as client:
        yield client


def catalogue_cases(*rows: tuple[Any, ...], only: str | None = None) -> list[Any]:
    """Parameter rows for each catalogue (or ``only`` one), the catalogue first."""
    names = [only] if only else list(CATALOGUES)
    return [pytest.param(name, *row, id=f"{name}-{index}") for index, row in enumerate(rows) for name in names]


def decode(item: dict[str, Any]) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(item["b64_json"])))


def assert_error(response: httpx.Response, status: int, param: str | None = None, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert errors("ErrorResponse", body) == []
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert body["error"]["message"]
    assert body["error"]["param"] == param
    if code is not None:
        assert body["error"]["code"] == code


# --- auth ---------------------------------------------------------------------------------------------


async def test_a_request_without_a_key_is_refused_with_401(http: httpx.AsyncClient) -> None:
    assert_error(await http.post(GENERATIONS, json={"prompt": "x"}), 401, code="missing_api_key")


async def test_any_non_empty_key_is_accepted_by_default(http: httpx.AsyncClient) -> None:
    response = await http.post(GENERATIONS, json={"prompt": "x"}, headers={"authorization": "Bearer anything"})
    assert response.status_code == 200


async def test_only_configured_keys_are_accepted_when_given(catalogue: dt.date) -> None:
    transport = httpx.ASGITransport(create_app(api_keys={"sk-good"}, as_of=catalogue))
    async with httpx.AsyncClient(transport=transport, base_url="http://m") as http:
        good = await http.post(GENERATIONS, json={"prompt": "x"}, headers={"authorization": "Bearer sk-good"})
        bad = await http.post(GENERATIONS, json={"prompt": "x"}, headers={"authorization": "Bearer sk-bad"})
    assert good.status_code == 200
    assert_error(bad, 401, code="invalid_api_key")
    assert "sk-bad" not in bad.text


async def test_azure_requests_use_the_api_key_header_and_a_deployment(http: httpx.AsyncClient) -> None:
    path = "/openai/deployments/gpt-image-1/images/generations"
    response = await http.post(f"{path}?api-version=2025-04-01", json={"prompt": "x"}, headers={"api-key": "k"})
    assert response.status_code == 200
    assert "usage" in response.json(), "the deployment named the model: a GPT image model answered"
    assert_error(await http.post(path, json={"prompt": "x"}, headers={"api-key": "k"}), 400, "api-version")
    assert_error(await http.post(f"{path}?api-version=1", json={"prompt": "x"}), 401)


# --- validation and error shapes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalogue", "body", "param", "code"),
    [
        *catalogue_cases(
            ({}, "prompt", "missing_required_parameter"),
            ({"prompt": "x", "n": "2"}, "n", "invalid_type"),
            ({"prompt": "x", "seed": 1}, "seed", "unknown_parameter"),
        ),
        *catalogue_cases(
            ({"prompt": "x", "model": "dall-e-3", "n": 2}, "n", "invalid_value"),
            ({"prompt": "x", "model": "dall-e-2", "style": "vivid"}, "style", "unsupported_parameter"),
            ({"prompt": "x" * 1001}, "prompt", "invalid_value"),
            only="pinned",
        ),
    ],
    indirect=["catalogue"],
)
async def test_an_invalid_request_gets_400_naming_the_param(
    http: httpx.AsyncClient, body: dict[str, Any], param: str, code: str
) -> None:
    assert_error(await http.post(GENERATIONS, json=body, headers=AUTH), 400, param, code)


@pytest.mark.parametrize("catalogue", ["pinned", "live"], indirect=True)
async def test_a_model_it_does_not_serve_gets_404_model_not_found_as_openai_answers(http: httpx.AsyncClient) -> None:
    # OpenAI's model_not_found answers are 404s ("The model `x` does not exist or you do not have access to it").
    body = {"prompt": "x", "model": "nonexistent-model", "size": "1x1"}  # the model is judged first
    assert_error(await http.post(GENERATIONS, json=body, headers=AUTH), 404, "model", "model_not_found")


@pinned
async def test_every_issue_is_in_the_message(http: httpx.AsyncClient) -> None:
    response = await http.post(
        GENERATIONS, json={"prompt": "x", "model": "dall-e-3", "n": 2, "size": "1x1"}, headers=AUTH
    )
    message = response.json()["error"]["message"]
    assert "n: must be at most 1" in message
    assert "size:" in message


async def test_a_body_that_is_not_json_is_refused(http: httpx.AsyncClient) -> None:
    headers = {**AUTH, "content-type": "application/json"}
    assert_error(await http.post(GENERATIONS, content=b"{nope", headers=headers), 400, code="invalid_json")
    assert_error(await http.post(GENERATIONS, content=b"[1]", headers=headers), 400, code="invalid_json")


async def test_a_body_of_the_wrong_media_type_is_refused(http: httpx.AsyncClient) -> None:
    response = await http.post(GENERATIONS, data={"prompt": "x"}, headers=AUTH)
    assert_error(response, 415, code="unsupported_media_type")


async def test_a_declared_body_over_the_limit_is_refused_unread(catalogue: dt.date) -> None:
    app = create_app(limits=Limits(max_body_bytes=1000), as_of=catalogue)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://m") as http:
        headers = {**AUTH, "content-type": "application/json", "content-length": "5000000"}
        response = await http.post(GENERATIONS, content=b"{}", headers=headers)
    assert_error(response, 413, code="body_too_large")


async def test_a_streamed_body_over_the_limit_is_cut_off(catalogue: dt.date) -> None:
    app = create_app(limits=Limits(max_body_bytes=10_000, max_file_bytes=10**6), as_of=catalogue)

    async def chunks() -> AsyncIterator[bytes]:
        yield b'--b\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n\r\n'
        for _ in range(100):
            yield b"x" * 1000

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://m") as http:
        headers = {**AUTH, "content-type": "multipart/form-data; boundary=b"}
        response = await http.post(EDITS, content=chunks(), headers=headers)
    assert_error(response, 413, code="body_too_large")


async def test_an_uploaded_file_over_the_largest_image_limit_is_refused(catalogue: dt.date) -> None:
    app = create_app(limits=Limits(max_file_bytes=2000), as_of=catalogue)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://m") as http:
        files = {"image": ("a.png", image_bytes("PNG") + b"\0" * 5000, "image/png")}
        response = await http.post(EDITS, files=files, data={"prompt": "p"}, headers=AUTH)
    assert_error(response, 400, "image", "part_too_large")


async def test_too_many_parts_are_refused(catalogue: dt.date) -> None:
    app = create_app(limits=Limits(max_parts=5), as_of=catalogue)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://m") as http:
        data = {f"field{i}": "x" for i in range(10)}
        response = await http.post(
            EDITS, files={"image": ("a.png", image_bytes(), "image/png")}, data=data, headers=AUTH
        )
    assert_error(response, 400, code="too_many_parts")


async def test_unknown_routes_and_methods_answer_in_the_error_shape(http: httpx.AsyncClient) -> None:
    assert_error(await http.get("/v1/models", headers=AUTH), 404)
    assert_error(await http.get(GENERATIONS, headers=AUTH), 405)


@pytest.mark.parametrize("method", ["TRACE", "GET", "PUT", "DELETE", "OPTIONS"])
async def test_an_unrouted_method_gets_405_with_the_allowed_methods(http: httpx.AsyncClient, method: str) -> None:
    response = await http.request(method, GENERATIONS, headers=AUTH)
    assert_error(response, 405)
    assert response.headers["allow"] == "POST"  # RFC 9110, 15.5.6: a 405 must say what is allowed
    image_route = await http.request("TRACE", "/v1/mock-images/x.png")
    assert set(image_route.headers["allow"].split(", ")) == {"GET", "HEAD"}


# --- images ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalogue", "request_body", "size", "fmt"),
    [
        *catalogue_cases(
            ({"model": "dall-e-2", "size": "256x256", "response_format": "b64_json"}, (256, 256), "PNG"),
            ({"model": "dall-e-3", "size": "1024x1792", "response_format": "b64_json"}, (1024, 1792), "PNG"),
            ({"model": "gpt-image-1", "size": "1536x1024", "output_format": "jpeg"}, (1536, 1024), "JPEG"),
            only="pinned",
        ),
        *catalogue_cases(
            ({"model": "gpt-image-1.5", "output_format": "webp", "size": "auto"}, (1024, 1024), "WEBP"),
            ({"model": "gpt-image-2", "size": "1536x864"}, (1536, 864), "PNG"),
        ),
    ],
    indirect=["catalogue"],
)
async def test_images_have_the_requested_size_and_format(
    http: httpx.AsyncClient, request_body: dict[str, Any], size: tuple[int, int], fmt: str
) -> None:
    response = await http.post(GENERATIONS, json={"prompt": "a lighthouse", **request_body}, headers=AUTH)
    image = decode(response.json()["data"][0])
    assert (image.size, image.format) == (size, fmt)


async def test_n_images_are_made_and_they_differ(http: httpx.AsyncClient) -> None:
    body = {"prompt": "a boat", "model": "gpt-image-1-mini", "n": 3, "quality": "low"}
    data = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()["data"]
    assert len(data) == 3
    assert len({item["b64_json"] for item in data}) == 3


@pinned
async def test_the_same_request_gives_the_same_images(http: httpx.AsyncClient) -> None:
    body = {"prompt": "same", "model": "gpt-image-1", "size": "1024x1024"}
    first, second = [(await http.post(GENERATIONS, json=body, headers=AUTH)).json() for _ in range(2)]
    assert first["data"] == second["data"]


@pinned
async def test_a_transparent_background_gives_alpha(http: httpx.AsyncClient) -> None:
    body = {"prompt": "logo", "model": "gpt-image-1", "background": "transparent", "quality": "low"}
    answer = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()
    image = decode(answer["data"][0])
    assert answer["background"] == "transparent"
    assert image.mode == "RGBA"
    assert image.getextrema()[3][0] == 0, "some pixels are fully transparent"


@pinned
async def test_answers_carry_what_the_model_gives(http: httpx.AsyncClient) -> None:
    dalle3 = (await http.post(GENERATIONS, json={"prompt": "fox", "model": "dall-e-3"}, headers=AUTH)).json()
    assert set(dalle3["data"][0]) == {"url", "revised_prompt"}
    assert set(dalle3) == {"created", "data"}
    dalle2 = (await http.post(GENERATIONS, json={"prompt": "fox", "response_format": "b64_json"}, headers=AUTH)).json()
    assert set(dalle2["data"][0]) == {"b64_json"}
    gpt = (
        await http.post(GENERATIONS, json={"prompt": "fox", "model": "gpt-image-1", "quality": "medium"}, headers=AUTH)
    ).json()
    assert set(gpt["data"][0]) == {"b64_json"}
    assert (gpt["background"], gpt["output_format"], gpt["size"], gpt["quality"]) == (
        "opaque",
        "png",
        "1024x1024",
        "medium",
    )
    assert gpt["usage"]["total_tokens"] == gpt["usage"]["input_tokens"] + gpt["usage"]["output_tokens"]


async def test_an_image_url_serves_the_image_and_expires() -> None:
    app = create_app(url_ttl=0.2, as_of=PINNED_DAY)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://m") as http:
        answer = (await http.post(GENERATIONS, json={"prompt": "cat", "size": "256x256"}, headers=AUTH)).json()
        url = answer["data"][0]["url"]
        assert url.startswith("http://m/v1/mock-images/")
        served = await http.get(url)
        assert served.headers["content-type"] == "image/png"
        assert Image.open(io.BytesIO(served.content)).size == (256, 256)
        time.sleep(0.25)
        assert_error(await http.get(url), 404, code="image_not_found")


async def test_image_urls_of_one_worker_process_are_served_by_another_until_they_expire(tmp_path: Path) -> None:
    # Worker processes share only the directory: one app answers with a URL, a second one serves it.
    apps = [create_app(url_ttl=0.3, image_dir=str(tmp_path), as_of=PINNED_DAY) for _ in range(2)]
    transports = [httpx.ASGITransport(app) for app in apps]
    async with httpx.AsyncClient(transport=transports[0], base_url="http://m") as one:
        answer = (await one.post(GENERATIONS, json={"prompt": "cat", "size": "256x256"}, headers=AUTH)).json()
    async with httpx.AsyncClient(transport=transports[1], base_url="http://m") as other:
        served = await other.get(answer["data"][0]["url"])
        assert served.headers["content-type"] == "image/png"
        assert Image.open(io.BytesIO(served.content)).size == (256, 256)
        name = answer["data"][0]["url"].rsplit("/", 1)[-1]
        assert_error(await other.get(f"/v1/mock-images/.{name}.part"), 404, code="image_not_found")
        time.sleep(0.35)
        assert_error(await other.get(answer["data"][0]["url"]), 404, code="image_not_found")


def test_a_shared_image_store_keeps_its_newest_images_within_its_bound(tmp_path: Path) -> None:
    store = SharedImageStore(tmp_path, max_entries=3)
    names = [store.put(bytes([index]), "jpeg") for index in range(5)]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(names[2:])
    stored = store.get(names[-1])
    assert stored is not None and (stored.content, stored.media_type) == (b"\x04", "image/jpeg")
    assert store.get(names[0]) is None


@pinned
async def test_an_edit_derives_from_the_upload_and_changes_the_masked_area(http: httpx.AsyncClient) -> None:
    source = image_bytes("PNG", (256, 256), color=(10, 200, 10))
    mask = Image.new("RGBA", (256, 256), (0, 0, 0, 255))
    mask.paste((0, 0, 0, 0), (0, 0, 128, 256))
    buffer = io.BytesIO()
    mask.save(buffer, format="PNG")
    files = [("image", ("a.png", source, "image/png")), ("mask", ("m.png", buffer.getvalue(), "image/png"))]
    data = {"prompt": "a red door", "model": "dall-e-2", "size": "256x256", "response_format": "b64_json"}
    response = await http.post(EDITS, files=files, data=data, headers=AUTH)
    edited = decode(response.json()["data"][0]).convert("RGB")
    assert edited.getpixel((250, 128)) == (10, 200, 10), "the unmasked half keeps the source"
    assert edited.crop((0, 0, 128, 256)).getcolors(65536) != [(128 * 256, (10, 200, 10))]


async def test_an_edit_takes_several_images_as_image_brackets(http: httpx.AsyncClient) -> None:
    files = [("image[]", (f"{i}.png", image_bytes("PNG", (64, 64)), "image/png")) for i in range(3)]
    response = await http.post(EDITS, files=files, data={"prompt": "merge", "size": "1024x1536"}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert decode(response.json()["data"][0]).size == (1024, 1536)


@pinned
async def test_a_variation_derives_from_the_upload(http: httpx.AsyncClient) -> None:
    files = {"image": ("a.png", image_bytes("PNG", (64, 64)), "image/png")}
    response = await http.post(
        VARIATIONS, files=files, data={"n": "2", "size": "512x512", "response_format": "b64_json"}, headers=AUTH
    )
    data = response.json()["data"]
    assert [decode(item).size for item in data] == [(512, 512), (512, 512)]


@pinned
async def test_a_corrupt_upload_with_a_good_header_is_a_400(http: httpx.AsyncClient) -> None:
    truncated = image_bytes("PNG", (64, 64))[:60]
    response = await http.post(VARIATIONS, files={"image": ("a.png", truncated, "image/png")}, headers=AUTH)
    assert_error(response, 400, "image", "invalid_image")


# --- streaming ---------------------------------------------------------------------------------------


def parse_events(text: str) -> list[tuple[str, dict[str, Any]]]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        events.append((lines["event"], json.loads(lines["data"])))
    return events


@pinned
@pytest.mark.parametrize(("partials", "path"), [(0, GENERATIONS), (2, GENERATIONS), (3, EDITS)])
async def test_a_stream_sends_partial_images_then_one_completed_event(
    http: httpx.AsyncClient, partials: int, path: str
) -> None:
    fields = {"prompt": "tower", "model": "gpt-image-1", "stream": True, "partial_images": partials, "quality": "low"}
    if path == EDITS:
        response = await http.post(
            path,
            files={"image": ("a.png", image_bytes(), "image/png")},
            data={k: json.dumps(v) if not isinstance(v, str) else v for k, v in fields.items()},
            headers=AUTH,
        )
    else:
        response = await http.post(path, json=fields, headers=AUTH)
    assert response.headers["content-type"].startswith("text/event-stream")
    events = parse_events(response.text)
    prefix = "image_edit" if path == EDITS else "image_generation"
    assert [name for name, _ in events] == [f"{prefix}.partial_image"] * partials + [f"{prefix}.completed"]
    schemas = (
        ("ImageEditPartialImageEvent", "ImageEditCompletedEvent")
        if path == EDITS
        else ("ImageGenPartialImageEvent", "ImageGenCompletedEvent")
    )
    for name, event in events:
        assert event["type"] == name
        assert errors(schemas[name.endswith("completed")], event) == []
    assert [event["partial_image_index"] for _, event in events[:-1]] == list(range(partials))
    assert decode(events[-1][1]).size == (1024, 1024)


# --- faults -----------------------------------------------------------------------------------------


async def test_a_429_fault_says_when_to_retry(http: httpx.AsyncClient) -> None:
    response = await http.post(GENERATIONS, json={"prompt": "x"}, headers={**AUTH, "x-mock-fault": "429"})
    assert_error(response, 429, code="rate_limit_exceeded")
    assert (response.headers["retry-after"], response.headers["retry-after-ms"]) == ("1", "1000")


@pytest.mark.parametrize("status", ["500", "503"])
async def test_server_error_faults_answer_in_the_error_shape(http: httpx.AsyncClient, status: str) -> None:
    response = await http.post(GENERATIONS, json={"prompt": "x"}, headers={**AUTH, "x-mock-fault": status})
    assert_error(response, int(status))
    assert response.json()["error"]["type"] == "server_error"


async def test_a_slow_fault_delays_the_answer(catalogue: dt.date) -> None:
    app = create_app(faults=FaultPlan(script=["slow"], slow_seconds=0.3), as_of=catalogue)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://m") as http:
        started = time.monotonic()
        response = await http.post(GENERATIONS, json={"prompt": "x"}, headers=AUTH)
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.3


def test_a_drop_fault_breaks_the_connection_mid_answer(catalogue: dt.date) -> None:
    with (
        httpx.Client(transport=SyncASGITransport(create_app(as_of=catalogue)), base_url="http://m") as http,
        pytest.raises(httpx.RemoteProtocolError),
    ):
        http.post(GENERATIONS, json={"prompt": "x"}, headers={**AUTH, "x-mock-fault": "drop"})


def test_a_fault_plan_is_deterministic_for_a_seed() -> None:
    first = [FaultPlan(rate=0.3, seed=7).next() for _ in range(1)]
    plan_a, plan_b = FaultPlan(rate=0.3, seed=7), FaultPlan(rate=0.3, seed=7)
    run_a, run_b = [plan_a.next() for _ in range(200)], [plan_b.next() for _ in range(200)]
    assert run_a == run_b
    assert first == run_a[:1]
    assert 30 <= sum(fault != "ok" for fault in run_a) <= 90
    assert set(run_a) - {"ok"} <= {"429", "500", "503", "slow", "drop"}
    assert [FaultPlan(rate=0.3, seed=8).next() for _ in range(200)] != run_a


async def test_a_scripted_plan_fails_the_first_requests_in_order(catalogue: dt.date) -> None:
    app = create_app(faults=FaultPlan(script=["429", "500", "ok", "503"]), as_of=catalogue)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://m") as http:
        statuses = [(await http.post(GENERATIONS, json={"prompt": "x"}, headers=AUTH)).status_code for _ in range(5)]
    assert statuses == [429, 500, 200, 503, 200]


def test_unknown_fault_kinds_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown fault"):
        FaultPlan(script=["teapot"])


# --- the embedded mock behind the client ----------------------------------------------------------------


def test_the_embedded_mock_answers_the_client_with_no_key_and_no_network() -> None:
    with images_api(as_of=PINNED_DAY) as api:
        result = api.create_image(prompt="a cat", model="gpt-image-1", size="1024x1536")
        assert result.size == "1024x1536"
        assert result._response is not None and result._response.request_id.startswith("req_")


def test_the_client_retries_through_injected_faults(catalogue: dt.date) -> None:
    app = create_app(faults=FaultPlan(script=["429", "drop", "503"], retry_after=0.01), as_of=catalogue)
    with images_api(app, max_retries=3, as_of=catalogue) as api:
        assert api.create_image(prompt="x").created > 0
