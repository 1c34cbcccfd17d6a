"""Requests built but not sent (``dry_run=True``): what they show, credentials redacted, and as curl."""

from __future__ import annotations

import io
import json
import os
import shlex
from collections.abc import Mapping
from typing import Any

import httpx
from attrs import define

SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "api-key", "x-api-key", "cookie"})
REDACTED = "<redacted>"


@define
class FormPart:
    """One part of a multipart body, as a dry run shows it (file contents are not read)."""

    name: str
    value: str | None = None
    file_name: str | None = None
    content_type: str | None = None
    size: int | None = None


@define
class PreparedRequest:
    """A request built but not sent (``dry_run=True``); credentials are redacted."""

    method: str
    url: str
    headers: dict[str, str]
    json: Any = None
    form: list[FormPart] | None = None
    credential: tuple[str, str] | None = None
    """The credential header and what curl sends in it instead of the key: a shell variable such as
    ``Bearer $OPENAI_API_KEY``, quoted so that the shell fills it in (the key is never printed)."""

    def to_curl(self) -> str:
        """A curl command that sends the same request (the credential from the shell, or left to fill in)."""
        words = ["curl", "-X", self.method, self.url]
        for name, value in self.headers.items():
            if name.lower() in ("content-length", "host", "accept-encoding", "connection") or (
                self.form is not None and name.lower() == "content-type"
            ):
                continue
            if self.credential is not None and name.lower() == self.credential[0].lower():
                continue
            words += ["-H", f"{name}: {value}"]
        if self.json is not None:
            words += ["--data-raw", json.dumps(self.json, ensure_ascii=False)]
        for part in self.form or []:
            if part.file_name is None:
                words += ["--form-string", f"{part.name}={part.value}"]
            else:
                words += ["-F", f"{part.name}=@{part.file_name};type={part.content_type}"]
        command = " ".join(shlex.quote(word) for word in words)
        if self.credential is None:
            return command
        header, value = self.credential
        return f'{command} -H "{header}: {value}"'  # double quotes: the shell expands the variable

    def __str__(self) -> str:
        lines = [f"{self.method} {self.url}"] + [f"{name}: {value}" for name, value in self.headers.items()]
        lines.append("")
        if self.json is not None:
            lines.append(json.dumps(self.json, indent=2, ensure_ascii=False))
        for part in self.form or []:
            if part.file_name is None:
                lines.append(f"{part.name} = {part.value!r}")
            else:
                size = "unknown size" if part.size is None else f"{part.size} bytes"
                lines.append(f"{part.name} = file {part.file_name!r} ({part.content_type}, {size})")
        return "\n".join(lines)


def _payload_size(payload: Any) -> int | None:
    if isinstance(payload, (bytes, str)):
        return len(payload)
    try:
        return os.fstat(payload.fileno()).st_size
    except (AttributeError, OSError, io.UnsupportedOperation):
        pass
    try:
        position = payload.tell()
        end = payload.seek(0, io.SEEK_END)
        payload.seek(position)
        return int(end)
    except (AttributeError, OSError, ValueError):
        return None


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers as they may be shown: credentials replaced by a marker."""
    return {name: REDACTED if name.lower() in SENSITIVE_HEADERS else value for name, value in headers.items()}


def prepared_request(request: httpx.Request, kwargs: Mapping[str, Any]) -> PreparedRequest:
    """What a dry run shows of a built request and the keyword arguments it was built from."""
    form = None
    if "files" in kwargs:
        form = []
        for name, spec in kwargs["files"]:
            file_name, content, content_type = spec[0], spec[1], spec[2]
            if file_name is None:
                value = content.decode(errors="replace") if isinstance(content, bytes) else str(content)
                form.append(FormPart(name=name, value=value))
            else:
                form.append(
                    FormPart(name=name, file_name=file_name, content_type=content_type, size=_payload_size(content))
                )
    return PreparedRequest(
        method=request.method,
        url=str(request.url),
        headers=redact_headers(request.headers),
        json=kwargs.get("json"),
        form=form,
    )
