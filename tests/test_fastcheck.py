"""The fast yes never says yes to a request the detailed check refuses, and says it to the common ones."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from conftest import LIVE_DAY, PINNED_DAY, image_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai_images import fastcheck, spec
from openai_images.contract.inputs import CASES, valid_requests
from openai_images.rules import table
from openai_images.validation import check_request, detailed_issues


def served_on(model: str) -> dt.date:
    return LIVE_DAY if table().models[model].live_on(LIVE_DAY) else PINNED_DAY


def detailed(operation_id: str, params: dict[str, Any], content_type: str, as_of: dt.date) -> list[Any]:
    operation = spec.operation(operation_id)
    return detailed_issues(operation, params, content_type, False, as_of, True, "permissive")


def test_the_common_request_gets_the_fast_yes() -> None:
    params = {"prompt": "A white cat", "model": "gpt-image-2.5-flare", "size": "1024x1024", "quality": "xhigh", "n": 2}
    assert fastcheck.accepts("createImage", params, spec.JSON, LIVE_DAY, True, "permissive") is not None


@pytest.mark.parametrize(
    "params",
    [
        {"prompt": "p", "model": "dall-e-3"},  # retired on LIVE_DAY
        {"prompt": "p", "model": "gpt-image-2", "quality": "xhigh"},
        {"prompt": "p", "model": "gpt-image-2.5-flare", "size": "1536x864"},  # custom: the detailed check decides
        {"prompt": "p", "model": "gpt-image-2.5-flare", "n": 2.0},
        {"prompt": "p", "model": "gpt-image-2.5-flare", "quality": None},
        {"prompt": "p\ud800", "model": "gpt-image-2.5-flare"},
        {"prompt": "p"},
        {"prompt": "p", "model": "gpt-image-2.5-flare", "seed": 1},
        {"model": "gpt-image-2.5-flare"},
    ],
)
def test_anything_unusual_goes_to_the_detailed_check(params: dict[str, Any]) -> None:
    assert fastcheck.accepts("createImage", params, spec.JSON, LIVE_DAY, True, "permissive") is None


@pytest.mark.parametrize(("operation_id", "content_type"), CASES)
def test_every_valid_combination_the_fast_path_accepts_is_valid(operation_id: str, content_type: str) -> None:
    fast = 0
    for model, params in valid_requests(operation_id, content_type):
        as_of = served_on(model)
        if fastcheck.accepts(operation_id, params, content_type, as_of, True, "permissive"):
            fast += 1
            assert check_request(operation_id, params, content_type=content_type, as_of=as_of) == []
            assert detailed(operation_id, params, content_type, as_of) == [], params
    if operation_id == "createImage":
        assert fast > 1000, "most plain generate requests take the fast path"


POOL: list[Any] = [
    None, True, False, -1, 0, 1, 2, 3, 4, 10, 11, 16, 17, 100, 101, 2.0, 2.5, "", "p", "é", "\ud800",
    *("x" * length for length in (1000, 1001, 4000, 4001, 32000, 32001)),
    "auto", "1024x1024", "1536x1024", "1024x1536", "1536x864", "1792x1024", "256x256", "512x512",
    "standard", "hd", "low", "medium", "high", "xhigh", "max",
    "png", "jpeg", "webp", "gif", "svg", "transparent", "opaque", "vivid", "natural", "url", "b64_json",
    "dall-e-2", "dall-e-3", "gpt-image-1", "gpt-image-2", "gpt-image-2.6-flare", {"model": "m"}, [],
]  # fmt: skip


def plain_request(operation_id: str, content_type: str) -> dict[str, Any]:
    properties = spec.operation(operation_id).properties(content_type)
    plain: dict[str, Any] = {"prompt": "A cat"} if "prompt" in properties else {}
    if "image" in properties:
        plain["image"] = image_bytes("PNG", (64, 64))
    if "images" in properties:
        plain["images"] = [{"image_url": "https://x.test/a.png"}]
    return plain


def test_an_edit_with_a_good_upload_gets_the_fast_yes_and_a_bad_one_does_not() -> None:
    good = {"prompt": "p", "model": "gpt-image-1.5", "image": [image_bytes(), image_bytes("WEBP")]}
    assert fastcheck.accepts("createImageEdit", good, spec.MULTIPART, LIVE_DAY, True, "permissive") is not None
    assert check_request("createImageEdit", good, content_type=spec.MULTIPART, as_of=LIVE_DAY) == []
    bad = {**good, "image": [image_bytes(), image_bytes("GIF")]}
    (issue,) = check_request("createImageEdit", bad, content_type=spec.MULTIPART, as_of=LIVE_DAY)
    assert issue.param == "image[1]", "the upload's header is still read"


@pytest.mark.parametrize(("operation_id", "content_type"), CASES)
@pytest.mark.parametrize("reading", ["permissive", "strict"])
def test_no_single_field_change_of_a_plain_request_slips_through(
    operation_id: str, content_type: str, reading: Any
) -> None:
    """Every model, every field of the body, every value of a pool of edge values, on both days."""
    operation = spec.operation(operation_id)
    fields = list(operation.properties(content_type))
    plain = plain_request(operation_id, content_type)
    for model in table().models:
        for as_of, field, value in itertools.product((PINNED_DAY, LIVE_DAY), fields, POOL):
            params = {**plain, "model": model, field: value}
            fast = fastcheck.accepts(operation_id, params, content_type, as_of, True, reading)
            if fast and not check_request(
                operation_id, params, content_type=content_type, as_of=as_of, reading=reading
            ):
                issues = detailed_issues(operation, params, content_type, False, as_of, True, reading)
                assert issues == [], (params, as_of, issues)


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=40),
    st.floats(min_value=-2, max_value=20),
    st.sampled_from(["", "p", "é", "\ud800", "auto", "1024x1024", "1536x864", "1792x1024", "256x256"]),
    st.sampled_from([1000, 1001, 4000, 4001, 32000, 32001]).map(lambda length: "x" * length),
    st.sampled_from(["standard", "hd", "low", "xhigh", "max", "png", "gif", "svg", "jpeg", "transparent", "opaque"]),
    st.sampled_from(["high", "low", "vivid", "url", "b64_json", "dall-e-3", "gpt-image-2", "gpt-image-2.6-flare"]),
)
FIELDS = sorted({name for op in spec.operations().values() for ct in op.request_bodies for name in op.properties(ct)})


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    case=st.sampled_from(CASES),
    model=st.sampled_from(sorted(table().models)),
    changes=st.dictionaries(st.sampled_from(FIELDS), ODD_VALUES, max_size=2),
    other_day=st.booleans(),
    reading=st.sampled_from(["permissive", "strict", "mock"]),
)
def test_the_fast_path_never_accepts_what_the_detailed_check_refuses(
    case: tuple[str, str], model: str, changes: dict[str, Any], other_day: bool, reading: Any
) -> None:
    operation_id, content_type = case
    as_of = served_on(model) if not other_day else ({LIVE_DAY, PINNED_DAY} - {served_on(model)}).pop()
    params: dict[str, Any] = {**plain_request(operation_id, content_type), "model": model, **changes}
    fast = fastcheck.accepts(operation_id, params, content_type, as_of, True, reading)
    if fast and not check_request(operation_id, params, content_type=content_type, as_of=as_of, reading=reading):
        operation = spec.operation(operation_id)
        assert detailed_issues(operation, params, content_type, False, as_of, True, reading) == [], params
