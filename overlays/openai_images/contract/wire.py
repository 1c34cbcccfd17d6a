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
from pathlib import Path
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
        return {**_form_options(self.parts), "headers": headers}

    def curl(self, base_url: str, key: str | None = KEY_VARIABLE, files: str | None = None) -> str:
        """A shell command that sends this request again, byte for byte where it matters.

        What cannot go on a command line (uploads, a body that is not text, a text field holding a
        NUL) is read from files, named ``files/NAME`` (``files``: the directory ``write_files`` fills;
        None: bare names, each described after the command).
        """
        url = base_url.rstrip("/") + self.path
        words = ["curl", "-sS", "-X", "POST", shlex.quote(url)]
        if key == KEY_VARIABLE:
            words += ["-H", f'"Authorization: Bearer {KEY_VARIABLE}"']
        elif key:
            words += ["-H", shlex.quote(f"Authorization: Bearer {key}")]
        stored = self.files(inline=files is None)

        def path(name: str) -> str:
            return f"{files.rstrip('/')}/{name}" if files else name

        if self.json is not None:
            words += ["-H", shlex.quote(f"Content-Type: {spec.JSON}"), "--data-binary"]
            words.append(shlex.quote(f"@{path(_BODY)}") if _BODY in stored else shlex.quote(self.json.decode()))
        elif _FORM_BODY in stored or not self.parts:
            content_type = _FORM_TYPE if self.parts else EMPTY_FORM_TYPE
            body = shlex.quote(f"@{path(_FORM_BODY)}") if self.parts else shlex.quote(EMPTY_FORM.decode())
            words += ["-H", shlex.quote(f"Content-Type: {content_type}"), "--data-binary", body]
        else:
            for index, part in enumerate(self.parts):
                name = _part_file(index, part)
                if isinstance(part.value, bytes):
                    where = _curl_file_name(path(name))
                    spec_ = f"{part.name}=@{where};type={part.media_type};filename={part.filename}"
                    words += ["-F", shlex.quote(spec_)]
                elif name in stored:
                    words += ["-F", shlex.quote(f"{part.name}=<{_curl_file_name(path(name))}")]
                else:
                    words += ["--form-string", shlex.quote(f"{part.name}={part.value}")]
        if files:
            return " ".join(words)
        notes = [
            f"# {name}: " + (f"the request's body, {len(content)} bytes" if name in _BODIES else describe_file(content))
            for name, content in stored.items()
        ]
        return "\n".join([" ".join(words), *notes])

    def files(self, *, inline: bool = True) -> dict[str, bytes]:
        """The files ``curl`` reads, by name. With ``inline``, a JSON body that is plain text stays on the
        command line; otherwise a long one goes to a file too."""
        if self.json is not None:
            text = _plain_text(self.json)
            if text is None or (not inline and len(text) > _LONGEST_INLINE_BODY):
                return {_BODY: self.json}
            return {}
        if any("=" in part.name for part in self.parts):
            # curl -F ends a field's name at its first "=": such a form goes out as the exact bytes.
            request = httpx.Request(
                "POST", "http://repro", headers={"content-type": _FORM_TYPE}, **_form_options(self.parts)
            )
            return {_FORM_BODY: request.read()}
        stored = {}
        for index, part in enumerate(self.parts):
            if isinstance(part.value, bytes):
                stored[_part_file(index, part)] = part.value
            elif "\x00" in part.value:
                stored[_part_file(index, part)] = part.value.encode()
        return stored

    def write_files(self, directory: Path) -> None:
        """Write the files ``curl(files=directory)`` reads."""
        for name, content in self.files(inline=False).items():
            (directory / name).write_bytes(content)


_BODY = "body.json"
_FORM_BODY = "body.multipart"
_BODIES = (_BODY, _FORM_BODY)
_FORM_BOUNDARY = "openai-images-contract-3f9a1c7e5b"
_FORM_TYPE = f"{spec.MULTIPART}; boundary={_FORM_BOUNDARY}"
_LONGEST_INLINE_BODY = 2000
_CURL_QUOTED = re.compile(r'[\s;,"]')


def _plain_text(body: bytes) -> str | None:
    """The body as text a command line can carry (UTF-8, no NUL), or None."""
    try:
        text = body.decode()
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _part_file(index: int, part: Part) -> str:
    return f"{index}-{part.filename}" if isinstance(part.value, bytes) else f"{index}-{part.name.strip('[]')}.txt"


def _curl_file_name(name: str) -> str:
    """A file name as curl -F reads it: in double quotes when it holds a separator."""
    return f'"{name}"' if _CURL_QUOTED.search(name) else name


def _form_options(parts: tuple[Part, ...]) -> dict[str, Any]:
    files = [
        (
            part.name,
            (part.filename, part.value, part.media_type) if isinstance(part.value, bytes) else (None, part.value),
        )
        for part in parts
    ]
    return {"files": files}


def prepare(operation_id: str, content_type: str, body: Any) -> Sent:
    """The wire form of a drawn body: JSON as is; for a form, files as file parts, arrays as ``name[]``
    parts, objects as ``name[key]`` parts (``svg[reasoning][effort]``, as the official SDK sends them), other
    values as text (booleans as ``true``/``false``, objects in arrays as JSON), nulls left out."""
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
        else:
            parts += _member_parts(name, value)
    return Sent(operation_id, content_type, None, tuple(parts))


def _member_parts(name: str, value: Any) -> list[Part]:
    if isinstance(value, Mapping):
        return [
            part
            for key, member in value.items()
            for part in _member_parts(f"{name}[{_UNSENDABLE_IN_NAMES.sub('', str(key))}]", member)
        ]
    return [] if value is None else [Part(name, _part_value(value))]


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
