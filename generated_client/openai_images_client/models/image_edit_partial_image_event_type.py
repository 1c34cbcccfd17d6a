from typing import Literal, cast

ImageEditPartialImageEventType = Literal["image_edit.partial_image"]

IMAGE_EDIT_PARTIAL_IMAGE_EVENT_TYPE_VALUES: set[ImageEditPartialImageEventType] = {
    "image_edit.partial_image",
}


def check_image_edit_partial_image_event_type(
    value: str,
) -> ImageEditPartialImageEventType:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_EDIT_PARTIAL_IMAGE_EVENT_TYPE_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageEditPartialImageEventType, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_EDIT_PARTIAL_IMAGE_EVENT_TYPE_VALUES!r}"
    )
