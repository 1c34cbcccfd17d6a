"""Valid requests generated from the rules table and the spec (for the no-false-alarm and mock tests).

For every model an operation offers, every value of every field that model takes. The fields
whose validity depends on each other or on the model (size, quality, n, output format,
compression, background) are crossed in full; so are the remaining ones among themselves; and
every kind of input image set the model takes (each format, square or not, one or the most, with
a mask) is tried on its own.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from conftest import image_bytes
from openai_images import spec
from openai_images.rules import ModelRules, table

ABSENT = object()
INTERACTING = ("size", "quality", "n", "output_format", "output_compression", "background")
FILE_FIELDS = ("image", "mask", "images")


def offered_models(operation_id: str, content_type: str) -> list[ModelRules]:
    names = spec.enum_values(spec.operation(operation_id).properties(content_type)["model"])
    return [table().models[name] for name in names if name in table().models]


def candidates(operation_id: str, content_type: str, name: str, rules: ModelRules) -> list[Any]:
    """Every value a field can validly take for this model, plus leaving it out."""
    schema = spec.resolve(spec.operation(operation_id).properties(content_type)[name])
    if name in table().model_specific_parameters and name not in rules.parameters:
        return [ABSENT]
    listed = [value for value in spec.enum_values(schema) if value is not None]
    if name == "size":
        sizes = [size for size in rules.sizes if not listed or size in listed or rules.custom_size]
        if rules.custom_size and "string" in str(schema):
            sizes += ["1536x864", "3840x2160", "2160x3840", "768x2304"]
        return [ABSENT, *[size for size in sizes if not _strict_enum(schema) or size in listed]]
    if name == "quality":
        return [ABSENT, *[quality for quality in rules.qualities if quality in listed]]
    if name == "n":
        return [ABSENT, 1, rules.max_n or 10]
    if name == "output_compression":
        assert rules.output_compression is not None
        return [ABSENT, rules.output_compression.min, rules.output_compression.max]
    if name == "partial_images":
        return [ABSENT, 0, 3]
    if listed:
        return [ABSENT, *listed]
    if "boolean" in str(schema):
        return [ABSENT, True, False]
    return [ABSENT]


def _strict_enum(schema: Any) -> bool:
    branches = schema.get("anyOf", [schema])
    return not any(spec.resolve(branch) == {"type": "string"} for branch in branches)


def cross_field_valid(params: dict[str, Any], rules: ModelRules) -> bool:
    output_format = params.get("output_format", "png")
    compression = rules.output_compression
    if "output_compression" in params and compression and output_format not in compression.formats:
        return False
    return params.get("background") != "transparent" or output_format in rules.transparent_formats


def image_sets(rules: ModelRules, with_mask: bool) -> Iterator[dict[str, Any]]:
    assert rules.images is not None
    limits = rules.images
    sizes = [(64, 64)] if limits.square else [(64, 64), (96, 64)]
    for fmt, size in itertools.product(limits.formats, sizes):
        image = image_bytes(fmt.upper(), size)
        mask = image_bytes("PNG", size, "RGBA", (0, 0, 0, 0))
        yield {"image": image}
        if with_mask:
            yield {"image": image, "mask": mask}
        if limits.max_count > 1:
            yield {"image": [image] * limits.max_count, **({"mask": mask} if with_mask else {})}


def valid_requests(operation_id: str, content_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    properties = spec.operation(operation_id).properties(content_type)
    for rules in offered_models(operation_id, content_type):
        base: dict[str, Any] = {"model": rules.name}
        if "prompt" in properties:
            base["prompt"] = "p"
        if content_type == spec.JSON and "images" in properties:
            base["images"] = [{"image_url": "https://example.test/a.png"}]
        fields = [name for name in properties if name not in (*FILE_FIELDS, "model", "prompt", "user")]
        interacting = [name for name in fields if name in INTERACTING]
        independent = [name for name in fields if name not in INTERACTING]
        inputs = list(image_sets(rules, "mask" in properties)) if "image" in properties else [{}]
        for files in inputs[1:]:
            yield rules.name, {**base, **files}
        for group in (interacting, independent):
            choices = [candidates(operation_id, content_type, name, rules) for name in group]
            for values in itertools.product(*choices):
                params = {**base, **inputs[0], **{k: v for k, v in zip(group, values, strict=True) if v is not ABSENT}}
                if cross_field_valid(params, rules):
                    yield rules.name, params


CASES = [
    ("createImage", spec.JSON),
    ("createImageEdit", spec.MULTIPART),
    ("createImageEdit", spec.JSON),
    ("createImageVariation", spec.MULTIPART),
]
