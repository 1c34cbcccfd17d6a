"""Read a multipart/form-data body back into its parts, exactly as a server splits it."""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class Part:
    name: str
    filename: str | None
    content_type: str | None
    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode()


def _params(header: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in header.split(";")[1:]:
        key, _, value = item.strip().partition("=")
        params[key.lower()] = value.strip('"')
    return params


def boundary_of(request: httpx.Request) -> str:
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data;"), content_type
    return _params(content_type)["boundary"]


def parse(request: httpx.Request) -> list[Part]:
    """Split on the boundary the Content-Type header announces; fail on anything malformed."""
    delimiter = b"--" + boundary_of(request).encode()
    chunks = request.content.split(delimiter)
    assert chunks[0] == b"", "the body must start with the first boundary"
    assert chunks[-1] == b"--\r\n", "the body must end with the closing boundary"
    parts = []
    for chunk in chunks[1:-1]:
        assert chunk.startswith(b"\r\n") and chunk.endswith(b"\r\n"), chunk[:80]
        head, separator, data = chunk[2:-2].partition(b"\r\n\r\n")
        assert separator, "every part has a header block"
        headers = {}
        for line in head.decode().split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers["content-disposition"]
        assert disposition.startswith("form-data;"), disposition
        params = _params(disposition)
        parts.append(Part(params["name"], params.get("filename"), headers.get("content-type"), data))
    return parts


def fields(request: httpx.Request) -> dict[str, list[Part]]:
    grouped: dict[str, list[Part]] = {}
    for part in parse(request):
        grouped.setdefault(part.name, []).append(part)
    return grouped
