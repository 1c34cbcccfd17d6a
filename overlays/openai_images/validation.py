"""Model-aware validation of Images requests: the spec's schema first, then the per-model rules.

``check_request`` returns every problem as an ``Issue``; ``validate_request`` raises them
together as one ``ValidationError``. The client calls it before sending, the mock server on
every request it receives, and the contract suite to decide what a server must accept.
Image inputs are judged from their headers only (``openai_images.imageinfo``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from openai_images import imageinfo, spec
from openai_images.errors import Issue, ValidationError
from openai_images.rules import ModelRules, RuleTable, table
from openai_images.schema import check, coerce_form_value, is_file

# The multipart body's file fields. A JSON body names images by reference instead.
IMAGE_FIELD = "image"
MASK_FIELD = "mask"
IMAGES_FIELD = "images"


def _number(value: Any) -> float | None:
    """A numeric field's value (the schema check has refused any other), else None."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _given(params: Mapping[str, Any], name: str) -> bool:
    return params.get(name) is not None


def effective_model(operation_id: str, params: Mapping[str, Any], content_type: str | None = None) -> str | None:
    """The model a request will run on: its ``model``, or the operation's default for it."""
    model = params.get("model")
    if model is not None:
        return model if isinstance(model, str) else None
    default = spec.default_of(operation_id, "model", content_type)
    rules = table()
    implied = rules.operations.get(operation_id, {}).get("model_when_gpt_parameters")
    default_rules = rules.models.get(default) if isinstance(default, str) else None
    if implied and default_rules is not None:
        specific = rules.model_specific_parameters - default_rules.parameters
        if any(_given(params, name) for name in specific):
            return str(implied)
    return default if isinstance(default, str) else None


def check_request(
    operation_id: str,
    params: Mapping[str, Any],
    *,
    content_type: str | None = None,
    strict: bool = False,
) -> list[Issue]:
    """Every problem with a request body, as it would go on the wire (files as bytes or file objects).

    A model the rules table does not know is checked against the schema only, unless ``strict``.
    """
    operation = spec.operation(operation_id)
    content_type = content_type or operation.default_content_type
    if content_type not in operation.request_bodies:
        raise ValueError(f"{operation_id} takes no {content_type} body; it takes {list(operation.request_bodies)}")
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
    model = effective_model(operation_id, params, content_type)
    rules = table().models.get(model) if model else None
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
    all_rules = table()
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
) -> None:
    """Raise one ValidationError listing every problem, or return if there is none."""
    issues = check_request(operation_id, params, content_type=content_type, strict=strict)
    if issues:
        raise ValidationError(issues, operation_id)


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
                    params[name],
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


def output_compression(
    operation: spec.Operation, content_type: str, params: Mapping[str, Any], rules: ModelRules, _: RuleTable
) -> list[Issue]:
    value = _number(params.get("output_compression"))
    limits = rules.output_compression
    if value is None or limits is None or "output_compression" not in rules.parameters:
        return []
    issues = []
    if not limits.min <= value <= limits.max:
        issues.append(Issue("output_compression", "is out of range", value, rules.name, f"{limits.min}..{limits.max}"))
    output_format = _output_format(operation, content_type, params)
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


RULES: tuple[Rule, ...] = (
    model_offered,
    prompt_length,
    image_count,
    size,
    quality,
    model_specific_parameters,
    output_compression,
    transparent_background,
    input_images,
    mask,
)


# --- for servers: a multipart form as request parameters -----------------------------------------


def form_params(
    operation_id: str, items: Iterable[tuple[str, Any]], content_type: str = spec.MULTIPART
) -> dict[str, Any]:
    """Multipart fields as the body they encode: text coerced to the schema's types, ``name[]`` and
    repeated array fields gathered into lists. Fields the schema does not know are kept as they
    came, so that ``check_request`` names them."""
    properties = spec.operation(operation_id).properties(content_type)
    params: dict[str, Any] = {}
    for raw_name, value in items:
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


def _is_array(schema: spec.Schema | None) -> bool:
    if schema is None:
        return False
    schema = spec.resolve(schema)
    if schema.get("type") == "array":
        return True
    return any(_is_array(branch) for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ())))
