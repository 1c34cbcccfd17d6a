"""What the command line prints, where, and with which exit code.

stdout carries results only: the saved paths, last, or with ``--json`` one JSON document and
nothing else. Progress, notes, warnings, errors and ``-v`` logs go to stderr. Every line written,
and every log record, has the API key (if one is known) replaced by ``<redacted>``.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from openai_images.errors import APIConnectionError, APIError, APIStatusError, ValidationError, shown_url

PROGRAM = "openai-images"
REDACTED = "<redacted>"
KEY_VARIABLES = ("OPENAI_API_KEY", "AZURE_OPENAI_API_KEY")
MIN_SECRET_LENGTH = 8
"""Shorter values are not searched for: redacting every "x" in the output would hide nothing."""

SUCCESS = 0
FAILED = 1
INVALID = 2
API_ERROR = 3
CONNECTION_ERROR = 4
INTERRUPTED = 130


class CommandError(Exception):
    """A failure the command explains itself (a missing history entry, an unreadable batch file...)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def known_secrets(api_key: str | None) -> list[str]:
    candidates = [api_key, *(os.environ.get(name) for name in KEY_VARIABLES)]
    return [value for value in candidates if value and len(value) >= MIN_SECRET_LENGTH]


class Redactor:
    def __init__(self, secrets: Iterable[str]) -> None:
        self.secrets = sorted(set(secrets), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text


class RedactingFilter(logging.Filter):
    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        return True


def configure_logging(verbose: bool, quiet: bool, redact: Redactor, stream: TextIO) -> None:
    """``-v``: everything at DEBUG (ours, httpx's) on stderr; otherwise warnings, ``-q`` errors only."""
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(redact))
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING)


