"""The per-model capability table (model_rules.toml), loaded into typed records.

The table holds only what the spec says in prose; read it together with ``openai_images.spec``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

SIZE = re.compile(r"^([1-9][0-9]{0,5})x([1-9][0-9]{0,5})$")


def parse_size(size: str) -> tuple[int, int] | None:
    """``"1536x864"`` -> ``(1536, 864)``; None when it is not ``WIDTHxHEIGHT``."""
    match = SIZE.match(size)
    return (int(match.group(1)), int(match.group(2))) if match else None


@dataclass(frozen=True)
class ImageRules:
    """What an input image (edits, variations) must be."""

    max_count: int
    formats: tuple[str, ...]
    max_bytes: int
    square: bool


@dataclass(frozen=True)
class MaskRules:
    formats: tuple[str, ...]
    max_bytes: int
    needs_alpha: bool
    same_size_as_first_image: bool


@dataclass(frozen=True)
class CustomSize:
    """Arbitrary ``WIDTHxHEIGHT`` sizes a model accepts beyond its fixed list."""

    multiple_of: int
    min_aspect: float
    max_aspect: float
    max_long_edge: int
    max_short_edge: int

    def problem(self, width: int, height: int) -> str | None:
        if width % self.multiple_of or height % self.multiple_of:
            return f"width and height must both be multiples of {self.multiple_of}"
        if not self.min_aspect <= width / height <= self.max_aspect:
            return "the aspect ratio must be between 1:3 and 3:1"
        if max(width, height) > self.max_long_edge or min(width, height) > self.max_short_edge:
            return f"the largest size is {self.max_long_edge}x{self.max_short_edge}"
        return None

    def describe(self) -> str:
        return (
            f"or any WIDTHxHEIGHT with both multiples of {self.multiple_of}, aspect between 1:3 and 3:1,"
            f" at most {self.max_long_edge}x{self.max_short_edge}"
        )


@dataclass(frozen=True)
class Answers:
    """What the model's answers carry."""

    url: bool
    revised_prompt: bool
    usage: bool
    echoes_settings: bool


@dataclass(frozen=True)
class OutputCompression:
    min: int
    max: int
    formats: tuple[str, ...]


@dataclass(frozen=True)
class ModelRules:
    name: str
    family: str
    prompt_max_length: int
    max_n: int | None
    sizes: tuple[str, ...]
    default_size: str
    custom_size: CustomSize | None
    qualities: tuple[str, ...]
    default_quality: str | None
    parameters: frozenset[str]
    default_response_format: str | None
    output_compression: OutputCompression | None
    transparent_formats: tuple[str, ...]
    images: ImageRules | None
    answers: Answers

    @property
    def is_gpt_image(self) -> bool:
        return self.family == "gpt-image"

    def size_problem(self, size: str) -> str | None:
        """Why this model cannot make images of ``size``, or None if it can."""
        if size in self.sizes:
            return None
        dimensions = parse_size(size)
        if self.custom_size is not None and dimensions is not None:
            return self.custom_size.problem(*dimensions)
        return "not a size this model makes"

    def allowed_sizes(self) -> str:
        listed = ", ".join(self.sizes)
        return f"{listed} {self.custom_size.describe()}" if self.custom_size else listed

    def resolve_size(self, size: str | None) -> tuple[int, int]:
        """The pixel size an answer has for a requested (valid) size; absent and ``auto`` -> the default."""
        chosen = self.default_size if size in (None, "auto") else size
        dimensions = parse_size(str(chosen))
        if dimensions is None:
            raise ValueError(f"{self.name}: {chosen!r} is not WIDTHxHEIGHT")
        return dimensions


@dataclass(frozen=True)
class RuleTable:
    models: Mapping[str, ModelRules]
    mask: MaskRules
    prompt_min_length: int
    operations: Mapping[str, Mapping[str, Any]]

    @functools.cached_property
    def model_specific_parameters(self) -> frozenset[str]:
        """Parameters some model takes and others do not."""
        return frozenset().union(*(rules.parameters for rules in self.models.values()))

    def models_taking(self, parameter: str) -> list[str]:
        return [name for name, rules in self.models.items() if parameter in rules.parameters]


def _images(raw: Mapping[str, Any] | None) -> ImageRules | None:
    if raw is None:
        return None
    return ImageRules(int(raw["max_count"]), tuple(raw["formats"]), int(raw["max_bytes"]), bool(raw["square"]))


def _model(name: str, raw: Mapping[str, Any]) -> ModelRules:
    custom = raw.get("custom_size")
    compression = raw.get("output_compression")
    return ModelRules(
        name=name,
        family=raw["family"],
        prompt_max_length=int(raw["prompt_max_length"]),
        max_n=raw.get("max_n"),
        sizes=tuple(raw["sizes"]),
        default_size=raw["default_size"],
        custom_size=CustomSize(**custom) if custom else None,
        qualities=tuple(raw["qualities"]),
        default_quality=raw.get("default_quality"),
        parameters=frozenset(raw.get("parameters", ())),
        default_response_format=raw.get("default_response_format"),
        output_compression=OutputCompression(compression["min"], compression["max"], tuple(compression["formats"]))
        if compression
        else None,
        transparent_formats=tuple(raw.get("transparent_formats", ())),
        images=_images(raw.get("images")),
        answers=Answers(**raw["answers"]),
    )


def load(text: str) -> RuleTable:
    data = tomllib.loads(text)
    families = data["families"]
    models = {}
    for name, entry in data["models"].items():
        merged = {**families[entry["family"]], **entry}
        models[name] = _model(name, merged)
    mask = data["mask"]
    return RuleTable(
        models=models,
        mask=MaskRules(
            tuple(mask["formats"]), int(mask["max_bytes"]), mask["needs_alpha"], mask["same_size_as_first_image"]
        ),
        prompt_min_length=int(data["prompt"]["min_length"]),
        operations=data.get("operations", {}),
    )


@functools.cache
def table() -> RuleTable:
    """The table shipped with the package."""
    return load(resources.files("openai_images").joinpath("model_rules.toml").read_text(encoding="utf-8"))
