from typing import Literal, cast

ImageEditCompletedEventSizeType1 = Literal[
    "1024x1024", "1024x1536", "1536x1024", "auto"
]

IMAGE_EDIT_COMPLETED_EVENT_SIZE_TYPE_1_VALUES: set[ImageEditCompletedEventSizeType1] = {
    "1024x1024",
    "1024x1536",
    "1536x1024",
    "auto",
}


def check_image_edit_completed_event_size_type_1(
    value: str,
) -> ImageEditCompletedEventSizeType1:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_EDIT_COMPLETED_EVENT_SIZE_TYPE_1_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageEditCompletedEventSizeType1, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_EDIT_COMPLETED_EVENT_SIZE_TYPE_1_VALUES!r}"
    )
