"""When to try a request again, and how long to wait first: one policy for sync and async.

Retried: connection failures and timeouts, and the statuses 408, 409, 429 and 5xx, unless the
server says ``x-should-retry: false`` (or asks for a retry of another error with ``true``; a success
is never retried). The wait honours
``retry-after-ms`` and ``Retry-After`` (seconds or an HTTP date); otherwise it backs off
exponentially with jitter. An optional deadline bounds the whole call, waits included.
"""

from __future__ import annotations

import functools
import random
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

RETRIED_STATUSES = frozenset({408, 409, 429})


def is_retried_status(status_code: int) -> bool:
    return status_code in RETRIED_STATUSES or status_code >= 500


def server_wait(response: httpx.Response, now: float | None = None) -> float | None:
    """Seconds the server asks us to wait (``retry-after-ms``, then ``Retry-After``), if it says."""
    milliseconds = response.headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return float(milliseconds) / 1000
        except ValueError:
            pass
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 2
    base_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    """Up to this fraction is taken off each computed backoff, so that clients spread out."""
    max_server_wait: float = 60.0
    """A longer Retry-After is not waited for: the call fails now rather than hang."""
    deadline: float | None = None
    """Seconds for the whole call, every attempt and wait included; None for no overall limit."""
    rng: random.Random = field(default_factory=random.Random, repr=False, compare=False)

    def should_retry(self, response: httpx.Response) -> bool:
        if response.status_code < 400:
            return False  # a success is never sent again: the image would be paid for twice
        verdict = response.headers.get("x-should-retry")
        if verdict == "true":
            return True
        if verdict == "false":
            return False
        return is_retried_status(response.status_code)

    def backoff(self, retry: int) -> float:
        delay = min(self.base_delay * 2.0**retry, self.max_delay)
        return float(delay * (1 - self.jitter * self.rng.random()))

    def delay(self, retry: int, elapsed: float, response: httpx.Response | None = None) -> float | None:
        """Seconds to wait before retry number ``retry`` (0 for the first), or None to stop now.

        ``response`` is the retryable answer, or None after a connection failure.
        """
        if retry >= self.max_retries:
            return None
        asked = server_wait(response) if response is not None else None
        if asked is not None and asked > self.max_server_wait:
            return None
        wait = asked if asked is not None else self.backoff(retry)
        if self.deadline is not None and elapsed + wait >= self.deadline:
            return None
        return wait

    def remaining(self, elapsed: float) -> float | None:
        return None if self.deadline is None else self.deadline - elapsed


@functools.cache
def retried_errors() -> tuple[type[Exception], ...]:
    """The transport errors tried again: timeouts, network failures, a connection the server broke."""
    import httpx

    return (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
