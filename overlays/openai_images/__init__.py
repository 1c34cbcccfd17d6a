"""openai-images: the hand-written overlay on the generated OpenAI Images client."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("openai-images")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
