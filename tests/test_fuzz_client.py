"""Fuzzing the client side: arbitrary prompts and file bytes through validation and the request builders.

Only our typed errors may come out: never a crash, a hang, or a field injected into the multipart
body. ``HYPOTHESIS_PROFILE=soak`` (``make soak``) runs many more examples than CI.
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import httpx
import pytest
from conftest import PINNED_DAY, image_bytes
from formdata import parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai_images import BadRequestError, ImagesApi, ValidationError
from openai_images.mock.embedded import images_api
from openai_images_client.prepared import PreparedRequest

EXAMPLES = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
SENT: list[httpx.Request] = []


def answer(request: httpx.Request) -> httpx.Response:
    request.read()
    SENT.append(request)
    return httpx.Response(200, json={"created": 1, "data": []})


API = ImagesApi(api_key="sk-fuzz", http_client=httpx.Client(transport=httpx.MockTransport(answer)), max_retries=0)

tricky_text = st.one_of(
    st.text(),
    st.text(
        alphabet=st.sampled_from(["\r", "\n", "-", "+", '"', ";", ":", "\x00", "a", "é", "\ud800", "\udfff", "😀"])
    ),
    st.builds(
        lambda boundary, name: (
            f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\nx\r\n--{boundary}--'
        ),
        st.text(alphabet="0123456789abcdef+", min_size=3, max_size=32),
        st.sampled_from(["model", "n", "image", "prompt"]),
    ),
    st.just("x" * 40_000),
)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with(width: int, height: int, idat: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


ZIP_BOMB = png_with(60_000, 60_000, zlib.compress(b"\0" * 20_000_000, 9))
tricky_files = st.one_of(
    st.binary(max_size=256),
    st.builds(lambda cut: image_bytes("PNG")[:cut], st.integers(0, 120)),
    st.builds(lambda w, h: png_with(w, h, b""), st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1)),
    st.just(ZIP_BOMB),
    st.sampled_from([image_bytes("PNG"), image_bytes("JPEG"), image_bytes("WEBP"), image_bytes("GIF")]),
)


def only_typed_errors(call: Any) -> Any:
    """The call's result, or the ValidationError it raised (any other exception fails the test)."""
    try:
        return call()
    except ValidationError as error:
        return error


@EXAMPLES
@given(prompt=tricky_text, model=st.sampled_from(["dall-e-2", "dall-e-3", "gpt-image-1", "my-model"]))
def test_any_prompt_is_sent_as_itself_or_refused_with_a_validation_error(prompt: str, model: str) -> None:
    result = only_typed_errors(lambda: API.create_image(prompt=prompt, model=model, dry_run=True))
    if isinstance(result, PreparedRequest):
        assert result.json == {"prompt": prompt, "model": model}


@EXAMPLES
@given(prompt=tricky_text, image=tricky_files, mask=st.one_of(st.none(), tricky_files))
def test_any_edit_sends_exactly_its_fields_or_is_refused(prompt: str, image: bytes, mask: bytes | None) -> None:
    SENT.clear()
    options: dict[str, Any] = {} if mask is None else {"mask": mask}
    result = only_typed_errors(
        lambda: API.create_image_edit(image=[image], prompt=prompt, model="gpt-image-1", **options)
    )
    if isinstance(result, ValidationError):
        assert SENT == [], "a refused request reaches no transport"
        return
    (request,) = SENT
    parts = parse(request)
    expected = ["image[]", "prompt", *(["mask"] if mask is not None else []), "model"]
    assert [part.name for part in parts] == expected
    assert next(part for part in parts if part.name == "prompt").data == prompt.encode()
    assert next(part for part in parts if part.name == "image[]").data == image


@EXAMPLES
@given(image=tricky_files)
def test_any_variation_bytes_are_judged_from_headers_without_decoding(image: bytes) -> None:
    only_typed_errors(lambda: API.create_image_variation(image=io.BytesIO(image), dry_run=True))


def test_a_png_declaring_huge_dimensions_is_sent_uninflated_and_refused_by_the_mock() -> None:
    """60000x60000 in 20 KB: the client judges it from its header (valid for dall-e-2: square PNG
    under 4 MB); the mock refuses it with a 400 instead of decompressing 14 GB of pixels."""
    with images_api(as_of=PINNED_DAY) as api, pytest.raises(BadRequestError) as caught:
        api.create_image_edit(image=ZIP_BOMB, prompt="p", model="dall-e-2", response_format="b64_json")
    assert caught.value.code == "invalid_image"
