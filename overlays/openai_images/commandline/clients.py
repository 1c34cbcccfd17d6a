"""The API client a command talks to: the embedded mock (``--mock``), or the API the global
options and the environment name (``--api-key``/``OPENAI_API_KEY``, ``--base-url``...), and the day
(``--as-of``) both judge requests on.

Also where images answered by URL are downloaded from: the mock's URLs only resolve through the
mock's own transport.
"""

from __future__ import annotations

import argparse
import datetime as dt
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from openai_images import config
from openai_images.client import AsyncImagesApi, ImagesApi, Retirements, retirements_for

DRY_RUN_KEY = "sk-dry-run"
"""Stands in for a missing key in a dry run: the request is only shown, with the key redacted."""


class MockUnavailableError(Exception):
    """``--mock`` without the mock's dependencies installed."""


def parse_header(text: str) -> tuple[str, str]:
    name, separator, value = text.partition(":")
    if not separator or not name.strip():
        raise argparse.ArgumentTypeError(f"expected 'Name: value', got {text!r}")
    return name.strip(), value.strip()


def parse_day(text: str) -> dt.date:
    """``--as-of``: a day written YYYY-MM-DD, or ``today``."""
    if text == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written YYYY-MM-DD (or today)") from None


def as_of(args: argparse.Namespace) -> dt.date:
    """The day requests are judged on: ``--as-of``, else today."""
    day: dt.date | None = args.as_of
    return day if day is not None else dt.date.today()


def _options(args: argparse.Namespace, day: dt.date) -> dict[str, Any]:
    """Client settings from the global options; unset ones fall back to the environment."""
    headers: Mapping[str, str] = dict(args.header or [])
    return {
        "timeout": args.timeout,
        "max_retries": args.max_retries,
        "default_headers": headers or None,
        "as_of": day,
        "retirements": retirements(args),
    }


def _connection(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "api_key": args.api_key,
        "base_url": args.base_url,
        "organization": args.organization,
        "project": args.project,
    }


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _settings(args: argparse.Namespace) -> config.Settings:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the client warns about plain http when it is built
        try:
            return config.resolve(**_connection(args))
        except config.MissingCredentialsError:
            return config.resolve(**{**_connection(args), "api_key": DRY_RUN_KEY})


def server_label(args: argparse.Namespace) -> str:
    """Which server answers: ``mock``, or the base URL (never credentials). Part of the reuse key."""
    if args.mock:
        return "mock"
    return _without_credentials(_settings(args).base_url)


def retirements(args: argparse.Namespace) -> Retirements:
    """What OpenAI's retirements do to a request: the client's default for the server, except that the
    embedded mock answers as OpenAI does, so there they are refused before sending too."""
    return "refuse" if args.mock else retirements_for(_settings(args))


@dataclass
class Clients:
    """A sync client, and the client that downloads images answered by URL (None: a fresh one)."""

    api: ImagesApi
    downloads: httpx.Client | None

    def close(self) -> None:
        self.api.close()


def _mock_app(day: dt.date) -> Any:
    """The mock app serving the catalogue of ``day``, the day the client judges on too."""
    try:
        from openai_images.mock.app import create_app
    except ImportError as exc:
        raise MockUnavailableError(
            f"--mock needs the mock server's dependencies ({exc.name} is missing): pip install 'openai-images[mock]'"
        ) from None
    return create_app(as_of=day)


def sync_clients(args: argparse.Namespace, day: dt.date) -> Clients:
    """The clients of a command that judges requests as of ``day``."""
    options = _options(args, day)
    if args.mock:
        app = _mock_app(day)
        from openai_images.mock.embedded import images_api

        api = images_api(app, **options)
        return Clients(api, api.http_client)
    try:
        return Clients(ImagesApi(**_connection(args), **options), None)
    except config.MissingCredentialsError:
        if not args.dry_run:
            raise
        return Clients(ImagesApi(**{**_connection(args), "api_key": DRY_RUN_KEY}, **options), None)


@dataclass
class AsyncClients:
    api: AsyncImagesApi
    downloads: httpx.Client | None

    async def close(self) -> None:
        await self.api.close()
        if self.downloads is not None:
            self.downloads.close()


def async_clients(args: argparse.Namespace, day: dt.date, event_hooks: Mapping[str, list[Any]]) -> AsyncClients:
    """An AsyncImagesApi judging as of ``day``, whose every answer passes through ``event_hooks`` (batches
    watch for 429s)."""
    options = _options(args, day)
    # An injected httpx client keeps its own timeout unless one is passed: pass the API's default.
    options["timeout"] = options["timeout"] if options["timeout"] is not None else config.DEFAULT_TIMEOUT
    hooks = {name: list(functions) for name, functions in event_hooks.items()}
    if args.mock:
        app = _mock_app(day)
        from openai_images.mock import embedded

        transport = httpx.ASGITransport(app)
        http_client = httpx.AsyncClient(transport=transport, event_hooks=hooks)
        api = AsyncImagesApi(api_key=embedded.API_KEY, base_url=embedded.BASE_URL, http_client=http_client, **options)
        downloads = httpx.Client(transport=embedded.SyncASGITransport(app))
        return AsyncClients(api, downloads)
    connection = _connection(args)
    try:
        config.resolve(**connection)
    except config.MissingCredentialsError:
        if not args.dry_run:
            raise
        connection["api_key"] = DRY_RUN_KEY
    return AsyncClients(AsyncImagesApi(**connection, http_client=httpx.AsyncClient(event_hooks=hooks), **options), None)
