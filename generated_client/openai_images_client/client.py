import io
import itertools
import json
import logging
import os
import shlex
import ssl
import time
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Callable,
    Generator,
    Iterator,
    Mapping,
)
from http import HTTPStatus
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx
from attrs import define, evolve, field
from attrs import fields as attrs_fields
from attrs import has as attrs_has

from . import errors
from .types import UNSET, File, Response, Unset


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise an errors.UnexpectedStatus if the API returns a
            status code that was not documented in the source OpenAPI document. Can also be provided as a keyword
            argument to the constructor.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(
        default=True, kw_only=True, alias="verify_ssl"
    )
    _follow_redirects: bool = field(
        default=False, kw_only=True, alias="follow_redirects"
    )
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(exc_type, exc, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(exc_type, exc, traceback)


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise an errors.UnexpectedStatus if the API returns a
            status code that was not documented in the source OpenAPI document. Can also be provided as a keyword
            argument to the constructor.
        token: The token to use for authentication (never shown in repr)
        prefix: The prefix to use for the Authorization header
        auth_header_name: The name of the Authorization header
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(
        default=True, kw_only=True, alias="verify_ssl"
    )
    _follow_redirects: bool = field(
        default=False, kw_only=True, alias="follow_redirects"
    )
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    token: str = field(repr=False)
    prefix: str = "Bearer"
    auth_header_name: str = "Authorization"

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._headers[self.auth_header_name] = (
                f"{self.prefix} {self.token}" if self.prefix else self.token
            )
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(exc_type, exc, traceback)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._headers[self.auth_header_name] = (
                f"{self.prefix} {self.token}" if self.prefix else self.token
            )
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(exc_type, exc, traceback)


# ------------------------------------------------------------------------------------------------
# The runtime of the generated API classes (api/<tag>/__init__.py): build a request from an
# operation and a body, send it, parse the answer. Each step is a method a subclass may override
# (the hand-written overlay validates in `_prepare`, retries in `_send`, and raises its typed
# errors from `_status_error`); the defaults here make the generated classes usable on their own.

logger = logging.getLogger("openai_images_client")

SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "api-key", "x-api-key", "cookie"}
)
REDACTED = "<redacted>"
E = TypeVar("E")


def http_status(code: int) -> HTTPStatus | int:
    """The HTTPStatus for a code, or the code itself when the standard library has no name for it."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


@define(frozen=True)
class Operation:
    """One operation of the spec, as the generated API classes call it."""

    operation_id: str
    method: str
    path: str
    get_kwargs: Callable[..., dict[str, Any]]
    parse_response: Callable[..., Any]
    stream_events: Callable[[], Mapping[str, Callable[[Mapping[str, Any]], Any]]] = (
        field(default=dict)
    )
    """Gives the decoders of the events a text/event-stream answer may carry, by discriminator value."""
    stream_discriminator: str = "type"


@define(frozen=True)
class RequestOptions:
    """Per-call additions to a request: headers, query parameters, body fields, a timeout."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: float | httpx.Timeout | None | Unset = UNSET


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

    def to_curl(self) -> str:
        """A curl command that sends the same request (with the credential left for you to fill in)."""
        words = ["curl", "-X", self.method, self.url]
        for name, value in self.headers.items():
            if name.lower() in (
                "content-length",
                "host",
                "accept-encoding",
                "connection",
            ) or (self.form is not None and name.lower() == "content-type"):
                continue
            words += ["-H", f"{name}: {value}"]
        if self.json is not None:
            words += ["--data-raw", json.dumps(self.json, ensure_ascii=False)]
        for part in self.form or []:
            if part.file_name is None:
                words += ["--form-string", f"{part.name}={part.value}"]
            else:
                words += [
                    "-F",
                    f"{part.name}=@{part.file_name};type={part.content_type}",
                ]
        return " ".join(shlex.quote(word) for word in words)

    def __str__(self) -> str:
        lines = [f"{self.method} {self.url}"] + [
            f"{name}: {value}" for name, value in self.headers.items()
        ]
        lines.append("")
        if self.json is not None:
            lines.append(json.dumps(self.json, indent=2, ensure_ascii=False))
        for part in self.form or []:
            if part.file_name is None:
                lines.append(f"{part.name} = {part.value!r}")
            else:
                size = "unknown size" if part.size is None else f"{part.size} bytes"
                lines.append(
                    f"{part.name} = file {part.file_name!r} ({part.content_type}, {size})"
                )
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
    return {
        name: REDACTED if name.lower() in SENSITIVE_HEADERS else value
        for name, value in headers.items()
    }


