"""Running an ASGI app under uvicorn, announcing the address once it listens."""

from __future__ import annotations

import socket
from typing import Any

import uvicorn


class AnnouncingServer(uvicorn.Server):
    """Prints where it listens once it does: with port 0 the system picks the port."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        for listener in self.servers:
            for sock in listener.sockets:
                host, port = sock.getsockname()[:2]
                print(f"openai-images mock: serving the Images API on http://{host}:{port}/v1", flush=True)


def serve(app: Any, host: str, port: int, log_level: str = "warning") -> None:
    AnnouncingServer(uvicorn.Config(app, host=host, port=port, log_level=log_level, lifespan="off")).run()
