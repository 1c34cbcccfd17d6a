"""Our spec agrees with the official SDK's own types: the drift alarm now that upstream's spec repository
has stopped moving. Every parameter name and enum value of generate/edit/create_variation, every
ImagesResponse and stream-event field; when either side moves, the test names each difference."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import openai
import pytest
from sdk_surface import differences

SHIPPED = Path(__file__).resolve().parents[1] / "generated_client" / "openai_images_client" / "openapi.json"
SDK_VERSION = "3.57.0"


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return document


def test_the_peer_is_the_sdk_version_the_spec_patch_was_read_from() -> None:
    assert openai.__version__ == SDK_VERSION, (
        f"the dev peer is openai {openai.__version__}; overlays/spec/live-api.overlay.yaml was read from"
        f" {SDK_VERSION}: compare the two, update the patch, then SDK_VERSION here"
    )


def test_our_spec_and_the_sdk_describe_the_same_images_api(shipped: dict[str, Any]) -> None:
    found = differences(shipped)
    assert not found, "our spec and the official SDK disagree:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("schema", "field", "value", "expected"),
    [
        ("CreateImageRequest", "quality", "xhigh", "images.generate (createImage).quality: the SDK allows 'xhigh'"),
        ("ImagesResponse", "output_format", "gif", "ImagesResponse (ImagesResponse).output_format: the SDK allows"),
    ],
)
def test_taking_one_enum_value_away_is_named(
    shipped: dict[str, Any], schema: str, field: str, value: str, expected: str
) -> None:
    document = copy.deepcopy(shipped)
    node = document["components"]["schemas"][schema]["properties"][field]
    for branch in [node, *node.get("anyOf", [])]:
        if value in branch.get("enum", []):
            branch["enum"].remove(value)
    found = differences(document)
    assert [line for line in found if line.startswith(expected)], found
    assert len(found) == 1, found


def test_a_parameter_the_sdk_does_not_know_is_named(shipped: dict[str, Any]) -> None:
    document = copy.deepcopy(shipped)
    document["components"]["schemas"]["CreateImageEditRequest"]["properties"]["seed"] = {"type": "integer"}
    assert differences(document) == ["images.edit (createImageEdit): our spec has 'seed', the SDK does not"]


def test_a_model_the_sdk_lists_and_our_spec_lacks_is_named(shipped: dict[str, Any]) -> None:
    document = copy.deepcopy(shipped)
    model = document["components"]["schemas"]["CreateImageRequest"]["properties"]["model"]
    model["anyOf"][1]["enum"].remove("gpt-image-2.6-flare")
    assert differences(document) == [
        "images.generate (createImage).model: the SDK allows 'gpt-image-2.6-flare', our spec does not"
    ]
