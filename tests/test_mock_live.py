"""The mock serving the live catalogue (issue 11), in-process: retirements, the model a request without one
gets, the new models and parameters, GIF and SVG answers, markup edits, the new answer fields and usage.
The same behaviours over a real socket, with the official SDK: test_mock_integration."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from importlib import resources
from typing import Any

import httpx
import pytest
from conftest import LIVE_DAY, PINNED_DAY, image_bytes
from openai_images import imageinfo
from openai_images.mock import app as mock_app
from openai_images.mock import create_app
from openai_images.rules import load, table
from PIL import Image
from spec_schemas import errors

pytestmark = pytest.mark.anyio
AUTH = {"authorization": "Bearer sk-live"}
GENERATIONS = "/v1/images/generations"
EDITS = "/v1/images/edits"
VARIATIONS = "/v1/images/variations"
GREEN = (10, 200, 10)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with await client_on(LIVE_DAY) as client:
        yield client


async def client_on(day: dt.date) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(create_app(as_of=day)), base_url="http://m")


def error_of(response: httpx.Response, status: int = 400) -> dict[str, Any]:
    assert response.status_code == status, response.text[:300]
    body = response.json()
    assert errors("ErrorResponse", body) == []
    error: dict[str, Any] = body["error"]
    return error


def decoded(answer: dict[str, Any], index: int = 0) -> bytes:
    return base64.b64decode(answer["data"][index]["b64_json"])


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def markup(size: tuple[int, int], drawn: tuple[int, int, int, int]) -> bytes:
    """A transparent PNG with one opaque rectangle drawn on it."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), drawn)
    return png(image)


def form(fields: dict[str, Any]) -> dict[str, str]:
    return {name: value if isinstance(value, str) else json.dumps(value) for name, value in fields.items()}


# --- the catalogue of a day --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "says"),
    [
        ("dall-e-2", "was retired on 2026-05-12: use a GPT image model instead"),
        ("dall-e-3", "was retired on 2026-05-12: use a GPT image model instead"),
        ("gpt-image-1", "was shut down on 2026-10-23: use gpt-image-2.5-sunburst or gpt-image-2.5-flare instead"),
    ],
)
async def test_a_retired_model_is_refused_with_openais_error_shape_naming_the_retirement(
    http: httpx.AsyncClient, model: str, says: str
) -> None:
    error = error_of(await http.post(GENERATIONS, json={"prompt": "x", "model": model}, headers=AUTH), 404)
    assert (error["param"], error["code"], error["type"]) == ("model", "model_not_found", "invalid_request_error")
    assert says in error["message"]


async def test_the_retired_variations_endpoint_is_refused_likewise(http: httpx.AsyncClient) -> None:
    files = {"image": ("a.png", image_bytes("PNG", (64, 64)), "image/png")}
    error = error_of(await http.post(VARIATIONS, files=files, headers=AUTH), 404)
    assert (error["param"], error["code"]) == ("model", "model_not_found")
    assert "This endpoint no longer accepts requests" in error["message"]


async def test_a_model_is_refused_on_a_day_before_it_arrived() -> None:
    async with await client_on(PINNED_DAY) as http:
        response = await http.post(GENERATIONS, json={"prompt": "x", "model": "gpt-image-2.5-flare"}, headers=AUTH)
    error = error_of(response, 404)
    assert (error["param"], error["code"]) == ("model", "model_not_found")
    assert "not released yet on 2026-05-01 (it arrived on 2026-09-08)" in error["message"]


async def test_the_azure_form_applies_none_of_openais_retirements(http: httpx.AsyncClient) -> None:
    path = "/openai/deployments/dall-e-3/images/generations?api-version=2024-02-01"
    response = await http.post(path, json={"prompt": "x", "response_format": "b64_json"}, headers={"api-key": "k"})
    assert response.status_code == 200, response.text
    assert set(response.json()["data"][0]) == {"b64_json", "revised_prompt"}, "dall-e-3 answered"


