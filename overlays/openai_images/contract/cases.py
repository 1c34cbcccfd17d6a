"""Drawing the requests the suite sends: how many of each kind, per operation and body type, for the claimed models.

Four kinds, each from its own hypothesis strategy, seeded so that ``--seed`` draws the same requests:

- ``valid``: a valid combination for a claimed model served on the day judged (``inputs.valid_request``),
  real images;
- ``near-miss``: one valid under every reading of the rules, with one thing changed so that it
  breaks one rule, or one valid for a claimed retired model on its last day (``inputs.near_miss``);
- ``schema``: schemathesis's positive data (schema-valid, blind to the model rules), its binary
  fields given real images of a kind the request's model takes;
- ``negative``: schemathesis's negative data (schema-invalid bodies).

An operation none of whose claimed models is served on the day (variations, since 2026-05-12) gets
a quarter of its requests, near misses in place of valid ones: each must be refused. A request whose
model the server does not claim, or that was not released yet on the day, is never sent: a drawn one
is moved to a claimed model the operation offers.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import random
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as seeded
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.transport.serialization import Binary

from openai_images import spec
from openai_images.contract import inputs
from openai_images.rules import table
from openai_images.validation import effective_model

KINDS = ("valid", "near-miss", "schema", "negative")
SHARES = {"valid": 0.5, "near-miss": 0.2, "schema": 0.15, "negative": 0.15}
SCHEMATHESIS_ATTEMPTS = 3
"""How many seeds a batch of schemathesis's data is tried with before its failure to draw stops the run."""
CLOSED_SHARE = 0.25
"""The share of its requests an operation gets when none of its claimed models is served on the day: each is
refused alike, naming the model."""


@dataclass(frozen=True)
class Drawn:
    """One request to send: its body as drawn, and the schemathesis case the built-in checks judge it by."""

    operation_id: str
    content_type: str
    kind: str
    body: Any
    case: schemathesis.Case[Any]


@dataclass(frozen=True)
class Target:
    """An operation and request body type on the day judged, with the claimed models it offers."""

    operation_id: str
    content_type: str
    models: tuple[str, ...]
    """Those served on ``as_of``: valid requests are drawn for them."""
    as_of: dt.date
    retired: tuple[str, ...] = ()
    """Those that had ended by ``as_of``: requests for them must be refused."""

    @property
    def claimed(self) -> tuple[str, ...]:
        return (*self.models, *self.retired)


