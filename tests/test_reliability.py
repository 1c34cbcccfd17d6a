"""Reliability against the real mock process: faults survived, deadlines kept, clients shared safely.

They are about the client and the server, not the catalogue: the mock serves the pinned spec's
(PINNED_DAY, whose dall-e-2 answers are the cheapest to make). The short forms run in CI. ``make soak``
sets SOAK_CALLS (fault soak calls per client, 200), SOAK_SHARED_CALLS (calls through one shared
client, 10000), SOAK_FUZZ_EXAMPLES (server fuzzing requests per operation, 1500), and SOAK_REPORT to
a JSON file where the figures of the run are written (README's "Reliability" section quotes them).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import statistics
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import LIVE_DAY, PINNED_DAY, mock_server
from openai_images import (
    APIConnectionError,
    AsyncImagesApi,
    ImagesApi,
    InternalServerError,
    OpenAIImagesError,
    RateLimitError,
)

pytestmark = pytest.mark.integration
CALLS = int(os.environ.get("SOAK_CALLS", "40"))
FUZZ_EXAMPLES = int(os.environ.get("SOAK_FUZZ_EXAMPLES", "60"))
SHARED_CALLS = int(os.environ.get("SOAK_SHARED_CALLS", "600"))
RETRY_AFTER = 0.05
KEY = "sk-soak"
FIGURES: dict[str, Any] = {}
AS_OF = ("--as-of", PINNED_DAY.isoformat())


@pytest.fixture(scope="module")
def faulty_mock() -> Iterator[str]:
    with mock_server(
        "--fault-rate", "0.3", "--faults", "429,500,503,drop,slow", "--seed", "11",
        "--retry-after", str(RETRY_AFTER), "--slow-seconds", "0.2", *AS_OF,
    ) as url:  # fmt: skip
        yield url


@pytest.fixture(scope="module")
def clean_mock() -> Iterator[str]:
    with mock_server(*AS_OF) as url:
        yield url


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    yield
    path = os.environ.get("SOAK_REPORT")
    if path and FIGURES:
        Path(path).write_text(json.dumps(FIGURES, indent=2) + "\n")


@dataclass
class Attempts:
    """What each call's attempts met, recorded by a transport under the client."""

    outcomes: dict[str, list[tuple[float, str]]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, call: str, outcome: str) -> None:
        with self.lock:
            self.outcomes[call].append((time.monotonic(), outcome))


class CountingTransport(httpx.BaseTransport):
    def __init__(self, attempts: Attempts) -> None:
        self.inner = httpx.HTTPTransport()
        self.attempts = attempts

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        call = request.headers["x-soak-call"]
        try:
            response = self.inner.handle_request(request)
            response.read()  # a dropped connection breaks the body, after a 200 status line
        except httpx.TransportError:
            self.attempts.record(call, "drop")
            raise
        self.attempts.record(call, str(response.status_code))
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncCountingTransport(httpx.AsyncBaseTransport):
    def __init__(self, attempts: Attempts) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.attempts = attempts

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        call = request.headers["x-soak-call"]
        try:
            response = await self.inner.handle_async_request(request)
            await response.aread()  # a dropped connection breaks the body, after a 200 status line
        except httpx.TransportError:
            self.attempts.record(call, "drop")
            raise
        self.attempts.record(call, str(response.status_code))
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


EXPECTED_ERROR = {
    "429": RateLimitError,
    "500": InternalServerError,
    "503": InternalServerError,
    "drop": APIConnectionError,
}
REQUEST = {"prompt": "soak", "model": "dall-e-2", "size": "256x256", "response_format": "b64_json"}


def judge(name: str, results: dict[str, type[Exception] | None], attempts: Attempts, max_retries: int) -> None:
    """Every call succeeded, or failed with the error its last attempt called for after exactly the allowed attempts."""
    tries = Counter()
    waits_after_429 = []
    for call, error in results.items():
        seen = attempts.outcomes[call]
        tries[len(seen)] += 1
        assert 1 <= len(seen) <= max_retries + 1, (call, seen)
        last = seen[-1][1]
        if error is None:
            assert last == "200", (call, seen)
        else:
            assert len(seen) == max_retries + 1, (call, seen, error)
            assert error is EXPECTED_ERROR[last], (call, seen, error)
        for (when, outcome), (after, _) in itertools.pairwise(seen):
            if outcome == "429":
                waits_after_429.append(after - when)
    assert all(wait >= RETRY_AFTER for wait in waits_after_429), min(waits_after_429)
    failed = sum(error is not None for error in results.values())
    FIGURES[name] = {
        "calls": len(results),
        "succeeded": len(results) - failed,
        "failed_after_all_retries": failed,
        "calls_by_attempts": dict(sorted(tries.items())),
        "attempts": sum(len(seen) for seen in attempts.outcomes.values()),
        "faults_met": dict(Counter(o for seen in attempts.outcomes.values() for _, o in seen if o != "200")),
        "retry_after_s": RETRY_AFTER,
        "shortest_wait_after_429_s": round(min(waits_after_429), 4) if waits_after_429 else None,
        "median_wait_after_429_s": round(statistics.median(waits_after_429), 4) if waits_after_429 else None,
    }


def test_the_sync_client_survives_30_percent_faults(faulty_mock: str) -> None:
    attempts = Attempts()
    results: dict[str, type[Exception] | None] = {}
    http = httpx.Client(transport=CountingTransport(attempts), timeout=10)
    with ImagesApi(api_key=KEY, base_url=faulty_mock, http_client=http, as_of=PINNED_DAY) as api:
        for index in range(CALLS):
            try:
                api.create_image(**REQUEST, extra_headers={"x-soak-call": f"s{index}"})
                results[f"s{index}"] = None
            except OpenAIImagesError as error:
                results[f"s{index}"] = type(error)
    judge("sync_fault_soak", results, attempts, max_retries=2)
    assert sum(error is None for error in results.values()) >= CALLS * 0.8