async def test_without_a_model_the_server_picks_the_tables_model_and_judges_the_request_by_it(
    http: httpx.AsyncClient,
) -> None:
    assert table("mock").ambiguity("absent-model").choice["mock"] == "server-picks"
    picked = table("mock").models[table("mock").cli_model]
    answer = (await http.post(GENERATIONS, json={"prompt": "x", "quality": "xhigh"}, headers=AUTH)).json()
    assert answer["quality"] == "xhigh" and "xhigh" in picked.qualities
    error = error_of(await http.post(GENERATIONS, json={"prompt": "x", "size": "1000x1000"}, headers=AUTH))
    assert (error["param"], f"[model {picked.name}]" in error["message"]) == ("size", True)


async def test_without_a_model_before_the_tables_model_arrived_the_newest_model_of_the_day_answers() -> None:
    between = dt.date(2026, 6, 1)  # dall-e retired, the 2.5 models not released
    async with await client_on(between) as http:
        custom = await http.post(GENERATIONS, json={"prompt": "x", "size": "1536x864"}, headers=AUTH)
        xhigh = await http.post(GENERATIONS, json={"prompt": "x", "quality": "xhigh"}, headers=AUTH)
    assert custom.json()["size"] == "1536x864", "a gpt-image-2 model answered"
    assert "[model gpt-image-2" in error_of(xhigh)["message"]


async def test_without_a_model_the_refused_reading_refuses_naming_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = resources.files("openai_images").joinpath("model_rules.toml").read_text(encoding="utf-8")
    reading = 'strict = "refused"\nmock = "server-picks"'
    assert reading in rules
    refused = load(rules.replace(reading, 'strict = "refused"\nmock = "refused"'), "mock")
    monkeypatch.setattr(mock_app, "table", lambda reading="permissive": refused)
    async with await client_on(LIVE_DAY) as http:
        error = error_of(await http.post(GENERATIONS, json={"prompt": "x"}, headers=AUTH))
    assert (error["param"], error["code"]) == ("model", "missing_required_parameter")


# --- the new models and answer fields ---------------------------------------------------------------------


@pytest.mark.parametrize("model", [name for name in table().catalogue(LIVE_DAY) if "2.5" in name or "2.6" in name])
@pytest.mark.parametrize("quality", ["xhigh", "max"])
async def test_the_new_models_make_images_and_echo_xhigh_and_max(
    http: httpx.AsyncClient, model: str, quality: str
) -> None:
    body = {"prompt": "a harbour", "model": model, "quality": quality, "size": "1024x1024"}
    answer = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()
    assert errors("ImagesResponse", answer) == []
    assert (answer["quality"], answer["size"], answer["output_format"]) == (quality, "1024x1024", "png")
    assert Image.open(io.BytesIO(decoded(answer))).size == (1024, 1024)


async def test_xhigh_on_gpt_image_2_is_refused_naming_quality(http: httpx.AsyncClient) -> None:
    body = {"prompt": "x", "model": "gpt-image-2", "quality": "xhigh"}
    assert error_of(await http.post(GENERATIONS, json=body, headers=AUTH))["param"] == "quality"


async def test_a_custom_size_is_echoed_in_the_answer_and_in_stream_events(http: httpx.AsyncClient) -> None:
    body = {"prompt": "a dune", "model": "gpt-image-2.5-flare", "size": "1536x864", "quality": "low"}
    assert (await http.post(GENERATIONS, json=body, headers=AUTH)).json()["size"] == "1536x864"
    streamed = await http.post(GENERATIONS, json={**body, "stream": True, "partial_images": 1}, headers=AUTH)
    events = [json.loads(block.split("data: ", 1)[1]) for block in streamed.text.strip().split("\n\n")]
    assert [event["size"] for event in events] == ["1536x864", "1536x864"]


@pytest.mark.parametrize(
    ("given", "reported"),
    [
        ({"safety_identifier": "hash-1", "user": "legacy"}, "hash-1"),
        ({"safety_identifier": "", "user": "legacy"}, "legacy"),
        ({"safety_identifier": None, "user": "legacy"}, "legacy"),
        ({"safety_identifier": "hash-1"}, "hash-1"),
        ({}, None),
    ],
)
async def test_the_safety_identifier_is_the_non_empty_one_else_the_user(
    http: httpx.AsyncClient, given: dict[str, Any], reported: str | None
) -> None:
    body = {"prompt": "x", "model": "gpt-image-2.6-flare", "quality": "low", **given}
    answer = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()
    assert answer.get("safety_identifier") == reported
    assert errors("ImagesResponse", answer) == []
    streamed = await http.post(GENERATIONS, json={**body, "stream": True}, headers=AUTH)
    (completed,) = [json.loads(block.split("data: ", 1)[1]) for block in streamed.text.strip().split("\n\n")]
    assert completed["safety_identifier"] == reported
    assert errors("ImageGenCompletedEvent", completed) == []


