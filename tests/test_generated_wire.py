"""What the generated ImagesApi puts on the wire, byte for byte (httpx.MockTransport captures it)."""

from __future__ import annotations

import importlib
import io
import json
import pkgutil
from pathlib import Path
from typing import Any

import httpx
import openai_images_client
import pytest
from conftest import BASE_URL, Recorder, image_bytes
from formdata import boundary_of, fields, parse
from openai_images_client import AsyncImagesApi, AuthenticatedClient, ImagesApi, multipart
from openai_images_client.models import ImageRefParam
from openai_images_client.prepared import PreparedRequest
from python_multipart.multipart import MultipartParser, parse_options_header


def test_every_generated_module_imports() -> None:
    names = [m.name for m in pkgutil.walk_packages(openai_images_client.__path__, "openai_images_client.")]
    assert "openai_images_client.api.images.create_image_edit" in names
    for name in names:
        importlib.import_module(name)


# --- JSON bodies -----------------------------------------------------------------------------


def test_create_image_sends_only_the_prompt_when_only_the_prompt_is_given(api: ImagesApi, recorder: Recorder) -> None:
    api.create_image(prompt="x")
    assert recorder.last.content == b'{"prompt":"x"}'
    assert recorder.last.method == "POST"
    assert recorder.last.url == f"{BASE_URL}/images/generations"
    assert recorder.last.headers["content-type"] == "application/json"


def test_create_image_sends_each_field_it_is_given_and_no_other(api: ImagesApi, recorder: Recorder) -> None:
    api.create_image(prompt="A cat", model="dall-e-3", n=1, size="1792x1024", quality="hd", style="natural")
    assert json.loads(recorder.last.content) == {
        "prompt": "A cat",
        "model": "dall-e-3",
        "n": 1,
        "size": "1792x1024",
        "quality": "hd",
        "style": "natural",
    }


def test_a_field_set_to_none_is_sent_as_json_null(api: ImagesApi, recorder: Recorder) -> None:
    api.create_image(prompt="x", n=None)
    assert json.loads(recorder.last.content) == {"prompt": "x", "n": None}


def test_json_edit_sends_image_references_as_json(api: ImagesApi, recorder: Recorder) -> None:
    api.create_image_edit_json(
        images=[ImageRefParam(image_url="https://example.test/a.png")],
        mask=ImageRefParam(file_id="file-mask"),
        prompt="Add a hat",
        model="gpt-image-1.5",
    )
    assert recorder.last.url == f"{BASE_URL}/images/edits"
    assert recorder.last.headers["content-type"] == "application/json"
    assert json.loads(recorder.last.content) == {
        "images": [{"image_url": "https://example.test/a.png"}],
        "mask": {"file_id": "file-mask"},
        "prompt": "Add a hat",
        "model": "gpt-image-1.5",
    }


# --- multipart bodies ------------------------------------------------------------------------


