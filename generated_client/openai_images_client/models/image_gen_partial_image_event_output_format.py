from typing import Literal, cast

ImageGenPartialImageEventOutputFormat = Literal["jpeg", "png", "webp"]

IMAGE_GEN_PARTIAL_IMAGE_EVENT_OUTPUT_FORMAT_VALUES: set[
    ImageGenPartialImageEventOutputFormat
] = {
    "jpeg",
    "png",
    "webp",
}


def check_image_gen_partial_image_event_output_format(
    value: str,
) -> ImageGenPartialImageEventOutputFormat:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_GEN_PARTIAL_IMAGE_EVENT_OUTPUT_FORMAT_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageGenPartialImageEventOutputFormat, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GEN_PARTIAL_IMAGE_EVENT_OUTPUT_FORMAT_VALUES!r}"
    )
