"""Where the client's settings come from: explicit arguments first, then the environment.

The variables are the official SDK's: ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``OPENAI_ORG_ID``,
``OPENAI_PROJECT_ID``; for Azure OpenAI ``AZURE_OPENAI_API_KEY``, ``AZURE_OPENAI_ENDPOINT`` and
``OPENAI_API_VERSION``. A key is held in a ``Secret``, which never shows itself in ``repr``/``str``.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict, Unpack
from urllib.parse import urlsplit

from openai_images.errors import OpenAIImagesError

if TYPE_CHECKING:
    import httpx

    DEFAULT_TIMEOUT: httpx.Timeout
    """Images take tens of seconds: a generous read timeout (600 s), a short connect timeout (5 s)."""

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MAX_RETRIES = 2


def __getattr__(name: str) -> object:
    # DEFAULT_TIMEOUT is an httpx.Timeout, made on first use: importing the settings (and so the
    # client's module) does not load httpx; making a client does.
    if name == "DEFAULT_TIMEOUT":
        return _default_timeout()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _default_timeout() -> httpx.Timeout:
    import httpx

    return httpx.Timeout(600.0, connect=5.0)


class MissingCredentialsError(OpenAIImagesError):
    """No API key was given or found in the environment."""


class SettingsError(OpenAIImagesError, ValueError):
    """A setting has a value the client cannot use (a base URL that is not http(s), negative ``max_retries``)."""

    def __init__(self, setting: str, message: str) -> None:
        super().__init__(message)
        self.setting = setting
        """Where the value came from: the argument's name (``base_url``) or the environment variable's."""


class InsecureTransportWarning(UserWarning):
    """An API key would travel over plain http to a host that is not this machine."""


class Secret:
    """A credential: its value is reachable through ``reveal()`` only, never ``repr`` or ``str``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('<redacted>')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a Secret is not pickled")


@dataclass(frozen=True)
class Azure:
    """Azure OpenAI: requests go to ``{endpoint}/openai/deployments/{deployment}/...?api-version=``."""

    endpoint: str
    api_version: str
    deployment: str | None = None
    """The deployment for every call; when None, each call's ``model`` names the deployment."""


@dataclass(frozen=True)
class Settings:
    api_key: Secret = field(repr=False)
    base_url: str
    organization: str | None = None
    project: str | None = None
    timeout: httpx.Timeout = field(default_factory=_default_timeout)
    max_retries: int = DEFAULT_MAX_RETRIES
    azure: Azure | None = None
    default_headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def auth_header(self) -> str:
        return "api-key" if self.azure else "Authorization"

    def headers(self) -> dict[str, str]:
        """Headers every request carries (the credential is added per request by ``openai_images.auth``)."""
        headers = {"User-Agent": user_agent()}
        if self.organization:
            headers["OpenAI-Organization"] = self.organization
        if self.project:
            headers["OpenAI-Project"] = self.project
        headers.update(self.default_headers)
        return headers


def user_agent() -> str:
    import httpx

    from openai_images._version import __version__

    return f"openai-images/{__version__} httpx/{httpx.__version__}"


def _timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    import httpx

    if value is None:
        return _default_timeout()
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value, connect=min(value, 5.0))


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _callers_stacklevel() -> int:
    """The ``stacklevel`` that attributes a warning to the first line outside this package: the caller's."""
    level, frame = 1, sys._getframe(1)  # stacklevel 1: the function that calls warnings.warn
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        level, frame = level + 1, frame.f_back
    return level


def warn_if_insecure(base_url: str) -> None:
    """Warn when a key would be sent over plain http to a host that is not this machine."""
    parts = urlsplit(base_url)
    if parts.scheme == "http" and not _is_loopback(parts.hostname or ""):
        warnings.warn(
            f"the API key would be sent unencrypted to {parts.hostname} (base_url uses http://); use https://",
            InsecureTransportWarning,
            stacklevel=_callers_stacklevel(),
        )


def check_base_url(url: str, setting: str) -> None:
    """Refuse a base URL that is not ``http(s)://host...`` before anything is sent (``setting``: where it came from)."""
    try:
        parts = urlsplit(url)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        usable = False
    if not usable:
        raise SettingsError(
            setting,
            f"{setting} {url!r} is not an http:// or https:// URL;"
            f" a base URL looks like {DEFAULT_BASE_URL} or http://127.0.0.1:8080/v1",
        )


_VERSION_SEGMENT = re.compile(r"v[0-9]+\w*")


def missing_version_hint(base_url: str) -> str | None:
    """For a 404: when the base URL has no version segment (``/v1``), the URL that was probably meant."""
    segments = urlsplit(base_url).path.split("/")
    if any(_VERSION_SEGMENT.fullmatch(segment) for segment in segments):
        return None
    return f"the base URL has no version; did you mean {base_url.rstrip('/')}/v1?"


class SettingsOptions(TypedDict, total=False):
    """Where to send requests and how: each given one wins over its environment variable."""

    api_key: str | None
    base_url: str | None
    organization: str | None
    project: str | None
    timeout: float | httpx.Timeout | None
    max_retries: int | None
    azure_endpoint: str | None
    azure_deployment: str | None
    api_version: str | None
    default_headers: Mapping[str, str] | None


def resolve(*, environ: Mapping[str, str] | None = None, **options: Unpack[SettingsOptions]) -> Settings:
    """Settings from explicit arguments, falling back to environment variables, then defaults."""
    env = os.environ if environ is None else environ
    api_key, base_url = options.get("api_key"), options.get("base_url")
    timeout, max_retries = options.get("timeout"), options.get("max_retries")
    endpoint = options.get("azure_endpoint")
    if endpoint is None and not (api_key or base_url or env.get("OPENAI_API_KEY") or env.get("OPENAI_BASE_URL")):
        endpoint = env.get("AZURE_OPENAI_ENDPOINT") or None
    azure = None
    if endpoint:
        version = options.get("api_version") or env.get("OPENAI_API_VERSION")
        if not version:
            raise MissingCredentialsError(
                "Azure OpenAI needs an API version: pass api_version= or set OPENAI_API_VERSION"
            )
        azure = Azure(endpoint.rstrip("/"), version, options.get("azure_deployment"))
        key = api_key or env.get("AZURE_OPENAI_API_KEY")
        key_source = "AZURE_OPENAI_API_KEY"
        url = base_url or f"{azure.endpoint}/openai"
        url_source = (
            "base_url" if base_url else "azure_endpoint" if options.get("azure_endpoint") else "AZURE_OPENAI_ENDPOINT"
        )
        check_base_url(base_url or azure.endpoint, url_source)
    else:
        key = api_key or env.get("OPENAI_API_KEY")
        key_source = "OPENAI_API_KEY"
        url = base_url or env.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL
        check_base_url(url, "base_url" if base_url else "OPENAI_BASE_URL")
    if not key:
        raise MissingCredentialsError(
            f"no API key: pass api_key= or set the {key_source} environment variable"
            " (or use the embedded mock: openai_images.mock)"
        )
    if max_retries is not None and max_retries < 0:
        raise SettingsError("max_retries", f"max_retries must be 0 or more, not {max_retries}")
    warn_if_insecure(url)
    return Settings(
        api_key=Secret(key),
        base_url=url.rstrip("/"),
        organization=options.get("organization") or env.get("OPENAI_ORG_ID") or None,
        project=options.get("project") or env.get("OPENAI_PROJECT_ID") or None,
        timeout=_timeout(timeout),
        max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
        azure=azure,
        default_headers=dict(options.get("default_headers") or {}),
    )
