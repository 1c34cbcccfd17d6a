"""Apply OpenAPI Overlay documents (Overlay Specification 1.0.0) to a spec held as a dict.

Each action has a ``target`` (a JSONPath subset: ``$``, ``.name``, ``['name']``, ``*``, ``[*]``
and ``..name``), then either ``remove: true`` or an ``update`` value that is deep-merged into
every node the target selects. An action whose target selects nothing is an error (a patch that
silently stops applying after an upstream change is how wire bugs come back), unless the action
says ``x-optional: true``: a general rule such as "no schema titles" may have nothing to do.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

_NAME = re.compile(r"[A-Za-z0-9_\-$]+|\*")
_BRACKET = re.compile(r"\[\s*(\*|'[^']*'|\"[^\"]*\")\s*\]")


class OverlayError(Exception):
    """An overlay document is malformed or no longer fits the spec it is applied to."""


def _parse(target: str) -> list[tuple[str, str]]:
    if not target.startswith("$"):
        raise OverlayError(f"target {target!r} must start with '$'")
    steps: list[tuple[str, str]] = []
    position = 1
    while position < len(target):
        kind = "child"
        if target.startswith("..", position):
            kind, position = "descendant", position + 2
        elif target.startswith(".", position):
            position += 1
        name_match = _NAME.match(target, position) if target[position - 1] == "." else None
        bracket_match = None if name_match else _BRACKET.match(target, position)
        if name_match:
            steps.append((kind, name_match.group(0)))
            position = name_match.end()
        elif bracket_match:
            quoted = bracket_match.group(1)
            steps.append((kind, quoted if quoted == "*" else quoted[1:-1]))
            position = bracket_match.end()
        else:
            raise OverlayError(f"unsupported JSONPath syntax in {target!r} at offset {position}")
    return steps


def _children(node: Any, name: str) -> Iterator[tuple[Any, Any]]:
    if isinstance(node, dict):
        if name == "*":
            yield from ((node, key) for key in list(node))
        elif name in node:
            yield node, name
    elif isinstance(node, list) and name == "*":
        yield from ((node, index) for index in range(len(node)))


def _descendants(node: Any) -> Iterator[Any]:
    yield node
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for value in values:
        yield from _descendants(value)


def select(document: Any, target: str) -> list[tuple[Any, Any]]:
    """Return (parent, key) pairs for every node the target selects; ``(None, None)`` is the root."""
    current: list[tuple[Any, Any]] = [(None, None)]
    for kind, name in _parse(target):
        nodes = [document if parent is None else parent[key] for parent, key in current]
        if kind == "descendant":
            nodes = [d for node in nodes for d in _descendants(node)]
        current = [pair for node in nodes for pair in _children(node, name)]
    return current


def _merge(base: Any, update: Any) -> Any:
    if isinstance(base, dict) and isinstance(update, dict):
        merged = dict(base)
        for key, value in update.items():
            merged[key] = _merge(base[key], value) if key in base else copy.deepcopy(value)
        return merged
    if isinstance(base, list) and isinstance(update, list):
        return base + copy.deepcopy(update)
    return copy.deepcopy(update)


def apply(document: dict[str, Any], overlay: dict[str, Any], name: str = "overlay") -> dict[str, Any]:
    """Return a copy of ``document`` with the overlay's actions applied in order."""
    if not str(overlay.get("overlay", "")).startswith("1."):
        raise OverlayError(f"{name}: not an Overlay 1.x document (missing 'overlay: 1.0.0')")
    result = copy.deepcopy(document)
    for number, action in enumerate(overlay.get("actions") or [], start=1):
        target = action.get("target")
        if not isinstance(target, str):
            raise OverlayError(f"{name}: action {number} has no target")
        selected = select(result, target)
        if not selected:
            if action.get("x-optional"):
                continue
            raise OverlayError(f"{name}: action {number} ({target}) selects nothing in this spec")
        if action.get("remove"):
            # Delete from the end so list indices stay valid.
            for parent, key in reversed(selected):
                if parent is None:
                    raise OverlayError(f"{name}: action {number} would remove the whole document")
                del parent[key]
        elif "update" in action:
            for parent, key in selected:
                if parent is None:
                    result = _merge(result, action["update"])
                else:
                    parent[key] = _merge(parent[key], action["update"])
        else:
            raise OverlayError(f"{name}: action {number} has neither 'update' nor 'remove'")
    return result
