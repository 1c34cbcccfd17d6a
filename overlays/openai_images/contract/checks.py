"""The contract's checks: small functions, each named for the rule it enforces, judging one exchange.

A check takes the run's ``Context`` and an ``Exchange`` (the request as sent, what each reading of
the rules says of it, the answer). It returns whether it applied; it raises ``CheckFailed`` with
what was expected and what came back when the answer breaks its rule, and ``Noted`` when the
answer is one the spec allows either way (an ambiguous rule) or one this machine cannot verify.

schemathesis's built-in checks that fit run as they are (server errors, status codes, content
types, response schemas, negative data). Its positive-data and ignored-auth checks do not fit a
model-aware API: ``model_rules`` and ``auth`` replace them, knowing the per-model rules and which
keys are valid.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from openai_images import imageinfo, spec
from openai_images.contract.readings import PERMISSIVE, STRICT, Verdict, top_level
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
    """An answer broke a check's rule.

    ``reason`` names the kind of failure in a few words (failures are grouped by it). ``covered_by``
    names checks whose failure on the same answer already reports this fault (it is then not
    counted twice). ``sent`` is the request the check sent itself, if it did, with ``key`` (None,
    or a wrong one).
    """

    def __init__(
        self,
        expected: str,
        got: str,
        *,
        reason: str | None = None,
        covered_by: tuple[str, ...] = (),
        sent: Sent | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(f"expected {expected}; got {got}")
        self.expected = expected
        self.got = got
        self.reason = reason or expected
        self.covered_by = covered_by
        self.sent = sent
        self.key = key


class Noted(Exception):
    """An answer the check neither passes nor fails: a reading the spec allows, or something this machine
    cannot verify. ``note`` says what in a few words (notes are grouped by it), ``detail`` this answer;
    ``readings``, for an ambiguous rule of the rules table, what each of its readings says (by entry)."""

    def __init__(self, note: str, detail: str, readings: Mapping[str, Mapping[str, str]] | None = None) -> None:
        super().__init__(f"{note}: {detail}")
        self.note = note
        self.detail = detail
        self.readings = {entry: dict(says) for entry, says in (readings or {}).items()}


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
    """One request as sent, what each reading of the rules says of it, and the answer."""

    drawn: Drawn
    sent: Sent
    params: Any
    """The body as the server reads it."""
    verdict: Verdict
    """What the rules say of the request as sent, under each reading (strict about unknown models)."""
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
        model = effective_model(self.sent.operation_id, self.params, self.sent.content_type, as_of=self.verdict.as_of)
        return table().models.get(model) if model else None

    @functools.cached_property
    def unverifiable(self) -> set[str]:
        """The fields naming images the suite cannot vouch for (see ``unverifiable_references``)."""
        return unverifiable_references(self.sent.operation_id, self.sent.content_type, self.params, self.verdict.as_of)

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
    # Any 4xx is a refusal: schemathesis's list of expected statuses leaves out some (413, 414).
    meta = exchange.drawn.case.meta
    if meta is None or not meta.generation.mode.is_negative or not exchange.verdict.refused or exchange.status >= 500:
        return False
    if 400 <= exchange.status < 500:
        return True
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
        titles = "; ".join(sorted({failure.title for failure in group.exceptions}))
        raise CheckFailed(expected, f"{answer(exchange.response)} ({found})", reason=titles) from None
    return True


# --- ours --------------------------------------------------------------------------------------------


def model_rules(ctx: Context, exchange: Exchange) -> bool:
    """The server accepts (2xx) what the rules accept under every reading, and refuses (4xx) what they
    refuse under every reading, in OpenAI's error shape with ``error.param`` naming a field at fault.

    A request that several things are wrong with may be refused for any of them. Image references
    the suite cannot vouch for (file IDs, remote URLs) may be refused, naming them, or accepted.
    Where an ambiguous rule decides, either outcome is noted, not judged.
    """
    status, verdict = exchange.status, exchange.verdict
    if status >= 500 or status in (401, 429):
        return False  # no verdict on the request: not_a_server_error reports 5xx, auth reports 401s
    unverifiable = exchange.unverifiable
    if verdict.accepted:
        if exchange.accepted:
            return True
        if 400 <= status < 500 and unverifiable:
            _names_a_faulty_field(exchange, unverifiable, "references the suite cannot vouch for")
            return True
        rules = exchange.rules
        what = f"the request is valid for {rules.name}" if rules else "the request is valid"
        reason = f"refused a valid request ({status})" if status >= 400 else f"answered a valid request with {status}"
        raise CheckFailed(f"a 2xx answer ({what})", answer(exchange.response), reason=reason)
    reasons = _issues_text(verdict.all_issues())
    if verdict.refused:
        if exchange.accepted:
            first = top_level(verdict.all_issues()[0].param) or "the body"
            expected = f"a 4xx refusal, because {reasons}"
            raise CheckFailed(
                expected,
                answer(exchange.response),
                reason=f"accepted a request it should refuse ({first})",
                covered_by=("negative_data_rejection",),
            )
        if not 400 <= status < 500:
            expected = f"a 4xx refusal, because {reasons}"
            raise CheckFailed(expected, answer(exchange.response), reason=f"answered an invalid request with {status}")
        _names_a_faulty_field(exchange, verdict.faulty() | unverifiable, reasons)
        return True
    entries = {involved.name: involved.entry.readings for involved in verdict.ambiguities}
    if exchange.accepted:
        [reading] = verdict.readings_accepting()
        followed = "; ".join(involved.followed(reading) for involved in verdict.ambiguities)
        raise Noted(followed, answer(exchange.response), entries)
    if not 400 <= status < 500:
        decides = " and ".join(involved.name for involved in verdict.ambiguities)
        expected = f"a 2xx answer or a 4xx refusal ({decides} decides)"
        raise CheckFailed(expected, answer(exchange.response), reason=f"answered an ambiguous request with {status}")
    refusing = tuple(reading for reading in verdict.issues if reading not in verdict.readings_accepting())
    error = _names_a_faulty_field(exchange, verdict.faulty(refusing) | unverifiable, reasons)
    named = top_level(str(error.get("param")))
    # The entry whose strict reading finds the named field at fault is the one followed; a refusal naming
    # another field refuses on other grounds (a reference, or the model a server picked itself).
    followed = "; ".join(
        involved.followed(STRICT if named in involved.faulty else PERMISSIVE) for involved in verdict.ambiguities
    )
    raise Noted(followed, f"{status} naming {error.get('param')!r}", entries)


def _names_a_faulty_field(exchange: Exchange, faulty: set[str], because: str) -> dict[str, Any]:
    """The refusal's error object, after checking that it is in the error shape and that its ``param``
    names a field in ``faulty``."""
    problem = _error_shape_problem(exchange.response)
    if problem:
        raise CheckFailed(
            f"a refusal in {ERROR_SHAPE}",
            f"{exchange.status} with {problem}",
            reason="a refusal not in the error shape",
            covered_by=("response_schema_conformance",),
        )
    error: dict[str, Any] = exchange.body["error"]
    param = error.get("param")
    if "" in faulty or (isinstance(param, str) and top_level(param) in faulty):
        return error
    named = " or ".join(repr(name) for name in sorted(faulty))
    expected = f"error.param naming {named} (because {because})"
    got = f"{exchange.status} with error.param {param!r}: {_one_line(str(error.get('message')))}"
    raise CheckFailed(expected, got, reason="error.param names no field at fault")


def image_payload(ctx: Context, exchange: Exchange) -> bool:
    """An accepted request's images: as many as ``n``, by URL only where the model and ``response_format``
    call for it (fetchable), otherwise as ``b64_json`` decoding to the requested format and fixed size (a GIF
    animated with ``frame_count`` frames of ``frame_duration_ms`` as GIF encodes it, an SVG as an SVG
    document, with ``svg_usage``); ``revised_prompt``, ``usage`` and the effective ``safety_identifier``
    exactly where the model's answers carry them."""
    rules = exchange.rules
    if not exchange.accepted or exchange.verdict.refused or rules is None:
        return False
    wanted = _wanted(exchange, rules)
    if exchange.streamed:
        completed = [data for data in _event_data(exchange) if "partial_image_index" not in data]
        if len(completed) != 1 or not isinstance(completed[0].get("b64_json"), str):
            return False  # the streaming check reports a stream without exactly one completed image
        _decoded_image(completed[0]["b64_json"], wanted, "the completed event's b64_json")
        _safety_identifier(completed[0], exchange.params, rules, "the completed event")
        return True
    body = exchange.body
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        raise CheckFailed(
            "a JSON answer with a data array of images", answer(exchange.response), reason="no data array of images"
        )
    n = exchange.params.get("n") or 1
    if len(data) != n:
        raise CheckFailed(
            f"{n} image{'s' if n != 1 else ''} (n={n})", f"{len(data)} in data", reason="as many images as n asks"
        )
    by_url = rules.answers.url and (exchange.params.get("response_format") or rules.default_response_format) == "url"
    for index, item in enumerate(data):
        where = f"data[{index}]"
        if not isinstance(item, dict):
            raise CheckFailed(f"{where} to be an image object", _one_line(repr(item)), reason="an image object")
        if by_url:
            _fetched_image(ctx, item, wanted, where)
        else:
            _inline_image(item, rules, wanted, where)
        _revised_prompt(item, rules, where)
    if rules.answers.usage and not isinstance(body.get("usage"), dict):
        expected = f"usage in the answer ({rules.name} reports token usage)"
        raise CheckFailed(expected, "no usage", reason="usage for GPT image models")
    if wanted.fmt == "svg" and not isinstance(body.get("svg_usage"), dict):
        expected = "svg_usage in the answer (the SVG author's token usage, for SVG output)"
        raise CheckFailed(expected, "no svg_usage", reason="no svg_usage for SVG output")
    _safety_identifier(body, exchange.params, rules, "the answer")
    return True