def prepared_request(
    request: httpx.Request, kwargs: Mapping[str, Any]
) -> PreparedRequest:
    form = None
    if "files" in kwargs:
        form = []
        for name, spec in kwargs["files"]:
            file_name, content, content_type = spec[0], spec[1], spec[2]
            if file_name is None:
                value = (
                    content.decode(errors="replace")
                    if isinstance(content, bytes)
                    else str(content)
                )
                form.append(FormPart(name=name, value=value))
            else:
                form.append(
                    FormPart(
                        name=name,
                        file_name=file_name,
                        content_type=content_type,
                        size=_payload_size(content),
                    )
                )
    return PreparedRequest(
        method=request.method,
        url=str(request.url),
        headers=redact_headers(request.headers),
        json=kwargs.get("json"),
        form=form,
    )


def close_files(body: Any) -> None:
    """Close the files a call opened from paths (never the caller's own file objects)."""
    if body is None or not hasattr(body, "to_multipart") or not attrs_has(type(body)):
        return  # only multipart bodies carry files
    for attribute in attrs_fields(type(body)):
        value = getattr(body, attribute.name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, File):
                item.close_if_opened_here()


def is_success(status_code: int) -> bool:
    return 200 <= status_code <= 299


def _is_event_stream(response: httpx.Response) -> bool:
    content_type = response.headers.get("content-type", "")
    return (
        is_success(response.status_code)
        and content_type.split(";")[0].strip().lower() == "text/event-stream"
    )


class _SSEDecoder:
    """Server-sent events, line by line: yields (event name, data) when a blank line ends an event."""

    def __init__(self) -> None:
        self.event = ""
        self.data: list[str] = []

    def feed(self, line: str) -> tuple[str, str] | None:
        if not line:
            item = (
                (self.event or "message", "\n".join(self.data)) if self.data else None
            )
            self.event, self.data = "", []
            return item
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self.event = value
        elif name == "data":
            self.data.append(value)
        return None


_DONE = object()


class _EventReader:
    """Turns the lines of a text/event-stream body into the spec's event models.

    ``feed`` returns a model, ``_DONE`` at a ``[DONE]`` sentinel, or None (no complete event yet, or
    an event type the pinned spec does not describe, which a newer server may send).
    """

    def __init__(
        self, operation: Operation, on_error: Callable[[Operation, str, Any], Exception]
    ) -> None:
        self.operation = operation
        self.on_error = on_error
        self.sse = _SSEDecoder()

    def feed(self, line: str) -> Any:
        item = self.sse.feed(line)
        return None if item is None else self.decode(*item)

    def decode(self, event: str, data: str) -> Any:
        if data.strip() == "[DONE]":
            return _DONE
        try:
            payload = json.loads(data)
        except ValueError:
            raise self.on_error(
                self.operation, f"a {event!r} event is not JSON: {data[:200]!r}", data
            ) from None
        if not isinstance(payload, dict):
            raise self.on_error(
                self.operation,
                f"a {event!r} event is not a JSON object: {data[:200]!r}",
                payload,
            )
        kind = payload.get(self.operation.stream_discriminator, event)
        decoder = (
            self.operation.stream_events().get(kind) if isinstance(kind, str) else None
        )
        if decoder is None and (
            event == "error" or kind == "error" or "error" in payload
        ):
            error = payload.get("error")
            message = error.get("message") if isinstance(error, dict) else None
            raise self.on_error(self.operation, str(message or payload), payload)
        if decoder is None:
            logger.debug(
                "%s: skipping a %r event the pinned spec does not describe",
                self.operation.operation_id,
                kind,
            )
            return None
        try:
            return decoder(payload)
        except (KeyError, TypeError, ValueError) as exc:
            raise self.on_error(
                self.operation,
                f"a {kind!r} event does not match the spec: {exc!r}",
                payload,
            ) from exc


class EventStream(Generic[E]):
    """The events of a streamed answer, as the spec's models, in order.

    Iterate it once. The connection is released when the stream ends, when iteration raises, and on
    ``close()`` (or leaving a ``with`` block), whichever comes first.
    """

    def __init__(
        self,
        response: httpx.Response,
        operation: Operation,
        on_error: Callable[[Operation, str, Any], Exception],
    ) -> None:
        self.response = response
        self._reader = _EventReader(operation, on_error)
        self._events = self._iterate()

    def _iterate(self) -> Generator[E, None, None]:
        try:
            # The trailing "" ends an event the server did not close with a blank line.
            for line in itertools.chain(self.response.iter_lines(), [""]):
                event = self._reader.feed(line)
                if event is _DONE:
                    return
                if event is not None:
                    yield event
        finally:
            self.response.close()

    def __iter__(self) -> Iterator[E]:
        return self

    def __next__(self) -> E:
        return next(self._events)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def close(self) -> None:
        self._events.close()
        self.response.close()

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.response.headers.get("x-request-id")
        return request_id


