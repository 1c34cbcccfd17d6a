"""The contract's checks: small functions, each named for the rule it enforces, judging one exchange.

A check takes the run's ``Context`` and an ``Exchange`` (the request as sent, what the shared
validator says of it, the answer). It returns whether it applied, and raises ``CheckFailed``
with what was expected and what came back when the answer breaks its rule.

schemathesis's built-in checks that fit run as they are (server errors, status codes, content
types, response schemas, negative data). Its positive-data and ignored-auth checks do not fit a
model-aware API: ``model_rules`` and ``auth`` replace them, knowing the per-model rules and which
keys are valid.
"""

from __future__ import annotations

import base64
import binascii
import functools
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from openai_images import spec
from openai_images.contract.wire import Sent, post
from openai_images.errors import Issue
from openai_images.rules import ModelRules, parse_size, table
from openai_images.validation import effective_model

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

    from openai_images.contract.cases import Drawn

WRONG_KEY = "sk-contract-suite-wrong-key"
"""The key the ``auth`` check sends: one no server should accept."""
ERROR_SHAPE = 'OpenAI\'s error shape {"error": {"message", "type", "param", "code"}}'
_MAX_SHOWN = 300


class CheckFailed(Exception):
    """An answer broke a check's rule. ``curl``, when the check sent a request of its own, is the command for it."""

    def __init__(self, expected: str, got: str, curl: str | None = None) -> None:
        super().__init__(f"expected {expected}; got {got}")
        self.expected = expected
        self.got = got
        self.curl = curl


@dataclass(frozen=True)
class Context:
    """What checks share for a run: the server, the key, an HTTP client for the requests checks make themselves."""

    http: httpx.Client
    base_url: str
    api_key: str | None

    def send(self, sent: Sent, key: str | None) -> httpx.Response:
        return post(self.http, self.base_url, sent, key)


@dataclass(frozen=True)
class Event:
    """One server-sent event: its ``event:`` name, if any, and its data."""

    name: str | None
    data: str


@dataclass(eq=False)
class Exchange:
    """One request as sent, what the shared validator says of it, and the answer."""

    drawn: Drawn
    sent: Sent
    params: Any
    """The body as the server reads it."""
    issues: list[Issue]
    """The shared validator's objections to the request as sent (strict: unknown models are refused)."""
    response: httpx.Response
    probe_auth: bool = False
    """Whether the ``auth`` check resends this request without a key and with a wrong one."""

    @property
    def status(self) -> int:
        return self.response.status_code

    @property
    def accepted(self) -> bool:
        return 200 <= self.status < 300

    @functools.cached_property
    def rules(self) -> ModelRules | None:
        """The rules of the model the request runs on, when the table knows it."""
        if not isinstance(self.params, Mapping):
            return None
        model = effective_model(self.sent.operation_id, self.params, self.sent.content_type)
        return table().models.get(model) if model else None

    @property
    def streamed(self) -> bool:
        """Whether the request asked for an event stream."""
        asked = isinstance(self.params, Mapping) and self.params.get("stream") is True
        return asked and spec.operation(self.sent.operation_id).streams()

    @functools.cached_property
    def body(self) -> Any:
        """The answer's JSON, or None when it is not JSON."""
        try:
            return self.response.json()
        except ValueError:
            return None

    @functools.cached_property
    def events(self) -> list[Event]:
        return parse_events(self.response.text)

    @functools.cached_property
    def schemathesis_response(self) -> Any:
        import schemathesis

        self.response.request.read()  # a form's request body is a stream until read
        return schemathesis.Response.from_any(self.response)


Check = Callable[[Context, Exchange], bool]


# --- schemathesis's built-in checks ------------------------------------------------------------------


def not_a_server_error(ctx: Context, exchange: Exchange) -> bool:
    return _schemathesis("not_a_server_error", exchange, "an answer that is not a server error (5xx)")


def status_code_conformance(ctx: Context, exchange: Exchange) -> bool:
    return _schemathesis("status_code_conformance", exchange, "a status code the spec declares (200, 4XX, 5XX)")


