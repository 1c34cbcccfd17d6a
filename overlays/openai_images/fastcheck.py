"""A fast yes for the common request: per operation, body type and model, each field's schema and rules
compiled once into a small predicate.

``accepts(...)`` answers yes (the compiled plan) only when the request certainly has no problem but what its uploaded
files hold (``validation.check_request`` then reads their headers with the same rules as always); it
never decides that a request is wrong. When it cannot say yes (custom sizes, GIF and SVG, compression,
transparency, markup, nulls, unknown fields, no model...), ``check_request`` runs the detailed check,
which lists every problem. So the fast path may only be stricter than the detailed check, never more lenient: a
property test feeds both the same requests (tests/test_fastcheck.py).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from openai_images import spec
from openai_images.rules import ModelRules, Reading, RuleTable, table
from openai_images.schema import is_file

Predicate = Callable[[Any], bool]

# Keywords that say nothing about validity; anything else this compiler does not know makes the
# property "not compiled" (the detailed check decides).
_DESCRIPTIVE = {"description", "example", "examples", "default", "title", "deprecated", "nullable", "x-oaiTypeLabel"}
_COMPILED = {
    "type", "enum", "const", "minimum", "maximum", "minLength", "maxLength", "anyOf", "$ref", "items", "maxItems",
}  # fmt: skip


def _ascii(value: Any) -> bool:
    return isinstance(value, str) and value.isascii()  # a non-ASCII string may hold a lone surrogate


def _integer(value: Any) -> bool:
    return type(value) is int  # 2.0 and True are for the detailed check


def _boolean(value: Any) -> bool:
    return type(value) is bool


_TYPES: dict[str, Predicate] = {"string": _ascii, "integer": _integer, "number": _integer, "boolean": _boolean}


def compile_schema(schema: spec.Schema) -> Predicate | None:
    """A predicate true only for non-null values the schema accepts; None when it cannot be compiled."""
    schema = spec.resolve(schema)
    keys = {key for key in schema if not key.startswith("x-")} - _DESCRIPTIVE - {"format"}
    if not keys <= _COMPILED:
        return None
    if schema.get("format") == "binary":  # a file: what it holds is the rules' business (their headers)
        return is_file if keys <= {"type"} else None
    if schema.get("format") is not None:
        return None
    checks: list[Predicate] = []
    if "anyOf" in schema:
        branches = [spec.resolve(branch) for branch in schema["anyOf"]]
        compiled = [compile_schema(branch) for branch in branches if branch.get("type") != "null"]
        if any(branch is None for branch in compiled):
            return None
        checks.append(_any_of([branch for branch in compiled if branch is not None]))
    declared = schema.get("type")
    if declared == "array":
        item = compile_schema(schema["items"]) if "items" in schema else None
        if item is None:
            return None
        most = schema.get("maxItems")
        checks.append(
            lambda value: type(value) is list and (most is None or len(value) <= most) and all(map(item, value))
        )
    elif declared is not None:
        if not isinstance(declared, str) or declared not in _TYPES:
            return None
        checks.append(_TYPES[declared])
    elif keys & {"items", "maxItems"}:
        return None
    if "enum" in schema:
        allowed = frozenset(value for value in schema["enum"] if value is not None)
        checks.append(lambda value: type(value) is str and value in allowed)
    if "const" in schema:
        constant = schema["const"]
        checks.append(lambda value: type(value) is type(constant) and value == constant)
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None or high is not None:
        checks.append(lambda value: (low is None or value >= low) and (high is None or value <= high))
    shortest, longest = schema.get("minLength"), schema.get("maxLength")
    if shortest is not None or longest is not None:
        checks.append(
            lambda value: (shortest is None or len(value) >= shortest) and (longest is None or len(value) <= longest)
        )
    if not checks:
        return None
    return _all_of(checks)


# Predicates are called once per field of every request: each combinator below is one Python call for
# the common shapes (a generator inside any()/all() costs several).


def _any_of(members: list[Predicate]) -> Predicate:
    if len(members) == 1:
        return members[0]
    if len(members) == 2:
        first, second = members
        return lambda value: first(value) or second(value)
    return lambda value: any(member(value) for member in members)


def _all_of(checks: list[Predicate]) -> Predicate:
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)
    return lambda value: all(check(value) for check in checks)


def _one_of(allowed: frozenset[str]) -> Predicate:
    return lambda value: type(value) is str and value in allowed


def _narrowed(schema_check: Predicate, rule: Predicate | frozenset[str]) -> Predicate:
    """The schema's predicate and the model's rule in one. A rule that lists the values it allows becomes
    the set of those the schema also accepts: the same answer for every value (both predicates are pure
    functions of an exact ``str``, and nothing else is in the set), in one membership test."""
    if isinstance(rule, frozenset):
        return _one_of(frozenset(value for value in rule if schema_check(value)))
    return _all_of([schema_check, rule])


@dataclass(frozen=True)
class Plan:
    """What one model takes in one body type, compiled: a predicate per field it can say yes to."""

    checks: Mapping[str, Predicate]
    required: frozenset[str]
    rules: ModelRules

    def accepts(self, params: Mapping[str, Any]) -> bool:
        checks = self.checks
        for name, value in params.items():
            check = checks.get(name)
            if check is None or not check(value):
                return False
        return self.required <= params.keys()


def _rule_checks(rules: ModelRules, all_rules: RuleTable) -> dict[str, Predicate | frozenset[str] | None]:
    """The model's own limits on the fields they can be judged alone; None: leave it to the detailed check."""
    special_formats = set(all_rules.formats)  # GIF and SVG bring cross-field rules
    shortest, longest = all_rules.prompt_min_length, rules.prompt_max_length
    checks: dict[str, Predicate | frozenset[str] | None] = {
        "prompt": lambda value: shortest <= len(value) <= longest,
        "size": frozenset(rules.sizes),
        "quality": frozenset(rules.qualities),
        "output_format": frozenset(f for f in rules.output_formats if f not in special_formats),
        "background": frozenset(("opaque", "auto")),  # transparent depends on the output format
        "input_fidelity": frozenset(rules.input_fidelity),
    }
    if rules.max_n is not None:
        most = rules.max_n
        checks["n"] = lambda value: value <= most
    for name in ("output_compression", "frame_count", "frame_duration_ms", "svg", "markup", "images"):
        checks[name] = None  # each interacts with the output format, or is a reference to fetch
    # image and mask: the schema says "a file"; validation.FILE_RULES read their headers.
    return checks


