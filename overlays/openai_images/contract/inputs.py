"""Request bodies that reach a server's logic, derived from the rules table and the spec: valid ones, near misses.

For every model an operation offers, ``candidates`` lists the values each field can validly take,
and uploads are real PNG/JPEG/WebP pictures of the kinds the model takes (with a markup, for the
models that take one). ``valid_requests`` enumerates the combinations exhaustively (the tests'
no-false-alarm sweep); ``valid_request`` draws one at random for the models served on a day, and
``near_miss`` one valid under every reading of the rules with a single thing changed that every
reading refuses, or a request valid for a retired model on its last day (hypothesis strategies,
for the contract suite).
Multipart bodies hold files as ``bytes``; JSON edits name their images by data URL, so that a
server never needs the network to accept them.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import io
import itertools
import random
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st
from PIL import Image

from openai_images import imageinfo, spec
from openai_images.contract import readings
from openai_images.rules import CustomSize, ModelRules, parse_size, table
from openai_images.validation import effective_model

ABSENT = object()
"""A field left out of the request."""
INTERACTING = ("size", "quality", "n", "output_format", "output_compression", "background")
"""Fields whose validity depends on each other or on the model: the exhaustive sweep crosses them in full."""
FORMAT_BOUND = ("output_format", "n", "stream", "partial_images", "frame_count", "frame_duration_ms", "svg")
"""Fields an output format takes or refuses (GIF's frames, SVG's author): crossed in full among themselves."""
FILE_FIELDS = ("image", "mask", "images", "markup")
IDENTIFIERS = ("safety_identifier", "user")
"""Who the end user is: the answer reports the effective one (safety_identifier if not empty, else user)."""
CASES = [
    ("createImage", spec.JSON),
    ("createImageEdit", spec.MULTIPART),
    ("createImageEdit", spec.JSON),
    ("createImageVariation", spec.MULTIPART),
]
"""Every (operation, request body type) of the spec."""

SQUARE_SIDES = (64, 128, 256)
OBLONG_SIZES = ((96, 64), (192, 128), (128, 256))
IMAGE_FORMATS = ("png", "jpeg", "webp")
PROMPTS = (
    "A white cat sitting on the roof of a red car",
    "A lighthouse on a cliff at dusk, watercolor",
    "Add a small red hat",
    "An isometric city block made of paper, soft light",
)
_PILLOW_NAMES = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}


# --- images ------------------------------------------------------------------------------------------


@functools.cache
def picture(fmt: str, width: int, height: int, *, alpha: bool = False) -> bytes:
    """A real, decodable ``fmt`` image: a background with a block in it (RGBA when ``alpha``)."""
    mode = "RGBA" if alpha and fmt != "jpeg" else "RGB"
    image = Image.new(mode, (width, height), (40, 90, 160, 255)[: len(mode)])
    image.paste((230, 190, 40, 255)[: len(mode)], (width // 4, height // 4, width * 3 // 4, height * 3 // 4))
    buffer = io.BytesIO()
    image.save(buffer, format=_PILLOW_NAMES[fmt])
    return buffer.getvalue()


@functools.cache
def mask(width: int, height: int, *, alpha: bool = True) -> bytes:
    """A PNG mask of the given size: its left half fully transparent (the area to edit) when ``alpha``."""
    if not alpha:
        return picture("png", width, height)
    image = Image.new("RGBA", (width, height), (0, 0, 0, 255))
    image.paste((0, 0, 0, 0), (0, 0, width // 2, height))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def data_url(content: bytes, fmt: str = "png") -> str:
    return f"data:image/{fmt};base64,{base64.b64encode(content).decode()}"


def long_prompt(length: int) -> str:
    """A prompt of exactly ``length`` characters."""
    text = " ".join(PROMPTS) + " "
    return (text * (length // len(text) + 1))[:length]


# --- what each model takes ---------------------------------------------------------------------------


def offered_models(operation_id: str, content_type: str) -> list[ModelRules]:
    names = spec.enum_values(spec.operation(operation_id).properties(content_type)["model"])
    return [table().models[name] for name in names if name in table().models]


def candidates(operation_id: str, content_type: str, name: str, rules: ModelRules) -> list[Any]:
    """Every value a field can validly take for this model, plus leaving it out."""
    schema = spec.resolve(spec.operation(operation_id).properties(content_type)[name])
    if name in table().model_specific_parameters and name not in rules.parameters:
        return [ABSENT]
    listed = [value for value in spec.enum_values(schema) if value is not None]
    if name == "size":
        sizes = [size for size in rules.sizes if not listed or size in listed or rules.custom_size]
        if rules.custom_size and "string" in str(schema):
            sizes += ["1536x864", "3840x2160", "2160x3840", "768x2304"]
        return [ABSENT, *[size for size in sizes if not _strict_enum(schema) or size in listed]]
    if name == "quality":
        return [ABSENT, *[quality for quality in rules.qualities if quality in listed]]
    if name == "n":
        return [ABSENT, *sorted({1, min(2, rules.max_n or 10), rules.max_n or 10})]
    if name == "output_compression":
        assert rules.output_compression is not None
        return [ABSENT, rules.output_compression.min, rules.output_compression.max]
    if name == "partial_images":
        return [ABSENT, 0, 3]
    if name == "output_format":
        return [ABSENT, *[fmt for fmt in rules.output_formats if fmt in listed]]
    if name == "input_fidelity":
        return [ABSENT, *rules.input_fidelity]
    if name == "frame_count":
        return [ABSENT, 2, 16]
    if name == "frame_duration_ms":
        return [ABSENT, 10, 1000]
    if name == "svg":
        return [ABSENT, _svg_options(operation_id, content_type)]
    if name in IDENTIFIERS:
        # Empty: "If omitted, null, or empty, the API uses `user`" (the answer echoes the effective one).
        return [ABSENT, "", f"{name}-1234"]
    if listed:
        return [ABSENT, *listed]
    if "boolean" in str(schema):
        return [ABSENT, True, False]
    return [ABSENT]


def _strict_enum(schema: Any) -> bool:
    branches = schema.get("anyOf", [schema])
    return not any(spec.resolve(branch) == {"type": "string"} for branch in branches)


def _svg_options(operation_id: str, content_type: str) -> dict[str, Any]:
    """An ``svg`` object with every field its schema has: an author model and an effort."""
    schema = spec.resolve(spec.operation(operation_id).properties(content_type)["svg"])
    options = next(spec.resolve(b) for b in schema.get("anyOf", [schema]) if "properties" in spec.resolve(b))
    reasoning = next(
        spec.resolve(b) for b in options["properties"]["reasoning"]["anyOf"] if "properties" in spec.resolve(b)
    )
    effort = spec.enum_values(reasoning["properties"]["effort"])[0]
    return {"model": "gpt-5.5", "reasoning": {"effort": effort}}


def cross_field_valid(params: Mapping[str, Any], rules: ModelRules) -> bool:
    output_format = params.get("output_format", "png")
    compression = rules.output_compression
    formats = table().formats
    for fmt in formats.values():
        if fmt.name != output_format and any(name in params for name in fmt.parameters):
            return False  # frame_count without GIF, svg without SVG
    chosen = formats.get(output_format)
    if chosen is not None:
        if any(chosen.in_use(name, params.get(name)) for name in chosen.refuses):
            return False
        if chosen.max_n is not None and params.get("n", 1) > chosen.max_n:
            return False
        if "output_compression" in chosen.refuses and "output_compression" in params:
            return False
    if "output_compression" in params and compression and output_format not in compression.formats:
        return False
    if "markup" in params and any(params.get(other) is not None for other in table().markup.not_with):
        return False
    return params.get("background") != "transparent" or output_format in rules.transparent_formats


def _settings_fields(operation_id: str, content_type: str) -> list[str]:
    properties = spec.operation(operation_id).properties(content_type)
    return [name for name in properties if name not in (*FILE_FIELDS, "model", "prompt")]


# --- the exhaustive sweep ----------------------------------------------------------------------------


def image_sets(rules: ModelRules, with_mask: bool, with_markup: bool = False) -> Iterator[dict[str, Any]]:
    """Every kind of upload the model takes: each format, square or not, one image or the most, with a mask
    (or, for the models that take one, a markup)."""
    assert rules.images is not None
    limits = rules.images
    sizes = [(64, 64)] if limits.square else [(64, 64), (96, 64)]
    for fmt, (width, height) in itertools.product(limits.formats, sizes):
        image = picture(fmt, width, height)
        with_it = {"mask": mask(width, height)} if with_mask else {}
        yield {"image": image}
        if with_mask:
            yield {"image": image, **with_it}
        if with_markup and "markup" in rules.parameters:
            yield {"image": image, "markup": mask(width, height)}
        if limits.max_count > 1:
            yield {"image": [image] * limits.max_count, **with_it}


def _base(operation_id: str, content_type: str, rules: ModelRules) -> dict[str, Any]:
    properties = spec.operation(operation_id).properties(content_type)
    base: dict[str, Any] = {"model": rules.name}
    if "prompt" in properties:
        base["prompt"] = "p"
    if content_type == spec.JSON and "images" in properties:
        base["images"] = [{"image_url": data_url(picture("png", 64, 64))}]
    return base


def valid_requests(operation_id: str, content_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(model, body) for every valid combination: the interacting fields crossed in full, the others
    among themselves, and every kind of upload on its own."""
    properties = spec.operation(operation_id).properties(content_type)
    fields = _settings_fields(operation_id, content_type)
    interacting = [name for name in fields if name in INTERACTING]
    format_bound = [name for name in fields if name in FORMAT_BOUND]
    independent = [name for name in fields if name not in (*INTERACTING, *FORMAT_BOUND)]
    for rules in offered_models(operation_id, content_type):
        base = _base(operation_id, content_type, rules)
        uploads = image_sets(rules, "mask" in properties, "markup" in properties)
        inputs = list(uploads) if "image" in properties else [{}]
        for files in inputs[1:]:
            yield rules.name, {**base, **files}
        for group in (interacting, format_bound, independent):
            choices = [candidates(operation_id, content_type, name, rules) for name in group]
            for values in itertools.product(*choices):
                chosen = {k: v for k, v in zip(group, values, strict=True) if v is not ABSENT}
                params = {**base, **inputs[0], **chosen}
                if cross_field_valid(params, rules):
                    yield rules.name, params


