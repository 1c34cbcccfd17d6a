"""A second Images API, written from the spec's text and not from the mock, to show the contract suite is fair.

It shares nothing with ``openai_images.mock`` nor with the shared validator: it reads the pinned
spec (field schemas, through ``jsonschema``) and the rules table (the per-model facts) as data,
and does everything else its own way. Where the spec leaves a choice open it takes the other one:

- it checks the fields of a request one at a time in its own order (``FIELD_ORDER``) and names
  the first faulty one it meets, so a request with several faults gets a different ``param``;
- it refuses image references it cannot resolve itself: a ``file_id`` (it has no Files API) and
  any URL but a ``data:`` URL (it fetches nothing);
- it reads ``size`` strictly for dall-e-2 and dall-e-3: their prose lists sizes without ``auto``;
- an unknown model is a 404 ``model_not_found``; a body it cannot read is a 415 or a 400;
- a request without ``model`` runs on the spec's default, and on the table's GPT image model only
  when a parameter that only GPT image models take is given;
- ``auto`` sizes of the GPT image models make 1536x1024 images, ``auto`` quality reports ``medium``;
- it reports ``usage`` and ``output_format`` but echoes nothing else; images are plain colour
  fields; dall-e URLs point at ``/files/{id}``;
- a stream carries data-only events (no ``event:`` names), at most one partial image, then a
  ``data: [DONE]`` line.
"""

from __future__ import annotations

import base64
import binascii
import functools
import io
import json
import time
import uuid
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator
from openai_images import spec
from openai_images.rules import ModelRules, table
from PIL import Image
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
    "output_compression",
    "background",
    "moderation",
    "input_fidelity",
    "partial_images",
    "stream",
    "image",
    "images",
    "mask",
    "prompt",
    "user",
    "model",
)
"""The order in which this server looks at a request's fields: the first faulty one is the one it names."""
AUTO_SIZE = (1536, 1024)
STRICT_SIZE_MODELS = ("dall-e-2", "dall-e-3")
"""Models whose size list, as their prose gives it, does not include ``auto``."""
PIL_FORMATS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp"}
PIL_NAMES = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}
MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}


class Refusal(Exception):
    def __init__(self, status: int, message: str, param: str | None, code: str) -> None:
        super().__init__(message)
        self.status, self.message, self.param, self.code = status, message, param, code


def refusal(param: str, message: str, code: str = "invalid_value") -> Refusal:
    return Refusal(400, f"Invalid value for '{param}': {message}", param, code)


def error(status: int, message: str, param: str | None = None, code: str | None = None) -> JSONResponse:
    kind = "invalid_request_error" if status < 500 else "server_error"
    return JSONResponse({"error": {"message": message, "type": kind, "param": param, "code": code}}, status)


# --- the spec, read as data -----------------------------------------------------------------------


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


def _gpt_only_parameters() -> set[str]:
    """Parameters that only GPT image models take: using one selects the GPT default model."""
    models = table().models.values()
    takers: dict[str, list[ModelRules]] = {}
    for rules in models:
        for name in rules.parameters:
            takers.setdefault(name, []).append(rules)
    return {name for name, who in takers.items() if all(rules.is_gpt_image for rules in who)}


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
    size: int


def _picture(content: bytes) -> Picture | None:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
        with Image.open(io.BytesIO(content)) as image:
            alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            return Picture(PIL_FORMATS.get(image.format or ""), image.width, image.height, alpha, len(content))
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
            name = raw_name.removesuffix("[]")
            item: Any = Upload(await value.read(), value.filename or "") if isinstance(value, UploadFile) else value
            if raw_name.endswith("[]") or name in fields:
                existing = fields.get(name, [])
                fields[name] = [*(existing if isinstance(existing, list) else [existing]), item]
            else:
                fields[name] = item
    return fields, media_type


