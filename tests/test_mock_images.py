"""The mock server's image factory: real, deterministic pictures of prompts, edits of uploads and variations."""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET
import zlib

import pytest
from openai_images.mock import images
from openai_images.mock.images import ImageInputError, edit, render, render_svg, vary
from PIL import Image, ImageChops, ImageDraw, ImageStat

PROMPT = "A watercolour lighthouse on a cliff at sunset, seagulls circling"
DECODED_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def encode(image: Image.Image, fmt: str = "PNG", **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def distance(first: Image.Image, second: Image.Image) -> float:
    """Mean absolute difference per channel, 0–255."""
    difference = ImageChops.difference(first.convert("RGB"), second.convert("RGB"))
    return sum(ImageStat.Stat(difference).mean) / 3


def roughness(image: Image.Image) -> float:
    """How much neighbouring pixels differ: high for fine detail, low for blocky, coarse pictures."""
    rgb = image.convert("RGB")
    return distance(rgb.crop((1, 0, rgb.width, rgb.height)), rgb.crop((0, 0, rgb.width - 1, rgb.height)))


def quadrants(top_left: tuple[int, int, int], bottom_right: tuple[int, int, int]) -> bytes:
    """A 200x160 PNG: two colours in opposite quadrants, a recognisable layout for variations."""
    image = Image.new("RGB", (200, 160), top_left)
    ImageDraw.Draw(image).rectangle((100, 80, 199, 159), fill=bottom_right)
    ImageDraw.Draw(image).rectangle((100, 0, 199, 79), fill=(240, 240, 240))
    return encode(image)


def huge_png(width: int = 8000, height: int = 6000) -> bytes:
    """A valid 1-bit PNG with many pixels, built from a few kilobytes of compressed zeros."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * ((1 + (width + 7) // 8) * height), 1)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    images.clear_cache()


@pytest.fixture(scope="module")
def source() -> bytes:
    """A busy 300x200 PNG to edit: every region differs from every other."""
    return render("the source picture: a harbour with boats", 300, 200)


# --- render ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp"])
@pytest.mark.parametrize("size", [(16, 16), (256, 256), (1536, 1024), (17, 301), (1, 1)])
def test_every_format_decodes_to_exactly_the_requested_size_and_format(fmt: str, size: tuple[int, int]) -> None:
    image = decode(render(PROMPT, *size, fmt=fmt))

    assert image.format == DECODED_FORMATS[fmt]
    assert image.size == size
    assert image.mode == "RGB"


def test_the_largest_sizes_render() -> None:
    assert decode(render(PROMPT, 3840, 2160, fmt="jpeg")).size == (3840, 2160)


def test_the_same_arguments_give_identical_bytes_even_after_the_cache_is_cleared() -> None:
    first = render(PROMPT, 128, 96, fmt="webp", compression=70, index=1, detail=0.5)
    cached = render(PROMPT, 128, 96, fmt="webp", compression=70, index=1, detail=0.5)
    images.clear_cache()

    assert render(PROMPT, 128, 96, fmt="webp", compression=70, index=1, detail=0.5) == first == cached


def test_different_prompts_give_different_pixels() -> None:
    first = decode(render("a red fox in the snow", 128, 128))
    second = decode(render("a blue whale in the deep", 128, 128))

    assert distance(first, second) > 10


def test_a_different_index_gives_a_different_image_of_the_same_prompt() -> None:
    first = decode(render(PROMPT, 128, 128, index=0))
    second = decode(render(PROMPT, 128, 128, index=1))

    assert distance(first, second) > 10


@pytest.mark.parametrize("fmt", ["png", "webp"])
def test_transparent_images_have_a_fully_transparent_background_and_opaque_drawing(fmt: str) -> None:
    image = decode(render(PROMPT, 256, 256, fmt=fmt, transparent=True))

    assert image.mode == "RGBA"
    histogram = image.getchannel("A").histogram()
    assert histogram[0] > 0.2 * 256 * 256
    assert histogram[255] > 0.05 * 256 * 256


def test_jpeg_ignores_transparent_and_never_has_alpha() -> None:
    data = render(PROMPT, 64, 64, fmt="jpeg", transparent=True)

    assert decode(data).mode == "RGB"
    assert data == render(PROMPT, 64, 64, fmt="jpeg")


def test_opaque_png_has_no_alpha() -> None:
    assert decode(render(PROMPT, 64, 64)).mode == "RGB"


@pytest.mark.parametrize("fmt", ["jpeg", "webp"])
def test_lower_compression_values_give_smaller_files(fmt: str) -> None:
    sizes = [len(render(PROMPT, 256, 256, fmt=fmt, compression=quality)) for quality in (10, 50, 95)]

    assert sizes == sorted(sizes)
    assert sizes[0] < sizes[2]


def test_png_ignores_compression() -> None:
    assert render(PROMPT, 64, 64, compression=5) == render(PROMPT, 64, 64, compression=100) == render(PROMPT, 64, 64)


@pytest.mark.parametrize(
    "prompt",
    [
        "lorem ipsum dolor " * 2300,  # ~40k characters
        "x" * 40_000,  # one word far wider than the image
        "Crème brûlée, naïve façade, Ærøskøbing, 東京の夜景, Привет мир",
        "🦊🐳🏳️‍🌈👩🏽‍🚀 emoji only 😀",
        "שלום עולם, مرحبا بالعالم, mixed with English",
        "control\x00char\x07acters\x1b[31m and \u200b\u202e format ones",
        "lone surrogate \ud800 and private use \ue000",
        "line one\nline two\r\n\tindented\n\n\nlast line",
        "   \n\t  ",
        "",
    ],
)
@pytest.mark.parametrize("size", [(256, 256), (16, 16), (1024, 64)])
def test_any_prompt_renders(prompt: str, size: tuple[int, int]) -> None:
    assert decode(render(prompt, *size)).size == size


def test_a_long_prompt_is_cut_with_an_ellipsis_and_still_differs_from_a_short_one() -> None:
    long = decode(render("word " * 8000, 256, 256))
    short = decode(render("word", 256, 256))

    assert distance(long, short) > 1


# --- partial images -------------------------------------------------------------------------------------


def test_lower_detail_gives_a_coarser_rendering_of_the_same_picture() -> None:
    final = decode(render(PROMPT, 256, 256))
    partial = decode(render(PROMPT, 256, 256, detail=0.5))

    assert partial.size == final.size
    assert roughness(partial) < roughness(final)
    assert distance(partial, final) > 1
    small = (16, 16)
    assert distance(partial.resize(small, Image.Resampling.BOX), final.resize(small, Image.Resampling.BOX)) < 2


def test_partial_images_converge_to_the_final_image() -> None:
    final = decode(render(PROMPT, 256, 256))
    partials = [decode(render(PROMPT, 256, 256, detail=detail)) for detail in (0.25, 0.5, 0.75)]
    distances = [distance(partial, final) for partial in partials]

    assert distances == sorted(distances, reverse=True)
    assert render(PROMPT, 256, 256, detail=1.0) == render(PROMPT, 256, 256)


# --- edit -----------------------------------------------------------------------------------------------


def test_edit_repaints_the_transparent_part_of_the_mask_and_keeps_the_rest(source: bytes) -> None:
    mask = Image.new("RGBA", (300, 200), (0, 0, 0, 255))
    ImageDraw.Draw(mask).rectangle((150, 50, 269, 169), fill=(0, 0, 0, 0))
    result = decode(edit(source, PROMPT, 240, 160, mask=encode(mask)))
    resized = decode(source).convert("RGB").resize((240, 160), Image.Resampling.BICUBIC)

    assert result.size == (240, 160)
    # The square maps to x 120–215, y 40–135; stay a few pixels away from its soft edges.
    inside = (126, 46, 209, 129)
    outside = [(0, 0, 110, 160), (110, 0, 240, 32), (110, 144, 240, 160), (225, 0, 240, 160)]
    assert distance(result.crop(inside), resized.crop(inside)) > 15
    for box in outside:
        assert distance(result.crop(box), resized.crop(box)) < 2, box


def test_edit_without_a_mask_repaints_the_centre_only(source: bytes) -> None:
    result = decode(edit(source, PROMPT, 256, 256))
    resized = decode(source).convert("RGB").resize((256, 256), Image.Resampling.BICUBIC)

    assert distance(result.crop((72, 72, 184, 184)), resized.crop((72, 72, 184, 184))) > 15
    for box in [(0, 0, 256, 56), (0, 200, 256, 256), (0, 0, 56, 256), (200, 0, 256, 256)]:
        assert distance(result.crop(box), resized.crop(box)) < 2, box


def test_edit_depends_on_the_prompt_and_is_deterministic(source: bytes) -> None:
    first = edit(source, "a red hat", 128, 128)
    images.clear_cache()

    assert edit(source, "a red hat", 128, 128) == first
    assert edit(source, "a blue boat", 128, 128) != first


@pytest.mark.parametrize("source_fmt", ["JPEG", "WEBP", "PNG"])
@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp"])
def test_edit_reads_every_upload_format_and_writes_every_output_format(source_fmt: str, fmt: str) -> None:
    upload = encode(Image.new("RGB", (90, 60), (200, 40, 40)), source_fmt)
    image = decode(edit(upload, PROMPT, 64, 48, fmt=fmt, compression=80))

    assert (image.format, image.size) == (DECODED_FORMATS[fmt], (64, 48))


def test_edit_of_a_large_jpeg_gives_the_requested_size() -> None:
    upload = encode(Image.new("RGB", (4000, 3000), (30, 90, 200)), "JPEG", quality=50)

    assert decode(edit(upload, PROMPT, 256, 192)).size == (256, 192)


def test_transparent_edit_keeps_alpha_and_jpeg_edit_flattens_it() -> None:
    upload = encode(Image.new("RGBA", (64, 64), (200, 40, 40, 0)))

    assert decode(edit(upload, PROMPT, 64, 64, transparent=True)).mode == "RGBA"
    assert decode(edit(upload, PROMPT, 64, 64, fmt="jpeg")).mode == "RGB"


def test_a_mask_of_another_size_is_refused(source: bytes) -> None:
    mask = encode(Image.new("RGBA", (100, 100), (0, 0, 0, 0)))

    with pytest.raises(ImageInputError, match="same size"):
        edit(source, PROMPT, 64, 64, mask=mask)


def test_a_mask_without_alpha_is_refused(source: bytes) -> None:
    mask = encode(Image.new("RGB", (300, 200), (0, 0, 0)))

    with pytest.raises(ImageInputError, match="alpha"):
        edit(source, PROMPT, 64, 64, mask=mask)


def test_a_fully_opaque_mask_leaves_the_resized_source(source: bytes) -> None:
    mask = encode(Image.new("RGBA", (300, 200), (0, 0, 0, 255)))
    result = decode(edit(source, PROMPT, 150, 100, mask=mask))

    assert distance(result, decode(source).resize((150, 100), Image.Resampling.BICUBIC)) < 1


# --- vary -----------------------------------------------------------------------------------------------


def test_a_variation_differs_from_its_source_but_resembles_it_more_than_another_image() -> None:
    upload = quadrants((220, 40, 40), (40, 60, 220))
    other = quadrants((40, 200, 60), (230, 200, 30))
    variation = decode(vary(upload, 200, 160))
    original = decode(upload)

    assert variation.size == (200, 160)
    assert distance(variation, original) > 3
    assert distance(variation, original) < distance(variation, decode(other)) / 2


def test_variations_differ_by_index_and_are_deterministic() -> None:
    upload = quadrants((220, 40, 40), (40, 60, 220))
    first, second = vary(upload, 128, 128, index=0), vary(upload, 128, 128, index=1)
    images.clear_cache()

    assert vary(upload, 128, 128, index=0) == first
    assert distance(decode(first), decode(second)) > 10


@pytest.mark.parametrize("fmt", ["png", "jpeg", "webp"])
def test_vary_writes_every_format_at_the_requested_size(fmt: str) -> None:
    image = decode(vary(quadrants((220, 40, 40), (40, 60, 220)), 96, 64, fmt=fmt))

    assert (image.format, image.size) == (DECODED_FORMATS[fmt], (96, 64))


# --- bad input ------------------------------------------------------------------------------------------


def test_image_input_error_is_a_value_error() -> None:
    assert issubclass(ImageInputError, ValueError)


@pytest.mark.parametrize(
    "upload",
    [
        b"",
        b"definitely not an image",
        b"\x89PNG\r\n\x1a\n" + b"\0" * 40,  # a PNG signature with a broken header
        encode(Image.new("RGB", (64, 64)), "GIF"),
        encode(Image.effect_noise((64, 64), 64))[:1000],  # truncated
    ],
    ids=["empty", "garbage", "broken-header", "gif", "truncated"],
)
def test_unreadable_uploads_raise_image_input_error(upload: bytes) -> None:
    with pytest.raises(ImageInputError):
        edit(upload, PROMPT, 64, 64)
    with pytest.raises(ImageInputError):
        vary(upload, 64, 64)


def test_an_unreadable_mask_raises_image_input_error(source: bytes) -> None:
    with pytest.raises(ImageInputError, match="mask"):
        edit(source, PROMPT, 64, 64, mask=b"garbage")


def test_uploads_above_the_pixel_limit_are_refused_before_decoding() -> None:
    upload = huge_png()

    with pytest.raises(ImageInputError, match="pixels"):
        edit(upload, PROMPT, 64, 64)
    with pytest.raises(ImageInputError, match="pixels"):
        vary(upload, 64, 64)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"fmt": "bmp"}, "format"),
        ({"width": 0}, "size"),
        ({"height": -5}, "size"),
        ({"width": 20_000}, "too large"),
        ({"detail": 0.0}, "detail"),
        ({"detail": 1.5}, "detail"),
        ({"detail": float("nan")}, "detail"),
        ({"compression": 101}, "compression"),
        ({"index": -1}, "index"),
        ({"fmt": "gif", "frames": 0}, "frames"),
        ({"fmt": "gif", "frames": 17}, "frames"),
        ({"fmt": "gif", "frames": 2, "frame_ms": 15}, "frame_ms"),
        ({"fmt": "gif", "frames": 2, "frame_ms": 655_360}, "frame_ms"),
        ({"fmt": "png", "frames": 2}, "only GIF"),
    ],
)
def test_bad_arguments_raise_value_error(arguments: dict[str, object], message: str, source: bytes) -> None:
    call: dict[str, object] = {"width": 64, "height": 64} | arguments
    with pytest.raises(ValueError, match=message):
        render(PROMPT, **call)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        edit(source, PROMPT, **call)  # type: ignore[arg-type]


def test_vary_refuses_bad_formats_and_sizes() -> None:
    upload = quadrants((220, 40, 40), (40, 60, 220))

    with pytest.raises(ValueError, match="format"):
        vary(upload, 64, 64, fmt="bmp")
    with pytest.raises(ValueError, match="size"):
        vary(upload, 0, 64)


# --- GIF ------------------------------------------------------------------------------------------------


def gif_frames(data: bytes) -> list[Image.Image]:
    gif = decode(data)
    assert gif.format == "GIF"
    frames = []
    for index in range(getattr(gif, "n_frames", 1)):
        gif.seek(index)
        frames.append(gif.convert("RGB"))
    return frames


@pytest.mark.parametrize(("frames", "frame_ms"), [(2, 0), (9, 200), (16, 655_350)])
@pytest.mark.parametrize("size", [(16, 16), (1024, 576)])
def test_a_gif_has_the_frames_and_delay_asked_and_every_frame_differs(
    frames: int, frame_ms: int, size: tuple[int, int]
) -> None:
    data = render(PROMPT, *size, fmt="gif", frames=frames, frame_ms=frame_ms)
    gif = decode(data)
    assert (gif.size, gif.n_frames, gif.info["loop"]) == (size, frames, 0)
    delays = []
    for index in range(frames):
        gif.seek(index)
        delays.append(gif.info.get("duration", 0))  # a delay of 0 is written as no delay at all
    assert delays == [frame_ms] * frames
    pictures = gif_frames(data)
    assert len({picture.tobytes() for picture in pictures}) == frames


def test_a_gif_frame_shows_the_same_picture_as_the_png() -> None:
    still = decode(render(PROMPT, 256, 256)).convert("RGB")
    first = gif_frames(render(PROMPT, 256, 256, fmt="gif", frames=3, frame_ms=100))[0]
    upper = (0, 0, 256, 200)  # the ball and the bar move in the lower part
    assert distance(first.crop(upper), still.crop(upper)) < 6


def test_a_gif_edit_repaints_like_a_png_edit(source: bytes) -> None:
    still = decode(edit(source, PROMPT, 240, 160)).convert("RGB")
    first = gif_frames(edit(source, PROMPT, 240, 160, fmt="gif", frames=2, frame_ms=50))[0]
    assert distance(first.crop((0, 0, 240, 120)), still.crop((0, 0, 240, 120))) < 6


# --- SVG ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        PROMPT,
        "markup <b>&amp;</b> \"quotes\" 'single' ]]> <!-- not a comment -->",
        "control\x00char\x07acters\x1b[31m and \u200b\u202e format ones, a lone surrogate \ud800 and \ufffe",
        "",
        "word " * 8000,
    ],
)
@pytest.mark.parametrize("size", [(1024, 1024), (16, 48)])
def test_an_svg_is_a_well_formed_document_of_the_size_asked_showing_the_prompt(
    prompt: str, size: tuple[int, int]
) -> None:
    data = render_svg(prompt, *size)
    root = ET.fromstring(data)

    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    width, height = size
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
        f"{width}",
        f"{height}",
        f"0 0 {width} {height}",
    )
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None
    assert (title.text or "") == " ".join(
        "".join(char for char in prompt if char.isprintable() or char.isspace()).split()
    )[: len(title.text or "")]


def test_an_svg_draws_the_pngs_shapes_and_differs_by_prompt_and_index() -> None:
    first = render_svg(PROMPT, 256, 256)
    assert render_svg(PROMPT, 256, 256) == first
    assert render_svg(PROMPT, 256, 256, index=1) != first
    assert render_svg("another prompt", 256, 256) != first
    root = ET.fromstring(first)
    shapes = [element for element in root if element.tag.rsplit("}", 1)[1] in ("circle", "rect", "polygon")]
    assert 3 + 2 <= len(shapes) <= 5 + 2, "the background, 3 to 5 shapes and the prompt's box"


def test_a_prompt_too_long_for_the_svg_is_cut_with_an_ellipsis() -> None:
    root = ET.fromstring(render_svg("word " * 8000, 256, 256))
    lines = [element.text or "" for element in root.iter("{http://www.w3.org/2000/svg}tspan")]
    assert lines and lines[-1].endswith("…")


# --- markup and orientation -------------------------------------------------------------------------------


def test_a_markup_repaints_where_it_is_drawn_and_keeps_the_rest(source: bytes) -> None:
    markup = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    ImageDraw.Draw(markup).rectangle((150, 50, 269, 169), fill=(255, 0, 0, 40))  # drawn faintly is still drawn
    result = decode(edit(source, PROMPT, 240, 160, markup=encode(markup)))
    resized = decode(source).convert("RGB").resize((240, 160), Image.Resampling.BICUBIC)

    inside = (126, 46, 209, 129)
    outside = [(0, 0, 110, 160), (110, 0, 240, 32), (110, 144, 240, 160), (225, 0, 240, 160)]
    assert distance(result.crop(inside), resized.crop(inside)) > 15
    for box in outside:
        assert distance(result.crop(box), resized.crop(box)) < 2, box


def test_a_markup_must_have_the_images_size_and_alpha(source: bytes) -> None:
    with pytest.raises(ImageInputError, match="300x200"):
        edit(source, PROMPT, 64, 64, markup=encode(Image.new("RGBA", (200, 300))))
    with pytest.raises(ImageInputError, match="no alpha"):
        edit(source, PROMPT, 64, 64, markup=encode(Image.new("RGB", (300, 200))))
    with pytest.raises(ImageInputError, match="cannot be combined"):
        edit(source, PROMPT, 64, 64, markup=encode(Image.new("RGBA", (300, 200))), mask=b"")


def rotated_jpeg(orientation: int) -> bytes:
    """A 120x80 JPEG, left half red, right half blue, stored with an EXIF orientation."""
    image = Image.new("RGB", (120, 80), (220, 30, 30))
    image.paste((30, 30, 220), (60, 0, 120, 80))
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(image, "JPEG", exif=exif.tobytes(), quality=95)


def test_an_edited_jpeg_is_shown_upright_and_its_markup_matches_the_upright_image() -> None:
    markup = Image.new("RGBA", (80, 120), (0, 0, 0, 0))  # upright: 80 wide, 120 high
    ImageDraw.Draw(markup).rectangle((0, 100, 79, 119), fill=(0, 0, 0, 255))
    result = decode(edit(rotated_jpeg(6), PROMPT, 80, 120, markup=encode(markup))).convert("RGB")

    assert result.size == (80, 120)
    # Orientation 6 turns the stored image a quarter clockwise: its left (red) half ends on top.
    assert result.getpixel((40, 20))[0] > 180
    assert result.getpixel((40, 80))[2] > 180
    assert distance(result.crop((0, 102, 80, 120)), Image.new("RGB", (80, 18), (30, 30, 220))) > 30


def test_a_mask_of_a_rotated_jpeg_is_read_as_stored_and_turned_with_it() -> None:
    mask = Image.new("RGBA", (120, 80), (0, 0, 0, 255))  # stored orientation: 120 wide
    ImageDraw.Draw(mask).rectangle((0, 0, 59, 79), fill=(0, 0, 0, 0))  # the red half is to be edited
    result = decode(edit(rotated_jpeg(6), PROMPT, 80, 120, mask=encode(mask))).convert("RGB")

    assert result.getpixel((40, 100))[2] > 180, "the blue half, now at the bottom, is kept"
    assert distance(result.crop((0, 0, 80, 56)), Image.new("RGB", (80, 56), (220, 30, 30))) > 30