@functools.cache
def load_schema(content_type: str) -> Any:
    """The shipped spec as schemathesis sees it for one request body type.

    Each operation keeps only its ``content_type`` body (schemathesis 4 draws a case's body from any
    of an operation's bodies, whatever media type is asked for), and that body is closed to unknown
    fields, as the API is (the shared validator refuses them): so schemathesis's positive data
    differs from a valid request by the model rules alone, and its negative data includes unknown
    fields. Security parameters are left out: the suite sends the key itself.
    """
    document = copy.deepcopy(spec.document())
    for item in document["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "requestBody" not in operation:
                continue
            content = operation["requestBody"].get("content", {})
            if content_type not in content:
                del operation["requestBody"]
                continue
            operation["requestBody"]["content"] = {content_type: content[content_type]}
            _close(document, content[content_type].get("schema", {}))
    schema = schemathesis.openapi.from_dict(document, config=schemathesis.Config())
    schema.config.generation.update(with_security_parameters=False)
    return schema


def _close(document: dict[str, Any], schema: dict[str, Any]) -> None:
    """Forbid properties the body schema (followed through its references) does not list."""
    while "$ref" in schema:
        node: Any = document
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    if "properties" in schema:
        schema["additionalProperties"] = False


def targets(operation_ids: Collection[str], models: Collection[str], as_of: dt.date) -> tuple[list[Target], list[str]]:
    """The (operation, body type) pairs to test on ``as_of``, and a note for each one left out because the
    server claims none of the models it offers (that were released by then)."""
    chosen, skipped = [], []
    rules = table()
    for operation_id in operation_ids:
        for content_type in spec.operation(operation_id).request_bodies:
            offered = [model.name for model in inputs.offered_models(operation_id, content_type)]
            claimed = [name for name in offered if name in models]
            served = tuple(name for name in claimed if rules.models[name].live_on(as_of))
            retired = tuple(name for name in claimed if rules.models[name].ended_by(as_of))
            if served or retired:
                chosen.append(Target(operation_id, content_type, served, as_of, retired))
            else:
                skipped.append(f"{operation_id} ({content_type}): the server claims none of {', '.join(offered)}")
    return chosen, skipped


def split(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` shared out in proportion to ``weights`` (largest remainders), every share at least 1 when it can be."""
    exact = [total * weight / sum(weights) for weight in weights]
    shares = [int(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda index: shares[index] - exact[index])
    for index in by_remainder[: total - sum(shares)]:
        shares[index] += 1
    for index, share in enumerate(shares):
        if share == 0 and total >= len(weights):
            donor = max(range(len(shares)), key=shares.__getitem__)
            shares[donor] -= 1
            shares[index] = 1
    return shares


def draw(chosen: Sequence[Target], max_examples: int, seed: int) -> list[Drawn]:
    """``max_examples`` requests per operation, split evenly between its body types, then by kind."""
    return list(drawing(chosen, max_examples, seed))


def drawing(chosen: Sequence[Target], max_examples: int, seed: int) -> Iterator[Drawn]:
    """``draw``, one batch (a body type's requests of one kind) at a time, so that sending can start at once."""
    for target, kind, share in _plan(chosen, max_examples):
        strategy = _strategy(load_schema(target.content_type), target, kind)
        batch_seed = _seed_for(seed, target, kind)
        for attempt in range(SCHEMATHESIS_ATTEMPTS if kind in ("schema", "negative") else 1):
            try:
                found = _examples(strategy, share, batch_seed)
            except ValueError:
                # schemathesis 4.32 can fail to draw a negative form whose schema it negated whole, as it
                # validates the draw's file placeholders ("Unsupported type: 'Binary'"): draw it again.
                if attempt == SCHEMATHESIS_ATTEMPTS - 1:
                    raise
                batch_seed = random.Random(batch_seed).getrandbits(64)
            else:
                yield from found
                break


def planned(chosen: Sequence[Target], max_examples: int) -> int:
    """How many requests ``draw`` makes (at most: a kind with few possible bodies may give fewer)."""
    return sum(share for _, _, share in _plan(chosen, max_examples))


def _plan(chosen: Sequence[Target], max_examples: int) -> Iterator[tuple[Target, str, int]]:
    per_operation: dict[str, list[Target]] = {}
    for target in chosen:
        per_operation.setdefault(target.operation_id, []).append(target)
    for operation_targets in per_operation.values():
        for target, count in zip(operation_targets, split(max_examples, [1.0] * len(operation_targets)), strict=True):
            sent = count if target.models else max(len(KINDS) - 1, round(count * CLOSED_SHARE))
            shares = dict(zip(KINDS, split(sent, [SHARES[kind] for kind in KINDS]), strict=True))
            if not target.models:  # nothing is served: what would be valid requests are near misses
                shares["near-miss"] += shares.pop("valid")
            for kind, share in shares.items():
                if share:
                    yield target, kind, share


def _seed_for(seed: int, target: Target, kind: str) -> int:
    return random.Random(f"{seed}:{target.operation_id}:{target.content_type}:{kind}").getrandbits(64)


def _examples(strategy: st.SearchStrategy[Drawn], count: int, seed: int) -> list[Drawn]:
    found: list[Drawn] = []

    # Generation only: nothing is sent here and nothing fails, so there is nothing to shrink or replay.
    @seeded(seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: Drawn) -> None:
        found.append(value)

    collect()
    return found[:count]


def _strategy(schema: Any, target: Target, kind: str) -> st.SearchStrategy[Drawn]:
    operation_id, content_type = target.operation_id, target.content_type
    operation = schema.find_operation_by_id(operation_id)

    def ours(body: dict[str, Any]) -> Drawn:
        case = schema.make_case(operation=operation, body=body, media_type=content_type)
        return Drawn(operation_id, content_type, kind, body, case)

    if kind == "valid":
        return inputs.valid_request(operation_id, content_type, target.models, target.as_of).map(ours)
    if kind == "near-miss":
        return inputs.near_miss(operation_id, content_type, target.models, target.as_of, target.retired).map(ours)
    mode = GenerationMode.POSITIVE if kind == "schema" else GenerationMode.NEGATIVE
    cases: st.SearchStrategy[schemathesis.Case[Any]] = operation.as_strategy(generation_mode=mode)
    if content_type == spec.MULTIPART:
        # A form is a set of named fields: a body that is not an object cannot be sent as one.
        cases = cases.filter(lambda case: isinstance(case.body, dict))
    return cases.flatmap(lambda case: _sendable(target, kind, mode, case))


def _sendable(
    target: Target, kind: str, mode: GenerationMode, case: schemathesis.Case[Any]
) -> st.SearchStrategy[Drawn]:
    """A schemathesis case made sendable to this server: a claimed model, and real images where it put placeholders."""
    body = case.body
    if not isinstance(body, dict):
        return st.just(Drawn(target.operation_id, target.content_type, kind, body, case))
    bodies = st.just(dict(body))
    model = effective_model(target.operation_id, body, target.content_type, as_of=target.as_of)
    if model in table().models and model not in target.claimed:
        bodies = st.sampled_from(target.claimed).map(lambda claimed: {**body, "model": claimed})
    if mode == GenerationMode.POSITIVE and target.content_type == spec.MULTIPART:
        bodies = bodies.flatmap(lambda drawn: _with_images(target, drawn))
    return bodies.map(lambda drawn: Drawn(target.operation_id, target.content_type, kind, drawn, case))


def _with_images(target: Target, body: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """``body`` with schemathesis's placeholder files (a 1x1 PNG) replaced by uploads its model takes."""
    placeholders = [name for name in ("image", "mask", "markup") if _is_placeholder(body.get(name))]
    model = effective_model(target.operation_id, body, target.content_type, as_of=target.as_of)
    rules = table().models.get(str(model))
    if not placeholders or rules is None:
        return st.just(body)
    masked, marked = "mask" in placeholders, "markup" in placeholders and "mask" not in placeholders
    uploads = inputs.uploads(rules, target.operation_id, target.content_type, masked=masked, marked=marked)
    return uploads.map(lambda files: {**body, **{name: files.get(name, body[name]) for name in placeholders}})


def _is_placeholder(value: Any) -> bool:
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, Binary) for item in value)
    return isinstance(value, Binary)