def _form_value(name: str, value: Any, schema: Mapping[str, Any]) -> Any:
    """A form's text as the field's type: the spellings JSON would use, nothing looser."""
    if isinstance(value, list):
        return [_form_value(name, item, schema) for item in value]
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
    """One request's checks, field by field in FIELD_ORDER."""

    def __init__(self, operation: spec.Operation, content_type: str, body: dict[str, Any]) -> None:
        self.operation, self.content_type = operation, content_type
        self.properties = operation.properties(content_type)
        self.multipart = content_type == spec.MULTIPART
        self.body = {key: value for key, value in body.items() if value is not None or self._required(key)}
        model = self._model_name()
        offered = spec.enum_values(self.properties.get("model", {}))
        # Rules apply once the model is one this body can run on; until then only the schema is checked.
        known = isinstance(model, str) and (not offered or model in offered)
        self.rules = table().models.get(model) if known else None
        self.pictures: dict[str, list[Picture]] = {}

    def _required(self, name: str) -> bool:
        return name in self.operation.body_schema(self.content_type).get("required", ())

    def _model_name(self) -> Any:
        if "model" in self.body:
            return self.body["model"]
        default = spec.resolve(self.properties.get("model", {})).get("default")
        implied = table().operations.get(self.operation.operation_id, {}).get("model_when_gpt_parameters")
        if implied and any(name in self.body for name in _gpt_only_parameters()):
            return implied
        return default

    def run(self) -> None:
        unknown = [name for name in self.body if name not in self.properties]
        if unknown:
            raise Refusal(400, f"Unrecognized request argument supplied: {unknown[0]}", unknown[0], "unknown_parameter")
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
        specific = set().union(*(rules.parameters for rules in table().models.values()))
        if name in specific and name not in self.rules.parameters:
            raise refusal(name, f"not supported with model {self.rules.name}", "unsupported_parameter")

    # --- one method per field that has rules beyond its schema ----------------------------------

    def check_model(self, value: Any) -> None:
        if value not in table().models:
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

    def check_size(self, value: str) -> None:
        assert self.rules is not None
        listed = list(self.rules.sizes)
        if self.rules.name in STRICT_SIZE_MODELS:
            listed.remove("auto")
        if value in listed:
            return
        custom = self.rules.custom_size
        width, _, height = value.partition("x")
        if custom is not None and width.isdigit() and height.isdigit() and int(width) and int(height):
            w, h = int(width), int(height)
            ratio = max(w, h) / min(w, h)
            fits = max(w, h) <= custom.max_long_edge and min(w, h) <= custom.max_short_edge
            if w % custom.multiple_of == 0 and h % custom.multiple_of == 0 and ratio <= custom.max_aspect and fits:
                return
        raise refusal("size", f"{self.rules.name} makes {', '.join(listed)}")

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

    def check_moderation(self, value: Any) -> None:
        self._takes("moderation")

    def check_input_fidelity(self, value: Any) -> None:
        self._takes("input_fidelity")

    def check_partial_images(self, value: Any) -> None:
        self._takes("partial_images")

    def check_stream(self, value: Any) -> None:
        self._takes("stream")

    def _output_format(self) -> str:
        return str(self.body.get("output_format") or "png")

    def check_output_compression(self, value: int) -> None:
        self._takes("output_compression")
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
        if self.multipart:
            if not isinstance(value, Upload):
                raise refusal("mask", "must be uploaded as a file")
            content = value.content
        else:
            content = self._resolve("mask", value)
        picture = _picture(content)
        limits = table().mask
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


class Reference:
    def __init__(self, api_keys: Collection[str]) -> None:
        self.api_keys = set(api_keys)
        self.files: dict[str, tuple[bytes, str]] = {}

    async def handle(self, request: Request, operation: spec.Operation) -> Response:
        authorization = request.headers.get("authorization", "")
        if not authorization.startswith("Bearer ") or authorization[7:] not in self.api_keys:
            return error(401, "Invalid or missing API key.", None, "invalid_api_key")
        try:
            body, content_type = await read_body(request, operation)
            judge = Judge(operation, content_type, body)
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
        transparent = gpt and body.get("background") == "transparent"
        compression = body.get("output_compression") if fmt != "png" else None
        image = render(fmt, width, height, transparent, compression)
        usage = {
            "input_tokens": 10,
            "output_tokens": 100,
            "total_tokens": 110,
            "input_tokens_details": {"text_tokens": 10, "image_tokens": 0},
        }
        if body.get("stream") is True and operation.streams():
            return StreamingResponse(self.events(operation, body, image, usage), media_type="text/event-stream")
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
        return JSONResponse(answer)

    def events(
        self, operation: spec.Operation, body: dict[str, Any], image: bytes, usage: dict[str, Any]
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
        yield f"data: {json.dumps({'type': f'{prefix}.completed', **common, 'usage': usage})}\n\n"
        yield "data: [DONE]\n\n"

    async def file(self, request: Request) -> Response:
        found = self.files.get(request.path_params["name"])
        if found is None:
            return error(404, "No such file.", None, "not_found")
        return Response(found[0], media_type=found[1])


def create_app(api_keys: Collection[str]) -> Starlette:
    """The reference server, accepting only ``api_keys``."""
    server = Reference(api_keys)
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
