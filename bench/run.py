"""Benchmarks: openai-images side by side with the official SDK and bare httpx, on this machine.

``make bench`` runs this and writes bench/results.json and bench/results.md. Every figure is a
median over repeated runs; each section measures the same work for each peer. Nothing here is a
test: targets are reported as met or missed, with the margin.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
KEY = "sk-bench"
QUICK = os.environ.get("BENCH_QUICK") == "1"  # a smoke run of the harness itself
# The throughput figures are measured on the pinned spec's catalogue (dall-e-2, gpt-image-1), as before
# the mock served the live one by default: the same work, so the figures stay comparable.
PINNED_DAY = dt.date(2026, 5, 1)
PINNED = ("--as-of", PINNED_DAY.isoformat())
# The per-call figures time requests OpenAI accepts on a pinned day: a current model on LIVE_DAY (the
# command line's default model), and variations (retired with dall-e-2 on 2026-05-12) on PINNED_DAY.
LIVE_DAY = dt.date(2026, 12, 1)
LIVE_MODEL = "gpt-image-2.5-flare"
RESULTS: dict[str, Any] = {}
ANSWER = {
    "created": 1_700_000_000,
    "data": [{"b64_json": base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 64).decode()}],
}


def median(values: list[float]) -> float:
    return statistics.median(values)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- helpers -----------------------------------------------------------------------------------------


# A forked child inherits its parent's peak RSS until exec (ru_maxrss counts it): VmHWM, the
# high-water mark of the process's own memory since exec, is what the child itself used.
PEAK = "\nprint(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"


# Imports are timed as users get them: with bytecode caches (this sandbox sets PYTHONDONTWRITEBYTECODE,
# which would recompile our sources in every child).
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def compile_sources() -> None:
    root = HERE.parent
    for folder in ("overlays/openai_images", "generated_client/openai_images_client"):
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(root / folder)], check=True, env=CHILD_ENV)


def child_run(code: str) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of a fresh interpreter running ``code``."""
    started = time.perf_counter()
    output = subprocess.run(
        [PYTHON, "-c", code + PEAK], check=True, capture_output=True, text=True, env=CHILD_ENV
    ).stdout
    return time.perf_counter() - started, int(output.split()[-1])


@contextmanager
def mock_server(*options: str) -> Iterator[str]:
    process = subprocess.Popen(
        [PYTHON, "-m", "openai_images.cli", "mock", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=CHILD_ENV,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().rsplit(" ", 1)[-1].strip()
    finally:
        process.terminate()
        process.communicate(timeout=10)


def png(width: int, height: int, noise: bool = False) -> bytes:
    from PIL import Image

    if noise:
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), (90, 140, 200))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=0 if noise else 6)
    return buffer.getvalue()


# --- 1. cold import -------------------------------------------------------------------------------------

IMPORTS = {
    "interpreter (python -c pass)": "pass",
    "import httpx": "import httpx",
    "import openai_images": "import openai_images",
    "from openai_images import ImagesApi": "from openai_images import ImagesApi",
    "import openai": "import openai",
    # What it costs to have a client to call with: httpx is imported when the first ImagesApi is made.
    "import httpx; httpx.Client()": "import httpx; httpx.Client()",
    "from openai_images import ImagesApi; ImagesApi()": (
        f"from openai_images import ImagesApi; ImagesApi(api_key={KEY!r})"
    ),
    "import openai; openai.OpenAI()": f"import openai; openai.OpenAI(api_key={KEY!r})",
}


def bench_imports() -> None:
    runs = 5 if QUICK else 21
    compile_sources()
    figures = {}
    for label, code in IMPORTS.items():
        child_run(code)  # warm the file cache and the bytecode caches
        samples = [child_run(code) for _ in range(runs)]
        figures[label] = {
            "wall_ms": round(median([wall for wall, _ in samples]) * 1000, 1),
            "peak_rss_mib": round(median([rss for _, rss in samples]) / 1024, 1),
        }
        log(f"import: {label}: {figures[label]}")
    RESULTS["import"] = {"runs": runs, "figures": figures}


# --- 2. per-call overhead on an in-memory transport -------------------------------------------------------


def _stream_answer() -> bytes:
    """Two partial images and the completed one, each carrying 64 KB of base64, as a stream sends them."""
    b64 = base64.b64encode(b"\0" * 48_000).decode()
    usage = {
        "total_tokens": 3,
        "input_tokens": 1,
        "output_tokens": 2,
        "input_tokens_details": {"text_tokens": 1, "image_tokens": 0},
    }
    events: list[tuple[str, dict[str, Any]]] = [
        ("image_generation.partial_image", {"partial_image_index": index}) for index in (0, 1)
    ]
    events.append(("image_generation.completed", {"usage": usage}))
    common = {"created_at": 1, "size": "1024x1024", "quality": "low", "background": "opaque", "output_format": "png"}
    return "".join(
        f"event: {kind}\ndata: {json.dumps({'type': kind, 'b64_json': b64, **common, **extra})}\n\n"
        for kind, extra in events
    ).encode()