def content_type_conformance(ctx: Context, exchange: Exchange) -> bool:
    return _schemathesis("content_type_conformance", exchange, "a Content-Type the spec declares for the status")


def response_schema_conformance(ctx: Context, exchange: Exchange) -> bool:
    # For text/event-stream the spec's schema describes each event's data, but schemathesis 4
    # reads it as OpenAPI 3.2's schema of the whole event (data as a string): the streaming
    # check validates events instead.
    if _media_type(exchange.response) == spec.EVENT_STREAM:
        return False
    return _schemathesis("response_schema_conformance", exchange, "a body matching the spec's schema for the status")


def negative_data_rejection(ctx: Context, exchange: Exchange) -> bool:
    # Judged only where the shared validator agrees the request as sent is invalid: a form can
    # turn schemathesis's "invalid" value into a valid one (the text "5" for an integer), and a
    # 5xx is not_a_server_error's to report.
    meta = exchange.drawn.case.meta
    if meta is None or not meta.generation.mode.is_negative or not exchange.issues or exchange.status >= 500:
        return False
    return _schemathesis("negative_data_rejection", exchange, "a 4xx refusal of a request the schema does not allow")


@functools.cache
def _schemathesis_checks() -> dict[str, Any]:
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi import checks

    return {
        "not_a_server_error": not_a_server_error,
        "status_code_conformance": checks.status_code_conformance,
        "content_type_conformance": checks.content_type_conformance,
        "response_schema_conformance": checks.response_schema_conformance,
        "negative_data_rejection": checks.negative_data_rejection,
    }


def _schemathesis(name: str, exchange: Exchange, expected: str) -> bool:
    from schemathesis.core.failures import FailureGroup

    try:
        exchange.drawn.case.validate_response(exchange.schemathesis_response, checks=[_schemathesis_checks()[name]])
    except FailureGroup as group:
        found = "; ".join(
            _one_line(f"{failure.title}: {failure.message}" if failure.message.strip() else failure.title)
            for failure in group.exceptions
        )
        raise CheckFailed(expected, f"{answer(exchange.response)} ({found})") from None
    return True


# --- ours --------------------------------------------------------------------------------------------


def model_rules(ctx: Context, exchange: Exchange) -> bool:
    """The server accepts (2xx) what the shared validator accepts, and refuses (4xx) what it refuses, in
    OpenAI's error shape naming the offending top-level parameter."""
    status = exchange.status
    if status >= 500 or status == 429:
        return False  # neither a verdict on the request (not_a_server_error reports 5xx)
    if not exchange.issues:
        if exchange.accepted:
            return True
        if 400 <= status < 500 and not _references_resolvable(exchange):
            _refusal_shape(exchange)  # a server cannot be required to fetch example.com or know a file id
            return True
        rules = exchange.rules
        what = f"the request is valid for {rules.name}" if rules else "the request is valid"
        raise CheckFailed(f"a 2xx answer ({what})", answer(exchange.response))
    reasons = _issues_text(exchange.issues)
    if not 400 <= status < 500:
        raise CheckFailed(f"a 4xx refusal, because {reasons}", answer(exchange.response))
    error = _refusal_shape(exchange)
    named = {_top_level(issue.param) for issue in exchange.issues}
    param = error.get("param")
    if "" not in named and (not isinstance(param, str) or _top_level(param) not in named):
        expected = f"error.param naming {' or '.join(repr(name) for name in sorted(named))} (because {reasons})"
        raise CheckFailed(expected, f"{status} with error.param {param!r}: {_one_line(str(error.get('message')))}")
    return True


