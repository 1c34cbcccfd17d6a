"""The image commands' options come from the spec and the rules table: one option per body
property, typed and restricted as the schema says, with per-model help, and a new spec field is a
new option without a line of command-line code."""

from __future__ import annotations

import argparse
import copy
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import LIVE_DAY, PINNED_DAY
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


def members(schema: spec.Schema) -> dict[str, spec.Schema]:
    """An object property's members by their dotted paths (``reasoning.effort``); {} for anything else."""
    leaves = [leaf for leaf in options._alternatives(spec.resolve(schema)) if leaf.get("type") != "null"]
    if len(leaves) != 1 or leaves[0].get("type") != "object":
        return {}
    found: dict[str, spec.Schema] = {}
    for key, member in leaves[0]["properties"].items():
        nested = members(member)
        found.update({f"{key}.{path}": leaf for path, leaf in nested.items()} if nested else {key: member})
    return found


@pytest.mark.parametrize("name", list(options.COMMANDS))
def test_every_body_property_is_an_argument_of_its_command(name: str) -> None:
    command = options.COMMANDS[name]
    actions = actions_by_dest(subparser(cli.build_parser(), name))
    properties = command.operation.properties(command.content_type)
    # An object is one option per member (svg: --svg-model, --svg-effort); anything else one option.
    flattened = {
        f"{prop}.{path}" if path else prop: leaf
        for prop, schema in properties.items()
        for path, leaf in (members(schema) or {"": schema}).items()
    }
    assert {f"body_{prop}" for prop in flattened} <= set(actions)
    for prop, schema in flattened.items():
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
    fidelity = " ".join(str(actions_by_dest(subparser(cli.build_parser(), "edit"))["body_input_fidelity"].help).split())
    assert "gpt-image-1-mini: low." in fidelity  # its own values, from the table
    assert "Only with the gpt-image models except gpt-image-2." in fidelity


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
    ("command", "flag", "dest"),
    [
        ("generate", "--complexity", "body_complexity"),
        ("generate", "--frame-count", "body_frame_count"),
        ("generate", "--frame-duration-ms", "body_frame_duration_ms"),
        ("generate", "--safety-identifier", "body_safety_identifier"),
        ("generate", "--svg-model", "body_svg.model"),
        ("generate", "--svg-effort", "body_svg.reasoning.effort"),
        ("edit", "--markup", "body_markup"),
        ("edit", "--complexity", "body_complexity"),
        ("edit", "--frame-count", "body_frame_count"),
        ("edit", "--safety-identifier", "body_safety_identifier"),
        ("edit", "--svg-model", "body_svg.model"),
        ("edit", "--svg-effort", "body_svg.reasoning.effort"),
    ],
)
def test_the_live_apis_parameters_are_options(command: str, flag: str, dest: str) -> None:
    actions = {
        option: action for action in subparser(cli.build_parser(), command)._actions for option in action.option_strings
    }
    assert actions[flag].dest == dest


def test_the_svg_object_is_an_option_per_member_sent_as_one_object() -> None:
    parser = cli.build_parser()
    args = parser.parse_args(["generate", "a logo", "--svg-model", "gpt-5.5", "--svg-effort", "low"])
    assert options.given_params(args, "generate") == {
        "prompt": "a logo",
        "svg": {"model": "gpt-5.5", "reasoning": {"effort": "low"}},
    }
    args = parser.parse_args(["edit", "a.png", "--prompt", "p", "--svg-model", "gpt-5.5", "--markup", "arrows.png"])
    assert options.given_params(args, "edit") == {"prompt": "p", "svg": {"model": "gpt-5.5"}}
    assert options.given_files(args, "edit") == {"image": ["a.png"], "markup": ["arrows.png"]}
    actions = actions_by_dest(subparser(parser, "generate"))
    assert actions["body_svg.reasoning.effort"].choices == ("none", "minimal", "low", "medium", "high", "xhigh", "max")
    assert "Only with --output-format svg. Sets svg.reasoning.effort." in " ".join(
        str(actions["body_svg.reasoning.effort"].help).split()
    )
    assert "Only with --output-format gif (default 9)." in " ".join(str(actions["body_frame_count"].help).split())


def test_an_object_added_to_the_spec_becomes_an_option_per_member(
    monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    document: dict[str, Any] = copy.deepcopy(spec.document())
    properties = document["components"]["schemas"]["CreateImageRequest"]["properties"]
    properties["camera"] = {
        "type": "object",
        "description": "How the picture is taken.",
        "properties": {
            "lens": {"type": "integer", "minimum": 10, "maximum": 200},
            "film": {"type": "object", "properties": {"grain": {"type": "string", "enum": ["fine", "coarse"]}}},
        },
    }
    monkeypatch.setattr(spec, "document", lambda: document)
    spec.clear_caches()
    options.fields.cache_clear()

    parser = cli.build_parser()
    args = parser.parse_args(["generate", "x", "--camera-lens", "35", "--camera-grain", "fine"])
    assert options.given_params(args, "generate") == {"prompt": "x", "camera": {"lens": 35, "film": {"grain": "fine"}}}
    actions = actions_by_dest(subparser(parser, "generate"))
    assert actions["body_camera.lens"].help == "How the picture is taken. Range: 10..200. Sets camera.lens."


def test_the_model_help_names_the_default_and_why_and_the_ended_models() -> None:
    text = " ".join(str(actions_by_dest(subparser(cli.build_parser(), "generate"))["body_model"].help).split())
    assert (
        "Default: $OPENAI_IMAGES_MODEL, else gpt-image-2.5-flare, a current model; OpenAI names it as a replacement"
        " for gpt-image-1 (on a --as-of day before 2026-09-08, none is sent)."
    ) in text
    assert "dall-e-3 (retired 2026-05-12)" in text and "gpt-image-1 (shut down 2026-10-23)" in text
    vary = " ".join(str(actions_by_dest(subparser(cli.build_parser(), "vary"))["body_model"].help).split())
    assert "Default: $OPENAI_IMAGES_MODEL" not in vary  # variations take dall-e-2 alone


def test_the_default_model_is_the_variables_else_the_tables_current_one(monkeypatch: pytest.MonkeyPatch) -> None:
    generate, vary = options.COMMANDS["generate"], options.COMMANDS["vary"]
    monkeypatch.delenv(options.MODEL_VARIABLE, raising=False)
    assert options.default_model(generate, LIVE_DAY) == table().cli_model == "gpt-image-2.5-flare"
    assert options.default_model(generate, PINNED_DAY) is None  # not served yet: the API's default of that day
    assert options.default_model(vary, LIVE_DAY) is None
    monkeypatch.setenv(options.MODEL_VARIABLE, "gpt-image-2")
    assert options.default_model(generate, LIVE_DAY) == "gpt-image-2"
    assert options.default_model(vary, PINNED_DAY) is None  # the spec offers it for other operations only
    monkeypatch.setenv(options.MODEL_VARIABLE, "our-gateways-model")
    assert options.default_model(vary, PINNED_DAY) == "our-gateways-model"


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
