"""A second Images API, written from the spec's text and not from the mock, to show the contract suite is fair.

It shares nothing with ``openai_images.mock`` nor with the shared validator: it reads the spec (field
schemas, through ``jsonschema``) and the rules table (the per-model facts and dates) as data, and does
everything else its own way. Where the spec leaves a choice open it takes the other one:

- it serves the models of one day (``as_of``; default: the day each request arrives), deciding from the
  table's dates itself: a model not served that day (retired, shut down or not released yet) is a 404
  ``model_not_found`` naming ``model``, and so is every request to an operation all of whose models had
  ended (variations), whatever else is wrong with it;
- it checks the fields of a request one at a time in its own order (``FIELD_ORDER``) and names
  the first faulty one it meets, so a request with several faults gets a different ``param``;
- it refuses image references it cannot resolve itself: a ``file_id`` (it has no Files API) and
  any URL but a ``data:`` URL (it fetches nothing);
- it reads some of the rules table's ambiguous entries the other way from the mock (``READS``): ``size``
  strictly for dall-e-2 and dall-e-3 (their prose lists sizes without ``auto``), no ``xhigh`` or ``max``
  for the 2.6 models (the SDK names only the 2.5 ones), and a request without ``model`` refused once
  the default model is retired ("Specify a model explicitly");
- a request without ``model`` runs, until then, on the spec's default, and on the table's GPT image model
  only when a parameter that only GPT image models take is given;
- an unknown model is a 404 ``model_not_found``; a body it cannot read is a 415 or a 400;
- ``auto`` sizes of the GPT image models make 1536x1024 images, ``auto`` quality reports ``medium``;
- it reports ``usage``, ``output_format`` and the effective ``safety_identifier`` but echoes nothing
  else; images are plain colour fields, GIFs a block stepping across them, SVGs a rectangle and the
  prompt; dall-e URLs point at ``/files/{id}``;
- a stream carries data-only events (no ``event:`` names), at most one partial image, then a
  ``data: [DONE]`` line.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import io
import json
import re
import time
import uuid
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from jsonschema import Draft202012Validator
from openai_images import spec
from openai_images.rules import FormatRules, ModelRules, RuleTable, table_choosing
from PIL import Image, ImageOps
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

FIELD_ORDER = (
    "size",
    "quality",
    "n",
    "style",
    "response_format",
    "output_format",
    "frame_count",
    "frame_duration_ms",
    "svg",
    "output_compression",
    "background",
    "moderation",
    "input_fidelity",
    "complexity",
    "partial_images",
    "stream",
    "image",
    "images",
    "mask",
    "markup",
    "prompt",
    "safety_identifier",
    "user",
    "model",
)
"""The order in which this server looks at a request's fields: the first faulty one is the one it names."""
READS = {"dall-e-auto-size": "listed-only", "2.6-qualities": "as-named", "absent-model": "refused"}
"""How this server reads the rules table's ambiguous entries where it differs from the table's permissive
reading (the one the mock serves): entry -> the reading it takes."""
AUTO_SIZE = (1536, 1024)
PIL_FORMATS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp"}
PIL_NAMES = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP", "gif": "GIF"}
MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif"}
# XML 1.0's Char production: what an SVG document may hold.
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class Refusal(Exception):
    def __init__(self, status: int, message: str, param: str | None, code: str) -> None:
        super().__init__(message)
        self.status, self.message, self.param, self.code = status, message, param, code


def refusal(param: str, message: str, code: str = "invalid_value") -> Refusal:
    return Refusal(400, f"Invalid value for '{param}': {message}", param, code)


def error(status: int, message: str, param: str | None = None, code: str | None = None) -> JSONResponse:
    kind = "invalid_request_error" if status < 500 else "server_error"
    return JSONResponse({"error": {"message": message, "type": kind, "param": param, "code": code}}, status)


# --- the spec and the table, read as data ---------------------------------------------------------


