"""The mock in-process: an ImagesApi (or AsyncImagesApi) whose requests go straight to the mock app.

No key, no network, no port: ``openai_images.mock.embedded.images_api()`` is the quickest way to
try the client. The sync client reaches the ASGI app through ``SyncASGITransport``, which runs
the app on an event loop in a helper thread.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from typing import Any

import httpx

from openai_images.client import AsyncImagesApi, ImagesApi
from openai_images.mock.app import DroppedConnection, create_app

BASE_URL = "http://mock.localhost/v1"
API_KEY = "sk-mock"


class SyncASGITransport(httpx.BaseTransport):
    """httpx.ASGITransport for a synchronous client. Answers are read whole before they are returned.

    The app runs on an event loop in a daemon thread, so an ImagesApi nobody closed does not keep
    the interpreter from exiting.
    """

    def __init__(self, app: Any) -> None:
        self._asgi = httpx.ASGITransport(app)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="openai-images-mock", daemon=True)
        self._thread.start()

    async def _call(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._asgi.handle_async_request(request)
            content = await response.aread()
        except DroppedConnection as exc:
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc
        return httpx.Response(response.status_code, headers=response.headers, content=content, request=request)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._loop.is_closed():
            raise httpx.ConnectError("the embedded mock was closed", request=request)
        return asyncio.run_coroutine_threadsafe(self._call(request), self._loop).result()

    def close(self) -> None:
        if not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
            self._loop.close()


def _prepared(app: Any, as_of: dt.date | None, options: dict[str, Any]) -> Any:
    options.setdefault("api_key", API_KEY)
    if as_of is not None:
        options.setdefault("as_of", as_of)
    return app if app is not None else create_app(as_of=as_of)


def images_api(app: Any = None, *, as_of: dt.date | None = None, **options: Any) -> ImagesApi:
    """An ImagesApi answered by the mock app in this process (``create_app(as_of=as_of)`` unless given).

    ``as_of`` dates the client's checks too, so that both judge a request against the same catalogue."""
    transport = SyncASGITransport(_prepared(app, as_of, options))
    return ImagesApi(base_url=BASE_URL, http_client=httpx.Client(transport=transport), **options)


def async_images_api(app: Any = None, *, as_of: dt.date | None = None, **options: Any) -> AsyncImagesApi:
    """An AsyncImagesApi answered by the mock app in this process (as ``images_api``)."""
    transport = httpx.ASGITransport(_prepared(app, as_of, options))
    return AsyncImagesApi(base_url=BASE_URL, http_client=httpx.AsyncClient(transport=transport), **options)
