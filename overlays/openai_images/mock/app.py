"""The mock Images server as an ASGI app: the spec's operations, answered like the real service on a given day.

Routes come from the spec (``/v1`` + each operation's path, and the Azure OpenAI form
``/openai/deployments/{deployment}/...``). Each request is authenticated, checked with the shared
validator (schema, the models OpenAI served on the mock's day, then the per-model rules, under the
rules table's "mock" reading) and answered with real images from ``openai_images.mock.images``;
answers carry the fields the model's entry in the rules table says it gives. The day is a setting
(``as_of``; default: the day each request arrives): the catalogue of an earlier day is the same
mock, not another one. Faults can be injected (``openai_images.mock.faults``).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import secrets
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from openai_images import spec
from openai_images.errors import Issue
from openai_images.mock import images
from openai_images.mock.bodies import BodyError, Limits, check_declared_length, read_form, read_json
from openai_images.mock.faults import NO_FAULT, FaultPlan
from openai_images.rules import ModelRules, table
from openai_images.validation import check_request, effective_model, form_params

API_PREFIX = "/v1"
AZURE_PREFIX = "/openai/deployments/{deployment}"
IMAGE_ROUTE = "/v1/mock-images/{name}"
FAULT_HEADER = "x-mock-fault"
_MIME = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
_SUFFIX_MIME = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}
_ERROR_TYPES = {401: "invalid_request_error", 403: "invalid_request_error", 429: "requests"}


class DroppedConnection(Exception):
    """Raised after the answer has started, so that the server closes the connection mid-answer."""


def error_body(message: str, status: int, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    """OpenAI's error shape."""
    kind = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def error_response(status: int, message: str, param: str | None = None, code: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, status, param, code), status_code=status)


class _DropResponse(Response):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]})
        await send({"type": "http.response.body", "body": b'{"created": ', "more_body": True})
        raise DroppedConnection("the mock dropped the connection (fault injection)")


@dataclass
class _Stored:
    content: bytes
    media_type: str
    expires: float


@dataclass
class ImageStore:
    """Images answered by URL: kept in memory, bounded, each until its URL expires."""

    ttl: float = 3600.0
    max_entries: int = 1024
    _items: OrderedDict[str, _Stored] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def put(self, content: bytes, fmt: str) -> str:
        name = f"{secrets.token_urlsafe(16)}.{'jpg' if fmt == 'jpeg' else fmt}"
        with self._lock:
            self._items[name] = _Stored(content, _MIME[fmt], time.monotonic() + self.ttl)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)
        return name

    def get(self, name: str) -> _Stored | None:
        with self._lock:
            item = self._items.get(name)
            if item is not None and item.expires <= time.monotonic():
                del self._items[name]
                return None
            return item


@dataclass
class SharedImageStore:
    """Images answered by URL, as files in a directory that every worker process of a server shares
    (a URL answered by one worker may be fetched through another); each file's mtime is its expiry."""

    directory: Path
    ttl: float = 3600.0
    max_entries: int = 1024
    _NAME = re.compile(r"[A-Za-z0-9_-]{22}\.(png|jpg|webp)")

    def put(self, content: bytes, fmt: str) -> str:
        name = f"{secrets.token_urlsafe(16)}.{'jpg' if fmt == 'jpeg' else fmt}"
        partial = self.directory / f".{name}.part"
        partial.write_bytes(content)
        expires = time.time() + self.ttl
        os.utime(partial, (expires, expires))
        partial.replace(self.directory / name)
        self._prune()
        return name

    def _prune(self) -> None:
        stored = [path for path in self.directory.iterdir() if self._NAME.fullmatch(path.name)]
        if len(stored) <= self.max_entries:
            return
        by_expiry = []
        for path in stored:
            try:
                by_expiry.append((path.stat().st_mtime, path))
            except FileNotFoundError:  # another worker pruned it
                continue
        for _, path in sorted(by_expiry)[: len(by_expiry) - self.max_entries]:
            path.unlink(missing_ok=True)

    def get(self, name: str) -> _Stored | None:
        match = self._NAME.fullmatch(name)
        if match is None:
            return None
        path = self.directory / name
        try:
            expires = path.stat().st_mtime
            if expires <= time.time():
                path.unlink(missing_ok=True)
                return None
            return _Stored(path.read_bytes(), _SUFFIX_MIME[match.group(1)], expires)
        except FileNotFoundError:
            return None


