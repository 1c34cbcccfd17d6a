"""The generator's own module-level functions (``api.images.<operation>.sync_detailed``) are right
on the wire too. These tests use only what openapi-python-client's default templates also generate,
so each one also states, and fails on, one defect of those templates (see README, "Generation")."""

from __future__ import annotations

import importlib
import io
import json
from collections.abc import Iterator

import httpx
import pytest
from conftest import BASE_URL, OK_BODY, Recorder
from formdata import boundary_of, parse
from openai_images_client import Client
from openai_images_client.models import CreateImageEditRequest, CreateImageRequest, CreateImageVariationRequest
from openai_images_client.types import File


@pytest.fixture
def client(recorder: Recorder) -> Iterator[Client]:
    client = Client(base_url=BASE_URL)
    client.set_httpx_client(httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(recorder)))
    yield client
    client.get_httpx_client().close()


def operation(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"openai_images_client.api.images.{name}")


def test_the_edit_operation_module_imports() -> None:
    """Default templates: NameError, `Unset` used but not imported (an operation with two bodies)."""
    assert callable(operation("create_image_edit").sync_detailed)


def test_unset_fields_are_not_sent(client: Client, recorder: Recorder) -> None:
    """Default templates: the spec's defaults are sent as if set (model=dall-e-2, style=vivid...)."""
    operation("create_image").sync_detailed(client=client, body=CreateImageRequest(prompt="x"))
    assert json.loads(recorder.last.content) == {"prompt": "x"}


def multipart_request(body: CreateImageEditRequest) -> httpx.Request:
    request = httpx.Request("POST", f"{BASE_URL}/images/edits", files=body.to_multipart())
    request.read()
    return request


def test_multipart_has_no_none_parts_and_spells_booleans_in_lowercase(png: bytes) -> None:
    """Default templates: the text "None" for a null, and "True"/"False" for booleans."""
    body = CreateImageEditRequest(image=File(payload=io.BytesIO(png)), prompt="p", n=None, stream=True)
    texts = {part.name: part.data for part in parse(multipart_request(body)) if part.filename is None}
    assert texts == {"prompt": b"p", "stream": b"true"}


def test_multipart_image_lists_are_bracketed_and_files_are_named(png: bytes) -> None:
    """Default templates: repeated `image` parts, and no file name (so no file) for unnamed bytes."""
    body = CreateImageEditRequest(image=[File(payload=io.BytesIO(png)), File(payload=io.BytesIO(png))], prompt="p")
    images = [part for part in parse(multipart_request(body)) if part.name != "prompt"]
    assert [(part.name, part.filename, part.content_type) for part in images] == [
        ("image[]", "file.png", "image/png"),
        ("image[]", "file.png", "image/png"),
    ]


def test_a_text_field_cannot_smuggle_a_second_field(client: Client, recorder: Recorder, png: bytes) -> None:
    """Default templates: the fixed boundary `+++` lets this `user` value add `model=dall-e-3`."""
    user = 'x\r\n--+++\r\nContent-Disposition: form-data; name="model"\r\n\r\ndall-e-3\r\n--+++'
    body = CreateImageVariationRequest(image=File(payload=io.BytesIO(png), file_name="a.png"), user=user)
    operation("create_image_variation").sync_detailed(client=client, body=body)
    assert "+++" not in boundary_of(recorder.last)
    assert [(part.name, part.filename is None and part.text) for part in parse(recorder.last)] == [
        ("image", False),
        ("user", user),
    ]


def test_unknown_enum_values_in_an_answer_parse(client: Client, recorder: Recorder) -> None:
    """Default templates: TypeError (or ValueError) on a size or quality the pinned spec does not list."""
    recorder.answer = lambda request: httpx.Response(200, json={**OK_BODY, "size": "1536x864", "quality": "ultra"})
    parsed = operation("create_image").sync_detailed(client=client, body=CreateImageRequest(prompt="x")).parsed
    assert (parsed.size, parsed.quality) == ("1536x864", "ultra")


def test_the_response_model_is_called_images_response() -> None:
    """Default templates: it is generated under its title, as ImageGenerationResponse."""
    module = importlib.import_module("openai_images_client.models.images_response")
    assert module.ImagesResponse.__name__ == "ImagesResponse"
