"""Images out of answers and onto disk: decoded or downloaded, named from their bytes, written atomically.

``save_images`` never trusts names from the server (it names files itself), never writes outside
the directory it is given, never overwrites unless told to, and leaves no partial file behind:
every image is written to a temporary file first and only then linked into place.
"""

from __future__ import annotations

import base64
import binascii
import itertools
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
from openai_images.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    OpenAIImagesError,
    status_error_class,
)

DEFAULT_MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024
MAX_REDIRECTS = 5
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
EXPIRED_STATUSES = (403, 404, 410)
"""What a CDN answers for an image URL past its expiry (Azure's signed URLs: 403)."""


class SaveError(OpenAIImagesError):
    """An image could not be decoded, downloaded or written; nothing of this call was left on disk."""


class SaveLocationError(SaveError):
    """The directory cannot take the images: it cannot be made, is not writable, or the disk is full."""

    def __init__(self, directory: Path, reason: str) -> None:
        super().__init__(f"cannot save images in {directory}: {reason}")
        self.directory = directory
        self.reason = reason


def make_directories(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return the directories this made, deepest first."""
    missing = list(itertools.takewhile(lambda path: not path.exists(), (folder, *folder.parents)))
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def remove_empty(directories: Sequence[Path]) -> None:
    """Take away directories made for a save that did not happen (deepest first), as long as they are empty."""
    for directory in directories:
        try:
            directory.rmdir()
        except OSError:
            return


def why_not(folder: Path, exc: OSError) -> str:
    """Why images cannot go into ``folder``, in the caller's terms (never a temporary file's name)."""
    existing = next((path for path in (folder, *folder.parents) if path.exists()), None)
    if existing is not None and not existing.is_dir():
        return f"{existing} is not a directory"
    reason = exc.strerror or str(exc)
    if existing != folder:
        return f"it cannot be created ({reason})"
    return reason


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


def _request_of(exc: httpx.TransportError) -> httpx.Request | None:
    try:
        return exc.request
    except RuntimeError:  # httpx raises when the error was made without one
        return None


def _download(source: _Source, client: httpx.Client, max_bytes: int, target: Any) -> None:
    """Stream the source's URL into ``target``, following at most MAX_REDIRECTS http(s) redirects, up to ``max_bytes``.

    No answer is ``APIConnectionError`` (``APITimeoutError``); an error status is the ``APIStatusError`` for it.
    """
    assert source.url is not None
    url = source.url
    what = f"image {source.index}"
    try:
        for _ in range(MAX_REDIRECTS + 1):
            _check_url(url)
            with client.stream("GET", url, follow_redirects=False) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers.get("location", ""))
                    continue
                if response.status_code != 200:
                    raise _status_error(response, what, url)
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
    except httpx.TimeoutException as exc:
        detail = f"downloading {what} from {url} ({type(exc).__name__})"
        raise APITimeoutError(f"Request timed out: {detail}", request=_request_of(exc)) from exc
    except httpx.TransportError as exc:
        detail = f"could not download {what} from {url} ({type(exc).__name__}: {exc})"
        raise APIConnectionError(f"Connection error: {detail}", request=_request_of(exc)) from exc
    raise SaveError(f"downloading {url}: more than {MAX_REDIRECTS} redirects")


def _status_error(response: httpx.Response, what: str, url: str) -> APIStatusError:
    status = response.status_code
    message = f"Error code: {status} - downloading {what}: {url} answered {status}"
    if status in EXPIRED_STATUSES:
        message += (
            "; image URLs expire (OpenAI's after an hour): download them soon after the answer,"
            " or ask for response_format=b64_json"
        )
    return status_error_class(status)(message, response=response, body=None)


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

    A failed save leaves nothing behind, not even the directories it made. A directory that cannot
    take the images is ``SaveLocationError``; a download that gets no answer is
    ``APIConnectionError`` (``APITimeoutError``), and one answered with an error status the
    ``APIStatusError`` for it (``NotFoundError`` for an expired URL).
    """
    sources, stamp = _sources(result)
    base = _UNSAFE.sub("-", prefix or f"image-{stamp}").strip("-.") or "image"
    folder = Path(directory)
    try:
        made = make_directories(folder)
    except OSError as exc:
        raise SaveLocationError(folder, why_not(folder, exc)) from exc
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
                    _download(source, client, max_download_bytes, handle)
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
    except BaseException as exc:
        for target in placed if not overwrite else []:
            target.unlink(missing_ok=True)
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)
        remove_empty(made)
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
            raise SaveLocationError(folder, why_not(folder, exc)) from exc
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