def rules_table() -> RuleTable:
    """The rules table as this server reads it (``READS``)."""
    return table_choosing(frozenset(READS.items()))


@functools.cache
def _registry() -> Registry[Any]:
    return Registry().with_resource("urn:spec", Resource.from_contents(spec.document(), DRAFT202012))


@functools.cache
def _field_validator(operation_id: str, content_type: str, name: str) -> Draft202012Validator:
    pointer = _pointer(operation_id, content_type)
    schema = {"$ref": f"urn:spec#{pointer}/properties/{name}"}
    return Draft202012Validator(schema, registry=_registry())


@functools.cache
def _pointer(operation_id: str, content_type: str) -> str:
    """The JSON pointer of a request body's object schema (its ``properties`` live under it)."""
    for path, item in spec.document()["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                escaped = path.replace("~", "~0").replace("/", "~1")
                schema = operation["requestBody"]["content"][content_type]["schema"]
                ref = schema.get("$ref")
                if ref:
                    return str(ref).removeprefix("#")
                return f"/paths/{escaped}/{method}/requestBody/content/{content_type.replace('/', '~1')}/schema"
    raise KeyError(operation_id)


def _declared_types(schema: Mapping[str, Any]) -> set[str]:
    schema = spec.resolve(schema)
    declared = schema.get("type")
    found = {declared} if isinstance(declared, str) else set(declared or ())
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
        found |= _declared_types(branch)
    return found


def _member(schema: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """The schema of an object field's member ``key``, looked for through anyOf/oneOf branches."""
    schema = spec.resolve(schema)
    if key in schema.get("properties", {}):
        found: Mapping[str, Any] = schema["properties"][key]
        return found
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
        member = _member(branch, key)
        if member:
            return member
    return {}


@functools.cache
def _gpt_only_parameters() -> set[str]:
    """Parameters that only GPT image models take: using one selects the GPT default model."""
    takers: dict[str, list[ModelRules]] = {}
    for rules in rules_table().models.values():
        for name in rules.parameters:
            takers.setdefault(name, []).append(rules)
    return {name for name, who in takers.items() if all(rules.is_gpt_image for rules in who)}


def _served(rules: ModelRules, day: dt.date) -> bool:
    """Whether OpenAI served the model on ``day``, by the dates the table records (a reported, unconfirmed
    end is not one)."""
    arrived = rules.arrived.date if rules.arrived is not None else None
    if arrived is not None and day < arrived:
        return False
    return rules.ended is None or not rules.ended.confirmed or day < rules.ended.date


def _closed(operation: spec.Operation, content_type: str, day: dt.date) -> bool:
    """Whether every model the operation offers had ended by ``day`` (the variations endpoint's fate)."""
    known = rules_table().models
    offered = [known.get(name) for name in spec.enum_values(operation.properties(content_type).get("model", {}))]
    return bool(offered) and all(
        rules is not None and rules.ended is not None and rules.ended.confirmed and day >= rules.ended.date
        for rules in offered
    )


def _default_model(operation: spec.Operation, day: dt.date, gpt_parameters: bool) -> str | None:
    """The model a request without one runs on, on ``day``: the table's era's, else the spec's."""
    for era in rules_table().operations.get(operation.operation_id, {}).get("default_model", ()):
        if day < era["until"]:
            return str(era["model_when_gpt_parameters"] if gpt_parameters else era["model"])
    return None


# --- reading a request ------------------------------------------------------------------------------


@dataclass
class Upload:
    content: bytes
    filename: str


@dataclass
class Picture:
    fmt: str | None
    width: int
    height: int
    alpha: bool
    transparent: bool
    """Whether some pixel is (partly) transparent."""
    size: int


def _picture(content: bytes) -> Picture | None:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
        with Image.open(io.BytesIO(content)) as image:
            alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            upright = ImageOps.exif_transpose(image)
            width, height = upright.size
            transparent = alpha and upright.convert("RGBA").getchannel("A").getextrema()[0] < 255
            return Picture(PIL_FORMATS.get(image.format or ""), width, height, alpha, transparent, len(content))
    except Exception:
        return None


async def read_body(request: Request, operation: spec.Operation) -> tuple[dict[str, Any], str]:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in operation.request_bodies:
        raise Refusal(415, f"Unsupported content type {media_type or '(none)'}", None, "unsupported_media_type")
    if media_type == spec.JSON:
        try:
            body = json.loads(await request.body())
        except ValueError:
            raise Refusal(400, "We could not parse the JSON body of your request.", None, "invalid_json") from None
        if not isinstance(body, dict):
            raise Refusal(400, "The request body must be a JSON object.", None, "invalid_json")
        return body, media_type
    fields: dict[str, Any] = {}
    async with request.form(max_files=64, max_fields=64) as form:
        for raw_name, value in form.multi_items():
            item: Any = Upload(await value.read(), value.filename or "") if isinstance(value, UploadFile) else value
            name, _, rest = raw_name.partition("[")
            keys = rest.removesuffix("]").split("][") if rest and rest != "]" else []
            if keys:
                # svg[reasoning][effort]=low: a member of an object field, the way the SDK sends objects.
                node = fields.setdefault(name, {})
                if not isinstance(node, dict):
                    raise refusal(name, "sent both as a value and as an object")
                for key in keys[:-1]:
                    node = node.setdefault(key, {})
                    if not isinstance(node, dict):
                        raise refusal(name, "sent both as a value and as an object")
                node[keys[-1]] = item
            elif rest == "]" or name in fields:
                existing = fields.get(name, [])
                fields[name] = [*(existing if isinstance(existing, list) else [existing]), item]
            else:
                fields[name] = item
    return fields, media_type


def _form_value(name: str, value: Any, schema: Mapping[str, Any]) -> Any:
    """A form's text as the field's type: the spellings JSON would use, nothing looser."""
    if isinstance(value, list):
        return [_form_value(name, item, schema) for item in value]
    if isinstance(value, dict):
        return {key: _form_value(name, member, _member(schema, key)) for key, member in value.items()}
    if isinstance(value, Upload):
        if "binary" in str(spec.resolve(schema)):
            return value
        raise refusal(name, "expected text, got a file")
    types = _declared_types(schema)
    if "integer" in types and value.isascii() and value.removeprefix("-").isdigit():
        return int(value)
    if "boolean" in types and value in ("true", "false"):
        return value == "true"
    return value


# --- judging it ------------------------------------------------------------------------------------


class Judge:
    """One request's checks, field by field in FIELD_ORDER, on one day."""

    def __init__(self, operation: spec.Operation, content_type: str, body: dict[str, Any], day: dt.date) -> None:
        self.operation, self.content_type, self.day = operation, content_type, day
        self.properties = operation.properties(content_type)
        self.multipart = content_type == spec.MULTIPART
        self.body = {key: value for key, value in body.items() if value is not None or self._required(key)}
        model = self._model_name()
        offered = spec.enum_values(self.properties.get("model", {}))
        known = rules_table().models.get(model) if isinstance(model, str) else None
        # Rules apply once the model is one this body can run on that day; until then only the schema is.
        usable = known is not None and (not offered or model in offered) and _served(known, day)
        self.rules = known if usable else None
        self.pictures: dict[str, list[Picture]] = {}

    def _required(self, name: str) -> bool:
        return name in self.operation.body_schema(self.content_type).get("required", ())

    def _model_name(self) -> Any:
        if "model" in self.body:
            return self.body["model"]
        gpt = any(name in self.body for name in _gpt_only_parameters())
        return _default_model(self.operation, self.day, gpt) or spec.resolve(self.properties.get("model", {})).get(
            "default"
        )

    def run(self) -> None:
        unknown = [name for name in self.body if name not in self.properties]
        if unknown:
            raise Refusal(400, f"Unrecognized request argument supplied: {unknown[0]}", unknown[0], "unknown_parameter")
        if "model" in self.properties and self._model_name() is None:
            message = "you must provide a model parameter: specify a model explicitly"
            raise Refusal(400, message, "model", "missing_required_parameter")
        self._model_served()
        for name in (*FIELD_ORDER, *(name for name in self.properties if name not in FIELD_ORDER)):
            if name not in self.properties:
                continue
            if name not in self.body:
                if self._required(name):
                    raise Refusal(400, f"Missing required parameter: '{name}'.", name, "missing_required_parameter")
                continue
            if self.multipart:
                self.body[name] = _form_value(name, self.body[name], self.properties[name])
            self._schema(name)
            check = getattr(self, f"check_{name}", None)
            if check is not None and (self.rules is not None or name == "model"):
                check(self.body[name])

    def _model_served(self) -> None:
        """A model named that this server knows but does not serve today: refused before anything else."""
        model = self._model_name()
        known = rules_table().models.get(model) if isinstance(model, str) else None
        if known is not None and not _served(known, self.day):
            if known.ended is not None and self.day >= known.ended.date:
                message = f"The model '{model}' was {known.ended.kind} on {known.ended.date.isoformat()}."
            else:
                message = f"The model '{model}' does not exist."
            raise Refusal(404, message, "model", "model_not_found")

    def _schema(self, name: str) -> None:
        value = self.body[name]
        if isinstance(value, Upload) or (isinstance(value, list) and value and isinstance(value[0], Upload)):
            if isinstance(value, list) and not _declared_types(self.properties[name]) & {"array"}:
                raise refusal(name, "takes one file")
            return
        found = next(
            iter(_field_validator(self.operation.operation_id, self.content_type, name).iter_errors(value)), None
        )
        if found is not None:
            raise refusal(name, found.message[:200], "invalid_type" if found.validator == "type" else "invalid_value")

    def _takes(self, name: str) -> None:
        assert self.rules is not None
        specific = set().union(*(rules.parameters for rules in rules_table().models.values()))
        if name in specific and name not in self.rules.parameters:
            raise refusal(name, f"not supported with model {self.rules.name}", "unsupported_parameter")

    def _output_format(self) -> str:
        return str(self.body.get("output_format") or "png")

    def _format(self) -> FormatRules | None:
        """The rules of the requested output format, when it has any of its own (GIF, SVG) and the model makes
        it (otherwise ``output_format`` itself is the fault)."""
        assert self.rules is not None
        if self._output_format() not in self.rules.output_formats:
            return None
        return rules_table().formats.get(self._output_format())

    def _format_refuses(self, name: str, used: bool) -> None:
        fmt = self._format()
        if used and fmt is not None and name in fmt.refuses:
            raise refusal(name, f"{fmt.name.upper()} output does not support {name}")

    def _format_parameter(self, name: str) -> None:
        """A parameter of one output format only (frame_count: GIF; svg: SVG)."""
        self._takes(name)
        owner = next(fmt for fmt in rules_table().formats.values() if name in fmt.parameters)
        if self._output_format() != owner.name:
            raise refusal(name, f"only supported with output_format={owner.name}")

    # --- one method per field that has rules beyond its schema ----------------------------------

    def check_model(self, value: Any) -> None:
        if value not in rules_table().models:
            raise Refusal(404, f"The model '{value}' does not exist.", "model", "model_not_found")
        offered = spec.enum_values(self.properties["model"])
        if offered and value not in offered:
            raise refusal("model", f"{value} cannot be used here")

    def check_prompt(self, value: str) -> None:
        assert self.rules is not None
        if not value:
            raise refusal("prompt", "must not be empty", "empty_string")
        if len(value) > self.rules.prompt_max_length:
            raise refusal("prompt", f"longer than {self.rules.prompt_max_length} characters", "string_above_max_length")

    def check_n(self, value: int) -> None:
        assert self.rules is not None
        if self.rules.max_n is not None and value > self.rules.max_n:
            raise refusal("n", f"{self.rules.name} makes at most {self.rules.max_n} image(s) per request")
        fmt = self._format()
        if fmt is not None and fmt.max_n is not None and value > fmt.max_n:
            raise refusal("n", f"{fmt.name.upper()} output makes at most {fmt.max_n} image(s) per request")

    def check_size(self, value: str) -> None:
        assert self.rules is not None
        if value in self.rules.sizes:
            return
        custom = self.rules.custom_size
        width, _, height = value.partition("x")
        if custom is not None and width.isdigit() and height.isdigit() and int(width) and int(height):
            w, h = int(width), int(height)
            ratio = max(w, h) / min(w, h)
            fits = max(w, h) <= custom.max_long_edge and min(w, h) <= custom.max_short_edge
            if w % custom.multiple_of == 0 and h % custom.multiple_of == 0 and ratio <= custom.max_aspect and fits:
                return
        raise refusal("size", f"{self.rules.name} makes {', '.join(self.rules.sizes)}")

    def check_quality(self, value: str) -> None:
        assert self.rules is not None
        if value not in self.rules.qualities:
            raise refusal("quality", f"{self.rules.name} offers {', '.join(self.rules.qualities)}")

    def check_style(self, value: Any) -> None:
        self._takes("style")

    def check_response_format(self, value: Any) -> None:
        self._takes("response_format")

    def check_output_format(self, value: Any) -> None:
        self._takes("output_format")
        assert self.rules is not None
        if value not in self.rules.output_formats:
            raise refusal("output_format", f"{self.rules.name} makes {', '.join(self.rules.output_formats)}")

    def check_frame_count(self, value: Any) -> None:
        self._format_parameter("frame_count")

    def check_frame_duration_ms(self, value: Any) -> None:
        self._format_parameter("frame_duration_ms")

    def check_svg(self, value: Any) -> None:
        self._format_parameter("svg")

    def check_moderation(self, value: Any) -> None:
        self._takes("moderation")

    def check_complexity(self, value: Any) -> None:
        self._takes("complexity")

    def check_input_fidelity(self, value: Any) -> None:
        self._takes("input_fidelity")
        assert self.rules is not None
        if value not in self.rules.input_fidelity:
            raise refusal("input_fidelity", f"{self.rules.name} offers {', '.join(self.rules.input_fidelity)}")

    def check_partial_images(self, value: Any) -> None:
        self._takes("partial_images")
        self._format_refuses("partial_images", value > 0)

    def check_stream(self, value: Any) -> None:
        self._takes("stream")
        self._format_refuses("stream", value is True)

    def check_output_compression(self, value: int) -> None:
        self._takes("output_compression")
        self._format_refuses("output_compression", True)
        assert self.rules is not None and self.rules.output_compression is not None
        limits = self.rules.output_compression
        if not limits.min <= value <= limits.max:
            raise refusal("output_compression", f"must be within {limits.min}..{limits.max}")
        if self._output_format() not in limits.formats:
            raise refusal("output_compression", f"compression applies to {'/'.join(limits.formats)} output only")

    def check_background(self, value: str) -> None:
        self._takes("background")
        assert self.rules is not None
        if value == "transparent" and self._output_format() not in self.rules.transparent_formats:
            raise refusal("background", "transparency needs png or webp output")

    def check_image(self, value: Any) -> None:
        assert self.rules is not None and self.rules.images is not None
        self.pictures["image"] = self._uploads("image", value if isinstance(value, list) else [value])

    def check_images(self, value: list[Any]) -> None:
        assert self.rules is not None and self.rules.images is not None
        contents = [self._resolve("images", reference) for reference in value]
        self.pictures["image"] = self._pictures("images", contents)

    def _uploads(self, name: str, files: list[Any]) -> list[Picture]:
        if not all(isinstance(item, Upload) for item in files):
            raise refusal(name, "must be uploaded as a file")
        return self._pictures(name, [item.content for item in files])

    def _pictures(self, name: str, contents: list[bytes]) -> list[Picture]:
        assert self.rules is not None and self.rules.images is not None
        limits = self.rules.images
        if len(contents) > limits.max_count:
            raise refusal(name, f"{self.rules.name} takes at most {limits.max_count} image(s)")
        found = []
        for content in contents:
            picture = _picture(content)
            if picture is None or picture.fmt is None:
                raise refusal(name, "not a PNG, JPEG or WebP image", "invalid_image")
            if picture.fmt not in limits.formats:
                raise refusal(
                    name, f"{self.rules.name} takes {', '.join(limits.formats)} images", "invalid_image_format"
                )
            if picture.size >= limits.max_bytes:
                raise refusal(name, "image too large", "image_too_large")
            if limits.square and picture.width != picture.height:
                raise refusal(name, "must be square")
            found.append(picture)
        return found

    def check_mask(self, value: Any) -> None:
        self._format_refuses("mask", True)
        if self.multipart:
            if not isinstance(value, Upload):
                raise refusal("mask", "must be uploaded as a file")
            content = value.content
        else:
            content = self._resolve("mask", value)
        picture = _picture(content)
        limits = rules_table().mask
        if picture is None or picture.fmt not in limits.formats:
            raise refusal("mask", "must be a PNG image", "invalid_image")
        if limits.needs_alpha and not picture.alpha:
            raise refusal("mask", "needs an alpha channel")
        if picture.size >= limits.max_bytes:
            raise refusal("mask", "mask too large", "image_too_large")
        first = self.pictures.get("image", [None])[0]
        if (
            limits.same_size_as_first_image
            and first is not None
            and (first.width, first.height)
            != (
                picture.width,
                picture.height,
            )
        ):
            raise refusal("mask", "must have the same dimensions as the image")

    def check_markup(self, value: Any) -> None:
        self._takes("markup")
        limits = rules_table().markup
        if any(self.body.get(other) is not None for other in limits.not_with):
            raise refusal("markup", f"cannot be combined with {' or '.join(limits.not_with)}")
        picture = _picture(value.content) if isinstance(value, Upload) else None
        if picture is None or picture.fmt not in limits.formats:
            raise refusal("markup", "must be a PNG image", "invalid_image")
        if limits.needs_alpha and not picture.transparent:
            raise refusal("markup", "must contain transparent pixels")
        first = self.pictures.get("image", [None])[0]
        if (
            limits.same_size_as_first_image
            and first is not None
            and (first.width, first.height)
            != (
                picture.width,
                picture.height,
            )
        ):
            raise refusal("markup", "must match the first image's dimensions")

    def _resolve(self, name: str, reference: Mapping[str, Any]) -> bytes:
        if "file_id" in reference:
            raise refusal(name, f"no such file: {reference['file_id']!r}", "file_not_found")
        url = str(reference.get("image_url", ""))
        if not url.startswith("data:"):
            raise refusal(name, "this server does not fetch remote images; send a data: URL", "unsupported_url")
        header, _, data = url.partition(",")
        try:
            if not header.endswith(";base64"):
                raise binascii.Error("not base64")
            return base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise refusal(name, "the data URL is not base64", "invalid_image") from None


# --- answering --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def render(fmt: str, width: int, height: int, transparent: bool, compression: int | None) -> bytes:
    mode = "RGBA" if transparent else "RGB"
    image = Image.new(mode, (width, height), (20, 140, 90, 0 if transparent else 255)[: len(mode)])
    buffer = io.BytesIO()
    # The fastest settings each encoder has: this server's images only need to be what was asked for.
    options: dict[str, Any] = {"png": {"compress_level": 1}, "webp": {"method": 0}}.get(fmt, {})
    if compression is not None:
        options["quality"] = compression
    image.save(buffer, format=PIL_NAMES[fmt], **options)
    return buffer.getvalue()


@functools.lru_cache(maxsize=16)
def animate(width: int, height: int, frames: int, delay_ms: int) -> bytes:
    """A GIF of ``frames`` frames, each shown ``delay_ms``: a block stepping across a plain field (frames must
    differ, or an encoder may merge them)."""
    pictures = []
    step = max(1, width // frames)
    for index in range(frames):
        frame = Image.new("P", (width, height), 0)
        frame.putpalette([20, 140, 90, 240, 200, 40])
        frame.paste(1, (index * step, 0, min(width, (index + 1) * step), max(1, height // 8)))
        pictures.append(frame)
    buffer = io.BytesIO()
    pictures[0].save(buffer, format="GIF", save_all=True, append_images=pictures[1:], duration=delay_ms, loop=0)
    return buffer.getvalue()


def draw_svg(prompt: str, width: int, height: int) -> bytes:
    text = escape(NOT_XML.sub("", prompt[:200]))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="{width}"'
        f' height="{height}" viewBox="0 0 {width} {height}"><rect width="100%" height="100%" fill="#148c5a"/>'
        f'<text x="8" y="24" font-size="16">{text}</text></svg>\n'
    ).encode()


def gif_delay(requested: int, fmt: FormatRules) -> int:
    """The delay a GIF carries for a requested one: "rounds to the nearest 10 ms and caps the encoded delay
    at 655,350 ms per frame" (the step and cap as the table records them)."""
    assert fmt.frame_duration is not None
    step, cap = fmt.frame_duration.step_ms, fmt.frame_duration.max_ms
    return min(cap, int(max(0, requested) / step + 0.5) * step)


class Reference:
    def __init__(self, api_keys: Collection[str], as_of: dt.date | None) -> None:
        self.api_keys = set(api_keys)
        self.as_of = as_of
        self.files: dict[str, tuple[bytes, str]] = {}

    async def handle(self, request: Request, operation: spec.Operation) -> Response:
        authorization = request.headers.get("authorization", "")
        if not authorization.startswith("Bearer ") or authorization[7:] not in self.api_keys:
            return error(401, "Invalid or missing API key.", None, "invalid_api_key")
        day = self.as_of or dt.date.today()
        try:
            for content_type in operation.request_bodies:
                if _closed(operation, content_type, day):
                    message = f"{operation.path} no longer accepts requests: its models are retired."
                    raise Refusal(404, message, "model", "model_not_found")
            body, content_type = await read_body(request, operation)
            judge = Judge(operation, content_type, body, day)
            judge.run()
        except Refusal as refused:
            return error(refused.status, refused.message, refused.param, refused.code)
        assert judge.rules is not None
        return self.answer(request, operation, judge.body, judge.rules)

    def answer(self, request: Request, operation: spec.Operation, body: dict[str, Any], rules: ModelRules) -> Response:
        size = body.get("size")
        if size in (None, "auto"):
            width, height = AUTO_SIZE if rules.is_gpt_image and size == "auto" else (1024, 1024)
        else:
            width, height = (int(side) for side in str(size).split("x"))
        gpt = rules.is_gpt_image
        fmt = str(body.get("output_format") or "png") if gpt else "png"
        if fmt == "svg":
            image = draw_svg(str(body.get("prompt", "")), width, height)
        elif fmt == "gif":
            animated = rules_table().formats["gif"]
            frames = body.get("frame_count") or animated.defaults["frame_count"]
            delay = body.get("frame_duration_ms")
            delay = animated.defaults["frame_duration_ms"] if delay is None else delay
            image = animate(width, height, int(frames), gif_delay(int(delay), animated))
        else:
            transparent = gpt and body.get("background") == "transparent"
            compression = body.get("output_compression") if fmt != "png" else None
            image = render(fmt, width, height, transparent, compression)
        usage = {
            "input_tokens": 10,
            "output_tokens": 100,
            "total_tokens": 110,
            "input_tokens_details": {"text_tokens": 10, "image_tokens": 0},
        }
        identifier = next(
            (body[name] for name in ("safety_identifier", "user") if isinstance(body.get(name), str) and body[name]),
            None,
        )
        if body.get("stream") is True and operation.streams():
            events = self.events(operation, body, image, usage, identifier if gpt else None)
            return StreamingResponse(events, media_type="text/event-stream")
        by_url = not gpt and (body.get("response_format") or rules.default_response_format) == "url"
        data = []
        for _ in range(int(body.get("n") or 1)):
            item: dict[str, Any] = {}
            if by_url:
                name = uuid.uuid4().hex
                self.files[name] = (image, MEDIA_TYPES[fmt])
                item["url"] = f"{str(request.base_url).rstrip('/')}/files/{name}"
            else:
                item["b64_json"] = base64.b64encode(image).decode()
            if rules.answers.revised_prompt:
                item["revised_prompt"] = str(body.get("prompt", ""))
            data.append(item)
        answer: dict[str, Any] = {"created": int(time.time()), "data": data}
        if gpt:
            answer.update(
                output_format=fmt, usage={**usage, "output_tokens_details": {"image_tokens": 100, "text_tokens": 0}}
            )
            if identifier is not None:
                answer["safety_identifier"] = identifier
        if fmt == "svg":
            author = body.get("svg") or {}
            answer["svg_usage"] = {
                "input_tokens": 20,
                "model": str(author.get("model") or "svg-author"),
                "output_tokens": len(image) // 4,
                "reasoning_tokens": 0,
                "total_tokens": 20 + len(image) // 4,
            }
        return JSONResponse(answer)

    def events(
        self,
        operation: spec.Operation,
        body: dict[str, Any],
        image: bytes,
        usage: dict[str, Any],
        identifier: str | None,
    ) -> Iterator[str]:
        prefix = "image_generation" if operation.operation_id == "createImage" else "image_edit"
        shown = f"{body.get('size')}" if body.get("size") in ("1024x1024", "1024x1536", "1536x1024") else "auto"
        common = {
            "b64_json": base64.b64encode(image).decode(),
            "created_at": int(time.time()),
            "size": shown,
            "quality": body.get("quality") or "auto",
            "background": body.get("background") or "auto",
            "output_format": body.get("output_format") or "png",
        }
        if (body.get("partial_images") or 0) > 0:
            yield f"data: {json.dumps({'type': f'{prefix}.partial_image', **common, 'partial_image_index': 0})}\n\n"
        completed = {"type": f"{prefix}.completed", **common, "usage": usage}
        if identifier is not None:
            completed["safety_identifier"] = identifier
        yield f"data: {json.dumps(completed)}\n\n"
        yield "data: [DONE]\n\n"

    async def file(self, request: Request) -> Response:
        found = self.files.get(request.path_params["name"])
        if found is None:
            return error(404, "No such file.", None, "not_found")
        return Response(found[0], media_type=found[1])


def create_app(api_keys: Collection[str], as_of: dt.date | None = None) -> Starlette:
    """The reference server, accepting only ``api_keys``, serving the models OpenAI served on ``as_of``
    (default: the day each request arrives)."""
    server = Reference(api_keys, as_of)
    routes = [Route("/files/{name}", server.file, methods=["GET"])]
    for operation in spec.operations().values():

        async def endpoint(request: Request, operation: spec.Operation = operation) -> Response:
            return await server.handle(request, operation)

        routes.append(Route(f"/v1{operation.path}", endpoint, methods=[operation.method.upper()]))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        response = error(exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    return Starlette(routes=routes, exception_handlers={HTTPException: http_error})
