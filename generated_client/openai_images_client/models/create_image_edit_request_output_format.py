from typing import Literal, cast

CreateImageEditRequestOutputFormat = Literal["gif", "jpeg", "png", "svg", "webp"]

CREATE_IMAGE_EDIT_REQUEST_OUTPUT_FORMAT_VALUES: set[
    CreateImageEditRequestOutputFormat
] = {
    "gif",
    "jpeg",
    "png",
    "svg",
    "webp",
}


def check_create_image_edit_request_output_format(
    value: str,
) -> CreateImageEditRequestOutputFormat:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in CREATE_IMAGE_EDIT_REQUEST_OUTPUT_FORMAT_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(CreateImageEditRequestOutputFormat, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_IMAGE_EDIT_REQUEST_OUTPUT_FORMAT_VALUES!r}"
    )