def test_the_async_client_survives_30_percent_faults(faulty_mock: str) -> None:
    attempts = Attempts()
    results: dict[str, type[Exception] | None] = {}

    async def run() -> None:
        http = httpx.AsyncClient(transport=AsyncCountingTransport(attempts), timeout=10)
        async with AsyncImagesApi(api_key=KEY, base_url=faulty_mock, http_client=http, as_of=PINNED_DAY) as api:
            limit = asyncio.Semaphore(8)

            async def one(index: int) -> None:
                async with limit:
                    try:
                        await api.create_image(**REQUEST, extra_headers={"x-soak-call": f"a{index}"})
                        results[f"a{index}"] = None
                    except OpenAIImagesError as error:
                        results[f"a{index}"] = type(error)

            await asyncio.gather(*(one(index) for index in range(CALLS)))

    asyncio.run(run())
    judge("async_fault_soak", results, attempts, max_retries=2)


def test_the_overall_deadline_holds_through_slow_answers_and_retries() -> None:
    with (
        mock_server("--fault-script", "503,slow,slow,slow", "--slow-seconds", "3.0", *AS_OF) as url,
        ImagesApi(api_key=KEY, base_url=url, max_retries=10, deadline=1.5, as_of=PINNED_DAY) as api,
    ):
        started = time.monotonic()
        with pytest.raises(OpenAIImagesError):
            api.create_image(**REQUEST)
        elapsed = time.monotonic() - started
    FIGURES["deadline"] = {"deadline_s": 1.5, "call_ended_after_s": round(elapsed, 3)}
    assert elapsed < 1.5 + 0.5


def _expected(index: int) -> dict[str, Any]:
    return {"n": index % 3 + 1, "size": ("256x256", "512x512")[index % 2]}


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_one_async_client_shared_by_100_tasks_keeps_answers_apart_and_connections_bounded(clean_mock: str) -> None:
    async def run() -> tuple[int, int, int]:
        limits = httpx.Limits(max_connections=20, max_keepalive_connections=20)
        async with AsyncImagesApi(
            api_key=KEY, base_url=clean_mock, http_client=httpx.AsyncClient(limits=limits), as_of=PINNED_DAY
        ) as api:
            queue: asyncio.Queue[int] = asyncio.Queue()
            for index in range(SHARED_CALLS):
                queue.put_nowait(index)
            descriptors: list[int] = []

            async def task() -> None:
                while not queue.empty():
                    index = queue.get_nowait()
                    expected = _expected(index)
                    result = await api.create_image(
                        prompt="shared", model="dall-e-2", response_format="b64_json", **expected
                    )
                    assert len(result.data) == expected["n"], (index, len(result.data))
                    if index == SHARED_CALLS // 2:
                        descriptors.append(_open_descriptors())

            await asyncio.gather(*(task() for _ in range(100)))
            pool = api.http_client._transport._pool  # type: ignore[attr-defined]
            return len(pool.connections), descriptors[0], _open_descriptors()

    connections, midway, end = asyncio.run(run())
    FIGURES["shared_async_client"] = {"calls": SHARED_CALLS, "tasks": 100, "pooled_connections_at_end": connections,
                                      "open_fds_midway": midway, "open_fds_at_end": end}  # fmt: skip
    assert connections <= 20
    assert end <= midway + 2, "file descriptors do not grow with the number of calls"


def test_one_sync_client_shared_by_threads_keeps_answers_apart(clean_mock: str) -> None:
    calls = max(SHARED_CALLS // 4, 100)
    with ImagesApi(api_key=KEY, base_url=clean_mock, as_of=PINNED_DAY) as api:
        before = _open_descriptors()

        def one(index: int) -> bool:
            expected = _expected(index)
            result = api.create_image(prompt="threads", model="dall-e-2", response_format="b64_json", **expected)
            return len(result.data) == expected["n"]

        with ThreadPoolExecutor(max_workers=16) as pool:
            assert all(pool.map(one, range(calls)))
        after = _open_descriptors()
    FIGURES["shared_sync_client"] = {"calls": calls, "threads": 16, "open_fds_before": before, "open_fds_after": after}
    assert after <= before + 20


def test_fuzzing_the_mock_finds_no_server_error_and_no_nonconforming_answer() -> None:
    """Generated and negative requests (schemathesis, through the contract suite): zero 5xx, and
    every answer conforms to the spec and to the model rules."""
    from openai_images.contract.runner import Settings, run

    with mock_server("--api-key", KEY, "--as-of", LIVE_DAY.isoformat()) as url:
        report = run(Settings(base_url=url, api_key=KEY, max_examples=FUZZ_EXAMPLES, seed=20261120, as_of=LIVE_DAY))
    sent = sum(report.requests.values())
    FIGURES["server_fuzzing"] = {
        "requests": sent,
        "by_kind": dict(Counter(kind for (_, kind), count in report.requests.items() for _ in range(count))),
        "failures": len(report.failures),
        "seconds": round(report.elapsed, 1),
    }
    assert sent >= FUZZ_EXAMPLES * 2  # generate and edit in full; variations, closed that day, a quarter
    assert report.failures == [], "\n".join(f"{f.check}: {f.expected} / {f.got}" for f in report.failures[:5])
