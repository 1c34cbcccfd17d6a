from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.create_image_edit_request_background import (
    CreateImageEditRequestBackground,
    check_create_image_edit_request_background,
)
from ..models.create_image_edit_request_complexity import (
    CreateImageEditRequestComplexity,
    check_create_image_edit_request_complexity,
)
from ..models.create_image_edit_request_model_type_1 import (
    CreateImageEditRequestModelType1,
    check_create_image_edit_request_model_type_1,
)
from ..models.create_image_edit_request_output_format import (
    CreateImageEditRequestOutputFormat,
    check_create_image_edit_request_output_format,
)
from ..models.create_image_edit_request_quality import (
    CreateImageEditRequestQuality,
    check_create_image_edit_request_quality,
)
from ..models.create_image_edit_request_response_format import (
    CreateImageEditRequestResponseFormat,
    check_create_image_edit_request_response_format,
)
from ..models.create_image_edit_request_size_type_1 import (
    CreateImageEditRequestSizeType1,
    check_create_image_edit_request_size_type_1,
)
from ..models.input_fidelity import InputFidelity, check_input_fidelity
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="CreateImageEditRequest")


@_attrs_define
class CreateImageEditRequest:
    """
    Attributes:
        image (File | list[File]): The image(s) to edit. Must be a supported image file or an array of images. For the
            GPT image models (`gpt-image-1-mini`, `gpt-image-1.5`, `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-
            image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, and `gpt-
            image-2.5-flare-2026-09-08`), each image should be a `png`, `webp`, or `jpg` file less than 50MB. You can
            provide up to 16 images. `chatgpt-image-latest` follows the same input constraints as GPT image models.
        prompt (str): A text description of the desired image(s). The maximum length is 32000 characters for the GPT
            image models. Example: A cute baby sea otter wearing a beret.
        mask (File | Unset): An additional image whose fully transparent areas (e.g. where alpha is zero) indicate where
            `image` should be edited. If there are multiple images provided, the mask will be applied on the first image.
            Must be a valid PNG file, less than 4MB, and have the same dimensions as `image`.
        background (CreateImageEditRequestBackground | Unset): Allows to set transparency for the background of the
            generated image(s). Must be one of `transparent`, `opaque`, or `auto` (default value). When `auto` is used, the
            model will automatically determine the best background for the image. `gpt-image-2.5-sunburst` and `gpt-
            image-2.5-flare`, including their `2026-09-08` snapshots, support `opaque` and `transparent` backgrounds.
            Transparent backgrounds are available for supported GPT Image models. For `gpt-image-2` and `gpt-
            image-2-2026-04-21`, this support is in preview. When using `transparent`, set the output format to `png` or
            `webp`. Default: 'auto'. Example: transparent.
        model (CreateImageEditRequestModelType1 | None | str | Unset): The GPT image model to use for image editing
            (`gpt-image-1-mini`, `gpt-image-1.5`, `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-
            image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, `gpt-image-2.5-flare-2026-09-08`, `gpt-
            image-2.6-sunburst`, `gpt-image-2.6-flare`, or `chatgpt-image-latest`). `gpt-image-1` was shut down on October
            23, 2026. Use `gpt-image-2.5-sunburst` or `gpt-image-2.5-flare` instead. Deprecated values: "gpt-image-1": GPT
            Image 1 was shut down on October 23, 2026. "dall-e-2", "dall-e-3": This model was retired on May 12, 2026. Use a
            GPT image model instead. Default: 'gpt-image-1.5'. Example: gpt-image-1.5.
        n (int | None | Unset): The number of images to generate. Must be between 1 and 10. Default: 1. Example: 1.
        size (CreateImageEditRequestSizeType1 | None | str | Unset): The size of the generated images. Defaults to
            `auto`. For `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-
            image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, and `gpt-image-2.5-flare-2026-09-08`, arbitrary
            resolutions are supported as `WIDTHxHEIGHT` strings, for example `1536x864`. Width and height must both be
            divisible by 16 and the requested aspect ratio must be between 1:3 and 3:1. Resolutions above `2560x1440` are
            experimental, and the maximum supported resolution is `3840x2160`. The requested size must also satisfy the
            model's current pixel and edge limits. The standard sizes `1024x1024`, `1536x1024`, and `1024x1536` are
            supported by the GPT image models; `auto` is supported for models that allow automatic sizing. Deprecated
            values: "256x256", "512x512": This legacy size suggestion is retained for SDK compatibility. Check the selected
            GPT image model's supported sizes. Default: '1024x1024'. Example: 1024x1024.
        response_format (CreateImageEditRequestResponseFormat | Unset): Legacy response format parameter for retired
            image models. Unsupported for GPT image models, which always return base64-encoded images. Example: url.
        output_format (CreateImageEditRequestOutputFormat | Unset): The format in which the generated images are
            returned. This parameter is only supported for the GPT image models. The default value is `png`. SVG output
            requires a supported image model and project access. Default: 'png'. Example: png.
        output_compression (int | None | Unset): The compression level (0-100%) for the generated images. This parameter
            is only supported for the GPT image models with the `webp` or `jpeg` output
            formats, and defaults to 100.
             Default: 100. Example: 100.
        user (str | Unset): Deprecated: use `safety_identifier` instead. This parameter remains accepted for backward
            compatibility and is used when `safety_identifier` is omitted, null, or empty. Example: user-1234.
        input_fidelity (InputFidelity | None | Unset):
        stream (bool | None | Unset): Edit the image in streaming mode. Defaults to `false`. See the
            [Image generation guide](/docs/guides/image-generation) for more information.
             Default: False. Example: False.
        partial_images (int | None | Unset):
        quality (CreateImageEditRequestQuality | Unset): The quality of the image that will be generated for GPT image
            models. The GPT image models support `low`, `medium`, and `high`. `gpt-image-2.5-sunburst` and `gpt-
            image-2.5-flare`, including their `2026-09-08` snapshots, also support `xhigh` and `max`. Defaults to `auto`.
            Deprecated values: "standard": This quality was only supported by retired DALL·E models. Use a GPT image quality
            instead. Default: 'auto'. Example: high.
        complexity (CreateImageEditRequestComplexity | Unset): Computation spent planning the image, independently of
            rendering quality. Uses the image model's configured default when omitted. For SVG output, controls the
            reference image, independently of the SVG author's reasoning.
        frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from 2 through 16. Defaults
            to 9 when omitted. Only supported with output_format=gif. The requested size must satisfy the selected model's
            GIF size limits. GIF output does not support streaming, partial images, masks, or custom output compression.
            Requires access to the GIF preview for the selected model.
        frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds. Defaults to 200 when
            omitted. GIF output rounds to the nearest 10 ms and caps the encoded delay at 655,350 ms per frame. Only
            supported with output_format=gif.
        markup (File | Unset): A transparent PNG overlaid on the first image to guide the edit. Must match that image's
            dimensions after orientation and contain transparent pixels. Supports GPT Image 2.5. Cannot be combined with
            mask.
        safety_identifier (None | str | Unset): A stable identifier for an end user in your organization, used for
            safety monitoring and abuse detection. Hash a username or email address to avoid sending identifying
            information. A non-empty value takes precedence over the deprecated `user` parameter. If omitted, null, or
            empty, the API uses `user` when available.
        svg (ImageEditSvgOptions | None | Unset):
    """

    image: File | list[File]
    prompt: str
    mask: File | Unset = UNSET
    background: CreateImageEditRequestBackground | Unset = UNSET
    model: CreateImageEditRequestModelType1 | None | str | Unset = UNSET
    n: int | None | Unset = UNSET
    size: CreateImageEditRequestSizeType1 | None | str | Unset = UNSET
    response_format: CreateImageEditRequestResponseFormat | Unset = UNSET
    output_format: CreateImageEditRequestOutputFormat | Unset = UNSET
    output_compression: int | None | Unset = UNSET
    user: str | Unset = UNSET
    input_fidelity: InputFidelity | None | Unset = UNSET
    stream: bool | None | Unset = UNSET
    partial_images: int | None | Unset = UNSET
    quality: CreateImageEditRequestQuality | Unset = UNSET
    complexity: CreateImageEditRequestComplexity | Unset = UNSET
    frame_count: int | None | Unset = UNSET
    frame_duration_ms: int | None | Unset = UNSET
    markup: File | Unset = UNSET
    safety_identifier: None | str | Unset = UNSET
    svg: ImageEditSvgOptions | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image: FileTypes | list[FileTypes]
        if isinstance(self.image, File):
            image = self.image.to_tuple()

        else:
            image = []
            for image_type_1_item_data in self.image:
                image_type_1_item = image_type_1_item_data.to_tuple()

                image.append(image_type_1_item)

        mask: FileTypes | Unset = UNSET
        if not isinstance(self.mask, Unset):
            mask = self.mask.to_tuple()

        markup: FileTypes | Unset = UNSET
        if not isinstance(self.markup, Unset):
            markup = self.markup.to_tuple()

        svg: dict[str, Any] | None | Unset
        if isinstance(self.svg, Unset):
            svg = UNSET
        elif isinstance(self.svg, ImageEditSvgOptions):
            svg = self.svg.to_dict()
        else:
            svg = self.svg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["image"] = image
        field_dict["prompt"] = self.prompt
        if mask is not UNSET:
            field_dict["mask"] = mask
        if not isinstance(self.background, Unset):
            field_dict["background"] = self.background
        if not isinstance(self.model, Unset):
            field_dict["model"] = self.model
        if not isinstance(self.n, Unset):
            field_dict["n"] = self.n
        if not isinstance(self.size, Unset):
            field_dict["size"] = self.size
        if not isinstance(self.response_format, Unset):
            field_dict["response_format"] = self.response_format
        if not isinstance(self.output_format, Unset):
            field_dict["output_format"] = self.output_format
        if not isinstance(self.output_compression, Unset):
            field_dict["output_compression"] = self.output_compression
        if not isinstance(self.user, Unset):
            field_dict["user"] = self.user
        if not isinstance(self.input_fidelity, Unset):
            field_dict["input_fidelity"] = self.input_fidelity
        if not isinstance(self.stream, Unset):
            field_dict["stream"] = self.stream
        if not isinstance(self.partial_images, Unset):
            field_dict["partial_images"] = self.partial_images
        if not isinstance(self.quality, Unset):
            field_dict["quality"] = self.quality
        if not isinstance(self.complexity, Unset):
            field_dict["complexity"] = self.complexity
        if not isinstance(self.frame_count, Unset):
            field_dict["frame_count"] = self.frame_count
        if not isinstance(self.frame_duration_ms, Unset):
            field_dict["frame_duration_ms"] = self.frame_duration_ms
        if markup is not UNSET:
            field_dict["markup"] = markup
        if not isinstance(self.safety_identifier, Unset):
            field_dict["safety_identifier"] = self.safety_identifier
        if svg is not UNSET:
            field_dict["svg"] = svg

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if self.image is not None:
            if isinstance(self.image, File):
                files.append(("image", self.image.to_tuple()))

            else:
                for image_type_1_item_element in self.image:
                    files.append(("image[]", image_type_1_item_element.to_tuple()))

        if self.prompt is not None:
            files.append(
                ("prompt", (None, types.encode_form_value(self.prompt), "text/plain"))
            )

        if not isinstance(self.mask, Unset):
            files.append(("mask", self.mask.to_tuple()))

        if not isinstance(self.background, Unset):
            files.append(
                ("background", (None, str(self.background).encode(), "text/plain"))
            )

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

        if not isinstance(self.size, Unset):
            if self.size is not None:
                if isinstance(self.size, str):
                    if self.size is not None:
                        files.append(
                            (
                                "size",
                                (
                                    None,
                                    types.encode_form_value(self.size),
                                    "text/plain",
                                ),
                            )
                        )

                else:
                    files.append(
                        ("size", (None, str(self.size).encode(), "text/plain"))
                    )

        if not isinstance(self.response_format, Unset):
            files.append(
                (
                    "response_format",
                    (None, str(self.response_format).encode(), "text/plain"),
                )
            )

        if not isinstance(self.output_format, Unset):
            files.append(
                (
                    "output_format",
                    (None, str(self.output_format).encode(), "text/plain"),
                )
            )

        if not isinstance(self.output_compression, Unset):
            if self.output_compression is not None:
                files.append(
                    (
                        "output_compression",
                        (None, str(self.output_compression).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.user, Unset):
            if self.user is not None:
                files.append(
                    ("user", (None, types.encode_form_value(self.user), "text/plain"))
                )

        if not isinstance(self.input_fidelity, Unset):
            if self.input_fidelity is not None:
                files.append(
                    (
                        "input_fidelity",
                        (None, str(self.input_fidelity).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.stream, Unset):
            if self.stream is not None:
                files.append(
                    (
                        "stream",
                        (None, b"true" if self.stream else b"false", "text/plain"),
                    )
                )

        if not isinstance(self.partial_images, Unset):
            if self.partial_images is not None:
                files.append(
                    (
                        "partial_images",
                        (None, str(self.partial_images).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.quality, Unset):
            files.append(("quality", (None, str(self.quality).encode(), "text/plain")))

        if not isinstance(self.complexity, Unset):
            files.append(
                ("complexity", (None, str(self.complexity).encode(), "text/plain"))
            )

        if not isinstance(self.frame_count, Unset):
            if self.frame_count is not None:
                files.append(
                    (
                        "frame_count",
                        (None, str(self.frame_count).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.frame_duration_ms, Unset):
            if self.frame_duration_ms is not None:
                files.append(
                    (
                        "frame_duration_ms",
                        (None, str(self.frame_duration_ms).encode(), "text/plain"),
                    )
                )

        if not isinstance(self.markup, Unset):
            files.append(("markup", self.markup.to_tuple()))

        if not isinstance(self.safety_identifier, Unset):
            if self.safety_identifier is not None:
                if self.safety_identifier is not None:
                    files.append(
                        (
                            "safety_identifier",
                            (
                                None,
                                types.encode_form_value(self.safety_identifier),
                                "text/plain",
                            ),
                        )
                    )

        if not isinstance(self.svg, Unset):
            if self.svg is not None:
                files.extend(
                    types.bracketed_form_fields(
                        "svg",
                        self.svg if isinstance(self.svg, dict) else self.svg.to_dict(),
                    )
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

        def _parse_image(data: object) -> File | list[File]:
            try:
                if not isinstance(data, bytes):
                    raise TypeError()
                image_type_0 = File(payload=BytesIO(data))

                return image_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            image_type_1 = []
            _image_type_1 = data
            for image_type_1_item_data in _image_type_1:
                image_type_1_item = File(payload=BytesIO(image_type_1_item_data))

                image_type_1.append(image_type_1_item)

            return image_type_1

        image = _parse_image(d.pop("image"))

        prompt = d.pop("prompt")

        _mask = d.pop("mask", UNSET)
        mask: File | Unset
        if isinstance(_mask, Unset):
            mask = UNSET
        else:
            mask = File(payload=BytesIO(_mask))

        _background = d.pop("background", UNSET)
        background: CreateImageEditRequestBackground | Unset
        if isinstance(_background, Unset):
            background = UNSET
        else:
            background = check_create_image_edit_request_background(_background)

        def _parse_model(
            data: object,
        ) -> CreateImageEditRequestModelType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_1 = check_create_image_edit_request_model_type_1(data)

                return model_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateImageEditRequestModelType1 | None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n = _parse_n(d.pop("n", UNSET))

        def _parse_size(
            data: object,
        ) -> CreateImageEditRequestSizeType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_1 = check_create_image_edit_request_size_type_1(data)

                return size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateImageEditRequestSizeType1 | None | str | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        _response_format = d.pop("response_format", UNSET)
        response_format: CreateImageEditRequestResponseFormat | Unset
        if isinstance(_response_format, Unset):
            response_format = UNSET
        else:
            response_format = check_create_image_edit_request_response_format(
                _response_format
            )

        _output_format = d.pop("output_format", UNSET)
        output_format: CreateImageEditRequestOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_create_image_edit_request_output_format(
                _output_format
            )

        def _parse_output_compression(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        output_compression = _parse_output_compression(
            d.pop("output_compression", UNSET)
        )

        user = d.pop("user", UNSET)

        def _parse_input_fidelity(data: object) -> InputFidelity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                input_fidelity_type_0 = check_input_fidelity(data)

                return input_fidelity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InputFidelity | None | Unset, data)

        input_fidelity = _parse_input_fidelity(d.pop("input_fidelity", UNSET))

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

        _quality = d.pop("quality", UNSET)
        quality: CreateImageEditRequestQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = check_create_image_edit_request_quality(_quality)

        _complexity = d.pop("complexity", UNSET)
        complexity: CreateImageEditRequestComplexity | Unset
        if isinstance(_complexity, Unset):
            complexity = UNSET
        else:
            complexity = check_create_image_edit_request_complexity(_complexity)

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

        _markup = d.pop("markup", UNSET)
        markup: File | Unset
        if isinstance(_markup, Unset):
            markup = UNSET
        else:
            markup = File(payload=BytesIO(_markup))

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

        create_image_edit_request = cls(
            image=image,
            prompt=prompt,
            mask=mask,
            background=background,
            model=model,
            n=n,
            size=size,
            response_format=response_format,
            output_format=output_format,
            output_compression=output_compression,
            user=user,
            input_fidelity=input_fidelity,
            stream=stream,
            partial_images=partial_images,
            quality=quality,
            complexity=complexity,
            frame_count=frame_count,
            frame_duration_ms=frame_duration_ms,
            markup=markup,
            safety_identifier=safety_identifier,
            svg=svg,
        )

        create_image_edit_request.additional_properties = d
        return create_image_edit_request

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
