from typing import Literal, cast

ImagesResponseSize = Literal["1024x1024", "1024x1536", "1536x1024"]

IMAGES_RESPONSE_SIZE_VALUES: set[ImagesResponseSize] = {
    "1024x1024",
    "1024x1536",
    "1536x1024",
}


def check_images_response_size(value: str) -> ImagesResponseSize:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGES_RESPONSE_SIZE_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImagesResponseSize, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGES_RESPONSE_SIZE_VALUES!r}"
    )
