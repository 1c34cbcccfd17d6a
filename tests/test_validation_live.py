"""The live Images API of December 2026 in the rules table: the models' dates and replacements, the new
models and parameters (xhigh and max, custom sizes, GIF and SVG, markup, complexity, input_fidelity per
model), and the rules OpenAI's text leaves open, judged under each reading. Every date is pinned."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import LIVE_DAY, PINNED_DAY, image_bytes
from openai_images import spec
from openai_images.errors import Issue
from openai_images.rules import table
from openai_images.validation import check_request, effective_model, form_params

MULTIPART = "multipart/form-data"
GPT_2_5 = [
    "gpt-image-2.5-sunburst",
    "gpt-image-2.5-sunburst-2026-09-08",
    "gpt-image-2.5-flare",
    "gpt-image-2.5-flare-2026-09-08",
]
GPT_2_6 = ["gpt-image-2.6-sunburst", "gpt-image-2.6-flare"]


def live(operation: str, params: dict[str, Any], **options: Any) -> list[Issue]:
    return check_request(operation, params, **{"as_of": LIVE_DAY, **options})


def params_of(issues: list[Issue]) -> list[str]:
    return [issue.param for issue in issues]


def rgba(size: tuple[int, int] = (64, 64)) -> bytes:
    return image_bytes("PNG", size, "RGBA", (0, 0, 0, 0))


# --- the models' dates ----------------------------------------------------------------------------------


def test_the_live_catalogue_is_the_sdks_minus_the_retired_models() -> None:
    assert sorted(table().catalogue(LIVE_DAY)) == sorted(
        [
            "gpt-image-1-mini", "gpt-image-1.5", "chatgpt-image-latest", "gpt-image-2", "gpt-image-2-2026-04-21",
            *GPT_2_5, *GPT_2_6,
        ]
    )  # fmt: skip


def test_the_pinned_day_catalogue_is_every_model_the_pinned_spec_names() -> None:
    assert sorted(table().catalogue(PINNED_DAY)) == [
        "chatgpt-image-latest", "dall-e-2", "dall-e-3", "gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5",
        "gpt-image-2", "gpt-image-2-2026-04-21",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("model", "date", "says"),
    [
        ("dall-e-2", "2026-05-12", "was retired on 2026-05-12: use a GPT image model instead"),
        ("dall-e-3", "2026-05-12", "was retired on 2026-05-12: use a GPT image model instead"),
        ("gpt-image-1", "2026-10-23", "was shut down on 2026-10-23: use gpt-image-2.5-sunburst or gpt-image-2.5-flare"),
    ],
)
def test_a_retired_model_is_refused_from_its_date_on_naming_the_date_and_the_replacements(
    model: str, date: str, says: str
) -> None:
    ended = dt.date.fromisoformat(date)
    assert check_request("createImage", {"prompt": "p", "model": model}, as_of=ended - dt.timedelta(days=1)) == []
    (issue,) = check_request("createImage", {"prompt": "p", "model": model}, as_of=ended)
    assert (issue.param, issue.code, issue.value) == ("model", "model_not_found", model)
    assert says in issue.message
    offered = (issue.allowed or "").split(", ")
    assert "gpt-image-1.5" in offered and model not in offered, "the models served that day are offered"


def test_a_model_is_refused_before_it_was_released() -> None:
    (issue,) = check_request("createImage", {"prompt": "p", "model": "gpt-image-2.5-flare"}, as_of=PINNED_DAY)
    assert (issue.param, issue.code) == ("model", "model_not_found")
    assert "2026-09-08" in issue.message


def test_an_unconfirmed_report_of_a_shutdown_never_refuses() -> None:
    rules = table().models["gpt-image-1.5"]
    assert rules.reported_end is not None and not rules.reported_end.confirmed
    assert live("createImage", {"prompt": "p", "model": "gpt-image-1.5"}, as_of=dt.date(2027, 1, 1)) == []


def test_the_variations_endpoint_is_retired_with_its_only_model(png: bytes) -> None:
    assert check_request("createImageVariation", {"image": png}, as_of=PINNED_DAY) == []
    (issue,) = live("createImageVariation", {"image": png, "n": 2})
    assert (issue.param, issue.code) == ("model", "model_not_found")
    assert "This endpoint no longer accepts requests." in issue.message


def test_without_lifecycle_a_retired_model_is_judged_by_its_rules() -> None:
    # A gateway may still serve dall-e-3: its rules still hold there.
    assert live("createImage", {"prompt": "p", "model": "dall-e-3"}, lifecycle=False) == []
    assert params_of(live("createImage", {"prompt": "p", "model": "dall-e-3", "n": 2}, lifecycle=False)) == ["n"]


def test_an_absent_model_is_never_judged_as_a_retired_one() -> None:
    assert effective_model("createImage", {"prompt": "p"}, as_of=PINNED_DAY) == "dall-e-2"
    assert effective_model("createImage", {"prompt": "p"}, as_of=LIVE_DAY) is None
    # dall-e-2's limits (1000 characters, three sizes) no longer apply; the schema still does.
    assert live("createImage", {"prompt": "x" * 2000, "size": "1536x1024"}) == []
    assert params_of(live("createImage", {"prompt": "x", "n": 11})) == ["n"]


def test_the_edit_default_model_is_the_specs() -> None:
    assert effective_model("createImageEdit", {"prompt": "p"}, MULTIPART, as_of=LIVE_DAY) == "gpt-image-1.5"


# --- new models and parameters ---------------------------------------------------------------------------


@pytest.mark.parametrize("model", GPT_2_5)
def test_the_2_5_models_take_xhigh_and_max(model: str) -> None:
    for quality in ("xhigh", "max"):
        assert live("createImage", {"prompt": "p", "model": model, "quality": quality}) == []


@pytest.mark.parametrize("model", ["gpt-image-2", "gpt-image-1.5", "gpt-image-1-mini"])
def test_other_gpt_image_models_refuse_xhigh(model: str) -> None:
    (issue,) = live("createImage", {"prompt": "p", "model": model, "quality": "xhigh"})
    assert (issue.param, issue.model, issue.allowed) == ("quality", model, "low, medium, high, auto")


@pytest.mark.parametrize("model", GPT_2_5)
def test_the_2_5_models_take_custom_sizes(model: str) -> None:
    assert live("createImage", {"prompt": "p", "model": model, "size": "1536x864"}) == []
    assert params_of(live("createImage", {"prompt": "p", "model": model, "size": "1000x1000"})) == ["size"]


def test_a_gif_takes_frames_and_refuses_streaming_partials_masks_and_compression() -> None:
    gif = {"prompt": "p", "model": "gpt-image-2.5-flare", "output_format": "gif"}
    assert live("createImage", {**gif, "frame_count": 4, "frame_duration_ms": 120}) == []
    assert live("createImage", {**gif, "partial_images": 0, "stream": False}) == []
    assert params_of(live("createImage", {**gif, "frame_count": 17})) == ["frame_count"]
    assert params_of(live("createImage", {**gif, "frame_count": 1})) == ["frame_count"]
    for extra in ({"stream": True}, {"partial_images": 2}, {"output_compression": 80}):
        (issue,) = live("createImage", {**gif, **extra})
        assert (issue.param, issue.message) == (next(iter(extra)), "cannot be used with gif output")
    edit = {"prompt": "p", "model": "gpt-image-2.5-flare", "output_format": "gif", "image": image_bytes()}
    assert params_of(live("createImageEdit", {**edit, "mask": rgba()})) == ["mask"]


@pytest.mark.parametrize("parameter", ["frame_count", "frame_duration_ms"])
def test_frame_settings_need_gif_output(parameter: str) -> None:
    (issue,) = live("createImage", {"prompt": "p", "model": "gpt-image-2.5-flare", parameter: 4})
    assert (issue.param, issue.message) == (parameter, "only applies to gif output, not png")


def test_svg_needs_one_image_and_refuses_streaming_partials_and_compression() -> None:
    svg = {"prompt": "p", "model": "gpt-image-2.5-sunburst", "output_format": "svg"}
    assert live("createImage", {**svg, "svg": {"model": "gpt-5.5", "reasoning": {"effort": "low"}}}) == []
    (issue,) = live("createImage", {**svg, "n": 2})
    assert (issue.param, issue.allowed) == ("n", "1..1")
    assert params_of(live("createImage", {**svg, "stream": True, "partial_images": 1, "output_compression": 9})) == [
        "stream",
        "partial_images",
        "output_compression",
    ]


def test_the_svg_object_needs_svg_output_and_a_known_effort() -> None:
    base = {"prompt": "p", "model": "gpt-image-2.5-sunburst"}
    assert params_of(live("createImage", {**base, "svg": {"model": "m"}})) == ["svg"]
    wrong = live("createImage", {**base, "output_format": "svg", "svg": {"model": "m", "reasoning": {"effort": "x"}}})
    assert params_of(wrong) == ["svg.reasoning.effort"]
    # generate's svg.model is required; edit's is not (the SDK's two Svg types differ)
    assert params_of(live("createImage", {**base, "output_format": "svg", "svg": {}})) == ["svg.model"]


def test_the_svg_object_arrives_from_a_form_as_the_sdk_sends_it() -> None:
    items = [("image", image_bytes()), ("prompt", "p"), ("model", "gpt-image-2.5-flare"), ("output_format", "svg")]
    items += [("svg[model]", "gpt-5.5"), ("svg[reasoning][effort]", "high")]
    params = form_params("createImageEdit", items)
    assert params["svg"] == {"model": "gpt-5.5", "reasoning": {"effort": "high"}}
    assert live("createImageEdit", params) == []


def test_markup_is_a_transparent_png_the_size_of_the_first_image_for_2_5_only() -> None:
    base = {"prompt": "p", "model": "gpt-image-2.5-flare", "image": [image_bytes(size=(64, 48)), image_bytes()]}
    assert live("createImageEdit", {**base, "markup": rgba((64, 48))}) == []
    (issue,) = live("createImageEdit", {**base, "markup": rgba((64, 48)), "mask": rgba((64, 48))})
    assert (issue.param, issue.message) == ("markup", "cannot be combined with mask")
    (issue,) = live("createImageEdit", {**base, "markup": rgba((64, 64))})
    assert "first image's dimensions 64x48" in issue.message
    (issue,) = live("createImageEdit", {**base, "markup": image_bytes(size=(64, 48))})
    assert "transparent pixels" in issue.message
    (issue,) = live("createImageEdit", {**base, "markup": image_bytes("WEBP", (64, 48), "RGBA")})
    assert (issue.param, issue.message) == ("markup", "must be a PNG")
    (issue,) = live("createImageEdit", {**base, "model": "gpt-image-2", "markup": rgba((64, 48))})
    assert (issue.param, issue.code) == ("markup", "unsupported_parameter")
    assert issue.value is None, "the file's bytes are not quoted back"


@pytest.mark.parametrize(
    ("model", "takes"),
    [("gpt-image-1.5", ["high", "low"]), ("gpt-image-1-mini", ["low"]), ("gpt-image-2", [])],
)
def test_input_fidelity_per_model_as_the_sdk_words_it(model: str, takes: list[str]) -> None:
    for fidelity in ("high", "low"):
        issues = live(
            "createImageEdit", {"prompt": "p", "image": image_bytes(), "model": model, "input_fidelity": fidelity}
        )
        assert (issues == []) is (fidelity in takes), (model, fidelity, issues)


def test_safety_identifier_goes_with_or_without_user() -> None:
    base = {"prompt": "p", "model": "gpt-image-2.5-flare"}
    assert live("createImage", {**base, "safety_identifier": "u-1", "user": "legacy"}) == []
    assert live("createImage", {**base, "safety_identifier": ""}) == []


def test_complexity_is_low_medium_or_high_and_not_for_dall_e() -> None:
    assert live("createImage", {"prompt": "p", "model": "gpt-image-2.6-flare", "complexity": "high"}) == []
    assert params_of(live("createImage", {"prompt": "p", "model": "gpt-image-2.6-flare", "complexity": "max"})) == [
        "complexity"
    ]
    (issue,) = check_request("createImage", {"prompt": "p", "model": "dall-e-3", "complexity": "low"}, as_of=PINNED_DAY)
    assert issue.code == "unsupported_parameter"


def test_retired_qualities_belong_to_the_retired_models() -> None:
    (issue,) = live("createImage", {"prompt": "p", "model": "gpt-image-2.5-flare", "quality": "hd"})
    assert issue.param == "quality"


# --- what the text leaves open: refused only under the strict reading -----------------------------------

OPEN_QUESTIONS = [
    ("2.6-qualities", "createImage", {"model": "gpt-image-2.6-flare", "quality": "max"}, "quality"),
    ("2.6-custom-sizes", "createImage", {"model": "gpt-image-2.6-sunburst", "size": "1536x864"}, "size"),
    ("complexity-models", "createImage", {"model": "gpt-image-2.5-flare", "complexity": "low"}, "complexity"),
    ("gif-svg-output", "createImage", {"model": "gpt-image-1.5", "output_format": "gif"}, "output_format"),
    ("gpt-image-2-transparency", "createImage", {"model": "gpt-image-2", "background": "transparent"}, "background"),
    ("dall-e-auto-size", "createImage", {"model": "dall-e-3", "size": "auto"}, "size"),
]


@pytest.mark.parametrize(("ambiguity", "operation", "params", "param"), OPEN_QUESTIONS)
def test_an_open_question_is_allowed_by_the_permissive_reading_and_refused_by_the_strict(
    ambiguity: str, operation: str, params: dict[str, Any], param: str
) -> None:
    entry = table().ambiguity(ambiguity)
    assert len(entry.readings) == 2 and all(entry.readings.values()), "each reading says where it comes from"
    body = {"prompt": "p", **params}
    as_of = PINNED_DAY if params["model"].startswith("dall-e") else LIVE_DAY
    assert check_request(operation, body, as_of=as_of) == []
    assert params_of(check_request(operation, body, as_of=as_of, reading="strict")) == [param]


def test_markup_on_2_6_and_input_fidelity_on_2_5_are_open_questions_too() -> None:
    base = {"prompt": "p", "image": image_bytes()}
    markup = {**base, "model": "gpt-image-2.6-flare", "markup": rgba()}
    fidelity = {**base, "model": "gpt-image-2.5-flare", "input_fidelity": "high"}
    for params, param in ((markup, "markup"), (fidelity, "input_fidelity")):
        assert live("createImageEdit", params) == []
        assert params_of(live("createImageEdit", params, reading="strict")) == [param]


def test_every_model_an_open_question_names_is_in_the_table() -> None:
    for entry in table().ambiguities:
        assert set(entry.models) <= set(table().models), entry.id
        assert set(entry.choice.values()) <= set(entry.readings), entry.id


def test_the_spec_lists_every_new_parameter() -> None:
    generate = set(spec.operation("createImage").properties())
    edit = set(spec.operation("createImageEdit").properties(MULTIPART))
    new = {"complexity", "frame_count", "frame_duration_ms", "svg", "safety_identifier"}
    assert new <= generate
    assert new | {"markup"} <= edit
