"""Command-line options read from the spec's request bodies and the rules table, never retyped.

Each body property of a command's operation becomes one ``--kebab-case`` option: its type from
the schema, ``choices`` from a strict enum, its help from the description's first sentence plus
what the rules table says per model (sizes, qualities, limits, which models take it). File fields
become the command's positional images and ``--mask``-style options. A field added to the spec
is an option at once; an option the user does not give is not sent.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openai_images import spec
from openai_images.rules import ModelRules, table


@dataclass(frozen=True)
class Command:
    """An image command and the operation (and body type) it calls."""

    name: str
    operation_id: str
    content_type: str
    verb: str
    """What the spinner says while waiting."""
    summary: str
    prompt_positional: bool
    """``generate PROMPT``; otherwise the prompt, if the body has one, is ``--prompt``."""

    @property
    def operation(self) -> spec.Operation:
        return spec.operation(self.operation_id)

    @property
    def method(self) -> str:
        """The ImagesApi method: the operation id in snake case (the multipart body is the default one)."""
        return re.sub(r"(?<!^)(?=[A-Z])", "_", self.operation_id).lower()


COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command("generate", "createImage", spec.JSON, "generating", "create images from a prompt", True),
        Command(
            "edit",
            "createImageEdit",
            spec.MULTIPART,
            "editing",
            "edit or extend images, guided by a prompt and an optional mask",
            False,
        ),
        Command(
            "vary", "createImageVariation", spec.MULTIPART, "making variations", "make variations of an image", False
        ),
    )
}

SIMPLE_KINDS = ("integer", "number", "boolean", "string")


@dataclass(frozen=True)
class BodyField:
    """One property of a request body, as the command line offers it."""

    name: str
    kind: str
    """``integer``, ``number``, ``boolean``, ``string``, ``file``, or ``json`` for anything else."""
    many: bool
    """A file field that takes several files."""
    choices: tuple[Any, ...] | None
    required: bool
    help: str

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def dest(self) -> str:
        # Prefixed, so that a spec field can never clobber one of the command line's own settings.
        return "body_" + self.name


# --- reading schemas ---------------------------------------------------------------------------------------


def _alternatives(schema: spec.Schema) -> list[spec.Schema]:
    """The schema's leaves: anyOf/oneOf flattened, references resolved."""
    schema = spec.resolve(schema)
    branches = [*schema.get("anyOf", ()), *schema.get("oneOf", ())]
    if not branches:
        return [schema]
    return [leaf for branch in branches for leaf in _alternatives(branch)]


def _is_null(schema: spec.Schema) -> bool:
    return schema.get("type") == "null" or (schema.get("enum") == [None])


def _is_file(schema: spec.Schema) -> bool:
    if schema.get("format") == "binary":
        return True
    return schema.get("type") == "array" and _is_file(spec.resolve(schema.get("items", {})))


def _type_of(schema: spec.Schema) -> str | None:
    declared = schema.get("type")
    if isinstance(declared, str):
        return declared
    values = [value for value in schema.get("enum", ()) if value is not None]
    kinds = {type(value) for value in values}
    if kinds == {str}:
        return "string"
    if kinds == {int}:
        return "integer"
    return None


def _strict_choices(leaves: Sequence[spec.Schema]) -> tuple[Any, ...] | None:
    """The values of an enum that admits nothing else; None when any free-form branch is allowed."""
    values: list[Any] = []
    for leaf in leaves:
        if "enum" not in leaf and "const" not in leaf:
            return None
        for value in spec.enum_values(leaf):
            if value is not None and value not in values:
                values.append(value)
    return tuple(values) or None


def _first(leaves: Sequence[spec.Schema], schema: spec.Schema, key: str) -> Any:
    if key in schema:
        return schema[key]
    return next((leaf[key] for leaf in leaves if key in leaf), None)


_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z`\[])")


def first_sentence(text: str) -> str:
    """The first sentence of a spec description, as plain text."""
    paragraph = _PARAGRAPH.split(text.strip(), maxsplit=1)[0]
    sentence = _SENTENCE_END.split(" ".join(paragraph.split()), maxsplit=1)[0]
    plain = _LINK.sub(r"\1", sentence).replace("`", "")
    return plain if plain.endswith((".", "!", "?")) else plain.rstrip(":") + "."


