from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImagesSvgUsage")


@_attrs_define
class ImagesSvgUsage:
    """Token usage for SVG authoring, separate from image rendering usage.

    Attributes:
        input_tokens (int):
        model (str):
        output_tokens (int):
        reasoning_tokens (int):
        total_tokens (int):
    """

    input_tokens: int
    model: str
    output_tokens: int
    reasoning_tokens: int
    total_tokens: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["input_tokens"] = self.input_tokens
        field_dict["model"] = self.model
        field_dict["output_tokens"] = self.output_tokens
        field_dict["reasoning_tokens"] = self.reasoning_tokens
        field_dict["total_tokens"] = self.total_tokens

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        input_tokens = d.pop("input_tokens")

        model = d.pop("model")

        output_tokens = d.pop("output_tokens")

        reasoning_tokens = d.pop("reasoning_tokens")

        total_tokens = d.pop("total_tokens")

        images_svg_usage = cls(
            input_tokens=input_tokens,
            model=model,
            output_tokens=output_tokens,
            reasoning_tokens=reasoning_tokens,
            total_tokens=total_tokens,
        )

        images_svg_usage.additional_properties = d
        return images_svg_usage

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    def model_dump(self) -> dict[str, Any]:
        """The model as a dict of JSON values (the official SDK's name for ``to_dict``)."""
        return self.to_dict()

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The model as a JSON document (the official SDK's name)."""
        import json as _json

        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)
