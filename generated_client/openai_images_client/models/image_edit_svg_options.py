from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageEditSvgOptions")


@_attrs_define
class ImageEditSvgOptions:
    """Selects the author model and reasoning effort for `output_format=svg`. Supply `svg.model` when SVG model selection
    is enabled. Otherwise, omit this object. SVG output requires `n=1` and cannot use streaming, partial images, or
    output compression. Use multipart fields such as `svg[model]`.

        Attributes:
            model (str | Unset):
            reasoning (ImageEditSvgReasoning | None | Unset):
    """

    model: str | Unset = UNSET
    reasoning: ImageEditSvgReasoning | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reasoning: dict[str, Any] | None | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        elif isinstance(self.reasoning, ImageEditSvgReasoning):
            reasoning = self.reasoning.to_dict()
        else:
            reasoning = self.reasoning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.model, Unset):
            field_dict["model"] = self.model
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model = d.pop("model", UNSET)

        def _parse_reasoning(data: object) -> ImageEditSvgReasoning | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasoning_type_0 = ImageEditSvgReasoning.from_dict(data)

                return reasoning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageEditSvgReasoning | None | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        image_edit_svg_options = cls(
            model=model,
            reasoning=reasoning,
        )

        image_edit_svg_options.additional_properties = d
        return image_edit_svg_options

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
from ..models.image_edit_svg_reasoning import ImageEditSvgReasoning
