"""Command-line options read from the spec's request bodies and the rules table, never retyped.

Each body property of a command's operation becomes one ``--kebab-case`` option: its type from
the schema, ``choices`` from a strict enum, its help from the description's first sentence plus
what the rules table says per model (sizes, qualities, limits, which models take it, which output
format it needs). An object of simple members becomes one option per member (``svg.model``:
``--svg-model``). File fields become the command's positional images and ``--mask``-style options.
A field added to the spec is an option at once; an option the user does not give is not sent,
except ``--model``, whose default is ``$OPENAI_IMAGES_MODEL``, else the rules table's ``cli_model``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
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


MODEL_VARIABLE = "OPENAI_IMAGES_MODEL"
"""Names the model a command uses when none is given (else the rules table's ``cli_model``)."""


@dataclass(frozen=True)
class BodyField:
    """One property of a request body (or one member of an object property), as the command line offers it."""

    name: str
    kind: str
    """``integer``, ``number``, ``boolean``, ``string``, ``file``, or ``json`` for anything else."""
    many: bool
    """A file field that takes several files."""
    choices: tuple[Any, ...] | None
    required: bool
    help: str
    path: tuple[str, ...] = ()
    """For a member of an object property: the keys below ``name`` (``svg.reasoning.effort``: reasoning, effort)."""
    words: tuple[str, ...] = ()
    """The option's name, when it is not ``name``: an object's members are ``name`` plus theirs (svg, model)."""

    @property
    def flag(self) -> str:
        return "--" + "-".join(self.words or (self.name,)).replace("_", "-")

    @property
    def dest(self) -> str:
        # Prefixed, so that a spec field can never clobber one of the command line's own settings.
        return "body_" + ".".join((self.name, *self.path))


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


def format_notes(name: str) -> list[str]:
    """Which output format a parameter needs, and its default there (the rules table's formats)."""
    notes = []
    for fmt in table().formats.values():
        if name in fmt.parameters:
            default = fmt.defaults.get(name)
            notes.append(f"Only with --output-format {fmt.name}" + (f" (default {default})." if default else "."))
    return notes


def default_model(command: Command, as_of: dt.date) -> str | None:
    """The model a command sends when none is given: ``$OPENAI_IMAGES_MODEL``, else the rules table's
    ``cli_model`` on a day OpenAI served it (before then, none: the API's default of that day applies).

    None for an operation that does not offer it (the spec lists it for other operations only:
    variations take dall-e-2 alone); a name the spec does not know at all (a gateway's) is used as given."""
    if "model" not in command.operation.properties(command.content_type):
        return None
    chosen = os.environ.get(MODEL_VARIABLE, "").strip() or None
    if chosen is None:
        rules = table()
        current = rules.models.get(rules.cli_model)
        chosen = rules.cli_model if current is not None and current.live_on(as_of) else None
    if chosen is None:
        return None
    if chosen in spec.models_named() and chosen not in command.operation.offered_models(command.content_type):
        return None
    return chosen


def model_notes(operation: spec.Operation, content_type: str) -> list[str]:
    """The models the spec lists, each with its end if OpenAI ended it; and the command line's default."""
    rules = table()
    offered = operation.offered_models(content_type)
    notes = []
    if offered:
        listed = []
        for name in offered:
            ended = rules.models[name].ended if name in rules.models else None
            confirmed = ended is not None and ended.confirmed
            listed.append(f"{name} ({ended.kind} {ended.date.isoformat()})" if ended and confirmed else name)
        notes.append(f"Known: {', '.join(listed)}.")
    if rules.cli_model in offered:
        replaced = [
            model.name for model in rules.models.values() if model.ended and rules.cli_model in model.ended.replacements
        ]
        why = f"; OpenAI names it as a replacement for {', '.join(replaced)}" if replaced else ""
        arrived = rules.models[rules.cli_model].arrived
        since = (
            f" (on a --as-of day before {arrived.date.isoformat()}, none is sent)" if arrived and arrived.date else ""
        )
        notes.append(f"Default: ${MODEL_VARIABLE}, else {rules.cli_model}, a current model{why}{since}.")
    return notes


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
    elif name == "input_fidelity":
        values = _grouped(models, lambda rules: ", ".join(rules.input_fidelity) or None)
        if values:
            notes.append(f"Per model: {values}.")
    elif name == "output_format":
        formats = _grouped(models, lambda rules: ", ".join(rules.output_formats) or None)
        if formats:
            notes.append(f"Per model: {formats}.")
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


def _kind(present: Sequence[spec.Schema]) -> str:
    if any(_is_file(leaf) for leaf in present):
        return "file"
    kinds = {_type_of(leaf) for leaf in present}
    only = next(iter(kinds)) if len(kinds) == 1 else None
    return only if only in SIMPLE_KINDS else "json"


Member = tuple[tuple[str, ...], tuple[str, ...], spec.Schema, str | None]
"""An object's member: its keys, the words of its option, its schema, and the description of its object."""


def _members(present: Sequence[spec.Schema], words: tuple[str, ...], context: str | None) -> list[Member] | None:
    """The simple members of an object schema, nested objects included, or None when it is not one.

    A nested object of one member lends its option no word (``svg.reasoning.effort``: ``--svg-effort``)."""
    if len(present) != 1 or present[0].get("type") != "object" or not present[0].get("properties"):
        return None
    properties: Mapping[str, spec.Schema] = present[0]["properties"]
    description = present[0].get("description")
    context = description if isinstance(description, str) and description.strip() else context
    members: list[Member] = []
    for key, raw in properties.items():
        schema = spec.resolve(raw)
        inner = [leaf for leaf in _alternatives(schema) if not _is_null(leaf)]
        single = len(inner) == 1 and len(inner[0].get("properties") or ()) == 1
        nested = _members(inner, words if single else (*words, key), context)
        if nested is not None:
            members += [((key, *path), member_words, leaf, text) for path, member_words, leaf, text in nested]
        elif _kind(inner) in SIMPLE_KINDS:
            members.append(((key,), (*words, key), schema, context))
        else:
            return None
    return members


def _help(schema: spec.Schema, kind: str, notes: Sequence[str], fallback: str | None = None) -> str:
    """The description's first sentence (else ``fallback``'s), the range, ``notes`` and the API's default."""
    leaves = _alternatives(schema)
    present = [leaf for leaf in leaves if not _is_null(leaf)]
    sentences = []
    description = _first(leaves, schema, "description")
    description = description if isinstance(description, str) and description.strip() else fallback
    if description:
        sentences.append(first_sentence(description))
    low, high = _first(present, schema, "minimum"), _first(present, schema, "maximum")
    if kind in ("integer", "number") and low is not None and high is not None:
        sentences.append(f"Range: {low}..{high}.")
    sentences += notes
    if kind == "json":
        sentences.append("A JSON value.")
    default = _first(present, schema, "default")
    if default is not None and kind != "file":
        sentences.append(f"API default: {default if isinstance(default, str) else json.dumps(default)}.")
    return " ".join(sentences)


def describe(operation: spec.Operation, content_type: str, models: Sequence[ModelRules]) -> list[BodyField]:
    """The body's properties as command-line fields, in the spec's order; an object's members each one field."""
    body = operation.body_schema(content_type)
    required = set(body.get("required", ()))
    fields = []
    for name, raw in operation.properties(content_type).items():
        schema = spec.resolve(raw)
        present = [leaf for leaf in _alternatives(schema) if not _is_null(leaf)]
        notes = per_model_notes(name, models) + format_notes(name)
        members = _members(present, (name,), None)
        if members is not None and len({words for _, words, _, _ in members}) < len(members):
            members = [(path, (name, *path), leaf, text) for path, _, leaf, text in members]  # the full names
        if members is not None:
            for path, words, leaf, context in members:
                inner = [item for item in _alternatives(leaf) if not _is_null(item)]
                kind = _kind(inner)
                choices = None if kind == "boolean" else _strict_choices(inner)
                sets = f"Sets {'.'.join((name, *path))}."
                text = _help(leaf, kind, [*notes, sets], fallback=context)
                fields.append(BodyField(name, kind, False, choices, False, text, path=path, words=words))
            continue
        kind = _kind(present)
        choices = None if kind in ("file", "boolean") else _strict_choices(present)
        if name == "model" and choices is None:
            notes += model_notes(operation, content_type)
        fields.append(
            BodyField(
                name=name,
                kind=kind,
                many=kind == "file" and any(leaf.get("type") == "array" for leaf in present),
                choices=choices,
                required=name in required,
                help=_help(schema, kind, notes),
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
                metavar=None if field.choices else _METAVARS.get(field.kind, (field.path or (field.name,))[-1].upper()),
                help=help_text,
            )
        taken.add(flag)


def given_params(args: argparse.Namespace, command_name: str) -> dict[str, Any]:
    """The body properties the user set, by their spec names (files excluded; an object's members as an object)."""
    params: dict[str, Any] = {}
    for field in fields(command_name):
        value = getattr(args, field.dest, None)
        if field.kind == "file" or value is None:
            continue
        if not field.path:
            params[field.name] = value
            continue
        node = params.setdefault(field.name, {})
        for key in field.path[:-1]:
            node = node.setdefault(key, {})
        node[field.path[-1]] = value
    return params


def given_files(args: argparse.Namespace, command_name: str) -> dict[str, list[str]]:
    """The file fields the user set: spec name -> paths."""
    found: dict[str, list[str]] = {}
    for field in file_fields(command_name):
        value = getattr(args, field.dest, None)
        if value:
            found[field.name] = [str(item) for item in value] if isinstance(value, list) else [str(value)]
    return found
