"""The mock as a real process on a loopback port, driven by our client and by the official SDK."""

from __future__ import annotations

import base64
import io
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from conftest import MOCK_PIDS, image_bytes, mock_server
from openai_images import AsyncImagesApi, AuthenticationError, BadRequestError, ImagesApi
from openai_images import image_bytes as decoded
from PIL import Image

pytestmark = pytest.mark.integration
KEY = "sk-integration"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with mock_server("--api-key", KEY) as url:
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


def test_the_sdk_generates_with_a_gpt_image_model(sdk: openai.OpenAI) -> None:
    result = sdk.images.generate(model="gpt-image-1", prompt="a red fox", size="1024x1536", output_format="webp")
    image = picture(result.data[0].b64_json)
    assert (image.format, image.size) == ("WEBP", (1024, 1536))
    assert result.usage is not None and result.usage.total_tokens > 0
    assert result.size == "1024x1536"


def test_the_sdk_generates_with_dall_e_3_and_downloads_the_url(sdk: openai.OpenAI) -> None:
    import httpx

    result = sdk.images.generate(model="dall-e-3", prompt="a lighthouse", size="1792x1024", quality="hd")
    assert result.data[0].revised_prompt
    assert result.data[0].url is not None
    served = httpx.get(result.data[0].url)
    assert Image.open(io.BytesIO(served.content)).size == (1792, 1024)


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


def test_the_sdk_makes_variations(sdk: openai.OpenAI) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the SDK marks variations deprecated
        result = sdk.images.create_variation(
            image=("a.png", square_png(), "image/png"), n=2, size="512x512", response_format="b64_json"
        )
    assert [picture(item.b64_json).size for item in result.data] == [(512, 512), (512, 512)]


def test_the_sdk_streams_partial_images_then_the_completed_one(sdk: openai.OpenAI) -> None:
    stream = sdk.images.generate(model="gpt-image-1", prompt="a tree", stream=True, partial_images=2, quality="low")
    events = list(stream)
    assert [event.type for event in events] == ["image_generation.partial_image"] * 2 + ["image_generation.completed"]
    assert picture(events[-1].b64_json).size == (1024, 1024)


def test_the_sdk_sees_the_mocks_errors_as_its_own(sdk: openai.OpenAI, base_url: str) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        sdk.images.generate(model="dall-e-3", prompt="x", n=2)
    assert caught.value.body["param"] == "n"  # type: ignore[index]
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(api_key="sk-wrong", base_url=base_url, max_retries=0).images.generate(prompt="x")


# --- our client ------------------------------------------------------------------------------------------


def test_our_client_generates_edits_varies_and_streams(base_url: str, tmp_path: Path) -> None:
    with ImagesApi(api_key=KEY, base_url=base_url) as api:
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


def test_our_client_raises_typed_errors_from_the_server(base_url: str) -> None:
    with ImagesApi(api_key=KEY, base_url=base_url, validate=False) as api, pytest.raises(BadRequestError) as caught:
        api.create_image(prompt="x", model="dall-e-3", n=2)
    assert (caught.value.param, caught.value.status_code) == ("n", 400)
    assert caught.value.request_id is not None and caught.value.request_id.startswith("req_")
    with ImagesApi(api_key="sk-wrong", base_url=base_url) as api, pytest.raises(AuthenticationError):
        api.create_image(prompt="x")


@pytest.mark.anyio
async def test_our_async_client_against_the_real_server(base_url: str) -> None:
    async with AsyncImagesApi(api_key=KEY, base_url=base_url) as api:
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
        mock_server("--fault-script", "drop,503,drop") as url,
        ImagesApi(api_key=KEY, base_url=url, max_retries=3) as api,
    ):
        assert api.create_image(prompt="x", size="256x256", response_format="b64_json").data


# --- several worker processes ------------------------------------------------------------------------


def worker_processes(pid: int) -> list[int]:
    """The uvicorn worker processes among a process's children (multiprocessing spawns them)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()]


def test_the_mock_serves_from_two_worker_processes_on_one_port() -> None:
    with mock_server("--workers", "2", "--api-key", KEY) as url:  # announced once both workers have the app
        for index in range(6):  # a new connection each time: the kernel hands each to either worker
            with ImagesApi(api_key=KEY, base_url=url, max_retries=0) as api:
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
