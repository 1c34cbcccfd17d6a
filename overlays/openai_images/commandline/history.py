"""The record of every call: a SQLite database in the user's data directory.

``OPENAI_IMAGES_HISTORY`` names another file. A row holds what was asked (operation, model,
parameters, prompt, input hashes, the server, the day it was judged on) and what came of it
(revised prompts, request id, usage, saved paths, outcome); never a credential. The file is
created readable by its owner only: prompts can be private.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ENVIRONMENT_VARIABLE = "OPENAI_IMAGES_HISTORY"
SCHEMA_VERSION = 2

OK = "ok"
REUSED = "reused"
SUCCESSES = (OK, REUSED)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    operation TEXT NOT NULL,
    command TEXT NOT NULL,
    model TEXT,
    server TEXT NOT NULL,
    params TEXT NOT NULL,
    prompt TEXT,
    inputs TEXT NOT NULL,
    request_key TEXT NOT NULL,
    outcome TEXT NOT NULL,
    error TEXT,
    request_id TEXT,
    revised_prompts TEXT NOT NULL,
    usage TEXT,
    paths TEXT NOT NULL,
    elapsed REAL,
    reused_from INTEGER,
    batch_key TEXT,
    as_of TEXT,
    as_of_given INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS calls_by_key ON calls (request_key, outcome);
"""
_ADDED_COLUMNS = {"as_of": "TEXT", "as_of_given": "INTEGER NOT NULL DEFAULT 0"}
"""Columns of schema version 2, added to a database an earlier version made."""

_JSON_COLUMNS = ("params", "inputs", "revised_prompts", "usage", "paths")


def default_path() -> Path:
    """``$OPENAI_IMAGES_HISTORY``, else ``history.sqlite`` in the platform's user data directory."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return platformdirs.user_data_path("openai-images", appauthor=False) / "history.sqlite"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Entry:
    """One call. ``paths`` are absolute; ``outcome`` is ``ok``, ``reused`` or what went wrong."""

    operation: str
    command: str
    model: str | None
    server: str
    params: dict[str, Any]
    prompt: str | None
    inputs: list[dict[str, str]]
    request_key: str
    outcome: str
    error: str | None = None
    request_id: str | None = None
    revised_prompts: list[str] = field(default_factory=list)
    usage: dict[str, Any] | None = None
    paths: list[str] = field(default_factory=list)
    elapsed: float | None = None
    reused_from: int | None = None
    batch_key: str | None = None
    as_of: str | None = None
    """The day the request was judged on (YYYY-MM-DD): which models OpenAI served."""
    as_of_given: bool = False
    """Whether that day was asked for (``--as-of``) rather than the day of the call."""
    created_at: str = field(default_factory=now)
    id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, **{key: value for key, value in asdict(self).items() if key != "id"}}

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Entry:
        values = dict(row)
        for column in _JSON_COLUMNS:
            values[column] = json.loads(values[column]) if values[column] is not None else None
        values["as_of_given"] = bool(values["as_of_given"])
        return cls(**values)


class History:
    """The database. One connection; every write is its own committed transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            # Created private before SQLite opens it: prompts and file paths are personal data.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        self._connection = sqlite3.connect(path, timeout=30.0)
        self._connection.row_factory = sqlite3.Row
        with self._connection:
            self._connection.executescript(_SCHEMA)
            present = {row["name"] for row in self._connection.execute("PRAGMA table_info(calls)")}
            for column, declaration in _ADDED_COLUMNS.items():
                if column not in present:
                    self._connection.execute(f"ALTER TABLE calls ADD COLUMN {column} {declaration}")
            self._connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self._connection.close()

    def record(self, entry: Entry) -> int:
        values = entry.as_dict()
        values.pop("id")
        for column in _JSON_COLUMNS:
            values[column] = None if values[column] is None else json.dumps(values[column], ensure_ascii=False)
        columns = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        with self._connection:
            cursor = self._connection.execute(f"INSERT INTO calls ({columns}) VALUES ({marks})", values)  # noqa: S608
        assert cursor.lastrowid is not None
        entry.id = cursor.lastrowid
        return entry.id

    def get(self, entry_id: int) -> Entry | None:
        row = self._connection.execute("SELECT * FROM calls WHERE id = ?", (entry_id,)).fetchone()
        return None if row is None else Entry.from_row(row)

    def latest(self, limit: int) -> list[Entry]:
        rows = self._connection.execute("SELECT * FROM calls ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [Entry.from_row(row) for row in rows]

    def __iter__(self) -> Iterator[Entry]:
        for row in self._connection.execute("SELECT * FROM calls ORDER BY id"):
            yield Entry.from_row(row)

    def reusable(self, request_key: str) -> Entry | None:
        """The latest successful identical call whose saved images are all still there."""
        marks = ", ".join("?" for _ in SUCCESSES)
        rows = self._connection.execute(
            f"SELECT * FROM calls WHERE request_key = ? AND outcome IN ({marks}) ORDER BY id DESC",  # noqa: S608
            (request_key, *SUCCESSES),
        )
        for row in rows:
            entry = Entry.from_row(row)
            if entry.paths and all(Path(path).is_file() for path in entry.paths):
                return entry
        return None
