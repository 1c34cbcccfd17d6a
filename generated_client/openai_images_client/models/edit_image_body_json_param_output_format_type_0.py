from typing import Literal, cast

EditImageBodyJsonParamOutputFormatType0 = Literal["gif", "jpeg", "png", "svg", "webp"]

EDIT_IMAGE_BODY_JSON_PARAM_OUTPUT_FORMAT_TYPE_0_VALUES: set[
    EditImageBodyJsonParamOutputFormatType0
] = {
    "gif",
    "jpeg",
    "png",
    "svg",
    "webp",
}


def check_edit_image_body_json_param_output_format_type_0(
    value: str,
) -> EditImageBodyJsonParamOutputFormatType0:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in EDIT_IMAGE_BODY_JSON_PARAM_OUTPUT_FORMAT_TYPE_0_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(EditImageBodyJsonParamOutputFormatType0, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EDIT_IMAGE_BODY_JSON_PARAM_OUTPUT_FORMAT_TYPE_0_VALUES!r}"
    )
