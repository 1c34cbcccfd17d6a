from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_image_request_background import (
    CreateImageRequestBackground,
    check_create_image_request_background,
)
from ..models.create_image_request_model_type_1 import (
    CreateImageRequestModelType1,
    check_create_image_request_model_type_1,
)
from ..models.create_image_request_moderation import (
    CreateImageRequestModeration,
    check_create_image_request_moderation,
)
from ..models.create_image_request_output_format import (
    CreateImageRequestOutputFormat,
    check_create_image_request_output_format,
)
from ..models.create_image_request_quality import (
    CreateImageRequestQuality,
    check_create_image_request_quality,
)
from ..models.create_image_request_response_format import (
    CreateImageRequestResponseFormat,
    check_create_image_request_response_format,
)
from ..models.create_image_request_size_type_1 import (
    CreateImageRequestSizeType1,
    check_create_image_request_size_type_1,
)
from ..models.create_image_request_style import (
    CreateImageRequestStyle,
    check_create_image_request_style,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateImageRequest")


@_attrs_define
class CreateImageRequest:
    """
    Attributes:
        prompt (str): A text description of the desired image(s). The maximum length is 32000 characters for the GPT
            image models, 1000 characters for `dall-e-2` and 4000 characters for `dall-e-3`. Example: A cute baby sea otter.
        model (CreateImageRequestModelType1 | None | str | Unset): The model to use for image generation. One of
            `dall-e-2`, `dall-e-3`, or a GPT image model (`gpt-image-1`, `gpt-image-1-mini`, `gpt-image-1.5`, `gpt-image-2`,
            `gpt-image-2-2026-04-21`). Defaults to `dall-e-2` unless a parameter specific to the GPT image models is used.
            Default: 'dall-e-2'. Example: gpt-image-1.5.
        n (int | None | Unset): The number of images to generate. Must be between 1 and 10. For `dall-e-3`, only `n=1`
            is supported. Default: 1. Example: 1.
        quality (CreateImageRequestQuality | Unset): The quality of the image that will be generated.

            - `auto` (default value) will automatically select the best quality for the given model.
            - `high`, `medium` and `low` are supported for the GPT image models.
            - `hd` and `standard` are supported for `dall-e-3`.
            - `standard` is the only option for `dall-e-2`.
             Default: 'auto'. Example: medium.
        response_format (CreateImageRequestResponseFormat | Unset): The format in which generated images with `dall-e-2`
            and `dall-e-3` are returned. Must be one of `url` or `b64_json`. URLs are only valid for 60 minutes after the
            image has been generated. This parameter isn't supported for the GPT image models, which always return
            base64-encoded images. Default: 'url'. Example: url.
        output_format (CreateImageRequestOutputFormat | Unset): The format in which the generated images are returned.
            This parameter is only supported for the GPT image models. Must be one of `png`, `jpeg`, or `webp`. Default:
            'png'. Example: png.
        output_compression (int | None | Unset): The compression level (0-100%) for the generated images. This parameter
            is only supported for the GPT image models with the `webp` or `jpeg` output formats, and defaults to 100.
            Default: 100. Example: 100.
        stream (bool | None | Unset): Generate the image in streaming mode. Defaults to `false`. See the
            [Image generation guide](/docs/guides/image-generation) for more information.
            This parameter is only supported for the GPT image models.
             Default: False. Example: False.
        partial_images (int | None | Unset):
        size (CreateImageRequestSizeType1 | None | str | Unset): The size of the generated images. For `gpt-image-2` and
            `gpt-image-2-2026-04-21`, arbitrary resolutions are supported as `WIDTHxHEIGHT` strings, for example `1536x864`.
            Width and height must both be divisible by 16 and the requested aspect ratio must be between 1:3 and 3:1.
            Resolutions above `2560x1440` are experimental, and the maximum supported resolution is `3840x2160`. The
            requested size must also satisfy the model's current pixel and edge limits. The standard sizes `1024x1024`,
            `1536x1024`, and `1024x1536` are supported by the GPT image models; `auto` is supported for models that allow
            automatic sizing. For `dall-e-2`, use one of `256x256`, `512x512`, or `1024x1024`. For `dall-e-3`, use one of
            `1024x1024`, `1792x1024`, or `1024x1792`. Default: 'auto'. Example: 1024x1024.
        moderation (CreateImageRequestModeration | Unset): Control the content-moderation level for images generated by
            the GPT image models. Must be either `low` for less restrictive filtering or `auto` (default value). Default:
            'auto'. Example: low.
        background (CreateImageRequestBackground | Unset): Set the background of the generated image(s). This parameter
            is only
            supported for the GPT image models. Must be one of `transparent`, `opaque`,
            or `auto` (default value). When `auto` is used, the model will automatically
            determine the best background for the image.

            Transparent backgrounds are available for supported GPT Image models. For
            `gpt-image-2` and `gpt-image-2-2026-04-21`, this support is in preview. When
            using `transparent`, set the output format to `png` or `webp`.
             Default: 'auto'. Example: transparent.
        style (CreateImageRequestStyle | Unset): The style of the generated images. This parameter is only supported for
            `dall-e-3`. Must be one of `vivid` or `natural`. Vivid causes the model to lean towards generating hyper-real
            and dramatic images. Natural causes the model to produce more natural, less hyper-real looking images. Default:
            'vivid'. Example: vivid.
        user (str | Unset): A unique identifier representing your end-user, which can help OpenAI to monitor and detect
            abuse. [Learn more](/docs/guides/safety-best-practices#end-user-ids).
             Example: user-1234.
    """

    prompt: str
    model: CreateImageRequestModelType1 | None | str | Unset = UNSET
    n: int | None | Unset = UNSET
    quality: CreateImageRequestQuality | Unset = UNSET
    response_format: CreateImageRequestResponseFormat | Unset = UNSET
    output_format: CreateImageRequestOutputFormat | Unset = UNSET
    output_compression: int | None | Unset = UNSET
    stream: bool | None | Unset = UNSET
    partial_images: int | None | Unset = UNSET
    size: CreateImageRequestSizeType1 | None | str | Unset = UNSET
    moderation: CreateImageRequestModeration | Unset = UNSET
    background: CreateImageRequestBackground | Unset = UNSET
    style: CreateImageRequestStyle | Unset = UNSET
    user: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        elif isinstance(self.model, str):
            model = self.model
        else:
            model = self.model

        n: int | None | Unset
        if isinstance(self.n, Unset):
            n = UNSET
        else:
            n = self.n

        quality: str | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality

        response_format: str | Unset = UNSET
        if not isinstance(self.response_format, Unset):
            response_format = self.response_format

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        output_compression: int | None | Unset
        if isinstance(self.output_compression, Unset):
            output_compression = UNSET
        else:
            output_compression = self.output_compression

        stream: bool | None | Unset
        if isinstance(self.stream, Unset):
            stream = UNSET
        else:
            stream = self.stream

        partial_images: int | None | Unset
        if isinstance(self.partial_images, Unset):
            partial_images = UNSET
        else:
            partial_images = self.partial_images

        size: None | str | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        elif isinstance(self.size, str):
            size = self.size
        else:
            size = self.size

        moderation: str | Unset = UNSET
        if not isinstance(self.moderation, Unset):
            moderation = self.moderation

        background: str | Unset = UNSET
        if not isinstance(self.background, Unset):
            background = self.background

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if n is not UNSET:
            field_dict["n"] = n
        if quality is not UNSET:
            field_dict["quality"] = quality
        if response_format is not UNSET:
            field_dict["response_format"] = response_format
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if output_compression is not UNSET:
            field_dict["output_compression"] = output_compression
        if stream is not UNSET:
            field_dict["stream"] = stream
        if partial_images is not UNSET:
            field_dict["partial_images"] = partial_images
        if size is not UNSET:
            field_dict["size"] = size
        if moderation is not UNSET:
            field_dict["moderation"] = moderation
        if background is not UNSET:
            field_dict["background"] = background
        if style is not UNSET:
            field_dict["style"] = style
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        def _parse_model(
            data: object,
        ) -> CreateImageRequestModelType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_1 = check_create_image_request_model_type_1(data)

                return model_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateImageRequestModelType1 | None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n = _parse_n(d.pop("n", UNSET))

        _quality = d.pop("quality", UNSET)
        quality: CreateImageRequestQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = check_create_image_request_quality(_quality)

        _response_format = d.pop("response_format", UNSET)
        response_format: CreateImageRequestResponseFormat | Unset
        if isinstance(_response_format, Unset):
            response_format = UNSET
        else:
            response_format = check_create_image_request_response_format(
                _response_format
            )

        _output_format = d.pop("output_format", UNSET)
        output_format: CreateImageRequestOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_create_image_request_output_format(_output_format)

        def _parse_output_compression(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        output_compression = _parse_output_compression(
            d.pop("output_compression", UNSET)
        )

        def _parse_stream(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream = _parse_stream(d.pop("stream", UNSET))

        def _parse_partial_images(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        partial_images = _parse_partial_images(d.pop("partial_images", UNSET))

        def _parse_size(
            data: object,
        ) -> CreateImageRequestSizeType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_1 = check_create_image_request_size_type_1(data)

                return size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateImageRequestSizeType1 | None | str | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        _moderation = d.pop("moderation", UNSET)
        moderation: CreateImageRequestModeration | Unset
        if isinstance(_moderation, Unset):
            moderation = UNSET
        else:
            moderation = check_create_image_request_moderation(_moderation)

        _background = d.pop("background", UNSET)
        background: CreateImageRequestBackground | Unset
        if isinstance(_background, Unset):
            background = UNSET
        else:
            background = check_create_image_request_background(_background)

        _style = d.pop("style", UNSET)
        style: CreateImageRequestStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = check_create_image_request_style(_style)

        user = d.pop("user", UNSET)

        create_image_request = cls(
            prompt=prompt,
            model=model,
            n=n,
            quality=quality,
            response_format=response_format,
            output_format=output_format,
            output_compression=output_compression,
            stream=stream,
            partial_images=partial_images,
            size=size,
            moderation=moderation,
            background=background,
            style=style,
            user=user,
        )

        create_image_request.additional_properties = d
        return create_image_request

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
