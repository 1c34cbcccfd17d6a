"""Where images land: names from ``-o`` or the prompt, atomic placement, no overwriting, a viewer.

Before a call is paid for, the place its images go is proven writable (``check_writable``).
Every image is first written completely into a hidden staging directory next to its target (by
``save_images``, or as a copy for ``--reuse``), then linked into place: a target that exists is
an error unless ``--force``, and an interrupted run leaves neither a partial image, nor the
staging directory, nor a directory made for it behind. Images that arrived but cannot be placed
are kept elsewhere (``rescue_directories``), and the error says where.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from openai_images import imageinfo, spec
from openai_images.commandline.history import default_path
from openai_images.errors import APIError
from openai_images.files import SaveError, SaveLocationError, make_directories, remove_empty, save_images, why_not


@functools.cache
def image_suffixes() -> tuple[str, ...]:
    """The suffixes of the formats the spec's ``output_format`` names (and their usual extensions: ``.jpg``)."""
    names = [
        str(value)
        for operation in spec.operations().values()
        for content_type in operation.request_bodies
        for value in spec.enum_values(operation.properties(content_type).get("output_format", {}))
        if value is not None
    ]
    suffixes = [f".{name}" for name in names] + [f".{imageinfo.extension(name) or name}" for name in names]
    return tuple(dict.fromkeys(suffixes))


def _same_format(suffix: str) -> str:
    """``.jpeg`` and ``.jpg`` alike: the usual extension of the format a suffix names."""
    return "." + (imageinfo.extension(suffix[1:]) or suffix[1:])


class OutputExistsError(Exception):
    """A file is in the way and ``--force`` was not given."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        names = ", ".join(str(path) for path in self.paths)
        super().__init__(f"not overwriting {names} (pass --force, or choose another place with -o)")


class OutputUnwritableError(Exception):
    """The place images would go cannot take them (found before the call, unless ``sent``)."""

    def __init__(self, where: Path, reason: str, *, sent: bool = False) -> None:
        self.where = where
        super().__init__(f"cannot save images in {where}: {reason}" + ("" if sent else "; nothing was sent"))


class DownloadFailedError(Exception):
    """An image answered by URL could not be downloaded; ``error`` says why (no answer, or an error status)."""

    def __init__(self, error: APIError) -> None:
        self.error = error
        super().__init__(error.message)


class UnsavedImagesError(Exception):
    """The answer arrived but its images could not be placed; ``kept`` lists where they were kept instead."""

    def __init__(self, where: Path, reason: str, kept: Sequence[Path], keeping_failed: str | None = None) -> None:
        self.where = where
        self.kept = list(kept)
        message = f"could not save the images in {where}: {reason}"
        if self.kept:
            message += f"; the {_count(len(self.kept))} kept as {', '.join(str(path) for path in self.kept)}"
        else:
            message += f"; they could not be kept elsewhere either ({keeping_failed})"
        super().__init__(message)


def _count(number: int) -> str:
    return f"{number} image{'s were' if number != 1 else ' was'}"


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
        if path.suffix.lower() in image_suffixes() and not path.is_dir() and not output.endswith(("/", os.sep)):
            return cls(path.parent, path.stem, exact=path)
        return cls(path, prefix)

    def image(self, index: int, count: int, extension: str) -> Path:
        if self.exact is not None and count == 1:
            return self.exact
        return self.directory / f"{self.prefix}-{index}.{extension}"

    def partial(self, index: int, extension: str) -> Path:
        return self.directory / f"{self.prefix}-partial-{index}.{extension}"

    @property
    def where(self) -> Path:
        """What the user asked for: the file of ``-o FILE.png``, else the directory."""
        return self.exact or self.directory

    def in_the_way(self, count: int, partials: int = 0) -> list[Path]:
        """Files that the answer's images would replace, whatever format they come in."""
        candidates: list[Path] = []
        for index in range(1, count + 1):
            if self.exact is not None and count == 1:
                candidates.append(self.exact)
            else:
                candidates += [self.image(index, count, suffix[1:]) for suffix in image_suffixes()]
        for index in range(1, partials + 1):
            candidates += [self.partial(index, suffix[1:]) for suffix in image_suffixes()]
        return [path for path in candidates if path.exists()]


@contextmanager
def staging(directory: Path) -> Iterator[Path]:
    """A hidden directory beside the targets (same file system, so linking into place is atomic).

    The directories made for it are taken away again if the block fails, so a failed save leaves
    no empty output directory behind.
    """
    made = make_directories(directory)
    try:
        stage = Path(tempfile.mkdtemp(prefix=".openai-images-", dir=directory))
        try:
            yield stage
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    except BaseException:
        remove_empty(made)
        raise


