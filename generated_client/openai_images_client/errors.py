"""Contains shared errors types that can be raised from API functions"""

from typing import Any


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class StreamError(Exception):
    """An event stream reported an error, or could not be read as the spec's events."""

    def __init__(self, message: str, payload: Any = None):
        self.payload = payload
        super().__init__(message)


class InvalidResponse(Exception):
    """A successful answer whose body does not parse as the spec's response."""

    def __init__(self, status_code: int, content: bytes, reason: str):
        self.status_code = status_code
        self.content = content
        super().__init__(f"The {status_code} answer does not match the spec: {reason}")


__all__ = ["InvalidResponse", "StreamError", "UnexpectedStatus"]
