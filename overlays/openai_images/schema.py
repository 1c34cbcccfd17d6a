"""Check a value against the spec's JSON Schema, for the keywords the Images spec uses.

Small on purpose: it runs before every request, so it must cost microseconds and import nothing
heavy. It understands ``$ref``, ``type`` (with the OpenAPI 3.0 ``nullable`` that upstream still
writes in its 3.1 document), ``enum``/``const``, ``anyOf``/``oneOf``/``allOf``/``not``,
``properties``/``required``/``additionalProperties``, ``items``/``minItems``/``maxItems``,
``minimum``/``maximum`` (and exclusive ones), ``minLength``/``maxLength`` and ``format``
(``binary`` means a file; ``uri`` a URL with a scheme). Unknown keywords are ignored: a newer
spec can only make it accept more, never refuse what the server accepts.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from openai_images.errors import Issue
from openai_images.spec import Schema, resolve

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "an array",
    "object": "an object",
    "null": "null",
}


class _TypeIssue(Issue):
    """An issue saying the value has the wrong type altogether (as opposed to a wrong value)."""


_INTEGER = re.compile(r"-?[0-9]+")


def is_file(value: Any) -> bool:
    """Whether a value stands for uploaded file content (not a string)."""
    if isinstance(value, tuple):  # first: (name, content, type) is how request bodies carry files
        return len(value) >= 2 and is_file(value[1])
    if isinstance(value, (bytes, bytearray, memoryview, io.IOBase)):
        return True
    return hasattr(value, "read") or hasattr(value, "payload")


def _has_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "integer":  # as JSON Schema counts: 2.0 is an integer
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, Mapping)
    if name == "null":
        return value is None
    return True


def _types(schema: Schema) -> list[str]:
    declared = schema.get("type")
    names = [declared] if isinstance(declared, str) else list(declared or [])
    if names and schema.get("nullable") is True and "null" not in names:
        names.append("null")
    return names


def _join(values: list[Any]) -> str:
    return ", ".join(str(value) for value in values)


_MISSING = object()


@dataclass(frozen=True)
class _Plan:
    """One schema's keywords, looked up once: ``check`` runs per request and must not re-read dicts."""

    schema: Schema
    nullable: bool
    types: tuple[str, ...]
    binary: bool
    enum: tuple[Any, ...] | None
    const: Any
    strings: bool
    numbers: bool
    arrays: bool
    objects: bool
    all_of: tuple[Schema, ...]
    any_of: tuple[tuple[Schema, ...], ...]
    not_: Schema | None


_PLANS: dict[int, _Plan] = {}
_STRING_KEYS = {"minLength", "maxLength", "format"}
_NUMBER_KEYS = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
_ARRAY_KEYS = {"minItems", "maxItems", "items"}
_OBJECT_KEYS = {"properties", "required", "additionalProperties"}


def _plan(raw: Schema) -> _Plan:
    # Keyed by identity, holding the schema so that the id cannot be reused by another dict.
    plan = _PLANS.get(id(raw))
    if plan is not None and plan.schema is raw:
        return plan
    schema = resolve(raw)
    keys = set(schema)
    plan = _Plan(
        schema=raw,
        nullable=schema.get("nullable") is True,
        types=tuple(_types(schema)),
        binary=schema.get("format") == "binary",
        enum=tuple(schema["enum"]) if "enum" in schema else None,
        const=schema.get("const", _MISSING),
        strings=bool(keys & _STRING_KEYS) or "string" in _types(schema),
        numbers=bool(keys & _NUMBER_KEYS),
        arrays=bool(keys & _ARRAY_KEYS),
        objects=bool(keys & _OBJECT_KEYS),
        all_of=tuple(schema.get("allOf", ())),
        any_of=tuple(tuple(schema[keyword]) for keyword in ("anyOf", "oneOf") if keyword in schema),
        not_=schema.get("not"),
    )
    _PLANS[id(raw)] = plan
    return plan


def check(schema: Schema, value: Any, path: str) -> list[Issue]:
    """Every way ``value`` breaks ``schema``; ``path`` names it in the issues (``n``, ``images[0].file_id``)."""
    plan = _plan(schema)
    if value is None and plan.nullable:
        return []
    types = plan.types
    if plan.binary:
        if not is_file(value) and not (value is None and "null" in types):
            return [_TypeIssue(path, "must be a file (image bytes), not a text value", value, code="invalid_type")]
    elif types and not any(_has_type(value, name) for name in types):
        expected = " or ".join(_TYPE_NAMES.get(name, name) for name in types)
        return [_TypeIssue(path, f"must be {expected}", value, code="invalid_type")]

    issues: list[Issue] = []
    if plan.enum is not None and value not in plan.enum and not (value is None and "null" in types):
        issues.append(Issue(path, "is not one of the allowed values", value, allowed=_join(list(plan.enum))))
    if plan.const is not _MISSING and value != plan.const:
        issues.append(Issue(path, f"must be {plan.const!r}", value))

    resolved = resolve(plan.schema)
    if plan.strings and isinstance(value, str) and not plan.binary:
        issues += _check_string(resolved, value, path)
    if plan.numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        issues += _check_number(resolved, value, path)
    if plan.arrays and isinstance(value, list):
        issues += _check_array(resolved, value, path)
    if plan.objects and isinstance(value, Mapping):
        issues += _check_object(resolved, value, path)

    for branch in plan.all_of:
        issues += check(branch, value, path)
    for branches in plan.any_of:
        issues += _check_any_of(list(branches), value, path)
    if plan.not_ is not None and not check(plan.not_, value, path):
        issues.append(Issue(path, _describe_not(resolve(plan.not_)), value))
    return issues