class Console:
    def __init__(
        self,
        *,
        json_mode: bool = False,
        quiet: bool = False,
        secrets: Sequence[str] = (),
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        self.json_mode = json_mode
        self.quiet = quiet
        self.redact = Redactor(secrets)
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    @property
    def live(self) -> bool:
        """Whether to draw spinners and bars: a terminal, and not ``-q``."""
        return not self.quiet and self.stderr.isatty()

    def _err(self, text: str) -> None:
        self.stderr.write(self.redact(text) + "\n")
        self.stderr.flush()

    def info(self, text: str) -> None:
        """A note for people (stderr), silenced by ``-q``."""
        if not self.quiet:
            self._err(text)

    def say(self, text: str) -> None:
        """A note for people (stderr) that the user asked for, so ``-q`` does not silence it."""
        self._err(text)

    def warn(self, text: str) -> None:
        self._err(f"{PROGRAM}: warning: {text}")

    def error(self, text: str) -> None:
        self._err(f"{PROGRAM}: {text}")

    def result(self, document: dict[str, Any], lines: Sequence[str] = ()) -> None:
        """The outcome on stdout: the JSON document with ``--json``, else ``lines`` (saved paths last)."""
        if self.json_mode:
            text = json.dumps(document, indent=2, ensure_ascii=False, default=str)
            self.stdout.write(self.redact(text) + "\n")
        else:
            for line in lines:
                self.stdout.write(self.redact(line) + "\n")
        self.stdout.flush()

    def text(self, text: str) -> None:
        """Plain output on stdout for commands whose result is text (a dry run, history)."""
        self.stdout.write(self.redact(text) + "\n")
        self.stdout.flush()

    @contextmanager
    def warnings_as_lines(self) -> Iterator[None]:
        """Python warnings (the plain-http key warning...) as one ``warning:`` line each, each said once."""
        said: set[str] = set()

        def show(message: Warning | str, *args: Any, **kwargs: Any) -> None:
            if str(message) not in said:
                said.add(str(message))
                self.warn(str(message))

        with warnings.catch_warnings():
            warnings.showwarning = show
            yield

    def fail(self, exc: BaseException) -> int:
        """Report an error the way its kind deserves and return the exit code."""
        code, document, lines = describe_error(exc)
        for line in lines:
            self._err(line)
        if self.json_mode:
            self.result({"ok": False, "exit_code": code, "error": document})
        return code


def _issue_lines(error: ValidationError) -> list[str]:
    return [f"  - {issue}" for issue in error.issues]


def api_error_document(exc: APIStatusError) -> dict[str, Any]:
    error = getattr(exc.body, "error", None)
    message = getattr(error, "message", None) if error is not None else None
    return {
        "kind": "api",
        "status": exc.status_code,
        "type": exc.type,
        "code": exc.code,
        "param": exc.param,
        "message": message if isinstance(message, str) else exc.message,
        "request_id": exc.request_id,
        "url": shown_url(exc.request) if exc.request is not None else None,
        "hint": exc.hint,
    }


_OPTIONS = {"base_url": "--base-url", "max_retries": "--max-retries"}
"""The command line's names for the client's settings, for messages about them."""


def describe_error(exc: BaseException) -> tuple[int, dict[str, Any], list[str]]:
    """(exit code, JSON error document, lines for stderr) for an exception."""
    from openai_images.commandline.clients import MockUnavailableError
    from openai_images.commandline.outputs import (
        DownloadFailedError,
        OutputExistsError,
        OutputUnwritableError,
        UnsavedImagesError,
    )
    from openai_images.config import MissingCredentialsError, SettingsError
    from openai_images.files import SaveError

    if isinstance(exc, ValidationError):
        count = len(exc.issues)
        head = f"{PROGRAM}: the request is not valid ({count} problem{'s' if count != 1 else ''}); nothing was sent:"
        document = {"kind": "validation", "issues": [issue.as_dict() for issue in exc.issues]}
        return INVALID, document, [head, *_issue_lines(exc)]
    if isinstance(exc, MissingCredentialsError):
        message = str(exc)
        if message.startswith("no API key"):
            variable = "AZURE_OPENAI_API_KEY" if "AZURE" in message else "OPENAI_API_KEY"
            message = f"no API key: set {variable} or pass --api-key (or try the embedded mock: --mock)"
        return INVALID, {"kind": "credentials", "message": message}, [f"{PROGRAM}: {message}"]
    if isinstance(exc, SettingsError):
        option = _OPTIONS.get(exc.setting)
        message = str(exc) if option is None else option + str(exc).removeprefix(exc.setting)
        return INVALID, {"kind": "settings", "message": message}, [f"{PROGRAM}: {message}"]
    if isinstance(exc, APIStatusError):
        document = api_error_document(exc)
        details = ", ".join(
            f"{name} {document[name]}" for name in ("type", "code", "param") if document[name] is not None
        )
        lines = [
            f"{PROGRAM}: the API answered {exc.status_code}" + (f" ({details})" if details else "") + ":",
            f"  {document['message']}",
            f"  request id: {exc.request_id or 'none given'}",
        ]
        lines += [f"  {name}: {document[name]}" for name in ("url", "hint") if document[name]]
        return API_ERROR, document, lines
    if isinstance(exc, APIConnectionError):
        message = f"could not reach the API: {exc.message.removeprefix('Connection error: ')}"
        return CONNECTION_ERROR, {"kind": "connection", "message": message}, [f"{PROGRAM}: {message}"]
    if isinstance(exc, APIError):
        return API_ERROR, {"kind": "api", "message": exc.message}, [f"{PROGRAM}: {exc.message}"]
    if isinstance(exc, DownloadFailedError):
        # The answer was fine; fetching an image it pointed at was not: one line says which and why.
        cause = exc.error
        code = CONNECTION_ERROR if isinstance(cause, APIConnectionError) else API_ERROR
        return code, {"kind": "download", "message": cause.message}, [f"{PROGRAM}: {cause.message}"]
    if isinstance(exc, UnsavedImagesError):
        kept = [str(path) for path in exc.kept]
        return FAILED, {"kind": "save", "message": str(exc), "kept": kept}, [f"{PROGRAM}: {exc}"]
    if isinstance(exc, OutputUnwritableError):
        return FAILED, {"kind": "output", "message": str(exc), "path": str(exc.where)}, [f"{PROGRAM}: {exc}"]
    if isinstance(exc, OutputExistsError):
        document = {"kind": "output_exists", "message": str(exc), "paths": [str(path) for path in exc.paths]}
        return FAILED, document, [f"{PROGRAM}: {exc}"]
    if isinstance(exc, CommandError):
        return exc.code, {"kind": "failed", "message": str(exc)}, [f"{PROGRAM}: {exc}"]
    if isinstance(exc, (SaveError, MockUnavailableError, OSError)):
        kind = "save" if isinstance(exc, SaveError) else "failed"
        return FAILED, {"kind": kind, "message": str(exc)}, [f"{PROGRAM}: {exc}"]
    raise exc
