"""Images out of answers and onto disk: decoded or downloaded, named from their bytes, written atomically.

``save_images`` never trusts names from the server (it names files itself), never writes outside
the directory it is given, never overwrites unless told to, and leaves no partial file behind:
every image is written to a temporary file first and only then linked into place.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from openai_images_client.types import Unset

from openai_images import imageinfo
from openai_images.errors import OpenAIImagesError

DEFAULT_MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024
MAX_REDIRECTS = 5
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class SaveError(OpenAIImagesError):
    """An image could not be decoded, downloaded or written; nothing of this call was left on disk."""


@dataclass(frozen=True)
class _Source:
    index: int
    b64: str | None
    url: str | None
    output_format: str | None


def _sources(result: Any) -> tuple[list[_Source], str]:
    """The images of an answer (ImagesResponse, an Image, a list of them, or a stream event)."""
    created = getattr(result, "created", None) or getattr(result, "created_at", None)
    output_format = getattr(result, "output_format", None)
    items: Iterable[Any]
    if hasattr(result, "data"):
        items = [] if isinstance(result.data, Unset) else result.data
    elif isinstance(result, Sequence) and not isinstance(result, (str, bytes)):
        items = result
    else:
        items = [result]
    sources = []
    for index, item in enumerate(items, start=1):
        b64 = getattr(item, "b64_json", None)
        url = getattr(item, "url", None)
        b64 = b64 if isinstance(b64, str) else None
        url = url if isinstance(url, str) else None
        if b64 is None and url is None:
            raise SaveError(f"image {index} has neither b64_json nor url")
        own_format = getattr(item, "output_format", None)
        chosen = own_format if isinstance(own_format, str) else output_format
        sources.append(_Source(index, b64, url, chosen if isinstance(chosen, str) else None))
    stamp = str(created) if isinstance(created, int) else "image"
    return sources, stamp


def _decode(source: _Source) -> bytes:
    assert source.b64 is not None
    try:
        return base64.b64decode(source.b64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SaveError(f"image {source.index}: b64_json is not valid base64 ({exc})") from None


def _check_url(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise SaveError(f"refusing to download {scheme or 'a relative'}: URL; only http and https are fetched")


def _download(url: str, client: httpx.Client, max_bytes: int, target: Any) -> None:
    """Stream ``url`` into ``target``, following at most MAX_REDIRECTS http(s) redirects, up to ``max_bytes``."""
    for _ in range(MAX_REDIRECTS + 1):
        _check_url(url)
        with client.stream("GET", url, follow_redirects=False) as response:
            if response.is_redirect:
                url = urljoin(url, response.headers.get("location", ""))
                continue
            if response.status_code != 200:
                raise SaveError(f"downloading {url} answered {response.status_code}")
            declared = response.headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > max_bytes:
                raise SaveError(f"{url} is {declared} bytes, more than the {max_bytes} allowed")
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > max_bytes:
                    raise SaveError(f"{url} sent more than the {max_bytes} bytes allowed")
                target.write(chunk)
            return
    raise SaveError(f"downloading {url}: more than {MAX_REDIRECTS} redirects")


def _extension(head: bytes, output_format: str | None) -> str:
    return imageinfo.extension(imageinfo.sniff_format(head) or output_format or "") or "png"


def save_images(
    result: Any,
    directory: str | os.PathLike[str],
    *,
    prefix: str | None = None,
    overwrite: bool = False,
    http_client: httpx.Client | None = None,
    max_download_bytes: int = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> list[Path]:
    """Write the images of ``result`` into ``directory`` and return their paths, in order.

    Files are named ``{prefix}-{n}.{ext}`` (``prefix`` defaults to ``image-{created}``), the
    extension taken from the image's own bytes. ``url`` images are downloaded with
    ``http_client`` (a fresh client without credentials by default), http(s) only, at most
    ``max_download_bytes`` each. An existing file is an error unless ``overwrite``.
    """
    sources, stamp = _sources(result)
    base = _UNSAFE.sub("-", prefix or f"image-{stamp}").strip("-.") or "image"
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    temporaries: list[tuple[Path, str]] = []
    placed: list[Path] = []
    own_client = http_client is None
    client = http_client or httpx.Client(timeout=httpx.Timeout(60.0, connect=10.0))
    try:
        for source in sources:
            handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{base}-", suffix=".part", delete=False)  # noqa: SIM115
            with handle:
                temporaries.append((Path(handle.name), ""))
                if source.b64 is not None:
                    handle.write(_decode(source))
                else:
                    assert source.url is not None
                    _download(source.url, client, max_download_bytes, handle)
            with open(handle.name, "rb") as written:
                head = written.read(imageinfo.SNIFF_BYTES)
            if not head:
                raise SaveError(f"image {source.index} is empty")
            temporaries[-1] = (Path(handle.name), f"{base}-{source.index}.{_extension(head, source.output_format)}")
        targets = [folder / name for _, name in temporaries]
        if not overwrite:
            existing = [str(target) for target in targets if target.exists()]
            if existing:
                raise FileExistsError(f"not overwriting {', '.join(existing)} (pass overwrite=True)")
        for (temporary, _), target in zip(temporaries, targets, strict=True):
            if overwrite:
                os.replace(temporary, target)
            else:
                os.link(temporary, target)  # fails if the target appeared meanwhile: never clobber
            placed.append(target)
        return placed
    except BaseException:
        for target in placed if not overwrite else []:
            target.unlink(missing_ok=True)
        raise
    finally:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)
        if own_client:
            client.close()


def image_bytes(result: Any, index: int = 0) -> bytes:
    """The decoded bytes of one b64_json image of an answer or event (no download, no disk)."""
    sources, _ = _sources(result)
    source = sources[index]
    if source.b64 is None:
        raise SaveError(f"image {source.index} is a URL; use save_images to download it")
    return _decode(source)
