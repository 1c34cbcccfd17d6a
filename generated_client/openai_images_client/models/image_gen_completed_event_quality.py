from typing import Literal, cast

ImageGenCompletedEventQuality = Literal["auto", "high", "low", "max", "medium", "xhigh"]

IMAGE_GEN_COMPLETED_EVENT_QUALITY_VALUES: set[ImageGenCompletedEventQuality] = {
    "auto",
    "high",
    "low",
    "max",
    "medium",
    "xhigh",
}


def check_image_gen_completed_event_quality(
    value: str,
) -> ImageGenCompletedEventQuality:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_GEN_COMPLETED_EVENT_QUALITY_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageGenCompletedEventQuality, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GEN_COMPLETED_EVENT_QUALITY_VALUES!r}"
    )
