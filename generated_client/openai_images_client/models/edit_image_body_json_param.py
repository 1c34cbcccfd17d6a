from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.edit_image_body_json_param_background_type_0 import (
    EditImageBodyJsonParamBackgroundType0,
    check_edit_image_body_json_param_background_type_0,
)
from ..models.edit_image_body_json_param_complexity_type_0 import (
    EditImageBodyJsonParamComplexityType0,
    check_edit_image_body_json_param_complexity_type_0,
)
from ..models.edit_image_body_json_param_input_fidelity_type_0 import (
    EditImageBodyJsonParamInputFidelityType0,
    check_edit_image_body_json_param_input_fidelity_type_0,
)
from ..models.edit_image_body_json_param_model_type_1 import (
    EditImageBodyJsonParamModelType1,
    check_edit_image_body_json_param_model_type_1,
)
from ..models.edit_image_body_json_param_moderation_type_0 import (
    EditImageBodyJsonParamModerationType0,
    check_edit_image_body_json_param_moderation_type_0,
)
from ..models.edit_image_body_json_param_output_format_type_0 import (
    EditImageBodyJsonParamOutputFormatType0,
    check_edit_image_body_json_param_output_format_type_0,
)
from ..models.edit_image_body_json_param_quality_type_0 import (
    EditImageBodyJsonParamQualityType0,
    check_edit_image_body_json_param_quality_type_0,
)
from ..models.edit_image_body_json_param_size_type_0 import (
    EditImageBodyJsonParamSizeType0,
    check_edit_image_body_json_param_size_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="EditImageBodyJsonParam")


