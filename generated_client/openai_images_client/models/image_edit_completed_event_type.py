from typing import Literal, cast

ImageEditCompletedEventType = Literal["image_edit.completed"]

IMAGE_EDIT_COMPLETED_EVENT_TYPE_VALUES: set[ImageEditCompletedEventType] = {
    "image_edit.completed",
}


def check_image_edit_completed_event_type(value: str) -> ImageEditCompletedEventType:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_EDIT_COMPLETED_EVENT_TYPE_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageEditCompletedEventType, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_EDIT_COMPLETED_EVENT_TYPE_VALUES!r}"
    )