def _check_string(schema: Schema, value: str, path: str) -> list[Issue]:
    issues = []
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            message = f"contains a character that cannot be sent as UTF-8 at position {exc.start}"
            issues.append(Issue(path, f"{message} (a lone surrogate)", code="invalid_encoding"))
    if "minLength" in schema and len(value) < schema["minLength"]:
        minimum = schema["minLength"]
        issues.append(Issue(path, "must not be empty" if minimum == 1 else f"must be at least {minimum} characters"))
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        issues.append(Issue(path, f"must be at most {schema['maxLength']} characters (got {len(value)})"))
    if schema.get("format") == "uri" and not urlsplit(value).scheme:
        issues.append(Issue(path, "must be an absolute URL (or a data: URL)", value))
    return issues


def _check_number(schema: Schema, value: float, path: str) -> list[Issue]:
    issues = []
    if "minimum" in schema and value < schema["minimum"]:
        issues.append(Issue(path, f"must be at least {schema['minimum']}", value))
    if "maximum" in schema and value > schema["maximum"]:
        issues.append(Issue(path, f"must be at most {schema['maximum']}", value))
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        issues.append(Issue(path, f"must be more than {schema['exclusiveMinimum']}", value))
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        issues.append(Issue(path, f"must be less than {schema['exclusiveMaximum']}", value))
    return issues


def _check_array(schema: Schema, value: list[Any], path: str) -> list[Issue]:
    issues = []
    if "minItems" in schema and len(value) < schema["minItems"]:
        issues.append(Issue(path, f"must have at least {schema['minItems']} item(s)"))
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        issues.append(Issue(path, f"must have at most {schema['maxItems']} items (got {len(value)})"))
    if "items" in schema:
        for index, item in enumerate(value):
            issues += check(schema["items"], item, f"{path}[{index}]")
    return issues


def _check_object(schema: Schema, value: Mapping[str, Any], path: str) -> list[Issue]:
    issues = []
    prefix = f"{path}." if path else ""
    properties: Mapping[str, Schema] = schema.get("properties", {})
    for name in schema.get("required", ()):
        if name not in value:
            issues.append(Issue(f"{prefix}{name}", "is required", code="missing_required_parameter"))
    for name, item in value.items():
        if name in properties:
            issues += check(properties[name], item, f"{prefix}{name}")
        elif schema.get("additionalProperties") is False:
            issues.append(
                Issue(
                    f"{prefix}{name}", "is not a known field", allowed=_join(list(properties)), code="unknown_parameter"
                )
            )
        elif isinstance(schema.get("additionalProperties"), Mapping):
            issues += check(schema["additionalProperties"], item, f"{prefix}{name}")
    return issues


def _check_any_of(branches: list[Schema], value: Any, path: str) -> list[Issue]:
    results = []
    for branch in branches:
        result = check(branch, value, path)
        if not result:
            return []  # the first branch that fits settles it: most values fit the first
        results.append(result)
    resolved = [resolve(branch) for branch in branches]
    if all(set(branch) == {"required"} for branch in resolved):
        options = " or ".join("+".join(branch["required"]) for branch in resolved)
        return [Issue(path, f"needs {options}")]
    # Report the branch whose type fits the value: its issues are the informative ones.
    fitting = [result for result in results if not any(isinstance(issue, _TypeIssue) for issue in result)]
    best = min(fitting or results, key=len)
    if fitting:
        return best
    expected = {_TYPE_NAMES.get(name, name) for branch in branches for name in _types(resolve(branch))} or {
        "one of the allowed forms"
    }
    return [_TypeIssue(path, f"must be {' or '.join(sorted(expected))}", value, code="invalid_type")]


def _describe_not(schema: Schema) -> str:
    required = schema.get("required")
    if required and set(schema) <= {"required"}:
        return f"must not set all of {', '.join(required)} together"
    return "has a form the spec rules out"


# --- form fields ----------------------------------------------------------------------------------


def coerce_form_value(schema: Schema, value: Any) -> Any:
    """A multipart text field's value as the schema's type (``"2"`` -> 2, ``"true"`` -> True).

    Values that do not convert are returned unchanged, so that ``check`` names the type problem.
    """
    schema = resolve(schema)
    if not isinstance(value, str):
        return value
    for name in _types(schema) or _branch_types(schema):
        if name == "integer" and _INTEGER.fullmatch(value):
            return int(value)
        if name == "number":
            try:
                return float(value)
            except ValueError:
                continue
        if name == "boolean" and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if name == "string":
            return value
    return value


def _branch_types(schema: Schema) -> list[str]:
    names: list[str] = []
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
        names += [name for name in _types(resolve(branch)) or _branch_types(resolve(branch)) if name not in names]
    return names
