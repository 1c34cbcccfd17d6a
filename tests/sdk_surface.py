"""The Images surface as two parties describe it: the official SDK's own types, and our shipped spec.

``differences(document)`` compares them: every parameter name of ``images.generate`` / ``edit`` /
``create_variation``, every enum value, and every field (with its enum values and whether it is
required) of ImagesResponse and the stream events. Each difference is one line naming the place and
the side that has what the other lacks. (No tests here; tests/test_sdk_agreement.py uses it.)
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any

import typing_extensions
from openai.types import (
    image_create_variation_params,
    image_edit_params,
    image_generate_params,
    image_model,
    images_response,
)
from openai.types.image_edit_completed_event import ImageEditCompletedEvent
from openai.types.image_edit_partial_image_event import ImageEditPartialImageEvent
from openai.types.image_gen_completed_event import ImageGenCompletedEvent
from openai.types.image_gen_partial_image_event import ImageGenPartialImageEvent
from pydantic import BaseModel

SDK_MODELS = frozenset(typing.get_args(image_model.ImageModel))

# What the SDK calls with, per operation: (our operation id, our body's content type, SDK params).
OPERATIONS = {
    "images.generate": ("createImage", "application/json", image_generate_params.ImageGenerateParamsNonStreaming),
    "images.edit": ("createImageEdit", "multipart/form-data", image_edit_params.ImageEditParamsNonStreaming),
    "images.create_variation": (
        "createImageVariation",
        "multipart/form-data",
        image_create_variation_params.ImageCreateVariationParams,
    ),
}
# What the SDK answers with, and the component schema of ours that describes the same thing (the
# objects inside them, data[] and usage, are compared where they appear).
ANSWERS: dict[str, tuple[type[BaseModel], str]] = {
    "ImagesResponse": (images_response.ImagesResponse, "ImagesResponse"),
    "image_generation.partial_image": (ImageGenPartialImageEvent, "ImageGenPartialImageEvent"),
    "image_generation.completed": (ImageGenCompletedEvent, "ImageGenCompletedEvent"),
    "image_edit.partial_image": (ImageEditPartialImageEvent, "ImageEditPartialImageEvent"),
    "image_edit.completed": (ImageEditCompletedEvent, "ImageEditCompletedEvent"),
}
# The SDK types every `model` with one shared ImageModel literal; our spec, like upstream's, lists per
# operation the models it serves. These are the models an operation's enum leaves out on purpose.
NOT_OFFERED_BY = {
    "createImageEdit": {"dall-e-3"},  # edits never took dall-e-3 (upstream's edit enum)
    "createImageVariation": SDK_MODELS - {"dall-e-2"},  # "Only `dall-e-2` is supported"
}


def literal_values(annotation: Any) -> set[Any]:
    """Every value a (possibly nested, Optional, Union, Required) ``Literal`` annotation allows."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return {value for value in typing.get_args(annotation) if not isinstance(value, bool)}
    if origin in (typing.Union, types.UnionType, typing.Required, typing.NotRequired, typing.Annotated):
        return set().union(*(literal_values(arg) for arg in typing.get_args(annotation)))
    return set()


def _sdk_object(annotation: Any) -> Any:
    """The TypedDict or model class inside an annotation (Optional, List, Required...), if there is one."""
    if typing_extensions.is_typeddict(annotation) or (
        isinstance(annotation, type) and issubclass(annotation, BaseModel)
    ):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _sdk_object(arg)
        if inner is not None:
            return inner
    return None


