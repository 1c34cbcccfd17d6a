"""openai-images: a spec-first client for the OpenAI Images API, with its mock server and contract suite.

``ImagesApi``/``AsyncImagesApi`` call the API; ``save_images`` writes the answer's images to disk;
``validate_request``/``check_request`` apply the spec and the per-model rules without sending.
"""

from typing import TYPE_CHECKING

from openai_images._version import __version__

if TYPE_CHECKING:
    from openai_images.client import AsyncImagesApi, ImagesApi
    from openai_images.config import InsecureTransportWarning, MissingCredentialsError, SettingsError
    from openai_images.errors import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APIStreamError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InternalServerError,
        Issue,
        NotFoundError,
        OpenAIImagesError,
        PermissionDeniedError,
        RateLimitError,
        RetiredModelWarning,
        UnprocessableEntityError,
        ValidationError,
    )
    from openai_images.files import SaveError, image_bytes, save_images
    from openai_images.validation import check_request, validate_request

# Each name loads its module on first use (PEP 562): ``openai_images.mock`` or the command line's
# ``--help`` do not pay for the client, nor the client for the validator until its first call.
_HOMES = {
    "AsyncImagesApi": "client",
    "ImagesApi": "client",
    "InsecureTransportWarning": "config",
    "MissingCredentialsError": "config",
    "SettingsError": "config",
    "SaveError": "files",
    "image_bytes": "files",
    "save_images": "files",
    "check_request": "validation",
    "validate_request": "validation",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name, "errors")
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"openai_images.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APIStreamError",
    "APITimeoutError",
    "AsyncImagesApi",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ImagesApi",
    "InsecureTransportWarning",
    "InternalServerError",
    "Issue",
    "MissingCredentialsError",
    "NotFoundError",
    "OpenAIImagesError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetiredModelWarning",
    "SaveError",
    "SettingsError",
    "UnprocessableEntityError",
    "ValidationError",
    "__version__",
    "check_request",
    "image_bytes",
    "save_images",
    "validate_request",
]
