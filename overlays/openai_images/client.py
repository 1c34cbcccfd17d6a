"""ImagesApi and AsyncImagesApi: the generated classes, plus settings, auth, validation, retries
and typed errors.

The operations and their keyword arguments are the generated ones (from the spec); this module
only overrides the generated runtime's hooks: ``_prepare`` validates, ``_request_kwargs`` places
the request (base URL, Azure path, headers), ``_send`` authenticates and retries, and the error
hooks raise the exceptions of ``openai_images.errors``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
import time
import warnings
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, Unpack, cast, get_args
from urllib.parse import quote, urlsplit

from openai_images_client import AsyncImagesApi as GeneratedAsyncImagesApi
from openai_images_client import Client
from openai_images_client import ImagesApi as GeneratedImagesApi
from openai_images_client.runtime import Operation, RequestOptions, _ApiBase
from openai_images_client.types import Response

from openai_images import config
from openai_images.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStreamError,
    APITimeoutError,
    RetiredModelWarning,
    status_error,
)
from openai_images.retries import RetryPolicy, retried_errors

if TYPE_CHECKING:
    import httpx
    from openai_images_client.prepared import PreparedRequest

logger = logging.getLogger("openai_images")

MULTIPART = "multipart/form-data"
JSON = "application/json"
OPENAI_HOST = urlsplit(config.DEFAULT_BASE_URL).hostname
_PACKAGES = ("openai_images", "openai_images_client")

Retirements = Literal["refuse", "warn", "ignore"]
"""What OpenAI's model retirements do to a request: refused before sending, sent with a warning, or nothing."""


def retirements_for(settings: config.Settings) -> Retirements:
    """The client's default: refuse where OpenAI answers (its base URL), ignore for Azure OpenAI (it retires
    models on its own schedule), warn elsewhere (a gateway may still serve a retired model)."""
    if settings.azure is not None:
        return "ignore"
    return "refuse" if urlsplit(settings.base_url).hostname == OPENAI_HOST else "warn"


def _caller_stacklevel() -> int:
    """The ``stacklevel`` that points a warning at the first frame outside this package."""
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_globals.get("__name__", "").split(".")[0] in _PACKAGES:
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


_DAY: list[tuple[float, float, dt.date]] = [(0.0, 0.0, dt.date.min)]
"""The local day a call is dated by when the client has no ``as_of``: from, until (time.time()), date."""


def today() -> dt.date:
    """The local date, as ``dt.date.today()`` gives it, looked up again only when the clock leaves the day
    (the lookup converts the time to local time: a few microseconds, in every unpinned call)."""
    now = time.time()
    start, end, day = _DAY[0]
    if not start <= now < end:
        day = dt.date.fromtimestamp(now)
        start = dt.datetime.combine(day, dt.time()).timestamp()
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).timestamp()
        _DAY[0] = (start, end, day)
    return day


@functools.cache
def _httpx() -> ModuleType:
    """httpx, imported by the first client made: importing this module does not load it."""
    import httpx

    return httpx


@functools.cache
def _validation() -> ModuleType:
    """The validator, loaded on the first call that checks a request (a cached call costs less than an import)."""
    from openai_images import validation

    return validation


class ClientOptions(config.SettingsOptions, total=False):
    """What ImagesApi and AsyncImagesApi take, besides ``http_client``: the settings of
    ``openai_images.config.SettingsOptions`` (each wins over its environment variable), and:"""

    deadline: float | None
    """Seconds for a whole call, retries and waits included (default: no overall limit)."""
    validate: bool
    """Check each request against the spec and the model rules before sending it (default: True)."""
    strict: bool
    """Also refuse models the rules table does not know (default: False)."""
    as_of: dt.date | None
    """The day OpenAI's model retirements are judged on (default: the day of each call). Against OpenAI a
    retired model, and any variation, is refused before sending; against another server it is sent
    with a RetiredModelWarning (a gateway may still serve it); Azure OpenAI has retirements of its own."""
    retirements: Retirements | None
    """Overrides where those retirements apply (default: ``retirements_for(settings)``): "refuse" for a
    server that answers as OpenAI does elsewhere (the embedded mock), "warn", or "ignore"."""


