from typing import Literal, cast

ImageEditCompletedEventBackground = Literal["auto", "opaque", "transparent"]

IMAGE_EDIT_COMPLETED_EVENT_BACKGROUND_VALUES: set[ImageEditCompletedEventBackground] = {
    "auto",
    "opaque",
    "transparent",
}


def check_image_edit_completed_event_background(
    value: str,
) -> ImageEditCompletedEventBackground:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_EDIT_COMPLETED_EVENT_BACKGROUND_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageEditCompletedEventBackground, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_EDIT_COMPLETED_EVENT_BACKGROUND_VALUES!r}"
    )
