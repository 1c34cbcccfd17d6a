from typing import Literal, cast

ImageGenCompletedEventType = Literal["image_generation.completed"]

IMAGE_GEN_COMPLETED_EVENT_TYPE_VALUES: set[ImageGenCompletedEventType] = {
    "image_generation.completed",
}


def check_image_gen_completed_event_type(value: str) -> ImageGenCompletedEventType:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_GEN_COMPLETED_EVENT_TYPE_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageGenCompletedEventType, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GEN_COMPLETED_EVENT_TYPE_VALUES!r}"
    )