@_attrs_define
class EditImageBodyJsonParam:
    """JSON request body for image edits.

    Use `images` (array of `ImageRefParam`) instead of multipart `image` uploads.
    You can reference images via external URLs, data URLs, or uploaded file IDs.
    JSON edits support GPT image models only; DALL-E edits require multipart (`dall-e-2` only).

        Attributes:
            images (list[ImageRefParam]): Input image references to edit.
                For GPT image models, you can provide up to 16 images.
            prompt (str): A text description of the desired image edit. Example: Add a watercolor effect and keep the
                subject centered.
            model (EditImageBodyJsonParamModelType1 | None | str | Unset): The GPT image model to use for image editing,
                including `gpt-image-2` and its dated snapshot `gpt-image-2-2026-04-21`. Default: 'gpt-image-1.5'. Example: gpt-
                image-1.5.
            mask (ImageRefParam | Unset): Reference an input image by either URL or uploaded file ID.
                Provide exactly one of `image_url` or `file_id`.
            n (int | None | Unset): The number of edited images to generate. Default: 1. Example: 1.
            quality (EditImageBodyJsonParamQualityType0 | None | Unset): Output quality for GPT image models.
                 Default: 'auto'. Example: high.
            input_fidelity (EditImageBodyJsonParamInputFidelityType0 | None | Unset): Controls fidelity to the original
                input image(s).
            size (EditImageBodyJsonParamSizeType0 | None | Unset): Requested output image size. Default: 'auto'. Example:
                1024x1024.
            user (str | Unset): A unique identifier representing your end-user, which can help OpenAI
                monitor and detect abuse.
                 Example: user-1234.
            output_format (EditImageBodyJsonParamOutputFormatType0 | None | Unset): Output image format. Supported for GPT
                image models. Default: 'png'. Example: png.
            output_compression (int | None | Unset): Compression level for `jpeg` or `webp` output. Example: 100.
            moderation (EditImageBodyJsonParamModerationType0 | None | Unset): Moderation level for GPT image models.
                Default: 'auto'. Example: auto.
            background (EditImageBodyJsonParamBackgroundType0 | None | Unset): Set the background of the generated image
                output. Transparent backgrounds are available for supported GPT Image models. For `gpt-image-2` and `gpt-
                image-2-2026-04-21`, this support is in preview. When using `transparent`, set the output format to `png` or
                `webp`. Default: 'auto'. Example: transparent.
            stream (bool | None | Unset): Stream partial image results as events. Default: False. Example: False.
            partial_images (int | None | Unset):
            complexity (EditImageBodyJsonParamComplexityType0 | None | Unset): Computation spent planning the image,
                independently of rendering quality. Uses the image model's configured default when omitted.
            frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from 2 through 16. Defaults
                to 9 when omitted. Only supported with output_format=gif.
            frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds. Defaults to 200 when
                omitted. Only supported with output_format=gif.
            safety_identifier (None | str | Unset): A stable identifier for an end user in your organization, used for
                safety monitoring and abuse detection. A non-empty value takes precedence over the deprecated `user` parameter.
            svg (ImageEditSvgOptions | None | Unset):
    """

    images: list[ImageRefParam]
    prompt: str
    model: EditImageBodyJsonParamModelType1 | None | str | Unset = UNSET
    mask: ImageRefParam | Unset = UNSET
    n: int | None | Unset = UNSET
    quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET
    input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET
    size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET
    user: str | Unset = UNSET
    output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET
    output_compression: int | None | Unset = UNSET
    moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET
    background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET
    stream: bool | None | Unset = UNSET
    partial_images: int | None | Unset = UNSET
    complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET
    frame_count: int | None | Unset = UNSET
    frame_duration_ms: int | None | Unset = UNSET
    safety_identifier: None | str | Unset = UNSET
    svg: ImageEditSvgOptions | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        mask: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mask, Unset):
            mask = self.mask.to_dict()

        svg: dict[str, Any] | None | Unset
        if isinstance(self.svg, Unset):
            svg = UNSET
        elif isinstance(self.svg, ImageEditSvgOptions):
            svg = self.svg.to_dict()
        else:
            svg = self.svg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["images"] = images
        field_dict["prompt"] = self.prompt
        if not isinstance(self.model, Unset):
            field_dict["model"] = self.model
        if mask is not UNSET:
            field_dict["mask"] = mask
        if not isinstance(self.n, Unset):
            field_dict["n"] = self.n
        if not isinstance(self.quality, Unset):
            field_dict["quality"] = self.quality
        if not isinstance(self.input_fidelity, Unset):
            field_dict["input_fidelity"] = self.input_fidelity
        if not isinstance(self.size, Unset):
            field_dict["size"] = self.size
        if not isinstance(self.user, Unset):
            field_dict["user"] = self.user
        if not isinstance(self.output_format, Unset):
            field_dict["output_format"] = self.output_format
        if not isinstance(self.output_compression, Unset):
            field_dict["output_compression"] = self.output_compression
        if not isinstance(self.moderation, Unset):
            field_dict["moderation"] = self.moderation
        if not isinstance(self.background, Unset):
            field_dict["background"] = self.background
        if not isinstance(self.stream, Unset):
            field_dict["stream"] = self.stream
        if not isinstance(self.partial_images, Unset):
            field_dict["partial_images"] = self.partial_images
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
        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = ImageRefParam.from_dict(images_item_data)

            images.append(images_item)

        prompt = d.pop("prompt")

        def _parse_model(
            data: object,
        ) -> EditImageBodyJsonParamModelType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_1 = check_edit_image_body_json_param_model_type_1(data)

                return model_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageBodyJsonParamModelType1 | None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        _mask = d.pop("mask", UNSET)
        mask: ImageRefParam | Unset
        if isinstance(_mask, Unset):
            mask = UNSET
        else:
            mask = ImageRefParam.from_dict(_mask)

        def _parse_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n = _parse_n(d.pop("n", UNSET))

        def _parse_quality(
            data: object,
        ) -> EditImageBodyJsonParamQualityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                quality_type_0 = check_edit_image_body_json_param_quality_type_0(data)

                return quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageBodyJsonParamQualityType0 | None | Unset, data)

        quality = _parse_quality(d.pop("quality", UNSET))

        def _parse_input_fidelity(
            data: object,
        ) -> EditImageBodyJsonParamInputFidelityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                input_fidelity_type_0 = (
                    check_edit_image_body_json_param_input_fidelity_type_0(data)
                )

                return input_fidelity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageBodyJsonParamInputFidelityType0 | None | Unset, data)

        input_fidelity = _parse_input_fidelity(d.pop("input_fidelity", UNSET))

        def _parse_size(data: object) -> EditImageBodyJsonParamSizeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_0 = check_edit_image_body_json_param_size_type_0(data)

                return size_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageBodyJsonParamSizeType0 | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        user = d.pop("user", UNSET)

        def _parse_output_format(
            data: object,
        ) -> EditImageBodyJsonParamOutputFormatType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                output_format_type_0 = (
                    check_edit_image_body_json_param_output_format_type_0(data)
                )

                return output_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageBodyJsonParamOutputFormatType0 | None | Unset, data)

        output_format = _parse_output_format(d.pop("output_format", UNSET))

        def _parse_output_compression(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        output_compression = _parse_output_compression(
            d.pop("output_compression", UNSET)
        )

        def _parse_moderation(
            data: object,
        ) -> EditImageBodyJsonParamModerationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                moderation_type_0 = check_edit_image_body_json_param_moderation_type_0(
                    data
                )

                return moderation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageBodyJsonParamModerationType0 | None | Unset, data)

        moderation = _parse_moderation(d.pop("moderation", UNSET))

        def _parse_background(
            data: object,
        ) -> EditImageBodyJsonParamBackgroundType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                background_type_0 = check_edit_image_body_json_param_background_type_0(
                    data
                )

                return background_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageBodyJsonParamBackgroundType0 | None | Unset, data)

        background = _parse_background(d.pop("background", UNSET))

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

        def _parse_complexity(
            data: object,
        ) -> EditImageBodyJsonParamComplexityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complexity_type_0 = check_edit_image_body_json_param_complexity_type_0(
                    data
                )

                return complexity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EditImageBodyJsonParamComplexityType0 | None | Unset, data)

        complexity = _parse_complexity(d.pop("complexity", UNSET))

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

        def _parse_svg(data: object) -> ImageEditSvgOptions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                svg_type_0 = ImageEditSvgOptions.from_dict(data)

                return svg_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageEditSvgOptions | None | Unset, data)

        svg = _parse_svg(d.pop("svg", UNSET))

        edit_image_body_json_param = cls(
            images=images,
            prompt=prompt,
            model=model,
            mask=mask,
            n=n,
            quality=quality,
            input_fidelity=input_fidelity,
            size=size,
            user=user,
            output_format=output_format,
            output_compression=output_compression,
            moderation=moderation,
            background=background,
            stream=stream,
            partial_images=partial_images,
            complexity=complexity,
            frame_count=frame_count,
            frame_duration_ms=frame_duration_ms,
            safety_identifier=safety_identifier,
            svg=svg,
        )

        edit_image_body_json_param.additional_properties = d
        return edit_image_body_json_param

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
from ..models.image_edit_svg_options import ImageEditSvgOptions
from ..models.image_ref_param import ImageRefParam