# --- what the rules table adds ----------------------------------------------------------------------------


def models_phrase(names: Sequence[str], models: Sequence[ModelRules]) -> str:
    """``the gpt-image models``, ``the gpt-image models except gpt-image-1-mini``, or the names."""
    parts: list[str] = []
    for family in dict.fromkeys(rules.family for rules in models):
        members = [rules.name for rules in models if rules.family == family]
        chosen = [name for name in members if name in names]
        left_out = [name for name in members if name not in names]
        if len(members) > 2 and chosen and len(left_out) <= 1:
            parts.append(f"the {family} models" + (f" except {left_out[0]}" if left_out else ""))
        else:
            parts += chosen
    return ", ".join(parts)


def _grouped(models: Sequence[ModelRules], describe: Callable[[ModelRules], str | None]) -> str | None:
    """``a, b: x; c: y``: models sharing a description named together, in table order."""
    groups: dict[str, list[str]] = {}
    for rules in models:
        text = describe(rules)
        if text is not None:
            groups.setdefault(text, []).append(rules.name)
    if not groups:
        return None
    return "; ".join(f"{models_phrase(names, models)}: {text}" for text, names in groups.items())


def offered_models(command: Command) -> list[ModelRules]:
    """The table's entries for the models the operation lists (every model, if it lists none)."""
    rules = table().models
    model = command.operation.properties(command.content_type).get("model")
    named = [str(value) for value in spec.enum_values(model)] if model is not None else []
    chosen = [rules[name] for name in named if name in rules]
    return chosen or list(rules.values())


def per_model_notes(name: str, models: Sequence[ModelRules]) -> list[str]:
    """What the rules table says about a parameter where models differ, as sentences for its help."""
    if len(models) < 2:
        return []  # one model: the schema's own enum and range say it all
    notes = []
    if name == "size":
        notes.append(f"Per model: {_grouped(models, lambda rules: rules.allowed_sizes())}.")
    elif name == "quality":
        notes.append(f"Per model: {_grouped(models, lambda rules: ', '.join(rules.qualities))}.")
    elif name == "prompt":
        notes.append(f"Per model: {_grouped(models, lambda rules: f'at most {rules.prompt_max_length} characters')}.")
    elif name == "n":
        limits = _grouped(models, lambda rules: None if rules.max_n is None else f"at most {rules.max_n}")
        if limits:
            notes.append(f"{limits}.")
    elif name == "output_compression":
        ranges = {
            f"{rules.output_compression.min}..{rules.output_compression.max},"
            f" with {' or '.join(rules.output_compression.formats)} output"
            for rules in models
            if rules.output_compression is not None and name in rules.parameters
        }
        notes += [f"{text[0].upper()}{text[1:]}." for text in sorted(ranges)]
    if name in table().model_specific_parameters:
        takers = [rules.name for rules in models if name in rules.parameters]
        if len(takers) < len(models):
            notes.append(f"Only with {models_phrase(takers, models) or 'no model of this command'}.")
    return notes


# --- the fields of a command -------------------------------------------------------------------------------


def describe(operation: spec.Operation, content_type: str, models: Sequence[ModelRules]) -> list[BodyField]:
    """The body's properties as command-line fields, in the spec's order."""
    body = operation.body_schema(content_type)
    required = set(body.get("required", ()))
    fields = []
    for name, raw in operation.properties(content_type).items():
        schema = spec.resolve(raw)
        leaves = _alternatives(schema)
        present = [leaf for leaf in leaves if not _is_null(leaf)]
        if any(_is_file(leaf) for leaf in present):
            kind = "file"
        else:
            kinds = {_type_of(leaf) for leaf in present}
            only = next(iter(kinds)) if len(kinds) == 1 else None
            kind = only if only in SIMPLE_KINDS else "json"
        choices = None if kind in ("file", "boolean") else _strict_choices(present)
        sentences = []
        description = _first(leaves, schema, "description")
        if isinstance(description, str) and description.strip():
            sentences.append(first_sentence(description))
        low, high = _first(present, schema, "minimum"), _first(present, schema, "maximum")
        if kind in ("integer", "number") and low is not None and high is not None:
            sentences.append(f"Range: {low}..{high}.")
        sentences += per_model_notes(name, models)
        if name == "model" and choices is None:
            known = [str(value) for value in spec.enum_values(schema) if value is not None]
            if known:
                sentences.append(f"Known: {', '.join(known)}.")
        if kind == "json":
            sentences.append("A JSON value.")
        default = _first(present, schema, "default")
        if default is not None and kind != "file":
            sentences.append(f"API default: {default if isinstance(default, str) else json.dumps(default)}.")
        fields.append(
            BodyField(
                name=name,
                kind=kind,
                many=kind == "file" and any(leaf.get("type") == "array" for leaf in present),
                choices=choices,
                required=name in required,
                help=" ".join(sentences),
            )
        )
    return fields