def _request_id_middleware(app: ASGIApp) -> ASGIApp:
    """Every answer carries an ``x-request-id``, as the real service's do."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        request_id = f"req_{uuid.uuid4().hex}".encode()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"x-request-id" for name, _ in headers):
                    headers.append((b"x-request-id", request_id))
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_id)

    return wrapped


@dataclass
class Settings:
    api_keys: Collection[str] | None = None
    """Accepted keys; None accepts any non-empty key."""
    url_ttl: float = 3600.0
    faults: FaultPlan = field(default_factory=FaultPlan)
    limits: Limits = field(default_factory=Limits)
    allow_fault_header: bool = True
    as_of: dt.date | None = None
    """The day whose catalogue is served; None: the day each request arrives."""
    image_dir: str | None = None
    """Where image URLs are kept when worker processes share them; None keeps them in memory."""


class MockImagesService:
    """The request handling; one instance per app."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store: ImageStore | SharedImageStore = (
            ImageStore(ttl=settings.url_ttl)
            if settings.image_dir is None
            else SharedImageStore(Path(settings.image_dir), ttl=settings.url_ttl)
        )

    # --- the steps of a request ----------------------------------------------------------------

    def authenticate(self, request: Request, azure: bool) -> JSONResponse | None:
        key = None
        authorization = request.headers.get("authorization", "")
        if authorization[:7].lower() == "bearer ":
            key = authorization[7:].strip()
        if azure and not key:
            key = request.headers.get("api-key", "").strip()
        if not key:
            how = "the api-key header" if azure else "an Authorization: Bearer header"
            return error_response(401, f"You didn't provide an API key. Send it in {how}.", code="missing_api_key")
        accepted = self.settings.api_keys
        if accepted is not None and key not in accepted:
            return error_response(401, "Incorrect API key provided.", code="invalid_api_key")
        return None

    async def injected_fault(self, request: Request) -> Response | None:
        forced = request.headers.get(FAULT_HEADER) if self.settings.allow_fault_header else None
        plan = self.settings.faults
        fault = forced or plan.next()
        if fault == NO_FAULT:
            return None
        if fault == "429":
            response = error_response(429, "Rate limit reached for images (mock).", code="rate_limit_exceeded")
            response.headers["retry-after"] = f"{plan.retry_after:g}"
            response.headers["retry-after-ms"] = str(int(plan.retry_after * 1000))
            return response
        if fault in ("500", "503"):
            message = "The server had an error while processing your request (mock)."
            if fault == "503":
                message = "The engine is currently overloaded, please try again later (mock)."
            return error_response(int(fault), message, code="server_error" if fault == "500" else "overloaded")
        if fault == "slow":
            await anyio.sleep(plan.slow_seconds)
            return None
        if fault == "drop":
            return _DropResponse()
        return error_response(400, f"unknown {FAULT_HEADER} {fault!r}", param=FAULT_HEADER)

    async def read_params(self, request: Request, operation: spec.Operation) -> tuple[dict[str, Any], str]:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type not in operation.request_bodies:
            accepted = " or ".join(operation.request_bodies)
            message = f"send {accepted}, not {content_type or 'no content type'}"
            raise BodyError(415, message, code="unsupported_media_type")
        check_declared_length(request.headers, self.settings.limits.max_body_bytes)
        if content_type == spec.JSON:
            return await read_json(request.stream(), self.settings.limits), content_type
        items = await read_form(request.headers["content-type"], request.stream(), self.settings.limits)
        return form_params(operation.operation_id, items, content_type), content_type

    async def handle(self, request: Request, operation: spec.Operation) -> Response:
        deployment = request.path_params.get("deployment")
        azure = deployment is not None
        refused = self.authenticate(request, azure)
        if refused is not None:
            return refused
        if azure and not request.query_params.get("api-version"):
            message = "the api-version query parameter is required"
            return error_response(400, message, "api-version", "missing_api_version")
        fault = await self.injected_fault(request)
        if fault is not None:
            return fault
        try:
            params, content_type = await self.read_params(request, operation)
        except BodyError as exc:
            return error_response(exc.status, exc.message, exc.param, exc.code)
        except ClientDisconnect:
            # Nobody is left to read an answer; this one only keeps the server's log quiet.
            return error_response(400, "the client went away before sending its whole body")
        rules_table = table("mock")
        if azure and params.get("model") is None and deployment in rules_table.models:
            params["model"] = deployment
        as_of = self.settings.as_of or dt.date.today()
        params, issues = self.choose_model(operation, content_type, params, as_of)
        # Azure OpenAI retires models on its own schedule, so OpenAI's dates are not applied to it.
        issues = issues or check_request(
            operation.operation_id,
            params,
            content_type=content_type,
            strict=True,
            as_of=as_of,
            lifecycle=not azure,
            reading="mock",
        )
        if issues:
            # A model it does not serve (unknown, retired, not yet released) is OpenAI's 404 model_not_found,
            # named first: the model decides which of the other parameters are valid at all.
            issues = sorted(issues, key=lambda issue: issue.code != "model_not_found")
            first = issues[0]
            message = "; ".join(str(issue) for issue in issues)
            status = 404 if first.code == "model_not_found" else 400
            return error_response(status, message, first.param.split("[")[0].split(".")[0], first.code)
        model = effective_model(operation.operation_id, params, content_type, as_of=as_of, reading="mock")
        rules = rules_table.models[str(model)]
        answer = Answer(operation, content_type, params, rules, self.store, str(request.base_url).rstrip("/"))
        if params.get("stream") is True and operation.streams():
            return StreamingResponse(answer.events(), media_type="text/event-stream")
        try:
            body = await anyio.to_thread.run_sync(answer.body)
        except images.ImageInputError as exc:
            return error_response(400, f"an uploaded image cannot be used: {exc}", "image", "invalid_image")
        return Response(json.dumps(body, separators=(",", ":")), media_type="application/json")

    def choose_model(
        self, operation: spec.Operation, content_type: str, params: dict[str, Any], as_of: dt.date
    ) -> tuple[dict[str, Any], list[Issue]]:
        """The request as the mock judges it: without a ``model`` on a day no default is known for, the
        rules table's "absent-model" reading decides (the server picks one, or the request is refused)."""
        if params.get("model") is not None or "model" not in operation.properties(content_type):
            return params, []
        if effective_model(operation.operation_id, params, content_type, as_of=as_of, reading="mock") is not None:
            return params, []
        rules = table("mock")
        offered = [name for name in operation.offered_models(content_type) if name in rules.catalogue(as_of)]
        if rules.ambiguity("absent-model").choice["mock"] == "server-picks" and offered:
            if rules.cli_model in offered:
                return {**params, "model": rules.cli_model}, []
            # Before the default model arrived: the newest model served that day.
            newest = max(offered, key=lambda name: _arrival(rules.models[name]))
            return {**params, "model": newest}, []
        message = "is required: no model is the default any more"
        return params, [Issue("model", message, allowed=", ".join(offered), code="missing_required_parameter")]

    async def image(self, request: Request) -> Response:
        stored = self.store.get(request.path_params["name"])
        if stored is None:
            return error_response(404, "This image URL has expired or never existed.", code="image_not_found")
        return Response(stored.content, media_type=stored.media_type)


