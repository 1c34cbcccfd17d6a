"""The per-model capability table (model_rules.toml), loaded into typed records.

The table holds only what OpenAI says in prose (and the models' dates); read it together with
``openai_images.spec``. Where the prose reads two ways, the table names the readings: ``table()``
is the table under the permissive reading of each (what the client validates with),
``table("strict")`` under the reading that refuses more, ``table("mock")`` under the mock's;
``table_choosing`` takes a reading of each rule apart (the contract suite asks which rule a verdict
turns on; a server of one's own may read the rules its own way).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

SIZE = re.compile(r"^([1-9][0-9]{0,5})x([1-9][0-9]{0,5})$")
Reading = Literal["permissive", "strict", "mock"]


def parse_size(size: str) -> tuple[int, int] | None:
    """``"1536x864"`` -> ``(1536, 864)``; None when it is not ``WIDTHxHEIGHT``."""
    match = SIZE.match(size)
    return (int(match.group(1)), int(match.group(2))) if match else None


@dataclass(frozen=True)
class ImageRules:
    """What an input image (edits, variations) must be."""

    max_count: int
    formats: tuple[str, ...]
    max_bytes: int
    square: bool


@dataclass(frozen=True)
class MaskRules:
    formats: tuple[str, ...]
    max_bytes: int
    needs_alpha: bool
    same_size_as_first_image: bool


@dataclass(frozen=True)
class MarkupRules:
    """What an edit's ``markup`` must be (which models take it: ``ModelRules.markup``)."""

    formats: tuple[str, ...]
    needs_alpha: bool
    same_size_as_first_image: bool
    not_with: tuple[str, ...]


@dataclass(frozen=True)
class FrameDuration:
    """How an animated format encodes a requested frame delay."""

    step_ms: int
    max_ms: int

    def encoded(self, requested_ms: int) -> int:
        """The delay the output carries: to the nearest step (halves up), at most ``max_ms``, never below 0."""
        steps = (max(0, requested_ms) * 2 + self.step_ms) // (2 * self.step_ms)
        return min(self.max_ms, steps * self.step_ms)


@dataclass(frozen=True)
class FormatRules:
    """An output format's own parameters, what it refuses, and its limits."""

    name: str
    parameters: tuple[str, ...]
    """Parameters taken only with this output format."""
    refuses: Mapping[str, str]
    """Parameter -> what counts as using it ("true", "positive", "given"), which this format refuses."""
    max_n: int | None
    defaults: Mapping[str, Any]
    frame_duration: FrameDuration | None = None

    def in_use(self, parameter: str, value: Any) -> bool:
        """Whether a request's value for a refused parameter uses it."""
        how = self.refuses.get(parameter)
        if value is None or how is None:
            return False
        if how == "true":
            return value is True
        if how == "positive":
            return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
        return True


@dataclass(frozen=True)
class CustomSize:
    """Arbitrary ``WIDTHxHEIGHT`` sizes a model accepts beyond its fixed list."""

    multiple_of: int
    min_aspect: float
    max_aspect: float
    max_long_edge: int
    max_short_edge: int

    def problem(self, width: int, height: int) -> str | None:
        if width % self.multiple_of or height % self.multiple_of:
            return f"width and height must both be multiples of {self.multiple_of}"
        if not self.min_aspect <= width / height <= self.max_aspect:
            return "the aspect ratio must be between 1:3 and 3:1"
        if max(width, height) > self.max_long_edge or min(width, height) > self.max_short_edge:
            return f"the largest size is {self.max_long_edge}x{self.max_short_edge}"
        return None

    def describe(self) -> str:
        return (
            f"or any WIDTHxHEIGHT with both multiples of {self.multiple_of}, aspect between 1:3 and 3:1,"
            f" at most {self.max_long_edge}x{self.max_short_edge}"
        )


@dataclass(frozen=True)
class Answers:
    """What the model's answers carry."""

    url: bool
    revised_prompt: bool
    usage: bool
    echoes_settings: bool
    safety_identifier: bool


