"""OpenAI's retirements in the client: refused before sending where OpenAI answers, sent with one warning
where another server does (a gateway may still serve the model), ignored for Azure OpenAI. Every date
is pinned with ``as_of``."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import httpx
import pytest
from conftest import LIVE_DAY, PINNED_DAY, Recorder
from openai_images import ImagesApi, RetiredModelWarning, ValidationError

KEY = "sk-test-0123456789abcdef"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)


def api_for(recorder: Recorder, **options: object) -> ImagesApi:
    return ImagesApi(api_key=KEY, http_client=httpx.Client(transport=httpx.MockTransport(recorder)), **options)  # type: ignore[arg-type]


@pytest.fixture
def openai_api(recorder: Recorder) -> Iterator[ImagesApi]:
    with api_for(recorder, as_of=LIVE_DAY) as api:
        yield api


@pytest.mark.parametrize(
    ("model", "says"),
    [
        ("dall-e-3", "was retired on 2026-05-12: use a GPT image model instead"),
        ("gpt-image-1", "was shut down on 2026-10-23: use gpt-image-2.5-sunburst or gpt-image-2.5-flare instead"),
    ],
)
def test_a_retired_model_is_refused_before_anything_is_sent_to_openai(
    openai_api: ImagesApi, recorder: Recorder, model: str, says: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        openai_api.create_image(prompt="a fox", model=model)
    assert says in str(caught.value)
    assert recorder.requests == []


def test_a_variation_is_refused_before_anything_is_sent_to_openai(
    openai_api: ImagesApi, recorder: Recorder, png: bytes
) -> None:
    with pytest.raises(ValidationError, match="This endpoint no longer accepts requests"):
        openai_api.create_image_variation(image=png)
    assert recorder.requests == []


def test_before_the_retirement_the_same_request_goes_out(recorder: Recorder) -> None:
    with api_for(recorder, as_of=PINNED_DAY) as api:
        api.create_image(prompt="a fox", model="dall-e-3")
    assert len(recorder.requests) == 1


def test_another_server_gets_the_request_with_one_warning_per_model_at_the_callers_line(
    recorder: Recorder,
) -> None:
    with api_for(recorder, base_url="https://gateway.example.test/v1", as_of=LIVE_DAY) as api:
        with pytest.warns(RetiredModelWarning, match="was retired on 2026-05-12") as caught:
            api.create_image(prompt="a fox", model="dall-e-3")
        assert caught[0].filename == __file__, "the warning points at the caller's line"
        assert "gateway.example.test" in str(caught[0].message)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            api.create_image(prompt="a fox", model="dall-e-3")  # warned once already
        with pytest.warns(RetiredModelWarning, match="was shut down"):
            api.create_image(prompt="a fox", model="gpt-image-1")
    assert len(recorder.requests) == 3


def test_azure_openai_applies_none_of_openais_retirements(recorder: Recorder) -> None:
    options = {"azure_endpoint": "https://x.openai.azure.com", "api_version": "2025-04-01-preview"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with api_for(recorder, as_of=LIVE_DAY, **options) as api:
            api.create_image(prompt="a fox", model="dall-e-3")
    assert "/deployments/dall-e-3/" in str(recorder.last.url)


def test_a_current_model_goes_to_openai_and_the_rules_of_the_new_models_apply(
    openai_api: ImagesApi, recorder: Recorder
) -> None:
    openai_api.create_image(prompt="a fox", model="gpt-image-2.5-flare", quality="xhigh", size="1536x864")
    assert len(recorder.requests) == 1
    with pytest.raises(ValidationError, match="quality: is not a quality this model offers"):
        openai_api.create_image(prompt="a fox", model="gpt-image-2", quality="xhigh")
    assert len(recorder.requests) == 1


def test_without_a_model_nothing_is_judged_by_a_retired_models_rules(openai_api: ImagesApi, recorder: Recorder) -> None:
    openai_api.create_image(prompt="x" * 2000, size="1536x1024")  # over dall-e-2's 1000 characters
    assert len(recorder.requests) == 1


def test_retirements_refuse_makes_another_server_judged_as_openai_is(recorder: Recorder, png: bytes) -> None:
    # What the command line does for the embedded mock, which answers as OpenAI does.
    with api_for(recorder, base_url="http://127.0.0.1:9/v1", as_of=LIVE_DAY, retirements="refuse") as api:
        with pytest.raises(ValidationError, match="was retired on 2026-05-12"):
            api.create_image(prompt="a fox", model="dall-e-3")
        with pytest.raises(ValidationError, match="This endpoint no longer accepts requests"):
            api.create_image_variation(image=png)
    assert recorder.requests == []


def test_retirements_ignore_sends_a_retired_model_without_a_word(recorder: Recorder) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with api_for(recorder, as_of=LIVE_DAY, retirements="ignore") as api:
            api.create_image(prompt="a fox", model="dall-e-3")
    assert len(recorder.requests) == 1


def test_an_unknown_retirements_policy_is_refused_when_the_client_is_made(recorder: Recorder) -> None:
    with pytest.raises(ValueError, match="retirements='never': expected one of refuse, warn, ignore"):
        api_for(recorder, retirements="never")
