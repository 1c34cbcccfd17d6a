"""The runtime of the generated API classes: build a request from an operation and a body, send it,
parse the answer.

Each step is a method a subclass may override (the hand-written ``openai_images`` validates in
``_prepare``, retries in ``_send`` and raises its typed errors from the ``_*_error`` hooks); the
defaults make the generated classes usable on their own.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Mapping
from http import HTTPStatus
from types import ModuleType
from typing import TYPE_CHECKING, Any

from attrs import define, field
from attrs import fields as attrs_fields
from attrs import has as attrs_has

from . import errors, multipart
from .types import UNSET, File, Response, Unset

if TYPE_CHECKING:
    import httpx

    from .client import AuthenticatedClient, Client
    from .prepared import PreparedRequest

logger = logging.getLogger("openai_images_client")


@functools.cache
def _streaming() -> ModuleType:
    """The event-stream module, loaded by the first streamed call (a cached call costs less than an import)."""
    from . import streaming

    return streaming


_STATUSES: dict[int, HTTPStatus] = {status.value: status for status in HTTPStatus}


def http_status(code: int) -> HTTPStatus | int:
    """The HTTPStatus for a code, or the code itself when the standard library has no name for it."""
    return _STATUSES.get(code, code)  # calling HTTPStatus(code) costs some thirty times this lookup


def is_success(status_code: int) -> bool:
    return 200 <= status_code <= 299


@define(frozen=True)
class Operation:
    """One operation of the spec, as the generated API classes call it."""

    operation_id: str
    method: str
    path: str
    get_kwargs: Callable[..., dict[str, Any]]
    parse_response: Callable[..., Any]
    stream_events: Callable[[], Mapping[str, Callable[[Mapping[str, Any]], Any]]] = field(default=dict)
    """Gives the decoders of the events a text/event-stream answer may carry, by discriminator value."""
    stream_discriminator: str = "type"


@define(frozen=True)
class RequestOptions:
    """Per-call additions to a request: headers, query parameters, body fields, a timeout; and, for a
    subclass that checks requests before sending them (``_prepare``), whether and how strictly to."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: float | httpx.Timeout | Unset | None = UNSET
    validate: bool | None = None
    """None: the client's own setting."""
    strict: bool | None = None
    """None: the client's own setting."""


DEFAULT_OPTIONS = RequestOptions()


def request_options(
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | Unset | None = UNSET,
    validate: bool | None = None,
    strict: bool | None = None,
) -> RequestOptions:
    """The options of one call; the shared ``DEFAULT_OPTIONS`` when it has none (most calls: a frozen
    attrs instance costs more to make than the comparisons)."""
    if (
        extra_headers is None
        and extra_query is None
        and extra_body is None
        and timeout is UNSET
        and validate is None
        and strict is None
    ):
        return DEFAULT_OPTIONS
    return RequestOptions(extra_headers, extra_query, extra_body, timeout, validate, strict)


def exchange(http_response: httpx.Response, parsed: Any, elapsed: float | None = None) -> Response[Any]:
    """An HTTP answer and its parsed body as the generated ``Response``."""
    return Response(
        status_code=http_status(http_response.status_code),
        content=http_response.content,
        headers=http_response.headers,
        parsed=parsed,
        http_response=http_response,
        elapsed=elapsed,
    )


_FILE_FIELDS: dict[type, tuple[str, ...]] = {}


def _file_fields(body_type: type) -> tuple[str, ...]:
    """The fields of a multipart body type that may hold files (by their declared types), found once."""
    names = _FILE_FIELDS.get(body_type)
    if names is None:
        names = tuple(
            attribute.name
            for attribute in attrs_fields(body_type)
            if attribute.type is None or "File" in str(attribute.type)
        )
        _FILE_FIELDS[body_type] = names
    return names


def close_files(body: Any) -> None:
    """Close the files a call opened from paths (never the caller's own file objects)."""
    if body is None or not hasattr(body, "to_multipart") or not attrs_has(type(body)):
        return  # only multipart bodies carry files
    for name in _file_fields(type(body)):
        value = getattr(body, name)
        if isinstance(value, File):
            value.close_if_opened_here()
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, File):
                    item.close_if_opened_here()


