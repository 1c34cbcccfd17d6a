"""Model-aware validation of Images requests: the spec's schema first, then the models' dates and rules.

``check_request`` returns every problem as an ``Issue``; ``validate_request`` raises them
together as one ``ValidationError``. The client calls it before sending, the mock server on
every request it receives, and the contract suite to decide what a server must accept.
Image inputs are judged from their headers only (``openai_images.imageinfo``).

What depends on the date (which models OpenAI serves, which model an absent ``model`` means)
takes ``as_of``, today by default. Rules OpenAI's text leaves open are judged under a reading of
the rules table (``openai_images.rules``): the permissive one unless told otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from openai_images import fastcheck, imageinfo, spec
from openai_images.errors import Issue, ValidationError
from openai_images.rules import ModelRules, Reading, RuleTable, table
from openai_images.schema import check, coerce_form_value, is_file

# The multipart body's file fields. A JSON body names images by reference instead.
IMAGE_FIELD = "image"
MASK_FIELD = "mask"
MARKUP_FIELD = "markup"
IMAGES_FIELD = "images"


def _number(value: Any) -> float | None:
    """A numeric field's value (the schema check has refused any other), else None."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _given(params: Mapping[str, Any], name: str) -> bool:
    return params.get(name) is not None


def effective_model(
    operation_id: str,
    params: Mapping[str, Any],
    content_type: str | None = None,
    *,
    as_of: dt.date | None = None,
    reading: Reading = "permissive",
) -> str | None:
    """The model a request will run on: its ``model``, else the default the rules table knows for that
    date (createImage: dall-e-2 until it was retired), else the spec's; None when nobody says."""
    model = params.get("model")
    if model is not None:
        return model if isinstance(model, str) else None
    rules = table(reading)
    era_default = rules.default_model(operation_id, as_of or dt.date.today(), gpt_parameters=False)
    if era_default is not None:
        # "unless a parameter specific to the GPT image models is used": one the implied model takes and
        # the default does not (dall-e-3's style implies nothing).
        implied = rules.default_model(operation_id, as_of or dt.date.today(), gpt_parameters=True)
        default_rules, implied_rules = rules.models.get(era_default), rules.models.get(str(implied))
        specific = (implied_rules.parameters if implied_rules else frozenset()) - (
            default_rules.parameters if default_rules else frozenset()
        )
        if any(_given(params, name) for name in specific):
            return implied
        return era_default
    default = spec.default_of(operation_id, "model", content_type)
    return default if isinstance(default, str) else None


def check_request(
    operation_id: str,
    params: Mapping[str, Any],
    *,
    content_type: str | None = None,
    strict: bool = False,
    as_of: dt.date | None = None,
    lifecycle: bool = True,
    reading: Reading = "permissive",
) -> list[Issue]:
    """Every problem with a request body, as it would go on the wire (files as bytes or file objects).

    ``as_of`` (default: today) dates the request: with ``lifecycle``, a model OpenAI did not serve that
    day (retired, shut down, not yet released), and an operation none of whose models it served, are
    refused. A model the rules table does not know is checked against the schema only, unless ``strict``.
    ``reading`` picks the rules table's reading of what OpenAI's text leaves open.
    """
    operation = spec.operation(operation_id)
    content_type = content_type or operation.default_content_type
    if content_type not in operation.request_bodies:
        raise ValueError(f"{operation_id} takes no {content_type} body; it takes {list(operation.request_bodies)}")
    as_of = as_of or dt.date.today()
    fast = fastcheck.accepts(operation_id, params, content_type, as_of, lifecycle, reading)
    if fast is not None and not _file_issues(operation, content_type, params, fast.rules, reading):
        return []
    return detailed_issues(operation, params, content_type, strict, as_of, lifecycle, reading)