def _resolve(document: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        node: Any = document
        for part in schema["$ref"][2:].split("/"):
            node = node[part]
        schema = node
    return schema


def _enum(document: Mapping[str, Any], schema: Mapping[str, Any]) -> set[Any]:
    schema = _resolve(document, schema)
    values = {value for value in schema.get("enum", []) if value is not None}
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
        values |= _enum(document, branch)
    return values


def _object_schema(document: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any] | None:
    schema = _resolve(document, schema)
    if "properties" in schema:
        return schema
    if "items" in schema:
        return _object_schema(document, schema["items"])
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
        found = _object_schema(document, branch)
        if found is not None:
            return found
    return None


def _compare_fields(
    document: Mapping[str, Any],
    where: str,
    sdk_fields: Mapping[str, tuple[Any, bool]],
    schema: Mapping[str, Any],
    *,
    compare_required: bool,
    not_offered: set[str] | None = None,
) -> Iterator[str]:
    """SDK fields (name -> (annotation, required)) against an object schema of ours."""
    ours = schema.get("properties", {})
    for name in sorted(sdk_fields.keys() - ours.keys()):
        yield f"{where}: the SDK has {name!r}, our spec does not"
    for name in sorted(ours.keys() - sdk_fields.keys()):
        yield f"{where}: our spec has {name!r}, the SDK does not"
    required = set(schema.get("required", []))
    for name in sorted(sdk_fields.keys() & ours.keys()):
        annotation, sdk_required = sdk_fields[name]
        place = f"{where}.{name}"
        if compare_required and sdk_required != (name in required):
            yield f"{place}: the SDK has it {'required' if sdk_required else 'optional'}, our spec does not"
        sdk_values, our_values = literal_values(annotation), _enum(document, ours[name])
        if name == "model" and not_offered is not None:
            sdk_values = sdk_values or set(SDK_MODELS)
            sdk_values -= not_offered
        for value in sorted(sdk_values - our_values, key=str):
            yield f"{place}: the SDK allows {value!r}, our spec does not"
        for value in sorted(our_values - sdk_values, key=str):
            yield f"{place}: our spec allows {value!r}, the SDK does not"
        inner_sdk, inner_ours = _sdk_object(annotation), _object_schema(document, ours[name])
        if inner_sdk is not None and inner_ours is not None:
            yield from _compare_fields(
                document, place, _fields_of(inner_sdk), inner_ours, compare_required=compare_required
            )
        elif (inner_sdk is None) != (inner_ours is None) and not _is_file(ours[name], document):
            yield f"{place}: an object on one side only (SDK {inner_sdk}, ours {inner_ours is not None})"


def _is_file(schema: Mapping[str, Any], document: Mapping[str, Any]) -> bool:
    schema = _resolve(document, schema)
    return schema.get("format") == "binary" or any(
        _is_file(branch, document) for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ()))
    )


def _fields_of(cls: Any) -> dict[str, tuple[Any, bool]]:
    """name -> (annotation, required) of a TypedDict or a pydantic model."""
    if typing_extensions.is_typeddict(cls):
        hints = typing.get_type_hints(cls, include_extras=True)
        return {name: (hint, name in cls.__required_keys__) for name, hint in hints.items()}
    return {name: (info.annotation, info.is_required()) for name, info in cls.model_fields.items()}


def differences(document: Mapping[str, Any]) -> list[str]:
    """Every way our shipped spec and the installed SDK's types disagree, one line each."""
    found: list[str] = []
    for call, (operation_id, content_type, params) in OPERATIONS.items():
        operation = next(
            op for item in document["paths"].values() for op in item.values() if op.get("operationId") == operation_id
        )
        body = _resolve(document, operation["requestBody"]["content"][content_type]["schema"])
        # Request bodies: names and values only; which are required is the SDK's call signature's business.
        found += _compare_fields(
            document,
            f"{call} ({operation_id})",
            _fields_of(params),
            body,
            compare_required=False,
            not_offered=NOT_OFFERED_BY.get(operation_id, set()),
        )
    schemas = document["components"]["schemas"]
    for name, (sdk_class, schema_name) in ANSWERS.items():
        if schema_name not in schemas:
            found.append(f"{name}: our spec has no schema {schema_name}")
            continue
        found += _compare_fields(
            document, f"{name} ({schema_name})", _fields_of(sdk_class), schemas[schema_name], compare_required=True
        )
    return found
