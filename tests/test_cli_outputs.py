"""File names and placement: slugs of prompts, what ``-o`` means, atomic placement that never
overwrites without ``force`` and leaves nothing behind when it fails."""

from __future__ import annotations

import base64
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import image_bytes
from openai_images.commandline import requests
from openai_images.commandline.outputs import (
    OutputExistsError,
    OutputPlan,
    OutputUnwritableError,
    UnsavedImagesError,
    check_writable,
    copy_images,
    place,
    save_answer,
)
from openai_images.commandline.requests import formats_made, slug
from openai_images.rules import table


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("A red fox, in snow!", "a-red-fox-in-snow"),
        ("Crème brûlée on a café table", "creme-brulee-on-a-cafe-table"),
        ("一只猫", "image"),
        ("word " * 30, "-".join(["word"] * 9)),
        ("Supercalifragilisticexpialidocious" * 3, ("supercalifragilisticexpialidocious" * 3)[:48]),
    ],
)
def test_a_slug_is_short_lowercase_ascii_cut_at_a_word(prompt: str, expected: str) -> None:
    assert slug(prompt) == expected


def test_o_with_an_image_suffix_is_a_file_and_anything_else_a_directory(tmp_path: Path) -> None:
    assert OutputPlan.from_option(str(tmp_path / "fox.png"), "p") == OutputPlan(tmp_path, "fox", tmp_path / "fox.png")
    assert OutputPlan.from_option(str(tmp_path / "foxes"), "p") == OutputPlan(tmp_path / "foxes", "p")
    assert OutputPlan.from_option(str(tmp_path / "v1.5"), "p") == OutputPlan(tmp_path / "v1.5", "p")
    assert OutputPlan.from_option(str(tmp_path / "odd.png") + "/", "p") == OutputPlan(tmp_path / "odd.png", "p")
    (tmp_path / "dir.png").mkdir()
    assert OutputPlan.from_option(str(tmp_path / "dir.png"), "p") == OutputPlan(tmp_path / "dir.png", "p")
    assert OutputPlan.from_option(None, "p").directory == Path.cwd()


@pytest.mark.parametrize("name", ["anim.gif", "logo.svg", "photo.jpeg", "photo.jpg", "pic.webp"])
def test_every_format_the_spec_names_is_a_file_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert OutputPlan.from_option(str(path), "p") == OutputPlan(tmp_path, path.stem, path)


def test_the_formats_a_model_makes_are_its_rules_output_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    assert formats_made("createImage", "gpt-image-2.5-flare") == ("png", "jpeg", "webp", "gif", "svg")
    assert formats_made("createImage", "dall-e-2") == ("png",)  # takes no output_format: the spec's default
    assert formats_made("createImageVariation", "dall-e-2") == ("png",)
    assert formats_made("createImage", "not-in-the-table") is None
    # Under the reading that gives GIF and SVG to the 2.6 models only, the 2.5 models make neither.
    monkeypatch.setattr(requests, "table", lambda: table("strict"))
    assert formats_made("createImage", "gpt-image-2.5-flare") == ("png", "jpeg", "webp")
    assert formats_made("createImage", "gpt-image-2.6-flare") == ("png", "jpeg", "webp", "gif", "svg")


def test_a_file_name_takes_a_number_when_the_answer_has_several_images(tmp_path: Path) -> None:
    plan = OutputPlan(tmp_path, "fox", tmp_path / "fox.png")
    assert plan.image(1, 1, "png") == tmp_path / "fox.png"
    assert [plan.image(index, 2, "jpg") for index in (1, 2)] == [tmp_path / "fox-1.jpg", tmp_path / "fox-2.jpg"]


def answer(*formats: str) -> SimpleNamespace:
    data = [SimpleNamespace(b64_json=base64.b64encode(image_bytes(fmt)).decode(), url=None) for fmt in formats]
    return SimpleNamespace(created=1, data=data)