# --- drawn at random: the contract suite's inputs ---------------------------------------------------

# Each request is built from one hypothesis draw, a seeded random generator (and a piece of arbitrary
# text for prompts), rather than from a tree of strategies: building a request this way costs a tenth
# as much, and every combination of candidates is as much a boundary as any other, so hypothesis's
# preference for each list's first value would only skew the draw.
_ARBITRARY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=80)
_ATTEMPTS = 100
MOST_PIXELS = 16 * 1024 * 1024
"""The most pixels one drawn request asks for in all (n images of its size, each frame of a GIF): n reaches
its maximum and the size its largest, but not in the same request, whose only news would be how slow the
server is."""
MARKED = 0.5
"""The share of drawn edits, for a model that takes a markup and without a mask, that carry one."""
RETIRED = 0.25
"""The share of near misses, where the server claims retired models, that ask for one of them."""


@dataclass(frozen=True)
class Draw:
    """What one request is built from."""

    random: random.Random
    text: str
    """Arbitrary text, for the prompts that are not ordinary ones."""


def _drawn(build: Callable[[Draw], dict[str, Any] | None]) -> st.SearchStrategy[dict[str, Any]]:
    def built(seed: int, text: str) -> dict[str, Any]:
        # A plain generator: hypothesis's own records every call, which costs more than building the request.
        params = build(Draw(random.Random(seed), text))
        assume(params is not None)  # nothing fitting was found in _ATTEMPTS tries: hypothesis draws again
        assert params is not None
        return params

    return st.builds(built, st.integers(min_value=0, max_value=2**64 - 1), _ARBITRARY_TEXT)


