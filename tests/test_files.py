"""save_images: answers onto disk, named from their bytes, atomically, never outside or over anything."""

from __future__ import annotations

import base64
import errno
import os
import tempfile
from pathlib import Path

import httpx
import pytest
from conftest import COMPLETED, image_bytes
from openai_images import APIConnectionError, APITimeoutError, NotFoundError, SaveError, save_images
from openai_images import image_bytes as decoded_image
from openai_images_client.models import Image, ImageGenCompletedEvent, ImagesResponse


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def answer(*images: Image, **fields: object) -> ImagesResponse:
    return ImagesResponse(created=1_713_833_628, data=list(images), **fields)  # type: ignore[arg-type]


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_b64_images_are_written_and_their_paths_returned_in_order(tmp_path: Path) -> None:
    png, jpeg = image_bytes("PNG"), image_bytes("JPEG")
    paths = save_images(answer(Image(b64_json=b64(png)), Image(b64_json=b64(jpeg))), tmp_path / "out")
    assert [path.name for path in paths] == ["image-1713833628-1.png", "image-1713833628-2.jpg"]
    assert [path.read_bytes() for path in paths] == [png, jpeg]
    assert listing(tmp_path / "out") == ["image-1713833628-1.png", "image-1713833628-2.jpg"]


def test_the_extension_comes_from_the_bytes_not_the_declared_format(tmp_path: Path) -> None:
    (path,) = save_images(answer(Image(b64_json=b64(image_bytes("WEBP"))), output_format="png"), tmp_path)
    assert path.suffix == ".webp"


def test_a_prefix_names_the_files_and_cannot_leave_the_directory(tmp_path: Path) -> None:
    (path,) = save_images(answer(Image(b64_json=b64(image_bytes()))), tmp_path / "d", prefix="../../etc/cat")
    assert path.parent == tmp_path / "d"
    assert path.name == "etc-cat-1.png"


def test_existing_files_are_not_overwritten_unless_asked(tmp_path: Path) -> None:
    result = answer(Image(b64_json=b64(image_bytes("PNG", color=(1, 2, 3)))))
    (path,) = save_images(result, tmp_path, prefix="cat")
    path.write_bytes(b"mine")
    with pytest.raises(FileExistsError, match="overwrite=True"):
        save_images(result, tmp_path, prefix="cat")
    assert path.read_bytes() == b"mine"
    save_images(result, tmp_path, prefix="cat", overwrite=True)
    assert path.read_bytes() == image_bytes("PNG", color=(1, 2, 3))
    assert listing(tmp_path) == ["cat-1.png"]


def test_a_bad_image_leaves_no_file_at_all(tmp_path: Path) -> None:
    result = answer(Image(b64_json=b64(image_bytes())), Image(b64_json="!!not base64!!"))
    with pytest.raises(SaveError, match="image 2"):
        save_images(result, tmp_path)
    assert listing(tmp_path) == []


def test_url_images_are_downloaded_without_the_api_key(tmp_path: Path) -> None:
    png = image_bytes()
    seen: list[httpx.Request] = []

    def serve(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/old.png":
            return httpx.Response(302, headers={"location": "/new.png"})
        return httpx.Response(200, content=png)

    client = httpx.Client(transport=httpx.MockTransport(serve))
    paths = save_images(answer(Image(url="https://cdn.example.test/old.png")), tmp_path, http_client=client)
    assert paths[0].read_bytes() == png
    assert [str(request.url) for request in seen] == [
        "https://cdn.example.test/old.png",
        "https://cdn.example.test/new.png",
    ]
    assert all("authorization" not in request.headers for request in seen)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "data:image/png;base64,iVBORw0KGgo=", "ftp://x/y.png", "/relative.png"]
)
def test_only_http_and_https_urls_are_fetched(tmp_path: Path, url: str) -> None:
    with pytest.raises(SaveError, match="only http and https"):
        save_images(answer(Image(url=url)), tmp_path)
    assert listing(tmp_path) == []