class _ApiBase:
    """What the sync and async API classes share: everything but the I/O."""

    def __init__(self, client: Client | AuthenticatedClient) -> None:
        self.client = client

    def _prepare(self, operation: Operation, body: Any, options: RequestOptions) -> dict[str, Any] | None:
        """Hook, called before the request is built: check or adjust the body. It may return the body's
        ``to_dict()`` when it made one: a JSON body is then sent from it, not converted again."""
        return None

    def _status_error(self, operation: Operation, response: Response[Any]) -> Exception:
        """Hook: the exception to raise for a non-2xx answer."""
        return errors.UnexpectedStatus(response.status_code, response.content)

    def _stream_error(self, operation: Operation, message: str, payload: Any) -> Exception:
        """Hook: the exception to raise for an error event, or an event that does not parse."""
        return errors.StreamError(f"{operation.operation_id}: {message}", payload)

    def _invalid_response(self, operation: Operation, response: httpx.Response, reason: str) -> Exception:
        """Hook: the exception to raise for a 2xx answer whose body does not parse."""
        return errors.InvalidResponse(response.status_code, response.content, reason)

    def _request_kwargs(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        body: Any,
        options: RequestOptions,
        body_dict: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        if options.extra_body and body is not None and hasattr(body, "additional_properties"):
            body.additional_properties.update(options.extra_body)
            body_dict = None  # the body has changed since
        kwargs = (
            operation.get_kwargs(**arguments)
            if body_dict is None
            else operation.get_kwargs(**arguments, body_dict=body_dict)
        )
        for name, extra in (("headers", options.extra_headers), ("params", options.extra_query)):
            if extra:
                kwargs[name] = {**kwargs.get(name, {}), **extra}
            elif name in kwargs and not kwargs[name]:
                del kwargs[name]
        if not isinstance(options.timeout, Unset):
            kwargs["timeout"] = options.timeout
        return kwargs

    def _dry_run(self, request: httpx.Request, kwargs: dict[str, Any]) -> PreparedRequest:
        """Hook: what a dry run returns."""
        from .prepared import prepared_request

        return prepared_request(request, kwargs)

    def _parse(self, operation: Operation, http_response: httpx.Response, elapsed: float | None) -> Any:
        """The answer's body as the spec's model (None when the spec declares no body for its status)."""
        try:
            parsed = operation.parse_response(client=self.client, response=http_response)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            if is_success(http_response.status_code):
                raise self._invalid_response(operation, http_response, repr(exc)) from exc
            return None  # an error body that is not the documented shape (an HTML proxy page...)
        if hasattr(parsed, "_exchange"):
            parsed._exchange = (http_response, elapsed)
        return parsed

    def _response(
        self, operation: Operation, http_response: httpx.Response, elapsed: float | None = None
    ) -> Response[Any]:
        return exchange(http_response, self._parse(operation, http_response, elapsed), elapsed)

    def _result(
        self, operation: Operation, http_response: httpx.Response, elapsed: float, *, stream: bool, detailed: bool
    ) -> Any:
        """What a call returns: the parsed body of a success; else the error it raises (or, ``detailed``,
        the whole exchange)."""
        if detailed or stream or not is_success(http_response.status_code):
            response = self._response(operation, http_response, elapsed)
            return self._finish(operation, response, stream=stream, detailed=detailed)
        parsed = self._parse(operation, http_response, elapsed)
        if parsed is None:
            raise self._invalid_response(operation, http_response, "the spec declares no such answer")
        return parsed

    def _finish(self, operation: Operation, response: Response[Any], *, stream: bool, detailed: bool) -> Any:
        if detailed:
            return response
        if not is_success(response.status_code):
            raise self._status_error(operation, response)
        if stream:
            content_type = response.headers.get("content-type")
            raise self._stream_error(operation, f"asked for a stream, got a {content_type!r} answer", None)
        if response.parsed is None and response.http_response is not None:
            raise self._invalid_response(operation, response.http_response, "the spec declares no such answer")
        return response.parsed

    def _log_request(self, operation: Operation, request: httpx.Request) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("%s: %s %s", operation.operation_id, request.method, request.url)

    def _log_response(self, operation: Operation, response: httpx.Response) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            request_id = response.headers.get("x-request-id")
            logger.debug("%s: %s (request id %s)", operation.operation_id, response.status_code, request_id)

    def _build(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        body: Any,
        options: RequestOptions,
        http_client: httpx.Client | httpx.AsyncClient,
        *,
        asynchronous: bool = False,
    ) -> tuple[httpx.Request, dict[str, Any]]:
        """The request a call sends (its body checked and converted once), and the arguments it was built from."""
        body_dict = self._prepare(operation, body, options)
        kwargs = self._request_kwargs(operation, arguments, body, options, body_dict)
        return http_client.build_request(**multipart.in_memory(kwargs, asynchronous=asynchronous)), kwargs


class SyncApi(_ApiBase):
    """Base of the generated synchronous API classes."""

    def _send(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        """Hook: send a built request and return the answer (read unless ``stream``)."""
        return self.client.get_httpx_client().send(request, stream=stream)

    def _call(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        body: Any,
        options: RequestOptions,
        *,
        stream: bool = False,
        dry_run: bool = False,
        detailed: bool = False,
    ) -> Any:
        try:
            request, kwargs = self._build(operation, arguments, body, options, self.client.get_httpx_client())
            if dry_run:
                return self._dry_run(request, kwargs)
            self._log_request(operation, request)
            started = time.perf_counter()
            http_response = self._send(request, stream=stream)
        finally:
            close_files(body)
        self._log_response(operation, http_response)
        if stream:
            streaming = _streaming()
            if streaming.is_event_stream(http_response):
                return streaming.EventStream(http_response, operation, self._stream_error)
            try:
                http_response.read()
            finally:
                http_response.close()
        return self._result(operation, http_response, time.perf_counter() - started, stream=stream, detailed=detailed)


class AsyncApi(_ApiBase):
    """Base of the generated asynchronous API classes."""

    async def _send(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        """Hook: send a built request and return the answer (read unless ``stream``)."""
        return await self.client.get_async_httpx_client().send(request, stream=stream)

    async def _call(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        body: Any,
        options: RequestOptions,
        *,
        stream: bool = False,
        dry_run: bool = False,
        detailed: bool = False,
    ) -> Any:
        try:
            request, kwargs = self._build(
                operation, arguments, body, options, self.client.get_async_httpx_client(), asynchronous=True
            )
            if dry_run:
                return self._dry_run(request, kwargs)
            self._log_request(operation, request)
            started = time.perf_counter()
            http_response = await self._send(request, stream=stream)
        finally:
            close_files(body)
        self._log_response(operation, http_response)
        if stream:
            streaming = _streaming()
            if streaming.is_event_stream(http_response):
                return streaming.AsyncEventStream(http_response, operation, self._stream_error)
            try:
                await http_response.aread()
            finally:
                await http_response.aclose()
        return self._result(operation, http_response, time.perf_counter() - started, stream=stream, detailed=detailed)