async def test_dall_e_answers_carry_no_safety_identifier() -> None:
    async with await client_on(PINNED_DAY) as http:
        body = {"prompt": "x", "model": "dall-e-3", "safety_identifier": "hash-1", "response_format": "b64_json"}
        answer = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()
    assert set(answer) == {"created", "data"}


async def test_a_stream_from_a_2_5_model_conforms_and_reports_its_settings(http: httpx.AsyncClient) -> None:
    files = {"image": ("a.png", image_bytes("PNG", (64, 64)), "image/png")}
    fields = {"prompt": "a hat", "model": "gpt-image-2.5-sunburst", "stream": True, "partial_images": 2}
    streamed = await http.post(EDITS, files=files, data=form({**fields, "quality": "max"}), headers=AUTH)
    events = [json.loads(block.split("data: ", 1)[1]) for block in streamed.text.strip().split("\n\n")]
    assert [event["type"] for event in events] == ["image_edit.partial_image"] * 2 + ["image_edit.completed"]
    schemas = ["ImageEditPartialImageEvent"] * 2 + ["ImageEditCompletedEvent"]
    assert [errors(schema, event) for schema, event in zip(schemas, events, strict=True)] == [[], [], []]
    assert {event["quality"] for event in events} == {"max"}


# --- usage --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("quality", ["low", "medium", "high"])
@pytest.mark.parametrize("size", ["1024x1024", "1024x1536", "1536x1024"])
async def test_gpt_image_1_bills_its_published_output_tokens(quality: str, size: str) -> None:
    published = table().usage.published[quality][size]
    async with await client_on(PINNED_DAY) as http:
        body = {"prompt": "x", "model": "gpt-image-1", "quality": quality, "size": size, "n": 2}
        usage = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()["usage"]
    assert usage["output_tokens"] == usage["output_tokens_details"]["image_tokens"] == 2 * published


async def test_usage_grows_with_pixels_and_quality(http: httpx.AsyncClient) -> None:
    async def output_tokens(size: str, quality: str) -> int:
        body = {"prompt": "x", "model": "gpt-image-2.5-flare", "size": size, "quality": quality}
        tokens: int = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()["usage"]["output_tokens"]
        return tokens

    by_size = [await output_tokens(size, "medium") for size in ("1024x576", "1536x864", "2048x1152", "3840x2160")]
    by_quality = [await output_tokens("1536x864", quality) for quality in ("low", "medium", "high", "xhigh", "max")]
    assert by_size == sorted(set(by_size))
    assert by_quality == sorted(set(by_quality))


async def test_a_gif_bills_each_frame_as_an_image(http: httpx.AsyncClient) -> None:
    body = {"prompt": "x", "model": "gpt-image-2.5-flare", "quality": "low", "size": "1024x1024"}
    still = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()["usage"]["output_tokens"]
    gif = {**body, "output_format": "gif", "frame_count": 3}
    animated = (await http.post(GENERATIONS, json=gif, headers=AUTH)).json()["usage"]["output_tokens"]
    assert animated == 3 * still


# --- GIF ------------------------------------------------------------------------------------------------------


def frames_of(data: bytes) -> list[tuple[int, bytes]]:
    """Each frame of an animated GIF: (its delay in ms, its RGB pixels)."""
    gif = Image.open(io.BytesIO(data))
    assert gif.format == "GIF"
    found = []
    for index in range(gif.n_frames):
        gif.seek(index)
        found.append((gif.info["duration"], gif.convert("RGB").tobytes()))
    return found


