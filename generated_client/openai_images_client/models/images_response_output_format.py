from typing import Literal, cast

ImagesResponseOutputFormat = Literal["gif", "jpeg", "png", "svg", "webp"]

IMAGES_RESPONSE_OUTPUT_FORMAT_VALUES: set[ImagesResponseOutputFormat] = {
    "gif",
    "jpeg",
    "png",
    "svg",
    "webp",
}


def check_images_response_output_format(value: str) -> ImagesResponseOutputFormat:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGES_RESPONSE_OUTPUT_FORMAT_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImagesResponseOutputFormat, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGES_RESPONSE_OUTPUT_FORMAT_VALUES!r}"
    )
