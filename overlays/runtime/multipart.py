"""Multipart bodies held in memory, encoded in one pass.

A request whose parts are all bytes (the usual upload: an image read or made in memory) is encoded
here, byte for byte as httpx's ``files=`` encodes it (the same part headers, the same escaping of
names, a fresh random boundary per request), with less work per call. A small body is joined into one
``bytes``; a large one is handed to httpx as its parts, which are written out as they are, so that
the upload is never copied. Anything else (a file object streamed from disk, a part httpx would guess
a content type for, a Content-Type the caller set) is left to httpx, which streams it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

# As httpx (and the HTML standard) escape names in Content-Disposition: a quote, a backslash and the
# control characters but ESC, so that a name cannot end its own header.
_ESCAPES = {'"': "%22", "\\": "\\\\"} | {chr(code): f"%{code:02X}" for code in range(0x20) if code != 0x1B}
_ESCAPED = re.compile("|".join(re.escape(character) for character in _ESCAPES))


@functools.lru_cache(maxsize=256)  # field names, and file names, repeat from call to call
def _quoted(value: str) -> str:
    return _ESCAPED.sub(lambda match: _ESCAPES[match.group(0)], value)


LARGE = 64 * 1024
"""Bytes from which a body is sent in its parts rather than joined into one (a copy of the upload)."""


def encode(files: Sequence[tuple[str, Any]]) -> tuple[list[bytes], int, str] | None:
    """The body's parts, its length and its Content-Type for ``files`` (httpx's ``(name, (file_name,
    content, content_type))`` items), or None when a part is not one this encoder takes."""
    boundary = os.urandom(16).hex()
    delimiter = f"--{boundary}\r\n".encode()
    parts: list[bytes] = []
    for name, part in files:
        if not isinstance(part, tuple) or len(part) != 3:
            return None
        file_name, content, content_type = part
        if type(content) is not bytes or (content_type is None and file_name):
            return None  # a stream, or a type httpx would guess from the file name
        head = f'Content-Disposition: form-data; name="{_quoted(name)}"'
        if file_name:
            head += f'; filename="{_quoted(file_name)}"'
        if content_type is not None:
            head += f"\r\nContent-Type: {content_type}"
        parts += (delimiter, head.encode(), b"\r\n\r\n", content, b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return parts, sum(map(len, parts)), f"multipart/form-data; boundary={boundary}"


class _AsyncParts:
    """A body's parts for an AsyncClient, which takes an async iterable; each iteration starts over (retries)."""

    def __init__(self, parts: list[bytes]) -> None:
        self._parts = parts

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self._parts:
            yield part


def in_memory(kwargs: Mapping[str, Any], *, asynchronous: bool = False) -> Mapping[str, Any]:
    """``build_request`` arguments with an in-memory ``files=`` body encoded here; else ``kwargs`` as they are."""
    files = kwargs.get("files")
    headers: Mapping[str, str] = kwargs.get("headers") or {}
    if not isinstance(files, list) or "data" in kwargs or any(name.lower() == "content-type" for name in headers):
        return kwargs
    encoded = encode(files)
    if encoded is None:
        return kwargs
    parts, length, content_type = encoded
    built = {key: value for key, value in kwargs.items() if key != "files"}
    if length < LARGE:
        built["content"] = b"".join(parts)
    else:  # a list is sent again whole on a retry; an async client needs an async iterable
        built["content"] = _AsyncParts(parts) if asynchronous else parts
    built["headers"] = {**headers, "Content-Type": content_type, "Content-Length": str(length)}
    return built