def image_payload(ctx: Context, exchange: Exchange) -> bool:
    """A valid request's images: as many as ``n``, by URL only where the model and ``response_format`` call
    for it (fetchable), otherwise as ``b64_json`` decoding to the requested format and fixed size;
    ``revised_prompt`` and ``usage`` exactly where the model's answers carry them."""
    rules = exchange.rules
    if not exchange.accepted or exchange.issues or rules is None:
        return False
    fmt, size = _expected_format(exchange, rules), _fixed_size(exchange.params)
    if exchange.streamed:
        completed = [data for data in _event_data(exchange) if "partial_image_index" not in data]
        if len(completed) != 1 or not isinstance(completed[0].get("b64_json"), str):
            return False  # the streaming check reports a stream without exactly one completed image
        _decoded_image(completed[0]["b64_json"], fmt, size, "the completed event's b64_json")
        return True
    body = exchange.body
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        raise CheckFailed("a JSON answer with a data array of images", answer(exchange.response))
    n = exchange.params.get("n") or 1
    if len(data) != n:
        raise CheckFailed(f"{n} image{'s' if n != 1 else ''} (n={n})", f"{len(data)} in data")
    by_url = rules.answers.url and (exchange.params.get("response_format") or rules.default_response_format) == "url"
    for index, item in enumerate(data):
        where = f"data[{index}]"
        if not isinstance(item, dict):
            raise CheckFailed(f"{where} to be an image object", _one_line(repr(item)))
        if by_url:
            _fetched_image(ctx, item, fmt, size, where)
        else:
            _inline_image(item, rules, fmt, size, where)
        _revised_prompt(item, rules, where)
    if rules.answers.usage and not isinstance(body.get("usage"), dict):
        raise CheckFailed(f"usage in the answer ({rules.name} reports token usage)", "no usage")
    return True


def auth(ctx: Context, exchange: Exchange) -> bool:
    """Without a key, and with a wrong one, the server answers 401 in OpenAI's error shape."""
    if not exchange.probe_auth:
        return False
    for label, key in (("no API key", None), ("a wrong API key", WRONG_KEY)):
        response = ctx.send(exchange.sent, key)
        curl = exchange.sent.curl(ctx.base_url, key)
        if response.status_code != 401:
            raise CheckFailed(f"401 for a request with {label}", answer(response), curl)
        problem = _error_shape_problem(response)
        if problem:
            raise CheckFailed(f"401 in {ERROR_SHAPE} for a request with {label}", f"401 with {problem}", curl)
    return True


def streaming(ctx: Context, exchange: Exchange) -> bool:
    """A stream asked for is an event stream whose events match the spec's event schemas: at most
    ``partial_images`` partial images, then exactly one completed event, last."""
    if not exchange.accepted or exchange.issues or not exchange.streamed:
        return False
    if _media_type(exchange.response) != spec.EVENT_STREAM:
        raise CheckFailed("an event stream (text/event-stream), as stream=true asks", answer(exchange.response))
    kinds = event_kinds(exchange.sent.operation_id)
    events = [event for event in exchange.events if event.data != "[DONE]"]
    completed: list[int] = []
    partials = 0
    for index, event in enumerate(events):
        try:
            data = json.loads(event.data)
        except ValueError:
            raise CheckFailed(f"event {index}: JSON data", _one_line(event.data)) from None
        kind = data.get("type") if isinstance(data, dict) else None
        if kind not in kinds:
            raise CheckFailed(f"event {index}: a type among {', '.join(kinds)}", _one_line(repr(kind)))
        schema_name, partial = kinds[kind]
        errors = schema_errors(schema_name, data)
        if errors:
            raise CheckFailed(f"event {index} to match the spec's {schema_name}", "; ".join(errors[:3]))
        if event.name is not None and event.name != kind:
            raise CheckFailed(f"event {index}: an event name matching its type {kind!r}", repr(event.name))
        partials += partial
        if not partial:
            completed.append(index)
    limit = exchange.params.get("partial_images") or 0
    if partials > limit:
        raise CheckFailed(f"at most {limit} partial image event(s) (partial_images={limit})", f"{partials}")
    if len(completed) != 1:
        got = f"{len(completed)} completed events in {len(events)} event(s)"
        raise CheckFailed("exactly one completed event", got)
    if completed[0] != len(events) - 1:
        raise CheckFailed("the completed event last", f"event {completed[0]} of {len(events)}")
    return True


CHECKS: dict[str, Check] = {
    check.__name__: check
    for check in (
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
        negative_data_rejection,
        model_rules,
        image_payload,
        auth,
        streaming,
    )
}


