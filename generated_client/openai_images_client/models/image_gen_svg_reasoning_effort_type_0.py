from typing import Literal, cast

ImageGenSvgReasoningEffortType0 = Literal[
    "high", "low", "max", "medium", "minimal", "none", "xhigh"
]

IMAGE_GEN_SVG_REASONING_EFFORT_TYPE_0_VALUES: set[ImageGenSvgReasoningEffortType0] = {
    "high",
    "low",
    "max",
    "medium",
    "minimal",
    "none",
    "xhigh",
}


def check_image_gen_svg_reasoning_effort_type_0(
    value: str,
) -> ImageGenSvgReasoningEffortType0:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in IMAGE_GEN_SVG_REASONING_EFFORT_TYPE_0_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(ImageGenSvgReasoningEffortType0, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GEN_SVG_REASONING_EFFORT_TYPE_0_VALUES!r}"
    )
