from typing import Literal, cast

CreateImageRequestStyle = Literal["natural", "vivid"]

CREATE_IMAGE_REQUEST_STYLE_VALUES: set[CreateImageRequestStyle] = {
    "natural",
    "vivid",
}


def check_create_image_request_style(value: str) -> CreateImageRequestStyle:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in CREATE_IMAGE_REQUEST_STYLE_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(CreateImageRequestStyle, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_IMAGE_REQUEST_STYLE_VALUES!r}"
    )