@pytest.mark.parametrize(
    ("asked", "frames", "delay"),
    [
        ({}, 9, 200),  # the table's defaults
        ({"frame_count": 2, "frame_duration_ms": 40}, 2, 40),
        ({"frame_count": 16, "frame_duration_ms": 125}, 16, 130),  # to the nearest 10 ms
        ({"frame_count": 3, "frame_duration_ms": 10**9}, 3, 655_350),  # capped
    ],
)
async def test_a_gif_answer_is_an_animated_gif_of_the_frames_and_delays_asked(
    http: httpx.AsyncClient, asked: dict[str, Any], frames: int, delay: int
) -> None:
    body = {"prompt": "a ball", "model": "gpt-image-2.5-flare", "output_format": "gif", "size": "1024x576", **asked}
    answer = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()
    assert (answer["output_format"], answer["background"], answer["size"]) == ("gif", "opaque", "1024x576")
    found = frames_of(decoded(answer))
    assert [duration for duration, _ in found] == [delay] * frames
    assert len({pixels for _, pixels in found}) == frames, "every frame differs from the others"
    info = imageinfo.inspect(decoded(answer))
    assert (info.format, info.width, info.height, info.frames) == ("gif", 1024, 576, frames)


async def test_a_gif_edit_is_animated_too(http: httpx.AsyncClient) -> None:
    files = {"image": ("a.png", image_bytes("PNG", (64, 64), color=GREEN), "image/png")}
    fields = {"prompt": "a hat", "model": "gpt-image-2.5-flare", "output_format": "gif", "frame_count": 4}
    answer = (await http.post(EDITS, files=files, data=form(fields), headers=AUTH)).json()
    assert len(frames_of(decoded(answer))) == 4


@pytest.mark.parametrize(
    ("extra", "param"),
    [
        ({"stream": True}, "stream"),
        ({"partial_images": 2}, "partial_images"),
        ({"output_compression": 50}, "output_compression"),
        ({"background": "transparent"}, "background"),
    ],
)
async def test_a_gif_refuses_what_gif_output_cannot_do(
    http: httpx.AsyncClient, extra: dict[str, Any], param: str
) -> None:
    body = {"prompt": "x", "model": "gpt-image-2.5-flare", "output_format": "gif", **extra}
    assert error_of(await http.post(GENERATIONS, json=body, headers=AUTH))["param"] == param


async def test_frame_count_with_png_is_refused_naming_it(http: httpx.AsyncClient) -> None:
    body = {"prompt": "x", "model": "gpt-image-2.5-flare", "output_format": "png", "frame_count": 4}
    assert error_of(await http.post(GENERATIONS, json=body, headers=AUTH))["param"] == "frame_count"


# --- SVG ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    ['a fox & a "hound" <logo>', "]]> <!-- --> &amp; ' \u00e9\u4e2d\U0001f98a", "tabs\tand\nnewlines\x00\x1b ok"],
)
async def test_an_svg_answer_is_a_well_formed_svg_document_showing_the_prompt(
    http: httpx.AsyncClient, prompt: str
) -> None:
    body = {"prompt": prompt, "model": "gpt-image-2.5-sunburst", "output_format": "svg", "size": "1536x1024"}
    answer = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()
    assert errors("ImagesResponse", answer) == []
    root = ET.fromstring(decoded(answer))
    assert (root.tag, root.get("width"), root.get("height")) == ("{http://www.w3.org/2000/svg}svg", "1536", "1024")
    shown = " ".join(" ".join(root.itertext()).split())
    assert " ".join(prompt.replace("\x00", "").replace("\x1b", "").split()) in shown
    info = imageinfo.inspect(decoded(answer))
    assert (info.format, info.width, info.height, info.view_box) == ("svg", 1536, 1024, (0, 0, 1536, 1024))
    assert answer["output_format"] == "svg"


@pytest.mark.parametrize(("effort", "more_than"), [("none", None), ("low", "none"), ("high", "low"), ("max", "high")])
async def test_svg_usage_names_the_author_and_grows_with_its_effort(
    http: httpx.AsyncClient, effort: str, more_than: str | None
) -> None:
    async def usage(level: str) -> dict[str, Any]:
        options = {"model": "gpt-5.5", "reasoning": {"effort": level}}
        body = {"prompt": "a logo", "model": "gpt-image-2.5-sunburst", "output_format": "svg", "svg": options}
        found: dict[str, Any] = (await http.post(GENERATIONS, json=body, headers=AUTH)).json()["svg_usage"]
        return found

    found = await usage(effort)
    assert found["model"] == "gpt-5.5"
    assert found["total_tokens"] == found["input_tokens"] + found["output_tokens"]
    assert found["output_tokens"] > found["reasoning_tokens"] >= 0
    if more_than is not None:
        assert found["reasoning_tokens"] > (await usage(more_than))["reasoning_tokens"]


