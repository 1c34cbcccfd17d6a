from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImagesUsage")


@_attrs_define
class ImagesUsage:
    """For the GPT image models only, the token usage information for the image generation.

    Attributes:
        total_tokens (int): The total number of tokens (images and text) used for the image generation.
        input_tokens (int): The number of tokens (images and text) in the input prompt.
        output_tokens (int): The number of image tokens in the output image.
        input_tokens_details (ImagesUsageInputTokensDetails): The input tokens detailed information for the image
            generation.
    """

    total_tokens: int
    input_tokens: int
    output_tokens: int
    input_tokens_details: ImagesUsageInputTokensDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_tokens_details = self.input_tokens_details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["total_tokens"] = self.total_tokens
        field_dict["input_tokens"] = self.input_tokens
        field_dict["output_tokens"] = self.output_tokens
        field_dict["input_tokens_details"] = input_tokens_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        total_tokens = d.pop("total_tokens")

        input_tokens = d.pop("input_tokens")

        output_tokens = d.pop("output_tokens")

        input_tokens_details = ImagesUsageInputTokensDetails.from_dict(
            d.pop("input_tokens_details")
        )

        images_usage = cls(
            total_tokens=total_tokens,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            input_tokens_details=input_tokens_details,
        )

        images_usage.additional_properties = d
        return images_usage

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


# The models this one nests: imported once its class exists, so that models that refer to each
# other load in either order, and once per process rather than in every to_dict/from_dict call.
from ..models.images_usage_input_tokens_details import ImagesUsageInputTokensDetails
