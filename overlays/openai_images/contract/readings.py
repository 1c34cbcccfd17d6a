"""Rules that OpenAI's prose lets a server read two ways, and what each reading says of one request.

The rules table names these rules (its ``[[ambiguous]]`` entries) and serves itself under each reading:
``judge`` asks the shared validator once per reading, the permissive one (the client's) and the strict
one, on the day the suite judges. A request is accepted under every reading, refused under every
reading (and which fields are at fault under each), or ambiguous: accepted by one reading and refused
by the other. The verdict then names the entries it turns on, each with the fields its strict reading
finds at fault, found by reading that entry alone strictly. A server may follow either reading of an
ambiguous rule; the suite notes which, and never fails it for that.

One entry is about no key of a model's rules: "absent-model", a createImage request without a
``model`` on a day the table knows no default for (since dall-e-2 was retired). The server may pick a
model (then the request is judged as it would be on each model served that day: accepted if some
model takes it, and a refusal may name whatever one of them refuses), or refuse it, naming ``model``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openai_images import spec
from openai_images.errors import Issue
from openai_images.rules import Ambiguity, Reading, RuleTable, table, table_choosing
from openai_images.validation import RULES, check_request, effective_model

PERMISSIVE: Reading = "permissive"
"""The reading the client validates with: it never refuses what some reading allows."""
STRICT: Reading = "strict"
"""The reading that refuses whatever some reading refuses."""
READINGS: tuple[Reading, ...] = (PERMISSIVE, STRICT)
ABSENT_MODEL = "absent-model"
"""The ambiguous entry about a request without a model, on a day no default model is known for."""


@dataclass(frozen=True)
class Involved:
    """An ambiguous entry of the rules table that a verdict turns on."""

    entry: Ambiguity
    faulty: frozenset[str]
    """The fields its strict reading finds at fault in the request."""

    @property
    def name(self) -> str:
        return self.entry.id

    def reading(self, reading: str) -> str:
        """The entry's own name for one of the suite's readings (``"strict"`` -> ``"listed-only"``)."""
        return self.entry.choice[reading]

    def followed(self, reading: str) -> str:
        """What a server following ``reading`` of this entry does, in a few words, with the question."""
        return f"{self.entry.id} ({self.entry.question}): the server follows the {self.reading(reading)!r} reading"


@dataclass(frozen=True)
class Verdict:
    """What every reading of the rules says of one request, on one day."""

    as_of: dt.date
    """The day judged: which models were served, and which model a request without one runs on."""
    issues: Mapping[str, list[Issue]]
    """The problems each reading finds, by reading name (the permissive one is the shared validator's)."""
    ambiguities: tuple[Involved, ...] = ()
    """The ambiguous entries whose readings differ on this request."""
    also_faulty: frozenset[str] = frozenset()
    """Fields a refusal may name beside those the readings find at fault (without a model: ``model``, and
    whatever a model the server may pick finds at fault)."""

    @property
    def accepted(self) -> bool:
        """Valid under every reading."""
        return not any(self.issues.values())

    @property
    def refused(self) -> bool:
        """Invalid under every reading."""
        return all(self.issues.values())

    @property
    def ambiguous(self) -> bool:
        return not self.accepted and not self.refused

    def readings_accepting(self) -> list[str]:
        return [reading for reading, issues in self.issues.items() if not issues]

    def faulty(self, readings: tuple[str, ...] = READINGS) -> set[str]:
        """The top-level fields some of these readings find at fault ("" when the body as a whole is)."""
        found = {top_level(issue.param) for reading in readings for issue in self.issues.get(reading, [])}
        return found | self.also_faulty

    def all_issues(self) -> list[Issue]:
        """Every reading's issues, each once, the permissive reading's first."""
        return _distinct(issue for issues in self.issues.values() for issue in issues)


def judge(operation_id: str, params: Any, content_type: str, as_of: dt.date) -> Verdict:
    """What the rules say, on ``as_of``, of a request body as the server reads it, under each reading."""
    if not isinstance(params, Mapping):
        issue = Issue("", "the body must be a JSON object", params, code="invalid_json")
        return Verdict(as_of, {reading: [issue] for reading in READINGS})
    issues: dict[str, list[Issue]] = {
        reading: check_request(
            operation_id, params, content_type=content_type, strict=True, as_of=as_of, reading=reading
        )
        for reading in READINGS
    }
    if _without_model(operation_id, params, content_type, as_of):
        return _absent_model(operation_id, params, content_type, as_of, issues[PERMISSIVE])
    if issues[PERMISSIVE] or not issues[STRICT]:
        return Verdict(as_of, issues)  # every reading agrees (what more the strict one finds changes nothing)
    return Verdict(as_of, issues, _involved(operation_id, params, content_type, as_of, issues[STRICT]))


def _involved(
    operation_id: str, params: Mapping[str, Any], content_type: str, as_of: dt.date, strict: list[Issue]
) -> tuple[Involved, ...]:
    """The entries that, read strictly on their own, refuse a request the permissive reading accepts."""
    model = effective_model(operation_id, params, content_type, as_of=as_of)
    candidates = [
        entry
        for entry in table().ambiguities
        if model in entry.models and entry.choice[PERMISSIVE] != entry.choice[STRICT]
    ]
    found = []
    for entry in candidates:
        alone = table_choosing(frozenset({(entry.id, entry.choice[STRICT])}))
        faulty = frozenset(
            top_level(issue.param) for issue in _rule_issues(operation_id, params, content_type, alone, model)
        )
        if faulty:
            found.append(Involved(entry, faulty))
    if not found:  # only several entries read strictly together refuse it: each may be the one
        together = frozenset(top_level(issue.param) for issue in strict)
        found = [Involved(entry, together) for entry in candidates]
    return tuple(found)


def _rule_issues(
    operation_id: str, params: Mapping[str, Any], content_type: str, rules: RuleTable, model: Any
) -> list[Issue]:
    """The per-model rules' problems with a (schema-valid, dated) request under one table."""
    operation = spec.operation(operation_id)
    found = rules.models.get(str(model))
    if found is None:
        return []
    return [issue for rule in RULES for issue in rule(operation, content_type, params, found, rules)]


def _without_model(operation_id: str, params: Mapping[str, Any], content_type: str, as_of: dt.date) -> bool:
    properties = spec.operation(operation_id).properties(content_type)
    if params.get("model") is not None or "model" not in properties:
        return False
    return effective_model(operation_id, params, content_type, as_of=as_of) is None


def _absent_model(
    operation_id: str, params: Mapping[str, Any], content_type: str, as_of: dt.date, unmodelled: list[Issue]
) -> Verdict:
    """The "absent-model" entry's readings: the server picks a model served that day, or refuses."""
    entry = table().ambiguity(ABSENT_MODEL)
    live = [
        name for name in spec.operation(operation_id).offered_models(content_type) if name in table().catalogue(as_of)
    ]
    picks = {
        name: {
            reading: check_request(
                operation_id,
                {**params, "model": name},
                content_type=content_type,
                strict=True,
                as_of=as_of,
                reading=reading,
            )
            for reading in READINGS
        }
        for name in live
    }
    some_model_takes_it = any(not picked[PERMISSIVE] for picked in picks.values())
    at_fault = {"model"} | {
        top_level(issue.param) for picked in picks.values() for issues in picked.values() for issue in issues
    }
    message = f"is required: no model is the default on {as_of.isoformat()}"
    required = Issue("model", message, allowed=", ".join(live), code="missing_required_parameter")
    picked = _distinct(issue for issues in picks.values() for issue in issues[PERMISSIVE]) or [required]
    # The permissive reading ("server-picks"): refused only when no model served that day takes it.
    issues: dict[str, list[Issue]] = {
        PERMISSIVE: [] if some_model_takes_it else picked,
        STRICT: [*unmodelled, required],
    }
    involved = (Involved(entry, frozenset({"model"})),) if some_model_takes_it else ()
    return Verdict(as_of, issues, involved, frozenset(at_fault))


def _distinct(issues: Any) -> list[Issue]:
    found: list[Issue] = []
    for issue in issues:
        if issue not in found:
            found.append(issue)
    return found


def top_level(param: str) -> str:
    """The body field a parameter path starts with: ``images[0].file_id`` -> ``images``."""
    return param.split("[", maxsplit=1)[0].split(".", maxsplit=1)[0]
