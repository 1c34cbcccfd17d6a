"""Contains all the data models used in inputs/outputs.

Each is imported on first use (PEP 562): importing the package, or one model, does not import
every model, which keeps ``import openai_images_client`` cheap.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .create_image_edit_request import CreateImageEditRequest
    from .create_image_edit_request_background import CreateImageEditRequestBackground
    from .create_image_edit_request_complexity import CreateImageEditRequestComplexity
    from .create_image_edit_request_model_type_1 import CreateImageEditRequestModelType1
    from .create_image_edit_request_output_format import (
        CreateImageEditRequestOutputFormat,
    )
    from .create_image_edit_request_quality import CreateImageEditRequestQuality
    from .create_image_edit_request_response_format import (
        CreateImageEditRequestResponseFormat,
    )
    from .create_image_edit_request_size_type_1 import CreateImageEditRequestSizeType1
    from .create_image_request import CreateImageRequest
    from .create_image_request_background import CreateImageRequestBackground
    from .create_image_request_complexity import CreateImageRequestComplexity
    from .create_image_request_model_type_1 import CreateImageRequestModelType1
    from .create_image_request_moderation import CreateImageRequestModeration
    from .create_image_request_output_format import CreateImageRequestOutputFormat
    from .create_image_request_quality import CreateImageRequestQuality
    from .create_image_request_response_format import CreateImageRequestResponseFormat
    from .create_image_request_size_type_1 import CreateImageRequestSizeType1
    from .create_image_request_style import CreateImageRequestStyle
    from .create_image_variation_request import CreateImageVariationRequest
    from .create_image_variation_request_model_type_1 import (
        CreateImageVariationRequestModelType1,
    )
    from .create_image_variation_request_response_format import (
        CreateImageVariationRequestResponseFormat,
    )
    from .create_image_variation_request_size import CreateImageVariationRequestSize
    from .edit_image_body_json_param import EditImageBodyJsonParam
    from .edit_image_body_json_param_background_type_0 import (
        EditImageBodyJsonParamBackgroundType0,
    )
    from .edit_image_body_json_param_complexity_type_0 import (
        EditImageBodyJsonParamComplexityType0,
    )
    from .edit_image_body_json_param_input_fidelity_type_0 import (
        EditImageBodyJsonParamInputFidelityType0,
    )
    from .edit_image_body_json_param_model_type_1 import (
        EditImageBodyJsonParamModelType1,
    )
    from .edit_image_body_json_param_moderation_type_0 import (
        EditImageBodyJsonParamModerationType0,
    )
    from .edit_image_body_json_param_output_format_type_0 import (
        EditImageBodyJsonParamOutputFormatType0,
    )
    from .edit_image_body_json_param_quality_type_0 import (
        EditImageBodyJsonParamQualityType0,
    )
    from .edit_image_body_json_param_size_type_0 import EditImageBodyJsonParamSizeType0
    from .error import Error
    from .error_response import ErrorResponse
    from .image import Image
    from .image_edit_completed_event import ImageEditCompletedEvent
    from .image_edit_completed_event_background import ImageEditCompletedEventBackground
    from .image_edit_completed_event_output_format import (
        ImageEditCompletedEventOutputFormat,
    )
    from .image_edit_completed_event_quality import ImageEditCompletedEventQuality
    from .image_edit_completed_event_size_type_1 import ImageEditCompletedEventSizeType1
    from .image_edit_completed_event_type import ImageEditCompletedEventType
    from .image_edit_partial_image_event import ImageEditPartialImageEvent
    from .image_edit_partial_image_event_background import (
        ImageEditPartialImageEventBackground,
    )
    from .image_edit_partial_image_event_output_format import (
        ImageEditPartialImageEventOutputFormat,
    )
    from .image_edit_partial_image_event_quality import (
        ImageEditPartialImageEventQuality,
    )
    from .image_edit_partial_image_event_size_type_1 import (
        ImageEditPartialImageEventSizeType1,
    )
    from .image_edit_partial_image_event_type import ImageEditPartialImageEventType
    from .image_edit_svg_options import ImageEditSvgOptions
    from .image_edit_svg_reasoning import ImageEditSvgReasoning
    from .image_edit_svg_reasoning_effort import ImageEditSvgReasoningEffort
    from .image_gen_completed_event import ImageGenCompletedEvent
    from .image_gen_completed_event_background import ImageGenCompletedEventBackground
    from .image_gen_completed_event_output_format import (
        ImageGenCompletedEventOutputFormat,
    )
    from .image_gen_completed_event_quality import ImageGenCompletedEventQuality
    from .image_gen_completed_event_size_type_1 import ImageGenCompletedEventSizeType1
    from .image_gen_completed_event_type import ImageGenCompletedEventType
    from .image_gen_input_usage_details import ImageGenInputUsageDetails
    from .image_gen_output_tokens_details import ImageGenOutputTokensDetails
    from .image_gen_partial_image_event import ImageGenPartialImageEvent
    from .image_gen_partial_image_event_background import (
        ImageGenPartialImageEventBackground,
    )
    from .image_gen_partial_image_event_output_format import (
        ImageGenPartialImageEventOutputFormat,
    )
    from .image_gen_partial_image_event_quality import ImageGenPartialImageEventQuality
    from .image_gen_partial_image_event_size_type_1 import (
        ImageGenPartialImageEventSizeType1,
    )
    from .image_gen_partial_image_event_type import ImageGenPartialImageEventType
    from .image_gen_svg_options import ImageGenSvgOptions
    from .image_gen_svg_reasoning import ImageGenSvgReasoning
    from .image_gen_svg_reasoning_effort_type_0 import ImageGenSvgReasoningEffortType0
    from .image_gen_usage import ImageGenUsage
    from .image_ref_param import ImageRefParam
    from .images_response import ImagesResponse
    from .images_response_background import ImagesResponseBackground
    from .images_response_output_format import ImagesResponseOutputFormat
    from .images_response_quality import ImagesResponseQuality
    from .images_response_size_type_1 import ImagesResponseSizeType1
    from .images_svg_usage import ImagesSvgUsage
    from .images_usage import ImagesUsage
    from .images_usage_input_tokens_details import ImagesUsageInputTokensDetails
    from .input_fidelity import InputFidelity

_MODULES = {
    "CreateImageEditRequest": "create_image_edit_request",
    "CreateImageEditRequestBackground": "create_image_edit_request_background",
    "CreateImageEditRequestComplexity": "create_image_edit_request_complexity",
    "CreateImageEditRequestModelType1": "create_image_edit_request_model_type_1",
    "CreateImageEditRequestOutputFormat": "create_image_edit_request_output_format",
    "CreateImageEditRequestQuality": "create_image_edit_request_quality",
    "CreateImageEditRequestResponseFormat": "create_image_edit_request_response_format",
    "CreateImageEditRequestSizeType1": "create_image_edit_request_size_type_1",
    "CreateImageRequest": "create_image_request",
    "CreateImageRequestBackground": "create_image_request_background",
    "CreateImageRequestComplexity": "create_image_request_complexity",
    "CreateImageRequestModelType1": "create_image_request_model_type_1",
    "CreateImageRequestModeration": "create_image_request_moderation",
    "CreateImageRequestOutputFormat": "create_image_request_output_format",
    "CreateImageRequestQuality": "create_image_request_quality",
    "CreateImageRequestResponseFormat": "create_image_request_response_format",
    "CreateImageRequestSizeType1": "create_image_request_size_type_1",
    "CreateImageRequestStyle": "create_image_request_style",
    "CreateImageVariationRequest": "create_image_variation_request",
    "CreateImageVariationRequestModelType1": "create_image_variation_request_model_type_1",
    "CreateImageVariationRequestResponseFormat": "create_image_variation_request_response_format",
    "CreateImageVariationRequestSize": "create_image_variation_request_size",
    "EditImageBodyJsonParam": "edit_image_body_json_param",
    "EditImageBodyJsonParamBackgroundType0": "edit_image_body_json_param_background_type_0",
    "EditImageBodyJsonParamComplexityType0": "edit_image_body_json_param_complexity_type_0",
    "EditImageBodyJsonParamInputFidelityType0": "edit_image_body_json_param_input_fidelity_type_0",
    "EditImageBodyJsonParamModelType1": "edit_image_body_json_param_model_type_1",
    "EditImageBodyJsonParamModerationType0": "edit_image_body_json_param_moderation_type_0",
    "EditImageBodyJsonParamOutputFormatType0": "edit_image_body_json_param_output_format_type_0",
    "EditImageBodyJsonParamQualityType0": "edit_image_body_json_param_quality_type_0",
    "EditImageBodyJsonParamSizeType0": "edit_image_body_json_param_size_type_0",
    "Error": "error",
    "ErrorResponse": "error_response",
    "Image": "image",
    "ImageEditCompletedEvent": "image_edit_completed_event",
    "ImageEditCompletedEventBackground": "image_edit_completed_event_background",
    "ImageEditCompletedEventOutputFormat": "image_edit_completed_event_output_format",
    "ImageEditCompletedEventQuality": "image_edit_completed_event_quality",
    "ImageEditCompletedEventSizeType1": "image_edit_completed_event_size_type_1",
    "ImageEditCompletedEventType": "image_edit_completed_event_type",
    "ImageEditPartialImageEvent": "image_edit_partial_image_event",
    "ImageEditPartialImageEventBackground": "image_edit_partial_image_event_background",
    "ImageEditPartialImageEventOutputFormat": "image_edit_partial_image_event_output_format",
    "ImageEditPartialImageEventQuality": "image_edit_partial_image_event_quality",
    "ImageEditPartialImageEventSizeType1": "image_edit_partial_image_event_size_type_1",
    "ImageEditPartialImageEventType": "image_edit_partial_image_event_type",
    "ImageEditSvgOptions": "image_edit_svg_options",
    "ImageEditSvgReasoning": "image_edit_svg_reasoning",
    "ImageEditSvgReasoningEffort": "image_edit_svg_reasoning_effort",
    "ImageGenCompletedEvent": "image_gen_completed_event",
    "ImageGenCompletedEventBackground": "image_gen_completed_event_background",
    "ImageGenCompletedEventOutputFormat": "image_gen_completed_event_output_format",
    "ImageGenCompletedEventQuality": "image_gen_completed_event_quality",
    "ImageGenCompletedEventSizeType1": "image_gen_completed_event_size_type_1",
    "ImageGenCompletedEventType": "image_gen_completed_event_type",
    "ImageGenInputUsageDetails": "image_gen_input_usage_details",
    "ImageGenOutputTokensDetails": "image_gen_output_tokens_details",
    "ImageGenPartialImageEvent": "image_gen_partial_image_event",
    "ImageGenPartialImageEventBackground": "image_gen_partial_image_event_background",
    "ImageGenPartialImageEventOutputFormat": "image_gen_partial_image_event_output_format",
    "ImageGenPartialImageEventQuality": "image_gen_partial_image_event_quality",
    "ImageGenPartialImageEventSizeType1": "image_gen_partial_image_event_size_type_1",
    "ImageGenPartialImageEventType": "image_gen_partial_image_event_type",
    "ImageGenSvgOptions": "image_gen_svg_options",
    "ImageGenSvgReasoning": "image_gen_svg_reasoning",
    "ImageGenSvgReasoningEffortType0": "image_gen_svg_reasoning_effort_type_0",
    "ImageGenUsage": "image_gen_usage",
    "ImageRefParam": "image_ref_param",
    "ImagesResponse": "images_response",
    "ImagesResponseBackground": "images_response_background",
    "ImagesResponseOutputFormat": "images_response_output_format",
    "ImagesResponseQuality": "images_response_quality",
    "ImagesResponseSizeType1": "images_response_size_type_1",
    "ImagesSvgUsage": "images_svg_usage",
    "ImagesUsage": "images_usage",
    "ImagesUsageInputTokensDetails": "images_usage_input_tokens_details",
    "InputFidelity": "input_fidelity",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])


__all__ = (
    "CreateImageEditRequest",
    "CreateImageEditRequestBackground",
    "CreateImageEditRequestComplexity",
    "CreateImageEditRequestModelType1",
    "CreateImageEditRequestOutputFormat",
    "CreateImageEditRequestQuality",
    "CreateImageEditRequestResponseFormat",
    "CreateImageEditRequestSizeType1",
    "CreateImageRequest",
    "CreateImageRequestBackground",
    "CreateImageRequestComplexity",
    "CreateImageRequestModelType1",
    "CreateImageRequestModeration",
    "CreateImageRequestOutputFormat",
    "CreateImageRequestQuality",
    "CreateImageRequestResponseFormat",
    "CreateImageRequestSizeType1",
    "CreateImageRequestStyle",
    "CreateImageVariationRequest",
    "CreateImageVariationRequestModelType1",
    "CreateImageVariationRequestResponseFormat",
    "CreateImageVariationRequestSize",
    "EditImageBodyJsonParam",
    "EditImageBodyJsonParamBackgroundType0",
    "EditImageBodyJsonParamComplexityType0",
    "EditImageBodyJsonParamInputFidelityType0",
    "EditImageBodyJsonParamModelType1",
    "EditImageBodyJsonParamModerationType0",
    "EditImageBodyJsonParamOutputFormatType0",
    "EditImageBodyJsonParamQualityType0",
    "EditImageBodyJsonParamSizeType0",
    "Error",
    "ErrorResponse",
    "Image",
    "ImageEditCompletedEvent",
    "ImageEditCompletedEventBackground",
    "ImageEditCompletedEventOutputFormat",
    "ImageEditCompletedEventQuality",
    "ImageEditCompletedEventSizeType1",
    "ImageEditCompletedEventType",
    "ImageEditPartialImageEvent",
    "ImageEditPartialImageEventBackground",
    "ImageEditPartialImageEventOutputFormat",
    "ImageEditPartialImageEventQuality",
    "ImageEditPartialImageEventSizeType1",
    "ImageEditPartialImageEventType",
    "ImageEditSvgOptions",
    "ImageEditSvgReasoning",
    "ImageEditSvgReasoningEffort",
    "ImageGenCompletedEvent",
    "ImageGenCompletedEventBackground",
    "ImageGenCompletedEventOutputFormat",
    "ImageGenCompletedEventQuality",
    "ImageGenCompletedEventSizeType1",
    "ImageGenCompletedEventType",
    "ImageGenInputUsageDetails",
    "ImageGenOutputTokensDetails",
    "ImageGenPartialImageEvent",
    "ImageGenPartialImageEventBackground",
    "ImageGenPartialImageEventOutputFormat",
    "ImageGenPartialImageEventQuality",
    "ImageGenPartialImageEventSizeType1",
    "ImageGenPartialImageEventType",
    "ImageGenSvgOptions",
    "ImageGenSvgReasoning",
    "ImageGenSvgReasoningEffortType0",
    "ImageGenUsage",
    "ImageRefParam",
    "ImagesResponse",
    "ImagesResponseBackground",
    "ImagesResponseOutputFormat",
    "ImagesResponseQuality",
    "ImagesResponseSizeType1",
    "ImagesSvgUsage",
    "ImagesUsage",
    "ImagesUsageInputTokensDetails",
    "InputFidelity",
)
