"""Validate JSON against a schema of the shipped spec with jsonschema (the test's independent judge)."""

from __future__ import annotations

import functools
from typing import Any

from jsonschema import Draft202012Validator
from openai_images import spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


@functools.cache
def _registry() -> Registry:  # type: ignore[type-arg]
    return Registry().with_resource("urn:spec", Resource.from_contents(spec.document(), DRAFT202012))


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"urn:spec#/components/schemas/{name}"}, registry=_registry())


def errors(name: str, value: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(value)]
