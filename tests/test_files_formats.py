"""save_images with the live formats: animated GIF and SVG answers get their extension, from their bytes."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import pytest
from openai_images import save_images
from openai_images_client.models import Image, ImagesResponse
from PIL import Image as Picture


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def answer(*images: Image, **fields: object) -> ImagesResponse:
    return ImagesResponse(created=1_713_833_628, data=list(images), **fields)  # type: ignore[arg-type]


def animated_gif() -> bytes:
    frames = [Picture.new("RGB", (8, 8), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>\n'
SVG_WITH_PROLOG = b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by the mock -->\n' + SVG


@pytest.mark.parametrize(
    ("content", "declared", "name"),
    [
        pytest.param(animated_gif(), "gif", "image-1713833628-1.gif", id="gif"),
        pytest.param(animated_gif(), None, "image-1713833628-1.gif", id="gif-undeclared"),
        pytest.param(SVG, "svg", "image-1713833628-1.svg", id="svg"),
        pytest.param(SVG_WITH_PROLOG, None, "image-1713833628-1.svg", id="svg-with-a-prolog-undeclared"),
        pytest.param(SVG_WITH_PROLOG, "png", "image-1713833628-1.svg", id="svg-declared-otherwise"),
    ],
)
def test_gif_and_svg_answers_are_saved_with_their_extension_whole_and_alone(
    tmp_path: Path, content: bytes, declared: str | None, name: str
) -> None:
    fields = {"output_format": declared} if declared else {}
    (path,) = save_images(answer(Image(b64_json=b64(content)), **fields), tmp_path)
    assert (path.name, path.read_bytes()) == (name, content)
    assert sorted(os.listdir(tmp_path)) == [name], "no temporary file is left behind"


def test_bytes_of_no_known_format_take_the_declared_formats_extension(tmp_path: Path) -> None:
    (path,) = save_images(answer(Image(b64_json=b64(b"<html/>")), output_format="svg"), tmp_path)
    assert path.suffix == ".svg"