def prompt(draw: Draw, rules: ModelRules) -> str:
    """Mostly ordinary prompts, some arbitrary text, and one in ten exactly as long as the model allows."""
    chance = draw.random.random()
    if chance < 0.1:
        return long_prompt(rules.prompt_max_length)
    return draw.text if chance < 0.3 else draw.random.choice(PROMPTS)


def _files(
    draw: Draw,
    rules: ModelRules,
    operation_id: str,
    content_type: str,
    masked: bool | None = None,
    marked: bool | None = None,
) -> dict[str, Any]:
    properties = spec.operation(operation_id).properties(content_type)
    limits = rules.images
    if limits is None or not ({"image", "images"} & set(properties)):
        return {}
    chance = draw.random
    count = 1 if chance.random() < 0.5 else chance.randint(1, limits.max_count)
    sizes = [(side, side) for side in SQUARE_SIDES] + ([] if limits.square else list(OBLONG_SIZES))
    chosen = [(chance.choice(limits.formats), chance.choice(sizes)) for _ in range(count)]
    if "mask" not in properties:
        masked = False
    elif masked is None:
        masked = chance.random() < 0.5
    if "markup" not in properties or "markup" not in rules.parameters or masked:
        marked = False
    elif marked is None:
        marked = chance.random() < MARKED
    images = [picture(fmt, *size) for fmt, size in chosen]
    first = chosen[0][1]
    if content_type == spec.JSON:
        refs = [{"image_url": data_url(image, fmt)} for image, (fmt, _) in zip(images, chosen, strict=True)]
        return {"images": refs, **({"mask": {"image_url": data_url(mask(*first))}} if masked else {})}
    sent: Any = images if len(images) > 1 else images[0]
    # A markup is drawn on transparency, like a mask's: the mask's picture has the transparent pixels it needs.
    return {"image": sent, **({"mask": mask(*first)} if masked else {}), **({"markup": mask(*first)} if marked else {})}


