from typing import Literal, cast

CreateImageVariationRequestModelType1 = Literal["dall-e-2"]

CREATE_IMAGE_VARIATION_REQUEST_MODEL_TYPE_1_VALUES: set[
    CreateImageVariationRequestModelType1
] = {
    "dall-e-2",
}


def check_create_image_variation_request_model_type_1(
    value: str,
) -> CreateImageVariationRequestModelType1:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in CREATE_IMAGE_VARIATION_REQUEST_MODEL_TYPE_1_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(CreateImageVariationRequestModelType1, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_IMAGE_VARIATION_REQUEST_MODEL_TYPE_1_VALUES!r}"
    )
