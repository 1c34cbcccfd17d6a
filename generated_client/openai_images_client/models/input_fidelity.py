from typing import Literal, cast

InputFidelity = Literal["high", "low"]

INPUT_FIDELITY_VALUES: set[InputFidelity] = {
    "high",
    "low",
}


def check_input_fidelity(value: str) -> InputFidelity:
    """Accept a known value or, from a newer server, an unknown one of the right type.

    The Literal lists the values the pinned spec knows; an answer carrying a value added later is
    kept as it came instead of failing the whole response. Requests are checked against the spec
    by the validator, not here.
    """
    if value in INPUT_FIDELITY_VALUES:
        return value
    if isinstance(value, str) and not isinstance(value, bool):
        return cast(InputFidelity, value)
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INPUT_FIDELITY_VALUES!r}"
    )
