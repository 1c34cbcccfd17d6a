from typing import Literal, cast

ImageGenPartialImageEventType = Literal["image_generation.partial_image"]

IMAGE_GEN_PARTIAL_IMAGE_EVENT_TYPE_VALUES: set[ImageGenPartialImageEventType] = {
    "image_generation.partial_image",
}


def check_image_gen_partial_image_event_type(
    value: str,
) -> ImageGenPartialImageEventType:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_GEN_PARTIAL_IMAGE_EVENT_TYPE_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageGenPartialImageEventType, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GEN_PARTIAL_IMAGE_EVENT_TYPE_VALUES!r}"
    )