@dataclass(frozen=True)
class Wanted:
    """What every image of an answer must be."""

    fmt: str
    size: tuple[int, int] | None
    """Its dimensions, when the request fixes them (an SVG's declared size is not promised: None)."""
    frames: int | None = None
    """An animated format's frame count."""
    frame_ms: int | None = None
    """An animated format's delay per frame, as the format encodes the requested one."""


def _wanted(exchange: Exchange, rules: ModelRules) -> Wanted:
    fmt = _expected_format(exchange, rules)
    params = exchange.params
    animated = table().formats.get(fmt)
    if fmt == "svg":
        return Wanted(fmt, None)
    if animated is None or "frame_count" not in animated.defaults:
        return Wanted(fmt, _fixed_size(params))
    frames = params.get("frame_count") or animated.defaults["frame_count"]
    delay = params.get("frame_duration_ms")
    delay = animated.defaults["frame_duration_ms"] if delay is None else delay
    encoded = animated.frame_duration.encoded(delay) if animated.frame_duration else delay
    return Wanted(fmt, _fixed_size(params), int(frames), int(encoded))


def _safety_identifier(body: Mapping[str, Any], params: Mapping[str, Any], rules: ModelRules, where: str) -> None:
    """The answer reports the effective identifier: a non-empty ``safety_identifier``, else ``user``."""
    if not rules.answers.safety_identifier:
        return
    effective = next(
        (params[name] for name in ("safety_identifier", "user") if isinstance(params.get(name), str) and params[name]),
        None,
    )
    reported = body.get("safety_identifier")
    if reported == effective:
        return
    if effective is None:
        expected = f"no safety_identifier in {where} (the request gives neither safety_identifier nor user)"
    else:
        expected = (
            f"safety_identifier {effective!r} in {where} (the effective one: safety_identifier if not empty, else user)"
        )
    raise CheckFailed(expected, _one_line(repr(reported)), reason="not the effective safety_identifier")


