from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageGenSvgOptions")


@_attrs_define
class ImageGenSvgOptions:
    """Selects the model and reasoning effort used to author SVG output. Requires output_format=svg and access to SVG model
    selection. When model selection is enabled, supply svg.model. When model selection is disabled, omit this object.
    The top-level model selects the image model that creates the reference image. SVG generation requires n=1 and does
    not support streaming, partial images, prompt_rewriter, or output_compression.

        Attributes:
            model (str): Model used to author the SVG. Required when SVG model selection is enabled.
            reasoning (ImageGenSvgReasoning | None | Unset):
    """

    model: str
    reasoning: ImageGenSvgReasoning | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reasoning: dict[str, Any] | None | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        elif isinstance(self.reasoning, ImageGenSvgReasoning):
            reasoning = self.reasoning.to_dict()
        else:
            reasoning = self.reasoning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["model"] = self.model
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model = d.pop("model")

        def _parse_reasoning(data: object) -> ImageGenSvgReasoning | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasoning_type_0 = ImageGenSvgReasoning.from_dict(data)

                return reasoning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageGenSvgReasoning | None | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        image_gen_svg_options = cls(
            model=model,
            reasoning=reasoning,
        )

        image_gen_svg_options.additional_properties = d
        return image_gen_svg_options

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
from ..models.image_gen_svg_reasoning import ImageGenSvgReasoning
