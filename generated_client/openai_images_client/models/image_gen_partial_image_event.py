from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_gen_partial_image_event_background import (
    ImageGenPartialImageEventBackground,
    check_image_gen_partial_image_event_background,
)
from ..models.image_gen_partial_image_event_output_format import (
    ImageGenPartialImageEventOutputFormat,
    check_image_gen_partial_image_event_output_format,
)
from ..models.image_gen_partial_image_event_quality import (
    ImageGenPartialImageEventQuality,
    check_image_gen_partial_image_event_quality,
)
from ..models.image_gen_partial_image_event_size_type_1 import (
    ImageGenPartialImageEventSizeType1,
    check_image_gen_partial_image_event_size_type_1,
)
from ..models.image_gen_partial_image_event_type import (
    ImageGenPartialImageEventType,
    check_image_gen_partial_image_event_type,
)

T = TypeVar("T", bound="ImageGenPartialImageEvent")


@_attrs_define
class ImageGenPartialImageEvent:
    """Emitted when a partial image is available during image generation streaming.

    Attributes:
        type_ (ImageGenPartialImageEventType): The type of the event. Always `image_generation.partial_image`.
        b64_json (str): Base64-encoded partial image data, suitable for rendering as an image.
        created_at (int): The Unix timestamp when the event was created.
        size (ImageGenPartialImageEventSizeType1 | str): The image dimensions as a `WIDTHxHEIGHT` string, for example
            `1536x864`.
        quality (ImageGenPartialImageEventQuality): The quality setting for the requested image.
        background (ImageGenPartialImageEventBackground): The background setting for the requested image.
        output_format (ImageGenPartialImageEventOutputFormat): The output format for the requested image.
        partial_image_index (int): 0-based index for the partial image (streaming).
    """

    type_: ImageGenPartialImageEventType
    b64_json: str
    created_at: int
    size: ImageGenPartialImageEventSizeType1 | str
    quality: ImageGenPartialImageEventQuality
    background: ImageGenPartialImageEventBackground
    output_format: ImageGenPartialImageEventOutputFormat
    partial_image_index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["type"] = self.type_
        field_dict["b64_json"] = self.b64_json
        field_dict["created_at"] = self.created_at
        field_dict["size"] = self.size
        field_dict["quality"] = self.quality
        field_dict["background"] = self.background
        field_dict["output_format"] = self.output_format
        field_dict["partial_image_index"] = self.partial_image_index

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_image_gen_partial_image_event_type(d.pop("type"))

        b64_json = d.pop("b64_json")

        created_at = d.pop("created_at")

        def _parse_size(data: object) -> ImageGenPartialImageEventSizeType1 | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_1 = check_image_gen_partial_image_event_size_type_1(data)

                return size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageGenPartialImageEventSizeType1 | str, data)

        size = _parse_size(d.pop("size"))

        quality = check_image_gen_partial_image_event_quality(d.pop("quality"))

        background = check_image_gen_partial_image_event_background(d.pop("background"))

        output_format = check_image_gen_partial_image_event_output_format(
            d.pop("output_format")
        )

        partial_image_index = d.pop("partial_image_index")

        image_gen_partial_image_event = cls(
            type_=type_,
            b64_json=b64_json,
            created_at=created_at,
            size=size,
            quality=quality,
            background=background,
            output_format=output_format,
            partial_image_index=partial_image_index,
        )

        image_gen_partial_image_event.additional_properties = d
        return image_gen_partial_image_event

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

    @property
    def type(self) -> ImageGenPartialImageEventType:
        """``type_`` by the spec's (and the official SDK's) name."""
        return self.type_
