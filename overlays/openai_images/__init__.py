"""openai-images: a spec-first client for the OpenAI Images API, with its mock server and contract suite.

``ImagesApi``/``AsyncImagesApi`` call the API; ``save_images`` writes the answer's images to disk;
``validate_request``/``check_request`` apply the spec and the per-model rules without sending.
"""

from importlib.metadata import PackageNotFoundError, version

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
from openai_images.validation import check_request, validate_request

try:
    __version__ = version("openai-images")
except PackageNotFoundError:  # a source tree that was not installed
    __version__ = "0+unknown"

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