@dataclass(frozen=True)
class UsageRules:
    """The output tokens one image bills: OpenAI's published figures, and our derivation for the rest."""

    published_model: str
    published: Mapping[str, Mapping[str, int]]
    """Quality -> size -> output tokens, as OpenAI published them for ``published_model``."""
    patch_side: Mapping[str, int]
    """Quality -> the side in pixels of the square patches an image is billed by (our derivation)."""

    def output_tokens(self, quality: str, width: int, height: int) -> int:
        """One ``width``x``height`` image at ``quality``: a token per patch, plus one per row of patches."""
        side = self.patch_side[quality]
        columns, rows = -(-width // side), -(-height // side)
        return (columns + 1) * rows


@dataclass(frozen=True)
class OutputCompression:
    min: int
    max: int
    formats: tuple[str, ...]


@dataclass(frozen=True)
class Arrival:
    """When a model arrived: a date, or None when nobody published one."""

    date: dt.date | None
    source: str
    confirmed: bool = True
    listed_by: dt.date | None = None
    """For an unknown arrival: the earliest date a source names the model (informational)."""


@dataclass(frozen=True)
class End:
    """When a model was retired or shut down, and what OpenAI says to use instead."""

    date: dt.date
    kind: str
    """OpenAI's word for it: "retired" or "shut down"."""
    source: str
    replacements: tuple[str, ...] = ()
    use_instead: str | None = None
    confirmed: bool = True

    def advice(self) -> str:
        if self.replacements:
            return "use " + " or ".join(self.replacements) + " instead"
        return f"use {self.use_instead or 'a current model'} instead"


@dataclass(frozen=True)
class ModelRules:
    name: str
    family: str
    prompt_max_length: int
    max_n: int | None
    sizes: tuple[str, ...]
    default_size: str
    custom_size: CustomSize | None
    qualities: tuple[str, ...]
    default_quality: str | None
    parameters: frozenset[str]
    """Every model-specific parameter this model takes (see RuleTable.model_specific_parameters)."""
    default_response_format: str | None
    output_compression: OutputCompression | None
    transparent_formats: tuple[str, ...]
    images: ImageRules | None
    answers: Answers
    output_formats: tuple[str, ...] = ()
    input_fidelity: tuple[str, ...] = ()
    markup: bool = False
    complexity: bool = False
    arrived: Arrival | None = None
    ended: End | None = None
    reported_end: End | None = None
    """An end a third party reports and OpenAI has not confirmed: shown, never enforced."""

    @property
    def is_gpt_image(self) -> bool:
        return self.family == "gpt-image"

    def size_problem(self, size: str) -> str | None:
        """Why this model cannot make images of ``size``, or None if it can."""
        if size in self.sizes:
            return None
        dimensions = parse_size(size)
        if self.custom_size is not None and dimensions is not None:
            return self.custom_size.problem(*dimensions)
        return "not a size this model makes"

    def allowed_sizes(self) -> str:
        listed = ", ".join(self.sizes)
        return f"{listed} {self.custom_size.describe()}" if self.custom_size else listed

    def resolve_size(self, size: str | None) -> tuple[int, int]:
        """The pixel size an answer has for a requested (valid) size; absent and ``auto`` -> the default."""
        chosen = self.default_size if size in (None, "auto") else size
        dimensions = parse_size(str(chosen))
        if dimensions is None:
            raise ValueError(f"{self.name}: {chosen!r} is not WIDTHxHEIGHT")
        return dimensions

    def live_on(self, as_of: dt.date) -> bool:
        """Whether OpenAI served this model on ``as_of``: arrived (or not known not to have), not ended.

        Arrival dates bound the catalogue even when only reported; an end counts only when confirmed."""
        arrived = self.arrived.date if self.arrived is not None else None
        if arrived is not None and as_of < arrived:
            return False
        return not self.ended_by(as_of)

    def ended_by(self, as_of: dt.date) -> bool:
        """Whether OpenAI had retired or shut this model down by ``as_of`` (an unconfirmed end does not count)."""
        return self.ended is not None and self.ended.confirmed and as_of >= self.ended.date


@dataclass(frozen=True)
class Ambiguity:
    """A rule OpenAI's text leaves open: the question, its readings, and which one each party takes."""

    id: str
    question: str
    models: tuple[str, ...]
    key: str | None
    readings: Mapping[str, str]
    """Reading name -> what it says (its source)."""
    choice: Mapping[str, str]
    """"permissive", "strict", "mock" -> reading name."""
    values: Mapping[str, Any]
    """Reading name -> how it changes ``key``: {"value": v} | {"adds": [...]} | {"removes": [...]}."""

    def apply(self, value: Any, reading: str) -> Any:
        change = self.values[reading]
        if "value" in change:
            return change["value"]
        items = list(value or ())
        if "adds" in change:
            items += [item for item in change["adds"] if item not in items]
        if "removes" in change:
            items = [item for item in items if item not in change["removes"]]
        return items


@dataclass(frozen=True)
class RuleTable:
    models: Mapping[str, ModelRules]
    mask: MaskRules
    markup: MarkupRules
    formats: Mapping[str, FormatRules]
    prompt_min_length: int
    operations: Mapping[str, Mapping[str, Any]]
    general_parameters: frozenset[str]
    ambiguities: tuple[Ambiguity, ...]
    cli_model: str
    usage: UsageRules
    reading: Reading = "permissive"

    @functools.cached_property
    def model_specific_parameters(self) -> frozenset[str]:
        """Parameters some model takes and others do not."""
        return frozenset().union(*(rules.parameters for rules in self.models.values()))

    def models_taking(self, parameter: str) -> list[str]:
        return [name for name, rules in self.models.items() if parameter in rules.parameters]

    def catalogue(self, as_of: dt.date) -> list[str]:
        """The models OpenAI served on ``as_of``, in the table's order."""
        return [name for name, rules in self.models.items() if rules.live_on(as_of)]

    def default_model(self, operation_id: str, as_of: dt.date, gpt_parameters: bool) -> str | None:
        """The model the table knows an operation used when none was given, on ``as_of`` (None: unknown)."""
        for era in self.operations.get(operation_id, {}).get("default_model", ()):
            if as_of < era["until"]:
                return str(era.get("model_when_gpt_parameters") if gpt_parameters else era["model"])
        return None

    def ambiguity(self, ambiguity_id: str) -> Ambiguity:
        return next(entry for entry in self.ambiguities if entry.id == ambiguity_id)


# --- loading ---------------------------------------------------------------------------------------


def _date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _images(raw: Mapping[str, Any] | None) -> ImageRules | None:
    if raw is None:
        return None
    return ImageRules(int(raw["max_count"]), tuple(raw["formats"]), int(raw["max_bytes"]), bool(raw["square"]))


def _end(raw: Mapping[str, Any] | None, *, reported: bool = False) -> End | None:
    if raw is None:
        return None
    return End(
        date=raw["date"],
        kind=str(raw.get("as", "shut down")),
        source=str(raw["source"]),
        replacements=tuple(raw.get("replacements", ())),
        use_instead=raw.get("use_instead"),
        confirmed=bool(raw.get("confirmed", not reported)),
    )


def _model(name: str, raw: Mapping[str, Any], formats: Mapping[str, FormatRules]) -> ModelRules:
    custom = raw.get("custom_size")
    compression = raw.get("output_compression")
    output_formats = tuple(raw.get("output_formats", ()))
    input_fidelity = tuple(raw.get("input_fidelity", ()))
    # The model-specific parameters it takes: its list, plus those its capabilities bring.
    parameters = set(raw.get("parameters", ()))
    parameters |= {"input_fidelity"} if input_fidelity else set()
    parameters |= {"complexity"} if raw.get("complexity") else set()
    parameters |= {"markup"} if raw.get("markup") else set()
    for fmt in output_formats:
        if fmt in formats:
            parameters |= set(formats[fmt].parameters)
    arrived = raw.get("arrived")
    return ModelRules(
        name=name,
        family=raw["family"],
        prompt_max_length=int(raw["prompt_max_length"]),
        max_n=raw.get("max_n"),
        sizes=tuple(raw["sizes"]),
        default_size=raw["default_size"],
        custom_size=CustomSize(**custom) if custom else None,
        qualities=tuple(raw["qualities"]),
        default_quality=raw.get("default_quality"),
        parameters=frozenset(parameters),
        default_response_format=raw.get("default_response_format"),
        output_compression=OutputCompression(compression["min"], compression["max"], tuple(compression["formats"]))
        if compression
        else None,
        transparent_formats=tuple(raw.get("transparent_formats", ())),
        images=_images(raw.get("images")),
        answers=Answers(**raw["answers"]),
        output_formats=output_formats,
        input_fidelity=input_fidelity,
        markup=bool(raw.get("markup", False)),
        complexity=bool(raw.get("complexity", False)),
        arrived=Arrival(
            _date(arrived["date"]),
            str(arrived["source"]),
            bool(arrived.get("confirmed", True)),
            arrived.get("listed_by"),
        )
        if arrived
        else None,
        ended=_end(raw.get("ended")),
        reported_end=_end(raw.get("reported_end"), reported=True),
    )


def _ambiguity(raw: Mapping[str, Any]) -> Ambiguity:
    readings = {reading["name"]: reading for reading in raw["readings"]}
    choice = {party: raw[party] for party in ("permissive", "strict", "mock")}
    unknown = set(choice.values()) - readings.keys()
    if unknown:
        raise ValueError(f"ambiguous entry {raw['id']!r} chooses readings it does not have: {sorted(unknown)}")
    return Ambiguity(
        id=raw["id"],
        question=raw["question"],
        models=tuple(raw.get("models", ())),
        key=raw.get("key"),
        readings={name: str(reading["says"]) for name, reading in readings.items()},
        choice=choice,
        values={
            name: {op: reading[op] for op in ("value", "adds", "removes") if op in reading}
            for name, reading in readings.items()
        },
    )


def _format(name: str, raw: Mapping[str, Any]) -> FormatRules:
    return FormatRules(
        name=name,
        parameters=tuple(raw.get("parameters", ())),
        refuses=dict(raw.get("refuses", {})),
        max_n=raw.get("max_n"),
        defaults=dict(raw.get("defaults", {})),
        frame_duration=FrameDuration(**raw["frame_duration"]) if "frame_duration" in raw else None,
    )


def _usage(raw: Mapping[str, Any]) -> UsageRules:
    published = raw["published"]
    sizes = published["sizes"]
    return UsageRules(
        published_model=str(published["model"]),
        published={
            quality: dict(zip(sizes, figures, strict=True))
            for quality, figures in published.items()
            if quality not in ("model", "sizes", "source")
        },
        patch_side={quality: int(side) for quality, side in raw["patch_side"].items()},
    )


def load(text: str, reading: Reading = "permissive", choices: Mapping[str, str] | None = None) -> RuleTable:
    """The table in ``text`` under ``reading``, except for the ambiguous entries ``choices`` maps (entry id
    -> the name of the reading to take)."""
    data = tomllib.loads(text)
    families = data["families"]
    ambiguities = tuple(_ambiguity(entry) for entry in data.get("ambiguous", ()))
    chosen = dict(choices or {})
    for entry in ambiguities:
        if chosen.get(entry.id, entry.choice[reading]) not in entry.readings:
            raise ValueError(f"ambiguous entry {entry.id!r} has no reading {chosen[entry.id]!r}")
    unknown = chosen.keys() - {entry.id for entry in ambiguities}
    if unknown:
        raise ValueError(f"no ambiguous entries {sorted(unknown)}")
    formats = {name: _format(name, raw) for name, raw in data.get("formats", {}).items()}
    merged: dict[str, dict[str, Any]] = {}
    for name, entry in data["models"].items():
        merged[name] = {**families[entry["family"]], **entry}
    for entry in ambiguities:
        if entry.key is None:
            continue
        for name in entry.models:
            if name not in merged:
                raise ValueError(f"ambiguous entry {entry.id!r} names a model the table lacks: {name!r}")
            taken = chosen.get(entry.id, entry.choice[reading])
            merged[name][entry.key] = entry.apply(merged[name].get(entry.key), taken)
    models = {name: _model(name, raw, formats) for name, raw in merged.items()}
    mask, markup = data["mask"], data["markup"]
    return RuleTable(
        models=models,
        mask=MaskRules(
            tuple(mask["formats"]), int(mask["max_bytes"]), mask["needs_alpha"], mask["same_size_as_first_image"]
        ),
        markup=MarkupRules(
            tuple(markup["formats"]),
            bool(markup["needs_alpha"]),
            bool(markup["same_size_as_first_image"]),
            tuple(markup.get("not_with", ())),
        ),
        formats=formats,
        prompt_min_length=int(data["prompt"]["min_length"]),
        operations=data.get("operations", {}),
        general_parameters=frozenset(data["parameters"]["general"]),
        ambiguities=ambiguities,
        cli_model=str(data["defaults"]["cli_model"]),
        usage=_usage(data["usage"]),
        reading=reading,
    )


@functools.cache
def table(reading: Reading = "permissive") -> RuleTable:
    """The table shipped with the package, under a reading of its ambiguous entries."""
    return load(_shipped(), reading)


@functools.cache
def table_choosing(choices: frozenset[tuple[str, str]], reading: Reading = "permissive") -> RuleTable:
    """The shipped table under ``reading``, but for the ambiguous entries ``choices`` names: (entry id,
    reading name) pairs."""
    return load(_shipped(), reading, dict(choices))


def _shipped() -> str:
    return resources.files("openai_images").joinpath("model_rules.toml").read_text(encoding="utf-8")
