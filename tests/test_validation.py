"""Model-aware validation: the spec's schema, then each per-model rule, passing and failing.

These tests judge each rule on the models the pinned spec names, on a day OpenAI served all of them
(conftest.PINNED_DAY); tests/test_validation_live.py covers the live catalogue, the new models and
parameters, the models' dates and the ambiguous rules.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from conftest import PINNED_DAY, image_bytes
from openai_images import spec, validation
from openai_images.errors import Issue, ValidationError
from openai_images.rules import table
from openai_images.validation import form_params

MULTIPART = "multipart/form-data"
JSON = "application/json"


def check_request(operation: str, params: dict[str, Any], **options: Any) -> list[Issue]:
    return validation.check_request(operation, params, **{"as_of": PINNED_DAY, **options})


def validate_request(operation: str, params: dict[str, Any], **options: Any) -> None:
    validation.validate_request(operation, params, **{"as_of": PINNED_DAY, **options})


def effective_model(operation: str, params: dict[str, Any]) -> str | None:
    return validation.effective_model(operation, params, as_of=PINNED_DAY)


def problems(operation: str, params: dict[str, Any], **options: Any) -> list[tuple[str, str]]:
    return [(issue.param, issue.message) for issue in check_request(operation, params, **options)]


def params_of(operation: str, params: dict[str, Any], **options: Any) -> set[str]:
    return {issue.param for issue in check_request(operation, params, **options)}


# --- the table and the spec ---------------------------------------------------------------------


def test_the_table_knows_every_model_the_spec_names() -> None:
    missing = spec.models_named() - set(table().models)
    assert not missing, f"add these models to overlays/openai_images/model_rules.toml: {sorted(missing)}"


def test_the_table_has_no_model_the_spec_no_longer_names() -> None:
    assert set(table().models) <= spec.models_named()


def unclassified_parameters(operations: dict[str, spec.Operation]) -> list[str]:
    """Body fields of the spec the rules table neither calls general nor gives to some model."""
    rules = table()
    known = rules.general_parameters | rules.model_specific_parameters
    return [
        f"{operation_id} ({content_type}): {name}"
        for operation_id, operation in operations.items()
        for content_type in operation.request_bodies
        for name in operation.properties(content_type)
        if name not in known
    ]


def test_the_table_classifies_every_body_parameter_of_the_spec() -> None:
    unclassified = unclassified_parameters(spec.operations())
    assert not unclassified, (
        f"parameters the rules table does not classify: {unclassified}. Say in"
        " overlays/openai_images/model_rules.toml which models take them (a model's `parameters` or"
        " capability keys, or [parameters] general if every model does)."
    )


def test_a_parameter_the_spec_adds_and_the_table_does_not_classify_is_named() -> None:
    operation = spec.operation("createImage")
    body = {**operation.body_schema(), "properties": {**operation.properties(), "seed": {"type": "integer"}}}
    grown = spec.Operation(operation.operation_id, operation.method, operation.path, {JSON: body}, {})
    assert unclassified_parameters({"createImage": grown}) == ["createImage (application/json): seed"]


def test_every_operations_default_model_is_in_the_table() -> None:
    for operation_id, operation in spec.operations().items():
        for content_type in operation.request_bodies:
            default = effective_model(operation_id, {})
            assert default in table().models, (operation_id, content_type, default)


# --- schema-level checks ---------------------------------------------------------------------------


def test_a_valid_request_has_no_issues() -> None:
    assert check_request("createImage", {"prompt": "a cat"}) == []


def test_a_missing_required_field_is_named() -> None:
    assert problems("createImage", {}) == [("prompt", "is required")]


def test_a_wrong_type_is_named_with_the_expected_type() -> None:
    assert problems("createImage", {"prompt": "x", "n": "2"}) == [("n", "must be an integer or null")]


def test_a_value_outside_the_schema_enum_lists_what_is_allowed() -> None:
    (issue,) = check_request("createImage", {"prompt": "x", "response_format": "gif"})
    assert (issue.param, issue.allowed) == ("response_format", "url, b64_json")


def test_an_integral_float_counts_as_an_integer_as_in_json_schema() -> None:
    assert check_request("createImage", {"prompt": "x", "n": 2.0}) == []
    assert problems("createImage", {"prompt": "x", "n": 2.5}) == [("n", "must be an integer or null")]
    (issue,) = check_request("createImage", {"prompt": "x", "model": "dall-e-3", "n": 2.0})
    assert issue.param == "n"


def test_n_outside_one_to_ten_is_refused_by_the_schema() -> None:
    assert problems("createImage", {"prompt": "x", "n": 0}) == [("n", "must be at least 1")]
    assert problems("createImage", {"prompt": "x", "n": 11}) == [("n", "must be at most 10")]


def test_an_unknown_parameter_is_refused() -> None:
    (issue,) = check_request("createImage", {"prompt": "x", "seed": 3})
    assert issue.param == "seed"
    assert "prompt" in (issue.allowed or "")


def test_null_is_accepted_where_the_spec_marks_a_field_nullable() -> None:
    assert check_request("createImage", {"prompt": "x", "n": None, "quality": None, "model": None}) == []


def test_a_json_image_reference_needs_exactly_one_of_url_or_file_id() -> None:
    base = {"prompt": "p", "model": "gpt-image-1"}
    assert check_request("createImageEdit", {**base, "images": [{"file_id": "f"}]}, content_type=JSON) == []
    assert params_of("createImageEdit", {**base, "images": [{}]}, content_type=JSON) == {"images[0]"}
    both = {"file_id": "f", "image_url": "https://x.test/a.png"}
    assert params_of("createImageEdit", {**base, "images": [both]}, content_type=JSON) == {"images[0]"}
    unknown = {"file_id": "f", "path": "/etc/passwd"}
    assert params_of("createImageEdit", {**base, "images": [unknown]}, content_type=JSON) == {"images[0].path"}


def test_a_file_field_refuses_text() -> None:
    assert problems("createImageVariation", {"image": "a.png"}) == [
        ("image", "must be a file (image bytes), not a text value")
    ]


# --- model rules: one passing and one failing case each ----------------------------------------------


@pytest.mark.parametrize(
    ("operation", "model", "content_type", "ok"),
    [
        ("createImage", "dall-e-3", None, True),
        ("createImage", "chatgpt-image-latest", None, True),
        ("createImage", "my-own-model", None, True),
        ("createImageEdit", "chatgpt-image-latest", MULTIPART, True),
        ("createImageEdit", "dall-e-3", MULTIPART, False),
        ("createImageEdit", "gpt-image-1.5", JSON, True),
        ("createImageEdit", "dall-e-2", JSON, False),
        ("createImageVariation", "dall-e-2", None, True),
        ("createImageVariation", "gpt-image-1", None, False),
    ],
)
def test_a_model_must_be_one_the_operation_offers(
    operation: str, model: str, content_type: str | None, ok: bool, png: bytes
) -> None:
    params: dict[str, Any] = {"model": model}
    if operation == "createImage":
        params["prompt"] = "p"
    elif operation == "createImageVariation":
        params["image"] = png
    elif content_type == JSON:
        params.update(prompt="p", images=[{"image_url": "https://x.test/a.png"}])
    else:
        params.update(prompt="p", image=png)
    issues = check_request(operation, params, content_type=content_type)
    assert ("model" in {issue.param for issue in issues}) is not ok


@pytest.mark.parametrize(("model", "limit"), [("dall-e-2", 1000), ("dall-e-3", 4000), ("gpt-image-1", 32000)])
def test_the_prompt_length_limit_is_per_model(model: str, limit: int) -> None:
    assert check_request("createImage", {"prompt": "x" * limit, "model": model}) == []
    (issue,) = check_request("createImage", {"prompt": "x" * (limit + 1), "model": model})
    assert (issue.param, issue.model) == ("prompt", model)
    assert str(limit) in issue.message


def test_an_empty_prompt_is_refused() -> None:
    assert problems("createImage", {"prompt": ""}) == [("prompt", "must not be empty")]


def test_dall_e_3_makes_one_image_per_request() -> None:
    assert check_request("createImage", {"prompt": "p", "model": "dall-e-3", "n": 1}) == []
    (issue,) = check_request("createImage", {"prompt": "p", "model": "dall-e-3", "n": 2})
    assert (issue.param, issue.value, issue.model, issue.allowed) == ("n", 2, "dall-e-3", "1..1")


@pytest.mark.parametrize(
    ("model", "good", "bad"),
    [
        ("dall-e-2", "512x512", "1792x1024"),
        ("dall-e-3", "1792x1024", "512x512"),
        ("gpt-image-1", "1536x1024", "1792x1024"),
        ("gpt-image-2", "1536x864", "1000x1000"),
    ],
)
def test_sizes_are_per_model(model: str, good: str, bad: str) -> None:
    assert check_request("createImage", {"prompt": "p", "model": model, "size": good}) == []
    assert params_of("createImage", {"prompt": "p", "model": model, "size": bad}) == {"size"}


@pytest.mark.parametrize(
    ("size", "reason"),
    [
        ("1000x1008", "multiples of 16"),
        ("3840x960", "aspect ratio"),
        ("4096x2304", "largest size"),
        ("2176x2176", "largest size"),
        ("0x1024", "not a size"),
        ("1024x1024x2", "not a size"),
    ],
)
def test_gpt_image_2_custom_sizes_follow_the_spec_limits(size: str, reason: str) -> None:
    (issue,) = check_request("createImage", {"prompt": "p", "model": "gpt-image-2", "size": size})
    assert reason in issue.message
    assert "multiples of 16" in (issue.allowed or "")


@pytest.mark.parametrize("size", ["3840x2160", "2160x3840", "768x2304", "2304x768", "16x48"])
def test_gpt_image_2_accepts_sizes_at_the_limits(size: str) -> None:
    assert check_request("createImage", {"prompt": "p", "model": "gpt-image-2-2026-04-21", "size": size}) == []


def test_auto_size_is_accepted_for_every_model_under_the_permissive_reading() -> None:
    for model in ("dall-e-2", "dall-e-3", "gpt-image-1"):
        assert check_request("createImage", {"prompt": "p", "model": model, "size": "auto"}) == []
    # The dall-e sizes' prose lists three sizes without auto: the strict reading refuses it.
    for model in ("dall-e-2", "dall-e-3"):
        strict = check_request("createImage", {"prompt": "p", "model": model, "size": "auto"}, reading="strict")
        assert [issue.param for issue in strict] == ["size"]


@pytest.mark.parametrize(
    ("model", "good", "bad"),
    [("dall-e-2", "standard", "hd"), ("dall-e-3", "hd", "high"), ("gpt-image-1-mini", "low", "standard")],
)
def test_quality_values_are_per_model(model: str, good: str, bad: str) -> None:
    assert check_request("createImage", {"prompt": "p", "model": model, "quality": good}) == []
    (issue,) = check_request("createImage", {"prompt": "p", "model": model, "quality": bad})
    assert (issue.param, issue.value) == ("quality", bad)


@pytest.mark.parametrize(
    ("parameter", "value", "takes", "refuses"),
    [
        ("style", "natural", "dall-e-3", "dall-e-2"),
        ("response_format", "b64_json", "dall-e-2", "gpt-image-1"),
        ("output_format", "webp", "gpt-image-1", "dall-e-3"),
        ("moderation", "low", "gpt-image-1.5", "dall-e-2"),
        ("background", "opaque", "gpt-image-2", "dall-e-3"),
        ("stream", True, "gpt-image-1", "dall-e-3"),
        ("partial_images", 2, "gpt-image-1-mini", "dall-e-2"),
    ],
)
def test_model_specific_parameters_only_go_to_models_that_take_them(
    parameter: str, value: Any, takes: str, refuses: str
) -> None:
    assert check_request("createImage", {"prompt": "p", "model": takes, parameter: value}) == []
    (issue,) = check_request("createImage", {"prompt": "p", "model": refuses, parameter: value})
    assert (issue.param, issue.model) == (parameter, refuses)
    assert takes in (issue.allowed or "")


def test_gpt_image_1_mini_takes_only_low_input_fidelity(png: bytes) -> None:
    base = {"prompt": "p", "image": png, "input_fidelity": "high"}
    assert check_request("createImageEdit", {**base, "model": "gpt-image-1"}) == []
    (issue,) = check_request("createImageEdit", {**base, "model": "gpt-image-1-mini"})
    assert (issue.param, issue.allowed) == ("input_fidelity", "low")
    assert check_request("createImageEdit", {**base, "model": "gpt-image-1-mini", "input_fidelity": "low"}) == []


@pytest.mark.parametrize(
    ("extra", "bad"),
    [
        ({"output_format": "jpeg", "output_compression": 50}, None),
        ({"output_format": "webp", "output_compression": 0}, None),
        ({"output_format": "png", "output_compression": 50}, "output_compression"),
        ({"output_compression": 50}, "output_compression"),
        ({"output_format": "jpeg", "output_compression": 101}, "output_compression"),
        ({"output_format": "jpeg", "output_compression": -1}, "output_compression"),
    ],
)
def test_output_compression_is_0_to_100_and_only_for_jpeg_or_webp(extra: dict[str, Any], bad: str | None) -> None:
    issues = params_of("createImage", {"prompt": "p", "model": "gpt-image-1", **extra})
    assert issues == ({bad} if bad else set())


@pytest.mark.parametrize(("output_format", "ok"), [(None, True), ("png", True), ("webp", True), ("jpeg", False)])
def test_a_transparent_background_needs_png_or_webp(output_format: str | None, ok: bool) -> None:
    params: dict[str, Any] = {"prompt": "p", "model": "gpt-image-1", "background": "transparent"}
    if output_format:
        params["output_format"] = output_format
    assert (check_request("createImage", params) == []) is ok


def test_a_dall_e_3_parameter_without_a_model_implies_no_gpt_image_model() -> None:
    # "unless a parameter specific to the GPT image models is used": style is dall-e-3's, not theirs.
    assert effective_model("createImage", {"prompt": "p", "style": "vivid"}) == "dall-e-2"


def test_gpt_parameters_without_a_model_imply_a_gpt_image_model() -> None:
    params = {"prompt": "p", "output_format": "webp", "size": "1536x1024"}
    assert effective_model("createImage", params) == "gpt-image-1"
    assert check_request("createImage", params) == []
    assert effective_model("createImage", {"prompt": "p"}) == "dall-e-2"
    assert params_of("createImage", {"prompt": "p", "size": "1536x1024"}) == {"size"}


# --- input images -------------------------------------------------------------------------------------


def test_dall_e_2_edits_take_one_square_png_under_4_mb(png: bytes) -> None:
    base = {"prompt": "p", "model": "dall-e-2"}
    assert check_request("createImageEdit", {**base, "image": png}) == []
    assert params_of("createImageEdit", {**base, "image": image_bytes("PNG", (64, 32))}) == {"image"}
    assert params_of("createImageEdit", {**base, "image": image_bytes("JPEG")}) == {"image"}
    assert params_of("createImageEdit", {**base, "image": [png, png]}) == {"image"}


def test_an_image_of_4_mb_or_more_is_refused_for_dall_e_2() -> None:
    big = image_bytes("PNG") + b"\0" * (4 * 1024 * 1024)
    (issue,) = check_request("createImageVariation", {"image": big})
    assert issue.param == "image"
    assert "less than 4.0 MB" in issue.message


def test_gpt_image_edits_take_up_to_16_png_webp_or_jpeg(png: bytes) -> None:
    mixed = [png, image_bytes("WEBP"), image_bytes("JPEG", (300, 200))] * 5 + [png]
    assert check_request("createImageEdit", {"prompt": "p", "model": "gpt-image-1", "image": mixed}) == []
    assert params_of("createImageEdit", {"prompt": "p", "model": "gpt-image-1", "image": [*mixed, png]}) == {"image"}
    gif = [png, image_bytes("GIF")]
    assert params_of("createImageEdit", {"prompt": "p", "model": "gpt-image-1", "image": gif}) == {"image[1]"}


def test_an_unreadable_image_is_named(png: bytes) -> None:
    (issue,) = check_request("createImageEdit", {"prompt": "p", "image": b"not an image"})
    assert issue.param == "image"
    assert "not a readable image" in issue.message


def test_an_image_over_50_mb_is_refused_for_gpt_image_models(tmp_path: Any, png: bytes) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as handle:
        handle.write(png)
        handle.truncate(50 * 1024 * 1024)  # sparse: the header is real, the size is 50 MB
    with path.open("rb") as handle:
        (issue,) = check_request("createImageEdit", {"prompt": "p", "image": handle})
        assert handle.tell() == 0, "validation leaves the file where it found it"
    assert "less than 50.0 MB" in issue.message


def test_a_mask_is_a_png_with_alpha_the_size_of_the_first_image() -> None:
    image = image_bytes("PNG", (64, 64))
    base = {"prompt": "p", "model": "gpt-image-1", "image": [image, image_bytes("PNG", (32, 32))]}
    good = image_bytes("PNG", (64, 64), "RGBA", (0, 0, 0, 0))
    assert check_request("createImageEdit", {**base, "mask": good}) == []
    assert problems("createImageEdit", {**base, "mask": image_bytes("PNG", (64, 64))}) == [
        ("mask", "must have an alpha channel (transparent areas mark what to edit)")
    ]
    assert params_of("createImageEdit", {**base, "mask": image_bytes("WEBP", (64, 64), "RGBA")}) == {"mask"}
    wrong_size = image_bytes("PNG", (32, 32), "RGBA")
    (issue,) = check_request("createImageEdit", {**base, "mask": wrong_size})
    assert "64x64" in issue.message


def test_variations_take_a_square_png(png: bytes) -> None:
    assert check_request("createImageVariation", {"image": png, "n": 3, "size": "256x256"}) == []
    assert params_of("createImageVariation", {"image": image_bytes("PNG", (50, 40))}) == {"image"}


def test_json_edits_take_at_most_the_models_image_count() -> None:
    references = [{"image_url": f"https://x.test/{i}.png"} for i in range(16)]
    params = {"prompt": "p", "model": "gpt-image-1", "images": references}
    assert check_request("createImageEdit", params, content_type=JSON) == []


# --- reporting ----------------------------------------------------------------------------------------


def test_every_problem_is_reported_at_once() -> None:
    params = {"prompt": "x" * 5000, "model": "dall-e-3", "n": 3, "size": "512x512", "quality": "low", "seed": 1}
    assert params_of("createImage", params) == {"prompt", "n", "size", "quality", "seed"}
    with pytest.raises(ValidationError) as caught:
        validate_request("createImage", params)
    text = str(caught.value)
    assert text.startswith("5 problems with the request for createImage:")
    assert "size: not a size this model makes (got '512x512') [model dall-e-3]; allowed: 1024x1024" in text


def test_an_issue_names_param_model_value_and_allowed() -> None:
    issue = Issue("quality", "is not a quality this model offers", "hd", "dall-e-2", "standard, auto")
    assert str(issue) == (
        "quality: is not a quality this model offers (got 'hd') [model dall-e-2]; allowed: standard, auto"
    )


def test_a_model_the_table_does_not_know_gets_schema_checks_only() -> None:
    params = {"prompt": "p", "model": "my-local-model", "size": "999x999", "style": "vivid"}
    assert check_request("createImage", params) == []
    assert params_of("createImage", {**params, "n": 99}) == {"n"}
    (issue,) = check_request("createImage", params, strict=True)
    assert (issue.param, issue.value) == ("model", "my-local-model")


# --- multipart forms as a server receives them -------------------------------------------------------


def test_form_fields_are_coerced_to_the_schema_types(png: bytes) -> None:
    items = [("image[]", png), ("image[]", png), ("prompt", "p"), ("n", "2"), ("stream", "true"), ("size", "auto")]
    params = form_params("createImageEdit", items)
    assert params == {"image": [png, png], "prompt": "p", "n": 2, "stream": True, "size": "auto"}
    assert check_request("createImageEdit", params) == []


def test_a_form_field_that_does_not_convert_is_named(png: bytes) -> None:
    params = form_params("createImageVariation", [("image", png), ("n", "two")])
    assert problems("createImageVariation", params) == [("n", "must be an integer or null")]


def test_a_scalar_form_field_sent_twice_is_refused(png: bytes) -> None:
    params = form_params("createImageEdit", [("image", png), ("prompt", "p"), ("model", "a"), ("model", "b")])
    assert params_of("createImageEdit", params) == {"model"}


def test_a_file_object_is_read_from_where_it_stands_and_put_back(png: bytes) -> None:
    handle = io.BytesIO(png)
    assert check_request("createImageVariation", {"image": ("a.png", handle, "image/png")}) == []
    assert handle.tell() == 0
