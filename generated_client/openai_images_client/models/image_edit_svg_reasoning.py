from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_edit_svg_reasoning_effort import (
    ImageEditSvgReasoningEffort,
    check_image_edit_svg_reasoning_effort,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageEditSvgReasoning")


@_attrs_define
class ImageEditSvgReasoning:
    """Reasoning effort for SVG authoring. When omitted, uses the author model's default in both Images and Responses.

    Attributes:
        effort (ImageEditSvgReasoningEffort | Unset): Controls how much effort the model should spend on reasoning for
            this request.
    """

    effort: ImageEditSvgReasoningEffort | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.effort, Unset):
            field_dict["effort"] = self.effort

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _effort = d.pop("effort", UNSET)
        effort: ImageEditSvgReasoningEffort | Unset
        if isinstance(_effort, Unset):
            effort = UNSET
        else:
            effort = check_image_edit_svg_reasoning_effort(_effort)

        image_edit_svg_reasoning = cls(
            effort=effort,
        )

        image_edit_svg_reasoning.additional_properties = d
        return image_edit_svg_reasoning

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
