"""Reading request bodies with bounds: never more than the limits, whatever the client declares or sends.

A multipart body is parsed as it streams in (python-multipart), so that an oversized part or too
many parts are refused at the byte that crosses the limit, not after buffering the whole body.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 256 * 1024 * 1024
    """The whole body; a larger declared Content-Length is refused before reading."""
    max_file_bytes: int = 50 * 1024 * 1024
    """One uploaded file (the largest any model takes; the rules then apply each model's own)."""
    max_field_bytes: int = 1024 * 1024
    """One text field (a 32000-character prompt is at most 128 KB of UTF-8)."""
    max_parts: int = 64
    max_json_bytes: int = 64 * 1024 * 1024


class BodyError(Exception):
    """The body cannot be read within the limits, or is not what its Content-Type says."""

    def __init__(self, status: int, message: str, param: str | None = None, code: str = "invalid_request_body"):
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param
        self.code = code


def check_declared_length(headers: Any, limit: int) -> None:
    declared = headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        message = f"the request body is {declared} bytes; at most {limit} are accepted"
        raise BodyError(413, message, code="body_too_large")


async def read_json(stream: AsyncIterator[bytes], limits: Limits) -> dict[str, Any]:
    chunks = []
    size = 0
    async for chunk in stream:
        size += len(chunk)
        if size > limits.max_json_bytes:
            raise BodyError(413, f"the JSON body is larger than {limits.max_json_bytes} bytes", code="body_too_large")
        chunks.append(chunk)
    try:
        body = json.loads(b"".join(chunks))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BodyError(400, f"the body is not valid JSON: {exc}", code="invalid_json") from None
    if not isinstance(body, dict):
        raise BodyError(400, "the JSON body must be an object", code="invalid_json")
    return body


class _FormCollector:
    """python-multipart callbacks that gather parts, enforcing the limits as bytes arrive."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.items: list[tuple[str, str | bytes]] = []
        self.header_field = b""
        self.header_value = b""
        self.name: str | None = None
        self.is_file = False
        self.data = bytearray()

    def on_part_begin(self) -> None:
        if len(self.items) >= self.limits.max_parts:
            raise BodyError(400, f"the form has more than {self.limits.max_parts} parts", code="too_many_parts")
        self.name, self.is_file, self.data = None, False, bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        if self.header_field.strip().lower() == b"content-disposition":
            _, params = parse_options_header(self.header_value)
            name = params.get(b"name")
            self.name = name.decode("utf-8", "replace") if name is not None else None
            self.is_file = b"filename" in params
        self.header_field = self.header_value = b""

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        self.data += data[start:end]
        limit = self.limits.max_file_bytes if self.is_file else self.limits.max_field_bytes
        if len(self.data) > limit:
            what = "file" if self.is_file else "text field"
            raise BodyError(400, f"the {what} {self.name!r} is larger than {limit} bytes", self.name, "part_too_large")

    def on_part_end(self) -> None:
        if self.name is None:
            raise BodyError(400, "a form part has no name (Content-Disposition: form-data; name=...)")
        if self.is_file:
            self.items.append((self.name, bytes(self.data)))
            return
        try:
            self.items.append((self.name, self.data.decode("utf-8")))
        except UnicodeDecodeError:
            raise BodyError(400, f"the field {self.name!r} is not UTF-8 text", self.name) from None


async def read_form(content_type: str, stream: AsyncIterator[bytes], limits: Limits) -> list[tuple[str, str | bytes]]:
    """The (name, value) pairs of a multipart body, files as bytes and text fields as str, in order."""
    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        raise BodyError(400, "a multipart body needs a boundary in its Content-Type")
    collector = _FormCollector(limits)
    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": collector.on_part_begin,
            "on_header_field": collector.on_header_field,
            "on_header_value": collector.on_header_value,
            "on_header_end": collector.on_header_end,
            "on_part_data": collector.on_part_data,
            "on_part_end": collector.on_part_end,
        },
    )
    size = 0
    try:
        async for chunk in stream:
            size += len(chunk)
            if size > limits.max_body_bytes:
                raise BodyError(413, f"the body is larger than {limits.max_body_bytes} bytes", code="body_too_large")
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise BodyError(400, f"the multipart body is malformed: {exc}") from None
    return collector.items
