from typing import Literal, cast

ImagesResponseSizeType1 = Literal["1024x1024", "1024x1536", "1536x1024"]

IMAGES_RESPONSE_SIZE_TYPE_1_VALUES: set[ImagesResponseSizeType1] = {
    "1024x1024",
    "1024x1536",
    "1536x1024",
}


def check_images_response_size_type_1(value: str) -> ImagesResponseSizeType1:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGES_RESPONSE_SIZE_TYPE_1_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImagesResponseSizeType1, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGES_RESPONSE_SIZE_TYPE_1_VALUES!r}"
    )
