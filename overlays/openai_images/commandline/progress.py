"""A status line on stderr: a spinner with elapsed time for one call, a bar for a batch.

It is drawn only on a terminal (a log file or a pipe gets no carriage-return noise) and redrawn
by a background thread, so a blocking call does not freeze it. ``note`` prints a line above it.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Self, TextIO

CLEAR_LINE = "\r\033[K"
_UNICODE_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
_ASCII_FRAMES = "|/-\\"


def _frames(stream: TextIO) -> str:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    return _UNICODE_FRAMES if encoding == "utf8" else _ASCII_FRAMES


class StatusLine:
    """Redraws ``render(elapsed_seconds)`` every ``interval`` while the ``with`` block runs."""

    def __init__(self, stream: TextIO, render: Callable[[float], str], *, enabled: bool, interval: float = 0.1) -> None:
        self.stream = stream
        self.render = render
        self.enabled = enabled
        self.interval = interval
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def _draw(self) -> None:
        width = max(10, shutil.get_terminal_size().columns - 1)
        self.stream.write(CLEAR_LINE + self.render(self.elapsed)[:width])
        self.stream.flush()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            with self._lock:
                self._draw()

    def __enter__(self) -> Self:
        self.started = time.monotonic()
        if self.enabled:
            with self._lock:
                self._draw()
            self._thread = threading.Thread(target=self._run, name="openai-images-status", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.enabled:
            self.stream.write(CLEAR_LINE)
            self.stream.flush()

    def refresh(self) -> None:
        if self.enabled and not self._stop.is_set():
            with self._lock:
                self._draw()

    def note(self, text: str) -> None:
        """Print a line above the status line (or just print it, where there is no status line)."""
        with self._lock:
            if self.enabled:
                self.stream.write(CLEAR_LINE)
            self.stream.write(text + "\n")
            if self.enabled and not self._stop.is_set():
                self._draw()
            self.stream.flush()


class Spinner(StatusLine):
    """``⠹ generating with gpt-image-1 12.3s``"""

    def __init__(self, stream: TextIO, label: str, *, enabled: bool, interval: float = 0.1) -> None:
        self.label = label
        self._frames = _frames(stream)
        self._frame = 0
        super().__init__(stream, self._render, enabled=enabled, interval=interval)

    def _render(self, elapsed: float) -> str:
        self._frame = (self._frame + 1) % len(self._frames)
        return f"{self._frames[self._frame]} {self.label} {elapsed:.1f}s"

    def update(self, label: str) -> None:
        self.label = label
        self.refresh()


class ProgressBar(StatusLine):
    """``[########........] 8/20 done, 1 failed, 3 running, 42s``"""

    def __init__(self, stream: TextIO, total: int, *, enabled: bool, width: int = 24) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.running = 0
        self.width = width
        super().__init__(stream, self._render, enabled=enabled, interval=0.2)

    def _render(self, elapsed: float) -> str:
        finished = self.done + self.failed
        filled = self.width * finished // self.total if self.total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        return f"[{bar}] {self.done}/{self.total} done, {self.failed} failed, {self.running} running, {elapsed:.0f}s"