def auth(ctx: Context, exchange: Exchange) -> bool:
    """The key is accepted; without a key, and with a wrong one, the server answers 401 in OpenAI's error shape."""
    if exchange.status == 401:
        # Every answer that refuses the run's own key is one fault: it is reported here, once per
        # answer under one reason, and no other check judges these answers' requests.
        if ctx.api_key:
            expected, reason = "the key (--api-key or OPENAI_API_KEY) to be accepted", "the key was refused"
        else:
            expected, reason = (
                "an answer without a key (--no-auth says the server needs none)",
                "the server wants a key",
            )
        raise CheckFailed(expected, answer(exchange.response), reason=reason)
    if not exchange.probe_auth:
        return False
    for label, key in (("no API key", None), ("a wrong API key", WRONG_KEY)):
        response = ctx.send(exchange.sent, key)
        if response.status_code != 401:
            status = response.status_code
            reason = f"accepted a request with {label}" if 200 <= status < 300 else f"{status}, not 401, with {label}"
            raise CheckFailed(
                f"401 for a request with {label}", answer(response), reason=reason, sent=exchange.sent, key=key
            )
        problem = _error_shape_problem(response)
        if problem:
            raise CheckFailed(
                f"401 in {ERROR_SHAPE} for a request with {label}",
                f"401 with {problem}",
                reason="a 401 not in the error shape",
                sent=exchange.sent,
                key=key,
            )
    return True


