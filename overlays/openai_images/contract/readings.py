"""Rules that OpenAI's prose lets a server read two ways, and what each reading says of one request.

The suite asks one question of a request: ``judge`` says whether it is accepted under every reading
of the rules, refused under every reading (and which fields are at fault under each), or ambiguous:
accepted by one reading and refused by another. A server may follow either reading of an ambiguous
rule; the suite notes which, and never fails it for that.

Until the rules table names its ambiguous rules and ``openai_images.rules`` serves the table under
each reading, the ambiguities known here are spelled out below: ``SIZE_AUTO`` (issue 13 names it)
and ``IMPLIED_MODEL`` (found by the independent reference server in tests/).
Everything else in the suite goes through ``judge``: re-pointing it at the table's readings (each
reading's issues from the shared validator run on that reading's table) changes nothing elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from openai_images import spec
from openai_images.errors import Issue
from openai_images.rules import table
from openai_images.validation import check_request, effective_model

PERMISSIVE = "permissive"
"""The reading the client validates with: it never refuses what some reading allows."""
STRICT = "strict"
"""The reading that refuses whatever some reading refuses."""
READINGS = (PERMISSIVE, STRICT)


@dataclass(frozen=True)
class Ambiguity:
    """One rule that reads two ways: what is in question, and what the strict reading adds to the permissive one."""

    name: str
    question: str
    readings: Mapping[str, str]
    """What each reading says, by reading name."""
    strict_issues: Callable[[str, Mapping[str, Any], str], list[Issue]]
    """(operation id, body, content type) -> what the strict reading refuses that the permissive one accepts."""


# CreateImageRequest.size (and the form edit's): "... `auto` is supported for models that allow automatic
# sizing. For `dall-e-2`, use one of `256x256`, `512x512`, or `1024x1024`. For `dall-e-3`, use one of
# `1024x1024`, `1792x1024`, or `1024x1792`." Yet `auto` is the field's default for every model.
_PROSE_SIZES_WITHOUT_AUTO = ("dall-e-2", "dall-e-3")


def _size_auto_issues(operation_id: str, params: Mapping[str, Any], content_type: str) -> list[Issue]:
    if params.get("size") != "auto":
        return []
    for model in _models_it_may_run_on(operation_id, params, content_type):
        rules = table().models.get(model)
        if rules is not None and rules.family in _PROSE_SIZES_WITHOUT_AUTO:
            listed = ", ".join(size for size in rules.sizes if size != "auto")
            return [Issue("size", "is not among the sizes the prose lists for this model", "auto", rules.name, listed)]
    return []


SIZE_AUTO = Ambiguity(
    name="size-auto",
    question="whether size 'auto' is valid for dall-e-2 and dall-e-3, whose prose lists their sizes without it",
    readings={
        PERMISSIVE: "'auto' is the field's default, so it is valid for every model and means the model's default size",
        STRICT: "only the sizes the prose lists for the model are valid",
    },
    strict_issues=_size_auto_issues,
)


# CreateImageRequest.model: "Defaults to `dall-e-2` unless a parameter specific to the GPT image models is
# used." The shared validator (validation.effective_model) runs a request on the GPT image model as soon as
# it uses any parameter dall-e-2 does not take, `style` (dall-e-3's) included; read as written, only the
# GPT image models' own parameters do that. Both readings refuse such a request (dall-e-2 takes no
# `style` either), but they judge its other fields against different models.
def _implied_model_issues(operation_id: str, params: Mapping[str, Any], content_type: str) -> list[Issue]:
    default = _default_model_too(operation_id, params, content_type)
    if default is None:
        return []
    return check_request(operation_id, {**params, "model": default}, content_type=content_type, strict=True)


def _default_model_too(operation_id: str, params: Mapping[str, Any], content_type: str) -> str | None:
    """The spec's default model, when the strict reading of IMPLIED_MODEL runs the request on it instead."""
    if params.get("model") is not None:
        return None
    rules = table()
    implied = rules.operations.get(operation_id, {}).get("model_when_gpt_parameters")
    default = spec.default_of(operation_id, "model", content_type)
    if not implied or effective_model(operation_id, params, content_type) != implied or default not in rules.models:
        return None
    gpt_only = rules.models[implied].parameters - rules.models[default].parameters
    if any(params.get(name) is not None for name in gpt_only):
        return None  # the prose's own case: a GPT image model's parameter picks the GPT image model
    return str(default)


def _models_it_may_run_on(operation_id: str, params: Mapping[str, Any], content_type: str) -> list[str]:
    model = effective_model(operation_id, params, content_type)
    found = [model] if isinstance(model, str) else []
    default = _default_model_too(operation_id, params, content_type)
    return [*found, default] if default else found


IMPLIED_MODEL = Ambiguity(
    name="implied-model",
    question="which model a request without `model` runs on when it uses a parameter of neither the default"
    " model nor only the GPT image models (such as `style`)",
    readings={
        PERMISSIVE: "the GPT image model, as for any parameter the default model does not take",
        STRICT: "the spec's default model: only the GPT image models' own parameters pick a GPT image model",
    },
    strict_issues=_implied_model_issues,
)
AMBIGUITIES = (SIZE_AUTO, IMPLIED_MODEL)


@dataclass(frozen=True)
class Verdict:
    """What every reading of the rules says of one request."""

    issues: Mapping[str, list[Issue]]
    """The problems each reading finds, by reading name (the permissive one is the shared validator's)."""
    ambiguities: tuple[Ambiguity, ...]
    """The ambiguous rules whose readings differ on this request."""

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
        return {top_level(issue.param) for reading in readings for issue in self.issues.get(reading, [])}

    def all_issues(self) -> list[Issue]:
        """Every reading's issues, each once, the permissive reading's first."""
        found: list[Issue] = []
        for issues in self.issues.values():
            found += [issue for issue in issues if issue not in found]
        return found


def judge(operation_id: str, params: Any, content_type: str) -> Verdict:
    """What the rules say of a request body as the server reads it, under each reading."""
    if not isinstance(params, Mapping):
        issue = Issue("", "the body must be a JSON object", params, code="invalid_json")
        return Verdict({reading: [issue] for reading in READINGS}, ())
    permissive = check_request(operation_id, params, content_type=content_type, strict=True)
    faulty = {top_level(issue.param) for issue in permissive}
    strict = list(permissive)
    involved = []
    for ambiguity in AMBIGUITIES:
        found = ambiguity.strict_issues(operation_id, params, content_type)
        added = [issue for issue in found if top_level(issue.param) not in faulty]
        if added:
            strict += added
            involved.append(ambiguity)
    return Verdict({PERMISSIVE: permissive, STRICT: strict}, tuple(involved))


def top_level(param: str) -> str:
    """The body field a parameter path starts with: ``images[0].file_id`` -> ``images``."""
    return param.split("[", maxsplit=1)[0].split(".", maxsplit=1)[0]
