from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_image_request_background import (
    CreateImageRequestBackground,
    check_create_image_request_background,
)
from ..models.create_image_request_complexity import (
    CreateImageRequestComplexity,
    check_create_image_request_complexity,
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
        prompt (str): A text description of the desired image(s). The maximum length is 32000 characters. Example: A
            cute baby sea otter.
        model (CreateImageRequestModelType1 | None | str | Unset): The GPT image model to use for image generation.
            Specify a model explicitly. Supported models include `gpt-image-1-mini`, `gpt-image-1.5`, `gpt-image-2`, `gpt-
            image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, `gpt-
            image-2.5-flare-2026-09-08`, `gpt-image-2.6-sunburst`, `gpt-image-2.6-flare`, and `chatgpt-image-latest`. `gpt-
            image-1` was shut down on October 23, 2026. Use `gpt-image-2.5-sunburst` or `gpt-image-2.5-flare` instead.
            Deprecated values: "gpt-image-1": GPT Image 1 was shut down on October 23, 2026. "dall-e-2", "dall-e-3": This
            model was retired on May 12, 2026. Use a GPT image model instead. Example: gpt-image-1.5.
        n (int | None | Unset): The number of images to generate. Must be between 1 and 10. For `dall-e-3`, only `n=1`
            is supported. Default: 1. Example: 1.
        quality (CreateImageRequestQuality | Unset): The quality of the image that will be generated.

            - `auto` (default value) will automatically select the best quality for the given model.
            - `high`, `medium` and `low` are supported for the GPT image models.
            - `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`, including their `2026-09-08` snapshots, also support
            `xhigh` and `max`.

            Deprecated values: "standard", "hd": This quality was only supported by retired DALL·E models. Use a GPT image
            quality instead.
             Default: 'auto'. Example: medium.
        response_format (CreateImageRequestResponseFormat | Unset): Legacy response format parameter for retired image
            models. Unsupported for GPT image models, which always return base64-encoded images. Default: 'url'. Example:
            url.
        output_format (CreateImageRequestOutputFormat | Unset): The format in which the generated images are returned.
            This parameter is only supported for the GPT image models. Default: 'png'. Example: png.
        output_compression (int | None | Unset): The compression level (0-100%) for the generated images. This parameter
            is only supported for the GPT image models with the `webp` or `jpeg` output formats, and defaults to 100.
            Default: 100. Example: 100.
        stream (bool | None | Unset): Generate the image in streaming mode. Defaults to `false`. See the
            [Image generation guide](/docs/guides/image-generation) for more information.
            This parameter is only supported for the GPT image models.
             Default: False. Example: False.
        partial_images (int | None | Unset):
        size (CreateImageRequestSizeType1 | None | str | Unset): The size of the generated images. For `gpt-image-2`,
            `gpt-image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`,
            and `gpt-image-2.5-flare-2026-09-08`, arbitrary resolutions are supported as `WIDTHxHEIGHT` strings, for example
            `1536x864`. Width and height must both be divisible by 16 and the requested aspect ratio must be between 1:3 and
            3:1. Resolutions above `2560x1440` are experimental, and the maximum supported resolution is `3840x2160`. The
            requested size must also satisfy the model's current pixel and edge limits. The standard sizes `1024x1024`,
            `1536x1024`, and `1024x1536` are supported by the GPT image models; `auto` is supported for models that allow
            automatic sizing. Deprecated values: "256x256", "512x512", "1792x1024", "1024x1792": This legacy size suggestion
            is retained for SDK compatibility. Check the selected GPT image model's supported sizes. Default: 'auto'.
            Example: 1024x1024.
        moderation (CreateImageRequestModeration | Unset): Control the content-moderation level for images generated by
            the GPT image models. Must be either `low` for less restrictive filtering or `auto` (default value). Default:
            'auto'. Example: low.
        background (CreateImageRequestBackground | Unset): Allows to set transparency for the background of the
            generated image(s). Must be one of `transparent`, `opaque`, or `auto` (default value). When `auto` is used, the
            model will automatically determine the best background for the image. `gpt-image-2.5-sunburst` and `gpt-
            image-2.5-flare`, including their `2026-09-08` snapshots, support `opaque` and `transparent` backgrounds.
            Transparent backgrounds are available for supported GPT Image models. For `gpt-image-2` and `gpt-
            image-2-2026-04-21`, this support is in preview. When using `transparent`, set the output format to `png` or
            `webp`. Default: 'auto'. Example: transparent.
        style (CreateImageRequestStyle | Unset): Legacy style parameter for retired image models. Unsupported for GPT
            image models; describe the desired style in the prompt instead. Default: 'vivid'. Example: vivid.
        user (str | Unset): Deprecated: use `safety_identifier` instead. This parameter remains accepted for backward
            compatibility and is used when `safety_identifier` is omitted, null, or empty. Example: user-1234.
        complexity (CreateImageRequestComplexity | Unset): Computation spent planning the image, independently of
            rendering quality. Uses the image model's configured default when omitted. For SVG output, controls the
            reference image, independently of the SVG author's reasoning.
        frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from 2 through 16. Defaults
            to 9 when omitted. Only supported with output_format=gif. The requested size must satisfy the selected model's
            GIF size limits. GIF output does not support streaming, partial images, masks, or custom output compression.
            Requires access to the GIF preview for the selected model.
        frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds. Defaults to 200 when
            omitted. GIF output rounds to the nearest 10 ms and caps the encoded delay at 655,350 ms per frame. Only
            supported with output_format=gif.
        safety_identifier (None | str | Unset): A stable identifier for an end user in your organization, used for
            safety monitoring and abuse detection. Hash a username or email address to avoid sending identifying
            information. A non-empty value takes precedence over the deprecated `user` parameter. If omitted, null, or
            empty, the API uses `user` when available.
        svg (ImageGenSvgOptions | None | Unset):
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
    complexity: CreateImageRequestComplexity | Unset = UNSET
    frame_count: int | None | Unset = UNSET
    frame_duration_ms: int | None | Unset = UNSET
    safety_identifier: None | str | Unset = UNSET
    svg: ImageGenSvgOptions | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        svg: dict[str, Any] | None | Unset
        if isinstance(self.svg, Unset):
            svg = UNSET
        elif isinstance(self.svg, ImageGenSvgOptions):
            svg = self.svg.to_dict()
        else:
            svg = self.svg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["prompt"] = self.prompt
        if not isinstance(self.model, Unset):
            field_dict["model"] = self.model
        if not isinstance(self.n, Unset):
            field_dict["n"] = self.n
        if not isinstance(self.quality, Unset):
            field_dict["quality"] = self.quality
        if not isinstance(self.response_format, Unset):
            field_dict["response_format"] = self.response_format
        if not isinstance(self.output_format, Unset):
            field_dict["output_format"] = self.output_format
        if not isinstance(self.output_compression, Unset):
            field_dict["output_compression"] = self.output_compression
        if not isinstance(self.stream, Unset):
            field_dict["stream"] = self.stream
        if not isinstance(self.partial_images, Unset):
            field_dict["partial_images"] = self.partial_images
        if not isinstance(self.size, Unset):
            field_dict["size"] = self.size
        if not isinstance(self.moderation, Unset):
            field_dict["moderation"] = self.moderation
        if not isinstance(self.background, Unset):
            field_dict["background"] = self.background
        if not isinstance(self.style, Unset):
            field_dict["style"] = self.style
        if not isinstance(self.user, Unset):
            field_dict["user"] = self.user
        if not isinstance(self.complexity, Unset):
            field_dict["complexity"] = self.complexity
        if not isinstance(self.frame_count, Unset):
            field_dict["frame_count"] = self.frame_count
        if not isinstance(self.frame_duration_ms, Unset):
            field_dict["frame_duration_ms"] = self.frame_duration_ms
        if not isinstance(self.safety_identifier, Unset):
            field_dict["safety_identifier"] = self.safety_identifier
        if svg is not UNSET:
            field_dict["svg"] = svg

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

        _complexity = d.pop("complexity", UNSET)
        complexity: CreateImageRequestComplexity | Unset
        if isinstance(_complexity, Unset):
            complexity = UNSET
        else:
            complexity = check_create_image_request_complexity(_complexity)

        def _parse_frame_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        frame_count = _parse_frame_count(d.pop("frame_count", UNSET))

        def _parse_frame_duration_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        frame_duration_ms = _parse_frame_duration_ms(d.pop("frame_duration_ms", UNSET))

        def _parse_safety_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        safety_identifier = _parse_safety_identifier(d.pop("safety_identifier", UNSET))

        def _parse_svg(data: object) -> ImageGenSvgOptions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                svg_type_0 = ImageGenSvgOptions.from_dict(data)

                return svg_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageGenSvgOptions | None | Unset, data)

        svg = _parse_svg(d.pop("svg", UNSET))

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
            complexity=complexity,
            frame_count=frame_count,
            frame_duration_ms=frame_duration_ms,
            safety_identifier=safety_identifier,
            svg=svg,
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

    def model_dump(self) -> dict[str, Any]:
        """The model as a dict of JSON values (the official SDK's name for ``to_dict``)."""
        return self.to_dict()

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The model as a JSON document (the official SDK's name)."""
        import json as _json

        return _json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


# The models this one nests: imported once its class exists, so that models that refer to each
# other load in either order, and once per process rather than in every to_dict/from_dict call.
from ..models.image_gen_svg_options import ImageGenSvgOptions
