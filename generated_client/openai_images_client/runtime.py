"""The runtime of the generated API classes: build a request from an operation and a body, send it,
parse the answer.

Each step is a method a subclass may override (the hand-written ``openai_images`` validates in
``_prepare``, retries in ``_send`` and raises its typed errors from the ``_*_error`` hooks); the
defaults make the generated classes usable on their own.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx
from attrs import define, field
from attrs import fields as attrs_fields
from attrs import has as attrs_has

from . import errors
from .types import UNSET, File, Response, Unset

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client
    from .prepared import PreparedRequest

logger = logging.getLogger("openai_images_client")


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


def close_files(body: Any) -> None:
    """Close the files a call opened from paths (never the caller's own file objects)."""
    if body is None or not hasattr(body, "to_multipart") or not attrs_has(type(body)):
        return  # only multipart bodies carry files
    for attribute in attrs_fields(type(body)):
        value = getattr(body, attribute.name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, File):
                item.close_if_opened_here()


class _ApiBase:
    """What the sync and async API classes share: everything but the I/O."""

    def __init__(self, client: Client | AuthenticatedClient) -> None:
        self.client = client

    def _prepare(self, operation: Operation, body: Any, options: RequestOptions) -> None:
        """Hook, called before the request is built: check or adjust the body."""

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
        self, operation: Operation, arguments: dict[str, Any], body: Any, options: RequestOptions
    ) -> dict[str, Any]:
        if options.extra_body and body is not None and hasattr(body, "additional_properties"):
            body.additional_properties.update(options.extra_body)
        kwargs = operation.get_kwargs(**arguments)
        headers = {**kwargs.pop("headers", {}), **(options.extra_headers or {})}
        if headers:
            kwargs["headers"] = headers
        params = {**kwargs.pop("params", {}), **(options.extra_query or {})}
        if params:
            kwargs["params"] = params
        if not isinstance(options.timeout, Unset):
            kwargs["timeout"] = options.timeout
        return kwargs

    def _dry_run(self, request: httpx.Request, kwargs: dict[str, Any]) -> PreparedRequest:
        """Hook: what a dry run returns."""
        from .prepared import prepared_request

        return prepared_request(request, kwargs)

    def _response(
        self, operation: Operation, http_response: httpx.Response, elapsed: float | None = None
    ) -> Response[Any]:
        try:
            parsed = operation.parse_response(client=self.client, response=http_response)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            if is_success(http_response.status_code):
                raise self._invalid_response(operation, http_response, repr(exc)) from exc
            parsed = None  # an error body that is not the documented shape (an HTML proxy page...)
        response: Response[Any] = Response(
            status_code=http_status(http_response.status_code),
            content=http_response.content,
            headers=http_response.headers,
            parsed=parsed,
            http_response=http_response,
            elapsed=elapsed,
        )
        if hasattr(parsed, "_response"):
            parsed._response = response
        return response

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
            self._prepare(operation, body, options)
            kwargs = self._request_kwargs(operation, arguments, body, options)
            request = self.client.get_httpx_client().build_request(**kwargs)
            if dry_run:
                return self._dry_run(request, kwargs)
            self._log_request(operation, request)
            started = time.perf_counter()
            http_response = self._send(request, stream=stream)
        finally:
            close_files(body)
        self._log_response(operation, http_response)
        if stream:
            from .streaming import EventStream, is_event_stream

            if is_event_stream(http_response):
                return EventStream(http_response, operation, self._stream_error)
            try:
                http_response.read()
            finally:
                http_response.close()
        response = self._response(operation, http_response, time.perf_counter() - started)
        return self._finish(operation, response, stream=stream, detailed=detailed)


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
            self._prepare(operation, body, options)
            kwargs = self._request_kwargs(operation, arguments, body, options)
            request = self.client.get_async_httpx_client().build_request(**kwargs)
            if dry_run:
                return self._dry_run(request, kwargs)
            self._log_request(operation, request)
            started = time.perf_counter()
            http_response = await self._send(request, stream=stream)
        finally:
            close_files(body)
        self._log_response(operation, http_response)
        if stream:
            from .streaming import AsyncEventStream, is_event_stream

            if is_event_stream(http_response):
                return AsyncEventStream(http_response, operation, self._stream_error)
            try:
                await http_response.aread()
            finally:
                await http_response.aclose()
        response = self._response(operation, http_response, time.perf_counter() - started)
        return self._finish(operation, response, stream=stream, detailed=detailed)
