from typing import Literal, cast

CreateImageEditRequestComplexity = Literal["high", "low", "medium"]

CREATE_IMAGE_EDIT_REQUEST_COMPLEXITY_VALUES: set[CreateImageEditRequestComplexity] = {
    "high",
    "low",
    "medium",
}


def check_create_image_edit_request_complexity(
    value: str,
) -> CreateImageEditRequestComplexity:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in CREATE_IMAGE_EDIT_REQUEST_COMPLEXITY_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(CreateImageEditRequestComplexity, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_IMAGE_EDIT_REQUEST_COMPLEXITY_VALUES!r}"
    )