def streaming(ctx: Context, exchange: Exchange) -> bool:
    """A stream asked for is an event stream whose events match the spec's event schemas: at most
    ``partial_images`` partial images, then exactly one completed event, last."""
    if not exchange.accepted or exchange.verdict.refused or not exchange.streamed:
        return False
    if _media_type(exchange.response) != spec.EVENT_STREAM:
        expected = "an event stream (text/event-stream), as stream=true asks"
        raise CheckFailed(expected, answer(exchange.response), reason="no event stream")
    kinds = event_kinds(exchange.sent.operation_id)
    events = [event for event in exchange.events if event.data != "[DONE]"]
    completed: list[int] = []
    partials = 0
    for index, event in enumerate(events):
        try:
            data = json.loads(event.data)
        except ValueError:
            raise CheckFailed(
                f"event {index}: JSON data", _one_line(event.data), reason="event data not JSON"
            ) from None
        kind = data.get("type") if isinstance(data, dict) else None
        if kind not in kinds:
            expected = f"event {index}: a type among {', '.join(kinds)}"
            raise CheckFailed(expected, _one_line(repr(kind)), reason="an event type the spec does not list")
        schema_name, partial = kinds[kind]
        errors = schema_errors(schema_name, data)
        if errors:
            expected = f"event {index} to match the spec's {schema_name}"
            raise CheckFailed(expected, "; ".join(errors[:3]), reason=f"a {kind} event off the spec's schema")
        if event.name is not None and event.name != kind:
            expected = f"event {index}: an event name matching its type {kind!r}"
            raise CheckFailed(expected, repr(event.name), reason="an event name that is not its type")
        partials += partial
        if not partial:
            completed.append(index)
    limit = exchange.params.get("partial_images") or 0
    if partials > limit:
        expected = f"at most {limit} partial image event(s) (partial_images={limit})"
        raise CheckFailed(expected, f"{partials}", reason="more partial images than partial_images")
    if len(completed) != 1:
        got = f"{len(completed)} completed events in {len(events)} event(s)"
        raise CheckFailed("exactly one completed event", got, reason="not exactly one completed event")
    if completed[0] != len(events) - 1:
        got = f"event {completed[0]} of {len(events)}"
        raise CheckFailed("the completed event last", got, reason="the completed event not last")
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
    if _media_type(response) == spec.EVENT_STREAM:
        events = parse_events(response.text)
        kinds = [_event_type(event) for event in events]
        return f"{text}: {len(events)} event(s): {_one_line(', '.join(kinds))}{suffix}"
    try:
        shown = json.dumps(_cut(response.json()), ensure_ascii=False)
    except ValueError:
        shown = response.text
    return f"{text}: {_one_line(shown)}{suffix}"


def _event_type(event: Event) -> str:
    """An event's data ``type`` (its name, or its data cut short, when it has none)."""
    try:
        data = json.loads(event.data)
    except ValueError:
        data = None
    kind = data.get("type") if isinstance(data, dict) else None
    return str(kind) if isinstance(kind, str) else event.name or _one_line(repr(_cut(event.data)))


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


