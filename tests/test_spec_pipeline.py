"""The maintainer's path: pin upstream's spec, regenerate, prove the committed code matches."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "overlays" / "tools"
sys.path.insert(0, str(TOOLS))

import generate  # noqa: E402
import spec_overlay  # noqa: E402
import update_spec  # noqa: E402

OLD_UPSTREAM = ROOT / "tests" / "fixtures" / "openai-openapi-498c71d-reduced.yaml"
PINNED_COMMIT = "f85dbe223d40e1a31cba812ab2d755c7e98a92a3"


def refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        return {node["$ref"]} if "$ref" in node else set().union(*map(refs, node.values()))
    if isinstance(node, list):
        return set().union(*map(refs, node)) if node else set()
    return set()


def run_tool(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


# --- the pin ------------------------------------------------------------------------------------


def test_the_pinned_spec_records_where_it_came_from() -> None:
    provenance = yaml.safe_load((ROOT / "openapi.yaml").read_text())["x-provenance"]
    assert provenance.get("repository") == "openai/openai-openapi", (
        f"openapi.yaml's x-provenance names no upstream repository ({provenance!r}): re-pin with"
        " `make update-spec SPEC=<path or URL> COMMIT=<full sha>`"
    )
    assert provenance.get("commit") == PINNED_COMMIT, (
        f"openapi.yaml is now pinned at {provenance.get('commit')!r}, and this test at {PINNED_COMMIT!r}. If you"
        " re-pinned on purpose: set PINNED_COMMIT in tests/test_spec_pipeline.py to the new commit, run"
        " `make generate`, and review overlays/spec/live-api.overlay.yaml (its actions fail where upstream"
        " caught up: delete those)."
    )
    assert re.fullmatch(r"[0-9a-f]{64}", provenance["sha256"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(provenance["extracted"]))


def test_the_pinned_spec_is_the_images_operations_and_everything_they_reach() -> None:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    assert sorted(spec["paths"]) == ["/images/edits", "/images/generations", "/images/variations"]
    operations = sorted(op["operationId"] for item in spec["paths"].values() for op in item.values())
    assert operations == ["createImage", "createImageEdit", "createImageVariation"]
    schemas = spec["components"]["schemas"]
    assert {"ErrorResponse", "Error", "ImagesResponse", "ImageGenStreamEvent"} <= set(schemas)
    for ref in refs(spec):
        assert ref.split("/")[-1] in schemas, f"{ref} is referenced but not carried"
    assert spec["components"]["securitySchemes"] == {"ApiKeyAuth": {"type": "http", "scheme": "bearer"}}
    assert spec["servers"] == [{"url": "https://api.openai.com/v1"}]


# --- update-spec ----------------------------------------------------------------------------------


def test_extraction_is_deterministic(tmp_path: Path) -> None:
    out = tmp_path / "openapi.yaml"
    update_spec.update(str(OLD_UPSTREAM), out)
    first = out.read_bytes()
    out.unlink()
    update_spec.update(str(OLD_UPSTREAM), out)
    assert out.read_bytes() == first


def test_re_extracting_the_same_source_keeps_the_recorded_commit_and_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "openapi.yaml"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    update_spec.update(str(OLD_UPSTREAM), out, commit="498c71ddf6f1c45b983f972ccabca795da211a3e")
    first = out.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    update_spec.update(str(OLD_UPSTREAM), out)
    assert out.read_bytes() == first
    provenance = yaml.safe_load(first)["x-provenance"]
    assert provenance["commit"] == "498c71ddf6f1c45b983f972ccabca795da211a3e"
    assert provenance["extracted"] == "2023-11-14"
    assert provenance["source"] == OLD_UPSTREAM.name


def test_a_local_copy_pinned_with_a_commit_records_upstream_as_its_repository(tmp_path: Path) -> None:
    # The README's own example: make update-spec SPEC=path/to/openapi.yaml COMMIT=<sha>
    source = tmp_path / "openapi.yaml"
    source.write_bytes(OLD_UPSTREAM.read_bytes())
    result = run_tool(
        "overlays/tools/update_spec.py", str(source), "--out", str(tmp_path / "pinned.yaml"), "--commit", PINNED_COMMIT
    )
    assert result.returncode == 0, result.stderr
    provenance = yaml.safe_load((tmp_path / "pinned.yaml").read_text())["x-provenance"]
    assert (provenance["repository"], provenance["commit"]) == ("openai/openai-openapi", PINNED_COMMIT)


def test_the_repository_can_be_named_for_a_fork(tmp_path: Path) -> None:
    out = tmp_path / "pinned.yaml"
    update_spec.update(str(OLD_UPSTREAM), out, commit="abc1234", repository="someone/openai-openapi-fork")
    provenance = yaml.safe_load(out.read_text())["x-provenance"]
    assert (provenance["repository"], provenance["commit"]) == ("someone/openai-openapi-fork", "abc1234")


def test_the_commit_is_read_from_a_github_address() -> None:
    url = (
        "https://raw.githubusercontent.com/openai/openai-openapi/f85dbe223d40e1a31cba812ab2d755c7e98a92a3/openapi.yaml"
    )
    record = update_spec.provenance(url, b"spec", None, None, update_spec.dt.date(2026, 1, 2))
    assert (record["repository"], record["commit"], record["source"]) == ("openai/openai-openapi", PINNED_COMMIT, url)


def test_extraction_leaves_out_what_the_images_operations_do_not_reach(tmp_path: Path) -> None:
    result = update_spec.update(str(OLD_UPSTREAM), tmp_path / "openapi.yaml")
    assert "/models" not in result["paths"]
    assert "CreateCompletionRequest" not in result["components"]["schemas"]
    assert "ListModelsResponse" not in result["components"]["schemas"]
    assert "x-oaiMeta" not in result
    assert [tag["name"] for tag in result["tags"]] == ["Images"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("paths: [unclosed", "not readable as YAML or JSON"),
        ("just a string", "not an OpenAPI document"),
        ("openapi: 3.1.0\npaths:\n  /models: {}\n", "no /images/* paths"),
        (
            "openapi: 3.1.0\npaths:\n  /images/x:\n    post:\n"
            "      requestBody:\n        $ref: '#/components/schemas/Gone'\n",
            "points at nothing",
        ),
    ],
)
def test_update_spec_fails_clearly_on_unusable_input(tmp_path: Path, content: str | None, message: str) -> None:
    source = tmp_path / "upstream.yaml"
    if content is not None:
        source.write_text(content)
    out = tmp_path / "openapi.yaml"
    result = run_tool("overlays/tools/update_spec.py", str(source), "--out", str(out))
    assert result.returncode == 2
    assert message in result.stderr
    assert not out.exists(), "nothing is written when extraction fails"


# --- overlays and generation ----------------------------------------------------------------------


def test_an_overlay_action_that_no_longer_matches_fails_generation() -> None:
    overlay = {"overlay": "1.0.0", "actions": [{"target": "$.components.schemas.Gone.title", "remove": True}]}
    with pytest.raises(spec_overlay.OverlayError, match="selects nothing"):
        spec_overlay.apply({"components": {"schemas": {}}}, overlay, "test")


def test_overlay_targets_select_children_wildcards_and_descendants() -> None:
    document = {"paths": {"/a": {"post": {"responses": {"200": {}}}}, "/b": {"get": {"responses": {}}}}}
    overlay = {
        "overlay": "1.0.0",
        "actions": [
            {"target": "$.paths.*.*.responses", "update": {"4XX": {"description": "error"}}},
            {"target": "$..['200']", "remove": True},
        ],
    }
    result = spec_overlay.apply(document, overlay)
    assert result == {
        "paths": {
            "/a": {"post": {"responses": {"4XX": {"description": "error"}}}},
            "/b": {"get": {"responses": {"4XX": {"description": "error"}}}},
        }
    }
    assert document["paths"]["/a"]["post"]["responses"] == {"200": {}}, "the input is left alone"


LIVE_PATCH = ROOT / "overlays" / "spec" / "live-api.overlay.yaml"


def _pinned_with(change: Any, folder: Path) -> Path:
    """openapi.yaml as upstream might publish it next, changed by ``change(document)``."""
    document = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    change(document)
    path = folder / "upstream-next.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["components"]["schemas"]["CreateImageRequest"]["properties"].update(
                complexity={"type": "string", "enum": ["low", "medium", "high"]}
            ),
            "already has $.complexity",
        ),
        (
            lambda d: d["components"]["schemas"]["CreateImageRequest"]["properties"]["quality"]["enum"].append("xhigh"),
            "already has $.enum item 'xhigh'",
        ),
        (
            lambda d: d["components"]["schemas"]["CreateImageRequest"]["properties"]["model"].update(
                description="The model to use. Specify a model explicitly."
            ),
            "no longer reads 'Defaults to `dall-e-2` unless",
        ),
        (
            lambda d: d["components"]["schemas"]["CreateImageRequest"]["properties"]["model"].pop("default"),
            "selects nothing in this spec: upstream has changed here",
        ),
    ],
)
def test_the_live_patch_fails_loudly_once_upstream_catches_up(change: Any, message: str, tmp_path: Path) -> None:
    with pytest.raises(generate.GenerationError, match=re.escape(message)) as caught:
        generate.build_specs(_pinned_with(change, tmp_path))
    assert "live-api.overlay.yaml" in str(caught.value)


def test_every_action_of_the_live_patch_says_where_its_change_is_documented() -> None:
    patch = yaml.safe_load(LIVE_PATCH.read_text())
    assert patch["x-sources-required"] is True
    for action in patch["actions"]:
        assert re.search(r"openai 3\.57\.0 openai/types/|developers\.openai\.com", action["x-source"]), action


def test_an_action_without_a_source_is_refused() -> None:
    overlay = {"overlay": "1.0.0", "x-sources-required": True, "actions": [{"target": "$.a", "update": {"b": 1}}]}
    with pytest.raises(spec_overlay.OverlayError, match="does not say where the change is documented"):
        spec_overlay.apply({"a": {}}, overlay, "test")


def test_the_shipped_spec_declares_the_error_answers() -> None:
    shipped = json.loads((ROOT / "generated_client" / "openai_images_client" / "openapi.json").read_text())
    for item in shipped["paths"].values():
        for operation in item.values():
            for code in ("4XX", "5XX"):
                schema = operation["responses"][code]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorResponse"}


def test_the_readme_models_section_is_the_rules_table() -> None:
    result = run_tool("overlays/tools/models_doc.py", "--check")
    assert result.returncode == 0, result.stderr


def test_the_committed_generated_client_matches_its_spec_and_templates() -> None:
    result = run_tool("overlays/tools/generate.py", "--check")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_a_client_regenerated_from_an_older_upstream_spec_works(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    update_spec.update(str(OLD_UPSTREAM), spec)
    package = tmp_path / "out" / "openai_images_client"
    # The live-API patch is written against the pinned commit; an older upstream spec is generated as it is.
    generate.generate(spec, package, (generate.CONTRACT_OVERLAY,))
    script = textwrap.dedent(
        """
        import json, sys, httpx, openai_images_client as c
        assert c.__file__.startswith(sys.argv[1]), c.__file__
        sent = []
        def answer(request):
            sent.append(json.loads(request.read()))
            return httpx.Response(200, json={"created": 1, "data": [{"url": "https://x.test/1.png"}]})
        client = c.Client(base_url="https://x.test/v1")
        client.set_httpx_client(httpx.Client(base_url="https://x.test/v1", transport=httpx.MockTransport(answer)))
        result = c.ImagesApi(client).create_image(prompt="otter", model="gpt-image-1", background="transparent")
        print(json.dumps({"sent": sent, "url": result.data[0].url,
                          "methods": sorted(m for m in dir(c.ImagesApi) if m.startswith("create"))}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(package)],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(package.parent)},
    )
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["sent"] == [{"prompt": "otter", "model": "gpt-image-1", "background": "transparent"}]
    assert output["url"] == "https://x.test/1.png"
    # The 2025 spec has neither JSON edits nor streaming: the generated surface follows the spec.
    assert output["methods"] == [
        "create_image",
        "create_image_detailed",
        "create_image_edit",
        "create_image_edit_detailed",
        "create_image_variation",
        "create_image_variation_detailed",
    ]
