"""Servers the contract suite's tests judge: any ASGI app on a loopback port, the two reference servers
(the mock, and the independent one in reference_server.py), and variants of them that each break one rule.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import reference_server
import uvicorn
from conftest import LIVE_DAY
from openai_images import imageinfo
from openai_images.contract.inputs import last_day
from openai_images.mock import create_app
from openai_images.rules import table
from PIL import Image, ImageSequence
from starlette.types import ASGIApp, Message, Receive, Scope, Send

KEY = "sk-contract-test-0123456789"
SERVERS: dict[str, Callable[[dt.date], ASGIApp]] = {
    "mock": lambda as_of: create_app(api_keys=[KEY], as_of=as_of),
    "reference": lambda as_of: reference_server.create_app([KEY], as_of=as_of),
}
"""The correct servers, each accepting only KEY and serving the models OpenAI served on a given day."""


@contextmanager
def serving(app: ASGIApp) -> Iterator[str]:
    """The app on a free loopback port (uvicorn in a thread); yields its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class Seen:
    """A request as a broken variant sees it: its path, headers (lower-cased names) and body, both editable."""

    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        if not self.headers.get("content-type", "").startswith("application/json"):
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            return None


AnswerEdit = Callable[[int, str, bytes], tuple[int, str, bytes]]
"""(status, content type, body) -> the same, edited."""
Edit = Callable[[Seen], AnswerEdit | None]
"""Edits the request in place; returns how to edit its answer, if at all."""


def broken(edit: Edit, server: str = "mock", as_of: dt.date = LIVE_DAY) -> ASGIApp:
    """A correct server (``SERVERS``, keys: KEY, serving ``as_of``'s catalogue) behind ``edit``."""
    app = SERVERS[server](as_of)

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        seen = Seen(scope["path"], {name.decode().lower(): value.decode() for name, value in scope["headers"]}, body)
        answer_edit = edit(seen)
        seen.headers["content-length"] = str(len(seen.body))
        headers = [(name.encode(), value.encode()) for name, value in seen.headers.items()]
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": seen.body, "more_body": False}

        if answer_edit is None:
            await app({**scope, "headers": headers}, replay, send)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            else:
                chunks.append(message.get("body", b""))

        await app({**scope, "headers": headers}, replay, keep)
        answer_headers = {name.decode().lower(): value.decode() for name, value in start["headers"]}
        status, content_type, content = answer_edit(
            start["status"], answer_headers.get("content-type", ""), b"".join(chunks)
        )
        answer_headers.update({"content-type": content_type, "content-length": str(len(content))})
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(name.encode(), value.encode()) for name, value in answer_headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": content})

    return wrapped


def json_answers(change: Callable[[dict[str, Any]], None]) -> Edit:
    """An edit of every successful JSON answer's body."""

    def answer(status: int, content_type: str, content: bytes) -> tuple[int, str, bytes]:
        if status != 200 or not content_type.startswith("application/json"):
            return status, content_type, content
        body = json.loads(content)
        change(body)
        return status, content_type, json.dumps(body).encode()

    return lambda seen: answer


def ignores_auth(seen: Seen) -> None:
    seen.headers["authorization"] = f"Bearer {KEY}"


def url_for_gpt_image_models(body: dict[str, Any]) -> None:
    if "usage" in body:  # only the GPT image models' answers report usage
        body["data"] = [{"url": f"https://images.example/{index}.png"} for index, _ in enumerate(body["data"])]


def one_image_too_many(body: dict[str, Any]) -> None:
    body["data"].append(body["data"][0])