def unverifiable_references(operation_id: str, content_type: str, params: Any, as_of: dt.date) -> set[str]:
    """The fields of a JSON body naming images the suite cannot vouch for: file IDs, URLs other than
    ``data:`` URLs, and ``data:`` URLs whose content is not an image the request's model takes (a mask:
    a PNG with alpha, the first image's size). A server may refuse these, or accept them."""
    if content_type != spec.JSON or not isinstance(params, Mapping):
        return set()
    model = effective_model(operation_id, params, content_type, as_of=as_of)
    rules = table().models.get(model) if isinstance(model, str) else None
    formats = rules.images.formats if rules is not None and rules.images is not None else ()
    found = set()
    images = params.get("images")
    first = None
    for reference in images if isinstance(images, list) else []:
        info = _referenced_image(reference)
        if info is None or info.format not in formats:
            found.add("images")
        first = first or info
    mask = params.get("mask")
    if mask is not None:
        info, limits = _referenced_image(mask), table().mask
        if (
            info is None
            or info.format not in limits.formats
            or (limits.needs_alpha and not info.has_alpha)
            or (first is not None and (first.width, first.height) != (info.width, info.height))
        ):
            found.add("mask")
    return found


def _referenced_image(reference: Any) -> imageinfo.ImageInfo | None:
    """What a reference's ``data:`` URL holds, when it is a readable image."""
    url = reference.get("image_url") if isinstance(reference, Mapping) else None
    if not isinstance(url, str) or not url.startswith("data:"):
        return None
    header, _, data = url.partition(",")
    try:
        if not header.endswith(";base64"):
            return None
        return imageinfo.inspect(base64.b64decode(data, validate=True))
    except (binascii.Error, ValueError, imageinfo.ImageInfoError):
        return None


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


def _inline_image(item: Mapping[str, Any], rules: ModelRules, wanted: Wanted, where: str) -> None:
    if item.get("url") is not None:
        why = f"{rules.name} answers with b64_json only" if rules.is_gpt_image else "response_format is b64_json"
        reason = "a url where b64_json was due"
        raise CheckFailed(f"no {where}.url ({why})", f"url {_one_line(str(item['url']))}", reason=reason)
    encoded = item.get("b64_json")
    if not isinstance(encoded, str):
        raise CheckFailed(f"{where}.b64_json", _one_line(json.dumps(_cut(item))), reason="no b64_json")
    _decoded_image(encoded, wanted, f"{where}.b64_json")


def _fetched_image(ctx: Context, item: Mapping[str, Any], wanted: Wanted, where: str) -> None:
    url = item.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        expected = f"{where}.url, an http(s) URL (response_format is url)"
        raise CheckFailed(expected, _one_line(json.dumps(_cut(item))), reason="no http(s) url")
    if item.get("b64_json") is not None:
        expected = f"no {where}.b64_json (response_format is url)"
        raise CheckFailed(expected, "both url and b64_json", reason="both url and b64_json")
    try:
        fetched = ctx.http.get(url)
    except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
        host = httpx.URL(url).host
        if host != httpx.URL(ctx.base_url).host:
            # This machine cannot reach that host (no route, no DNS): nothing is known of the server.
            raise Noted(f"image URLs on {host} could not be fetched from here: not verified", str(exc)) from None
        got = f"{type(exc).__name__}: {exc}"
        raise CheckFailed(f"{where}.url to be fetchable", got, reason="url not fetchable") from None
    except httpx.HTTPError as exc:
        raise CheckFailed(
            f"{where}.url to be fetchable", f"{type(exc).__name__}: {exc}", reason="url not fetchable"
        ) from None
    if fetched.status_code != 200:
        expected = f"{where}.url to be fetchable (200)"
        raise CheckFailed(expected, f"{answer(fetched)} from {url}", reason="url not fetchable")
    _check_image(fetched.content, wanted, f"the image at {where}.url")


def _decoded_image(encoded: str, wanted: Wanted, where: str) -> None:
    try:
        content = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise CheckFailed(f"{where} in base64", _one_line(encoded), reason="b64_json not base64") from None
    _check_image(content, wanted, where)