async def test_an_svg_edit_in_multipart_takes_the_svg_fields_the_sdk_sends(http: httpx.AsyncClient) -> None:
    files = {"image": ("a.png", image_bytes("PNG", (64, 64)), "image/png")}
    fields = {"prompt": "a badge", "model": "gpt-image-2.5-flare", "output_format": "svg"}
    data = {**form(fields), "svg[model]": "gpt-5.5", "svg[reasoning][effort]": "minimal"}
    answer = (await http.post(EDITS, files=files, data=data, headers=AUTH)).json()
    assert answer["svg_usage"]["model"] == "gpt-5.5"
    assert imageinfo.inspect(decoded(answer)).format == "svg"


@pytest.mark.parametrize(("extra", "param"), [({"n": 2}, "n"), ({"stream": True}, "stream")])
async def test_an_svg_refuses_what_svg_output_cannot_do(
    http: httpx.AsyncClient, extra: dict[str, Any], param: str
) -> None:
    body = {"prompt": "x", "model": "gpt-image-2.5-flare", "output_format": "svg", **extra}
    assert error_of(await http.post(GENERATIONS, json=body, headers=AUTH))["param"] == param


# --- markup ---------------------------------------------------------------------------------------------------


async def test_a_markup_edit_repaints_where_the_markup_is_drawn_and_nowhere_else(http: httpx.AsyncClient) -> None:
    files = [
        ("image", ("a.png", image_bytes("PNG", (256, 256), color=GREEN), "image/png")),
        ("markup", ("m.png", markup((256, 256), (32, 32, 96, 96)), "image/png")),
    ]
    fields = {"prompt": "a red door", "model": "gpt-image-2.5-flare", "size": "256x256"}
    answer = (await http.post(EDITS, files=files, data=form(fields), headers=AUTH)).json()
    edited = Image.open(io.BytesIO(decoded(answer))).convert("RGB")
    assert edited.getpixel((200, 200)) == GREEN
    assert edited.getpixel((128, 128)) == GREEN, "not the central quarter an edit without a mask repaints"
    drawn = edited.crop((36, 36, 92, 92)).getcolors(65536)
    assert drawn is not None and drawn != [(56 * 56, GREEN)]


async def test_a_markup_follows_a_rotated_jpegs_upright_size(http: httpx.AsyncClient) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored 96x64, shown 64x96
    buffer = io.BytesIO()
    Image.new("RGB", (96, 64), GREEN).save(buffer, format="JPEG", exif=exif.tobytes())
    source = ("a.jpg", buffer.getvalue(), "image/jpeg")
    fields = form({"prompt": "a hat", "model": "gpt-image-2.5-sunburst", "size": "640x960"})
    upright = [("image", source), ("markup", ("m.png", markup((64, 96), (0, 0, 64, 16)), "image/png"))]
    answer = (await http.post(EDITS, files=upright, data=fields, headers=AUTH)).json()
    edited = Image.open(io.BytesIO(decoded(answer))).convert("RGB")
    assert edited.size == (640, 960)
    assert max(abs(a - b) for a, b in zip(edited.getpixel((320, 800)), GREEN, strict=True)) < 16
    assert edited.getpixel((320, 40)) != GREEN, "the top band, drawn on the upright image, is repainted"
    stored = [("image", source), ("markup", ("m.png", markup((96, 64), (0, 0, 96, 16)), "image/png"))]
    assert error_of(await http.post(EDITS, files=stored, data=fields, headers=AUTH))["param"] == "markup"


async def test_markup_with_a_mask_is_refused_naming_markup(http: httpx.AsyncClient) -> None:
    mask = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    files = [
        ("image", ("a.png", image_bytes("PNG", (64, 64)), "image/png")),
        ("mask", ("k.png", png(mask), "image/png")),
        ("markup", ("m.png", markup((64, 64), (0, 0, 8, 8)), "image/png")),
    ]
    fields = form({"prompt": "x", "model": "gpt-image-2.5-flare"})
    assert error_of(await http.post(EDITS, files=files, data=fields, headers=AUTH))["param"] == "markup"
