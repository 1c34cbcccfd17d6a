from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImageGenInputUsageDetails")


@_attrs_define
class ImageGenInputUsageDetails:
    """The input tokens detailed information for the image generation.

    Attributes:
        text_tokens (int): The number of text tokens in the input prompt.
        image_tokens (int): The number of image tokens in the input prompt.
    """

    text_tokens: int
    image_tokens: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["text_tokens"] = self.text_tokens
        field_dict["image_tokens"] = self.image_tokens

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text_tokens = d.pop("text_tokens")

        image_tokens = d.pop("image_tokens")

        image_gen_input_usage_details = cls(
            text_tokens=text_tokens,
            image_tokens=image_tokens,
        )

        image_gen_input_usage_details.additional_properties = d
        return image_gen_input_usage_details

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
