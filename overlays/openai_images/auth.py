"""How the credential reaches a request: added to each request as it is sent, never stored.

The key is never in a client's default headers, so it cannot leak through their repr or a dry run
(which builds but does not send). ``KeyAuth`` is also an httpx auth flow, for use with any client.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx

from openai_images.config import Secret, Settings


class KeyAuth(httpx.Auth):
    """Sets one header to ``prefix + key`` on every request sent with it."""

    def __init__(self, header: str, key: Secret, prefix: str = "") -> None:
        self.header = header
        self.key = key
        self.prefix = prefix

    def apply(self, request: httpx.Request) -> None:
        request.headers[self.header] = f"{self.prefix}{self.key.reveal()}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.apply(request)
        yield request

    def __repr__(self) -> str:
        return f"KeyAuth({self.header}: <redacted>)"


def for_settings(settings: Settings) -> KeyAuth:
    """Bearer auth for OpenAI and compatible servers; the ``api-key`` header for Azure OpenAI."""
    if settings.azure is not None:
        return KeyAuth("api-key", settings.api_key)
    return KeyAuth("Authorization", settings.api_key, "Bearer ")
