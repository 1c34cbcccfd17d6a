"""Validation has no false alarms on valid combinations, and no answer but ValidationError on junk.

The valid combinations come from openai_images.contract.inputs: generated from the rules table and the
spec, not picked by hand.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import LIVE_DAY, PINNED_DAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai_images import spec
from openai_images.contract.inputs import CASES, FILE_FIELDS, offered_models, valid_requests
from openai_images.errors import ValidationError
from openai_images.rules import table
from openai_images.validation import check_request, validate_request


def served_on(model: str) -> Any:
    """A day OpenAI served the model: the live day, or the pinned spec's day for the retired ones."""
    return LIVE_DAY if table().models[model].live_on(LIVE_DAY) else PINNED_DAY


@pytest.mark.parametrize(("operation_id", "content_type"), CASES)
def test_every_valid_combination_for_every_model_is_accepted(operation_id: str, content_type: str) -> None:
    checked = 0
    models = set()
    for model, params in valid_requests(operation_id, content_type):
        issues = check_request(operation_id, params, content_type=content_type, as_of=served_on(model))
        assert issues == [], (model, {k: v for k, v in params.items() if k not in FILE_FIELDS}, issues)
        checked += 1
        models.add(model)
    assert models == {rules.name for rules in offered_models(operation_id, content_type)}
    assert checked > 10


def test_the_combinations_include_the_prose_only_rules() -> None:
    generated = [params for _, params in valid_requests("createImage", spec.JSON)]
    assert {"model": "gpt-image-2", "prompt": "p", "size": "1536x864"} in generated
    assert any(p.get("output_compression") == 0 and p.get("output_format") == "jpeg" for p in generated)
    assert not any(p.get("model") == "dall-e-3" and p.get("n", 1) > 1 for p in generated)


# --- arbitrary input ----------------------------------------------------------------------------------

FIELD_NAMES = sorted(
    {name for op in spec.operations().values() for ct in op.request_bodies for name in op.properties(ct)}
    | {"seed", "", "image[]", "\x00"}
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=50),
    st.sampled_from(["dall-e-2", "dall-e-3", "gpt-image-1", "gpt-image-2", "auto", "1536x864", "png", "transparent"]),
    st.binary(max_size=64),
    st.sampled_from(
        [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xff\xff\xff\x00\x00\x00\x01", b"RIFF\x00\x00\x00\x00WEBP"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8,
)
bodies = st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=8)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    case=st.sampled_from(CASES),
    body=bodies,
    strict=st.booleans(),
)
def test_arbitrary_values_only_ever_give_validation_errors(
    case: tuple[str, str], body: dict[str, Any], strict: bool
) -> None:
    operation_id, content_type = case
    issues = check_request(operation_id, body, content_type=content_type, strict=strict, as_of=LIVE_DAY)
    if issues:
        with pytest.raises(ValidationError) as caught:
            validate_request(operation_id, body, content_type=content_type, strict=strict, as_of=LIVE_DAY)
        assert caught.value.issues == issues
        assert all(str(issue) for issue in issues)
    else:
        validate_request(operation_id, body, content_type=content_type, strict=strict)
