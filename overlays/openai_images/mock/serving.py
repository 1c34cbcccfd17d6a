"""Running an ASGI app under uvicorn, in one process or several, announcing the address once it listens."""

from __future__ import annotations

import functools
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn

WORKER_START_SECONDS = 60.0
BACKLOG = 2048  # uvicorn's default


def announce(sock: socket.socket) -> None:
    host, port = sock.getsockname()[:2]
    print(f"openai-images mock: serving the Images API on http://{host}:{port}/v1", flush=True)


class AnnouncingServer(uvicorn.Server):
    """Prints where it listens once it does: with port 0 the system picks the port."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        for listener in self.servers:
            for sock in listener.sockets:
                announce(sock)


def serve(app: Any, host: str, port: int, log_level: str = "warning") -> None:
    AnnouncingServer(uvicorn.Config(app, host=host, port=port, log_level=log_level, lifespan="off")).run()


def serve_workers(
    app_factory: Callable[[], Any],
    host: str,
    port: int,
    workers: int,
    shared_dir: Path,
    log_level: str = "warning",
) -> None:
    """Serve with ``workers`` processes that share one listening socket, each with the app ``app_factory``
    makes (it is pickled into each worker, so it must be a module-level function or a partial of one).

    The address is announced once every worker has its app (each leaves a mark in ``shared_dir``);
    uvicorn's supervisor restarts a worker that dies and stops them all on SIGINT or SIGTERM.
    """
    from uvicorn.supervisors import Multiprocess

    class Supervisor(Multiprocess):
        def init_processes(self) -> None:
            super().init_processes()
            deadline = time.monotonic() + WORKER_START_SECONDS
            while len(list(shared_dir.glob(".ready-*"))) < workers and time.monotonic() < deadline:
                time.sleep(0.02)
            announce(sock)

    config = uvicorn.Config(
        functools.partial(_marked_app, app_factory, shared_dir),
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        lifespan="off",
    )
    sock = config.bind_socket()
    sock.listen(BACKLOG)  # from now on, connections wait in the backlog until a worker accepts them
    Supervisor(config, sockets=[sock]).run()


def _marked_app(app_factory: Callable[[], Any], shared_dir: Path) -> Any:
    """In a worker: the app, and a mark saying this worker has it."""
    app = app_factory()
    (shared_dir / f".ready-{os.getpid()}").touch()
    return app