def detailed_issues(
    operation: spec.Operation,
    params: Mapping[str, Any],
    content_type: str,
    strict: bool,
    as_of: dt.date,
    lifecycle: bool,
    reading: Reading,
) -> list[Issue]:
    """check_request without its fast yes: the schema, the dates and every rule, each problem named."""
    operation_id = operation.operation_id
    body = operation.body_schema(content_type)
    properties = operation.properties(content_type)
    issues = check(body, params, "")
    if not properties.keys() >= params.keys():
        issues += [
            Issue(
                name, f"is not a parameter of {operation_id}", allowed=", ".join(properties), code="unknown_parameter"
            )
            for name in params
            if name not in properties
        ]
    all_rules = table(reading)
    model = effective_model(operation_id, params, content_type, as_of=as_of, reading=reading)
    if lifecycle:
        ended = lifecycle_issues(operation, content_type, model, all_rules, as_of)
        if ended:
            return [issue for issue in issues if issue.param != "model"] + ended
    rules = all_rules.models.get(model) if model else None
    if rules is None:
        if strict and model is not None:
            offered = operation.offered_models(content_type)
            issues.append(
                Issue(
                    "model",
                    "is not a model this package knows",
                    model,
                    allowed=", ".join(offered),
                    code="model_not_found",
                )
            )
        return issues
    schema_params = {issue.param.split(".")[0].split("[")[0] for issue in issues}
    for rule in RULES:
        found = rule(operation, content_type, params, rules, all_rules)
        if found:
            issues += [issue for issue in found if issue.param.split("[")[0] not in schema_params]
    return issues


def validate_request(
    operation_id: str,
    params: Mapping[str, Any],
    *,
    content_type: str | None = None,
    strict: bool = False,
    as_of: dt.date | None = None,
    lifecycle: bool = True,
    reading: Reading = "permissive",
) -> None:
    """Raise one ValidationError listing every problem, or return if there is none."""
    issues = check_request(
        operation_id,
        params,
        content_type=content_type,
        strict=strict,
        as_of=as_of,
        lifecycle=lifecycle,
        reading=reading,
    )
    if issues:
        raise ValidationError(issues, operation_id)


# --- the models' dates -------------------------------------------------------------------------------


def retired_operation(operation: spec.Operation, content_type: str, as_of: dt.date) -> str | None:
    """Why OpenAI no longer accepts any request of this operation on ``as_of``, or None if it does.

    An operation is closed once every model its spec offers has ended (the variations endpoint: its
    only model, dall-e-2, was retired on 2026-05-12)."""
    rules = table()
    offered = [rules.models.get(name) for name in operation.offered_models(content_type)]
    if not offered or any(model is None or model.live_on(as_of) for model in offered):
        return None
    ends = [model.ended for model in offered if model is not None and model.ended is not None]
    if len(ends) != len(offered):
        return None  # not ended: not yet arrived
    says = rules.operations.get(operation.operation_id, {}).get("retired_says", "")
    names = ", ".join(model.name for model in offered if model is not None)
    last = max(end.date for end in ends)
    return f"{says} Its models ({names}) were retired by {last.isoformat()}.".strip()


def lifecycle_issues(
    operation: spec.Operation, content_type: str, model: str | None, all_rules: RuleTable, as_of: dt.date
) -> list[Issue]:
    """The request's model (or its whole operation) was not served by OpenAI on ``as_of``."""
    closed = retired_operation(operation, content_type, as_of)
    if closed is not None:
        message = f"{operation.operation_id} is retired: {closed}"
        return [
            Issue("model", message, model, allowed="generate or edit with a GPT image model", code="model_not_found")
        ]
    rules = all_rules.models.get(model) if model else None
    if rules is None or rules.live_on(as_of):
        return []
    current = [name for name in operation.offered_models(content_type) if name in all_rules.catalogue(as_of)]
    allowed = ", ".join(current) or None
    if rules.ended is not None and rules.ended.confirmed and as_of >= rules.ended.date:
        end = rules.ended
        message = f"was {end.kind} on {end.date.isoformat()}: {end.advice()}"
        return [Issue("model", message, model, allowed=allowed, code="model_not_found")]
    arrived = rules.arrived.date.isoformat() if rules.arrived is not None and rules.arrived.date else "later"
    message = f"was not released yet on {as_of.isoformat()} (it arrived on {arrived})"
    return [Issue("model", message, model, allowed=allowed, code="model_not_found")]