# --- helpers -------------------------------------------------------------------------------------------


def answer(response: httpx.Response) -> str:
    """A short account of an answer: status, content type, the body (long strings cut), the request id."""
    text = f"{response.status_code} {_media_type(response) or 'without a Content-Type'}"
    request_id = response.headers.get("x-request-id")
    suffix = f" (x-request-id {request_id})" if request_id else ""
    if not response.content:
        return f"{text}, empty{suffix}"
    try:
        shown = json.dumps(_cut(response.json()), ensure_ascii=False)
    except ValueError:
        shown = response.text
    return f"{text}: {_one_line(shown)}{suffix}"


def parse_events(text: str) -> list[Event]:
    """Server-sent events, per the HTML standard: blank-line separated ``event:``/``data:`` fields, comments skipped."""
    events = []
    for block in re.split(r"\r\n\r\n|\n\n|\r\r", text):
        name, data = None, []
        for line in block.splitlines():
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
        if data:
            events.append(Event(name, "\n".join(data)))
    return events


@functools.cache
def event_kinds(operation_id: str) -> dict[str, tuple[str, bool]]:
    """The operation's stream events: type -> (schema name, whether it is a partial image)."""
    union = spec.operation(operation_id).success_schema(spec.EVENT_STREAM) or {}
    kinds = {}
    for member in union.get("anyOf", union.get("oneOf", [])):
        name = member["$ref"].rsplit("/", 1)[-1]
        schema = spec.resolve(member)
        kind = spec.enum_values(schema["properties"]["type"])[0]
        kinds[kind] = (name, "partial_image_index" in schema.get("properties", {}))
    return kinds


