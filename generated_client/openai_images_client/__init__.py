"""A client library for accessing OpenAI API"""

from .api.images import AsyncImagesApi, ImagesApi
from .client import AuthenticatedClient, Client

__all__ = (
    "AsyncImagesApi",
    "AuthenticatedClient",
    "Client",
    "ImagesApi",
)