class AsyncEventStream(Generic[E]):
    """The events of a streamed answer, as the spec's models, for ``async for``; see EventStream."""

    def __init__(
        self,
        response: httpx.Response,
        operation: Operation,
        on_error: Callable[[Operation, str, Any], Exception],
    ) -> None:
        self.response = response
        self._reader = _EventReader(operation, on_error)
        self._events = self._iterate()

    async def _iterate(self) -> AsyncGenerator[E, None]:
        try:
            async for line in self.response.aiter_lines():
                event = self._reader.feed(line)
                if event is _DONE:
                    return
                if event is not None:
                    yield event
            event = self._reader.feed("")
            if event is not None and event is not _DONE:
                yield event
        finally:
            await self.response.aclose()

    def __aiter__(self) -> AsyncIterator[E]:
        return self

    async def __anext__(self) -> E:
        return await anext(self._events)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._events.aclose()
        await self.response.aclose()

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.response.headers.get("x-request-id")
        return request_id


class _ApiBase:
    """What the sync and async API classes share: everything but the I/O."""

    def __init__(self, client: Client | AuthenticatedClient) -> None:
        self.client = client

    def _prepare(self, operation: Operation, body: Any) -> None:
        """Hook, called before the request is built: check or adjust the body."""

    def _status_error(self, operation: Operation, response: Response[Any]) -> Exception:
        """Hook: the exception to raise for a non-2xx answer."""
        return errors.UnexpectedStatus(response.status_code, response.content)

    def _stream_error(
        self, operation: Operation, message: str, payload: Any
    ) -> Exception:
        """Hook: the exception to raise for an error event, or an event that does not parse."""
        return errors.StreamError(f"{operation.operation_id}: {message}", payload)

    def _invalid_response(
        self, operation: Operation, response: httpx.Response, reason: str
    ) -> Exception:
        """Hook: the exception to raise for a 2xx answer whose body does not parse."""
        return errors.InvalidResponse(response.status_code, response.content, reason)

    def _request_kwargs(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        body: Any,
        options: RequestOptions,
    ) -> dict[str, Any]:
        if (
            options.extra_body
            and body is not None
            and hasattr(body, "additional_properties")
        ):
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

    def _dry_run(
        self, request: httpx.Request, kwargs: dict[str, Any]
    ) -> PreparedRequest:
        """Hook: what a dry run returns."""
        return prepared_request(request, kwargs)

    def _response(
        self,
        operation: Operation,
        http_response: httpx.Response,
        elapsed: float | None = None,
    ) -> Response[Any]:
        try:
            parsed = operation.parse_response(
                client=self.client, response=http_response
            )
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            if is_success(http_response.status_code):
                raise self._invalid_response(
                    operation, http_response, repr(exc)
                ) from exc
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

    def _finish(
        self,
        operation: Operation,
        response: Response[Any],
        *,
        stream: bool,
        detailed: bool,
    ) -> Any:
        if detailed:
            return response
        if not is_success(response.status_code):
            raise self._status_error(operation, response)
        if stream:
            content_type = response.headers.get("content-type")
            raise self._stream_error(
                operation, f"asked for a stream, got a {content_type!r} answer", None
            )
        if response.parsed is None and response.http_response is not None:
            raise self._invalid_response(
                operation, response.http_response, "the spec declares no such answer"
            )
        return response.parsed


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
            self._prepare(operation, body)
            kwargs = self._request_kwargs(operation, arguments, body, options)
            request = self.client.get_httpx_client().build_request(**kwargs)
            if dry_run:
                return self._dry_run(request, kwargs)
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug(
                    "%s: %s %s", operation.operation_id, request.method, request.url
                )
            started = time.perf_counter()
            http_response = self._send(request, stream=stream)
        finally:
            close_files(body)
        if logger.isEnabledFor(logging.DEBUG):
            request_id = http_response.headers.get("x-request-id")
            logger.debug(
                "%s: %s (request id %s)",
                operation.operation_id,
                http_response.status_code,
                request_id,
            )
        if stream and _is_event_stream(http_response):
            return EventStream(http_response, operation, self._stream_error)
        if stream:
            try:
                http_response.read()
            finally:
                http_response.close()
        response = self._response(
            operation, http_response, time.perf_counter() - started
        )
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
            self._prepare(operation, body)
            kwargs = self._request_kwargs(operation, arguments, body, options)
            request = self.client.get_async_httpx_client().build_request(**kwargs)
            if dry_run:
                return self._dry_run(request, kwargs)
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug(
                    "%s: %s %s", operation.operation_id, request.method, request.url
                )
            started = time.perf_counter()
            http_response = await self._send(request, stream=stream)
        finally:
            close_files(body)
        if logger.isEnabledFor(logging.DEBUG):
            request_id = http_response.headers.get("x-request-id")
            logger.debug(
                "%s: %s (request id %s)",
                operation.operation_id,
                http_response.status_code,
                request_id,
            )
        if stream and _is_event_stream(http_response):
            return AsyncEventStream(http_response, operation, self._stream_error)
        if stream:
            try:
                await http_response.aread()
            finally:
                await http_response.aclose()
        response = self._response(
            operation, http_response, time.perf_counter() - started
        )
        return self._finish(operation, response, stream=stream, detailed=detailed)