@functools.cache
def _validator(schema_name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry: Registry[Any] = Registry().with_resource("urn:spec", Resource.from_contents(spec.document(), DRAFT202012))
    return Draft202012Validator({"$ref": f"urn:spec#/components/schemas/{schema_name}"}, registry=registry)


def schema_errors(schema_name: str, value: Any) -> list[str]:
    """Where ``value`` breaks the spec's schema ``schema_name``."""
    return [
        f"{'/'.join(map(str, error.absolute_path)) or 'the body'}: {_one_line(error.message)}"
        for error in _validator(schema_name).iter_errors(value)
    ]


def _error_shape_problem(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return f"a body that is not JSON: {_one_line(response.text) or 'empty'}"
    errors = schema_errors("ErrorResponse", body)
    return f"{_one_line(json.dumps(_cut(body)))} ({'; '.join(errors[:3])})" if errors else None


def _refusal_shape(exchange: Exchange) -> dict[str, Any]:
    problem = _error_shape_problem(exchange.response)
    if problem:
        raise CheckFailed(f"a refusal in {ERROR_SHAPE}", f"{exchange.status} with {problem}")
    error: dict[str, Any] = exchange.body["error"]
    return error


def _references_resolvable(exchange: Exchange) -> bool:
    """Whether every image a JSON edit names is inline (a data: URL), so that a server can be held to accept it."""
    params = exchange.params
    if exchange.sent.content_type != spec.JSON or not isinstance(params, Mapping):
        return True
    images = params.get("images")
    references = [*(images if isinstance(images, list) else []), params.get("mask")]
    return all(
        isinstance(reference, Mapping) and str(reference.get("image_url", "")).startswith("data:")
        for reference in references
        if reference is not None
    )


def _top_level(param: str) -> str:
    return param.split("[", maxsplit=1)[0].split(".", maxsplit=1)[0]


def _issues_text(issues: list[Issue]) -> str:
    shown = "; ".join(_one_line(str(issue)) for issue in issues[:3])
    return shown + (f" (and {len(issues) - 3} more)" if len(issues) > 3 else "")


def _expected_format(exchange: Exchange, rules: ModelRules) -> str:
    if "output_format" not in rules.parameters:
        return "png"
    chosen = exchange.params.get("output_format")
    default = spec.default_of(exchange.sent.operation_id, "output_format", exchange.sent.content_type)
    return str(chosen or default or "png")


def _fixed_size(params: Mapping[str, Any]) -> tuple[int, int] | None:
    size = params.get("size")
    return parse_size(size) if isinstance(size, str) else None


def _event_data(exchange: Exchange) -> list[dict[str, Any]]:
    found = []
    for event in exchange.events:
        try:
            data = json.loads(event.data)
        except ValueError:
            continue
        if isinstance(data, dict):
            found.append(data)
    return found


def _inline_image(
    item: Mapping[str, Any], rules: ModelRules, fmt: str, size: tuple[int, int] | None, where: str
) -> None:
    if item.get("url") is not None:
        why = f"{rules.name} answers with b64_json only" if rules.is_gpt_image else "response_format is b64_json"
        raise CheckFailed(f"no {where}.url ({why})", f"url {_one_line(str(item['url']))}")
    encoded = item.get("b64_json")
    if not isinstance(encoded, str):
        raise CheckFailed(f"{where}.b64_json", _one_line(json.dumps(_cut(item))))
    _decoded_image(encoded, fmt, size, f"{where}.b64_json")


def _fetched_image(ctx: Context, item: Mapping[str, Any], fmt: str, size: tuple[int, int] | None, where: str) -> None:
    url = item.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise CheckFailed(f"{where}.url, an http(s) URL (response_format is url)", _one_line(json.dumps(_cut(item))))
    if item.get("b64_json") is not None:
        raise CheckFailed(f"no {where}.b64_json (response_format is url)", "both url and b64_json")
    try:
        fetched = ctx.http.get(url)
    except httpx.HTTPError as exc:
        raise CheckFailed(f"{where}.url to be fetchable", f"{type(exc).__name__}: {exc}") from None
    if fetched.status_code != 200:
        raise CheckFailed(f"{where}.url to be fetchable (200)", f"{answer(fetched)} from {url}")
    _check_image(fetched.content, fmt, size, f"the image at {where}.url")


def _decoded_image(encoded: str, fmt: str, size: tuple[int, int] | None, where: str) -> None:
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise CheckFailed(f"{where} in base64", _one_line(encoded)) from None
    _check_image(content, fmt, size, where)


def _check_image(content: bytes, fmt: str, size: tuple[int, int] | None, where: str) -> None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            found, dimensions = (image.format or "").lower(), image.size
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CheckFailed(f"{where} to decode as a {fmt.upper()} image", f"{len(content)} bytes: {exc}") from None
    if found != fmt:
        raise CheckFailed(f"{where} in the requested format, {fmt.upper()}", f"a {found.upper()} image")
    if size is not None and dimensions != size:
        wanted, got = "x".join(map(str, size)), "x".join(map(str, dimensions))
        raise CheckFailed(f"{where} in the requested size, {wanted}", f"a {got} image")


def _revised_prompt(item: Mapping[str, Any], rules: ModelRules, where: str) -> None:
    revisers = [name for name, model in table().models.items() if model.answers.revised_prompt]
    present = item.get("revised_prompt") is not None
    if present and not rules.answers.revised_prompt:
        expected = f"no {where}.revised_prompt (only {', '.join(revisers)} revise prompts, not {rules.name})"
        raise CheckFailed(expected, _one_line(repr(item["revised_prompt"])))
    if rules.answers.revised_prompt and not present:
        raise CheckFailed(f"{where}.revised_prompt ({rules.name} revises its prompts)", "none")


def _media_type(response: httpx.Response) -> str:
    declared: str = response.headers.get("content-type", "")
    return declared.split(";", maxsplit=1)[0].strip().lower()


def _cut(value: Any) -> Any:
    """``value`` with long strings (base64 images, long prompts) shortened, for showing."""
    if isinstance(value, str) and len(value) > 80:
        return f"{value[:40]}…({len(value)} characters)"
    if isinstance(value, list):
        return [_cut(item) for item in value]
    if isinstance(value, dict):
        return {key: _cut(item) for key, item in value.items()}
    return value


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_SHOWN else f"{flat[:_MAX_SHOWN]}…"