@functools.cache
def fields(command_name: str) -> tuple[BodyField, ...]:
    command = COMMANDS[command_name]
    return tuple(describe(command.operation, command.content_type, offered_models(command)))


def file_fields(command_name: str) -> list[BodyField]:
    return [field for field in fields(command_name) if field.kind == "file"]


def primary_file(command_name: str) -> BodyField | None:
    """The file field given as the command's positional arguments (``edit IMAGE...``)."""
    candidates = file_fields(command_name)
    return next((field for field in candidates if field.required), candidates[0] if candidates else None)


# --- argparse ------------------------------------------------------------------------------------------------


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise argparse.ArgumentTypeError(f"not JSON: {exc}") from None


_CONVERTERS: dict[str, Callable[[str], Any]] = {"integer": int, "number": float, "string": str, "json": _json_value}


def _escaped(text: str) -> str:
    return text.replace("%", "%%")  # argparse formats help with %


_METAVARS = {"integer": "N", "number": "X", "json": "JSON"}


def add_request_arguments(parser: argparse.ArgumentParser, command: Command, reserved: Iterable[str] = ()) -> None:
    """The command's inputs (images, prompt, mask) and one option per other body property.

    A property whose ``--flag`` is ``reserved`` (or already taken) is offered as ``--body-flag``.
    """
    taken = {option for action in parser._actions for option in action.option_strings} | set(reserved)
    primary = primary_file(command.name)
    inputs = parser.add_argument_group("inputs")
    body = parser.add_argument_group("request options (from the API spec; unset options are not sent)")
    for field in fields(command.name):
        help_text = _escaped(field.help)
        if field.name == "prompt" and command.prompt_positional:
            inputs.add_argument(field.dest, metavar="PROMPT", help=help_text)
            continue
        flag = field.flag if field.flag not in taken else f"--body-{field.flag[2:]}"
        if field is primary:
            nargs = "+" if field.many else None
            inputs.add_argument(field.dest, metavar=field.name.upper(), nargs=nargs, help=help_text)
        elif field.kind == "file":
            inputs.add_argument(flag, dest=field.dest, metavar="PATH", help=help_text)
        elif field.kind == "boolean":
            body.add_argument(flag, dest=field.dest, action=argparse.BooleanOptionalAction, help=help_text)
        else:
            group = inputs if field.name == "prompt" else body
            group.add_argument(
                flag,
                dest=field.dest,
                type=_CONVERTERS[field.kind],
                choices=field.choices,
                required=field.required,
                metavar=None if field.choices else _METAVARS.get(field.kind, field.name.upper()),
                help=help_text,
            )
        taken.add(flag)


def given_params(args: argparse.Namespace, command_name: str) -> dict[str, Any]:
    """The body properties the user set, by their spec names (files excluded)."""
    values = {field.name: getattr(args, field.dest, None) for field in fields(command_name) if field.kind != "file"}
    return {name: value for name, value in values.items() if value is not None}


def given_files(args: argparse.Namespace, command_name: str) -> dict[str, list[str]]:
    """The file fields the user set: spec name -> paths."""
    found: dict[str, list[str]] = {}
    for field in file_fields(command_name):
        value = getattr(args, field.dest, None)
        if value:
            found[field.name] = [str(item) for item in value] if isinstance(value, list) else [str(value)]
    return found


def field_names(command_name: str) -> Mapping[str, BodyField]:
    return {field.name: field for field in fields(command_name)}
