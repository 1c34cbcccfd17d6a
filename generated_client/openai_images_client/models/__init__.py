"""Contains all the data models used in inputs/outputs"""

from .create_image_edit_request import CreateImageEditRequest
from .create_image_edit_request_background import CreateImageEditRequestBackground
from .create_image_edit_request_model_type_1 import CreateImageEditRequestModelType1
from .create_image_edit_request_output_format import CreateImageEditRequestOutputFormat
from .create_image_edit_request_quality import CreateImageEditRequestQuality
from .create_image_edit_request_response_format import (
    CreateImageEditRequestResponseFormat,
)
from .create_image_edit_request_size_type_1 import CreateImageEditRequestSizeType1
from .create_image_request import CreateImageRequest
from .create_image_request_background import CreateImageRequestBackground
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
from .edit_image_body_json_param_input_fidelity_type_0 import (
    EditImageBodyJsonParamInputFidelityType0,
)
from .edit_image_body_json_param_model_type_1 import EditImageBodyJsonParamModelType1
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
from .image_edit_completed_event_size import ImageEditCompletedEventSize
from .image_edit_completed_event_type import ImageEditCompletedEventType
from .image_edit_partial_image_event import ImageEditPartialImageEvent
from .image_edit_partial_image_event_background import (
    ImageEditPartialImageEventBackground,
)
from .image_edit_partial_image_event_output_format import (
    ImageEditPartialImageEventOutputFormat,
)
from .image_edit_partial_image_event_quality import ImageEditPartialImageEventQuality
from .image_edit_partial_image_event_size import ImageEditPartialImageEventSize
from .image_edit_partial_image_event_type import ImageEditPartialImageEventType
from .image_gen_completed_event import ImageGenCompletedEvent
from .image_gen_completed_event_background import ImageGenCompletedEventBackground
from .image_gen_completed_event_output_format import ImageGenCompletedEventOutputFormat
from .image_gen_completed_event_quality import ImageGenCompletedEventQuality
from .image_gen_completed_event_size import ImageGenCompletedEventSize
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
from .image_gen_partial_image_event_size import ImageGenPartialImageEventSize
from .image_gen_partial_image_event_type import ImageGenPartialImageEventType
from .image_gen_usage import ImageGenUsage
from .image_ref_param import ImageRefParam
from .images_response import ImagesResponse
from .images_response_background import ImagesResponseBackground
from .images_response_output_format import ImagesResponseOutputFormat
from .images_response_quality import ImagesResponseQuality
from .images_response_size import ImagesResponseSize
from .images_usage import ImagesUsage
from .images_usage_input_tokens_details import ImagesUsageInputTokensDetails
from .input_fidelity import InputFidelity

__all__ = (
    "CreateImageEditRequest",
    "CreateImageEditRequestBackground",
    "CreateImageEditRequestModelType1",
    "CreateImageEditRequestOutputFormat",
    "CreateImageEditRequestQuality",
    "CreateImageEditRequestResponseFormat",
    "CreateImageEditRequestSizeType1",
    "CreateImageRequest",
    "CreateImageRequestBackground",
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
    "ImageEditCompletedEventSize",
    "ImageEditCompletedEventType",
    "ImageEditPartialImageEvent",
    "ImageEditPartialImageEventBackground",
    "ImageEditPartialImageEventOutputFormat",
    "ImageEditPartialImageEventQuality",
    "ImageEditPartialImageEventSize",
    "ImageEditPartialImageEventType",
    "ImageGenCompletedEvent",
    "ImageGenCompletedEventBackground",
    "ImageGenCompletedEventOutputFormat",
    "ImageGenCompletedEventQuality",
    "ImageGenCompletedEventSize",
    "ImageGenCompletedEventType",
    "ImageGenInputUsageDetails",
    "ImageGenOutputTokensDetails",
    "ImageGenPartialImageEvent",
    "ImageGenPartialImageEventBackground",
    "ImageGenPartialImageEventOutputFormat",
    "ImageGenPartialImageEventQuality",
    "ImageGenPartialImageEventSize",
    "ImageGenPartialImageEventType",
    "ImageGenUsage",
    "ImageRefParam",
    "ImagesResponse",
    "ImagesResponseBackground",
    "ImagesResponseOutputFormat",
    "ImagesResponseQuality",
    "ImagesResponseSize",
    "ImagesUsage",
    "ImagesUsageInputTokensDetails",
    "InputFidelity",
)