def test_a_redirect_to_another_scheme_is_refused(tmp_path: Path) -> None:
    client = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(301, headers={"location": "file:///etc/passwd"}))
    )
    with pytest.raises(SaveError, match="only http and https"):
        save_images(answer(Image(url="https://cdn.example.test/a.png")), tmp_path, http_client=client)
    assert listing(tmp_path) == []


def test_downloads_are_capped(tmp_path: Path) -> None:
    big = image_bytes() + b"\0" * 5000
    declared = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, content=big)))
    with pytest.raises(SaveError, match="more than the 1000"):
        save_images(answer(Image(url="https://x.test/a.png")), tmp_path, http_client=declared, max_download_bytes=1000)

    def undeclared(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([big[:800], big[800:]]))

    streamed = httpx.Client(transport=httpx.MockTransport(undeclared))
    with pytest.raises(SaveError, match="more than the 1000"):
        save_images(answer(Image(url="https://x.test/a.png")), tmp_path, http_client=streamed, max_download_bytes=1000)
    assert listing(tmp_path) == []


def test_a_failed_download_keeps_nothing_of_the_call(tmp_path: Path) -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(404)))
    result = answer(Image(b64_json=b64(image_bytes())), Image(url="https://x.test/gone.png"))
    with pytest.raises(NotFoundError, match="404"):
        save_images(result, tmp_path, http_client=client)
    assert listing(tmp_path) == []


@pytest.mark.parametrize(
    ("failure", "error_class"), [(httpx.ConnectError, APIConnectionError), (httpx.ReadTimeout, APITimeoutError)]
)
def test_a_download_that_gets_no_answer_is_the_packages_connection_error_and_leaves_no_directory(
    tmp_path: Path, failure: type[httpx.TransportError], error_class: type[APIConnectionError]
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise failure("no answer", request=request)

    client = httpx.Client(transport=httpx.MockTransport(fail))
    with pytest.raises(error_class) as caught:
        save_images(answer(Image(url="https://cdn.example.test/a.png")), tmp_path / "new" / "out", http_client=client)
    assert "image 1" in str(caught.value) and "https://cdn.example.test/a.png" in str(caught.value)
    assert listing(tmp_path) == []  # not even the directories it made for the images


def test_an_expired_image_url_is_a_status_error_that_says_urls_expire(tmp_path: Path) -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(404, text="expired")))
    with pytest.raises(NotFoundError) as caught:
        save_images(answer(Image(url="https://cdn.example.test/a.png")), tmp_path / "out", http_client=client)
    assert caught.value.status_code == 404
    assert "https://cdn.example.test/a.png answered 404" in str(caught.value)
    assert "expire" in str(caught.value)
    assert listing(tmp_path) == []


def test_a_directory_that_cannot_be_made_is_a_save_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where a directory should be")
    with pytest.raises(SaveError) as caught:
        save_images(answer(Image(b64_json=b64(image_bytes()))), tmp_path / "blocker" / "out")
    assert str(tmp_path / "blocker" / "out") in str(caught.value)


def test_a_full_disk_is_reported_with_the_callers_directory_never_a_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, dir: str, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.path.join(dir, ".image-1-x7q.part"))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", disk_full)
    with pytest.raises(SaveError) as caught:
        save_images(answer(Image(b64_json=b64(image_bytes()))), tmp_path / "out")
    message = str(caught.value)
    assert str(tmp_path / "out") in message and os.strerror(errno.ENOSPC) in message
    assert ".part" not in message


def test_a_stream_event_can_be_saved_and_decoded(tmp_path: Path) -> None:
    png = image_bytes()
    event = ImageGenCompletedEvent.from_dict({**COMPLETED, "b64_json": b64(png), "created_at": 5})
    (path,) = save_images(event, tmp_path)
    assert path.name == "image-5-1.png"
    assert decoded_image(event) == png
