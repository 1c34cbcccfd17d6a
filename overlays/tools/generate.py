"""Generate ``openai_images_client`` from openapi.yaml, the spec overlays and our templates.

``python overlays/tools/generate.py`` regenerates ``generated_client/openai_images_client``;
``--check`` regenerates into a temporary directory and fails, printing the diff, when the
committed package differs; ``--spec`` and ``--out`` point it elsewhere (tests use them).

Pipeline: openapi.yaml -> overlays/spec/live-api.overlay.yaml (the live API's difference from the
pin) -> overlays/spec/contract.overlay.yaml (the spec the package ships as ``openapi.json``, read at
run time by the validator, mock server and contract suite) -> overlays/spec/codegen.overlay.yaml ->
openapi-python-client with generator-config.yaml and overlays/templates. The templates also see the
spec document itself as the global ``spec``. Last, the modules of overlays/runtime (the runtime the
generated classes call: plain Python that the spec does not decide) are copied into the package as
they are.

The live-API patch is written against the pinned upstream commit; ``--without-live-patch`` generates
from an upstream spec as it is (an older one, say), with only the contract and codegen overlays.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import spec_overlay

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "openai_images_client"
DEFAULT_OUT = ROOT / "generated_client" / PACKAGE
LIVE_OVERLAY = ROOT / "overlays" / "spec" / "live-api.overlay.yaml"
CONTRACT_OVERLAY = ROOT / "overlays" / "spec" / "contract.overlay.yaml"
CODEGEN_OVERLAY = ROOT / "overlays" / "spec" / "codegen.overlay.yaml"
RUNTIME_OVERLAYS = (LIVE_OVERLAY, CONTRACT_OVERLAY)
"""Applied in order to openapi.yaml for the spec the package ships (and everything generated from it)."""
TEMPLATES = ROOT / "overlays" / "templates"
RUNTIME = ROOT / "overlays" / "runtime"
CONFIG = ROOT / "generator-config.yaml"
IGNORED = {"__pycache__", ".ruff_cache"}


class GenerationError(Exception):
    """Generation failed; the message says where."""


def _load_yaml(path: Path) -> Any:
    return yaml.load(path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def build_specs(
    spec_path: Path, runtime_overlays: tuple[Path, ...] = RUNTIME_OVERLAYS
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (runtime spec, code generation spec)."""
    runtime = _load_yaml(spec_path)
    try:
        for overlay in runtime_overlays:
            runtime = spec_overlay.apply(runtime, _load_yaml(overlay), overlay.name)
        codegen = spec_overlay.apply(runtime, _load_yaml(CODEGEN_OVERLAY), CODEGEN_OVERLAY.name)
    except spec_overlay.OverlayError as exc:
        raise GenerationError(str(exc)) from exc
    return runtime, codegen


def generate(spec_path: Path, out: Path, runtime_overlays: tuple[Path, ...] = RUNTIME_OVERLAYS) -> None:
    """Write the generated package into ``out``, which must not exist yet."""
    # Imported here so that `--help` and the overlay code work without the generator installed.
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.errors import ErrorLevel
    from openapi_python_client.parser.openapi import GeneratorData

    runtime, codegen = build_specs(spec_path, runtime_overlays)
    # The post-hooks call ruff by name: make sure it is the one installed beside this Python.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    if shutil.which("ruff") is None:
        raise GenerationError("ruff is not installed beside this Python; run `make install` first")

    config = Config.from_sources(
        ConfigFile.load_from_path(CONFIG),
        MetaType.NONE,
        spec_path,
        "utf-8",
        overwrite=True,
        output_path=out,
    )
    data = GeneratorData.from_dict(codegen, config=config)
    if not isinstance(data, GeneratorData):
        raise GenerationError(f"{data.header}: {data.detail}")
    project = Project(openapi=data, config=config, custom_template_path=TEMPLATES)
    project.env.globals["spec"] = codegen
    problems = [
        f"{error.level.value}: {error.header or ''} {error.detail or ''}".strip()
        for error in project.build()
        if error.level in (ErrorLevel.ERROR, ErrorLevel.WARNING)
    ]
    if problems:
        # A warning here means part of the spec was skipped: fail rather than ship a partial client.
        raise GenerationError("the generator reported problems:\n" + "\n".join(problems))
    copy_runtime(out)
    (out / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    (out / "openapi.json").write_text(
        json.dumps(runtime, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def copy_runtime(out: Path) -> None:
    """Copy the runtime modules into the generated package, byte for byte."""
    for source in sorted(RUNTIME.glob("*.py")):
        target = out / source.name
        if target.exists():
            raise GenerationError(f"{source.relative_to(ROOT)} would replace the generated {target.name}")
        shutil.copyfile(source, target)


def _files(root: Path) -> dict[str, Path]:
    return {
        str(path.relative_to(root)): path
        for path in sorted(root.rglob("*"))
        if path.is_file() and not IGNORED.intersection(path.relative_to(root).parts)
    }


def diff(committed: Path, fresh: Path) -> list[str]:
    old, new = _files(committed) if committed.exists() else {}, _files(fresh)
    lines: list[str] = []
    for name in sorted(old.keys() | new.keys()):
        a = old[name].read_text(encoding="utf-8").splitlines(keepends=True) if name in old else []
        b = new[name].read_text(encoding="utf-8").splitlines(keepends=True) if name in new else []
        if a != b:
            lines.extend(difflib.unified_diff(a, b, f"committed/{name}", f"regenerated/{name}"))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="fail with a diff if --out is not up to date")
    parser.add_argument(
        "--without-live-patch",
        action="store_true",
        help=f"do not apply {LIVE_OVERLAY.name} (for an upstream spec other than the one it was written against)",
    )
    args = parser.parse_args(argv)
    overlays = tuple(o for o in RUNTIME_OVERLAYS if not (args.without_live_patch and o == LIVE_OVERLAY))
    with tempfile.TemporaryDirectory(prefix="openai-images-gen-") as tmp:
        fresh = Path(tmp) / PACKAGE
        try:
            generate(args.spec, fresh, overlays)
        except GenerationError as exc:
            print(f"generate: {exc}", file=sys.stderr)
            return 2
        if args.check:
            changes = diff(args.out, fresh)
            if changes:
                sys.stdout.writelines(changes)
                print(
                    f"\ncheck-generated: {args.out} differs from what its spec and templates generate;"
                    " run `make generate` and commit the result.",
                    file=sys.stderr,
                )
                return 1
            print(f"check-generated: {args.out} matches its spec and templates.")
            return 0
        if args.out.exists():
            shutil.rmtree(args.out)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, args.out, ignore=shutil.ignore_patterns(*IGNORED))
    print(f"generate: wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