@functools.cache
def plan(operation_id: str, content_type: str, model: str, reading: Reading) -> Plan | None:
    """The compiled check for ``model`` in this body type, or None when the model has none (unknown to the
    table, or not offered by the operation)."""
    all_rules = table(reading)
    rules = all_rules.models.get(model)
    operation = spec.operation(operation_id)
    if rules is None or model not in operation.offered_models(content_type):
        return None
    taken = all_rules.general_parameters | rules.parameters
    by_rule = _rule_checks(rules, all_rules)
    checks: dict[str, Predicate] = {}
    for name, schema in operation.properties(content_type).items():
        if name not in taken or (name in by_rule and by_rule[name] is None):
            continue
        compiled = compile_schema(schema)
        if compiled is None:
            continue
        rule = by_rule.get(name)
        checks[name] = compiled if rule is None else _narrowed(compiled, rule)
    checks["model"] = lambda value: value == model
    body = operation.body_schema(content_type)
    return Plan(checks, frozenset(body.get("required", ())), rules)


@functools.cache
def _default_model(operation_id: str, content_type: str) -> str | None:
    """The spec's default model, where no date changes it (createImage's does: the detailed check decides)."""
    if table().operations.get(operation_id, {}).get("default_model"):
        return None
    default = spec.default_of(operation_id, "model", content_type)
    return default if isinstance(default, str) else None


def accepts(
    operation_id: str, params: Mapping[str, Any], content_type: str, as_of: dt.date, lifecycle: bool, reading: Reading
) -> Plan | None:
    """The compiled plan that says yes to the request (see the module's docstring), or None: ask the detailed
    check. The yes leaves out what the request's uploads hold."""
    model = params.get("model")
    if model is None and "model" not in params:
        model = _default_model(operation_id, content_type)
    if type(model) is not str:
        return None
    compiled = plan(operation_id, content_type, model, reading)
    if compiled is None or (lifecycle and not compiled.rules.live_on(as_of)) or not compiled.accepts(params):
        return None
    return compiled