def _check_image(content: bytes, wanted: Wanted, where: str) -> None:
    from PIL import Image

    fmt, size = wanted.fmt, wanted.size
    if fmt == "svg":
        _check_svg(content, where)
        return
    try:
        with Image.open(io.BytesIO(content)) as image:
            found, dimensions, delay = (image.format or "").lower(), image.size, image.info.get("duration")
            _verify(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        expected = f"{where} to decode as a {fmt.upper()} image"
        raise CheckFailed(expected, f"{len(content)} bytes: {exc}", reason="an image that does not decode") from None
    if found != fmt:
        expected = f"{where} in the requested format, {fmt.upper()}"
        got = f"{found.upper()} image" if found else "image of no known format"
        raise CheckFailed(expected, f"a {got}", reason="an image not in the requested format")
    if size is not None and dimensions != size:
        asked, got = "x".join(map(str, size)), "x".join(map(str, dimensions))
        expected = f"{where} in the requested size, {asked}"
        raise CheckFailed(expected, f"a {got} image", reason="an image not of the requested size")
    if wanted.frames is not None:
        _check_animation(content, wanted, delay, where)


def _check_animation(content: bytes, wanted: Wanted, delay: Any, where: str) -> None:
    """An animated image's frames, counted from its structure (each frame's data walked, none decoded but the
    first), and its first frame's delay."""
    try:
        frames = imageinfo.inspect(content, max_header_bytes=len(content)).frames
    except imageinfo.ImageInfoError as exc:
        frames, problem = None, str(exc)
    else:
        problem = "its frames run past its end"
    if frames is None:
        expected = f"{where} to be an animated {wanted.fmt.upper()} whose frames all decode"
        raise CheckFailed(expected, problem, reason="an animation that does not decode")
    if frames != wanted.frames:
        expected = f"{where} animated with {wanted.frames} frames (frame_count)"
        raise CheckFailed(expected, f"{frames} frame(s)", reason="an animation with another frame count")
    delay = delay or 0  # no delay written (no Graphic Control Extension) is none
    if delay != wanted.frame_ms:
        expected = (
            f"{where} showing each frame {wanted.frame_ms} ms (frame_duration_ms as {wanted.fmt.upper()} encodes it)"
        )
        raise CheckFailed(expected, f"{delay} ms", reason="an animation with another frame delay")


def _check_svg(content: bytes, where: str) -> None:
    """SVG text: UTF-8 that parses whole as an SVG document, with a parser that fetches and expands nothing."""
    try:
        content.decode("utf-8")
        imageinfo.svg_document(content)
    except (UnicodeDecodeError, imageinfo.ImageInfoError) as exc:
        expected = f"{where} to be the base64 of an SVG document"
        got = f"{len(content)} bytes: {_one_line(str(exc))}"
        raise CheckFailed(expected, got, reason="an SVG answer that is no SVG document") from None


def _verify(image: Any) -> None:
    """Read the whole image as cheaply as proves it intact, since decoding a large one costs more than the
    rest of an exchange: a PNG's chunk checksums, a JPEG's scans at an eighth of its size; a WebP's
    container was read whole when it was opened. Anything else is decoded."""
    if image.format == "PNG":
        image.verify()
    elif image.format == "JPEG":
        image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()
    elif image.format != "WEBP":
        image.load()


def _revised_prompt(item: Mapping[str, Any], rules: ModelRules, where: str) -> None:
    revisers = [name for name, model in table().models.items() if model.answers.revised_prompt]
    present = item.get("revised_prompt") is not None
    if present and not rules.answers.revised_prompt:
        expected = f"no {where}.revised_prompt (only {', '.join(revisers)} revise prompts, not {rules.name})"
        reason = "a revised_prompt from a model that does not revise"
        raise CheckFailed(expected, _one_line(repr(item["revised_prompt"])), reason=reason)
    if rules.answers.revised_prompt and not present:
        expected = f"{where}.revised_prompt ({rules.name} revises its prompts)"
        raise CheckFailed(expected, "none", reason="no revised_prompt")


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
