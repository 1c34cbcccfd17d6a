from typing import Literal, cast

ImagesResponseQuality = Literal["high", "low", "max", "medium", "xhigh"]

IMAGES_RESPONSE_QUALITY_VALUES: set[ImagesResponseQuality] = {
    "high",
    "low",
    "max",
    "medium",
    "xhigh",
}


def check_images_response_quality(value: str) -> ImagesResponseQuality:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGES_RESPONSE_QUALITY_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImagesResponseQuality, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGES_RESPONSE_QUALITY_VALUES!r}"
    )