def uploads(
    rules: ModelRules,
    operation_id: str,
    content_type: str,
    *,
    masked: bool | None = None,
    marked: bool | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """The file fields of a valid request for this model: images it takes, a mask matching the first (always,
    never, or when ``masked`` is None, sometimes) and likewise a markup, never with a mask."""
    return _drawn(lambda draw: _files(draw, rules, operation_id, content_type, masked, marked))


def valid_request(
    operation_id: str, content_type: str, models: Collection[str], as_of: dt.date
) -> st.SearchStrategy[dict[str, Any]]:
    """A valid body for one of ``models`` (those the operation offers), every field drawn from its candidates.

    The model is left out only when the operation's default for the request on ``as_of`` is that same model.
    """
    served = _served(operation_id, content_type, models)
    return _drawn(lambda draw: _valid(draw, operation_id, content_type, draw.random.choice(served), as_of))


def _served(operation_id: str, content_type: str, models: Collection[str]) -> list[ModelRules]:
    return [rules for rules in offered_models(operation_id, content_type) if rules.name in models]


def _valid(
    draw: Draw, operation_id: str, content_type: str, rules: ModelRules, as_of: dt.date | None
) -> dict[str, Any] | None:
    """A valid body for the model; without its ``model`` half the time where that is the default on ``as_of``
    (None: always with it)."""
    properties = spec.operation(operation_id).properties(content_type)
    choices = _choices(operation_id, content_type, rules)
    for _ in range(_ATTEMPTS):
        chosen = {name: draw.random.choice(values) for name, values in choices}
        params = {"model": rules.name, **_files(draw, rules, operation_id, content_type)}
        params.update((name, value) for name, value in chosen.items() if value is not ABSENT)
        _fit_format(params)
        if "prompt" in properties:
            params["prompt"] = prompt(draw, rules)
        if not cross_field_valid(params, rules) or _pixels(params, rules) > MOST_PIXELS:
            continue
        without = {name: value for name, value in params.items() if name != "model"}
        if (
            as_of is not None
            and draw.random.random() < 0.5
            and effective_model(operation_id, without, content_type, as_of=as_of) == rules.name
        ):
            return without
        return params
    return None


def _fit_format(params: dict[str, Any]) -> None:
    """Leave out what the drawn output format does not go with (another format's own parameters, what it
    refuses, an ``n`` past its limit): drawn at random, they would rarely all fit, and the draw start over."""
    formats = table().formats
    chosen = formats.get(str(params.get("output_format")))
    for fmt in formats.values():
        if fmt is not chosen:
            for name in fmt.parameters:
                params.pop(name, None)
    if chosen is None:
        return
    for name in chosen.refuses:
        if chosen.in_use(name, params.get(name)):
            del params[name]
    if chosen.max_n is not None and params.get("n", 1) > chosen.max_n:
        del params["n"]


def _pixels(params: Mapping[str, Any], rules: ModelRules) -> int:
    size = params.get("size")
    width, height = rules.resolve_size(size if isinstance(size, str) and parse_size(size) else None)
    frames = 1
    animated = table().formats.get(str(params.get("output_format")))
    if animated is not None and "frame_count" in animated.defaults:
        frames = int(params.get("frame_count") or animated.defaults["frame_count"])
    return width * height * int(params.get("n") or 1) * frames


@functools.cache
def _choices(operation_id: str, content_type: str, rules: ModelRules) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    return tuple(
        (name, tuple(candidates(operation_id, content_type, name, rules)))
        for name in _settings_fields(operation_id, content_type)
    )


def last_day(rules: ModelRules) -> dt.date:
    """The last day OpenAI served a model that has ended."""
    assert rules.ended is not None
    return rules.ended.date - dt.timedelta(days=1)


def retired_request(
    draw: Draw, operation_id: str, content_type: str, retired: Collection[str]
) -> dict[str, Any] | None:
    """A body valid for one of the ``retired`` models on its last day, naming it: on a later day, its one fault
    is the model."""
    offered = _served(operation_id, content_type, retired)
    return _valid(draw, operation_id, content_type, draw.random.choice(offered), None) if offered else None


def near_miss(
    operation_id: str,
    content_type: str,
    models: Collection[str],
    as_of: dt.date,
    retired: Collection[str] = (),
) -> st.SearchStrategy[dict[str, Any]]:
    """A body valid under every reading of the rules on ``as_of`` with one thing changed so that every reading
    refuses it: a value only other models take, one past a limit, an upload the model does not take, a
    mismatched mask, a format's forbidden companion... So the change is the one fault, and a server must
    name it. Where the server claims ``retired`` models (and always where it serves none of ``models``), some
    are a request valid for a retired model on its last day."""
    served = _served(operation_id, content_type, models)
    ended = _served(operation_id, content_type, retired)

    def build(draw: Draw) -> dict[str, Any] | None:
        if ended and (not served or draw.random.random() < RETIRED):
            return retired_request(draw, operation_id, content_type, retired)
        for _ in range(_ATTEMPTS):
            base = _valid(draw, operation_id, content_type, draw.random.choice(served), as_of)
            if base is None or not readings.judge(operation_id, base, content_type, as_of).accepted:
                continue
            # Each rule as likely to be broken as any other: a kind of change (the fields it sets), then one.
            kinds: dict[frozenset[str], list[dict[str, Any]]] = {}
            for one in misses(operation_id, content_type, base, models, as_of):
                kinds.setdefault(frozenset(one), []).append(one)
            change = draw.random.choice(draw.random.choice(list(kinds.values())))
            changed = _alone({**base, **change}, change, operation_id, content_type, as_of)
            if changed is not None:
                return changed
        return None

    return _drawn(build)


def _alone(
    changed: dict[str, Any], change: Mapping[str, Any], operation_id: str, content_type: str, as_of: dt.date
) -> dict[str, Any] | None:
    """``changed`` refused under every reading for the ``change`` alone where it can be: without the fields of
    the base that the change puts at fault too (a GIF's compression, an SVG's n); None if it is not refused."""
    verdict = readings.judge(operation_id, changed, content_type, as_of)
    if not verdict.refused:
        return None
    also = {readings.top_level(issue.param) for issue in verdict.issues[readings.PERMISSIVE]} - set(change)
    trimmed = {name: value for name, value in changed.items() if name not in also}
    if also and trimmed != changed and readings.judge(operation_id, trimmed, content_type, as_of).refused:
        return trimmed
    return changed


def misses(
    operation_id: str, content_type: str, params: Mapping[str, Any], models: Collection[str], as_of: dt.date
) -> list[dict[str, Any]]:
    """Changes that each break one rule for the request's model (some may happen to be valid: the caller filters)."""
    operation = spec.operation(operation_id)
    properties = operation.properties(content_type)
    rules = table().models[str(effective_model(operation_id, params, content_type, as_of=as_of))]
    offered = offered_models(operation_id, content_type)
    changes: list[dict[str, Any]] = []
    for name in _settings_fields(operation_id, content_type):
        mine = candidates(operation_id, content_type, name, rules)
        for other in offered:
            changes += [
                {name: value}
                for value in candidates(operation_id, content_type, name, other)
                if value is not ABSENT and value not in mine and {name: value} not in changes
            ]
    if "n" in properties:
        changes.append({"n": (rules.max_n or 10) + 1})
    if "prompt" in properties:
        changes.append({"prompt": long_prompt(rules.prompt_max_length + 1)})
    names = {model.name for model in offered}
    changes += [{"model": name} for name in sorted(models) if name in table().models and name not in names]
    if rules.output_compression is not None and "output_compression" in rules.parameters:
        changes.append({"output_format": "png", "output_compression": 50})
    if "background" in rules.parameters and "output_format" in rules.parameters:
        changes.append({"background": "transparent", "output_format": "jpeg"})
    if rules.custom_size is not None and "size" in properties:
        changes += [{"size": size} for size in _custom_size_misses(rules.custom_size)]
    changes += _format_misses(operation_id, content_type, rules, params)
    return changes + _upload_misses(rules, content_type, properties, params)


def _custom_size_misses(custom: CustomSize) -> list[str]:
    """Sizes just outside a model's custom sizes: a side off the multiple, past the largest, too oblong."""
    step = custom.multiple_of
    oblong = int(custom.max_aspect) + 1
    return [
        f"{step * 64 + 1}x{step * 64}",
        f"{custom.max_long_edge + step}x{custom.max_short_edge}",
        f"{step * 16 * oblong}x{step * 16}",
    ]


def _format_misses(
    operation_id: str, content_type: str, rules: ModelRules, params: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """What each output format the model makes refuses beside it (a GIF stream, SVG with n=2...), and its own
    parameters with another format (frame_count with PNG)."""
    properties = spec.operation(operation_id).properties(content_type)
    formats = table().formats
    plain = next((fmt for fmt in rules.output_formats if fmt not in formats), None)
    changes: list[dict[str, Any]] = []
    for fmt in formats.values():
        if fmt.name not in rules.output_formats or "output_format" not in properties:
            continue
        for name, how in fmt.refuses.items():
            value = _using(name, how, content_type, params)
            if name in properties and value is not None:
                changes.append({"output_format": fmt.name, name: value})
        if fmt.max_n is not None and "n" in properties:
            changes.append({"output_format": fmt.name, "n": fmt.max_n + 1})
        for name in fmt.parameters:
            if plain is None or name not in properties:
                continue
            values = [value for value in candidates(operation_id, content_type, name, rules) if value is not ABSENT]
            if values:
                changes.append({"output_format": plain, name: values[-1]})
    return changes


def _using(name: str, how: str, content_type: str, params: Mapping[str, Any]) -> Any:
    """A value of ``name`` that uses it, as a format's ``refuses`` counts use; None when there is none to draw."""
    if how == "true":
        return True
    if how == "positive":
        return 2
    if name == "mask":
        size = _first_size(content_type, params)
        if size is None:
            return None
        return {"image_url": data_url(mask(*size))} if content_type == spec.JSON else mask(*size)
    if name == "output_compression":
        return 50
    return None


def _first_size(content_type: str, params: Mapping[str, Any]) -> tuple[int, int] | None:
    """The dimensions of a request's first image (None when it has none the suite made)."""
    content: Any = None
    if content_type == spec.JSON:
        images = params.get("images")
        first = images[0].get("image_url", "") if isinstance(images, list) and images else ""
        content = base64.b64decode(first.partition(",")[2]) if first.startswith("data:") else None
    else:
        image = params.get("image")
        content = image[0] if isinstance(image, list) and image else image
    if not isinstance(content, bytes):
        return None
    info = imageinfo.inspect(content)
    return info.width, info.height


def _upload_misses(
    rules: ModelRules, content_type: str, properties: Mapping[str, Any], params: Mapping[str, Any]
) -> list[dict[str, Any]]:
    limits = rules.images
    if limits is None:
        return []
    if content_type == spec.JSON:
        if "images" not in properties:
            return []
        return [{"images": [{"image_url": data_url(picture("png", 64, 64))}] * (limits.max_count + 1)}]
    square = picture(limits.formats[0], 256, 256)
    changes: list[dict[str, Any]] = [{"image": [square] * (limits.max_count + 1)}]
    changes += [{"image": picture(fmt, 256, 256)} for fmt in IMAGE_FORMATS if fmt not in limits.formats]
    if limits.square:
        changes.append({"image": picture(limits.formats[0], 384, 256)})
    if "mask" in properties:
        changes.append({"image": square, "mask": mask(512, 512)})
        changes.append({"image": square, "mask": mask(256, 256, alpha=False)})
    if "markup" in properties:
        size = _first_size(content_type, params) or (256, 256)
        # Beside a mask; another size than the image's; without transparency (each also for a model that takes none).
        changes.append({"markup": mask(*size), "mask": mask(*size)})
        changes.append({"markup": mask(size[0] * 2, size[1])})
        changes.append({"markup": picture("png", *size)})
    return changes