def test_saving_places_complete_files_and_leaves_no_staging_behind(tmp_path: Path) -> None:
    paths = save_answer(answer("PNG", "JPEG"), OutputPlan(tmp_path, "pair"), force=False)
    assert paths == [tmp_path / "pair-1.png", tmp_path / "pair-2.jpg"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pair-1.png", "pair-2.jpg"]


def test_nothing_is_replaced_without_force_and_nothing_half_placed(tmp_path: Path) -> None:
    (tmp_path / "pair-2.png").write_bytes(b"mine")
    with pytest.raises(OutputExistsError) as caught:
        save_answer(answer("PNG", "PNG"), OutputPlan(tmp_path, "pair"), force=False)
    assert caught.value.paths == [tmp_path / "pair-2.png"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pair-2.png"]  # not even pair-1
    assert (tmp_path / "pair-2.png").read_bytes() == b"mine"
    save_answer(answer("PNG", "PNG"), OutputPlan(tmp_path, "pair"), force=True)
    assert (tmp_path / "pair-2.png").read_bytes() == image_bytes("PNG")


def test_a_file_named_with_another_format_is_kept_as_named_with_a_warning(tmp_path: Path) -> None:
    warnings: list[str] = []
    target = tmp_path / "photo.png"
    save_answer(answer("JPEG"), OutputPlan(tmp_path, "photo", target), force=False, warn=warnings.append)
    assert target.read_bytes() == image_bytes("JPEG")
    assert warnings == [f"{target} holds a jpg image, whatever its name says"]


def test_reused_images_are_copied_under_the_new_names(tmp_path: Path) -> None:
    source = tmp_path / "old-1.webp"
    source.write_bytes(image_bytes("WEBP"))
    copied = copy_images([source], OutputPlan(tmp_path / "new", "fox"), force=False)
    assert copied == [tmp_path / "new" / "fox-1.webp"]
    assert copied[0].read_bytes() == source.read_bytes()


def test_placing_refuses_a_target_that_appeared_meanwhile(tmp_path: Path) -> None:
    staged = tmp_path / "staged.png"
    staged.write_bytes(b"new")
    target = tmp_path / "target.png"
    target.write_bytes(b"old")
    with pytest.raises(OutputExistsError):
        place([staged], [target], force=False)
    assert target.read_bytes() == b"old"


def test_the_writability_check_makes_nothing_that_stays(tmp_path: Path) -> None:
    check_writable(OutputPlan(tmp_path / "new" / "deeper", "fox"))
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "kept").mkdir()
    check_writable(OutputPlan(tmp_path / "kept", "fox"))
    assert list((tmp_path / "kept").iterdir()) == []


def test_the_writability_check_names_the_users_path_and_what_is_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("x")
    with pytest.raises(OutputUnwritableError) as caught:
        check_writable(OutputPlan(tmp_path / "blocker", "fox", tmp_path / "blocker" / "fox.png"))
    assert str(caught.value) == (
        f"cannot save images in {tmp_path / 'blocker' / 'fox.png'}: {tmp_path / 'blocker'} is not a directory;"
        " nothing was sent"
    )


def test_images_that_cannot_be_placed_are_kept_in_the_first_rescue_directory_that_takes_them(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("the directory was replaced by a file meanwhile")
    (tmp_path / "full").write_text("not a directory either")
    with pytest.raises(UnsavedImagesError) as caught:
        save_answer(
            answer("PNG", "JPEG"),
            OutputPlan(tmp_path / "out", "fox"),
            force=False,
            rescue=[tmp_path / "full", tmp_path / "kept"],
        )
    kept = caught.value.kept
    assert [path.name for path in kept] == ["fox-1.png", "fox-2.jpg"]
    assert all(path.parent.parent == tmp_path / "kept" for path in kept)
    assert [path.read_bytes() for path in kept] == [image_bytes("PNG"), image_bytes("JPEG")]
    assert str(caught.value) == (
        f"could not save the images in {tmp_path / 'out'}: {tmp_path / 'out'} is not a directory;"
        f" the 2 images were kept as {kept[0]}, {kept[1]}"
    )
