"""The mock in-process: an ImagesApi (or AsyncImagesApi) whose requests go straight to the mock app.

No key, no network, no port: ``openai_images.mock.embedded.images_api()`` is the quickest way to
try the client. The sync client reaches the ASGI app through ``SyncASGITransport``, which runs
the app on an event loop in a helper thread.
"""

from __future__ import annotations

from typing import Any

import anyio.from_thread
import httpx

from openai_images.client import AsyncImagesApi, ImagesApi
from openai_images.mock.app import DroppedConnection, create_app

BASE_URL = "http://mock.localhost/v1"
API_KEY = "sk-mock"


class SyncASGITransport(httpx.BaseTransport):
    """httpx.ASGITransport for a synchronous client. Answers are read whole before they are returned."""

    def __init__(self, app: Any) -> None:
        self._asgi = httpx.ASGITransport(app)
        self._portal_context = anyio.from_thread.start_blocking_portal()
        self._portal = self._portal_context.__enter__()

    async def _call(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._asgi.handle_async_request(request)
            content = await response.aread()
        except DroppedConnection as exc:
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc
        return httpx.Response(response.status_code, headers=response.headers, content=content, request=request)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._portal.call(self._call, request)

    def close(self) -> None:
        self._portal_context.__exit__(None, None, None)


def images_api(app: Any = None, **options: Any) -> ImagesApi:
    """An ImagesApi answered by the mock app in this process (``create_app()`` unless given)."""
    transport = SyncASGITransport(app if app is not None else create_app())
    options.setdefault("api_key", API_KEY)
    return ImagesApi(base_url=BASE_URL, http_client=httpx.Client(transport=transport), **options)


def async_images_api(app: Any = None, **options: Any) -> AsyncImagesApi:
    """An AsyncImagesApi answered by the mock app in this process."""
    transport = httpx.ASGITransport(app if app is not None else create_app())
    options.setdefault("api_key", API_KEY)
    return AsyncImagesApi(base_url=BASE_URL, http_client=httpx.AsyncClient(transport=transport), **options)
