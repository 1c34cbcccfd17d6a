from typing import Literal, cast

ImageEditSvgReasoningEffort = Literal[
    "high", "low", "max", "medium", "minimal", "none", "xhigh"
]

IMAGE_EDIT_SVG_REASONING_EFFORT_VALUES: set[ImageEditSvgReasoningEffort] = {
    "high",
    "low",
    "max",
    "medium",
    "minimal",
    "none",
    "xhigh",
}


def check_image_edit_svg_reasoning_effort(value: str) -> ImageEditSvgReasoningEffort:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_EDIT_SVG_REASONING_EFFORT_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageEditSvgReasoningEffort, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_EDIT_SVG_REASONING_EFFORT_VALUES!r}"
    )