# --- the rules, one small function each ----------------------------------------------------------

Rule = Callable[[spec.Operation, str, Mapping[str, Any], ModelRules, RuleTable], list[Issue]]


def model_offered(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    offered = operation.offered_models(content_type)
    if offered and rules.name not in offered:
        how = (
            "a JSON body" if content_type == spec.JSON and len(operation.request_bodies) > 1 else operation.operation_id
        )
        return [
            Issue("model", f"cannot be used for {how}", rules.name, allowed=", ".join(offered), code="invalid_model")
        ]
    return []


def prompt_length(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, all_rules: RuleTable
) -> list[Issue]:
    prompt = params.get("prompt")
    if not isinstance(prompt, str):
        return []
    if len(prompt) < all_rules.prompt_min_length:
        return [Issue("prompt", "must not be empty", model=rules.name)]
    if len(prompt) > rules.prompt_max_length:
        message = f"must be at most {rules.prompt_max_length} characters (got {len(prompt)})"
        return [Issue("prompt", message, model=rules.name, allowed=f"1..{rules.prompt_max_length} characters")]
    return []


def image_count(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    n = _number(params.get("n"))
    if n is not None and rules.max_n is not None and n > rules.max_n:
        return [Issue("n", f"must be at most {rules.max_n}", n, model=rules.name, allowed=f"1..{rules.max_n}")]
    return []


def size(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    value = params.get("size")
    if not isinstance(value, str):
        return []
    problem = rules.size_problem(value)
    return [Issue("size", problem, value, model=rules.name, allowed=rules.allowed_sizes())] if problem else []


def quality(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    value = params.get("quality")
    if isinstance(value, str) and value not in rules.qualities:
        allowed = ", ".join(rules.qualities)
        return [Issue("quality", "is not a quality this model offers", value, model=rules.name, allowed=allowed)]
    return []


def model_specific_parameters(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, all_rules: RuleTable
) -> list[Issue]:
    issues = []
    for name in params:
        if name in all_rules.model_specific_parameters and name not in rules.parameters and _given(params, name):
            takers = ", ".join(all_rules.models_taking(name))
            issues.append(
                Issue(
                    name,
                    "is not supported by this model",
                    None if is_file(params[name]) else params[name],
                    rules.name,
                    f"only with {takers}",
                    code="unsupported_parameter",
                )
            )
    return issues


def _output_format(operation: spec.Operation, content_type: str, params: Mapping[str, Any]) -> Any:
    if _given(params, "output_format"):
        return params["output_format"]
    return spec.default_of(operation.operation_id, "output_format", content_type)


def output_format(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    value = params.get("output_format")
    if not isinstance(value, str) or "output_format" not in rules.parameters or value in rules.output_formats:
        return []
    allowed = ", ".join(rules.output_formats)
    return [Issue("output_format", "is not a format this model makes", value, rules.name, allowed)]


def input_fidelity(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    value = params.get("input_fidelity")
    if not isinstance(value, str) or not rules.input_fidelity or value in rules.input_fidelity:
        return []
    allowed = ", ".join(rules.input_fidelity)
    return [Issue("input_fidelity", "is not a fidelity this model offers", value, rules.name, allowed)]


def format_parameters(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, all_rules: RuleTable
) -> list[Issue]:
    """frame_count with PNG, svg without SVG: a format's own parameters need that format."""
    chosen = _output_format(operation, content_type, params)
    issues = []
    for fmt in all_rules.formats.values():
        if fmt.name == chosen:
            continue
        for name in fmt.parameters:
            # A model that takes the parameter under no format is told so by model_specific_parameters.
            if _given(params, name) and name in rules.parameters:
                message = f"only applies to {fmt.name} output, not {chosen}"
                issues.append(Issue(name, message, params[name], rules.name, f"output_format {fmt.name}"))
    return issues


def format_limits(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, all_rules: RuleTable
) -> list[Issue]:
    """What GIF and SVG output refuse: streaming, partial images, masks, compression, n > 1 (SVG)."""
    chosen = _output_format(operation, content_type, params)
    fmt = all_rules.formats.get(str(chosen))
    if fmt is None or chosen not in rules.output_formats:
        return []
    issues = []
    for name in fmt.refuses:
        if fmt.in_use(name, params.get(name)):
            message = f"cannot be used with {fmt.name} output"
            issues.append(Issue(name, message, params[name], rules.name, f"leave {name} out with {fmt.name}"))
    n = _number(params.get("n"))
    if fmt.max_n is not None and n is not None and n > fmt.max_n:
        message = f"must be at most {fmt.max_n} for {fmt.name} output"
        issues.append(Issue("n", message, n, rules.name, f"1..{fmt.max_n}"))
    return issues


def output_compression(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, all_rules: RuleTable
) -> list[Issue]:
    value = _number(params.get("output_compression"))
    limits = rules.output_compression
    if value is None or limits is None or "output_compression" not in rules.parameters:
        return []
    issues = []
    if not limits.min <= value <= limits.max:
        issues.append(Issue("output_compression", "is out of range", value, rules.name, f"{limits.min}..{limits.max}"))
    output_format = _output_format(operation, content_type, params)
    fmt = all_rules.formats.get(str(output_format))
    if fmt is not None and "output_compression" in fmt.refuses:
        return issues  # format_limits says why
    if output_format not in limits.formats:
        message = f"only applies to {' or '.join(limits.formats)} output, not {output_format}"
        issues.append(Issue("output_compression", message, value, rules.name, "set output_format to jpeg or webp"))
    return issues


def transparent_background(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    if params.get("background") != "transparent" or "background" not in rules.parameters:
        return []
    output_format = _output_format(operation, content_type, params)
    if output_format in rules.transparent_formats:
        return []
    if not rules.transparent_formats:
        message = "transparent backgrounds are not available for this model"
        return [Issue("background", message, "transparent", rules.name, "opaque, auto")]
    allowed = f"output_format {' or '.join(rules.transparent_formats)}"
    message = f"transparent needs an output format with alpha, not {output_format}"
    return [Issue("background", message, "transparent", rules.name, allowed)]


def _payload(value: Any) -> Any:
    if isinstance(value, tuple):
        return value[1]
    return getattr(value, "payload", value)


def _inspect(value: Any, param: str, model: str) -> tuple[imageinfo.ImageInfo | None, list[Issue]]:
    if not is_file(value):
        return None, []  # the schema check has said what is wrong with it
    try:
        return imageinfo.inspect(_payload(value)), []
    except imageinfo.ImageInfoError as exc:
        return None, [Issue(param, f"is not a readable image: {exc}", model=model, code="invalid_image")]


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"


def input_images(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    field = IMAGES_FIELD if content_type == spec.JSON else IMAGE_FIELD
    value = params.get(field)
    if value is None or rules.images is None:
        return []
    images = value if isinstance(value, list) else [value]
    limits = rules.images
    issues = []
    if len(images) > limits.max_count:
        message = f"takes at most {limits.max_count} image{'s' if limits.max_count > 1 else ''} (got {len(images)})"
        issues.append(Issue(field, message, model=rules.name, allowed=f"1..{limits.max_count} images"))
    if content_type == spec.JSON:
        return issues  # references, not bytes: the server fetches them
    for index, image in enumerate(images):
        param = f"{field}[{index}]" if isinstance(value, list) else field
        info, problems = _inspect(image, param, rules.name)
        issues += problems
        if info is None:
            continue
        if info.format not in limits.formats:
            allowed = ", ".join(limits.formats)
            issues.append(
                Issue(
                    param,
                    "is not an image type this model takes",
                    info.format,
                    rules.name,
                    allowed,
                    "invalid_image_format",
                )
            )
        if info.size >= limits.max_bytes:
            message = f"must be less than {_megabytes(limits.max_bytes)} (is {_megabytes(info.size)})"
            issues.append(Issue(param, message, model=rules.name, code="image_too_large"))
        if limits.square and not info.is_square:
            message = f"must be square (is {info.width}x{info.height})"
            issues.append(Issue(param, message, model=rules.name))
    return issues


def mask(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, all_rules: RuleTable
) -> list[Issue]:
    value = params.get(MASK_FIELD)
    if value is None or content_type == spec.JSON:
        return []
    limits = all_rules.mask
    info, issues = _inspect(value, MASK_FIELD, rules.name)
    if info is None:
        return issues
    if info.format not in limits.formats:
        issues.append(Issue(MASK_FIELD, "must be a PNG", info.format, rules.name, ", ".join(limits.formats)))
    elif limits.needs_alpha and not info.has_alpha:
        issues.append(Issue(MASK_FIELD, "must have an alpha channel (transparent areas mark what to edit)"))
    if info.size >= limits.max_bytes:
        message = f"must be less than {_megabytes(limits.max_bytes)} (is {_megabytes(info.size)})"
        issues.append(Issue(MASK_FIELD, message, model=rules.name, code="image_too_large"))
    images = params.get(IMAGE_FIELD)
    first = images[0] if isinstance(images, list) and images else images
    if limits.same_size_as_first_image and first is not None:
        image, problems = _inspect(first, IMAGE_FIELD, rules.name)
        if image is None or problems:
            return issues  # reported by input_images
        if (image.width, image.height) != (info.width, info.height):
            message = f"must have the image's dimensions {image.width}x{image.height} (is {info.width}x{info.height})"
            issues.append(Issue(MASK_FIELD, message, model=rules.name))
    return issues


def _first_image(params: Mapping[str, Any], model: str) -> imageinfo.ImageInfo | None:
    images = params.get(IMAGE_FIELD)
    first = images[0] if isinstance(images, list) and images else images
    if first is None:
        return None
    image, problems = _inspect(first, IMAGE_FIELD, model)
    return None if problems else image  # input_images reports what is wrong with it


def markup(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, all_rules: RuleTable
) -> list[Issue]:
    value = params.get(MARKUP_FIELD)
    if value is None or content_type == spec.JSON or MARKUP_FIELD not in rules.parameters:
        return []  # model_specific_parameters says which models take it
    limits = all_rules.markup
    issues = [
        Issue(MARKUP_FIELD, f"cannot be combined with {other}", model=rules.name, allowed=f"markup or {other}")
        for other in limits.not_with
        if _given(params, other)
    ]
    info, problems = _inspect(value, MARKUP_FIELD, rules.name)
    issues += problems
    if info is None:
        return issues
    if info.format not in limits.formats:
        issues.append(Issue(MARKUP_FIELD, "must be a PNG", info.format, rules.name, ", ".join(limits.formats)))
    elif limits.needs_alpha and not info.has_alpha:
        issues.append(Issue(MARKUP_FIELD, "must have transparent pixels (it has no alpha channel)", model=rules.name))
    image = _first_image(params, rules.name) if limits.same_size_as_first_image else None
    if image is not None and image.oriented_size != info.oriented_size:
        width, height = image.oriented_size
        message = f"must have the first image's dimensions {width}x{height} (is {info.width}x{info.height})"
        issues.append(Issue(MARKUP_FIELD, message, model=rules.name))
    return issues


FILE_RULES: tuple[Rule, ...] = (input_images, mask)
"""What the fast yes leaves to be judged: the uploads, from their headers."""


def _file_issues(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, reading: Reading
) -> bool:
    if IMAGE_FIELD not in params and MASK_FIELD not in params:
        return False
    all_rules = table(reading)
    return any(rule(operation, content_type, params, rules, all_rules) for rule in FILE_RULES)


RULES: tuple[Rule, ...] = (
    model_offered,
    prompt_length,
    image_count,
    size,
    quality,
    model_specific_parameters,
    output_format,
    input_fidelity,
    format_parameters,
    format_limits,
    output_compression,
    transparent_background,
    input_images,
    mask,
    markup,
)


# --- for servers: a multipart form as request parameters -----------------------------------------


def form_params(
    operation_id: str, items: Iterable[tuple[str, Any]], content_type: str = spec.MULTIPART
) -> dict[str, Any]:
    """Multipart fields as the body they encode: text coerced to the schema's types, ``name[]`` and
    repeated array fields gathered into lists, ``name[key][sub]`` into objects (``svg[model]``, as the
    official SDK sends them). Fields the schema does not know are kept as they came, so that
    ``check_request`` names them."""
    properties = spec.operation(operation_id).properties(content_type)
    params: dict[str, Any] = {}
    for raw_name, value in items:
        path = _BRACKETS.fullmatch(raw_name)
        keys = (
            re.findall(r"\[([^\]]+)\]", path.group(2)) if path and path.group(2) and "[]" not in path.group(2) else []
        )
        if keys and path is not None and path.group(1) in properties:
            _place(params, path.group(1), keys, value, properties[path.group(1)])
            continue
        bracketed = raw_name.endswith("[]")
        name = raw_name[:-2] if bracketed else raw_name
        schema = properties.get(name)
        converted = coerce_form_value(schema, value) if schema is not None else value
        if name not in params:
            params[name] = [converted] if bracketed else converted
        elif isinstance(params[name], list) and (bracketed or _is_array(schema)):
            params[name].append(converted)
        else:
            # A scalar field sent twice becomes a list, which the schema check then refuses: a
            # server must not silently pick one of two `model` values.
            params[name] = [params[name], converted]
    return params


_BRACKETS = re.compile(r"([^\[\]]+)((?:\[[^\]]*\])*)")


def _member_schema(schema: spec.Schema | None, key: str) -> spec.Schema | None:
    """The schema of an object schema's (or one of its anyOf/oneOf branches') property ``key``."""
    if schema is None:
        return None
    schema = spec.resolve(schema)
    if key in schema.get("properties", {}):
        member: spec.Schema = schema["properties"][key]
        return member
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())):
        found = _member_schema(branch, key)
        if found is not None:
            return found
    return None


def _place(params: dict[str, Any], name: str, keys: list[str], value: Any, schema: spec.Schema) -> None:
    """Put ``svg[reasoning][effort]=low`` into params as ``{"svg": {"reasoning": {"effort": "low"}}}``."""
    node = params.setdefault(name, {})
    if not isinstance(node, dict):
        params[name] = [node, value]  # the same field sent as text and as an object: the schema refuses it
        return
    for key in keys[:-1]:
        schema = _member_schema(schema, key) or {}
        child = node.setdefault(key, {})
        if not isinstance(child, dict):
            return
        node = child
    leaf = _member_schema(schema, keys[-1])
    converted = coerce_form_value(leaf, value) if leaf is not None else value
    node[keys[-1]] = [node[keys[-1]], converted] if keys[-1] in node else converted


def _is_array(schema: spec.Schema | None) -> bool:
    if schema is None:
        return False
    schema = spec.resolve(schema)
    if schema.get("type") == "array":
        return True
    return any(_is_array(branch) for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())))
