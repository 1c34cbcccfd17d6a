from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_edit_completed_event_background import (
    ImageEditCompletedEventBackground,
    check_image_edit_completed_event_background,
)
from ..models.image_edit_completed_event_output_format import (
    ImageEditCompletedEventOutputFormat,
    check_image_edit_completed_event_output_format,
)
from ..models.image_edit_completed_event_quality import (
    ImageEditCompletedEventQuality,
    check_image_edit_completed_event_quality,
)
from ..models.image_edit_completed_event_size_type_1 import (
    ImageEditCompletedEventSizeType1,
    check_image_edit_completed_event_size_type_1,
)
from ..models.image_edit_completed_event_type import (
    ImageEditCompletedEventType,
    check_image_edit_completed_event_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageEditCompletedEvent")


@_attrs_define
class ImageEditCompletedEvent:
    """Emitted when image editing has completed and the final image is available.

    Attributes:
        type_ (ImageEditCompletedEventType): The type of the event. Always `image_edit.completed`.
        b64_json (str): Base64-encoded final edited image data, suitable for rendering as an image.
        created_at (int): The Unix timestamp when the event was created.
        size (ImageEditCompletedEventSizeType1 | str): The image dimensions as a `WIDTHxHEIGHT` string, for example
            `1536x864`.
        quality (ImageEditCompletedEventQuality): The quality setting for the edited image.
        background (ImageEditCompletedEventBackground): The background setting for the edited image.
        output_format (ImageEditCompletedEventOutputFormat): The output format for the edited image.
        usage (ImagesUsage): For the GPT image models only, the token usage information for the image generation.
        safety_identifier (None | str | Unset): The effective safety identifier used for safety monitoring and abuse
            detection. This is the non-empty `safety_identifier` from the request, or the deprecated `user` value when
            `safety_identifier` is omitted, null, or empty.
    """

    type_: ImageEditCompletedEventType
    b64_json: str
    created_at: int
    size: ImageEditCompletedEventSizeType1 | str
    quality: ImageEditCompletedEventQuality
    background: ImageEditCompletedEventBackground
    output_format: ImageEditCompletedEventOutputFormat
    usage: ImagesUsage
    safety_identifier: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        usage = self.usage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["type"] = self.type_
        field_dict["b64_json"] = self.b64_json
        field_dict["created_at"] = self.created_at
        field_dict["size"] = self.size
        field_dict["quality"] = self.quality
        field_dict["background"] = self.background
        field_dict["output_format"] = self.output_format
        field_dict["usage"] = usage
        if not isinstance(self.safety_identifier, Unset):
            field_dict["safety_identifier"] = self.safety_identifier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_image_edit_completed_event_type(d.pop("type"))

        b64_json = d.pop("b64_json")

        created_at = d.pop("created_at")

        def _parse_size(data: object) -> ImageEditCompletedEventSizeType1 | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_1 = check_image_edit_completed_event_size_type_1(data)

                return size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageEditCompletedEventSizeType1 | str, data)

        size = _parse_size(d.pop("size"))

        quality = check_image_edit_completed_event_quality(d.pop("quality"))

        background = check_image_edit_completed_event_background(d.pop("background"))

        output_format = check_image_edit_completed_event_output_format(
            d.pop("output_format")
        )

        usage = ImagesUsage.from_dict(d.pop("usage"))

        def _parse_safety_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        safety_identifier = _parse_safety_identifier(d.pop("safety_identifier", UNSET))

        image_edit_completed_event = cls(
            type_=type_,
            b64_json=b64_json,
            created_at=created_at,
            size=size,
            quality=quality,
            background=background,
            output_format=output_format,
            usage=usage,
            safety_identifier=safety_identifier,
        )

        image_edit_completed_event.additional_properties = d
        return image_edit_completed_event

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
    def type(self) -> ImageEditCompletedEventType:
        """``type_`` by the spec's (and the official SDK's) name."""
        return self.type_


# The models this one nests: imported once its class exists, so that models that refer to each
# other load in either order, and once per process rather than in every to_dict/from_dict call.
from ..models.images_usage import ImagesUsage
