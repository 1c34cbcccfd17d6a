"""Extract the Images part of upstream's OpenAPI document into the pinned ``openapi.yaml``.

Usage: ``python overlays/tools/update_spec.py SPEC [--out openapi.yaml] [--commit SHA]``
where SPEC is a path or an http(s) URL. The extract keeps the ``/images/*`` paths, every
schema they reach, ``ErrorResponse``/``Error``, the security schemes the operations use and
the servers, unmodified, and records where it came from under ``x-provenance``.

The output is deterministic: the same source gives the same bytes. Re-extracting a source whose
sha256 is already recorded keeps the recorded commit and extraction date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import re
import sys
import urllib.request
from pathlib import Path
from typing import Any

import yaml

UPSTREAM_REPOSITORY = "openai/openai-openapi"
PATH_PREFIX = "/images/"
ALWAYS_KEPT_SCHEMAS = ("ErrorResponse", "Error")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# raw.githubusercontent.com/<owner>/<repo>/<commit>/... and github.com/<owner>/<repo>/raw/<commit>/...
GITHUB_URL = re.compile(r"github(?:usercontent)?\.com/([^/]+/[^/]+)/(?:raw/|blob/)?([0-9a-f]{7,40})/")
COMMIT_IN_NAME = re.compile(r"openai-openapi-([0-9a-f]{7,40})\.ya?ml$")


class ExtractError(Exception):
    """The source cannot be turned into an Images extract; the message says why."""


def read_source(source: str) -> bytes:
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310 (scheme checked)
                data: bytes = response.read()
                return data
        except OSError as exc:
            raise ExtractError(f"cannot download {source}: {exc}") from exc
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read {source}: {exc.strerror or exc}") from exc


def parse_document(data: bytes, source: str) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        document = yaml.load(data, Loader=loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise ExtractError(f"{source} is not readable as YAML or JSON: {exc}") from exc
    if not isinstance(document, dict) or "openapi" not in document:
        raise ExtractError(f"{source} is not an OpenAPI document (no top-level 'openapi' key)")
    return document


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                found.add(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _component(document: dict[str, Any], ref: str) -> tuple[str, str]:
    parts = ref.split("/")
    if len(parts) != 4 or parts[0] != "#" or parts[1] != "components":
        raise ExtractError(f"unsupported reference {ref!r}: only local '#/components/...' references are handled")
    section, name = parts[2], parts[3]
    if name not in document.get("components", {}).get(section, {}):
        raise ExtractError(f"reference {ref!r} points at nothing in the source document")
    return section, name


def extract(document: dict[str, Any]) -> dict[str, Any]:
    paths = {p: item for p, item in (document.get("paths") or {}).items() if p.startswith(PATH_PREFIX)}
    if not paths:
        raise ExtractError(f"the document has no {PATH_PREFIX}* paths: it is not a spec with an Images API")

    components: dict[str, dict[str, Any]] = {}
    pending = set(_refs(paths))
    for name in ALWAYS_KEPT_SCHEMAS:
        if name in document.get("components", {}).get("schemas", {}):
            pending.add(f"#/components/schemas/{name}")
    done: set[str] = set()
    while pending:
        ref = pending.pop()
        if ref in done:
            continue
        done.add(ref)
        section, name = _component(document, ref)
        node = document["components"][section][name]
        components.setdefault(section, {})[name] = node
        pending |= _refs(node) - done

    schemes_used = sorted(
        {
            scheme
            for requirements in [document.get("security") or []]
            + [op.get("security") or [] for item in paths.values() for m, op in item.items() if m in HTTP_METHODS]
            for requirement in requirements
            for scheme in requirement
        }
    )
    all_schemes = document.get("components", {}).get("securitySchemes", {})
    if schemes_used:
        components["securitySchemes"] = {name: all_schemes[name] for name in schemes_used if name in all_schemes}

    tags_used = {
        tag for item in paths.values() for m, op in item.items() if m in HTTP_METHODS for tag in op.get("tags", [])
    }
    out: dict[str, Any] = {"openapi": document["openapi"], "info": document.get("info", {})}
    if "servers" in document:
        out["servers"] = document["servers"]
    if "security" in document:
        out["security"] = document["security"]
    tags = [tag for tag in document.get("tags", []) if tag.get("name") in tags_used]
    if tags:
        out["tags"] = tags
    out["paths"] = dict(sorted(paths.items()))
    out["components"] = {section: dict(sorted(items.items())) for section, items in sorted(components.items())}
    return out


def provenance(
    source: str,
    data: bytes,
    commit: str | None,
    previous: dict[str, Any] | None,
    today: dt.date,
    repository: str | None = None,
) -> dict[str, Any]:
    sha256 = hashlib.sha256(data).hexdigest()
    match = GITHUB_URL.search(source)
    if match:
        repository, commit = repository or match.group(1), commit or match.group(2)
    else:
        name_match = COMMIT_IN_NAME.search(source)
        if name_match:
            repository, commit = repository or UPSTREAM_REPOSITORY, commit or name_match.group(1)
        elif commit:
            # A local copy with its commit named (`make update-spec SPEC=path COMMIT=sha`): a commit of
            # upstream's repository, unless --repository says whose.
            repository = repository or UPSTREAM_REPOSITORY
    same_source = previous is not None and previous.get("sha256") == sha256
    if same_source and previous is not None:
        recorded = str(previous.get("commit", ""))
        if commit is None or recorded.startswith(commit):
            commit = recorded or commit
        repository = previous.get("repository", repository)
        extracted = str(previous.get("extracted"))
    else:
        extracted = today.isoformat()
    record: dict[str, Any] = {}
    if repository:
        record["repository"] = repository
    if commit:
        record["commit"] = commit
    is_url = source.startswith(("http://", "https://"))
    record["source"] = source if is_url else Path(source).name
    record["sha256"] = sha256
    record["extracted"] = extracted
    record["extractor"] = "overlays/tools/update_spec.py"
    return record


def dump(document: dict[str, Any]) -> str:
    text: str = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return text


def today_for_build() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def update(source: str, out: Path, commit: str | None = None, repository: str | None = None) -> dict[str, Any]:
    data = read_source(source)
    extract_doc = extract(parse_document(data, source))
    previous = None
    if out.exists():
        try:
            previous = (yaml.safe_load(out.read_text(encoding="utf-8")) or {}).get("x-provenance")
        except yaml.YAMLError:
            previous = None
    record = provenance(source, data, commit, previous, today_for_build(), repository)
    info_index = list(extract_doc).index("info") + 1
    items = list(extract_doc.items())
    items.insert(info_index, ("x-provenance", record))
    result = dict(items)
    out.write_text(dump(result), encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", help="path or http(s) URL of upstream's openapi.yaml")
    parser.add_argument("--out", type=Path, default=Path("openapi.yaml"), help="where to write the extract")
    parser.add_argument("--commit", help="upstream commit the source was taken from, when it cannot be inferred")
    parser.add_argument(
        "--repository", help=f"the repository of that commit, when it is not {UPSTREAM_REPOSITORY} (owner/name)"
    )
    args = parser.parse_args(argv)
    try:
        result = update(args.spec, args.out, args.commit, args.repository)
    except ExtractError as exc:
        print(f"update-spec: {exc}", file=sys.stderr)
        return 2
    record = result["x-provenance"]
    schemas = len(result["components"].get("schemas", {}))
    print(
        f"update-spec: wrote {args.out} ({len(result['paths'])} paths, {schemas} schemas) "
        f"from {record['source']} sha256 {record['sha256'][:12]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
