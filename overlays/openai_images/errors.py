"""The exceptions of openai_images, named as users know them from the official SDK.

``OpenAIImagesError`` is the root. ``ValidationError`` is raised before anything is sent;
``APIError`` and its subclasses describe what the server (or the network) did.
"""

from __future__ import annotations

import reprlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx
    from openai_images_client.models import ErrorResponse

_short = reprlib.Repr()
_short.maxstring = 80
_short.maxother = 80


class OpenAIImagesError(Exception):
    """Base of every exception this package raises on purpose."""


@dataclass(frozen=True)
class Issue:
    """One problem with a request: which parameter, for which model, what value, what is allowed."""

    param: str
    message: str
    value: Any = field(default=None, compare=False)
    model: str | None = None
    allowed: str | None = None
    code: str = "invalid_value"
    """A machine-readable kind, as a server puts it in ``error.code`` (``unknown_parameter``...)."""

    def __str__(self) -> str:
        text = f"{self.param}: {self.message}"
        if self.value is not None:
            text += f" (got {_short.repr(self.value)})"
        if self.model:
            text += f" [model {self.model}]"
        if self.allowed:
            text += f"; allowed: {self.allowed}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "param": self.param,
            "message": self.message,
            "value": self.value if isinstance(self.value, (str, int, float, bool, type(None))) else repr(self.value),
            "allowed": self.allowed,
            "model": self.model,
            "code": self.code,
        }


class RetiredModelWarning(UserWarning):
    """A request names a model (or operation) OpenAI has retired, and goes to a server that is not
    OpenAI's (a gateway may still serve it): it is sent, with this warning, once per model per client."""


class ValidationError(OpenAIImagesError, ValueError):
    """The request breaks the spec or the model's rules; nothing was sent. ``issues`` lists every problem."""

    def __init__(self, issues: Sequence[Issue], operation_id: str | None = None) -> None:
        self.issues = list(issues)
        self.operation_id = operation_id
        where = f" for {operation_id}" if operation_id else ""
        lines = "\n".join(f"  - {issue}" for issue in self.issues)
        count = len(self.issues)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} with the request{where}:\n{lines}")


class APIError(OpenAIImagesError):
    """The API could not be used: the server refused or failed, or could not be reached."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, body: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before an answer arrived."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """No answer within the timeout."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(APIError):
    """A successful answer that does not parse as the spec's response."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any = None) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStreamError(APIError):
    """The event stream reported an error, or sent an event that does not parse."""


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: ErrorResponse | None) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id: str | None = response.headers.get("x-request-id")
        error = body.error if body is not None else None
        self.type: str | None = getattr(error, "type_", None)
        self.param: str | None = getattr(error, "param", None)
        self.code: str | None = getattr(error, "code", None)
        self.hint: str | None = None
        """What probably went wrong on our side, when it can be told (a base URL without ``/v1``)."""


class BadRequestError(APIStatusError):
    status_code = 400


class AuthenticationError(APIStatusError):
    status_code = 401


class PermissionDeniedError(APIStatusError):
    status_code = 403


class NotFoundError(APIStatusError):
    status_code = 404


class ConflictError(APIStatusError):
    status_code = 409


class UnprocessableEntityError(APIStatusError):
    status_code = 422


class RateLimitError(APIStatusError):
    status_code = 429


class InternalServerError(APIStatusError):
    """Any 5xx answer."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The exception class for an error status: ``NotFoundError`` for 404, ``InternalServerError`` for 5xx..."""
    return InternalServerError if status >= 500 else _BY_STATUS.get(status, APIStatusError)


def shown_url(request: httpx.Request) -> str:
    """``METHOD URL`` of a request, as it may be shown (no user or password)."""
    return f"{request.method} {request.url.copy_with(username=None, password=None)}"


def status_error(response: httpx.Response, body: ErrorResponse | None, hint: str | None = None) -> APIStatusError:
    """The exception for a non-2xx answer, with the server's message, type, param, code and request id.

    A ``hint`` (what probably went wrong on the caller's side) ends the message, after the request it is about.
    """
    status = response.status_code
    cls = status_error_class(status)
    error = body.error if body is not None else None
    if error is not None:
        details = [f"{error.type_}: {error.message}"]
        details += [f"{name}: {value}" for name, value in (("param", error.param), ("code", error.code)) if value]
        detail = ", ".join(details)
    else:
        detail = _short.repr(response.text) if response.text else "no body"
    request_id = response.headers.get("x-request-id")
    suffix = f" (request id {request_id})" if request_id else ""
    if hint:
        suffix += f"; {shown_url(response.request)}: {hint}"
    exception = cls(f"Error code: {status} - {detail}{suffix}", response=response, body=body)
    exception.hint = hint
    return exception
