"""No false alarms: the contract suite passes a second, independent server that makes the choices the spec
leaves open differently from the mock (tests/reference_server.py).

CI runs 10 seeds of 40 examples per operation; ``make soak`` runs more (SOAK_CONTRACT_SEEDS).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import LIVE_DAY, PINNED_DAY
from contract_servers import KEY, SERVERS, serving
from openai_images import spec
from openai_images.contract import readings
from openai_images.contract.inputs import data_url, mask, picture
from openai_images.rules import table
from reference_server import READS
from starlette.testclient import TestClient
from test_contract import suite

pytestmark = pytest.mark.integration
SEEDS = range(int(os.environ.get("SOAK_CONTRACT_SEEDS", "10")))
AUTH = {"authorization": f"Bearer {KEY}"}


@pytest.fixture(scope="module")
def reference_url() -> Iterator[str]:
    with serving(SERVERS["reference"](LIVE_DAY)) as url:
        yield url


@pytest.mark.parametrize("seed", SEEDS)
def test_the_independent_server_passes_every_check(reference_url: str, seed: int) -> None:
    report = suite(reference_url, max_examples=40, seed=seed)
    assert report.failures == [], report.summary()
    assert report.ok
    assert sum(report.requests.values()) == 40 + 40 + 10  # variations, closed that day: a quarter
    # Every note names an ambiguous entry of the rules table, and the reading this server takes of it.
    for note in report.notes:
        for followed in note.note.split("; "):
            entry, reading = re.fullmatch(r"(\S+) \(.*\): the server follows the '(.+)' reading", followed).groups()  # type: ignore[union-attr]
            assert reading == READS.get(entry, table().ambiguity(entry).choice["permissive"]), followed


def test_over_the_seeds_it_is_seen_to_read_the_new_rules_its_own_way() -> None:
    reads = set()
    with serving(SERVERS["reference"](LIVE_DAY)) as url:
        for seed in range(3):
            notes = suite(url, operations=["createImage"], max_examples=40, seed=seed).notes
            reads |= {
                part.split(" ", 1)[0]
                for note in notes
                for part in note.note.split("; ")
                if "'as-named'" in part or "'refused'" in part
            }
    assert reads == {"2.6-qualities", "absent-model"}


# --- the choices it makes, unlike the mock (what the suite must tolerate) --------------------------------


def answers(server: str, path: str, as_of: dt.date = LIVE_DAY, **request: Any) -> tuple[int, str | None]:
    with TestClient(SERVERS[server](as_of)) as client:
        response = client.post(f"/v1{path}", headers=AUTH, **request)
    return response.status_code, response.json().get("error", {}).get("param")


def test_it_names_the_first_faulty_field_in_its_own_order() -> None:
    body = {"model": "gpt-image-2.5-flare", "prompt": "p" * 32001, "size": "1000x1000"}
    assert answers("mock", "/images/generations", json=body) == (400, "prompt")
    assert answers("reference", "/images/generations", json=body) == (400, "size")


@pytest.mark.parametrize(
    "reference",
    [{"file_id": "file-abc123"}, {"image_url": "https://images.example/cat.png"}],
    ids=["a file ID", "a remote URL"],
)
def test_it_refuses_image_references_it_cannot_resolve(reference: dict[str, str]) -> None:
    body = {"model": "gpt-image-1.5", "prompt": "p", "images": [reference]}
    assert answers("mock", "/images/edits", json=body)[0] == 200
    assert answers("reference", "/images/edits", json=body) == (400, "images")
    inline = {**body, "images": [{"image_url": data_url(picture("png", 64, 64))}]}
    assert (
        answers("reference", "/images/edits", json={**inline, "mask": {"image_url": data_url(mask(64, 64))}})[0] == 200
    )


def test_it_reads_size_auto_strictly_for_the_dall_e_models() -> None:
    body = {"model": "dall-e-3", "prompt": "p", "size": "auto"}
    assert answers("mock", "/images/generations", PINNED_DAY, json=body)[0] == 200
    assert answers("reference", "/images/generations", PINNED_DAY, json=body) == (400, "size")
    verdict = readings.judge("createImage", body, spec.JSON, PINNED_DAY)
    assert verdict.ambiguous and verdict.readings_accepting() == [readings.PERMISSIVE]


def test_it_refuses_xhigh_and_max_for_the_2_6_models() -> None:
    for quality in ("xhigh", "max"):
        body = {"model": "gpt-image-2.6-sunburst", "prompt": "p", "quality": quality}
        assert answers("mock", "/images/generations", json=body)[0] == 200
        assert answers("reference", "/images/generations", json=body) == (400, "quality")
        verdict = readings.judge("createImage", body, spec.JSON, LIVE_DAY)
        assert [involved.name for involved in verdict.ambiguities] == ["2.6-qualities"]


def test_it_refuses_a_request_without_a_model_once_the_default_is_retired() -> None:
    assert answers("mock", "/images/generations", json={"prompt": "p"})[0] == 200
    assert answers("reference", "/images/generations", json={"prompt": "p"}) == (400, "model")
    assert answers("reference", "/images/generations", PINNED_DAY, json={"prompt": "p"})[0] == 200  # dall-e-2's day


def test_both_refuse_retired_models_and_the_variations_endpoint_with_404_naming_the_model() -> None:
    assert answers("reference", "/images/generations", json={"model": "dall-e-3", "prompt": "p"}) == (404, "model")
    assert answers("mock", "/images/generations", json={"model": "dall-e-3", "prompt": "p"}) == (404, "model")
    upload = {"files": {"image": ("a.png", picture("png", 64, 64), "image/png")}}
    assert answers("reference", "/images/variations", **upload) == (404, "model")
    assert answers("reference", "/images/variations", PINNED_DAY, **upload)[0] == 200
