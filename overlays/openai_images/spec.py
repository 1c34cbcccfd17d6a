"""The pinned spec as the package ships it: its operations, request bodies and response schemas.

The document is ``openai_images_client/openapi.json`` (openapi.yaml plus the contract overlay,
written by ``make generate``), read once, on first use.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

Schema = Mapping[str, Any]

JSON = "application/json"
MULTIPART = "multipart/form-data"
EVENT_STREAM = "text/event-stream"


@functools.cache
def document() -> dict[str, Any]:
    text = resources.files("openai_images_client").joinpath("openapi.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@functools.cache
def _target(ref: str) -> Schema:
    if not ref.startswith("#/"):
        raise ValueError(f"unsupported reference {ref!r}")
    node: Any = document()
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    target: Schema = node
    return target


def resolve(schema: Schema) -> Schema:
    """Follow ``$ref`` (local references only) until a schema that is not a reference."""
    for _ in range(50):
        ref = schema.get("$ref")
        if ref is None:
            return schema
        if not isinstance(ref, str):
            raise ValueError(f"unsupported reference {ref!r}")
        schema = _target(ref)
    raise ValueError(f"reference cycle at {schema.get('$ref')!r}")


@dataclass(frozen=True)
class Operation:
    """One operation of the spec."""

    operation_id: str
    method: str
    path: str
    request_bodies: Mapping[str, Schema]
    """Body schema by content type, in the spec's order (the first is the default)."""
    responses: Mapping[str, Mapping[str, Schema]]
    """Response schema by status pattern ("200", "4XX") and content type."""

    @property
    def default_content_type(self) -> str:
        return next(iter(self.request_bodies))

    def body_schema(self, content_type: str | None = None) -> Schema:
        return resolve(self.request_bodies[content_type or self.default_content_type])

    def properties(self, content_type: str | None = None) -> Mapping[str, Schema]:
        properties: Mapping[str, Schema] = self.body_schema(content_type).get("properties", {})
        return properties

    def offered_models(self, content_type: str | None = None) -> tuple[str, ...]:
        """The models the spec lists for this body's ``model`` field (empty: it lists none)."""
        return _offered_models(self.operation_id, content_type or self.default_content_type)

    def success_schema(self, content_type: str = JSON) -> Schema | None:
        for status, media in self.responses.items():
            if status.startswith("2") and content_type in media:
                return resolve(media[content_type])
        return None

    def streams(self) -> bool:
        return self.success_schema(EVENT_STREAM) is not None


@functools.cache
def operations() -> dict[str, Operation]:
    found: dict[str, Operation] = {}
    for path, item in document()["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            bodies = {
                content_type: media.get("schema", {})
                for content_type, media in operation.get("requestBody", {}).get("content", {}).items()
            }
            responses = {
                str(status): {ct: media.get("schema", {}) for ct, media in answer.get("content", {}).items()}
                for status, answer in operation.get("responses", {}).items()
            }
            found[operation["operationId"]] = Operation(operation["operationId"], method, path, bodies, responses)
    return found


def operation(operation_id: str) -> Operation:
    try:
        return operations()[operation_id]
    except KeyError:
        raise KeyError(f"the pinned spec has no operation {operation_id!r}; it has {sorted(operations())}") from None


def enum_values(schema: Schema) -> list[Any]:
    """Every value an ``enum``/``const`` in the schema (or its anyOf/oneOf branches) lists, in order."""
    schema = resolve(schema)
    values: list[Any] = list(schema.get("enum", []))
    if "const" in schema:
        values.append(schema["const"])
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
        values.extend(value for value in enum_values(branch) if value not in values)
    return values


def models_named() -> set[str]:
    """Every model name the spec lists for any operation's ``model`` field."""
    names: set[str] = set()
    for op in operations().values():
        for content_type in op.request_bodies:
            model = op.properties(content_type).get("model")
            if model is not None:
                names.update(str(value) for value in enum_values(model) if value is not None)
    return names


@functools.cache
def _offered_models(operation_id: str, content_type: str) -> tuple[str, ...]:
    model = operation(operation_id).properties(content_type).get("model", {})
    return tuple(str(value) for value in enum_values(model) if value is not None)


@functools.cache
def default_of(operation_id: str, field: str, content_type: str | None = None) -> Any:
    """The spec's ``default`` for a body field: what the server does when the field is absent."""
    schema = operation(operation_id).properties(content_type).get(field)
    return None if schema is None else resolve(schema).get("default")


_CACHES = (document, _target, operations, _offered_models, default_of)


def clear_caches() -> None:
    """Forget everything read from the document (for tests that substitute another one)."""
    for cached in _CACHES:
        cached.cache_clear()
