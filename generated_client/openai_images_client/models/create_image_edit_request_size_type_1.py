from typing import Literal, cast

CreateImageEditRequestSizeType1 = Literal[
    "1024x1024", "1024x1536", "1536x1024", "256x256", "512x512", "auto"
]

CREATE_IMAGE_EDIT_REQUEST_SIZE_TYPE_1_VALUES: set[CreateImageEditRequestSizeType1] = {
    "1024x1024",
    "1024x1536",
    "1536x1024",
    "256x256",
    "512x512",
    "auto",
}


def check_create_image_edit_request_size_type_1(
    value: str,
) -> CreateImageEditRequestSizeType1:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in CREATE_IMAGE_EDIT_REQUEST_SIZE_TYPE_1_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(CreateImageEditRequestSizeType1, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_IMAGE_EDIT_REQUEST_SIZE_TYPE_1_VALUES!r}"
    )