def _arrival(rules: ModelRules) -> dt.date:
    return rules.arrived.date if rules.arrived is not None and rules.arrived.date is not None else dt.date.min


class Answer:
    """What one valid request gets: images made for it, and the fields its model reports."""

    def __init__(
        self,
        operation: spec.Operation,
        content_type: str,
        params: Mapping[str, Any],
        rules: ModelRules,
        store: ImageStore | SharedImageStore,
        base_url: str,
    ) -> None:
        self.operation = operation
        self.content_type = content_type
        self.params = params
        self.rules = rules
        self.store = store
        self.base_url = base_url
        self.width, self.height = rules.resolve_size(params.get("size"))
        gpt = rules.answers.echoes_settings
        self.fmt = str(params.get("output_format") or "png") if gpt else "png"
        self.transparent = gpt and params.get("background") == "transparent"
        compression = params.get("output_compression")
        self.compression = compression if isinstance(compression, int) and self.fmt in ("jpeg", "webp") else None
        self.n = int(params.get("n") or 1)
        self.prompt = str(params.get("prompt") or "")
        self.frames, self.frame_ms = self._animation()

    def _animation(self) -> tuple[int, int]:
        """(frames, delay in ms) of a GIF answer: the request's, else the format's defaults, encoded as GIF can."""
        rules = table("mock").formats.get("gif")
        if self.fmt != "gif" or rules is None:
            return 1, 0
        frames = self.params.get("frame_count")
        delay = self.params.get("frame_duration_ms")
        frames = int(rules.defaults["frame_count"] if frames is None else frames)
        delay = int(rules.defaults["frame_duration_ms"] if delay is None else delay)
        return frames, rules.frame_duration.encoded(delay) if rules.frame_duration else delay

    # --- images --------------------------------------------------------------------------------

    def _sources(self) -> list[bytes]:
        value = self.params.get("image")
        return [value] if isinstance(value, bytes) else [item for item in value or [] if isinstance(item, bytes)]

    def _upload(self, name: str) -> bytes | None:
        value = self.params.get(name)
        return value if isinstance(value, bytes) else None

    def make(self, index: int, detail: float = 1.0) -> bytes:
        """The ``index``-th image of this answer, at the given level of detail."""
        size = (self.width, self.height)
        if self.fmt == "svg":
            return images.render_svg(self.prompt, *size, index=index)
        options: dict[str, Any] = {"fmt": self.fmt, "index": index}
        if self.operation.operation_id == "createImageVariation":
            return images.vary(self._sources()[0], *size, **options)
        options.update(transparent=self.transparent, compression=self.compression, detail=detail)
        if self.fmt == "gif":
            options.update(frames=self.frames, frame_ms=self.frame_ms)
        sources = self._sources()
        if sources:
            options.update(mask=self._upload("mask"), markup=self._upload("markup"))
            return images.edit(sources[0], self.prompt, *size, **options)
        # Generations, and JSON edits: their images are references the mock does not fetch.
        return images.render(self.prompt, *size, **options)

    # --- the JSON answer -------------------------------------------------------------------------

    def _response_enum(self, schema_name: str, field: str) -> list[Any]:
        schema = spec.resolve({"$ref": f"#/components/schemas/{schema_name}"})
        return spec.enum_values(schema.get("properties", {}).get(field, {}))

    def _quality(self, allowed: list[Any]) -> str | None:
        asked = self.params.get("quality")
        return asked if asked in allowed else self.rules.default_quality

    def _safety_identifier(self) -> str | None:
        """The non-empty ``safety_identifier``, else the deprecated ``user``: what the answer reports."""
        for name in ("safety_identifier", "user"):
            value = self.params.get(name)
            if isinstance(value, str) and value:
                return value
        return None

    def usage(self) -> dict[str, Any]:
        """Input tokens for the prompt and uploads; output tokens per the rules table's [usage] (published
        figures and our derivation), for each image and, in a GIF, each frame."""
        text_tokens = max(1, len(self.prompt) // 4)
        image_tokens = 65 * (len(self._sources()) + (self._upload("markup") is not None))
        billing = table("mock").usage
        quality = self._quality(list(billing.patch_side)) or "high"
        output = billing.output_tokens(quality, self.width, self.height) * self.n * self.frames
        return {
            "input_tokens": text_tokens + image_tokens,
            "input_tokens_details": {"text_tokens": text_tokens, "image_tokens": image_tokens},
            "output_tokens": output,
            "output_tokens_details": {"image_tokens": output, "text_tokens": 0},
            "total_tokens": text_tokens + image_tokens + output,
        }

    def svg_usage(self, document: bytes) -> dict[str, Any]:
        """The SVG author's tokens (the mock's own figures): it reads the prompt and the reference image,
        writes the document (about 4 bytes a token) and reasons in proportion to its effort."""
        options = self.params.get("svg")
        options = options if isinstance(options, dict) else {}
        reasoning = options.get("reasoning")
        reasoning = reasoning if isinstance(reasoning, dict) else {}
        written = max(1, len(document) // 4)
        thought = written * _EFFORT_SHARE.get(str(reasoning.get("effort") or "medium"), 1.0)
        input_tokens = max(1, len(self.prompt) // 4) + 65
        output_tokens = written + int(thought)
        return {
            "input_tokens": input_tokens,
            "model": str(options.get("model") or self.rules.name),
            "output_tokens": output_tokens,
            "reasoning_tokens": int(thought),
            "total_tokens": input_tokens + output_tokens,
        }

    def body(self) -> dict[str, Any]:
        answers = self.rules.answers
        as_url = answers.url and (self.params.get("response_format") or self.rules.default_response_format) == "url"
        data = []
        contents = []
        for index in range(self.n):
            content = self.make(index)
            contents.append(content)
            item: dict[str, Any] = {}
            if as_url:
                item["url"] = f"{self.base_url}{IMAGE_ROUTE.format(name=self.store.put(content, self.fmt))}"
            else:
                item["b64_json"] = base64.b64encode(content).decode()
            if answers.revised_prompt:
                item["revised_prompt"] = f"{self.prompt.strip()}, in a {self.params.get('style') or 'vivid'} style."
            data.append(item)
        body: dict[str, Any] = {"created": int(time.time()), "data": data}
        if answers.echoes_settings:
            body["background"] = "transparent" if self.transparent else "opaque"
            body["output_format"] = self.fmt
            body["size"] = f"{self.width}x{self.height}"
            body["quality"] = self._quality(self._response_enum("ImagesResponse", "quality"))
        safety_identifier = self._safety_identifier()
        if answers.safety_identifier and safety_identifier is not None:
            body["safety_identifier"] = safety_identifier
        if answers.usage:
            body["usage"] = self.usage()
        if self.fmt == "svg":
            body["svg_usage"] = self.svg_usage(contents[0])
        return body

    # --- the streamed answer ---------------------------------------------------------------------

    def _event_types(self) -> tuple[tuple[str, Mapping[str, Any]], tuple[str, Mapping[str, Any]]]:
        """(type, schema) of the partial and the completed event, read from the spec's stream union."""
        union = self.operation.success_schema(spec.EVENT_STREAM) or {}
        partial = completed = None
        for member in union.get("anyOf", union.get("oneOf", [])):
            schema = spec.resolve(member)
            kind = spec.enum_values(schema["properties"]["type"])[0]
            if "partial_image_index" in schema.get("properties", {}):
                partial = (kind, schema)
            else:
                completed = (kind, schema)
        assert partial is not None and completed is not None, "the spec's stream has partial and completed events"
        return partial, completed

    def _event(self, kind: str, schema: Mapping[str, Any], content: bytes, **extra: Any) -> str:
        properties = schema.get("properties", {})
        background = self.params.get("background") or "auto"
        event = {
            "type": kind,
            "b64_json": base64.b64encode(content).decode(),
            "created_at": int(time.time()),
            "size": f"{self.width}x{self.height}",
            "quality": self._quality(spec.enum_values(properties.get("quality", {}))),
            "background": background,
            "output_format": self.fmt,
            **extra,
        }
        return f"event: {kind}\ndata: {json.dumps(event, separators=(',', ':'))}\n\n"

    async def events(self) -> AsyncIterator[str]:
        (partial_type, partial_schema), (completed_type, completed_schema) = self._event_types()
        count = int(self.params.get("partial_images") or 0)
        for index in range(count):
            content = await anyio.to_thread.run_sync(self.make, 0, (index + 1) / (count + 1))
            yield self._event(partial_type, partial_schema, content, partial_image_index=index)
        content = await anyio.to_thread.run_sync(self.make, 0)
        usage = self.usage()
        usage.pop("output_tokens_details")
        extra: dict[str, Any] = {"usage": usage}
        if self.rules.answers.safety_identifier and "safety_identifier" in completed_schema.get("properties", {}):
            extra["safety_identifier"] = self._safety_identifier()
        yield self._event(completed_type, completed_schema, content, **extra)


# The SVG author's reasoning tokens, as a share of the tokens it writes, by effort (the mock's own scale:
# each step doubles; omitted means the author's default, taken as medium).
_EFFORT_SHARE = {"none": 0.0, "minimal": 0.25, "low": 0.5, "medium": 1.0, "high": 2.0, "xhigh": 4.0, "max": 8.0}


def create_app(
    *,
    api_keys: Collection[str] | None = None,
    url_ttl: float = 3600.0,
    faults: FaultPlan | None = None,
    limits: Limits | None = None,
    allow_fault_header: bool = True,
    as_of: dt.date | None = None,
    image_dir: str | None = None,
) -> ASGIApp:
    """The mock server as an ASGI app (for uvicorn, or ``httpx.ASGITransport`` in-process).

    ``api_keys``: the keys it accepts (None: any non-empty key). ``url_ttl``: seconds an image URL
    lives. ``faults``: failures to inject. ``limits``: body size and part count bounds. ``as_of``: the
    day whose models it serves, retired ones refused (None: the day each request arrives).
    ``image_dir``: a directory for the images answered by URL, shared by worker processes.
    """
    service = MockImagesService(
        Settings(api_keys, url_ttl, faults or FaultPlan(), limits or Limits(), allow_fault_header, as_of, image_dir)
    )
    routes = [Route(IMAGE_ROUTE, service.image, methods=["GET"])]
    for operation in spec.operations().values():
        handler = _handler(service, operation)
        for prefix in (API_PREFIX, AZURE_PREFIX):
            routes.append(Route(prefix + operation.path, handler, methods=[operation.method.upper()]))

    async def http_error(request: Request, exc: Exception) -> Response:
        if not isinstance(exc, HTTPException):
            return error_response(500, "The mock server failed (a bug: please report it).")
        response = error_response(exc.status_code, str(exc.detail))
        # Starlette's 405 names the route's methods in Allow, which RFC 9110 requires of every 405.
        response.headers.update(exc.headers or {})
        return response

    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error, Exception: http_error})
    app.state.service = service
    return _request_id_middleware(app)


def _handler(service: MockImagesService, operation: spec.Operation) -> Callable[[Request], Any]:
    async def handle(request: Request) -> Response:
        return await service.handle(request, operation)

    return handle
