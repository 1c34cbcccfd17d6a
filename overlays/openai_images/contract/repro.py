"""Failing requests written out: for each, the files its curl command reads and a script that sends it again."""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path

from openai_images.contract.wire import KEY_VARIABLE, Sent

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class Reproductions:
    """Where failing requests go: every one into ``root`` when given; otherwise only those whose command
    needs files (uploads, bodies that are not text), into a temporary directory made on first use."""

    def __init__(self, base_url: str, root: Path | None = None) -> None:
        self.base_url = base_url
        self.root = root
        self.every = root is not None
        self._count = 0
        self._lock = threading.Lock()

    @property
    def written(self) -> bool:
        return self._count > 0

    def command(self, sent: Sent, key: str | None, label: str, note: str) -> tuple[str, str | None]:
        """The curl command for ``sent`` (``key``: ``KEY_VARIABLE``, None or a literal key), and the
        directory its files and ``run.sh`` were written to, if they were. ``note`` heads the script."""
        if not self.every and not sent.files():
            return sent.curl(self.base_url, key), None
        with self._lock:
            if self.root is None:
                self.root = Path(tempfile.mkdtemp(prefix="openai-images-contract-"))
            self._count += 1
            directory = self.root / f"{self._count:04d}-{_UNSAFE.sub('-', label)}"
        directory.mkdir(parents=True, exist_ok=True)
        sent.write_files(directory)
        script = [
            "#!/bin/sh",
            *(f"# {line}" for line in note.splitlines()),
            *(["# needs the key in OPENAI_API_KEY"] if key == KEY_VARIABLE else []),
            'cd "$(dirname "$0")" || exit 1',
            sent.curl(self.base_url, key, files="."),
            "",
        ]
        run = directory / "run.sh"
        run.write_text("\n".join(script), encoding="utf-8")
        run.chmod(0o755)
        return sent.curl(self.base_url, key, files=str(directory.resolve())), str(directory)
