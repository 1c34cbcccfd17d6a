"""One image request as the command line handles it, wherever it comes from.

Command-line arguments, a batch line and a history entry all become an ``ImageRequest``: the
command, the body parameters that were set (nothing else is sent), and the input files with their
sha256 hashes. Together with the server they make the key that ``--reuse`` matches on.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from openai_images.commandline.options import COMMANDS, Command, file_fields
from openai_images.errors import Issue, ValidationError
from openai_images.validation import check_request, effective_model


@dataclass(frozen=True)
class InputFile:
    """An input image, read once: its bytes are sent and hashed."""

    param: str
    path: Path
    data: bytes = field(repr=False)
    sha256: str

    @classmethod
    def read(cls, param: str, path: str | Path) -> InputFile:
        location = Path(path).expanduser().resolve()
        try:
            data = location.read_bytes()
        except OSError as exc:
            raise ValidationError([Issue(param, f"cannot be read: {exc.strerror or exc}", str(path))]) from None
        return cls(param, location, data, hashlib.sha256(data).hexdigest())

    def describe(self) -> dict[str, str]:
        return {"param": self.param, "path": str(self.path), "sha256": self.sha256}


def slug(text: str, limit: int = 48) -> str:
    """A file-name-safe summary of a prompt: lowercase ASCII words joined by ``-``, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    chosen = ""
    for word in words:
        candidate = f"{chosen}-{word}" if chosen else word
        if len(candidate) > limit:
            break
        chosen = candidate
    return chosen or (words[0][:limit] if words else "image")


@dataclass(frozen=True)
class ImageRequest:
    command: Command
    params: Mapping[str, Any]
    """The body parameters that were set, by their spec names; files excluded, prompt included."""
    inputs: tuple[InputFile, ...] = ()

    @classmethod
    def build(cls, command_name: str, params: Mapping[str, Any], files: Mapping[str, Sequence[str | Path]]) -> Self:
        """Read the input files; every unreadable one is reported at once."""
        issues: list[Issue] = []
        inputs: list[InputFile] = []
        for param, paths in files.items():
            for path in paths:
                try:
                    inputs.append(InputFile.read(param, path))
                except ValidationError as exc:
                    issues += exc.issues
        if issues:
            raise ValidationError(issues, COMMANDS[command_name].operation_id)
        return cls(COMMANDS[command_name], dict(params), tuple(inputs))

    @property
    def operation_id(self) -> str:
        return self.command.operation_id

    @property
    def model(self) -> str | None:
        """The model the request runs on: the one asked for, or the operation's default."""
        return effective_model(self.operation_id, self.params, self.command.content_type)

    @property
    def prompt(self) -> str | None:
        prompt = self.params.get("prompt")
        return prompt if isinstance(prompt, str) else None

    @property
    def streams(self) -> bool:
        return self.params.get("stream") is True

    @property
    def image_count(self) -> int:
        """How many final images the answer should hold."""
        n = self.params.get("n")
        return 1 if self.streams or not isinstance(n, int) or n < 1 else n

    def _files(self, as_tuples: bool) -> dict[str, Any]:
        files: dict[str, Any] = {}
        for spec_field in file_fields(self.command.name):
            chosen = [item for item in self.inputs if item.param == spec_field.name]
            values: list[Any] = [(item.path.name, item.data) if as_tuples else item.data for item in chosen]
            if values:
                # One image goes out as `image`, several as repeated `image[]` parts.
                files[spec_field.name] = values if spec_field.many and len(values) > 1 else values[0]
        return files

    def call_arguments(self) -> dict[str, Any]:
        """Keyword arguments for the ImagesApi method: the parameters, and the files as (name, bytes)."""
        return {**self.params, **self._files(as_tuples=True)}

    def issues(self) -> list[Issue]:
        """Every problem the spec and the rules table find, before anything is sent."""
        body = {**self.params, **self._files(as_tuples=False)}
        return check_request(self.operation_id, body, content_type=self.command.content_type)

    def validate(self) -> None:
        issues = self.issues()
        if issues:
            raise ValidationError(issues, self.operation_id)

    def key(self, server: str) -> str:
        """What makes two requests the same: operation, parameters, input hashes, and the server."""
        document = {
            "operation": self.operation_id,
            "params": dict(self.params),
            "inputs": [[item.param, item.sha256] for item in self.inputs],
            "server": server,
        }
        return hashlib.sha256(json.dumps(document, sort_keys=True, separators=(",", ":")).encode()).hexdigest()

    def file_prefix(self) -> str:
        """The name images are saved under: the prompt's slug, or the first input's name for variations."""
        if self.prompt:
            return slug(self.prompt)
        if self.inputs:
            return f"{slug(self.inputs[0].path.stem)}-variation"
        return "image"

    def describe_inputs(self) -> list[dict[str, str]]:
        return [item.describe() for item in self.inputs]
