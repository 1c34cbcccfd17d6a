"""Contains some shared types for properties"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    BinaryIO,
    Generic,
    Literal,
    TypeAlias,
    TypeVar,
    cast,
)

from attrs import define, field

if TYPE_CHECKING:
    import httpx


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]

# What a caller may pass wherever the spec says `format: binary`: a File, the bytes, a path, an
# open binary file, or (name, bytes-or-file[, content type]).
FileInput: TypeAlias = (
    "File | bytes | str | os.PathLike[str] | IO[bytes]"
    " | tuple[str, bytes | IO[bytes]] | tuple[str, bytes | IO[bytes], str]"
)

_MAGIC: tuple[tuple[bytes, int, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png", "png"),
    (b"\xff\xd8\xff", 0, "image/jpeg", "jpg"),
    (b"WEBP", 8, "image/webp", "webp"),
    (b"GIF8", 0, "image/gif", "gif"),
)
_EXTENSIONS = {ext: mime for _, _, mime, ext in _MAGIC} | {"jpeg": "image/jpeg"}
_EXTENSION_OF = {
    mime: ext for ext, mime in reversed(_EXTENSIONS.items())
}  # the first extension of each type
_TOKEN = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$")


def sniff_content_type(head: bytes) -> str | None:
    """The image type the leading bytes announce, if any."""
    for magic, offset, mime, _ in _MAGIC:
        if head[offset : offset + len(magic)] == magic and (
            magic != b"WEBP" or head[:4] == b"RIFF"
        ):
            return mime
    return None


def _peek(payload: IO[bytes] | bytes, size: int = 16) -> bytes:
    if isinstance(payload, bytes):
        return payload[:size]
    if not payload.seekable():
        return b""
    position = payload.tell()
    try:
        return payload.read(size)
    finally:
        payload.seek(position)


def _clean_name(name: str) -> str:
    # Only the base name travels: a local directory layout is nobody else's business.
    base = re.split(r"[\\/]", name)[-1]
    return (
        "".join(ch for ch in base if ch.isprintable() and ch not in '"\r\n') or "file"
    )


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO | bytes
    """The content: an open binary file (streamed when sent), or the bytes themselves (sent as they are)."""
    file_name: str | None = None
    mime_type: str | None = None
    opened_here: bool = field(default=False, kw_only=True, repr=False)
    """True when the payload was opened from a path by ``File.of`` and is closed after sending."""

    @classmethod
    def of(cls, value: FileInput) -> File:
        """Turn any accepted file input into a File, without reading or copying file contents."""
        if isinstance(value, File):
            return value
        if isinstance(value, bytes):
            return cls(payload=value)
        if isinstance(value, (bytearray, memoryview)):
            return cls(payload=bytes(value))
        if isinstance(value, (str, os.PathLike)):
            path = os.fspath(value)
            return cls(
                payload=open(path, "rb"), file_name=_clean_name(path), opened_here=True
            )
        if (
            isinstance(value, tuple)
            and len(value) in (2, 3)
            and isinstance(value[0], str)
        ):
            inner = cls.of(value[1])
            content_type = value[2] if len(value) == 3 else None
            if content_type is not None and not (
                isinstance(content_type, str) and _TOKEN.match(content_type)
            ):
                raise ValueError(
                    f"invalid content type {content_type!r} for file {value[0]!r}"
                )
            return cls(
                payload=inner.payload,
                file_name=_clean_name(value[0]),
                mime_type=content_type or inner.mime_type,
                opened_here=inner.opened_here,
            )
        if hasattr(value, "read"):
            payload = cast(BinaryIO, value)
            name = getattr(payload, "name", None)
            file_name = _clean_name(name) if isinstance(name, str) else None
            if not (hasattr(payload, "seekable") and payload.seekable()):
                # Retries and validation must be able to read it again: keep a copy of a pipe.
                payload = io.BytesIO(payload.read())
            return cls(payload=payload, file_name=file_name)
        raise TypeError(
            f"cannot send {type(value).__name__} as a file: pass bytes, a path, a binary file object,"
            " (name, content) or (name, content, content_type)"
        )

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        mime_type = self.mime_type or sniff_content_type(_peek(self.payload))
        if mime_type is None and self.file_name and "." in self.file_name:
            mime_type = _EXTENSIONS.get(self.file_name.rsplit(".", 1)[1].lower())
        mime_type = mime_type or "application/octet-stream"
        file_name = self.file_name
        if not file_name:
            # A part without a file name is read as a text field by servers: always name it.
            file_name = f"file.{_EXTENSION_OF.get(mime_type, 'bin')}"
        return file_name, self.payload, mime_type

    def close_if_opened_here(self) -> None:
        if self.opened_here and not isinstance(self.payload, bytes):
            self.payload.close()


def coerce_files(value: Any) -> Any:
    """``File.of`` applied to one file input or to each of a list of them; UNSET and None pass."""
    if isinstance(value, (Unset, type(None))):
        return value
    if isinstance(value, list):
        return [File.of(item) for item in value]
    return File.of(value)


def encode_form_value(value: Any) -> bytes:
    """A multipart text field's bytes, spelled as JSON spells the value (true, 1.5, {...})."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    return json.dumps(value, separators=(",", ":")).encode()


def bracketed_form_fields(name: str, value: Any) -> list[tuple[str, FileTypes]]:
    """An object as multipart text fields named the way the official SDK names them: ``svg[model]``,
    ``svg[reasoning][effort]``. A form has no null, so None members are left out."""
    if isinstance(value, dict):
        return [
            field
            for key, member in value.items()
            if member is not None
            for field in bracketed_form_fields(f"{name}[{key}]", member)
        ]
    if isinstance(value, list):
        return [
            field
            for member in value
            for field in bracketed_form_fields(f"{name}[]", member)
        ]
    return [(name, (None, encode_form_value(value), "text/plain"))]


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus | int
    """An HTTPStatus, or the plain int for a code the standard library does not name (e.g. 520)."""
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None
    http_response: httpx.Response | None = field(default=None, repr=False, eq=False)
    elapsed: float | None = field(default=None, eq=False)
    """Seconds the call took, from sending the request (the first attempt) to having the answer."""

    @property
    def request_id(self) -> str | None:
        """The server's id for this request (the ``x-request-id`` header), for support tickets and logs."""
        return self.headers.get("x-request-id")


__all__ = [
    "UNSET",
    "File",
    "FileInput",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "coerce_files",
    "encode_form_value",
]
