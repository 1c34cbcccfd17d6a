"""openai-images: a spec-first client for the OpenAI Images API, with its mock server and contract suite.

``ImagesApi``/``AsyncImagesApi`` call the API; ``save_images`` writes the answer's images to disk;
``validate_request``/``check_request`` apply the spec and the per-model rules without sending.
"""

from openai_images._version import __version__
from openai_images.client import AsyncImagesApi, ImagesApi
from openai_images.config import InsecureTransportWarning, MissingCredentialsError
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
    UnprocessableEntityError,
    ValidationError,
)
from openai_images.files import SaveError, image_bytes, save_images


def __getattr__(name: str) -> object:
    # The validator (the spec, the rules table, the schema checker) loads on first use.
    if name in ("check_request", "validate_request"):
        from openai_images import validation

        return getattr(validation, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "SaveError",
    "UnprocessableEntityError",
    "ValidationError",
    "__version__",
    "check_request",
    "image_bytes",
    "save_images",
    "validate_request",
]
