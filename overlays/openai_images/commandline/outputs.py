"""Where images land: names from ``-o`` or the prompt, atomic placement, no overwriting, a viewer.

Every image is first written completely into a hidden staging directory next to its target (by
``save_images``, or as a copy for ``--reuse``), then linked into place: a target that exists is
an error unless ``--force``, and an interrupted run leaves neither a partial image nor the
staging directory behind.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from openai_images.files import save_images

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
_SAME_FORMAT = {".jpeg": ".jpg"}


class OutputExistsError(Exception):
    """A file is in the way and ``--force`` was not given."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        names = ", ".join(str(path) for path in self.paths)
        super().__init__(f"not overwriting {names} (pass --force, or choose another place with -o)")


@dataclass(frozen=True)
class OutputPlan:
    """``DIR/PREFIX-N.EXT``, or exactly ``-o FILE`` when the answer holds one image."""

    directory: Path
    prefix: str
    exact: Path | None = None

    @classmethod
    def from_option(cls, output: str | None, prefix: str) -> OutputPlan:
        """``-o`` with an image suffix (``.png``...) names a file; anything else is a directory."""
        if output is None:
            return cls(Path.cwd(), prefix)
        path = Path(output).expanduser().absolute()
        if path.suffix.lower() in IMAGE_SUFFIXES and not path.is_dir() and not output.endswith(("/", os.sep)):
            return cls(path.parent, path.stem, exact=path)
        return cls(path, prefix)

    def image(self, index: int, count: int, extension: str) -> Path:
        if self.exact is not None and count == 1:
            return self.exact
        return self.directory / f"{self.prefix}-{index}.{extension}"

    def partial(self, index: int, extension: str) -> Path:
        return self.directory / f"{self.prefix}-partial-{index}.{extension}"

    def in_the_way(self, count: int, partials: int = 0) -> list[Path]:
        """Files that the answer's images would replace, whatever format they come in."""
        candidates: list[Path] = []
        for index in range(1, count + 1):
            if self.exact is not None and count == 1:
                candidates.append(self.exact)
            else:
                candidates += [self.image(index, count, suffix[1:]) for suffix in IMAGE_SUFFIXES]
        for index in range(1, partials + 1):
            candidates += [self.partial(index, suffix[1:]) for suffix in IMAGE_SUFFIXES]
        return [path for path in candidates if path.exists()]


@contextmanager
def staging(directory: Path) -> Iterator[Path]:
    """A hidden directory beside the targets (same file system, so linking into place is atomic)."""
    directory.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".openai-images-", dir=directory))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


@functools.cache
def _file_mode() -> int:
    """The mode a new file gets here (temporary files are private; saved images are ordinary files)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def place(staged: Sequence[Path], targets: Sequence[Path], force: bool) -> list[Path]:
    """Move complete files into place; without ``force`` nothing is replaced and nothing half-placed."""
    for source in staged:
        source.chmod(_file_mode())
    if not force:
        existing = [target for target in targets if target.exists()]
        if existing:
            raise OutputExistsError(existing)
    placed: list[Path] = []
    try:
        for source, target in zip(staged, targets, strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            if force:
                os.replace(source, target)
            else:
                try:
                    os.link(source, target)  # fails if the target appeared meanwhile: never clobber
                except FileExistsError:
                    raise OutputExistsError([target]) from None
            placed.append(target)
    except BaseException:
        for target in placed if not force else []:
            target.unlink(missing_ok=True)
        raise
    return placed


Warn = Callable[[str], None]


def _check_suffix(target: Path, written: Path, warn: Warn | None) -> None:
    wanted = _SAME_FORMAT.get(target.suffix.lower(), target.suffix.lower())
    actual = _SAME_FORMAT.get(written.suffix.lower(), written.suffix.lower())
    if warn is not None and wanted != actual:
        warn(f"{target} holds a {actual[1:]} image, whatever its name says")


def save_answer(
    result: Any,
    plan: OutputPlan,
    *,
    force: bool,
    http_client: httpx.Client | None = None,
    warn: Warn | None = None,
) -> list[Path]:
    """The images of an answer (or of a completed stream event), saved under the plan's names."""
    with staging(plan.directory) as stage:
        staged = save_images(result, stage, prefix="image", http_client=http_client)
        targets = [plan.image(index, len(staged), path.suffix[1:]) for index, path in enumerate(staged, start=1)]
        for target, written in zip(targets, staged, strict=True):
            if target == plan.exact:
                _check_suffix(target, written, warn)
        return place(staged, targets, force)


def save_partial(event: Any, plan: OutputPlan, index: int, *, force: bool) -> Path:
    """One partial image of a stream, as ``PREFIX-partial-N.EXT``."""
    with staging(plan.directory) as stage:
        staged = save_images(event, stage, prefix="partial")
        return place(staged, [plan.partial(index, staged[0].suffix[1:])], force)[0]


def copy_images(sources: Sequence[Path], plan: OutputPlan, *, force: bool, warn: Warn | None = None) -> list[Path]:
    """Earlier images (``--reuse``) under this request's names."""
    with staging(plan.directory) as stage:
        staged = []
        for index, source in enumerate(sources, start=1):
            copy = stage / f"image-{index}{source.suffix}"
            shutil.copyfile(source, copy)
            staged.append(copy)
        targets = [plan.image(index, len(staged), path.suffix[1:]) for index, path in enumerate(staged, start=1)]
        for target, written in zip(targets, staged, strict=True):
            if target == plan.exact:
                _check_suffix(target, written, warn)
        return place(staged, targets, force)


def open_in_viewer(paths: Sequence[Path]) -> str | None:
    """Show images in the system's viewer. Returns why not, if there is none."""
    if not paths:
        return None
    if sys.platform == "win32":
        for path in paths:
            os.startfile(path)  # noqa: S606  (the user asked for the viewer)
        return None
    opener = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    if opener is None:
        folders = sorted({str(path.parent) for path in paths})
        return f"no image viewer found (xdg-open); the images are in {', '.join(folders)}"
    # xdg-open takes one file; `open` takes several. Detached: the viewer outlives this command.
    batches = [[str(path) for path in paths]] if sys.platform == "darwin" else [[str(path)] for path in paths]
    for batch in batches:
        subprocess.Popen(
            [opener, *batch],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    return None
