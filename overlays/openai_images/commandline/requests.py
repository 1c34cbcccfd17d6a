"""One image request as the command line handles it, wherever it comes from.

Command-line arguments, a batch line and a history entry all become an ``ImageRequest``: the
command, the body parameters that were set (nothing else is sent, except the default model), and
the input files with their sha256 hashes. Together with the server they make the key that
``--reuse`` matches on. A request is judged as of a day: the models OpenAI served then.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from openai_images import spec
from openai_images.commandline.options import COMMANDS, Command, default_model, file_fields
from openai_images.errors import Issue, ValidationError
from openai_images.rules import table
from openai_images.validation import check_request, effective_model

_FORMAT_OF_SUFFIX = {".jpg": "jpeg"}
"""File suffixes whose format is named otherwise; any other suffix names its format (``.png``: png)."""


def with_default_model(command: Command, params: Mapping[str, Any], as_of: dt.date) -> dict[str, Any]:
    """``params`` with the default model when they name none."""
    if params.get("model") is not None:
        return dict(params)
    model = default_model(command, as_of)
    return dict(params) if model is None else {**params, "model": model}


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


def takes_output_format(operation_id: str, model: str, content_type: str | None = None) -> bool:
    """Whether a request can choose its format: the operation has ``output_format`` and the model takes it."""
    rules = table().models.get(model)
    has_field = "output_format" in spec.operation(operation_id).properties(content_type)
    return has_field and rules is not None and "output_format" in rules.parameters


def formats_made(operation_id: str, model: str, content_type: str | None = None) -> tuple[str, ...] | None:
    """The image formats ``model`` answers ``operation_id`` in; None for a model the rules table does not know.

    A model that takes ``output_format`` makes the formats its rules list (``ModelRules.output_formats``)
    that the operation's ``output_format`` enum (the spec) offers; any other model makes only what the
    spec names as ``output_format``'s default, which is what a server does when the field is absent.
    """
    rules = table().models.get(model)
    if rules is None:
        return None
    if takes_output_format(operation_id, model, content_type):
        schema = spec.operation(operation_id).properties(content_type)["output_format"]
        offered = {str(value) for value in spec.enum_values(schema) if value is not None}
        return tuple(fmt for fmt in rules.output_formats if fmt in offered)
    defaults = {spec.default_of(other, "output_format") for other in spec.operations()}
    return tuple(sorted(str(value) for value in defaults if value is not None)) or None


def format_of(path: Path) -> str:
    """The image format a file name promises: ``fox.jpg`` -> ``jpeg``."""
    suffix = path.suffix.lower()
    return _FORMAT_OF_SUFFIX.get(suffix, suffix[1:])


def _as_declared(schema: spec.Schema | None, value: Any) -> Any:
    """An object parameter as the generated model class its schema references; anything else as it is."""
    if schema is None or not isinstance(value, dict):
        return value
    for branch in (schema, *schema.get("anyOf", ()), *schema.get("oneOf", ())):
        reference = branch.get("$ref")
        if isinstance(reference, str):
            models = importlib.import_module("openai_images_client.models")
            return getattr(models, reference.rsplit("/", 1)[-1]).from_dict(value)
    return value


@dataclass(frozen=True)
class ImageRequest:
    command: Command
    params: Mapping[str, Any]
    """The body parameters that were set, by their spec names; files excluded, prompt included."""
    as_of: dt.date
    """The day the request is judged on (``--as-of``, else today): which models OpenAI served."""
    inputs: tuple[InputFile, ...] = ()

    @classmethod
    def build(
        cls,
        command_name: str,
        params: Mapping[str, Any],
        files: Mapping[str, Sequence[str | Path]],
        as_of: dt.date,
    ) -> Self:
        """The request with the default model when it names none; the input files are read, and every
        unreadable one is reported at once."""
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
        command = COMMANDS[command_name]
        return cls(command, with_default_model(command, params, as_of), as_of, tuple(inputs))

    @property
    def operation_id(self) -> str:
        return self.command.operation_id

    @property
    def model(self) -> str | None:
        """The model the request runs on: the one asked for, or the operation's default on its day."""
        return effective_model(self.operation_id, self.params, self.command.content_type, as_of=self.as_of)

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
        """Keyword arguments for the ImagesApi method: the parameters (an object as the generated class
        its schema names, as the method declares it), and the files as (name, bytes)."""
        properties = self.command.operation.properties(self.command.content_type)
        params = {name: _as_declared(properties.get(name), value) for name, value in self.params.items()}
        return {**params, **self._files(as_tuples=True)}

    def issues(self, refuse_retired: bool) -> list[Issue]:
        """Every problem the spec and the rules table find on the request's day, before anything is sent;
        with ``refuse_retired`` (where OpenAI answers), a model or operation OpenAI had retired is one."""
        body = {**self.params, **self._files(as_tuples=False)}
        return check_request(
            self.operation_id,
            body,
            content_type=self.command.content_type,
            as_of=self.as_of,
            lifecycle=refuse_retired,
        )

    def for_output(self, file: Path | None) -> ImageRequest:
        """The request for images saved as ``file`` (``-o NAME.EXT``): without ``output_format`` it asks
        for the extension's format; refused when ``output_format`` or the model cannot give that format."""
        if file is None:
            return self
        wanted = format_of(file)
        asked = self.params.get("output_format")
        if asked is not None:
            if asked == wanted:
                return self
            message = f"names a {wanted} file, but --output-format asks for {asked}"
            allowed = f"a .{'jpg' if asked == 'jpeg' else asked} name, or no --output-format"
            raise ValidationError([Issue("--output", message, file.name, allowed=allowed)], self.operation_id)
        model, content_type = self.model, self.command.content_type
        made = formats_made(self.operation_id, model, content_type) if model is not None else None
        if model is None or made is None:
            return self  # a model the table does not know: the answer decides (a mismatch warns)
        if wanted not in made:
            message = f"names a {wanted} file, which this model does not make"
            raise ValidationError([Issue("--output", message, file.name, model, ", ".join(made))], self.operation_id)
        default = spec.default_of(self.operation_id, "output_format", content_type)
        if wanted == default or not takes_output_format(self.operation_id, model, content_type):
            return self
        return dataclasses.replace(self, params={**self.params, "output_format": wanted})

    def validate(self, refuse_retired: bool) -> None:
        issues = self.issues(refuse_retired)
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