def half_height(body: dict[str, Any]) -> None:
    for item in body["data"]:
        content = base64.b64decode(item.get("b64_json") or "")
        if imageinfo.sniff_format(content[: imageinfo.SNIFF_BYTES]) not in (None, "svg"):  # SVG: no pixels to lose
            image = Image.open(io.BytesIO(content))
            fmt = image.format
            buffer = io.BytesIO()
            image.resize((image.width, image.height // 2)).save(buffer, format=fmt)
            item["b64_json"] = base64.b64encode(buffer.getvalue()).decode()


def dall_e_3_takes_n(seen: Seen) -> AnswerEdit | None:
    """Accepts n > 1 for dall-e-3, and answers with n images."""
    body = seen.json()
    if not isinstance(body, dict) or body.get("model") != "dall-e-3" or not isinstance(body.get("n"), int):
        return None
    n = body["n"]
    seen.body = json.dumps({**body, "n": 1}).encode()

    def answer(status: int, content_type: str, content: bytes) -> tuple[int, str, bytes]:
        if status != 200:
            return status, content_type, content
        answered = json.loads(content)
        answered["data"] *= n
        return status, content_type, json.dumps(answered).encode()

    return answer


def malformed_errors(seen: Seen) -> AnswerEdit:
    def answer(status: int, content_type: str, content: bytes) -> tuple[int, str, bytes]:
        if status < 400:
            return status, content_type, content
        detail = json.loads(content)["error"]["message"]
        return status, content_type, json.dumps({"detail": detail, "status": status}).encode()

    return answer


def fails_on_long_prompts(seen: Seen) -> AnswerEdit | None:
    """Fails, once past authentication, on a prompt over 1000 characters."""
    body = seen.json()
    if seen.headers.get("authorization") != f"Bearer {KEY}" or not isinstance(body, dict):
        return None
    if not isinstance(body.get("prompt"), str) or len(body["prompt"]) <= 1000:
        return None
    failure = {"error": {"message": "internal error", "type": "server_error", "param": None, "code": None}}
    return lambda status, content_type, content: (500, "application/json", json.dumps(failure).encode())


def streams_without_completed_event(seen: Seen) -> AnswerEdit:
    def answer(status: int, content_type: str, content: bytes) -> tuple[int, str, bytes]:
        if not content_type.startswith("text/event-stream"):
            return status, content_type, content
        events = [block for block in content.decode().split("\n\n") if block and ".completed" not in block]
        return status, content_type, "".join(f"{block}\n\n" for block in events).encode()

    return answer


def json_edits_answered_404(param: str | None) -> Edit:
    """Answers 404 to every JSON body sent to the edits endpoint: as for an unknown route (``param`` None),
    or as for an unknown model (``param`` "model")."""
    missing = {"error": {"message": "Not found", "type": "invalid_request_error", "param": param, "code": None}}

    def edit(seen: Seen) -> AnswerEdit | None:
        if not seen.path.endswith("/images/edits") or not seen.headers.get("content-type", "").startswith(
            "application/json"
        ):
            return None
        return lambda status, content_type, content: (404, "application/json", json.dumps(missing).encode())

    return edit


def urls_that_do_not_exist(body: dict[str, Any]) -> None:
    """Image URLs on the server's own host, at a path it does not serve."""
    for item in body["data"]:
        if "url" in item:
            item["url"] = item["url"].rsplit("/", 1)[0] + "/gone.png"


def still_serving(model: str, server: str = "mock", as_of: dt.date = LIVE_DAY) -> ASGIApp:
    """A correct server for ``as_of``, but for the requests naming ``model``, which it answers as it did on the
    model's last day: a server that still serves a retired model."""
    today, before = SERVERS[server](as_of), SERVERS[server](last_day(table().models[model]))

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await today(scope, receive, send)
            return
        messages = [await receive()]
        while messages[-1].get("more_body"):
            messages.append(await receive())
        body = b"".join(message.get("body", b"") for message in messages)
        named = f'"model": "{model}"'.encode() in body or f'name="model"\r\n\r\n{model}\r\n'.encode() in body
        replayed = iter(messages)

        async def replay() -> Message:
            return next(replayed, None) or await receive()

        await (before if named else today)(scope, replay, send)

    return app


def gif_a_frame_short(body: dict[str, Any]) -> None:
    """Every GIF answered with its last frame left out."""
    for item in body["data"]:
        content = base64.b64decode(item.get("b64_json") or "")
        if not content.startswith(b"GIF8"):
            continue
        frames = list(ImageSequence.Iterator(Image.open(io.BytesIO(content))))[:-1]
        frames = [frame.copy() for frame in frames]
        buffer = io.BytesIO()
        duration = frames[0].info.get("duration", 0)
        frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], duration=duration, loop=0)
        item["b64_json"] = base64.b64encode(buffer.getvalue()).decode()
