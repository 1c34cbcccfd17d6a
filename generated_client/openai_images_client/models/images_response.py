from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Response, Unset

if TYPE_CHECKING:
    import httpx

from typing import Self, cast

from ..models.images_response_background import (
    ImagesResponseBackground,
    check_images_response_background,
)
from ..models.images_response_output_format import (
    ImagesResponseOutputFormat,
    check_images_response_output_format,
)
from ..models.images_response_quality import (
    ImagesResponseQuality,
    check_images_response_quality,
)
from ..models.images_response_size_type_1 import (
    ImagesResponseSizeType1,
    check_images_response_size_type_1,
)

T = TypeVar("T", bound="ImagesResponse")


@_attrs_define
class ImagesResponse:
    """The response from the image generation endpoint.

    Attributes:
        created (int): The Unix timestamp (in seconds) of when the image was created.
        data (list[Image] | Unset): The list of generated images.
        background (ImagesResponseBackground | Unset): The background parameter used for the image generation. Either
            `transparent` or `opaque`.
        output_format (ImagesResponseOutputFormat | Unset): The output format of the image generation. Either `png`,
            `webp`, or `jpeg`.
        size (ImagesResponseSizeType1 | str | Unset): The image dimensions as a `WIDTHxHEIGHT` string, for example
            `1536x864`.
        quality (ImagesResponseQuality | Unset): The quality of the image generated. Either `low`, `medium`, or `high`.
        usage (ImageGenUsage | Unset): For `gpt-image-1` only, the token usage information for the image generation.
        safety_identifier (str | Unset): The effective safety identifier used for safety monitoring and abuse detection.
            This is the non-empty `safety_identifier` from the request, or the deprecated `user` value when
            `safety_identifier` is omitted, null, or empty.
        svg_usage (ImagesSvgUsage | Unset): Token usage for SVG authoring, separate from image rendering usage.
    """

    created: int
    data: list[Image] | Unset = UNSET
    background: ImagesResponseBackground | Unset = UNSET
    output_format: ImagesResponseOutputFormat | Unset = UNSET
    size: ImagesResponseSizeType1 | str | Unset = UNSET
    quality: ImagesResponseQuality | Unset = UNSET
    usage: ImageGenUsage | Unset = UNSET
    safety_identifier: str | Unset = UNSET
    svg_usage: ImagesSvgUsage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _exchange: tuple[httpx.Response, float | None] | None = _attrs_field(
        default=None, init=False, repr=False, eq=False
    )
    """The HTTP answer this model was parsed from and the seconds the call took, when it came from an API call."""

    def to_dict(self) -> dict[str, Any]:
        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        svg_usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.svg_usage, Unset):
            svg_usage = self.svg_usage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["created"] = self.created
        if data is not UNSET:
            field_dict["data"] = data
        if not isinstance(self.background, Unset):
            field_dict["background"] = self.background
        if not isinstance(self.output_format, Unset):
            field_dict["output_format"] = self.output_format
        if not isinstance(self.size, Unset):
            field_dict["size"] = self.size
        if not isinstance(self.quality, Unset):
            field_dict["quality"] = self.quality
        if usage is not UNSET:
            field_dict["usage"] = usage
        if not isinstance(self.safety_identifier, Unset):
            field_dict["safety_identifier"] = self.safety_identifier
        if svg_usage is not UNSET:
            field_dict["svg_usage"] = svg_usage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created = d.pop("created")

        _data = d.pop("data", UNSET)
        data: list[Image] | Unset = UNSET
        if _data is not UNSET:
            data = []
            for data_item_data in _data:
                data_item = Image.from_dict(data_item_data)

                data.append(data_item)

        _background = d.pop("background", UNSET)
        background: ImagesResponseBackground | Unset
        if isinstance(_background, Unset):
            background = UNSET
        else:
            background = check_images_response_background(_background)

        _output_format = d.pop("output_format", UNSET)
        output_format: ImagesResponseOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_images_response_output_format(_output_format)

        def _parse_size(data: object) -> ImagesResponseSizeType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_1 = check_images_response_size_type_1(data)

                return size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImagesResponseSizeType1 | str | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        _quality = d.pop("quality", UNSET)
        quality: ImagesResponseQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = check_images_response_quality(_quality)

        _usage = d.pop("usage", UNSET)
        usage: ImageGenUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = ImageGenUsage.from_dict(_usage)

        safety_identifier = d.pop("safety_identifier", UNSET)

        _svg_usage = d.pop("svg_usage", UNSET)
        svg_usage: ImagesSvgUsage | Unset
        if isinstance(_svg_usage, Unset):
            svg_usage = UNSET
        else:
            svg_usage = ImagesSvgUsage.from_dict(_svg_usage)

        images_response = cls(
            created=created,
            data=data,
            background=background,
            output_format=output_format,
            size=size,
            quality=quality,
            usage=usage,
            safety_identifier=safety_identifier,
            svg_usage=svg_usage,
        )

        images_response.additional_properties = d
        return images_response

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
    def request_id(self) -> str | None:
        """The ``x-request-id`` of the HTTP exchange this answer came from (None when it did not come from one)."""
        return (
            self._exchange[0].headers.get("x-request-id")
            if self._exchange is not None
            else None
        )

    @property
    def _request_id(self) -> str | None:
        """``request_id`` by the official SDK's name."""
        return self.request_id

    @property
    def _response(self) -> Response[Any] | None:
        """The HTTP exchange this model was parsed from (status, headers, raw bytes, request id, elapsed
        time), when it came from an API call. Made when asked for: a call does not pay for it, and the
        model and its exchange do not keep each other alive."""
        if self._exchange is None:
            return None
        from ..runtime import exchange

        http_response, elapsed = self._exchange
        return exchange(http_response, self, elapsed)


# The models this one nests: imported once its class exists, so that models that refer to each
# other load in either order, and once per process rather than in every to_dict/from_dict call.
from ..models.image import Image
from ..models.image_gen_usage import ImageGenUsage
from ..models.images_svg_usage import ImagesSvgUsage
