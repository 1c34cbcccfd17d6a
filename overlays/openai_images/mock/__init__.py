"""The mock Images server: a real, spec-driven, model-aware implementation of the Images API.

``create_app()`` is the ASGI app; ``openai-images mock`` (``openai_images.mock.server``) serves it
with uvicorn; ``openai_images.mock.embedded`` puts it in-process behind an ImagesApi.
"""

from openai_images.mock.app import create_app
from openai_images.mock.bodies import Limits
from openai_images.mock.faults import FaultPlan

__all__ = ["FaultPlan", "Limits", "create_app"]