class _Transport(httpx.MockTransport):
    """The canned answers, counting the requests that reach it by path: a call refused before sending
    (a retired model, a closed endpoint) must fail the bench, not be timed as a fast call."""

    def __init__(self) -> None:
        body = json.dumps(ANSWER).encode()
        stream = _stream_answer()
        self.sent: dict[str, int] = {}

        def handler(request: httpx.Request) -> httpx.Response:
            request.read()  # every peer pays for producing its body
            self.sent[request.url.path] = self.sent.get(request.url.path, 0) + 1
            # Only a JSON body asks for a stream here: scanning a 1 MB upload for the flag would add
            # the harness's own work to every peer's time alike and hide the differences between them.
            json_body = request.headers.get("content-type", "").startswith("application/json")
            if json_body and (b'"stream": true' in request.content or b'"stream":true' in request.content):
                return httpx.Response(200, content=stream, headers={"content-type": "text/event-stream"})
            return httpx.Response(200, content=body, headers={"content-type": "application/json"})

        super().__init__(handler)


def _bare_stream(client: httpx.Client, body: dict[str, Any]) -> list[Any]:
    with client.stream("POST", "/images/generations", json=body) as response:
        return [json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: ")]


def _per_call(
    calls: dict[str, tuple[Callable[[], Any], _Transport, str]], count: int, repeats: int
) -> dict[str, float]:
    """µs per call for each peer; the peers' batches are interleaved so that drift hits them alike. Each
    batch must have put exactly one request per call on the peer's transport, at the operation's path."""

    def batch(call: Callable[[], Any], transport: _Transport, path: str, calls: int) -> float:
        before = transport.sent.get(path, 0)
        started = time.perf_counter()
        for _ in range(calls):
            call()
        elapsed = time.perf_counter() - started
        sent = transport.sent.get(path, 0) - before
        assert sent == calls, f"{calls} calls put {sent} requests on {path}: a refused call is not a fast one"
        return elapsed

    for call, transport, path in calls.values():
        batch(call, transport, path, max(count // 10, 5))
    timings: dict[str, list[float]] = {peer: [] for peer in calls}
    for _ in range(repeats):
        for peer, (call, transport, path) in calls.items():
            timings[peer].append(batch(call, transport, path, count) / count)
    return {peer: round(median(values) * 1e6, 1) for peer, values in timings.items()}


PeerCalls = dict[str, tuple[str, dict[str, Callable[[], Any]]]]


def per_call_peers() -> tuple[PeerCalls, dict[str, _Transport]]:
    """Each operation's path and the three peers' calls of it, and the peers' transports."""
    import openai
    from openai_images import ImagesApi

    small_png = png(1024, 1024)  # one colour: a few KB, so that the client's own work is what is timed
    large_png = png(600, 600, noise=True)  # about 1 MB: the upload's bytes are most of the work
    assert len(small_png) < 10_000 and 900_000 < len(large_png) < 1_200_000, (len(small_png), len(large_png))
    transports = {peer: _Transport() for peer in ("openai-images", "openai SDK", "bare httpx")}
    # Each request is one OpenAI accepts on the day our client is told it is: generate and edit on a
    # current model (LIVE_DAY), variations on the pinned catalogue's day (the endpoint closed on 2026-05-12).
    ours = ImagesApi(
        api_key=KEY, http_client=httpx.Client(transport=transports["openai-images"]), max_retries=0, as_of=LIVE_DAY
    )
    ours_pinned = ImagesApi(
        api_key=KEY, http_client=httpx.Client(transport=transports["openai-images"]), max_retries=0, as_of=PINNED_DAY
    )
    sdk = openai.OpenAI(api_key=KEY, http_client=httpx.Client(transport=transports["openai SDK"]), max_retries=0)
    bare = httpx.Client(
        transport=transports["bare httpx"],
        base_url="https://api.openai.com/v1",
        headers={"Authorization": f"Bearer {KEY}"},
    )
    prompt = "A white cat sitting on the roof of a red car"
    model = LIVE_MODEL
    peers: dict[str, tuple[str, dict[str, Callable[[], Any]]]] = {
        "generate (JSON)": (
            "/v1/images/generations",
            {
                "openai-images": lambda: ours.create_image(prompt=prompt, model=model, size="1024x1024", quality="low"),
                "openai SDK": lambda: sdk.images.generate(prompt=prompt, model=model, size="1024x1024", quality="low"),
                "bare httpx": lambda: bare.post(
                    "/images/generations",
                    json={"prompt": prompt, "model": model, "size": "1024x1024", "quality": "low"},
                ).json(),
            },
        ),
        "generate, stream=True: 2 partial images + completed (SSE)": (
            "/v1/images/generations",
            {
                "openai-images": lambda: list(
                    ours.create_image(prompt=prompt, model=model, quality="low", stream=True, partial_images=2)
                ),
                "openai SDK": lambda: list(
                    sdk.images.generate(prompt=prompt, model=model, quality="low", stream=True, partial_images=2)
                ),
                "bare httpx": lambda: _bare_stream(
                    bare,
                    {"prompt": prompt, "model": model, "quality": "low", "stream": True, "partial_images": 2},
                ),
            },
        ),
    }
    for label, image in ((SMALL_IMAGE, small_png), (LARGE_IMAGE, large_png)):
        peers[f"edit, {label} (multipart)"] = _edit_calls(ours, sdk, bare, image, prompt, model)
        peers[f"variation, {label} (multipart)"] = _variation_calls(ours_pinned, sdk, bare, image)
    return peers, transports


def bench_per_call() -> None:
    peers, transports = per_call_peers()
    figures: dict[str, dict[str, float]] = {}
    for operation, (path, calls) in peers.items():
        count = 100 if QUICK else (1000 if "(JSON)" in operation else 500 if SMALL_IMAGE in operation else 200)
        timed = {peer: (call, transports[peer], path) for peer, call in calls.items()}
        figures[operation] = _per_call(timed, count, 3 if QUICK else 15)
        log(f"per call: {operation}: {figures[operation]}")
    RESULTS["per_call_us"] = figures
    RESULTS["per_call_requests"] = {
        "live_day": LIVE_DAY.isoformat(),
        "model": LIVE_MODEL,
        "variation_day": PINNED_DAY.isoformat(),
    }


# Instruction counts do not depend on the machine's load: valgrind's callgrind counts what each call
# executes, in one child process holding the same peers. Each operation's calls run inside one
# functools.reduce, the only code collected (--toggle-collect), and each reduce is dumped on its own.
INSTRUCTION_CALLS = 5 if QUICK else 30  # the counts do not vary from call to call: a few suffice
INSTRUCTIONS_CHILD = textwrap.dedent(
    f"""
    import functools, gc, json, sys
    sys.path.insert(0, {str(HERE)!r})
    import run
    peers, _ = run.per_call_peers()
    order = []
    for operation, (_, calls) in peers.items():
        for peer, call in calls.items():
            for _ in range(5):
                call()  # warm: first-call costs (loading the validator, the spec) are not per-call costs
            order.append([operation, peer])
    gc.disable()  # a collection lands on whichever call is running: its cost is not that call's
    for operation, (_, calls) in peers.items():
        for call in calls.values():
            functools.reduce(lambda _, __: call(), range({INSTRUCTION_CALLS}), None)
    print(json.dumps(order))
    """
)


def bench_instructions() -> None:
    import shutil

    if shutil.which("valgrind") is None:
        RESULTS["instructions"] = None
        log("instructions: valgrind is not installed; skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            "--toggle-collect=functools_reduce",
            "--dump-after=functools_reduce",
            f"--callgrind-out-file={out}",
            PYTHON,
            "-c",
            INSTRUCTIONS_CHILD,
        ]
        order = json.loads(subprocess.run(command, check=True, capture_output=True, text=True, env=CHILD_ENV).stdout)
        dumps = sorted(Path(folder).glob("callgrind.out.*"), key=lambda path: int(path.name.rsplit(".", 1)[1]))
        assert len(dumps) == len(order), f"{len(dumps)} callgrind dumps for {len(order)} measurements"
        figures: dict[str, dict[str, int]] = {}
        for (operation, peer), dump in zip(order, dumps, strict=True):
            totals = next(line for line in dump.read_text().splitlines() if line.startswith(("summary:", "totals:")))
            figures.setdefault(operation, {})[peer] = round(int(totals.split()[1]) / INSTRUCTION_CALLS / 1000)
            log(f"instructions: {operation}: {peer}: {figures[operation][peer]} thousand per call")
    RESULTS["instructions"] = {"calls": INSTRUCTION_CALLS, "thousand_per_call": figures}


SMALL_IMAGE = "a 1024x1024 PNG of 5 KB"
LARGE_IMAGE = "a 1 MB PNG"
CALLS = tuple[str, dict[str, Callable[[], Any]]]


def _edit_calls(ours: Any, sdk: Any, bare: httpx.Client, image: bytes, prompt: str, model: str) -> CALLS:
    return (
        "/v1/images/edits",
        {
            "openai-images": lambda: ours.create_image_edit(image=image, prompt=prompt, model=model),
            "openai SDK": lambda: sdk.images.edit(image=("image.png", image, "image/png"), prompt=prompt, model=model),
            "bare httpx": lambda: bare.post(
                "/images/edits",
                files={"image": ("image.png", image, "image/png")},
                data={"prompt": prompt, "model": model},
            ).json(),
        },
    )


def _variation_calls(ours: Any, sdk: Any, bare: httpx.Client, image: bytes) -> CALLS:
    return (
        "/v1/images/variations",
        {
            "openai-images": lambda: ours.create_image_variation(image=image, n=2, size="512x512"),
            "openai SDK": lambda: _quiet(
                lambda: sdk.images.create_variation(image=("image.png", image, "image/png"), n=2, size="512x512")
            ),
            "bare httpx": lambda: bare.post(
                "/images/variations",
                files={"image": ("image.png", image, "image/png")},
                data={"n": "2", "size": "512x512"},
            ).json(),
        },
    )


def _quiet(call: Callable[[], Any]) -> Any:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return call()


# --- 3. loopback throughput against the mock --------------------------------------------------------------


async def _load(label: str, base_url: str, total: int, concurrency: int) -> dict[str, float]:
    import openai
    from openai_images import AsyncImagesApi

    body = {"prompt": "a cat", "model": "dall-e-2", "size": "256x256", "response_format": "b64_json"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    if label == "openai-images":
        api = AsyncImagesApi(
            api_key=KEY, base_url=base_url, http_client=httpx.AsyncClient(limits=limits), as_of=PINNED_DAY
        )

        async def call() -> None:
            await api.create_image(**body)  # type: ignore[arg-type]

        close = api.close
    elif label == "openai SDK":
        sdk = openai.AsyncOpenAI(api_key=KEY, base_url=base_url, http_client=httpx.AsyncClient(limits=limits))

        async def call() -> None:
            await sdk.images.generate(**body)  # type: ignore[arg-type]

        close = sdk.close
    else:
        bare = httpx.AsyncClient(base_url=base_url, limits=limits, headers={"Authorization": f"Bearer {KEY}"})

        async def call() -> None:
            response = await bare.post("/images/generations", json=body)
            response.raise_for_status()
            response.json()

        close = bare.aclose
    for _ in range(concurrency):
        await call()
    latencies: list[float] = []
    remaining = iter(range(total))

    async def worker() -> None:
        for _ in remaining:
            started = time.perf_counter()
            await call()
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    await close()
    latencies.sort()
    return {
        "requests_per_s": total / elapsed,
        "p50_ms": latencies[len(latencies) // 2] * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    }


def bench_loopback() -> None:
    total, concurrency, rounds = (200, 50, 1) if QUICK else (1000, 50, 3)
    samples: dict[str, list[dict[str, float]]] = {"openai-images": [], "openai SDK": [], "bare httpx": []}
    with mock_server(*PINNED) as base_url:
        for round_number in range(rounds):
            order = list(samples) if round_number % 2 == 0 else list(reversed(samples))
            for label in order:
                samples[label].append(asyncio.run(_load(label, base_url, total, concurrency)))
    figures = {
        label: {key: round(median([run[key] for run in runs]), 1) for key in runs[0]} for label, runs in samples.items()
    }
    for label, figure in figures.items():
        log(f"loopback: {label}: {figure}")
    RESULTS["loopback"] = {"calls": total, "concurrency": concurrency, "rounds": rounds, "figures": figures}


SINK = textwrap.dedent(
    """
    import json, sys, uvicorn
    from openai_images.mock.serving import AnnouncingServer
    answer = json.dumps({"created": 1, "data": [{"b64_json": "aGk="}]}).encode()

    async def app(scope, receive, send):  # reads and drops the body: only the client's cost is measured
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": answer})

    AnnouncingServer(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")).run()
    """
)


@contextmanager
def sink_server() -> Iterator[str]:
    """An HTTP server that answers every request with a small canned answer, after reading its body."""
    process = subprocess.Popen(
        [PYTHON, "-c", SINK], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=CHILD_ENV
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().rsplit(" ", 1)[-1].strip()
    finally:
        process.terminate()
        process.communicate(timeout=10)


# --- 4. a 40 MB upload --------------------------------------------------------------------------------------

UPLOAD = textwrap.dedent(
    """
    import sys, time, json
    from datetime import date
    path, base_url, peer, small, model, day = sys.argv[1:7]
    import httpx
    if peer == "openai-images":
        from openai_images import ImagesApi
        client = ImagesApi(api_key="sk-bench", base_url=base_url, timeout=300, as_of=date.fromisoformat(day))
        send = lambda path: client.create_image_edit(image=path, prompt="p", model=model, quality="low")
    elif peer == "openai SDK":
        import openai
        client = openai.OpenAI(api_key="sk-bench", base_url=base_url, timeout=300, max_retries=0)
        def send(path):
            with open(path, "rb") as handle:
                return client.images.edit(image=handle, prompt="p", model=model, quality="low")
    else:
        client = httpx.Client(base_url=base_url, timeout=300, headers={"Authorization": "Bearer sk-bench"})
        def send(path):
            with open(path, "rb") as handle:
                files = {"image": ("image.png", handle, "image/png")}
                data = {"prompt": "p", "model": model, "quality": "low"}
                client.post("/images/edits", files=files, data=data).raise_for_status()
    send(small)  # warm: whatever each client loads on first use is not the upload's cost
    def high_water():  # VmHWM: this process's own peak RSS since exec, in KiB
        return int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
    baseline = high_water()
    started = time.perf_counter()
    send(path)
    elapsed = time.perf_counter() - started
    peak = high_water()
    print(json.dumps({"seconds": elapsed, "baseline_kib": baseline, "peak_kib": peak}))
    """
)


def bench_upload() -> None:
    side = 1200 if QUICK else 3650
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.png"
        path.write_bytes(png(side, side, noise=True))
        small = Path(folder) / "small.png"
        small.write_bytes(png(64, 64))
        size = path.stat().st_size
        log(f"upload: file of {size / 1_048_576:.1f} MiB")
        figures = {}
        with sink_server() as base_url:
            for peer in ("openai-images", "openai SDK", "bare httpx"):
                runs = []
                for _ in range(1 if QUICK else 3):
                    output = subprocess.run(
                        [PYTHON, "-c", UPLOAD, str(path), base_url, peer, str(small), LIVE_MODEL, LIVE_DAY.isoformat()],
                        check=True,
                        capture_output=True,
                        text=True,
                        env=CHILD_ENV,
                    ).stdout
                    runs.append(json.loads(output))
                above = median([(run["peak_kib"] - run["baseline_kib"]) * 1024 for run in runs])
                figures[peer] = {
                    "seconds": round(median([run["seconds"] for run in runs]), 2),
                    "peak_rss_above_baseline_mib": round(above / 1_048_576, 1),
                    "times_file_size": round(above / size, 2),
                }
                log(f"upload: {peer}: {figures[peer]}")
    RESULTS["upload"] = {"file_mib": round(size / 1_048_576, 1), "figures": figures}


# --- 5. save_images ------------------------------------------------------------------------------------------


def bench_save() -> None:
    from openai_images import save_images
    from openai_images_client.models import Image, ImagesResponse

    images = [Image(b64_json=base64.b64encode(png(1536, 1024, noise=True)).decode()) for _ in range(4)]
    answer = ImagesResponse(created=1, data=images)
    encoded = sum(len(image.b64_json) for image in images)  # type: ignore[arg-type]
    timings, peaks = [], []
    for _ in range(3 if QUICK else 7):
        with tempfile.TemporaryDirectory() as folder:
            tracemalloc.start()
            started = time.perf_counter()
            save_images(answer, folder)
            timings.append(time.perf_counter() - started)
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
    RESULTS["save_images"] = {
        "images": 4,
        "size": "1536x1024",
        "b64_mib": round(encoded / 1_048_576, 1),
        "ms": round(median(timings) * 1000, 1),
        "peak_python_allocations_mib": round(median(peaks) / 1_048_576, 1),
    }
    log(f"save_images: {RESULTS['save_images']}")


# --- 6. the mock and the contract suite -------------------------------------------------------------------------


async def _mock_load(base_url: str, bodies: Callable[[int], dict[str, Any]], total: int, concurrency: int) -> float:
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=120, headers={"Authorization": f"Bearer {KEY}"}
    ) as http:
        remaining = iter(range(total))

        async def worker() -> None:
            for index in remaining:
                response = await http.post("/images/generations", json=bodies(index))
                response.raise_for_status()

        await http.post("/images/generations", json=bodies(-1))
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return total / (time.perf_counter() - started)


MOCK_WORKERS = (1, 2)


def _workers(count: int) -> str:
    return f"{count} worker{'s' if count > 1 else ''}"


def bench_mock() -> None:
    scale = 0.2 if QUICK else 1.0
    cases: dict[str, tuple[Callable[[int], dict[str, Any]], int]] = {
        "256x256 b64 generate, same request": (
            lambda i: {"prompt": "a cat", "model": "dall-e-2", "size": "256x256", "response_format": "b64_json"},
            int(2000 * scale),
        ),
        "256x256 b64 generate, a new prompt each": (
            lambda i: {"prompt": f"a cat #{i}", "model": "dall-e-2", "size": "256x256", "response_format": "b64_json"},
            int(1000 * scale),
        ),
        "1024x1024 PNG, same request": (
            lambda i: {"prompt": "a cat", "model": "gpt-image-1", "size": "1024x1024", "quality": "low"},
            int(600 * scale),
        ),
        "1024x1024 PNG, a new prompt each": (
            lambda i: {"prompt": f"a cat #{i}", "model": "gpt-image-1", "size": "1024x1024", "quality": "low"},
            int(300 * scale),
        ),
    }
    figures: dict[str, dict[str, float]] = {}
    for label, (bodies, total) in cases.items():
        figures[label] = {}
        for workers in MOCK_WORKERS:
            runs = []
            for _ in range(1 if QUICK else 3):
                with mock_server("--workers", str(workers), *PINNED) as base_url:
                    runs.append(asyncio.run(_mock_load(base_url, bodies, total, 16)))
            figures[label][_workers(workers)] = round(median(runs), 1)
        log(f"mock: {label}: {figures[label]} requests/s")
    RESULTS["mock_requests_per_s"] = {"concurrency": 16, "figures": figures}


def bench_contract() -> None:
    """The contract suite against the mock, as a user runs it (a fresh process, the mock in another): wall
    time including start-up, and the suite's own CPU time (the rest is the mock's). Twice: on the pinned
    spec's day (dall-e-2 and 256x256 images among the draws: the work the 40 examples/s target was set
    on) and on the live catalogue's day (GPT image models only, 1024x1024 and larger, GIF frames)."""
    RESULTS["contract"] = {
        "pinned": _contract_runs(PINNED_DAY),
        "live": _contract_runs(LIVE_DAY),
    }


def _contract_runs(day: dt.date) -> dict[str, Any]:
    examples = 30 if QUICK else 167
    runs, cpu, sent = [], [], []
    failing = []
    for seed in (1, 2, 3)[: 1 if QUICK else 3]:
        with (
            mock_server("--api-key", KEY, "--as-of", day.isoformat()) as base_url,
            tempfile.TemporaryDirectory() as folder,
        ):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            command = [PYTHON, "-m", "openai_images.contract", "--base-url", base_url, "--max-examples", str(examples)]
            report = Path(folder) / "report.json"
            verdict = subprocess.run(
                [*command, "--seed", str(seed), "--as-of", day.isoformat(), "--report", str(report)],
                check=False,
                capture_output=True,
                text=True,
                env={**CHILD_ENV, "OPENAI_API_KEY": KEY},
            )
            runs.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if verdict.returncode == 1:  # the suite ran every example and found the mock wrong somewhere
                failing.append(next((line for line in verdict.stdout.splitlines() if line.startswith("FAILED")), ""))
            elif verdict.returncode != 0:
                raise RuntimeError(f"the contract suite did not run (exit {verdict.returncode}): {verdict.stderr}")
            # Requests sent, not examples asked for: an operation closed that day (variations) gets a quarter.
            sent.append(sum(entry["count"] for entry in json.loads(report.read_text())["requests"]))
    total = round(median(sent))
    figures = {
        "as_of": day.isoformat(),
        "examples": total,
        "seconds": round(median(runs), 1),
        "examples_per_s": round(total / median(runs), 1),
        "suite_cpu_ms_per_example": round(median(cpu) * 1000 / total, 1),
        "runs_with_failures": failing,
    }
    log(f"contract, catalogue of {day}: {figures}")
    return figures


# --- report ---------------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
        "versions": {name: version(name) for name in ("openai-images", "httpx", "openai", "uvicorn", "schemathesis")},
        "date": time.strftime("%Y-%m-%d"),
        "quick": QUICK,
    }


def targets() -> list[dict[str, Any]]:
    imports = RESULTS["import"]["figures"]
    httpx_ms, openai_ms = imports["import httpx"]["wall_ms"], imports["import openai"]["wall_ms"]
    checks = []

    def target(name: str, value: float, limit: float, unit: str = "") -> None:
        checks.append(
            {"target": name, "measured": round(value, 2), "limit": limit, "met": value <= limit, "unit": unit}
        )

    # The limits are issue 14's: the client's import no dearer than httpx's, a call within 1.15x bare httpx.
    for label, limit in (("import openai_images", 1.2), ("from openai_images import ImagesApi", 1.0)):
        target(f"{label} / import httpx", imports[label]["wall_ms"] / httpx_ms, limit, "x")
        target(f"{label} / import openai", imports[label]["wall_ms"] / openai_ms, 0.35, "x")
    for operation, peers in RESULTS["per_call_us"].items():
        target(f"{operation}: per call / bare httpx", peers["openai-images"] / peers["bare httpx"], 1.15, "x")
        if LARGE_IMAGE not in operation:  # there, bare httpx itself is above 0.35x the SDK: see the table
            target(f"{operation}: per call / openai SDK", peers["openai-images"] / peers["openai SDK"], 0.35, "x")
    upload = RESULTS["upload"]["figures"]["openai-images"]["times_file_size"]
    target("40 MB upload: peak RSS above baseline / file size", upload, 1.3, "x")
    loop = RESULTS["loopback"]["figures"]
    target(
        "async loopback throughput: openai SDK / openai-images",
        loop["openai SDK"]["requests_per_s"] / loop["openai-images"]["requests_per_s"],
        1.0,
        "x",
    )
    mock = RESULTS["mock_requests_per_s"]["figures"]
    one = _workers(1)
    target("mock, 256x256 b64: 500 / requests per s", 500 / mock["256x256 b64 generate, same request"][one], 1.0, "x")
    target("mock, 1024x1024 PNG: 50 / requests per s", 50 / mock["1024x1024 PNG, same request"][one], 1.0, "x")
    pinned = RESULTS["contract"]["pinned"]
    target(
        f"contract against the mock, catalogue of {pinned['as_of']}: 40 / examples per s",
        40 / pinned["examples_per_s"],
        1.0,
        "x",
    )
    return checks


HOW_MEASURED = [
    "## How this was measured",
    "",
    "- **Per call**: each peer (this package's `ImagesApi`, the official SDK, bare `httpx.Client` posting the"
    " same body) sends through its own `httpx.MockTransport`, which reads the request body and answers a"
    " canned body. Batches of calls (1000 for generate, 500 for a small upload, 200 otherwise) alternate"
    " between the peers, 15 times; the figure is the median batch's time per call. Every batch checks that"
    " each call put exactly one request on its peer's transport, at the operation's path: a call refused"
    " before sending fails the bench instead of being timed as a fast one. Our client validates (its default).",
    f"- **Requests valid on a pinned day**: generate and edit use {LIVE_MODEL} with `as_of={LIVE_DAY.isoformat()}`;"
    f" variations, whose endpoint closed with dall-e-2 on 2026-05-12, use `as_of={PINNED_DAY.isoformat()}`. The SDK"
    " sends the same requests. Uploads: a one-colour 1024x1024 PNG (5 KB: the client's own work is what is timed)"
    " and a 1 MB PNG of noise (the upload's bytes are most of the work: every peer copies them once, so bare"
    " httpx alone is already above 0.35x the SDK there, and only the bare-httpx limit applies).",
    "- **Instructions**: the same calls counted by valgrind's callgrind, which does not depend on the"
    " machine's load (the wall-clock ratios swing by a few hundredths between runs on a shared machine).",
    "- **Imports**: a fresh interpreter per run, with bytecode caches as users have them; `import httpx` here"
    " also loads click and rich (httpx's command line, present as development dependencies). `from"
    " openai_images import ImagesApi` does not import httpx: the first `ImagesApi()` does, so the cost of a"
    " usable client is the `ImagesApi()` row, beside `httpx.Client()`'s.",
]


def markdown() -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Run with `make bench` on {RESULTS['machine']['date']}: Python {RESULTS['machine']['python']},"
        f" {RESULTS['machine']['cpus']} CPUs, {RESULTS['machine']['platform']}.",
        "Versions: " + ", ".join(f"{name} {value}" for name, value in RESULTS["machine"]["versions"].items()) + ".",
        "Every figure is a median over repeated runs.",
        "",
        *HOW_MEASURED,
        "",
        "## Targets",
        "",
        "| target | measured | limit | met |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {t['target']} | {t['measured']}{t['unit']} | {t['limit']}{t['unit']} | {'yes' if t['met'] else 'no'} |"
        for t in RESULTS["targets"]
    ]
    imports = RESULTS["import"]["figures"]
    lines += [
        "",
        f"## Cold import ({RESULTS['import']['runs']} runs each)",
        "",
        "| | wall ms | × `import httpx` | peak RSS MiB |",
        "| --- | --- | --- | --- |",
    ]
    httpx_ms = imports["import httpx"]["wall_ms"]
    lines += [
        f"| `{label}` | {f['wall_ms']} | {f['wall_ms'] / httpx_ms:.2f} | {f['peak_rss_mib']} |"
        for label, f in imports.items()
    ]
    lines += ["", "## Per-call client overhead (httpx.MockTransport, validation included), µs per call", ""]
    lines += [
        "| operation | openai-images | openai SDK | bare httpx | ours / bare | ours / SDK | bare / SDK |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {op} | {p['openai-images']} | {p['openai SDK']} | {p['bare httpx']}"
        f" | {p['openai-images'] / p['bare httpx']:.2f} | {p['openai-images'] / p['openai SDK']:.2f}"
        f" | {p['bare httpx'] / p['openai SDK']:.2f} |"
        for op, p in RESULTS["per_call_us"].items()
    ]
    counts = RESULTS.get("instructions")
    lines += ["", "## The same calls in instructions (valgrind's callgrind), thousands per call", ""]
    if counts is None:
        lines.append("Not measured: valgrind is not installed.")
    else:
        lines += [
            f"{counts['calls']} calls of each after 5 warm-up calls, in one process holding the same peers, garbage"
            " collection off. A copy of the upload counts about one instruction per byte here (valgrind counts"
            " each step of a `rep movsb`), so the 1 MB rows weigh the bytes far more than the hardware does.",
            "",
            "| operation | openai-images | openai SDK | bare httpx | ours / bare | ours / SDK |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {op} | {p['openai-images']} | {p['openai SDK']} | {p['bare httpx']}"
            f" | {p['openai-images'] / p['bare httpx']:.3f} | {p['openai-images'] / p['openai SDK']:.3f} |"
            for op, p in counts["thousand_per_call"].items()
        ]
    loop = RESULTS["loopback"]
    lines += [
        "",
        f"## Loopback: {loop['calls']} generate calls at concurrency {loop['concurrency']},"
        " async clients, against the mock",
        "",
        "| client | requests/s | p50 ms | p99 ms |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {label} | {f['requests_per_s']} | {f['p50_ms']} | {f['p99_ms']} |" for label, f in loop["figures"].items()
    ]
    upload = RESULTS["upload"]
    lines += [
        "",
        f"## Upload: an edit with a {upload['file_mib']} MiB PNG, over loopback to a server that drops the body",
        "",
        "| client | seconds | peak RSS above baseline MiB | × file size |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {label} | {f['seconds']} | {f['peak_rss_above_baseline_mib']} | {f['times_file_size']} |"
        for label, f in upload["figures"].items()
    ]
    save = RESULTS["save_images"]
    lines += [
        "",
        f"## save_images: {save['images']} × {save['size']} b64 images ({save['b64_mib']} MiB of base64)",
        "",
        f"{save['ms']} ms; peak Python allocations {save['peak_python_allocations_mib']} MiB (tracemalloc).",
        "",
        f"## The mock server (concurrency {RESULTS['mock_requests_per_s']['concurrency']}), requests/s",
        "",
        "`openai-images mock --workers N`; the load comes from one async httpx client on the same machine.",
        "",
        "| request | " + " | ".join(_workers(count) for count in MOCK_WORKERS) + " |",
        "| --- |" + " --- |" * len(MOCK_WORKERS),
    ]
    lines += [
        f"| {label} | " + " | ".join(str(value) for value in values.values()) + " |"
        for label, values in RESULTS["mock_requests_per_s"]["figures"].items()
    ]
    lines += [
        "",
        "## The contract suite against the mock",
        "",
        "Requests sent (a quarter of the examples go to variations' endpoint once it has closed), over 3 seeds,"
        " including both processes' start-up; the suite's own CPU time per request (the rest is the mock's:"
        " the two share the machine's cores).",
        "",
        "| catalogue of | requests | seconds | requests/s | suite CPU ms per request |",
        "| --- | --- | --- | --- | --- |",
    ]
    for contract in RESULTS["contract"].values():
        lines.append(
            f"| {contract['as_of']} | {contract['examples']} | {contract['seconds']} | {contract['examples_per_s']}"
            f" | {contract['suite_cpu_ms_per_example']} |"
        )
    lines.append("")
    for contract in RESULTS["contract"].values():
        if contract["runs_with_failures"]:
            lines += [
                f"On {contract['as_of']} the suite failed the mock in {len(contract['runs_with_failures'])} of its"
                f" runs ({'; '.join(sorted(set(contract['runs_with_failures'])))}): timed all the same, it ran every"
                " example.",
                "",
            ]
    return "\n".join(lines)


def main() -> int:
    started = time.perf_counter()
    RESULTS["machine"] = machine()
    sections = (
        bench_imports,
        bench_per_call,
        bench_instructions,
        bench_loopback,
        bench_upload,
        bench_save,
        bench_mock,
        bench_contract,
    )
    for section in sections:
        section()
    RESULTS["targets"] = targets()
    RESULTS["seconds"] = round(time.perf_counter() - started, 1)
    out = HERE if not QUICK else Path(tempfile.mkdtemp())
    (out / "results.json").write_text(json.dumps(RESULTS, indent=2) + "\n")
    (out / "results.md").write_text(markdown())
    log(f"bench: wrote {out / 'results.md'} and results.json in {RESULTS['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
