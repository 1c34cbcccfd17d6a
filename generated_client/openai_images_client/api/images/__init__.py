"""The images operations as methods: ``ImagesApi`` and ``AsyncImagesApi``.

One method per operation and request body type, taking the body's fields as keyword arguments;
a field left out is not sent. Each has a ``*_detailed`` twin that returns status, headers and raw
bytes along with the parsed body, and does not raise on an error status.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from ...runtime import AsyncApi, SyncApi, request_options
from ...types import UNSET, Unset, coerce_files

if TYPE_CHECKING:
    import httpx

    from ...models.create_image_edit_request import CreateImageEditRequest
    from ...models.create_image_edit_request_background import (
        CreateImageEditRequestBackground,
    )
    from ...models.create_image_edit_request_complexity import (
        CreateImageEditRequestComplexity,
    )
    from ...models.create_image_edit_request_model_type_1 import (
        CreateImageEditRequestModelType1,
    )
    from ...models.create_image_edit_request_output_format import (
        CreateImageEditRequestOutputFormat,
    )
    from ...models.create_image_edit_request_quality import (
        CreateImageEditRequestQuality,
    )
    from ...models.create_image_edit_request_response_format import (
        CreateImageEditRequestResponseFormat,
    )
    from ...models.create_image_edit_request_size_type_1 import (
        CreateImageEditRequestSizeType1,
    )
    from ...models.create_image_request import CreateImageRequest
    from ...models.create_image_request_background import CreateImageRequestBackground
    from ...models.create_image_request_complexity import CreateImageRequestComplexity
    from ...models.create_image_request_model_type_1 import CreateImageRequestModelType1
    from ...models.create_image_request_moderation import CreateImageRequestModeration
    from ...models.create_image_request_output_format import (
        CreateImageRequestOutputFormat,
    )
    from ...models.create_image_request_quality import CreateImageRequestQuality
    from ...models.create_image_request_response_format import (
        CreateImageRequestResponseFormat,
    )
    from ...models.create_image_request_size_type_1 import CreateImageRequestSizeType1
    from ...models.create_image_request_style import CreateImageRequestStyle
    from ...models.create_image_variation_request import CreateImageVariationRequest
    from ...models.create_image_variation_request_model_type_1 import (
        CreateImageVariationRequestModelType1,
    )
    from ...models.create_image_variation_request_response_format import (
        CreateImageVariationRequestResponseFormat,
    )
    from ...models.create_image_variation_request_size import (
        CreateImageVariationRequestSize,
    )
    from ...models.edit_image_body_json_param import EditImageBodyJsonParam
    from ...models.edit_image_body_json_param_background_type_0 import (
        EditImageBodyJsonParamBackgroundType0,
    )
    from ...models.edit_image_body_json_param_complexity_type_0 import (
        EditImageBodyJsonParamComplexityType0,
    )
    from ...models.edit_image_body_json_param_input_fidelity_type_0 import (
        EditImageBodyJsonParamInputFidelityType0,
    )
    from ...models.edit_image_body_json_param_model_type_1 import (
        EditImageBodyJsonParamModelType1,
    )
    from ...models.edit_image_body_json_param_moderation_type_0 import (
        EditImageBodyJsonParamModerationType0,
    )
    from ...models.edit_image_body_json_param_output_format_type_0 import (
        EditImageBodyJsonParamOutputFormatType0,
    )
    from ...models.edit_image_body_json_param_quality_type_0 import (
        EditImageBodyJsonParamQualityType0,
    )
    from ...models.edit_image_body_json_param_size_type_0 import (
        EditImageBodyJsonParamSizeType0,
    )
    from ...models.error_response import ErrorResponse
    from ...models.image_edit_completed_event import ImageEditCompletedEvent
    from ...models.image_edit_partial_image_event import ImageEditPartialImageEvent
    from ...models.image_edit_svg_options import ImageEditSvgOptions
    from ...models.image_gen_completed_event import ImageGenCompletedEvent
    from ...models.image_gen_partial_image_event import ImageGenPartialImageEvent
    from ...models.image_gen_svg_options import ImageGenSvgOptions
    from ...models.image_ref_param import ImageRefParam
    from ...models.images_response import ImagesResponse
    from ...models.input_fidelity import InputFidelity
    from ...prepared import PreparedRequest
    from ...runtime import Operation
    from ...streaming import AsyncEventStream, EventStream
    from ...types import FileInput, Response


@functools.cache
def _create_image_edit() -> Operation:
    from .create_image_edit import OPERATION

    return OPERATION


@functools.cache
def _create_image() -> Operation:
    from .create_image import OPERATION

    return OPERATION


@functools.cache
def _create_image_variation() -> Operation:
    from .create_image_variation import OPERATION

    return OPERATION


@functools.cache
def _model_create_image_edit_request() -> type[CreateImageEditRequest]:
    from ...models.create_image_edit_request import CreateImageEditRequest

    return CreateImageEditRequest


@functools.cache
def _model_edit_image_body_json_param() -> type[EditImageBodyJsonParam]:
    from ...models.edit_image_body_json_param import EditImageBodyJsonParam

    return EditImageBodyJsonParam


@functools.cache
def _model_create_image_request() -> type[CreateImageRequest]:
    from ...models.create_image_request import CreateImageRequest

    return CreateImageRequest


@functools.cache
def _model_create_image_variation_request() -> type[CreateImageVariationRequest]:
    from ...models.create_image_variation_request import CreateImageVariationRequest

    return CreateImageVariationRequest


class ImagesApi(SyncApi):
    """The images operations, synchronous. Pass a generated ``Client`` or ``AuthenticatedClient``."""

    @overload
    def create_image_edit(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        stream: Literal[False] | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> ImagesResponse: ...

    @overload
    def create_image_edit(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        stream: Literal[True],
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> EventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]: ...

    @overload
    def create_image_edit(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[True],
    ) -> PreparedRequest: ...

    def create_image_edit(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: bool = False,
    ) -> (
        ImagesResponse
        | EventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]
        | PreparedRequest
    ):
        """Creates an edited or extended image given one or more source images and a prompt. This
        endpoint supports GPT Image models (`gpt-image-1.5`, `gpt-image-1`, `gpt-image-1-mini`, and
        `chatgpt-image-latest`) and `dall-e-2`.

        You can call this endpoint with either:

        - `multipart/form-data`: use binary uploads via `image` (and optional `mask`).
        - `application/json`: use `images` (and optional `mask`) as references with either
        `image_url` or `file_id`.

        Note that JSON requests use `images` (array) instead of the multipart `image` field.

        Sends a ``multipart/form-data`` body.

        Args:
            image (File | list[File]): The image(s) to edit. Must be a supported image file or an
                array of images. For the GPT image models (`gpt-image-1-mini`, `gpt-image-1.5`, `gpt-
                image-2`, `gpt-image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-
                image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, and `gpt-
                image-2.5-flare-2026-09-08`), each image should be a `png`, `webp`, or `jpg` file less
                than 50MB. You can provide up to 16 images. `chatgpt-image-latest` follows the same
                input constraints as GPT image models.
            prompt (str): A text description of the desired image(s). The maximum length is 32000
                characters for the GPT image models. Example: A cute baby sea otter wearing a beret.
            mask (File | Unset): An additional image whose fully transparent areas (e.g. where alpha
                is zero) indicate where `image` should be edited. If there are multiple images provided,
                the mask will be applied on the first image. Must be a valid PNG file, less than 4MB,
                and have the same dimensions as `image`.
            background (CreateImageEditRequestBackground | Unset): Allows to set transparency for
                the background of the generated image(s). Must be one of `transparent`, `opaque`, or
                `auto` (default value). When `auto` is used, the model will automatically determine the
                best background for the image. `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`,
                including their `2026-09-08` snapshots, support `opaque` and `transparent` backgrounds.
                Transparent backgrounds are available for supported GPT Image models. For `gpt-image-2`
                and `gpt-image-2-2026-04-21`, this support is in preview. When using `transparent`, set
                the output format to `png` or `webp`. Default: 'auto'. Example: transparent.
            model (CreateImageEditRequestModelType1 | None | str | Unset): The GPT image model to
                use for image editing (`gpt-image-1-mini`, `gpt-image-1.5`, `gpt-image-2`, `gpt-
                image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`,
                `gpt-image-2.5-flare`, `gpt-image-2.5-flare-2026-09-08`, `gpt-image-2.6-sunburst`, `gpt-
                image-2.6-flare`, or `chatgpt-image-latest`). `gpt-image-1` was shut down on October 23,
                2026. Use `gpt-image-2.5-sunburst` or `gpt-image-2.5-flare` instead. Deprecated values:
                "gpt-image-1": GPT Image 1 was shut down on October 23, 2026. "dall-e-2", "dall-e-3":
                This model was retired on May 12, 2026. Use a GPT image model instead. Default: 'gpt-
                image-1.5'. Example: gpt-image-1.5.
            n (int | None | Unset): The number of images to generate. Must be between 1 and 10.
                Default: 1. Example: 1.
            size (CreateImageEditRequestSizeType1 | None | str | Unset): The size of the generated
                images. Defaults to `auto`. For `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-
                image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, and
                `gpt-image-2.5-flare-2026-09-08`, arbitrary resolutions are supported as `WIDTHxHEIGHT`
                strings, for example `1536x864`. Width and height must both be divisible by 16 and the
                requested aspect ratio must be between 1:3 and 3:1. Resolutions above `2560x1440` are
                experimental, and the maximum supported resolution is `3840x2160`. The requested size
                must also satisfy the model's current pixel and edge limits. The standard sizes
                `1024x1024`, `1536x1024`, and `1024x1536` are supported by the GPT image models; `auto`
                is supported for models that allow automatic sizing. Deprecated values: "256x256",
                "512x512": This legacy size suggestion is retained for SDK compatibility. Check the
                selected GPT image model's supported sizes. Default: '1024x1024'. Example: 1024x1024.
            response_format (CreateImageEditRequestResponseFormat | Unset): Legacy response format
                parameter for retired image models. Unsupported for GPT image models, which always
                return base64-encoded images. Example: url.
            output_format (CreateImageEditRequestOutputFormat | Unset): The format in which the
                generated images are returned. This parameter is only supported for the GPT image
                models. The default value is `png`. SVG output requires a supported image model and
                project access. Default: 'png'. Example: png.
            output_compression (int | None | Unset): The compression level (0-100%) for the
                generated images. This parameter
                is only supported for the GPT image models with the `webp` or `jpeg` output
                formats, and defaults to 100.
                 Default: 100. Example: 100.
            user (str | Unset): Deprecated: use `safety_identifier` instead. This parameter remains
                accepted for backward compatibility and is used when `safety_identifier` is omitted,
                null, or empty. Example: user-1234.
            input_fidelity (InputFidelity | None | Unset):
            stream (bool | None | Unset): Edit the image in streaming mode. Defaults to `false`. See
                the
                [Image generation guide](/docs/guides/image-generation) for more information.
                 Default: False. Example: False.
            partial_images (int | None | Unset):
            quality (CreateImageEditRequestQuality | Unset): The quality of the image that will be
                generated for GPT image models. The GPT image models support `low`, `medium`, and
                `high`. `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`, including their `2026-09-08`
                snapshots, also support `xhigh` and `max`. Defaults to `auto`. Deprecated values:
                "standard": This quality was only supported by retired DALL·E models. Use a GPT image
                quality instead. Default: 'auto'. Example: high.
            complexity (CreateImageEditRequestComplexity | Unset): Computation spent planning the
                image, independently of rendering quality. Uses the image model's configured default
                when omitted. For SVG output, controls the reference image, independently of the SVG
                author's reasoning.
            frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from
                2 through 16. Defaults to 9 when omitted. Only supported with output_format=gif. The
                requested size must satisfy the selected model's GIF size limits. GIF output does not
                support streaming, partial images, masks, or custom output compression. Requires access
                to the GIF preview for the selected model.
            frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds.
                Defaults to 200 when omitted. GIF output rounds to the nearest 10 ms and caps the
                encoded delay at 655,350 ms per frame. Only supported with output_format=gif.
            markup (File | Unset): A transparent PNG overlaid on the first image to guide the edit.
                Must match that image's dimensions after orientation and contain transparent pixels.
                Supports GPT Image 2.5. Cannot be combined with mask.
            safety_identifier (None | str | Unset): A stable identifier for an end user in your
                organization, used for safety monitoring and abuse detection. Hash a username or email
                address to avoid sending identifying information. A non-empty value takes precedence
                over the deprecated `user` parameter. If omitted, null, or empty, the API uses `user`
                when available.
            svg (ImageEditSvgOptions | None | Unset):
            With ``stream=True`` the answer is an event stream to iterate.
            dry_run: Build the request and return it (credentials redacted) without sending it.
            extra_headers, extra_query, extra_body: Added to the request as they are.
            timeout: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
            validate, strict: For this call instead of the client's setting, where the client validates
                requests before sending them (``openai_images.ImagesApi`` does; these generated classes alone do not).
        """

        body = _model_create_image_edit_request()(
            image=coerce_files(image),
            prompt=prompt,
            mask=coerce_files(mask),
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
            markup=coerce_files(markup),
            safety_identifier=safety_identifier,
            svg=svg,
        )

        result: (
            ImagesResponse
            | EventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]
            | PreparedRequest
        ) = self._call(
            _create_image_edit(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            stream=stream is True,
            dry_run=dry_run,
        )
        return result

    def create_image_edit_detailed(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
    ) -> Response[ErrorResponse | ImagesResponse]:
        """Like ``create_image_edit`` (without streaming), returning status, headers, raw bytes and the parsed body.

        An error status does not raise: its parsed body is the documented error model, if it is one.
        """
        body = _model_create_image_edit_request()(
            image=coerce_files(image),
            prompt=prompt,
            mask=coerce_files(mask),
            background=background,
            model=model,
            n=n,
            size=size,
            response_format=response_format,
            output_format=output_format,
            output_compression=output_compression,
            user=user,
            input_fidelity=input_fidelity,
            partial_images=partial_images,
            quality=quality,
            complexity=complexity,
            frame_count=frame_count,
            frame_duration_ms=frame_duration_ms,
            markup=coerce_files(markup),
            safety_identifier=safety_identifier,
            svg=svg,
        )

        result: Response[ErrorResponse | ImagesResponse] = self._call(
            _create_image_edit(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            detailed=True,
        )
        return result

    @overload
    def create_image_edit_json(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        stream: Literal[False] | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> ImagesResponse: ...

    @overload
    def create_image_edit_json(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        stream: Literal[True],
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> EventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]: ...

    @overload
    def create_image_edit_json(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[True],
    ) -> PreparedRequest: ...

    def create_image_edit_json(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: bool = False,
    ) -> (
        ImagesResponse
        | EventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]
        | PreparedRequest
    ):
        """Creates an edited or extended image given one or more source images and a prompt. This
        endpoint supports GPT Image models (`gpt-image-1.5`, `gpt-image-1`, `gpt-image-1-mini`, and
        `chatgpt-image-latest`) and `dall-e-2`.

        You can call this endpoint with either:

        - `multipart/form-data`: use binary uploads via `image` (and optional `mask`).
        - `application/json`: use `images` (and optional `mask`) as references with either
        `image_url` or `file_id`.

        Note that JSON requests use `images` (array) instead of the multipart `image` field.

        Sends a ``application/json`` body.

        Args:
            images (list[ImageRefParam]): Input image references to edit.
                For GPT image models, you can provide up to 16 images.
            prompt (str): A text description of the desired image edit. Example: Add a watercolor
                effect and keep the subject centered.
            model (EditImageBodyJsonParamModelType1 | None | str | Unset): The GPT image model to
                use for image editing, including `gpt-image-2` and its dated snapshot `gpt-
                image-2-2026-04-21`. Default: 'gpt-image-1.5'. Example: gpt-image-1.5.
            mask (ImageRefParam | Unset): Reference an input image by either URL or uploaded file
                ID.
                Provide exactly one of `image_url` or `file_id`.
            n (int | None | Unset): The number of edited images to generate. Default: 1. Example: 1.
            quality (EditImageBodyJsonParamQualityType0 | None | Unset): Output quality for GPT
                image models.
                 Default: 'auto'. Example: high.
            input_fidelity (EditImageBodyJsonParamInputFidelityType0 | None | Unset): Controls
                fidelity to the original input image(s).
            size (EditImageBodyJsonParamSizeType0 | None | Unset): Requested output image size.
                Default: 'auto'. Example: 1024x1024.
            user (str | Unset): A unique identifier representing your end-user, which can help
                OpenAI
                monitor and detect abuse.
                 Example: user-1234.
            output_format (EditImageBodyJsonParamOutputFormatType0 | None | Unset): Output image
                format. Supported for GPT image models. Default: 'png'. Example: png.
            output_compression (int | None | Unset): Compression level for `jpeg` or `webp` output.
                Example: 100.
            moderation (EditImageBodyJsonParamModerationType0 | None | Unset): Moderation level for
                GPT image models. Default: 'auto'. Example: auto.
            background (EditImageBodyJsonParamBackgroundType0 | None | Unset): Set the background of
                the generated image output. Transparent backgrounds are available for supported GPT
                Image models. For `gpt-image-2` and `gpt-image-2-2026-04-21`, this support is in
                preview. When using `transparent`, set the output format to `png` or `webp`. Default:
                'auto'. Example: transparent.
            stream (bool | None | Unset): Stream partial image results as events. Default: False.
                Example: False.
            partial_images (int | None | Unset):
            complexity (EditImageBodyJsonParamComplexityType0 | None | Unset): Computation spent
                planning the image, independently of rendering quality. Uses the image model's
                configured default when omitted.
            frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from
                2 through 16. Defaults to 9 when omitted. Only supported with output_format=gif.
            frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds.
                Defaults to 200 when omitted. Only supported with output_format=gif.
            safety_identifier (None | str | Unset): A stable identifier for an end user in your
                organization, used for safety monitoring and abuse detection. A non-empty value takes
                precedence over the deprecated `user` parameter.
            svg (ImageEditSvgOptions | None | Unset):
            With ``stream=True`` the answer is an event stream to iterate.
            dry_run: Build the request and return it (credentials redacted) without sending it.
            extra_headers, extra_query, extra_body: Added to the request as they are.
            timeout: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
            validate, strict: For this call instead of the client's setting, where the client validates
                requests before sending them (``openai_images.ImagesApi`` does; these generated classes alone do not).
        """

        body = _model_edit_image_body_json_param()(
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

        result: (
            ImagesResponse
            | EventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]
            | PreparedRequest
        ) = self._call(
            _create_image_edit(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            stream=stream is True,
            dry_run=dry_run,
        )
        return result

    def create_image_edit_json_detailed(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
    ) -> Response[ErrorResponse | ImagesResponse]:
        """Like ``create_image_edit_json`` (without streaming), returning status, headers, raw bytes and the parsed body.

        An error status does not raise: its parsed body is the documented error model, if it is one.
        """
        body = _model_edit_image_body_json_param()(
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
            partial_images=partial_images,
            complexity=complexity,
            frame_count=frame_count,
            frame_duration_ms=frame_duration_ms,
            safety_identifier=safety_identifier,
            svg=svg,
        )

        result: Response[ErrorResponse | ImagesResponse] = self._call(
            _create_image_edit(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            detailed=True,
        )
        return result

    @overload
    def create_image(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        stream: Literal[False] | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> ImagesResponse: ...

    @overload
    def create_image(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        stream: Literal[True],
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> EventStream[ImageGenPartialImageEvent | ImageGenCompletedEvent]: ...

    @overload
    def create_image(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[True],
    ) -> PreparedRequest: ...

    def create_image(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: bool = False,
    ) -> (
        ImagesResponse
        | EventStream[ImageGenPartialImageEvent | ImageGenCompletedEvent]
        | PreparedRequest
    ):
        """Creates an image given a prompt. [Learn more](/docs/guides/images).

        Sends a ``application/json`` body.

        Args:
            prompt (str): A text description of the desired image(s). The maximum length is 32000
                characters. Example: A cute baby sea otter.
            model (CreateImageRequestModelType1 | None | str | Unset): The GPT image model to use
                for image generation. Specify a model explicitly. Supported models include `gpt-
                image-1-mini`, `gpt-image-1.5`, `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-
                image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, `gpt-
                image-2.5-flare-2026-09-08`, `gpt-image-2.6-sunburst`, `gpt-image-2.6-flare`, and
                `chatgpt-image-latest`. `gpt-image-1` was shut down on October 23, 2026. Use `gpt-
                image-2.5-sunburst` or `gpt-image-2.5-flare` instead. Deprecated values: "gpt-image-1":
                GPT Image 1 was shut down on October 23, 2026. "dall-e-2", "dall-e-3": This model was
                retired on May 12, 2026. Use a GPT image model instead. Example: gpt-image-1.5.
            n (int | None | Unset): The number of images to generate. Must be between 1 and 10. For
                `dall-e-3`, only `n=1` is supported. Default: 1. Example: 1.
            quality (CreateImageRequestQuality | Unset): The quality of the image that will be
                generated.

                - `auto` (default value) will automatically select the best quality for the given model.
                - `high`, `medium` and `low` are supported for the GPT image models.
                - `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`, including their `2026-09-08`
                snapshots, also support `xhigh` and `max`.

                Deprecated values: "standard", "hd": This quality was only supported by retired DALL·E
                models. Use a GPT image quality instead.
                 Default: 'auto'. Example: medium.
            response_format (CreateImageRequestResponseFormat | Unset): Legacy response format
                parameter for retired image models. Unsupported for GPT image models, which always
                return base64-encoded images. Default: 'url'. Example: url.
            output_format (CreateImageRequestOutputFormat | Unset): The format in which the
                generated images are returned. This parameter is only supported for the GPT image
                models. Default: 'png'. Example: png.
            output_compression (int | None | Unset): The compression level (0-100%) for the
                generated images. This parameter is only supported for the GPT image models with the
                `webp` or `jpeg` output formats, and defaults to 100. Default: 100. Example: 100.
            stream (bool | None | Unset): Generate the image in streaming mode. Defaults to `false`.
                See the
                [Image generation guide](/docs/guides/image-generation) for more information.
                This parameter is only supported for the GPT image models.
                 Default: False. Example: False.
            partial_images (int | None | Unset):
            size (CreateImageRequestSizeType1 | None | str | Unset): The size of the generated
                images. For `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-
                image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, and `gpt-
                image-2.5-flare-2026-09-08`, arbitrary resolutions are supported as `WIDTHxHEIGHT`
                strings, for example `1536x864`. Width and height must both be divisible by 16 and the
                requested aspect ratio must be between 1:3 and 3:1. Resolutions above `2560x1440` are
                experimental, and the maximum supported resolution is `3840x2160`. The requested size
                must also satisfy the model's current pixel and edge limits. The standard sizes
                `1024x1024`, `1536x1024`, and `1024x1536` are supported by the GPT image models; `auto`
                is supported for models that allow automatic sizing. Deprecated values: "256x256",
                "512x512", "1792x1024", "1024x1792": This legacy size suggestion is retained for SDK
                compatibility. Check the selected GPT image model's supported sizes. Default: 'auto'.
                Example: 1024x1024.
            moderation (CreateImageRequestModeration | Unset): Control the content-moderation level
                for images generated by the GPT image models. Must be either `low` for less restrictive
                filtering or `auto` (default value). Default: 'auto'. Example: low.
            background (CreateImageRequestBackground | Unset): Allows to set transparency for the
                background of the generated image(s). Must be one of `transparent`, `opaque`, or `auto`
                (default value). When `auto` is used, the model will automatically determine the best
                background for the image. `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`, including
                their `2026-09-08` snapshots, support `opaque` and `transparent` backgrounds.
                Transparent backgrounds are available for supported GPT Image models. For `gpt-image-2`
                and `gpt-image-2-2026-04-21`, this support is in preview. When using `transparent`, set
                the output format to `png` or `webp`. Default: 'auto'. Example: transparent.
            style (CreateImageRequestStyle | Unset): Legacy style parameter for retired image
                models. Unsupported for GPT image models; describe the desired style in the prompt
                instead. Default: 'vivid'. Example: vivid.
            user (str | Unset): Deprecated: use `safety_identifier` instead. This parameter remains
                accepted for backward compatibility and is used when `safety_identifier` is omitted,
                null, or empty. Example: user-1234.
            complexity (CreateImageRequestComplexity | Unset): Computation spent planning the image,
                independently of rendering quality. Uses the image model's configured default when
                omitted. For SVG output, controls the reference image, independently of the SVG author's
                reasoning.
            frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from
                2 through 16. Defaults to 9 when omitted. Only supported with output_format=gif. The
                requested size must satisfy the selected model's GIF size limits. GIF output does not
                support streaming, partial images, masks, or custom output compression. Requires access
                to the GIF preview for the selected model.
            frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds.
                Defaults to 200 when omitted. GIF output rounds to the nearest 10 ms and caps the
                encoded delay at 655,350 ms per frame. Only supported with output_format=gif.
            safety_identifier (None | str | Unset): A stable identifier for an end user in your
                organization, used for safety monitoring and abuse detection. Hash a username or email
                address to avoid sending identifying information. A non-empty value takes precedence
                over the deprecated `user` parameter. If omitted, null, or empty, the API uses `user`
                when available.
            svg (ImageGenSvgOptions | None | Unset):
            With ``stream=True`` the answer is an event stream to iterate.
            dry_run: Build the request and return it (credentials redacted) without sending it.
            extra_headers, extra_query, extra_body: Added to the request as they are.
            timeout: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
            validate, strict: For this call instead of the client's setting, where the client validates
                requests before sending them (``openai_images.ImagesApi`` does; these generated classes alone do not).
        """

        body = _model_create_image_request()(
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

        result: (
            ImagesResponse
            | EventStream[ImageGenPartialImageEvent | ImageGenCompletedEvent]
            | PreparedRequest
        ) = self._call(
            _create_image(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            stream=stream is True,
            dry_run=dry_run,
        )
        return result

    def create_image_detailed(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
    ) -> Response[ErrorResponse | ImagesResponse]:
        """Like ``create_image`` (without streaming), returning status, headers, raw bytes and the parsed body.

        An error status does not raise: its parsed body is the documented error model, if it is one.
        """
        body = _model_create_image_request()(
            prompt=prompt,
            model=model,
            n=n,
            quality=quality,
            response_format=response_format,
            output_format=output_format,
            output_compression=output_compression,
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

        result: Response[ErrorResponse | ImagesResponse] = self._call(
            _create_image(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            detailed=True,
        )
        return result

    @overload
    def create_image_variation(
        self,
        *,
        image: FileInput,
        model: str | CreateImageVariationRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET,
        size: CreateImageVariationRequestSize | Unset = UNSET,
        user: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> ImagesResponse: ...

    @overload
    def create_image_variation(
        self,
        *,
        image: FileInput,
        model: str | CreateImageVariationRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET,
        size: CreateImageVariationRequestSize | Unset = UNSET,
        user: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[True],
    ) -> PreparedRequest: ...

    def create_image_variation(
        self,
        *,
        image: FileInput,
        model: str | CreateImageVariationRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET,
        size: CreateImageVariationRequestSize | Unset = UNSET,
        user: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: bool = False,
    ) -> ImagesResponse | PreparedRequest:
        """Creates a variation of a given image. This endpoint only supports `dall-e-2`.

        Sends a ``multipart/form-data`` body.

        Args:
            image (File): The image to use as the basis for the variation(s). Must be a valid PNG
                file, less than 4MB, and square.
            model (CreateImageVariationRequestModelType1 | None | str | Unset): The legacy model
                used by the retired image variations endpoint. This endpoint no longer accepts requests.
                Deprecated values: "gpt-image-1": GPT Image 1 was shut down on October 23, 2026.
                "dall-e-2", "dall-e-3": This model was retired on May 12, 2026. Use a GPT image model
                instead. Default: 'dall-e-2'. Example: dall-e-2.
            n (int | None | Unset): The number of images to generate. Must be between 1 and 10.
                Default: 1. Example: 1.
            response_format (CreateImageVariationRequestResponseFormat | Unset): The format in which
                the generated images are returned. Must be one of `url` or `b64_json`. URLs are only
                valid for 60 minutes after the image has been generated. Default: 'url'. Example: url.
            size (CreateImageVariationRequestSize | Unset): The size of the generated images. Must
                be one of `256x256`, `512x512`, or `1024x1024`. Default: '1024x1024'. Example:
                1024x1024.
            user (str | Unset): A unique identifier representing your end-user, which can help
                OpenAI to monitor and detect abuse. [Learn more](/docs/guides/safety-best-practices#end-
                user-ids).
                 Example: user-1234.
            dry_run: Build the request and return it (credentials redacted) without sending it.
            extra_headers, extra_query, extra_body: Added to the request as they are.
            timeout: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
            validate, strict: For this call instead of the client's setting, where the client validates
                requests before sending them (``openai_images.ImagesApi`` does; these generated classes alone do not).
        """

        body = _model_create_image_variation_request()(
            image=coerce_files(image),
            model=model,
            n=n,
            response_format=response_format,
            size=size,
            user=user,
        )

        result: ImagesResponse | PreparedRequest = self._call(
            _create_image_variation(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            dry_run=dry_run,
        )
        return result

    def create_image_variation_detailed(
        self,
        *,
        image: FileInput,
        model: str | CreateImageVariationRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET,
        size: CreateImageVariationRequestSize | Unset = UNSET,
        user: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
    ) -> Response[ErrorResponse | ImagesResponse]:
        """Like ``create_image_variation`` (without streaming), returning status, headers, raw bytes and the parsed body.

        An error status does not raise: its parsed body is the documented error model, if it is one.
        """
        body = _model_create_image_variation_request()(
            image=coerce_files(image),
            model=model,
            n=n,
            response_format=response_format,
            size=size,
            user=user,
        )

        result: Response[ErrorResponse | ImagesResponse] = self._call(
            _create_image_variation(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            detailed=True,
        )
        return result


class AsyncImagesApi(AsyncApi):
    """The images operations for ``await``. Pass a generated ``Client`` or ``AuthenticatedClient``."""

    @overload
    async def create_image_edit(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        stream: Literal[False] | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> ImagesResponse: ...

    @overload
    async def create_image_edit(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        stream: Literal[True],
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> AsyncEventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]: ...

    @overload
    async def create_image_edit(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[True],
    ) -> PreparedRequest: ...

    async def create_image_edit(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: bool = False,
    ) -> (
        ImagesResponse
        | AsyncEventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]
        | PreparedRequest
    ):
        """Creates an edited or extended image given one or more source images and a prompt. This
        endpoint supports GPT Image models (`gpt-image-1.5`, `gpt-image-1`, `gpt-image-1-mini`, and
        `chatgpt-image-latest`) and `dall-e-2`.

        You can call this endpoint with either:

        - `multipart/form-data`: use binary uploads via `image` (and optional `mask`).
        - `application/json`: use `images` (and optional `mask`) as references with either
        `image_url` or `file_id`.

        Note that JSON requests use `images` (array) instead of the multipart `image` field.

        Sends a ``multipart/form-data`` body.

        Args:
            image (File | list[File]): The image(s) to edit. Must be a supported image file or an
                array of images. For the GPT image models (`gpt-image-1-mini`, `gpt-image-1.5`, `gpt-
                image-2`, `gpt-image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-
                image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, and `gpt-
                image-2.5-flare-2026-09-08`), each image should be a `png`, `webp`, or `jpg` file less
                than 50MB. You can provide up to 16 images. `chatgpt-image-latest` follows the same
                input constraints as GPT image models.
            prompt (str): A text description of the desired image(s). The maximum length is 32000
                characters for the GPT image models. Example: A cute baby sea otter wearing a beret.
            mask (File | Unset): An additional image whose fully transparent areas (e.g. where alpha
                is zero) indicate where `image` should be edited. If there are multiple images provided,
                the mask will be applied on the first image. Must be a valid PNG file, less than 4MB,
                and have the same dimensions as `image`.
            background (CreateImageEditRequestBackground | Unset): Allows to set transparency for
                the background of the generated image(s). Must be one of `transparent`, `opaque`, or
                `auto` (default value). When `auto` is used, the model will automatically determine the
                best background for the image. `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`,
                including their `2026-09-08` snapshots, support `opaque` and `transparent` backgrounds.
                Transparent backgrounds are available for supported GPT Image models. For `gpt-image-2`
                and `gpt-image-2-2026-04-21`, this support is in preview. When using `transparent`, set
                the output format to `png` or `webp`. Default: 'auto'. Example: transparent.
            model (CreateImageEditRequestModelType1 | None | str | Unset): The GPT image model to
                use for image editing (`gpt-image-1-mini`, `gpt-image-1.5`, `gpt-image-2`, `gpt-
                image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`,
                `gpt-image-2.5-flare`, `gpt-image-2.5-flare-2026-09-08`, `gpt-image-2.6-sunburst`, `gpt-
                image-2.6-flare`, or `chatgpt-image-latest`). `gpt-image-1` was shut down on October 23,
                2026. Use `gpt-image-2.5-sunburst` or `gpt-image-2.5-flare` instead. Deprecated values:
                "gpt-image-1": GPT Image 1 was shut down on October 23, 2026. "dall-e-2", "dall-e-3":
                This model was retired on May 12, 2026. Use a GPT image model instead. Default: 'gpt-
                image-1.5'. Example: gpt-image-1.5.
            n (int | None | Unset): The number of images to generate. Must be between 1 and 10.
                Default: 1. Example: 1.
            size (CreateImageEditRequestSizeType1 | None | str | Unset): The size of the generated
                images. Defaults to `auto`. For `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-
                image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, and
                `gpt-image-2.5-flare-2026-09-08`, arbitrary resolutions are supported as `WIDTHxHEIGHT`
                strings, for example `1536x864`. Width and height must both be divisible by 16 and the
                requested aspect ratio must be between 1:3 and 3:1. Resolutions above `2560x1440` are
                experimental, and the maximum supported resolution is `3840x2160`. The requested size
                must also satisfy the model's current pixel and edge limits. The standard sizes
                `1024x1024`, `1536x1024`, and `1024x1536` are supported by the GPT image models; `auto`
                is supported for models that allow automatic sizing. Deprecated values: "256x256",
                "512x512": This legacy size suggestion is retained for SDK compatibility. Check the
                selected GPT image model's supported sizes. Default: '1024x1024'. Example: 1024x1024.
            response_format (CreateImageEditRequestResponseFormat | Unset): Legacy response format
                parameter for retired image models. Unsupported for GPT image models, which always
                return base64-encoded images. Example: url.
            output_format (CreateImageEditRequestOutputFormat | Unset): The format in which the
                generated images are returned. This parameter is only supported for the GPT image
                models. The default value is `png`. SVG output requires a supported image model and
                project access. Default: 'png'. Example: png.
            output_compression (int | None | Unset): The compression level (0-100%) for the
                generated images. This parameter
                is only supported for the GPT image models with the `webp` or `jpeg` output
                formats, and defaults to 100.
                 Default: 100. Example: 100.
            user (str | Unset): Deprecated: use `safety_identifier` instead. This parameter remains
                accepted for backward compatibility and is used when `safety_identifier` is omitted,
                null, or empty. Example: user-1234.
            input_fidelity (InputFidelity | None | Unset):
            stream (bool | None | Unset): Edit the image in streaming mode. Defaults to `false`. See
                the
                [Image generation guide](/docs/guides/image-generation) for more information.
                 Default: False. Example: False.
            partial_images (int | None | Unset):
            quality (CreateImageEditRequestQuality | Unset): The quality of the image that will be
                generated for GPT image models. The GPT image models support `low`, `medium`, and
                `high`. `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`, including their `2026-09-08`
                snapshots, also support `xhigh` and `max`. Defaults to `auto`. Deprecated values:
                "standard": This quality was only supported by retired DALL·E models. Use a GPT image
                quality instead. Default: 'auto'. Example: high.
            complexity (CreateImageEditRequestComplexity | Unset): Computation spent planning the
                image, independently of rendering quality. Uses the image model's configured default
                when omitted. For SVG output, controls the reference image, independently of the SVG
                author's reasoning.
            frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from
                2 through 16. Defaults to 9 when omitted. Only supported with output_format=gif. The
                requested size must satisfy the selected model's GIF size limits. GIF output does not
                support streaming, partial images, masks, or custom output compression. Requires access
                to the GIF preview for the selected model.
            frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds.
                Defaults to 200 when omitted. GIF output rounds to the nearest 10 ms and caps the
                encoded delay at 655,350 ms per frame. Only supported with output_format=gif.
            markup (File | Unset): A transparent PNG overlaid on the first image to guide the edit.
                Must match that image's dimensions after orientation and contain transparent pixels.
                Supports GPT Image 2.5. Cannot be combined with mask.
            safety_identifier (None | str | Unset): A stable identifier for an end user in your
                organization, used for safety monitoring and abuse detection. Hash a username or email
                address to avoid sending identifying information. A non-empty value takes precedence
                over the deprecated `user` parameter. If omitted, null, or empty, the API uses `user`
                when available.
            svg (ImageEditSvgOptions | None | Unset):
            With ``stream=True`` the answer is an event stream to iterate.
            dry_run: Build the request and return it (credentials redacted) without sending it.
            extra_headers, extra_query, extra_body: Added to the request as they are.
            timeout: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
            validate, strict: For this call instead of the client's setting, where the client validates
                requests before sending them (``openai_images.ImagesApi`` does; these generated classes alone do not).
        """

        body = _model_create_image_edit_request()(
            image=coerce_files(image),
            prompt=prompt,
            mask=coerce_files(mask),
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
            markup=coerce_files(markup),
            safety_identifier=safety_identifier,
            svg=svg,
        )

        result: (
            ImagesResponse
            | AsyncEventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]
            | PreparedRequest
        ) = await self._call(
            _create_image_edit(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            stream=stream is True,
            dry_run=dry_run,
        )
        return result

    async def create_image_edit_detailed(
        self,
        *,
        image: FileInput | list[FileInput],
        prompt: str,
        mask: FileInput | Unset = UNSET,
        background: CreateImageEditRequestBackground | Unset = UNSET,
        model: str | CreateImageEditRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        size: str | CreateImageEditRequestSizeType1 | None | Unset = UNSET,
        response_format: CreateImageEditRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageEditRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        user: str | Unset = UNSET,
        input_fidelity: InputFidelity | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        quality: CreateImageEditRequestQuality | Unset = UNSET,
        complexity: CreateImageEditRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        markup: FileInput | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
    ) -> Response[ErrorResponse | ImagesResponse]:
        """Like ``create_image_edit`` (without streaming), returning status, headers, raw bytes and the parsed body.

        An error status does not raise: its parsed body is the documented error model, if it is one.
        """
        body = _model_create_image_edit_request()(
            image=coerce_files(image),
            prompt=prompt,
            mask=coerce_files(mask),
            background=background,
            model=model,
            n=n,
            size=size,
            response_format=response_format,
            output_format=output_format,
            output_compression=output_compression,
            user=user,
            input_fidelity=input_fidelity,
            partial_images=partial_images,
            quality=quality,
            complexity=complexity,
            frame_count=frame_count,
            frame_duration_ms=frame_duration_ms,
            markup=coerce_files(markup),
            safety_identifier=safety_identifier,
            svg=svg,
        )

        result: Response[ErrorResponse | ImagesResponse] = await self._call(
            _create_image_edit(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            detailed=True,
        )
        return result

    @overload
    async def create_image_edit_json(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        stream: Literal[False] | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> ImagesResponse: ...

    @overload
    async def create_image_edit_json(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        stream: Literal[True],
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> AsyncEventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]: ...

    @overload
    async def create_image_edit_json(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[True],
    ) -> PreparedRequest: ...

    async def create_image_edit_json(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: bool = False,
    ) -> (
        ImagesResponse
        | AsyncEventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]
        | PreparedRequest
    ):
        """Creates an edited or extended image given one or more source images and a prompt. This
        endpoint supports GPT Image models (`gpt-image-1.5`, `gpt-image-1`, `gpt-image-1-mini`, and
        `chatgpt-image-latest`) and `dall-e-2`.

        You can call this endpoint with either:

        - `multipart/form-data`: use binary uploads via `image` (and optional `mask`).
        - `application/json`: use `images` (and optional `mask`) as references with either
        `image_url` or `file_id`.

        Note that JSON requests use `images` (array) instead of the multipart `image` field.

        Sends a ``application/json`` body.

        Args:
            images (list[ImageRefParam]): Input image references to edit.
                For GPT image models, you can provide up to 16 images.
            prompt (str): A text description of the desired image edit. Example: Add a watercolor
                effect and keep the subject centered.
            model (EditImageBodyJsonParamModelType1 | None | str | Unset): The GPT image model to
                use for image editing, including `gpt-image-2` and its dated snapshot `gpt-
                image-2-2026-04-21`. Default: 'gpt-image-1.5'. Example: gpt-image-1.5.
            mask (ImageRefParam | Unset): Reference an input image by either URL or uploaded file
                ID.
                Provide exactly one of `image_url` or `file_id`.
            n (int | None | Unset): The number of edited images to generate. Default: 1. Example: 1.
            quality (EditImageBodyJsonParamQualityType0 | None | Unset): Output quality for GPT
                image models.
                 Default: 'auto'. Example: high.
            input_fidelity (EditImageBodyJsonParamInputFidelityType0 | None | Unset): Controls
                fidelity to the original input image(s).
            size (EditImageBodyJsonParamSizeType0 | None | Unset): Requested output image size.
                Default: 'auto'. Example: 1024x1024.
            user (str | Unset): A unique identifier representing your end-user, which can help
                OpenAI
                monitor and detect abuse.
                 Example: user-1234.
            output_format (EditImageBodyJsonParamOutputFormatType0 | None | Unset): Output image
                format. Supported for GPT image models. Default: 'png'. Example: png.
            output_compression (int | None | Unset): Compression level for `jpeg` or `webp` output.
                Example: 100.
            moderation (EditImageBodyJsonParamModerationType0 | None | Unset): Moderation level for
                GPT image models. Default: 'auto'. Example: auto.
            background (EditImageBodyJsonParamBackgroundType0 | None | Unset): Set the background of
                the generated image output. Transparent backgrounds are available for supported GPT
                Image models. For `gpt-image-2` and `gpt-image-2-2026-04-21`, this support is in
                preview. When using `transparent`, set the output format to `png` or `webp`. Default:
                'auto'. Example: transparent.
            stream (bool | None | Unset): Stream partial image results as events. Default: False.
                Example: False.
            partial_images (int | None | Unset):
            complexity (EditImageBodyJsonParamComplexityType0 | None | Unset): Computation spent
                planning the image, independently of rendering quality. Uses the image model's
                configured default when omitted.
            frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from
                2 through 16. Defaults to 9 when omitted. Only supported with output_format=gif.
            frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds.
                Defaults to 200 when omitted. Only supported with output_format=gif.
            safety_identifier (None | str | Unset): A stable identifier for an end user in your
                organization, used for safety monitoring and abuse detection. A non-empty value takes
                precedence over the deprecated `user` parameter.
            svg (ImageEditSvgOptions | None | Unset):
            With ``stream=True`` the answer is an event stream to iterate.
            dry_run: Build the request and return it (credentials redacted) without sending it.
            extra_headers, extra_query, extra_body: Added to the request as they are.
            timeout: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
            validate, strict: For this call instead of the client's setting, where the client validates
                requests before sending them (``openai_images.ImagesApi`` does; these generated classes alone do not).
        """

        body = _model_edit_image_body_json_param()(
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

        result: (
            ImagesResponse
            | AsyncEventStream[ImageEditPartialImageEvent | ImageEditCompletedEvent]
            | PreparedRequest
        ) = await self._call(
            _create_image_edit(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            stream=stream is True,
            dry_run=dry_run,
        )
        return result

    async def create_image_edit_json_detailed(
        self,
        *,
        images: list[ImageRefParam],
        prompt: str,
        model: str | EditImageBodyJsonParamModelType1 | None | Unset = UNSET,
        mask: ImageRefParam | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: EditImageBodyJsonParamQualityType0 | None | Unset = UNSET,
        input_fidelity: EditImageBodyJsonParamInputFidelityType0 | None | Unset = UNSET,
        size: EditImageBodyJsonParamSizeType0 | None | Unset = UNSET,
        user: str | Unset = UNSET,
        output_format: EditImageBodyJsonParamOutputFormatType0 | None | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        moderation: EditImageBodyJsonParamModerationType0 | None | Unset = UNSET,
        background: EditImageBodyJsonParamBackgroundType0 | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        complexity: EditImageBodyJsonParamComplexityType0 | None | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageEditSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
    ) -> Response[ErrorResponse | ImagesResponse]:
        """Like ``create_image_edit_json`` (without streaming), returning status, headers, raw bytes and the parsed body.

        An error status does not raise: its parsed body is the documented error model, if it is one.
        """
        body = _model_edit_image_body_json_param()(
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
            partial_images=partial_images,
            complexity=complexity,
            frame_count=frame_count,
            frame_duration_ms=frame_duration_ms,
            safety_identifier=safety_identifier,
            svg=svg,
        )

        result: Response[ErrorResponse | ImagesResponse] = await self._call(
            _create_image_edit(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            detailed=True,
        )
        return result

    @overload
    async def create_image(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        stream: Literal[False] | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> ImagesResponse: ...

    @overload
    async def create_image(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        stream: Literal[True],
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> AsyncEventStream[ImageGenPartialImageEvent | ImageGenCompletedEvent]: ...

    @overload
    async def create_image(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[True],
    ) -> PreparedRequest: ...

    async def create_image(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        stream: bool | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: bool = False,
    ) -> (
        ImagesResponse
        | AsyncEventStream[ImageGenPartialImageEvent | ImageGenCompletedEvent]
        | PreparedRequest
    ):
        """Creates an image given a prompt. [Learn more](/docs/guides/images).

        Sends a ``application/json`` body.

        Args:
            prompt (str): A text description of the desired image(s). The maximum length is 32000
                characters. Example: A cute baby sea otter.
            model (CreateImageRequestModelType1 | None | str | Unset): The GPT image model to use
                for image generation. Specify a model explicitly. Supported models include `gpt-
                image-1-mini`, `gpt-image-1.5`, `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-
                image-2.5-sunburst`, `gpt-image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, `gpt-
                image-2.5-flare-2026-09-08`, `gpt-image-2.6-sunburst`, `gpt-image-2.6-flare`, and
                `chatgpt-image-latest`. `gpt-image-1` was shut down on October 23, 2026. Use `gpt-
                image-2.5-sunburst` or `gpt-image-2.5-flare` instead. Deprecated values: "gpt-image-1":
                GPT Image 1 was shut down on October 23, 2026. "dall-e-2", "dall-e-3": This model was
                retired on May 12, 2026. Use a GPT image model instead. Example: gpt-image-1.5.
            n (int | None | Unset): The number of images to generate. Must be between 1 and 10. For
                `dall-e-3`, only `n=1` is supported. Default: 1. Example: 1.
            quality (CreateImageRequestQuality | Unset): The quality of the image that will be
                generated.

                - `auto` (default value) will automatically select the best quality for the given model.
                - `high`, `medium` and `low` are supported for the GPT image models.
                - `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`, including their `2026-09-08`
                snapshots, also support `xhigh` and `max`.

                Deprecated values: "standard", "hd": This quality was only supported by retired DALL·E
                models. Use a GPT image quality instead.
                 Default: 'auto'. Example: medium.
            response_format (CreateImageRequestResponseFormat | Unset): Legacy response format
                parameter for retired image models. Unsupported for GPT image models, which always
                return base64-encoded images. Default: 'url'. Example: url.
            output_format (CreateImageRequestOutputFormat | Unset): The format in which the
                generated images are returned. This parameter is only supported for the GPT image
                models. Default: 'png'. Example: png.
            output_compression (int | None | Unset): The compression level (0-100%) for the
                generated images. This parameter is only supported for the GPT image models with the
                `webp` or `jpeg` output formats, and defaults to 100. Default: 100. Example: 100.
            stream (bool | None | Unset): Generate the image in streaming mode. Defaults to `false`.
                See the
                [Image generation guide](/docs/guides/image-generation) for more information.
                This parameter is only supported for the GPT image models.
                 Default: False. Example: False.
            partial_images (int | None | Unset):
            size (CreateImageRequestSizeType1 | None | str | Unset): The size of the generated
                images. For `gpt-image-2`, `gpt-image-2-2026-04-21`, `gpt-image-2.5-sunburst`, `gpt-
                image-2.5-sunburst-2026-09-08`, `gpt-image-2.5-flare`, and `gpt-
                image-2.5-flare-2026-09-08`, arbitrary resolutions are supported as `WIDTHxHEIGHT`
                strings, for example `1536x864`. Width and height must both be divisible by 16 and the
                requested aspect ratio must be between 1:3 and 3:1. Resolutions above `2560x1440` are
                experimental, and the maximum supported resolution is `3840x2160`. The requested size
                must also satisfy the model's current pixel and edge limits. The standard sizes
                `1024x1024`, `1536x1024`, and `1024x1536` are supported by the GPT image models; `auto`
                is supported for models that allow automatic sizing. Deprecated values: "256x256",
                "512x512", "1792x1024", "1024x1792": This legacy size suggestion is retained for SDK
                compatibility. Check the selected GPT image model's supported sizes. Default: 'auto'.
                Example: 1024x1024.
            moderation (CreateImageRequestModeration | Unset): Control the content-moderation level
                for images generated by the GPT image models. Must be either `low` for less restrictive
                filtering or `auto` (default value). Default: 'auto'. Example: low.
            background (CreateImageRequestBackground | Unset): Allows to set transparency for the
                background of the generated image(s). Must be one of `transparent`, `opaque`, or `auto`
                (default value). When `auto` is used, the model will automatically determine the best
                background for the image. `gpt-image-2.5-sunburst` and `gpt-image-2.5-flare`, including
                their `2026-09-08` snapshots, support `opaque` and `transparent` backgrounds.
                Transparent backgrounds are available for supported GPT Image models. For `gpt-image-2`
                and `gpt-image-2-2026-04-21`, this support is in preview. When using `transparent`, set
                the output format to `png` or `webp`. Default: 'auto'. Example: transparent.
            style (CreateImageRequestStyle | Unset): Legacy style parameter for retired image
                models. Unsupported for GPT image models; describe the desired style in the prompt
                instead. Default: 'vivid'. Example: vivid.
            user (str | Unset): Deprecated: use `safety_identifier` instead. This parameter remains
                accepted for backward compatibility and is used when `safety_identifier` is omitted,
                null, or empty. Example: user-1234.
            complexity (CreateImageRequestComplexity | Unset): Computation spent planning the image,
                independently of rendering quality. Uses the image model's configured default when
                omitted. For SVG output, controls the reference image, independently of the SVG author's
                reasoning.
            frame_count (int | None | Unset): Number of frames for GIF output. Accepts integers from
                2 through 16. Defaults to 9 when omitted. Only supported with output_format=gif. The
                requested size must satisfy the selected model's GIF size limits. GIF output does not
                support streaming, partial images, masks, or custom output compression. Requires access
                to the GIF preview for the selected model.
            frame_duration_ms (int | None | Unset): Requested delay per GIF frame, in milliseconds.
                Defaults to 200 when omitted. GIF output rounds to the nearest 10 ms and caps the
                encoded delay at 655,350 ms per frame. Only supported with output_format=gif.
            safety_identifier (None | str | Unset): A stable identifier for an end user in your
                organization, used for safety monitoring and abuse detection. Hash a username or email
                address to avoid sending identifying information. A non-empty value takes precedence
                over the deprecated `user` parameter. If omitted, null, or empty, the API uses `user`
                when available.
            svg (ImageGenSvgOptions | None | Unset):
            With ``stream=True`` the answer is an event stream to iterate.
            dry_run: Build the request and return it (credentials redacted) without sending it.
            extra_headers, extra_query, extra_body: Added to the request as they are.
            timeout: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
            validate, strict: For this call instead of the client's setting, where the client validates
                requests before sending them (``openai_images.ImagesApi`` does; these generated classes alone do not).
        """

        body = _model_create_image_request()(
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

        result: (
            ImagesResponse
            | AsyncEventStream[ImageGenPartialImageEvent | ImageGenCompletedEvent]
            | PreparedRequest
        ) = await self._call(
            _create_image(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            stream=stream is True,
            dry_run=dry_run,
        )
        return result

    async def create_image_detailed(
        self,
        *,
        prompt: str,
        model: str | CreateImageRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        quality: CreateImageRequestQuality | Unset = UNSET,
        response_format: CreateImageRequestResponseFormat | Unset = UNSET,
        output_format: CreateImageRequestOutputFormat | Unset = UNSET,
        output_compression: int | None | Unset = UNSET,
        partial_images: int | None | Unset = UNSET,
        size: str | CreateImageRequestSizeType1 | None | Unset = UNSET,
        moderation: CreateImageRequestModeration | Unset = UNSET,
        background: CreateImageRequestBackground | Unset = UNSET,
        style: CreateImageRequestStyle | Unset = UNSET,
        user: str | Unset = UNSET,
        complexity: CreateImageRequestComplexity | Unset = UNSET,
        frame_count: int | None | Unset = UNSET,
        frame_duration_ms: int | None | Unset = UNSET,
        safety_identifier: str | None | Unset = UNSET,
        svg: ImageGenSvgOptions | None | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
    ) -> Response[ErrorResponse | ImagesResponse]:
        """Like ``create_image`` (without streaming), returning status, headers, raw bytes and the parsed body.

        An error status does not raise: its parsed body is the documented error model, if it is one.
        """
        body = _model_create_image_request()(
            prompt=prompt,
            model=model,
            n=n,
            quality=quality,
            response_format=response_format,
            output_format=output_format,
            output_compression=output_compression,
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

        result: Response[ErrorResponse | ImagesResponse] = await self._call(
            _create_image(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            detailed=True,
        )
        return result

    @overload
    async def create_image_variation(
        self,
        *,
        image: FileInput,
        model: str | CreateImageVariationRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET,
        size: CreateImageVariationRequestSize | Unset = UNSET,
        user: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[False] = False,
    ) -> ImagesResponse: ...

    @overload
    async def create_image_variation(
        self,
        *,
        image: FileInput,
        model: str | CreateImageVariationRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET,
        size: CreateImageVariationRequestSize | Unset = UNSET,
        user: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: Literal[True],
    ) -> PreparedRequest: ...

    async def create_image_variation(
        self,
        *,
        image: FileInput,
        model: str | CreateImageVariationRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET,
        size: CreateImageVariationRequestSize | Unset = UNSET,
        user: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
        dry_run: bool = False,
    ) -> ImagesResponse | PreparedRequest:
        """Creates a variation of a given image. This endpoint only supports `dall-e-2`.

        Sends a ``multipart/form-data`` body.

        Args:
            image (File): The image to use as the basis for the variation(s). Must be a valid PNG
                file, less than 4MB, and square.
            model (CreateImageVariationRequestModelType1 | None | str | Unset): The legacy model
                used by the retired image variations endpoint. This endpoint no longer accepts requests.
                Deprecated values: "gpt-image-1": GPT Image 1 was shut down on October 23, 2026.
                "dall-e-2", "dall-e-3": This model was retired on May 12, 2026. Use a GPT image model
                instead. Default: 'dall-e-2'. Example: dall-e-2.
            n (int | None | Unset): The number of images to generate. Must be between 1 and 10.
                Default: 1. Example: 1.
            response_format (CreateImageVariationRequestResponseFormat | Unset): The format in which
                the generated images are returned. Must be one of `url` or `b64_json`. URLs are only
                valid for 60 minutes after the image has been generated. Default: 'url'. Example: url.
            size (CreateImageVariationRequestSize | Unset): The size of the generated images. Must
                be one of `256x256`, `512x512`, or `1024x1024`. Default: '1024x1024'. Example:
                1024x1024.
            user (str | Unset): A unique identifier representing your end-user, which can help
                OpenAI to monitor and detect abuse. [Learn more](/docs/guides/safety-best-practices#end-
                user-ids).
                 Example: user-1234.
            dry_run: Build the request and return it (credentials redacted) without sending it.
            extra_headers, extra_query, extra_body: Added to the request as they are.
            timeout: Seconds (or an ``httpx.Timeout``) for this call instead of the client's.
            validate, strict: For this call instead of the client's setting, where the client validates
                requests before sending them (``openai_images.ImagesApi`` does; these generated classes alone do not).
        """

        body = _model_create_image_variation_request()(
            image=coerce_files(image),
            model=model,
            n=n,
            response_format=response_format,
            size=size,
            user=user,
        )

        result: ImagesResponse | PreparedRequest = await self._call(
            _create_image_variation(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            dry_run=dry_run,
        )
        return result

    async def create_image_variation_detailed(
        self,
        *,
        image: FileInput,
        model: str | CreateImageVariationRequestModelType1 | None | Unset = UNSET,
        n: int | None | Unset = UNSET,
        response_format: CreateImageVariationRequestResponseFormat | Unset = UNSET,
        size: CreateImageVariationRequestSize | Unset = UNSET,
        user: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None | Unset = UNSET,
        validate: bool | None = None,
        strict: bool | None = None,
    ) -> Response[ErrorResponse | ImagesResponse]:
        """Like ``create_image_variation`` (without streaming), returning status, headers, raw bytes and the parsed body.

        An error status does not raise: its parsed body is the documented error model, if it is one.
        """
        body = _model_create_image_variation_request()(
            image=coerce_files(image),
            model=model,
            n=n,
            response_format=response_format,
            size=size,
            user=user,
        )

        result: Response[ErrorResponse | ImagesResponse] = await self._call(
            _create_image_variation(),
            {"body": body},
            body,
            request_options(
                extra_headers, extra_query, extra_body, timeout, validate, strict
            ),
            detailed=True,
        )
        return result


__all__ = ["AsyncImagesApi", "ImagesApi"]
