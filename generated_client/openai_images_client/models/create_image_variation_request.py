from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.create_image_variation_request_model_type_1 import (
    CreateImageVariationRequestModelType1,
    check_create_image_variation_request_model_type_1,
)
from ..models.create_image_variation_request_response_format import (
    CreateImageVariationRequestResponseFormat,
    check_create_image_variation_request_response_format,
)
from ..models.create_image_variation_request_size import (
    CreateImageVariationRequestSize,
    check_create_image_variation_request_size,
)
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="CreateImageVariationRequest")


@_attrs_define
class CreateImageVariationRequest:
    """
    Attributes:
        image (File): The image to use as the basis for the variation(s). Must be a valid PNG file, less than 4MB, and
            square.
        model (CreateImageVariationRequestModelType1 | None | str | Unset): The legacy model used by the retired image
            variations endpoint. This endpoint no longer accepts requests. Deprecated values: "gpt-image-1": GPT Image 1 was
            shut down on October 23, 2026. "dall-e-2", "dall-e-3": This model was retired on May 12, 2026. Use a GPT image
            model instead. Default: 'dall-e-2'. Example: dall-e-2.
        n (int | None | Unset): The number of images to generate. Must be between 1 and 10. Default: 1. Example: 1.
        response_format (CreateImageVariationRequestResponseFormat | Unset): The format in which the generated images
            are returned. Must be one of `url` or `b64_json`. URLs are only valid for 60 minutes after the image has been
            generated. Default: 'url'. Example: url.
        size (CreateImageVariationRequestSize | Unset): The size of the generated images. Must be one of `256x256`,
            `512x512`, or `1024x1024`. Default: '1024x1024'. Example: 1024x1024.
        user (str | Unset): A unique identifier representing your end-user, which can help OpenAI to monitor and detect
            abuse. [Learn more](/docs/guides/safety-best-practices#end-user-ids).
             Example: user-1234.
    """

    image: File
    model: CreateImageVariationRequestModelType1 | None | str | Unset = UNSET
    n: int | None | Unset = UNSET
    response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET
    size: CreateImageVariationRequestSize | Unset = UNSET
    user: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image = self.image.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["image"] = image
        if not isinstance(self.model, Unset):
            field_dict["model"] = self.model
        if not isinstance(self.n, Unset):
            field_dict["n"] = self.n
        if not isinstance(self.response_format, Unset):
            field_dict["response_format"] = self.response_format
        if not isinstance(self.size, Unset):
            field_dict["size"] = self.size
        if not isinstance(self.user, Unset):
            field_dict["user"] = self.user

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("image", self.image.to_tuple()))

        if not isinstance(self.model, Unset):
            if self.model is not None:
                if isinstance(self.model, str):
                    if self.model is not None:
                        files.append(
                            (
                                "model",
                                (
                                    None,
                                    types.encode_form_value(self.model),
                                    "text/plain",
                                ),
                            )
                        )

                else:
                    files.append(
                        ("model", (None, str(self.model).encode(), "text/plain"))
                    )

        if not isinstance(self.n, Unset):
            if self.n is not None:
                files.append(("n", (None, str(self.n).encode(), "text/plain")))

        if not isinstance(self.response_format, Unset):
            files.append(
                (
                    "response_format",
                    (None, str(self.response_format).encode(), "text/plain"),
                )
            )

        if not isinstance(self.size, Unset):
            files.append(("size", (None, str(self.size).encode(), "text/plain")))

        if not isinstance(self.user, Unset):
            if self.user is not None:
                files.append(
                    ("user", (None, types.encode_form_value(self.user), "text/plain"))
                )

        for prop_name, prop in self.additional_properties.items():
            if prop is not None:
                files.append(
                    (prop_name, (None, types.encode_form_value(prop), "text/plain"))
                )

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        image = File(payload=BytesIO(d.pop("image")))

        def _parse_model(
            data: object,
        ) -> CreateImageVariationRequestModelType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_1 = check_create_image_variation_request_model_type_1(data)

                return model_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                CreateImageVariationRequestModelType1 | None | str | Unset, data
            )

        model = _parse_model(d.pop("model", UNSET))

        def _parse_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n = _parse_n(d.pop("n", UNSET))

        _response_format = d.pop("response_format", UNSET)
        response_format: CreateImageVariationRequestResponseFormat | Unset
        if isinstance(_response_format, Unset):
            response_format = UNSET
        else:
            response_format = check_create_image_variation_request_response_format(
                _response_format
            )

        _size = d.pop("size", UNSET)
        size: CreateImageVariationRequestSize | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = check_create_image_variation_request_size(_size)

        user = d.pop("user", UNSET)

        create_image_variation_request = cls(
            image=image,
            model=model,
            n=n,
            response_format=response_format,
            size=size,
            user=user,
        )

        create_image_variation_request.additional_properties = d
        return create_image_variation_request

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
