"""Shared fixtures: real image bytes, and generated API classes wired to a recording transport."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from hypothesis import settings
from PIL import Image

if TYPE_CHECKING:
    from openai_images_client import AsyncImagesApi, ImagesApi

# `make soak` runs the property tests far longer than CI: HYPOTHESIS_PROFILE=soak.
settings.register_profile("soak", max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

BASE_URL = "https://api.example.test/v1"
# Dates that pin the rules table's catalogue (nothing here may depend on the machine's date):
PINNED_DAY = dt.date(2026, 5, 1)
"""A day every model of the pinned spec was served: gpt-image-2 had arrived (2026-04-21), the dall-e
models not yet retired (2026-05-12), variations still open. The catalogue the pinned spec describes."""
LIVE_DAY = dt.date(2026, 12, 3)
"""The live catalogue: dall-e retired, gpt-image-1 shut down, the 2.5 and 2.6 models released."""
OK_BODY: dict[str, Any] = {"created": 1_700_000_000, "data": [{"b64_json": "aGVsbG8="}]}
# Stream events as the spec shapes them (ImageGenPartialImageEvent, ImageGenCompletedEvent).
PARTIAL = {
    "type": "image_generation.partial_image",
    "b64_json": "cGFydGlhbA==",
    "created_at": 1,
    "size": "1024x1024",
    "quality": "high",
    "background": "opaque",
    "output_format": "png",
    "partial_image_index": 0,
}
COMPLETED = {
    **{key: value for key, value in PARTIAL.items() if key != "partial_image_index"},
    "type": "image_generation.completed",
    "b64_json": "ZG9uZQ==",
    "usage": {
        "total_tokens": 3,
        "input_tokens": 1,
        "output_tokens": 2,
        "input_tokens_details": {"text_tokens": 1, "image_tokens": 0},
    },
}


def image_bytes(
    fmt: str = "PNG", size: tuple[int, int] = (64, 64), mode: str = "RGB", color: Any = (200, 30, 30)
) -> bytes:
    """A real, decodable image of the given format, size and mode."""
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def png() -> bytes:
    return image_bytes("PNG")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


MOCK_PIDS: dict[str, int] = {}
"""The process id of each running ``mock_server``, by its base URL."""


@contextmanager
def mock_server(*options: str) -> Iterator[str]:
    """``openai-images mock`` as a real process on a free loopback port; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "openai_images.cli", "mock", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "serving the Images API on" in line, line
        url = line.rsplit(" ", 1)[-1].strip()
        MOCK_PIDS[url] = process.pid
        yield url
    finally:
        process.terminate()
        process.communicate(timeout=10)


class Recorder:
    """An httpx transport handler that records requests and answers from a script or a function."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.answer: Callable[[httpx.Request], httpx.Response] = lambda request: httpx.Response(200, json=OK_BODY)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.answer(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def api(recorder: Recorder) -> Iterator[ImagesApi]:
    from openai_images_client import Client, ImagesApi

    client = Client(base_url=BASE_URL)
    client.set_httpx_client(httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(recorder)))
    yield ImagesApi(client)
    client.get_httpx_client().close()


@pytest.fixture
def async_api(recorder: Recorder) -> AsyncImagesApi:
    from openai_images_client import AsyncImagesApi, Client

    client = Client(base_url=BASE_URL)
    client.set_async_httpx_client(httpx.AsyncClient(base_url=BASE_URL, transport=httpx.MockTransport(recorder)))
    return AsyncImagesApi(client)