class _Overlay(_ApiBase):
    """What the sync and async clients add to the generated classes, apart from I/O."""

    settings: config.Settings
    retry_policy: RetryPolicy

    def _configure(self, options: ClientOptions) -> None:
        unknown = sorted(options.keys() - ClientOptions.__optional_keys__)
        if unknown:
            raise TypeError(f"{type(self).__name__}() got unexpected keyword arguments: {', '.join(unknown)}")
        settings = {key: value for key, value in options.items() if key in config.SettingsOptions.__optional_keys__}
        self.settings = config.resolve(**cast(config.SettingsOptions, settings))
        self.retry_policy = RetryPolicy(max_retries=self.settings.max_retries, deadline=options.get("deadline"))
        self.validate = options.get("validate", True)
        self.strict = options.get("strict", False)
        self.as_of = options.get("as_of")
        retirements = options.get("retirements") or retirements_for(self.settings)
        if retirements not in get_args(Retirements):
            raise ValueError(f"retirements={retirements!r}: expected one of {', '.join(get_args(Retirements))}")
        self.retirements: Retirements = retirements
        self._warned_retired: set[str] = set()
        self._urls: dict[str, httpx.URL] = {}
        from openai_images import auth  # an httpx auth flow too: loaded with the first client, like httpx

        self._auth = auth.for_settings(self.settings)
        self._headers = self.settings.headers()
        # An injected client keeps its own timeout unless one is asked for explicitly.
        self._timeout = self.settings.timeout if options.get("timeout") is not None else None

    def __repr__(self) -> str:
        from openai_images_client.prepared import REDACTED

        return f"{type(self).__name__}(base_url={self.settings.base_url!r}, api_key={REDACTED!r})"

    # --- hooks of the generated runtime -----------------------------------------------------------

    def _prepare(self, operation: Operation, body: Any, options: RequestOptions) -> dict[str, Any] | None:
        validate = self.validate if options.validate is None else options.validate
        if not validate or body is None:
            return None
        strict = self.strict if options.strict is None else options.strict
        content_type = MULTIPART if hasattr(body, "to_multipart") else JSON
        params: dict[str, Any] = body.to_dict()
        as_of = self.as_of or today()
        _validation().validate_request(
            operation.operation_id,
            params,
            content_type=content_type,
            strict=strict,
            as_of=as_of,
            lifecycle=self.retirements == "refuse",
        )
        if self.retirements == "warn":
            self._warn_if_retired(operation, params, content_type, as_of)
        return params  # a JSON body is sent from it: converted once

    def _warn_if_retired(self, operation: Operation, params: dict[str, Any], content_type: str, as_of: dt.date) -> None:
        from openai_images import spec
        from openai_images.rules import table
        from openai_images.validation import effective_model, lifecycle_issues

        model = effective_model(operation.operation_id, params, content_type, as_of=as_of)
        key = f"{operation.operation_id}:{model}"
        if key in self._warned_retired:
            return
        issues = lifecycle_issues(spec.operation(operation.operation_id), content_type, model, table(), as_of)
        if issues:
            self._warned_retired.add(key)
            host = urlsplit(self.settings.base_url).hostname
            message = f"{issues[0]} (OpenAI, as of {as_of.isoformat()}); sending it to {host} anyway"
            warnings.warn(message, RetiredModelWarning, stacklevel=_caller_stacklevel())

    def _request_kwargs(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        body: Any,
        options: RequestOptions,
        body_dict: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        kwargs = super()._request_kwargs(operation, arguments, body, options, body_dict)
        azure = self.settings.azure
        if azure is None:
            kwargs["url"] = self._url(kwargs["url"])
        else:
            deployment = azure.deployment or getattr(body, "model", None)
            if not isinstance(deployment, str):
                raise config.MissingCredentialsError(
                    "Azure OpenAI needs a deployment: pass azure_deployment= to the client, or model= to the call"
                )
            kwargs["url"] = f"{self.settings.base_url}/deployments/{quote(deployment, safe='')}{kwargs['url']}"
            kwargs["params"] = {"api-version": azure.api_version, **kwargs.get("params", {})}
        kwargs["headers"] = {**self._headers, **kwargs.get("headers", {})}
        if self._timeout is not None and "timeout" not in kwargs:
            kwargs["timeout"] = self._timeout
        return kwargs

    def _url(self, path: str) -> httpx.URL:
        """The operation's URL, parsed once per path (httpx parses a URL given as a string in every request)."""
        url = self._urls.get(path)
        if url is None:
            url = _httpx().URL(self.settings.base_url + path)
            if len(self._urls) < 64:  # a path with parameters in it would be new in every call
                self._urls[path] = url
        return url

    def _dry_run(self, request: httpx.Request, kwargs: dict[str, Any]) -> PreparedRequest:
        from openai_images_client.prepared import REDACTED

        prepared = super()._dry_run(request, kwargs)
        prepared.headers[self._auth.header] = REDACTED
        variable = "AZURE_OPENAI_API_KEY" if self.settings.azure is not None else "OPENAI_API_KEY"
        prepared.credential = (self._auth.header, f"{self._auth.prefix}${variable}")
        return prepared

    def _status_error(self, operation: Operation, response: Response[Any]) -> Exception:
        assert response.http_response is not None
        from openai_images_client.models import ErrorResponse

        body = response.parsed if isinstance(response.parsed, ErrorResponse) else None
        hint = None
        # A 404 naming a parameter (a model the server does not serve) came from the API, not a wrong path.
        refused = body is not None and bool(body.error.param)
        if response.http_response.status_code == 404 and self.settings.azure is None and not refused:
            hint = config.missing_version_hint(self.settings.base_url)
        return status_error(response.http_response, body, hint)

    def _stream_error(self, operation: Operation, message: str, payload: Any) -> Exception:
        return APIStreamError(f"{operation.operation_id}: {message}", body=payload)

    def _invalid_response(self, operation: Operation, response: httpx.Response, reason: str) -> Exception:
        return APIResponseValidationError(
            f"{operation.operation_id}: the {response.status_code} answer does not match the spec: {reason}",
            response=response,
        )

    # --- retries: the decisions; the waiting is sync or async ---------------------------------------

    def _attempt_timeout(self, request: httpx.Request, started: float) -> None:
        """Shrink the attempt's timeouts to what is left of the deadline, or fail if nothing is."""
        remaining = self.retry_policy.remaining(time.monotonic() - started)
        if remaining is None:
            return
        if remaining <= 0:
            raise APITimeoutError("The call's deadline passed before an answer arrived.", request=request)
        current = request.extensions.get("timeout") or {}
        request.extensions["timeout"] = {
            key: remaining if value is None else min(value, remaining)
            for key, value in {"connect": None, "read": None, "write": None, "pool": None, **current}.items()
        }

    def _connection_error(self, exc: Exception, request: httpx.Request, attempts: int) -> APIConnectionError:
        """The error after the last attempt: which host and port, how many attempts, what went wrong."""
        import httpx

        url = request.url
        host = f"[{url.host}]" if ":" in url.host else url.host
        where = f"{host}:{url.port or (443 if url.scheme == 'https' else 80)}"
        tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"Request timed out: no answer from {where} ({tries}): {type(exc).__name__}", request=request
            )
        what = "could not connect to" if isinstance(exc, httpx.ConnectError) else "lost the connection to"
        return APIConnectionError(
            f"Connection error: {what} {where} ({tries}): {type(exc).__name__}: {exc}", request=request
        )

    def _next_wait(
        self, retry: int, started: float, request: httpx.Request, response: httpx.Response | None
    ) -> float | None:
        wait = self.retry_policy.delay(retry, time.monotonic() - started, response)
        if wait is not None:
            reason = f"status {response.status_code}" if response is not None else "a connection failure"
            logger.info(
                "%s %s: retry %d of %d in %.2fs after %s",
                request.method,
                request.url.path,
                retry + 1,
                self.retry_policy.max_retries,
                wait,
                reason,
            )
        return wait


