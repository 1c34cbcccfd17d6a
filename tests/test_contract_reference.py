"""No false alarms: the contract suite passes a second, independent server that makes the choices the spec
leaves open differently from the mock (tests/reference_server.py).

CI runs 10 seeds of 40 examples per operation; ``make soak`` runs more (SOAK_CONTRACT_SEEDS).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from contract_servers import KEY, SERVERS, serving
from openai_images import spec
from openai_images.contract import readings
from openai_images.contract.inputs import data_url, mask, picture
from starlette.testclient import TestClient
from test_contract import suite

pytestmark = pytest.mark.integration
SEEDS = range(int(os.environ.get("SOAK_CONTRACT_SEEDS", "10")))
AUTH = {"authorization": f"Bearer {KEY}"}


@pytest.fixture(scope="module")
def reference_url() -> Iterator[str]:
    with serving(SERVERS["reference"]()) as url:
        yield url


@pytest.mark.parametrize("seed", SEEDS)
def test_the_independent_server_passes_every_check(reference_url: str, seed: int) -> None:
    report = suite(reference_url, max_examples=40, seed=seed)
    assert report.failures == [], report.summary()
    assert report.ok
    assert sum(report.requests.values()) == 120
    # Where it reads an ambiguous rule the other way, the suite notes which reading it follows.
    assert {note.note.split(" ", 1)[0] for note in report.notes} <= {"size-auto", "implied-model"}
    assert all("the server follows the strict reading" in note.note for note in report.notes)


# --- the choices it makes, unlike the mock (what the suite must tolerate) --------------------------------


def answers(server: str, path: str, **request: Any) -> tuple[int, str | None]:
    with TestClient(SERVERS[server]()) as client:
        response = client.post(f"/v1{path}", headers=AUTH, **request)
    return response.status_code, response.json().get("error", {}).get("param")


def test_it_names_the_first_faulty_field_in_its_own_order() -> None:
    body = {"model": "dall-e-2", "prompt": "p" * 1001, "size": "1792x1024"}
    assert answers("mock", "/images/generations", json=body) == (400, "prompt")
    assert answers("reference", "/images/generations", json=body) == (400, "size")


@pytest.mark.parametrize(
    "reference",
    [{"file_id": "file-abc123"}, {"image_url": "https://images.example/cat.png"}],
    ids=["a file ID", "a remote URL"],
)
def test_it_refuses_image_references_it_cannot_resolve(reference: dict[str, str]) -> None:
    body = {"model": "gpt-image-1", "prompt": "p", "images": [reference]}
    assert answers("mock", "/images/edits", json=body)[0] == 200
    assert answers("reference", "/images/edits", json=body) == (400, "images")
    inline = {**body, "images": [{"image_url": data_url(picture("png", 64, 64))}]}
    assert (
        answers("reference", "/images/edits", json={**inline, "mask": {"image_url": data_url(mask(64, 64))}})[0] == 200
    )


def test_it_reads_size_auto_strictly_for_the_dall_e_models() -> None:
    body = {"model": "dall-e-3", "prompt": "p", "size": "auto"}
    assert answers("mock", "/images/generations", json=body)[0] == 200
    assert answers("reference", "/images/generations", json=body) == (400, "size")
    verdict = readings.judge("createImage", body, spec.JSON)
    assert verdict.ambiguous and verdict.readings_accepting() == [readings.PERMISSIVE]
