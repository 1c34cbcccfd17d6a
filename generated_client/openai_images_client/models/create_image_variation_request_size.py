from typing import Literal, cast

CreateImageVariationRequestSize = Literal["1024x1024", "256x256", "512x512"]

CREATE_IMAGE_VARIATION_REQUEST_SIZE_VALUES: set[CreateImageVariationRequestSize] = {
    "1024x1024",
    "256x256",
    "512x512",
}


def check_create_image_variation_request_size(
    value: str,
) -> CreateImageVariationRequestSize:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in CREATE_IMAGE_VARIATION_REQUEST_SIZE_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(CreateImageVariationRequestSize, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_IMAGE_VARIATION_REQUEST_SIZE_VALUES!r}"
    )
