"""Streamed answers (``text/event-stream``): the server-sent events as the spec's event models, in order.

The events are read by ``httpx-sse`` (lines end only at CR, LF or CRLF, as the SSE standard says,
so a JSON payload holding U+2028 stays whole); this module turns each one into the model its
discriminator names, stops at a ``[DONE]`` sentinel and raises the client's error for an error
event or one that does not parse.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from contextlib import aclosing
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx
from httpx_sse import EventSource, ServerSentEvent

if TYPE_CHECKING:
    from .runtime import Operation

logger = logging.getLogger("openai_images_client")

E = TypeVar("E")
ErrorFactory = Callable[["Operation", str, Any], Exception]
_DONE = object()


def is_event_stream(response: httpx.Response) -> bool:
    """Whether a response is a successful ``text/event-stream`` answer."""
    content_type = response.headers.get("content-type", "")
    return 200 <= response.status_code <= 299 and content_type.split(";")[0].strip().lower() == "text/event-stream"


class _EventDecoder:
    """Turns one server-sent event into the spec's event model.

    ``decode`` returns a model, ``_DONE`` at a ``[DONE]`` sentinel, or None (an event without
    data, or of a type the pinned spec does not describe, which a newer server may send).
    """

    def __init__(self, operation: Operation, on_error: ErrorFactory) -> None:
        self.operation = operation
        self.on_error = on_error
        self.decoders = operation.stream_events()

    def decode(self, sse: ServerSentEvent) -> Any:
        event, data = sse.event, sse.data
        if not data:
            return None
        if data.strip() == "[DONE]":
            return _DONE
        try:
            payload = json.loads(data)
        except ValueError:
            raise self.on_error(self.operation, f"a {event!r} event is not JSON: {data[:200]!r}", data) from None
        if not isinstance(payload, dict):
            raise self.on_error(self.operation, f"a {event!r} event is not a JSON object: {data[:200]!r}", payload)
        kind = payload.get(self.operation.stream_discriminator, event)
        decoder = self.decoders.get(kind) if isinstance(kind, str) else None
        if decoder is None and (event == "error" or kind == "error" or "error" in payload):
            error = payload.get("error")
            message = error.get("message") if isinstance(error, dict) else None
            raise self.on_error(self.operation, str(message or payload), payload)
        if decoder is None:
            logger.debug("%s: skipping a %r event the pinned spec does not describe", self.operation.operation_id, kind)
            return None
        try:
            return decoder(payload)
        except (KeyError, TypeError, ValueError) as exc:
            raise self.on_error(self.operation, f"a {kind!r} event does not match the spec: {exc!r}", payload) from exc


class EventStream(Generic[E]):
    """The events of a streamed answer, as the spec's models, in order.

    Iterate it once. The connection is released when the stream ends, when iteration raises, and on
    ``close()`` (or leaving a ``with`` block), whichever comes first.
    """

    def __init__(self, response: httpx.Response, operation: Operation, on_error: ErrorFactory) -> None:
        self.response = response
        self._decoder = _EventDecoder(operation, on_error)
        self._events = self._iterate()

    def _iterate(self) -> Generator[E, None, None]:
        try:
            for sse in EventSource(self.response).iter_sse():
                event = self._decoder.decode(sse)
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

    def __init__(self, response: httpx.Response, operation: Operation, on_error: ErrorFactory) -> None:
        self.response = response
        self._decoder = _EventDecoder(operation, on_error)
        self._events = self._iterate()

    async def _iterate(self) -> AsyncGenerator[E, None]:
        try:
            async with aclosing(EventSource(self.response).aiter_sse()) as events:
                async for sse in events:
                    event = self._decoder.decode(sse)
                    if event is _DONE:
                        return
                    if event is not None:
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
