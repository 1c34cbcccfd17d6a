"""Apply OpenAPI Overlay documents (Overlay Specification 1.0.0) to a spec held as a dict.

Each action has a ``target`` (a JSONPath subset: ``$``, ``.name``, ``['name']``, ``['a','b']``,
``[0]``, ``*``, ``[*]`` and ``..name``), then either ``remove: true`` or an ``update`` value that is deep-merged
into every node the target selects. An action whose target selects nothing is an error (a patch
that silently stops applying after an upstream change is how wire bugs come back), unless the
action says ``x-optional: true``: a general rule such as "no schema titles" may have nothing to do.

Two extensions make a patch that *carries a difference* from upstream (the live API's changes,
overlays/spec/live-api.overlay.yaml) fail loudly once upstream catches up, so that a maintainer
deletes it rather than doubling it:

- ``x-adds: true``: the update may only add. A key it sets that the target already has (other than
  an object it descends into), or a list item the target's list already holds, is an error: upstream
  has it now.
- ``x-expect: {key: "text"}``: the target's ``key`` (for ``remove``, the removed node's parent's)
  must still contain ``text`` (a phrase of the upstream value this action replaces); otherwise
  upstream rewrote it, and the action needs review.

An overlay whose top level says ``x-sources-required: true`` must give every action an
``x-source``: where the change is documented.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

_NAME = re.compile(r"[A-Za-z0-9_\-$]+|\*")
_QUOTED = r"'[^']*'|\"[^\"]*\""
_BRACKET = re.compile(rf"\[\s*(\*|[0-9]+|(?:{_QUOTED})(?:\s*,\s*(?:{_QUOTED}))*)\s*\]")
_UNION_MEMBER = re.compile(_QUOTED)


class OverlayError(Exception):
    """An overlay document is malformed or no longer fits the spec it is applied to."""


Selector = str | tuple[str, ...]
"""A name, ``*``, a list index as digits, or a union of names."""


def _parse(target: str) -> list[tuple[str, Selector]]:
    if not target.startswith("$"):
        raise OverlayError(f"target {target!r} must start with '$'")
    steps: list[tuple[str, Selector]] = []
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
            if quoted == "*" or quoted.isdigit():
                steps.append((kind, quoted))
            else:  # one name, or a union of names: ['a','b']
                names = tuple(member[1:-1] for member in _UNION_MEMBER.findall(quoted))
                steps.append((kind, names[0] if len(names) == 1 else names))
            position = bracket_match.end()
        else:
            raise OverlayError(f"unsupported JSONPath syntax in {target!r} at offset {position}")
    return steps


def _children(node: Any, name: Selector) -> Iterator[tuple[Any, Any]]:
    if isinstance(name, tuple):  # a union of names, in its order
        if isinstance(node, dict):
            yield from ((node, key) for key in name if key in node)
    elif isinstance(node, dict):
        if name == "*":
            yield from ((node, key) for key in list(node))
        elif name in node:
            yield node, name
    elif isinstance(node, list) and name == "*":
        yield from ((node, index) for index in range(len(node)))
    elif isinstance(node, list) and name.isdigit() and int(name) < len(node):
        yield node, int(name)


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


def _already_there(base: Any, update: Any, path: str) -> list[str]:
    """What an adds-only update would set that ``base`` already has."""
    if isinstance(base, dict) and isinstance(update, dict):
        found = []
        for key, value in update.items():
            if key not in base:
                continue
            if isinstance(base[key], (dict, list)) and isinstance(value, type(base[key])):
                found += _already_there(base[key], value, f"{path}.{key}")
            else:
                found.append(f"{path}.{key}")
        return found
    if isinstance(base, list) and isinstance(update, list):
        return [f"{path} item {item!r}" for item in update if item in base]
    return [path]


def _check_expectations(node: Any, expected: Any, where: str) -> None:
    if not isinstance(expected, dict) or not isinstance(node, dict):
        raise OverlayError(f"{where}: x-expect must map keys of an object to phrases of their values")
    for key, phrase in expected.items():
        value = node.get(key)
        if not isinstance(value, str) or str(phrase) not in value:
            raise OverlayError(
                f"{where}: upstream's {key!r} no longer reads {str(phrase)!r} (it is now {value!r}); upstream"
                " rewrote what this action replaces: review the action, and delete it if upstream has caught up"
            )


def apply(document: dict[str, Any], overlay: dict[str, Any], name: str = "overlay") -> dict[str, Any]:
    """Return a copy of ``document`` with the overlay's actions applied in order."""
    if not str(overlay.get("overlay", "")).startswith("1."):
        raise OverlayError(f"{name}: not an Overlay 1.x document (missing 'overlay: 1.0.0')")
    sources_required = bool(overlay.get("x-sources-required"))
    result = copy.deepcopy(document)
    for number, action in enumerate(overlay.get("actions") or [], start=1):
        target = action.get("target")
        if not isinstance(target, str):
            raise OverlayError(f"{name}: action {number} has no target")
        where = f"{name}: action {number} ({target})"
        if sources_required and not str(action.get("x-source") or "").strip():
            raise OverlayError(f"{where} does not say where the change is documented (x-source)")
        selected = select(result, target)
        if not selected:
            if action.get("x-optional"):
                continue
            raise OverlayError(
                f"{where} selects nothing in this spec"
                + (
                    ": upstream has changed here; review the action, and delete it if upstream has caught up"
                    if sources_required
                    else ""
                )
            )
        if action.get("remove"):
            # Delete from the end so list indices stay valid.
            for parent, key in reversed(selected):
                if parent is None:
                    raise OverlayError(f"{name}: action {number} would remove the whole document")
                if "x-expect" in action:  # about the object the node is removed from
                    _check_expectations(parent, action["x-expect"], where)
                del parent[key]
        elif "update" in action:
            for parent, key in selected:
                node = result if parent is None else parent[key]
                if "x-expect" in action:
                    _check_expectations(node, action["x-expect"], where)
                if action.get("x-adds"):
                    present = _already_there(node, action["update"], "$")
                    if present:
                        raise OverlayError(
                            f"{where}: upstream's spec already has {', '.join(present)}: it has caught up with"
                            f" this change, so delete the action from {name} rather than doubling it"
                        )
                if parent is None:
                    result = _merge(result, action["update"])
                else:
                    parent[key] = _merge(parent[key], action["update"])
        else:
            raise OverlayError(f"{name}: action {number} has neither 'update' nor 'remove'")
    return result
