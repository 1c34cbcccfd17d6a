from typing import Literal, cast

ImageEditPartialImageEventOutputFormat = Literal["jpeg", "png", "webp"]

IMAGE_EDIT_PARTIAL_IMAGE_EVENT_OUTPUT_FORMAT_VALUES: set[
    ImageEditPartialImageEventOutputFormat
] = {
    "jpeg",
    "png",
    "webp",
}


def check_image_edit_partial_image_event_output_format(
    value: str,
) -> ImageEditPartialImageEventOutputFormat:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_EDIT_PARTIAL_IMAGE_EVENT_OUTPUT_FORMAT_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageEditPartialImageEventOutputFormat, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_EDIT_PARTIAL_IMAGE_EVENT_OUTPUT_FORMAT_VALUES!r}"
    )