class ImagesApi(_Overlay, GeneratedImagesApi):
    """The Images API. Settings come from the arguments, else the environment (see ``openai_images.config``).

    ``http_client`` is used as given (transports, proxies, limits); it is closed by ``close()``
    and on leaving a ``with`` block. ``validate=False`` skips the checks made before sending;
    ``strict=True`` also refuses models the rules table does not know. ``deadline`` bounds a whole
    call in seconds, retries and waits included.
    """

    def __init__(self, *, http_client: httpx.Client | None = None, **options: Unpack[ClientOptions]) -> None:
        self._configure(options)
        client = Client(base_url=self.settings.base_url)
        client.set_httpx_client(http_client or _httpx().Client(timeout=self.settings.timeout))
        super().__init__(client)

    @property
    def http_client(self) -> httpx.Client:
        return self.client.get_httpx_client()

    def _send(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        self._auth.apply(request)  # directly: an httpx auth flow costs more per call than the whole check
        started = time.monotonic()
        retry = 0
        while True:
            if self.retry_policy.deadline is not None:
                self._attempt_timeout(request, started)
            try:
                response = self.http_client.send(request, stream=stream)
            except retried_errors() as exc:
                wait = self._next_wait(retry, started, request, None)
                if wait is None:
                    raise self._connection_error(exc, request, retry + 1) from exc
            except _httpx().TransportError as exc:
                raise self._connection_error(exc, request, retry + 1) from exc
            else:
                if not self.retry_policy.should_retry(response):
                    return response
                wait = self._next_wait(retry, started, request, response)
                if wait is None:
                    return response
                response.close()
            time.sleep(wait)
            retry += 1

    def close(self) -> None:
        self.http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


class AsyncImagesApi(_Overlay, GeneratedAsyncImagesApi):
    """The Images API for ``await``; see ImagesApi."""

    def __init__(self, *, http_client: httpx.AsyncClient | None = None, **options: Unpack[ClientOptions]) -> None:
        self._configure(options)
        client = Client(base_url=self.settings.base_url)
        client.set_async_httpx_client(http_client or _httpx().AsyncClient(timeout=self.settings.timeout))
        super().__init__(client)

    @property
    def http_client(self) -> httpx.AsyncClient:
        return self.client.get_async_httpx_client()

    async def _send(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        self._auth.apply(request)
        started = time.monotonic()
        retry = 0
        while True:
            if self.retry_policy.deadline is not None:
                self._attempt_timeout(request, started)
            try:
                response = await self.http_client.send(request, stream=stream)
            except retried_errors() as exc:
                wait = self._next_wait(retry, started, request, None)
                if wait is None:
                    raise self._connection_error(exc, request, retry + 1) from exc
            except _httpx().TransportError as exc:
                raise self._connection_error(exc, request, retry + 1) from exc
            else:
                if not self.retry_policy.should_retry(response):
                    return response
                wait = self._next_wait(retry, started, request, response)
                if wait is None:
                    return response
                await response.aclose()
            import anyio  # here, not at the top: only retried calls need it, and it is slow to import

            await anyio.sleep(wait)
            retry += 1

    async def close(self) -> None:
        await self.http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.close()
