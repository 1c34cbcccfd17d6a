"""The image commands' options come from the spec and the rules table: one option per body
property, typed and restricted as the schema says, with per-model help, and a new spec field is a
new option without a line of command-line code."""

from __future__ import annotations

import argparse
import copy
from collections.abc import Iterator
from typing import Any

import pytest
from openai_images import cli, spec
from openai_images.commandline import options
from openai_images.rules import table


def subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    commands = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    chosen: argparse.ArgumentParser = commands.choices[name]
    return chosen


def actions_by_dest(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {action.dest: action for action in parser._actions}


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Specs patched by a test must not leak into others through the caches."""
    spec.clear_caches()
    options.fields.cache_clear()
    yield
    spec.clear_caches()
    options.fields.cache_clear()


@pytest.mark.parametrize("name", list(options.COMMANDS))
def test_every_body_property_is_an_argument_of_its_command(name: str) -> None:
    command = options.COMMANDS[name]
    actions = actions_by_dest(subparser(cli.build_parser(), name))
    properties = command.operation.properties(command.content_type)
    assert {f"body_{prop}" for prop in properties} <= set(actions)
    for prop, schema in properties.items():
        resolved = spec.resolve(schema)
        leaves = [leaf for leaf in options._alternatives(resolved) if leaf.get("type") != "null"]
        strict = all("enum" in leaf for leaf in leaves)  # no free-form branch: the values are all there is
        expected = [value for value in spec.enum_values(resolved) if value is not None] if strict else None
        choices = actions[f"body_{prop}"].choices
        assert (list(choices) if choices is not None else None) == expected, prop


def test_options_are_typed_from_the_schema_and_only_given_ones_are_sent() -> None:
    parser = cli.build_parser()
    args = parser.parse_args(["generate", "a fox", "--n", "2", "--stream", "--partial-images", "1"])
    assert options.given_params(args, "generate") == {"prompt": "a fox", "n": 2, "stream": True, "partial_images": 1}
    args = parser.parse_args(["generate", "a fox", "--no-stream"])
    assert options.given_params(args, "generate") == {"prompt": "a fox", "stream": False}
    args = parser.parse_args(["edit", "a.png", "b.png", "--prompt", "p", "--mask", "m.png"])
    assert options.given_files(args, "edit") == {"image": ["a.png", "b.png"], "mask": ["m.png"]}
    assert options.given_params(args, "edit") == {"prompt": "p"}


def test_help_gives_each_models_allowed_values_from_the_rules_table() -> None:
    command = options.COMMANDS["generate"]
    actions = actions_by_dest(subparser(cli.build_parser(), "generate"))
    size_help = " ".join(str(actions["body_size"].help).split())
    quality_help = " ".join(str(actions["body_quality"].help).split())
    for rules in options.offered_models(command):
        assert rules.allowed_sizes() in size_help
        assert ", ".join(rules.qualities) in quality_help
    assert options.offered_models(command) == [
        table().models[name]
        for name in spec.enum_values(command.operation.properties()["model"])
        if name in table().models
    ]
    assert str(actions["body_style"].help).endswith("Only with dall-e-3. API default: vivid.")
    assert "Only with the gpt-image models except gpt-image-1-mini." in str(
        actions_by_dest(subparser(cli.build_parser(), "edit"))["body_input_fidelity"].help
    )


def test_a_field_added_to_the_spec_becomes_an_option(monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> None:
    document: dict[str, Any] = copy.deepcopy(spec.document())
    properties = document["components"]["schemas"]["CreateImageRequest"]["properties"]
    properties["seed"] = {
        "type": "integer",
        "minimum": 0,
        "maximum": 9,
        "description": "A seed. Same seed, same image.",
    }
    properties["tags"] = {"type": "array", "items": {"type": "string"}, "description": "Labels."}
    properties["output"] = {"type": "string", "enum": ["disk", "screen"], "description": "Where to."}
    monkeypatch.setattr(spec, "document", lambda: document)
    spec.clear_caches()
    options.fields.cache_clear()

    parser = cli.build_parser()
    args = parser.parse_args(["generate", "x", "--seed", "7", "--tags", '["a", "b"]', "--body-output", "disk"])
    assert options.given_params(args, "generate") == {"prompt": "x", "seed": 7, "tags": ["a", "b"], "output": "disk"}
    actions = actions_by_dest(subparser(parser, "generate"))
    assert actions["body_seed"].help == "A seed. Range: 0..9."
    assert actions["body_output"].option_strings == ["--body-output"]  # -o/--output is the command line's own
    assert actions["body_output"].choices == ("disk", "screen")
    with pytest.raises(SystemExit):
        parser.parse_args(["generate", "x", "--body-output", "printer"])


@pytest.mark.parametrize(
    ("description", "sentence"),
    [
        ("The size of the generated images. For `gpt-image-2`, anything.", "The size of the generated images."),
        ("Areas (e.g. where alpha is zero) are edited. More.", "Areas (e.g. where alpha is zero) are edited."),
        ("Helps detect abuse. [Learn more](/docs/x).\n", "Helps detect abuse."),
        ("The quality:\n\n- `auto` picks", "The quality."),
        ("Uses `dall-e-2`\nor [a GPT model](/m)", "Uses dall-e-2 or a GPT model."),
    ],
)
def test_help_takes_the_first_sentence_of_the_description(description: str, sentence: str) -> None:
    assert options.first_sentence(description) == sentence


def test_each_command_calls_its_operations_method() -> None:
    assert {name: command.method for name, command in options.COMMANDS.items()} == {
        "generate": "create_image",
        "edit": "create_image_edit",
        "vary": "create_image_variation",
    }
