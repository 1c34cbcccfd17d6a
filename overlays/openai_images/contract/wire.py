"""A drawn request as it goes on the wire, what a server reads from it, and the curl command that sends it again.

The suite builds the bytes itself rather than through schemathesis's transport, because a form's
file parts must carry a filename (servers read a part without one as text) and because the
request is judged as it was sent: a JSON body as the server decodes it, a form as the shared
``form_params`` reads its fields.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from openai_images import imageinfo, spec
from openai_images.validation import form_params

KEY_VARIABLE = "$OPENAI_API_KEY"
"""What a reproducing command sends as the key: the shell fills it in, so the report never holds it."""
EMPTY_FORM_TYPE = f"{spec.MULTIPART}; boundary=empty"
EMPTY_FORM = b"--empty--\r\n"
_EXTENSIONS = {"png": "png", "jpeg": "jpg", "webp": "webp", "gif": "gif"}
# httpx percent-escapes these in a part's name; leaving them out keeps the name the server reads ours.
_UNSENDABLE_IN_NAMES = re.compile(r'["\\\x00-\x1f]')


@dataclass(frozen=True)
class Part:
    """One field of a form: text, or a file when ``value`` is bytes."""

    name: str
    value: str | bytes

    @property
    def filename(self) -> str:
        assert isinstance(self.value, bytes)
        fmt = imageinfo.sniff_format(self.value[:16])
        return f"{self.name.removesuffix('[]')}.{_EXTENSIONS.get(fmt or '', 'bin')}"

    @property
    def media_type(self) -> str:
        assert isinstance(self.value, bytes)
        fmt = imageinfo.sniff_format(self.value[:16])
        return f"image/{fmt}" if fmt else "application/octet-stream"


@dataclass(frozen=True)
class Sent:
    """A request as it goes on the wire."""

    operation_id: str
    content_type: str
    json: bytes | None
    """The JSON body's bytes; None for a form."""
    parts: tuple[Part, ...] = ()
    """The form's fields, in order; empty for a JSON body."""

    @property
    def path(self) -> str:
        return spec.operation(self.operation_id).path

    @property
    def params(self) -> Any:
        """What the server reads: the decoded JSON value, or the form's fields as body parameters."""
        if self.json is not None:
            try:
                return json.loads(self.json)
            except ValueError:
                return self.json  # not JSON at all: the shared validator's "not an object"
        return form_params(self.operation_id, [(part.name, part.value) for part in self.parts], self.content_type)

    def request_options(self, key: str | None) -> dict[str, Any]:
        """``httpx.Client.post`` keyword arguments sending this request with ``key`` (None: no Authorization)."""
        headers = {"authorization": f"Bearer {key}"} if key else {}
        if self.json is not None:
            return {"content": self.json, "headers": {**headers, "content-type": spec.JSON}}
        if not self.parts:
            # httpx sends no body at all for an empty form; a server must see a form with no fields.
            return {"content": EMPTY_FORM, "headers": {**headers, "content-type": EMPTY_FORM_TYPE}}
        files = [
            (
                part.name,
                (part.filename, part.value, part.media_type) if isinstance(part.value, bytes) else (None, part.value),
            )
            for part in self.parts
        ]
        return {"files": files, "headers": headers}

    def curl(self, base_url: str, key: str | None = KEY_VARIABLE) -> str:
        """A shell command that sends this request again; file parts name files, described after it."""
        url = base_url.rstrip("/") + self.path
        words = ["curl", "-sS", "-X", "POST", shlex.quote(url)]
        if key == KEY_VARIABLE:
            words += ["-H", f'"Authorization: Bearer {KEY_VARIABLE}"']
        elif key:
            words += ["-H", shlex.quote(f"Authorization: Bearer {key}")]
        if self.json is not None:
            words += [
                "-H",
                shlex.quote(f"Content-Type: {spec.JSON}"),
                "--data-binary",
                shlex.quote(self.json.decode(errors="replace")),
            ]
            return " ".join(words)
        if not self.parts:
            words += [
                "-H",
                shlex.quote(f"Content-Type: {EMPTY_FORM_TYPE}"),
                "--data-binary",
                shlex.quote(EMPTY_FORM.decode()),
            ]
        notes = []
        for index, part in enumerate(self.parts):
            if isinstance(part.value, bytes):
                filename = f"{index}-{part.filename}"
                words += ["-F", shlex.quote(f"{part.name}=@{filename};type={part.media_type}")]
                notes.append(f"# {filename}: {describe_file(part.value)}")
            else:
                words += ["--form-string", shlex.quote(f"{part.name}={part.value}")]
        return "\n".join([" ".join(words), *notes])


def prepare(operation_id: str, content_type: str, body: Any) -> Sent:
    """The wire form of a drawn body: JSON as is; for a form, files as file parts, arrays as ``name[]``
    parts, other values as text (booleans as ``true``/``false``, objects as JSON), nulls left out."""
    if content_type == spec.JSON:
        # schemathesis's negative data includes raw bytes for a JSON body: they go out as they are.
        return Sent(operation_id, content_type, body if isinstance(body, bytes) else json.dumps(body).encode())
    if not isinstance(body, Mapping):
        raise ValueError(f"a form needs named fields, not {type(body).__name__}")
    parts: list[Part] = []
    for raw_name, value in body.items():
        name = _UNSENDABLE_IN_NAMES.sub("", str(raw_name))
        if isinstance(value, list):
            parts += [Part(f"{name}[]", _part_value(item)) for item in value if item is not None]
        elif value is not None:
            parts.append(Part(name, _part_value(value)))
    return Sent(operation_id, content_type, None, tuple(parts))


def _part_value(value: Any) -> str | bytes:
    data = getattr(value, "data", None)  # schemathesis's Binary: a str that carries bytes
    if isinstance(data, bytes):
        return data
    if isinstance(value, bytes):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # Text goes out as UTF-8, which cannot carry a lone surrogate: keep the text the server will read.
        return value.encode("utf-8", "replace").decode("utf-8")
    return json.dumps(value)


def describe_file(content: bytes) -> str:
    try:
        info = imageinfo.inspect(content)
    except imageinfo.ImageInfoError:
        return f"{len(content)} bytes that are not an image, starting {content[:16].hex()}"
    alpha = " with alpha" if info.has_alpha else ""
    return f"a {info.width}x{info.height} {info.format.upper()} image{alpha} ({len(content)} bytes)"


def post(http: httpx.Client, base_url: str, sent: Sent, key: str | None) -> httpx.Response:
    return http.post(base_url.rstrip("/") + sent.path, **sent.request_options(key))