def test_multipart_sends_no_part_for_none(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    api.create_image_edit(image=png, prompt="p", n=None, input_fidelity=None, partial_images=None, stream=None)
    assert [part.name for part in parse(recorder.last)] == ["image", "prompt"]


def test_multipart_spells_booleans_as_json_does(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    api.create_image_edit(image=png, prompt="p", stream=False, extra_body={"flag": True})
    sent = fields(recorder.last)
    assert sent["stream"][0].text == "false"
    assert sent["flag"][0].text == "true"


@pytest.mark.parametrize(
    "svg",
    [
        {"model": "gpt-5.5", "reasoning": {"effort": "low"}},
        pytest.param("model", id="the generated class"),
    ],
)
def test_an_object_goes_out_as_the_sdks_bracketed_fields(
    api: ImagesApi, recorder: Recorder, png: bytes, svg: object
) -> None:
    from openai_images_client.models import ImageEditSvgOptions, ImageEditSvgReasoning

    if svg == "model":
        svg = ImageEditSvgOptions(model="gpt-5.5", reasoning=ImageEditSvgReasoning(effort="low"))
    api.create_image_edit(image=png, prompt="p", output_format="svg", svg=svg)  # type: ignore[arg-type]
    sent = fields(recorder.last)
    assert (sent["svg[model]"][0].text, sent["svg[reasoning][effort]"][0].text) == ("gpt-5.5", "low")
    assert "svg" not in sent


def test_multipart_sends_numbers_and_strings_as_their_text(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    api.create_image_edit(image=png, prompt="p", n=3, output_compression=50, model="gpt-image-1", size="1024x1536")
    sent = fields(recorder.last)
    assert {name: parts[0].text for name, parts in sent.items() if name != "image"} == {
        "prompt": "p",
        "n": "3",
        "output_compression": "50",
        "model": "gpt-image-1",
        "size": "1024x1536",
    }


def test_a_list_of_images_is_sent_as_repeated_image_brackets_parts(
    api: ImagesApi, recorder: Recorder, png: bytes
) -> None:
    jpeg = image_bytes("JPEG")
    api.create_image_edit(image=[png, jpeg], prompt="p")
    sent = fields(recorder.last)
    assert "image" not in sent
    assert [part.data for part in sent["image[]"]] == [png, jpeg]


def test_a_one_element_list_is_still_a_list(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    api.create_image_edit(image=[png], prompt="p")
    assert [part.name for part in parse(recorder.last)] == ["image[]", "prompt"]


def test_a_single_image_is_sent_as_image(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    api.create_image_edit(image=png, prompt="p")
    (image,) = fields(recorder.last)["image"]
    assert image.data == png


@pytest.mark.parametrize(
    ("fmt", "file_name", "content_type"),
    [("PNG", "file.png", "image/png"), ("JPEG", "file.jpg", "image/jpeg"), ("WEBP", "file.webp", "image/webp")],
)
def test_bytes_get_a_file_name_and_content_type_from_their_format(
    api: ImagesApi, recorder: Recorder, fmt: str, file_name: str, content_type: str
) -> None:
    api.create_image_edit(image=image_bytes(fmt), prompt="p")
    (image,) = fields(recorder.last)["image"]
    assert (image.filename, image.content_type) == (file_name, content_type)


def test_a_path_sends_its_base_name_and_sniffed_type(
    api: ImagesApi, recorder: Recorder, png: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "secret-dir" / "photo.upload"
    path.parent.mkdir()
    path.write_bytes(png)
    api.create_image_edit(image=str(path), mask=path, prompt="p")
    sent = fields(recorder.last)
    for name in ("image", "mask"):
        (part,) = sent[name]
        assert (part.filename, part.content_type, part.data) == ("photo.upload", "image/png", png)


def test_a_named_tuple_input_keeps_its_name_and_type(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    api.create_image_edit(image=[("a.png", png), ("b.bin", io.BytesIO(png), "image/x-custom")], prompt="p")
    first, second = fields(recorder.last)["image[]"]
    assert (first.filename, first.content_type) == ("a.png", "image/png")
    assert (second.filename, second.content_type, second.data) == ("b.bin", "image/x-custom", png)


def test_an_open_file_sends_its_own_name(api: ImagesApi, recorder: Recorder, png: bytes, tmp_path: Path) -> None:
    path = tmp_path / "mine.png"
    path.write_bytes(png)
    with path.open("rb") as handle:
        api.create_image_edit(image=handle, prompt="p")
        assert not handle.closed, "a caller's own file object is the caller's to close"
    (image,) = fields(recorder.last)["image"]
    assert image.filename == "mine.png"


def test_a_content_type_with_a_line_break_is_refused(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    with pytest.raises(ValueError, match="invalid content type"):
        api.create_image_edit(image=("a.png", png, "image/png\r\nX-Injected: 1"), prompt="p")
    assert recorder.requests == []


def test_files_opened_from_paths_are_closed_after_the_call(
    api: ImagesApi, recorder: Recorder, png: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(png)
    opened: list[io.BufferedReader] = []
    real_open = open

    def spying_open(*args: object, **kwargs: object) -> io.BufferedReader:
        handle = real_open(*args, **kwargs)  # type: ignore[call-overload]
        opened.append(handle)
        return handle

    monkeypatch.setattr("builtins.open", spying_open)
    api.create_image_edit(image=path, prompt="p")
    assert opened and all(handle.closed for handle in opened)


def test_variation_sends_the_image_and_fields_as_multipart(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    api.create_image_variation(image=png, n=2, size="512x512", response_format="b64_json")
    assert recorder.last.url == f"{BASE_URL}/images/variations"
    assert [(p.name, p.data if p.filename else p.text) for p in parse(recorder.last)] == [
        ("image", png),
        ("n", "2"),
        ("response_format", "b64_json"),
        ("size", "512x512"),
    ]


INJECTIONS = [
    "line one\r\nline two\nline three\r",
    "--",
    "a -- b ---- c\r\n--\r\n--",
    '\r\n--+++\r\nContent-Disposition: form-data; name="model"\r\n\r\ndall-e-3\r\n--+++',
    "\r\n--+++--\r\n",
    'x"; name="model"\r\nContent-Type: text/plain\r\n\r\ndall-e-3',
]


@pytest.mark.parametrize("prompt", INJECTIONS)
def test_a_prompt_arrives_as_exactly_one_prompt_field_with_the_same_characters(
    api: ImagesApi, recorder: Recorder, png: bytes, prompt: str
) -> None:
    api.create_image_edit(image=png, prompt=prompt, model="gpt-image-1")
    parts = parse(recorder.last)
    assert [part.name for part in parts] == ["image", "prompt", "model"]
    assert parts[1].text == prompt
    assert parts[2].text == "gpt-image-1"


def test_a_prompt_that_knows_an_earlier_boundary_still_cannot_inject(
    api: ImagesApi, recorder: Recorder, png: bytes
) -> None:
    api.create_image_edit(image=png, prompt="first")
    old = boundary_of(recorder.last)
    prompt = f'\r\n--{old}\r\nContent-Disposition: form-data; name="model"\r\n\r\ndall-e-3\r\n--{old}'
    api.create_image_edit(image=png, prompt=prompt)
    assert boundary_of(recorder.last) != old
    assert [(p.name, p.text if p.filename is None else "") for p in parse(recorder.last)] == [
        ("image", ""),
        ("prompt", prompt),
    ]


def test_a_real_multipart_parser_reads_one_prompt_too(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    """The same check through python-multipart, the parser Starlette servers use."""
    prompt = INJECTIONS[3]
    api.create_image_edit(image=png, prompt=prompt)
    _, params = parse_options_header(recorder.last.headers["content-type"])
    names: list[bytes] = []
    data: dict[bytes, bytes] = {}
    current = {"field": b"", "value": b"", "name": b""}

    def on_header_field(chunk: bytes, start: int, end: int) -> None:
        current["field"] += chunk[start:end]

    def on_header_value(chunk: bytes, start: int, end: int) -> None:
        current["value"] += chunk[start:end]

    def on_header_end() -> None:
        if current["field"].lower() == b"content-disposition":
            _, disposition = parse_options_header(current["value"])
            current["name"] = disposition[b"name"]
            names.append(current["name"])
            data[current["name"]] = b""
        current["field"] = current["value"] = b""

    def on_part_data(chunk: bytes, start: int, end: int) -> None:
        data[current["name"]] += chunk[start:end]

    parser = MultipartParser(
        params[b"boundary"],
        {
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_part_data": on_part_data,
        },
    )
    parser.write(recorder.last.content)
    parser.finalize()
    assert names == [b"image", b"prompt"]
    assert data[b"prompt"].decode() == prompt


def test_each_multipart_request_has_a_fresh_random_boundary(api: ImagesApi, recorder: Recorder, png: bytes) -> None:
    api.create_image_edit(image=png, prompt="p")
    api.create_image_edit(image=png, prompt="p")
    first, second = (boundary_of(request) for request in recorder.requests)
    assert first != second
    assert len(first) >= 32 and "+++" not in first


# --- per-call options, async, dry run -----------------------------------------------------------


def test_extra_headers_query_body_and_timeout_reach_the_request(api: ImagesApi, recorder: Recorder) -> None:
    api.create_image(
        prompt="x",
        extra_headers={"X-Trace": "t-1"},
        extra_query={"api-version": "2025-01-01"},
        extra_body={"seed": 7},
        timeout=12.5,
    )
    request = recorder.last
    assert request.headers["x-trace"] == "t-1"
    assert request.url.params["api-version"] == "2025-01-01"
    assert json.loads(request.content) == {"prompt": "x", "seed": 7}
    assert request.extensions["timeout"] == httpx.Timeout(12.5).as_dict()


@pytest.mark.anyio
async def test_the_async_api_sends_the_same_bytes(
    api: ImagesApi, async_api: AsyncImagesApi, recorder: Recorder, png: bytes
) -> None:
    api.create_image(prompt="x", model="gpt-image-1", background="transparent")
    await async_api.create_image(prompt="x", model="gpt-image-1", background="transparent")
    assert recorder.requests[0].content == recorder.requests[1].content
    api.create_image_edit(image=[png, png], prompt="p", stream=False)
    await async_api.create_image_edit(image=[png, png], prompt="p", stream=False)
    sync_parts, async_parts = parse(recorder.requests[2]), parse(recorder.requests[3])
    assert sync_parts == async_parts


def test_a_dry_run_sends_nothing_and_hides_the_token(recorder: Recorder, png: bytes) -> None:
    client = AuthenticatedClient(base_url=BASE_URL, token="sk-secret-123")
    client.set_httpx_client(
        httpx.Client(
            base_url=BASE_URL,
            headers={"Authorization": "Bearer sk-secret-123"},
            transport=httpx.MockTransport(recorder),
        )
    )
    api = ImagesApi(client)
    prepared = api.create_image_edit(image=[("a.png", png)], prompt="p", n=2, dry_run=True)
    assert isinstance(prepared, PreparedRequest)
    assert recorder.requests == []
    assert prepared.headers["authorization"] == "<redacted>"
    assert [(part.name, part.value, part.file_name, part.size) for part in prepared.form or []] == [
        ("image[]", None, "a.png", len(png)),
        ("prompt", "p", None, None),
        ("n", "2", None, None),
    ]
    for text in (str(prepared), prepared.to_curl(), repr(prepared)):
        assert "sk-secret-123" not in text
    assert "--form-string prompt=p" in prepared.to_curl()


def test_the_authenticated_client_repr_hides_the_token() -> None:
    assert "sk-secret-123" not in repr(AuthenticatedClient(base_url=BASE_URL, token="sk-secret-123"))


# --- multipart bodies held in memory: encoded by the runtime, exactly as httpx would ----------------------

IN_MEMORY_FORMS = {
    "image and text": [
        ("image", ("file.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")),
        ("prompt", (None, b'a "quoted" prompt\r\n--x\r\n', "text/plain")),
        ("n", (None, b"2", "text/plain")),
    ],
    "several images": [("image[]", ("a.png", b"a", "image/png")), ("image[]", ("b.webp", b"b", "image/webp"))],
    "names to escape": [('na"me\\\r\n\x1b', ('fi"le\\\x00.png', b"x", "image/png"))],
    "no content type": [("user", (None, b"u", None))],
    "non-ASCII": [("prompt", (None, "é ☃".encode(), "text/plain")), ("image", ("ü.png", b"x", "image/png"))],
}


@pytest.mark.parametrize("files", IN_MEMORY_FORMS.values(), ids=IN_MEMORY_FORMS.keys())
def test_an_in_memory_form_is_encoded_byte_for_byte_as_httpx_encodes_it(files: list[tuple[str, Any]]) -> None:
    encoded = multipart.encode(files)
    assert encoded is not None
    parts, length, content_type = encoded
    by_httpx = httpx.Request("POST", BASE_URL, files=files, headers={"Content-Type": content_type})
    assert b"".join(parts) == by_httpx.read()
    assert length == len(by_httpx.content) == int(by_httpx.headers["content-length"])


def test_each_in_memory_form_gets_a_fresh_boundary() -> None:
    files = IN_MEMORY_FORMS["image and text"]
    first, second = multipart.encode(files), multipart.encode(files)
    assert first is not None and second is not None and first[2] != second[2]


@pytest.mark.parametrize("size", [multipart.LARGE - 1000, multipart.LARGE])
def test_an_upload_held_in_memory_arrives_whole_and_a_large_one_is_not_copied_first(
    api: ImagesApi, recorder: Recorder, size: int
) -> None:
    image = image_bytes("PNG", (64, 64))
    image += b"\0" * (size - len(image))  # bytes after the image's end: the server receives them all
    streams: list[object] = []
    api.client.get_httpx_client().event_hooks["request"].append(lambda request: streams.append(request.stream))
    api.create_image_variation(image=image)
    assert isinstance(streams[0], httpx.ByteStream) == (size < multipart.LARGE)  # else sent in its parts
    assert [(part.name, part.data) for part in parse(recorder.last)] == [("image", image)]
    assert int(recorder.last.headers["content-length"]) == len(recorder.last.content)


@pytest.mark.anyio
async def test_an_async_client_sends_a_large_in_memory_upload_whole(
    async_api: AsyncImagesApi, recorder: Recorder
) -> None:
    image = image_bytes("PNG", (64, 64))
    image += b"\0" * (multipart.LARGE - len(image))
    await async_api.create_image_variation(image=image)
    assert [(part.name, part.data) for part in parse(recorder.last)] == [("image", image)]


@pytest.mark.parametrize(
    "part",
    [
        ("image.png", io.BytesIO(b"streamed"), "image/png"),  # a file object: httpx streams it
        ("image.png", b"x", None),  # httpx guesses the type from the file name
        ("image.png", "text", "text/plain"),
        ("image.png", b"x"),
    ],
    ids=["file object", "type to guess", "str content", "two items"],
)
def test_any_other_form_is_left_to_httpx(part: tuple[Any, ...]) -> None:
    kwargs = {"method": "post", "url": BASE_URL, "files": [("image", part)]}
    assert multipart.in_memory(kwargs) is kwargs


def test_a_content_type_the_caller_set_is_left_to_httpx() -> None:
    kwargs = {"url": BASE_URL, "files": [("n", (None, b"2", "text/plain"))], "headers": {"content-type": "x"}}
    assert multipart.in_memory(kwargs) is kwargs


def test_an_upload_from_a_path_is_streamed_not_read_into_memory(
    api: ImagesApi, recorder: Recorder, tmp_path: Path
) -> None:
    path = tmp_path / "big.png"
    path.write_bytes(image_bytes("PNG", (64, 64)))
    streams: list[object] = []
    api.client.get_httpx_client().event_hooks["request"].append(lambda request: streams.append(request.stream))
    api.create_image_variation(image=path)
    assert not isinstance(streams[0], httpx.ByteStream)  # httpx's multipart stream, read as it is sent
    assert [part.name for part in parse(recorder.last)] == ["image"]