def _unwritable(plan: OutputPlan, exc: OSError | SaveLocationError) -> str:
    """Why the plan's place cannot take images, naming the user's path and never a staging file."""
    if isinstance(exc, SaveLocationError):
        return exc.reason
    return why_not(plan.directory, exc)


def check_writable(plan: OutputPlan) -> None:
    """Prove that images can be saved where the plan puts them, before the call is paid for.

    The directory is made, a probe file written into a staging directory and removed, and the
    directories made for the probe are taken away again (saving makes them anew).
    """
    try:
        made = make_directories(plan.directory)
    except OSError as exc:
        raise OutputUnwritableError(plan.where, why_not(plan.directory, exc)) from None
    try:
        with staging(plan.directory) as stage:
            (stage / "probe").write_bytes(b"\0")
    except OSError as exc:
        raise OutputUnwritableError(plan.where, why_not(plan.directory, exc)) from None
    finally:
        remove_empty(made)


def rescue_directories() -> list[Path]:
    """Where images that cannot be placed are kept: beside the history, else in the temporary directory."""
    return [default_path().parent / "unsaved", Path(tempfile.gettempdir()) / "openai-images-unsaved"]


def keep_elsewhere(
    result: Any, prefix: str, places: Sequence[Path], http_client: httpx.Client | None
) -> tuple[list[Path], str | None]:
    """The answer's images saved in the first of ``places`` that takes them: (paths, why none did)."""
    reason = "no place to keep them was given"
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for place_ in places:
        try:
            place_.mkdir(parents=True, exist_ok=True)
            # A private directory of its own: prompts (and so images) can be personal.
            folder = Path(tempfile.mkdtemp(prefix=f"{stamp}-{prefix[:40]}-", dir=place_))
        except OSError as exc:
            reason = f"{place_}: {exc.strerror or exc}"
            continue
        try:
            return save_images(result, folder, prefix=prefix, http_client=http_client), None
        except (SaveError, APIError, OSError) as exc:
            remove_empty([folder])
            reason = str(exc)
    return [], reason


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
    wanted, actual = _same_format(target.suffix.lower()), _same_format(written.suffix.lower())
    if warn is not None and wanted != actual:
        warn(f"{target} holds a {actual[1:]} image, whatever its name says")


def _place_answer(
    result: Any, plan: OutputPlan, force: bool, http_client: httpx.Client | None, warn: Warn | None
) -> list[Path]:
    with staging(plan.directory) as stage:
        try:
            staged = save_images(result, stage, prefix="image", http_client=http_client)
        except APIError as exc:
            raise DownloadFailedError(exc) from exc
        targets = [plan.image(index, len(staged), path.suffix[1:]) for index, path in enumerate(staged, start=1)]
        for target, written in zip(targets, staged, strict=True):
            if target == plan.exact:
                _check_suffix(target, written, warn)
        return place(staged, targets, force)


def save_answer(
    result: Any,
    plan: OutputPlan,
    *,
    force: bool,
    http_client: httpx.Client | None = None,
    warn: Warn | None = None,
    rescue: Sequence[Path] = (),
) -> list[Path]:
    """The images of an answer (or of a completed stream event), saved under the plan's names.

    If they cannot be placed (the directory went away, the disk is full, a file appeared in the
    way), they are kept in the first of ``rescue`` that takes them, and ``UnsavedImagesError`` says where.
    """
    try:
        return _place_answer(result, plan, force, http_client, warn)
    except (OSError, SaveLocationError, OutputExistsError) as exc:
        if not rescue:
            raise
        reason = str(exc) if isinstance(exc, OutputExistsError) else _unwritable(plan, exc)
        kept, failed = keep_elsewhere(result, plan.prefix, rescue, http_client)
        raise UnsavedImagesError(plan.where, reason, kept, failed) from exc


def save_partial(event: Any, plan: OutputPlan, index: int, *, force: bool) -> Path:
    """One partial image of a stream, as ``PREFIX-partial-N.EXT``."""
    try:
        with staging(plan.directory) as stage:
            staged = save_images(event, stage, prefix="partial")
            return place(staged, [plan.partial(index, staged[0].suffix[1:])], force)[0]
    except (OSError, SaveLocationError) as exc:
        raise OutputUnwritableError(plan.where, _unwritable(plan, exc), sent=True) from exc


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
