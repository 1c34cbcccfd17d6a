"""The mock as a real process on a loopback port, driven by our client and by the official SDK.

Each test says which catalogue the mock serves (``--as-of``): the pinned spec's (PINNED_DAY), the live
one (LIVE_DAY: the acceptance of issue 11), or both."""

from __future__ import annotations

import base64
import io
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from conftest import LIVE_DAY, MOCK_PIDS, PINNED_DAY, image_bytes, mock_server
from openai_images import AsyncImagesApi, AuthenticationError, BadRequestError, ImagesApi, imageinfo, save_images
from openai_images import image_bytes as decoded
from PIL import Image

pytestmark = pytest.mark.integration
KEY = "sk-integration"
CATALOGUES = {"pinned": PINNED_DAY, "live": LIVE_DAY}
pinned = pytest.mark.parametrize("base_url", ["pinned"], indirect=True)
live = pytest.mark.parametrize("base_url", ["live"], indirect=True)
NEW_MODELS = [
    "gpt-image-2.5-sunburst",
    "gpt-image-2.5-sunburst-2026-09-08",
    "gpt-image-2.5-flare",
    "gpt-image-2.5-flare-2026-09-08",
    "gpt-image-2.6-sunburst",
    "gpt-image-2.6-flare",
]


@pytest.fixture(scope="module", params=list(CATALOGUES))
def base_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A mock serving a catalogue: each one, unless a test names one."""
    with mock_server("--api-key", KEY, "--as-of", CATALOGUES[request.param].isoformat()) as url:
        yield url


@pytest.fixture
def sdk(base_url: str) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(api_key=KEY, base_url=base_url, max_retries=0) as client:
        yield client


def picture(b64: str | None) -> Image.Image:
    assert b64 is not None
    return Image.open(io.BytesIO(base64.b64decode(b64)))


def square_png(size: int = 256) -> bytes:
    return image_bytes("PNG", (size, size))


def alpha_mask(size: int = 256) -> bytes:
    mask = Image.new("RGBA", (size, size), (0, 0, 0, 255))
    mask.paste((0, 0, 0, 0), (0, 0, size // 2, size))
    buffer = io.BytesIO()
    mask.save(buffer, format="PNG")
    return buffer.getvalue()


# --- the official SDK ----------------------------------------------------------------------------------


@pinned
def test_the_sdk_generates_with_a_gpt_image_model(sdk: openai.OpenAI) -> None:
    result = sdk.images.generate(model="gpt-image-1", prompt="a red fox", size="1024x1536", output_format="webp")
    image = picture(result.data[0].b64_json)
    assert (image.format, image.size) == ("WEBP", (1024, 1536))
    assert result.usage is not None and result.usage.total_tokens > 0
    assert result.size == "1024x1536"


@pinned
def test_the_sdk_generates_with_dall_e_3_and_downloads_the_url(sdk: openai.OpenAI) -> None:
    import httpx

    result = sdk.images.generate(model="dall-e-3", prompt="a lighthouse", size="1792x1024", quality="hd")
    assert result.data[0].revised_prompt
    assert result.data[0].url is not None
    served = httpx.get(result.data[0].url)
    assert Image.open(io.BytesIO(served.content)).size == (1792, 1024)


@pinned
def test_the_sdk_edits_one_image_with_a_mask(sdk: openai.OpenAI) -> None:
    result = sdk.images.edit(
        model="dall-e-2",
        image=("a.png", square_png(), "image/png"),
        mask=("m.png", alpha_mask(), "image/png"),
        prompt="a window",
        size="256x256",
        response_format="b64_json",
    )
    assert picture(result.data[0].b64_json).size == (256, 256)


def test_the_sdk_edits_several_images(sdk: openai.OpenAI) -> None:
    images = [(f"{i}.png", image_bytes("PNG", (128, 128)), "image/png") for i in range(3)]
    result = sdk.images.edit(model="gpt-image-1.5", image=images, prompt="a collage", size="1536x1024", n=2)
    assert [picture(item.b64_json).size for item in result.data] == [(1536, 1024)] * 2


@pinned
def test_the_sdk_makes_variations(sdk: openai.OpenAI) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the SDK marks variations deprecated
        result = sdk.images.create_variation(
            image=("a.png", square_png(), "image/png"), n=2, size="512x512", response_format="b64_json"
        )
    assert [picture(item.b64_json).size for item in result.data] == [(512, 512), (512, 512)]


@pinned
def test_the_sdk_streams_partial_images_then_the_completed_one(sdk: openai.OpenAI) -> None:
    stream = sdk.images.generate(model="gpt-image-1", prompt="a tree", stream=True, partial_images=2, quality="low")
    events = list(stream)
    assert [event.type for event in events] == ["image_generation.partial_image"] * 2 + ["image_generation.completed"]
    assert picture(events[-1].b64_json).size == (1024, 1024)


@pinned
def test_the_sdk_sees_the_mocks_errors_as_its_own(sdk: openai.OpenAI, base_url: str) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        sdk.images.generate(model="dall-e-3", prompt="x", n=2)
    assert caught.value.body["param"] == "n"  # type: ignore[index]
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(api_key="sk-wrong", base_url=base_url, max_retries=0).images.generate(prompt="x")


# --- our client ------------------------------------------------------------------------------------------


@pinned
def test_our_client_generates_edits_varies_and_streams(base_url: str, tmp_path: Path) -> None:
    with ImagesApi(api_key=KEY, base_url=base_url, as_of=PINNED_DAY) as api:
        generated = api.create_image(
            prompt="a cat on a car", model="gpt-image-2", size="1536x864", output_format="jpeg"
        )
        image = Image.open(io.BytesIO(decoded(generated)))
        assert (image.format, image.size) == ("JPEG", (1536, 864))
        source = tmp_path / "source.png"
        source.write_bytes(square_png())
        with source.open("rb") as handle:
            edited = api.create_image_edit(image=[source, handle], mask=alpha_mask(), prompt="a hat")
        assert len(edited.data) == 1
        varied = api.create_image_variation(image=source, n=2, response_format="b64_json", size="256x256")
        assert len(varied.data) == 2
        events = list(api.create_image_edit(image=source, prompt="p", stream=True, partial_images=1))
        assert [event.type_ for event in events] == ["image_edit.partial_image", "image_edit.completed"]


@pinned
def test_our_client_raises_typed_errors_from_the_server(base_url: str) -> None:
    with ImagesApi(api_key=KEY, base_url=base_url, validate=False) as api, pytest.raises(BadRequestError) as caught:
        api.create_image(prompt="x", model="dall-e-3", n=2)
    assert (caught.value.param, caught.value.status_code) == ("n", 400)
    assert caught.value.request_id is not None and caught.value.request_id.startswith("req_")
    with ImagesApi(api_key="sk-wrong", base_url=base_url) as api, pytest.raises(AuthenticationError):
        api.create_image(prompt="x")


@pinned
@pytest.mark.anyio
async def test_our_async_client_against_the_real_server(base_url: str) -> None:
    async with AsyncImagesApi(api_key=KEY, base_url=base_url, as_of=PINNED_DAY) as api:
        result = await api.create_image(prompt="x", model="gpt-image-1-mini", n=2, quality="low")
        stream = await api.create_image(prompt="x", model="gpt-image-1", stream=True, partial_images=1)
        events = [event async for event in stream]
    assert len(result.data) == 2
    assert len(events) == 2


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_a_dropped_connection_over_a_real_socket_is_retried(tmp_path: Path) -> None:
    with (
        mock_server("--fault-script", "drop,503,drop", "--as-of", PINNED_DAY.isoformat()) as url,
        ImagesApi(api_key=KEY, base_url=url, max_retries=3, as_of=PINNED_DAY) as api,
    ):
        assert api.create_image(prompt="x", size="256x256", response_format="b64_json").data


# --- the live catalogue with the official SDK (issue 11's acceptance) --------------------------------------


def markup_png(size: int = 256) -> bytes:
    """A markup: transparent, with a square drawn in its top-left quarter."""
    markup = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    markup.paste((255, 0, 0, 255), (size // 8, size // 8, 3 * size // 8, 3 * size // 8))
    buffer = io.BytesIO()
    markup.save(buffer, format="PNG")
    return buffer.getvalue()


@live
@pytest.mark.parametrize("model", NEW_MODELS)
def test_the_sdk_generates_with_each_new_model(sdk: openai.OpenAI, model: str) -> None:
    result = sdk.images.generate(model=model, prompt="a kite over the dunes", quality="low", size="1024x1536")
    assert (picture(result.data[0].b64_json).size, result.size, result.quality) == ((1024, 1536), "1024x1536", "low")
    assert result.usage is not None and result.usage.output_tokens > 0


@live
def test_the_sdk_gets_xhigh_on_a_2_5_model_echoed_and_billed_above_high(sdk: openai.OpenAI) -> None:
    asked = {"model": "gpt-image-2.5-sunburst", "prompt": "a harbour at night", "size": "1536x864"}
    xhigh = sdk.images.generate(**asked, quality="xhigh")  # type: ignore[arg-type]
    high = sdk.images.generate(**asked, quality="high")  # type: ignore[arg-type]
    assert (xhigh.quality, xhigh.size) == ("xhigh", "1536x864")
    assert xhigh.usage is not None and high.usage is not None
    assert xhigh.usage.output_tokens > high.usage.output_tokens


@live
def test_the_sdk_gets_a_four_frame_gif_that_decodes_as_an_animated_gif(sdk: openai.OpenAI, tmp_path: Path) -> None:
    result = sdk.images.generate(
        model="gpt-image-2.5-flare", prompt="a bouncing ball", output_format="gif", frame_count=4, frame_duration_ms=120
    )
    data = base64.b64decode(result.data[0].b64_json or "")
    gif = Image.open(io.BytesIO(data))
    assert (gif.format, gif.is_animated, gif.n_frames, result.output_format) == ("GIF", True, 4, "gif")
    durations = []
    for frame in range(gif.n_frames):
        gif.seek(frame)
        durations.append(gif.info["duration"])
    assert durations == [120] * 4
    assert imageinfo.inspect(data).frames == 4
    (path,) = save_images(result, tmp_path, prefix="ball")
    assert (path.name, path.read_bytes()) == ("ball-1.gif", data)


@live
def test_the_sdk_gets_an_svg_that_parses_as_an_svg_document(sdk: openai.OpenAI, tmp_path: Path) -> None:
    prompt = 'a fox & a "hound" <logo>'
    result = sdk.images.generate(
        model="gpt-image-2.5-sunburst",
        prompt=prompt,
        output_format="svg",
        size="1536x1024",
        svg={"model": "gpt-5.5", "reasoning": {"effort": "low"}},
    )
    text = base64.b64decode(result.data[0].b64_json or "").decode("utf-8")
    root = ET.fromstring(text)
    assert (root.tag, root.get("width"), root.get("height")) == ("{http://www.w3.org/2000/svg}svg", "1536", "1024")
    assert prompt in "".join(root.itertext())
    assert result.output_format == "svg"
    usage = result.svg_usage
    assert usage is not None and usage.model == "gpt-5.5"
    assert usage.total_tokens == usage.input_tokens + usage.output_tokens >= usage.reasoning_tokens > 0
    info = imageinfo.inspect(text.encode())
    assert (info.format, info.width, info.height) == ("svg", 1536, 1024)
    (path,) = save_images(result, tmp_path, prefix="logo")
    assert (path.name, path.read_text()) == ("logo-1.svg", text)


@live
def test_the_sdk_edits_with_a_markup_and_the_drawn_part_is_repainted(sdk: openai.OpenAI) -> None:
    green = (10, 200, 10)
    result = sdk.images.edit(
        model="gpt-image-2.5-flare",
        image=("a.png", image_bytes("PNG", (256, 256), color=green), "image/png"),
        markup=("m.png", markup_png(), "image/png"),
        prompt="a red door",
        size="256x256",
    )
    edited = picture(result.data[0].b64_json).convert("RGB")
    assert edited.getpixel((200, 200)) == green, "where nothing is drawn, the image stays"
    assert edited.getpixel((128, 128)) == green, "the default edit area (the centre) is not used"
    drawn = edited.crop((40, 40, 88, 88)).getcolors(65536)
    assert drawn is not None and drawn != [(48 * 48, green)]


@live
def test_the_sdk_streams_from_a_2_5_model(sdk: openai.OpenAI) -> None:
    stream = sdk.images.generate(
        model="gpt-image-2.5-flare",
        prompt="a tree",
        stream=True,
        partial_images=1,
        quality="xhigh",
        size="1536x864",
        safety_identifier="user-7f3a",
    )
    events = list(stream)
    assert [event.type for event in events] == ["image_generation.partial_image", "image_generation.completed"]
    completed = events[-1]
    assert (completed.quality, completed.size, completed.safety_identifier) == ("xhigh", "1536x864", "user-7f3a")
    assert picture(completed.b64_json).size == (1536, 864)


@live
def test_the_sdk_gets_the_safety_identifier_echoed_else_the_user(sdk: openai.OpenAI) -> None:
    asked = {"model": "gpt-image-2.6-flare", "prompt": "a boat", "quality": "low", "user": "legacy-user"}
    assert sdk.images.generate(**asked, safety_identifier="hash-1").safety_identifier == "hash-1"  # type: ignore[arg-type]
    assert sdk.images.generate(**asked, safety_identifier="").safety_identifier == "legacy-user"  # type: ignore[arg-type]


def _edit_with_markup_and_mask(sdk: openai.OpenAI) -> object:
    return sdk.images.edit(
        model="gpt-image-2.5-flare",
        image=("a.png", square_png(), "image/png"),
        mask=("m.png", alpha_mask(), "image/png"),
        markup=("k.png", markup_png(), "image/png"),
        prompt="p",
    )


@live
@pytest.mark.parametrize(
    ("call", "param"),
    [
        pytest.param(_edit_with_markup_and_mask, "markup", id="markup-with-mask"),
        pytest.param(
            lambda sdk: sdk.images.generate(model="gpt-image-2", prompt="x", quality="xhigh"), "quality", id="xhigh"
        ),
        pytest.param(
            lambda sdk: sdk.images.generate(model="gpt-image-2.5-flare", prompt="x", output_format="svg", n=2),
            "n",
            id="svg-n-2",
        ),
        pytest.param(
            lambda sdk: sdk.images.generate(
                model="gpt-image-2.5-flare", prompt="x", output_format="png", frame_count=4
            ),
            "frame_count",
            id="frame-count-with-png",
        ),
        pytest.param(
            lambda sdk: sdk.images.generate(model="gpt-image-2.5-flare", prompt="x", output_format="gif", stream=True),
            "stream",
            id="gif-stream",
        ),
    ],
)
def test_the_sdk_is_refused_naming_the_parameter(sdk: openai.OpenAI, call: object, param: str) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        call(sdk)  # type: ignore[operator]
    assert caught.value.body["param"] == param  # type: ignore[index]


@live
def test_the_sdk_is_told_when_a_model_and_the_variations_endpoint_were_retired(sdk: openai.OpenAI) -> None:
    # OpenAI answers model_not_found with 404: the SDK raises NotFoundError, as it does against OpenAI.
    with pytest.raises(openai.NotFoundError) as retired:
        sdk.images.generate(model="gpt-image-1", prompt="x")
    assert (retired.value.code, retired.value.param) == ("model_not_found", "model")
    assert "shut down on 2026-10-23" in retired.value.message
    assert "gpt-image-2.5-sunburst or gpt-image-2.5-flare" in retired.value.message
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the SDK marks variations deprecated
        with pytest.raises(openai.NotFoundError) as closed:
            sdk.images.create_variation(image=("a.png", square_png(), "image/png"))
    assert (closed.value.code, closed.value.param) == ("model_not_found", "model")
    assert "no longer accepts requests" in closed.value.message


@live
def test_our_client_saves_the_live_formats_with_their_extensions(base_url: str, tmp_path: Path) -> None:
    with ImagesApi(api_key=KEY, base_url=base_url, as_of=LIVE_DAY) as api:
        gif = api.create_image(prompt="a flag", model="gpt-image-2.6-sunburst", output_format="gif")
        svg = api.create_image(prompt="a logo", model="gpt-image-2.6-sunburst", output_format="svg")
        default = api.create_image(prompt="a cat")
    paths = save_images(gif, tmp_path, prefix="flag") + save_images(svg, tmp_path, prefix="logo")
    assert [path.name for path in paths] == ["flag-1.gif", "logo-1.svg"]
    assert imageinfo.inspect(paths[0].read_bytes()).frames == 9, "frame_count's default"
    assert default.quality == "high" and default.usage is not None, "no model: a current GPT image model answers"


# --- several worker processes ------------------------------------------------------------------------


def worker_processes(pid: int) -> list[int]:
    """The uvicorn worker processes among a process's children (multiprocessing spawns them)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()]


def test_the_mock_serves_from_two_worker_processes_on_one_port() -> None:
    # The pinned spec's catalogue: dall-e-2 answers with URLs, which either worker must serve.
    options = ("--workers", "2", "--api-key", KEY, "--as-of", PINNED_DAY.isoformat())
    with mock_server(*options) as url:  # announced once both workers have the app
        for index in range(6):  # a new connection each time: the kernel hands each to either worker
            with ImagesApi(api_key=KEY, base_url=url, max_retries=0, as_of=PINNED_DAY) as api:
                answer = api.create_image(prompt=f"a dog #{index}", model="dall-e-2", size="256x256", n=2)
            assert len(answer.data) == 2
            assert answer.data[0].url is not None
            fetched = httpx.get(answer.data[0].url)  # fetched through a connection of its own
            assert (fetched.status_code, fetched.headers["content-type"]) == (200, "image/png")
        workers = worker_processes(MOCK_PIDS[url])
        assert len(workers) == 2
        with ImagesApi(api_key="sk-wrong", base_url=url, max_retries=0) as api, pytest.raises(AuthenticationError):
            api.create_image(prompt="a cat")
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "the workers stop with the server"
