from typing import Literal, cast

CreateImageVariationRequestResponseFormat = Literal["b64_json", "url"]

CREATE_IMAGE_VARIATION_REQUEST_RESPONSE_FORMAT_VALUES: set[
    CreateImageVariationRequestResponseFormat
] = {
    "b64_json",
    "url",
}


def check_create_image_variation_request_response_format(
    value: str,
) -> CreateImageVariationRequestResponseFormat:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in CREATE_IMAGE_VARIATION_REQUEST_RESPONSE_FORMAT_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(CreateImageVariationRequestResponseFormat, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_IMAGE_VARIATION_REQUEST_RESPONSE_FORMAT_VALUES!r}"
    )
