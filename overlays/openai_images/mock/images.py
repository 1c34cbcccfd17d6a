"""The mock server's image factory: real, deterministic PNG/JPEG/WebP/GIF pictures and SVG documents.

``render`` draws a picture for a prompt (a seeded gradient, a few seeded shapes, the prompt's text and
the image's index), ``edit`` repaints the masked (or marked-up) part of an uploaded image with the prompt's
picture, and ``vary`` re-tints, re-frames and mirrors an uploaded image. A GIF is that picture animated:
a ball crosses it and a bar fills up, one step a frame. ``render_svg`` draws the same picture as an SVG
document. The same arguments always give the same bytes, so finished images are kept in a bounded LRU
cache. ``detail`` below 1 gives the coarser renderings that streaming sends as partial images.
"""

from __future__ import annotations

import colorsys
import functools
import hashlib
import io
import math
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Hashable
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFile, ImageFont, JpegImagePlugin, PngImagePlugin, WebPImagePlugin

__all__ = [
    "FORMATS",
    "MAX_OUTPUT_PIXELS",
    "MAX_OUTPUT_SIDE",
    "MAX_SOURCE_PIXELS",
    "ImageInputError",
    "clear_cache",
    "edit",
    "render",
    "render_svg",
    "vary",
]

FORMATS = ("png", "jpeg", "webp", "gif")
"""The raster formats; SVG documents come from ``render_svg``."""
MAX_FRAMES = 16
MAX_FRAME_MS = 655_350  # GIF counts delays in hundredths of a second, in 16 bits
MAX_SOURCE_PIXELS = 40_000_000
# 4096² leaves room above 3840x2160; WebP cannot encode a side above 16383.
MAX_OUTPUT_PIXELS = 4096 * 4096
MAX_OUTPUT_SIDE = 8192
DEFAULT_QUALITY = 90

_CACHE_ENTRIES = 256
# Entries alone would not bound memory: 256 large PNGs can take gigabytes.
_CACHE_BYTES = 256 * 1024 * 1024
_TEXT = (20, 22, 30, 255)
_BOX = (250, 250, 244, 210)
_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
# A GIF's picture keeps 254 palette entries; the last two draw the moving ball and the filling bar.
_GIF_COLOURS = 254
_BALL, _BAR = 254, 255
_ORIENTATION_TAG = 0x0112
# The transposition that shows an image upright, by its EXIF orientation (as Pillow's exif_transpose).
_ORIENTATIONS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_QUARTER_TURNS = frozenset(_ORIENTATIONS[orientation] for orientation in (5, 6, 7, 8))


class ImageInputError(ValueError):
    """An uploaded image (or mask) cannot be used: unreadable, of another format, too large or mismatched."""


# --- public API -----------------------------------------------------------------------------------------


def render(
    prompt: str,
    width: int,
    height: int,
    *,
    fmt: str = "png",
    transparent: bool = False,
    compression: int | None = None,
    index: int = 0,
    detail: float = 1.0,
    frames: int = 1,
    frame_ms: int = 0,
) -> bytes:
    """A ``width``×``height`` picture of ``prompt``, encoded as ``fmt``; the ``index``-th of a request.

    ``transparent`` makes the background fully transparent (PNG and WebP only; JPEG and GIF ignore it).
    ``compression`` (0–100, 100 = best quality) is the JPEG/WebP quality; PNG and GIF ignore it.
    ``detail`` in (0, 1] coarsens the picture for partial images; 1 is the final image.
    ``frames`` and ``frame_ms`` (a multiple of 10) make a GIF an animation of that many frames of that delay.
    """
    _check_output(width, height, fmt, compression=compression, index=index, detail=detail)
    _check_animation(fmt, frames, frame_ms)
    transparent = transparent and fmt in ("png", "webp")
    animation = (frames, frame_ms) if fmt == "gif" else None
    key = ("render", prompt, width, height, fmt, transparent, _quality_key(fmt, compression), index, detail, animation)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    picture = _picture(prompt, width, height, transparent=transparent, index=index)
    data = _encode(_coarsen(picture, detail), fmt, compression, animation)
    _CACHE.put(key, data)
    return data


def render_svg(prompt: str, width: int, height: int, *, index: int = 0) -> bytes:
    """The picture ``render`` draws for ``prompt``, as a UTF-8 SVG document of ``width``×``height``.

    The gradient, the shapes, the prompt's text (wrapped and truncated as in the raster) and the index
    marker are vector elements; every piece of text is escaped, so any prompt gives well-formed XML.
    """
    _check_output(width, height, "png", compression=None, index=index, detail=1.0)
    key = ("svg", prompt, width, height, index)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    data = _svg_document(prompt, width, height, index).encode("utf-8")
    _CACHE.put(key, data)
    return data


def edit(
    source: bytes,
    prompt: str,
    width: int,
    height: int,
    *,
    mask: bytes | None = None,
    markup: bytes | None = None,
    fmt: str = "png",
    transparent: bool = False,
    compression: int | None = None,
    index: int = 0,
    detail: float = 1.0,
    frames: int = 1,
    frame_ms: int = 0,
) -> bytes:
    """``source``, shown upright (its EXIF orientation applied) and resized to ``width``×``height``, with
    the masked or marked-up area repainted from ``prompt``.

    The mask is a PNG of the source's stored size whose fully transparent pixels mark the area to edit;
    a markup is a PNG of the source's upright size whose drawn (not fully transparent) pixels mark it.
    With neither, the central quarter of the image is repainted. Everything else stays the source's.
    """
    _check_output(width, height, fmt, compression=compression, index=index, detail=detail)
    _check_animation(fmt, frames, frame_ms)
    if mask is not None and markup is not None:
        raise ImageInputError("a mask and a markup cannot be combined")
    transparent = transparent and fmt in ("png", "webp")
    animation = (frames, frame_ms) if fmt == "gif" else None
    # Uploads are keyed by digest so that the cache does not keep them alive.
    key = (
        "edit",
        _digest(source),
        None if mask is None else _digest(mask),
        None if markup is None else _digest(markup),
        prompt,
        width,
        height,
        fmt,
        transparent,
        _quality_key(fmt, compression),
        index,
        detail,
        animation,
    )
    cached = _CACHE.get(key)
    if cached is not None:
        return cached

    image, original_size, turn = _decode(source, "the image", (width, height))
    keep_alpha = (transparent or image.mode == "RGBA") and fmt in ("png", "webp")
    image = _resize(image.convert("RGBA" if keep_alpha else "RGB"), (width, height))
    if mask is not None:
        area = _mask_area(mask, original_size, turn, (width, height))
    elif markup is not None:
        upright = original_size[::-1] if turn in _QUARTER_TURNS else original_size
        area = _markup_area(markup, upright, (width, height))
    else:
        area = Image.new("L", (width, height), 0)
        ImageDraw.Draw(area).rectangle((width // 4, height // 4, (3 * width - 1) // 4, (3 * height - 1) // 4), 255)
    box = area.getbbox()
    if box is not None:
        left, top, right, bottom = box
        painted = _picture(prompt, right - left, bottom - top, transparent=transparent, index=index)
        image.paste(painted.convert(image.mode), (left, top), area.crop(box))

    data = _encode(_coarsen(image, detail), fmt, compression, animation)
    _CACHE.put(key, data)
    return data


def vary(source: bytes, width: int, height: int, *, fmt: str = "png", index: int = 0) -> bytes:
    """A recognisable ``index``-th variation of ``source`` at ``width``×``height``.

    The source is re-framed (a seeded zoom), hue-shifted and re-tinted by seeded amounts, and mirrored
    for odd indexes, so that every variation differs from the source and from its siblings.
    """
    _check_output(width, height, fmt, compression=None, index=index, detail=1.0)
    digest = _digest(source)
    key = ("vary", digest, width, height, fmt, index)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached

    image, _, _ = _decode(source, "the image", (width, height))
    dice = _Dice("vary", digest, index)
    zoom = dice.between(1.04, 1.2)
    crop_w, crop_h = image.width / zoom, image.height / zoom
    left = dice.between(0, image.width - crop_w)
    top = dice.between(0, image.height - crop_h)
    framed = _resize(image, (width, height), box=(left, top, left + crop_w, top + crop_h))
    if index % 2:
        framed = framed.transpose(Image.Transpose.FLIP_LEFT_RIGHT)

    alpha = framed.getchannel("A") if framed.mode == "RGBA" and fmt != "jpeg" else None
    rgb = _flatten(framed)
    # At least 10° keeps index 0 visibly different from the source; at most 35° keeps it recognisable.
    turn = math.radians(dice.between(10, 35)) * (1 if dice.unit() < 0.5 else -1)
    rgb = rgb.convert("RGB", _hue_tint_matrix(turn, _colour(dice.unit(), 0.6, 0.9), dice.between(0.08, 0.16)))
    if alpha is not None:
        rgb.putalpha(alpha)

    data = _encode(rgb, fmt, None)
    _CACHE.put(key, data)
    return data


def _hue_tint_matrix(turn: float, tint: tuple[int, ...], strength: float) -> tuple[float, ...]:
    """One colour matrix that rotates hues by ``turn`` radians (keeping luminance) and blends in ``tint``.

    A single matrix conversion is an order of magnitude faster than a round trip through HSV.
    """
    cos, sin = math.cos(turn), math.sin(turn)
    # The luminance-preserving hue rotation of the SVG/CSS hue-rotate filter.
    rotation = (
        (0.213 + cos * 0.787 - sin * 0.213, 0.715 - cos * 0.715 - sin * 0.715, 0.072 - cos * 0.072 + sin * 0.928),
        (0.213 - cos * 0.213 + sin * 0.143, 0.715 + cos * 0.285 + sin * 0.140, 0.072 - cos * 0.072 - sin * 0.283),
        (0.213 - cos * 0.213 - sin * 0.787, 0.715 - cos * 0.715 + sin * 0.715, 0.072 + cos * 0.928 + sin * 0.072),
    )
    keep = 1 - strength
    return tuple(
        value
        for row, channel in zip(rotation, tint, strict=True)
        for value in (*(keep * weight for weight in row), strength * channel)
    )


def clear_cache() -> None:
    """Forget every finished image (for tests and benchmarks; outputs do not change)."""
    _CACHE.clear()


# --- checking arguments ---------------------------------------------------------------------------------


def _check_output(width: int, height: int, fmt: str, *, compression: int | None, index: int, detail: float) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unsupported image format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if width < 1 or height < 1:
        raise ValueError(f"image size must be at least 1x1, got {width}x{height}")
    if width > MAX_OUTPUT_SIDE or height > MAX_OUTPUT_SIDE or width * height > MAX_OUTPUT_PIXELS:
        raise ValueError(
            f"image size {width}x{height} is too large (at most {MAX_OUTPUT_SIDE} a side "
            f"and {MAX_OUTPUT_PIXELS} pixels)"
        )
    if compression is not None and not 0 <= compression <= 100:
        raise ValueError(f"compression must be between 0 and 100, got {compression}")
    if index < 0:
        raise ValueError(f"index must not be negative, got {index}")
    if not 0 < detail <= 1:  # also refuses NaN
        raise ValueError(f"detail must be in (0, 1], got {detail}")


def _check_animation(fmt: str, frames: int, frame_ms: int) -> None:
    if not 1 <= frames <= MAX_FRAMES:
        raise ValueError(f"frames must be between 1 and {MAX_FRAMES}, got {frames}")
    if not 0 <= frame_ms <= MAX_FRAME_MS or frame_ms % 10:
        raise ValueError(f"frame_ms must be a multiple of 10 between 0 and {MAX_FRAME_MS}, got {frame_ms}")
    if frames > 1 and fmt != "gif":
        raise ValueError(f"only GIF output is animated, not {fmt}")


def _quality_key(fmt: str, compression: int | None) -> int | None:
    # PNG ignores compression, so it must not split the cache.
    return None if fmt == "png" else compression


# --- drawing --------------------------------------------------------------------------------------------


class _Dice:
    """Numbers drawn from a blake2b stream: stable across runs, processes and Python versions."""

    def __init__(self, *parts: object) -> None:
        self._seed = _digest(repr(parts).encode())  # repr escapes lone surrogates, so it always encodes
        self._block = b""
        self._counter = 0

    def unit(self) -> float:
        """A number in [0, 1)."""
        if not self._block:
            self._block = hashlib.blake2b(self._counter.to_bytes(8, "big"), key=self._seed).digest()
            self._counter += 1
        chunk, self._block = self._block[:8], self._block[8:]
        return int.from_bytes(chunk, "big") / 2**64

    def between(self, low: float, high: float) -> float:
        return low + (high - low) * self.unit()

    def integer(self, low: int, high: int) -> int:
        """An integer in [low, high]."""
        return min(high, low + int((high - low + 1) * self.unit()))


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def _colour(hue: float, saturation: float, value: float, alpha: int | None = None) -> tuple[int, ...]:
    rgb = tuple(round(channel * 255) for channel in colorsys.hsv_to_rgb(hue % 1.0, saturation, value))
    return rgb if alpha is None else (*rgb, alpha)


def _picture(prompt: str, width: int, height: int, *, transparent: bool, index: int) -> Image.Image:
    """The full-detail picture: seeded background and shapes, the prompt's text and the index marker."""
    dice = _Dice("picture", prompt, index)
    base_hue = dice.unit()
    if transparent:
        picture = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    else:
        # A dice of its own, so that shapes sit in the same places with and without a background.
        picture = _gradient(width, height, _Dice("gradient", prompt, index), base_hue)
    _shapes(picture, dice, base_hue, opaque=transparent)
    _text_box(picture, prompt)
    _marker(picture, index)
    return picture


@functools.cache
def _unit_gradient() -> Image.Image:
    return Image.linear_gradient("L").resize((128, 128), Image.Resampling.BOX)


def _gradient(width: int, height: int, dice: _Dice, base_hue: float) -> Image.Image:
    """A two-colour gradient in a seeded direction.

    It is drawn at 128x128 and scaled up with NEAREST, several times cheaper than smooth resampling: the
    steps between neighbouring cells are a level or two per channel, too small to see.
    """
    vertical = _unit_gradient()
    ramp = Image.blend(vertical, vertical.transpose(Image.Transpose.ROTATE_90), dice.unit())
    if dice.unit() < 0.5:
        ramp = ramp.transpose(Image.Transpose.ROTATE_180)
    start = Image.new("RGB", ramp.size, _colour(base_hue, dice.between(0.35, 0.7), dice.between(0.8, 0.97)))
    end_hue = base_hue + dice.between(0.15, 0.45)
    end = Image.new("RGB", ramp.size, _colour(end_hue, dice.between(0.45, 0.85), dice.between(0.55, 0.85)))
    return Image.composite(end, start, ramp).resize((width, height), Image.Resampling.NEAREST)


def _shapes(picture: Image.Image, dice: _Dice, base_hue: float, *, opaque: bool) -> None:
    width, height = picture.size
    # Translucent shapes blend into the gradient; on a transparent canvas they must be opaque to show.
    draw = ImageDraw.Draw(picture, None if opaque else "RGBA")
    side = min(width, height)
    for _ in range(dice.integer(3, 5)):
        hue = base_hue + dice.between(0.3, 0.7)
        fill = _colour(hue, dice.between(0.5, 0.9), dice.between(0.4, 0.9), 255 if opaque else dice.integer(120, 200))
        radius = side * dice.between(0.08, 0.2)
        x, y = dice.between(0, width), dice.between(0, height)
        bounds = (x - radius, y - radius, x + radius, y + radius)
        kind = dice.integer(0, 2)
        if kind == 0:
            draw.ellipse(bounds, fill=fill)
        elif kind == 1:
            draw.rectangle(bounds, fill=fill)
        else:
            turn = dice.between(0, 2 * math.pi)
            corners = [
                (x + radius * math.cos(turn + k * 2 * math.pi / 3), y + radius * math.sin(turn + k * 2 * math.pi / 3))
                for k in range(3)
            ]
            draw.polygon(corners, fill=fill)


@functools.lru_cache(maxsize=64)
def _font(size: int) -> _Font:
    # load_default(size=...) decodes an embedded font each call, hence the cache.
    try:
        return ImageFont.load_default(size=size)
    except (ImportError, OSError):  # Pillow without FreeType: a fixed-size bitmap font is better than none
        return ImageFont.load_default()


def _line_height(font: _Font) -> int:
    _, top, _, bottom = font.getbbox("Hg")
    return max(1, math.ceil((bottom - top) * 1.3))


def _clean(prompt: str, limit: int) -> tuple[str, bool]:
    """The first ``limit`` characters of the prompt as one line of printable text, and whether it was cut.

    Whitespace runs (newlines included) become one space; control, format, surrogate, private and
    unassigned characters are dropped, since fonts cannot draw them and lone surrogates cannot be encoded.
    """
    head = prompt[: limit * 2]
    printable = "".join(char for char in head if not unicodedata.category(char).startswith("C") or char.isspace())
    words = printable.split()
    text = " ".join(words)
    cut = len(head) < len(prompt) or len(text) > limit
    return text[:limit], cut


@functools.lru_cache(maxsize=8192)
def _advance(size: int, char: str) -> float:
    return _font(size).getlength(char)


def _width(text: str, size: int) -> float:
    """The drawn width of ``text`` from cached per-character advances.

    Measuring a string costs tens of microseconds a call in FreeType. The default font uses Layout.BASIC,
    which only applies a legacy kerning table, and the embedded font has none: the sum is exact.
    """
    return sum(_advance(size, char) for char in text)


def _wrap(text: str, size: int, max_width: float, max_lines: int, cut: bool) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines; an ellipsis ends the last line if text is left over."""
    lines: list[str] = []
    current = ""
    words = text.split(" ")
    for position, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if _width(candidate, size) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        # A word wider than the line is broken wherever it has to be.
        while _width(current, size) > max_width and len(lines) < max_lines:
            fits = _fitting(current, size, max_width)
            lines.append(current[:fits])
            current = current[fits:]
        if len(lines) >= max_lines:
            cut = cut or bool(current) or position < len(words) - 1
            break
    else:
        if current:
            lines.append(current)
    lines = lines[:max_lines]
    if cut and lines:
        last = lines[-1]
        while last and _width(last + "…", size) > max_width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def _fitting(text: str, size: int, max_width: float) -> int:
    """How many leading characters of ``text`` fit in ``max_width`` (at least one, so wrapping advances)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _width(text[:middle], size) <= max_width:
            low = middle
        else:
            high = middle - 1
    return low


def _text_box(picture: Image.Image, prompt: str) -> None:
    """The prompt, wrapped and truncated, in dark text on a light translucent box centred on the picture."""
    width, height = picture.size
    size = max(6, round(min(width, height) / 16))
    font = _font(size)
    line_height = _line_height(font)
    padding = max(2, line_height // 3)
    max_width = max(1, round(width * 0.86) - 2 * padding)
    max_lines = max(1, (round(height * 0.6) - 2 * padding) // line_height)
    # The narrowest glyphs are about a fifth of the size; more text than that could never be shown.
    limit = max_lines * (max_width // max(1, size // 5) + 1)
    text, cut = _clean(prompt, limit)
    if not text:
        return
    lines = _wrap(text, size, max_width, max_lines, cut)
    text_width = max(math.ceil(_width(line, size)) for line in lines)
    box_width = min(width, text_width + 2 * padding)
    box_height = min(height, len(lines) * line_height + 2 * padding)
    layer = Image.new("RGBA", (box_width, box_height), _BOX)
    draw = ImageDraw.Draw(layer)
    for number, line in enumerate(lines):
        draw.text((padding, padding + number * line_height), line, font=font, fill=_TEXT)
    _overlay(picture, layer, ((width - box_width) // 2, (height - box_height) // 2))


def _marker(picture: Image.Image, index: int) -> None:
    """A small "#n" (counting from 1) in the top-left corner, so the images of one request differ visibly."""
    width, height = picture.size
    font = _font(max(6, round(min(width, height) / 20)))
    label = f"#{index + 1}"
    padding = max(1, round(font.size / 4)) if isinstance(font, ImageFont.FreeTypeFont) else 2
    _, _, right, bottom = font.getbbox(label)
    layer_size = (min(width, math.ceil(right) + 2 * padding), min(height, math.ceil(bottom) + 2 * padding))
    layer = Image.new("RGBA", layer_size, _BOX)
    ImageDraw.Draw(layer).text((padding, padding), label, font=font, fill=_TEXT)
    _overlay(picture, layer, (padding, padding))


def _overlay(picture: Image.Image, layer: Image.Image, position: tuple[int, int]) -> None:
    """Composite an RGBA layer onto the picture in place, only over the layer's own rectangle."""
    if picture.mode == "RGBA":
        # Over a transparent background, pasting with a mask would darken the box; this composites properly.
        picture.alpha_composite(layer, position)
    else:
        picture.paste(layer, position, layer)


def _coarsen(picture: Image.Image, detail: float) -> Image.Image:
    """The same picture with blocks of about 1/detail² pixels, so early partial images look clearly unfinished."""
    if detail >= 1:
        return picture
    scale = detail * detail
    small = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
    return picture.resize(small, Image.Resampling.BOX).resize(picture.size, Image.Resampling.NEAREST)


# --- decoding uploads -----------------------------------------------------------------------------------


def _decode(
    data: bytes, what: str, target: tuple[int, int]
) -> tuple[Image.Image, tuple[int, int], Image.Transpose | None]:
    """An upload as an upright RGB or RGBA image (possibly already reduced towards ``target``), its stored size,
    and the transposition its EXIF orientation called for (None: it was stored upright)."""
    image = _open(data, what)
    original_size = image.size
    try:
        turn = _ORIENTATIONS.get(int(image.getexif().get(_ORIENTATION_TAG, 1)))
    except Exception:  # a broken EXIF block does not make the image unusable: it is read as upright
        turn = None
    if isinstance(image, JpegImagePlugin.JpegImageFile):
        # DCT scaling makes big JPEGs decode several times faster and never below the target size.
        image.draft("RGB", target[::-1] if turn in _QUARTER_TURNS else target)
    try:
        image.load()
        has_alpha = "A" in image.getbands() or "transparency" in image.info
        converted = image.convert("RGBA" if has_alpha else "RGB")
    except Exception as error:  # decoders raise many types; any of them means an unusable upload
        raise ImageInputError(f"{what} could not be decoded: {error}") from error
    return (converted if turn is None else converted.transpose(turn)), original_size, turn


def _open(data: bytes, what: str) -> ImageFile.ImageFile:
    """The upload's header, read without Pillow's global decompression-bomb warning, and checked against our limit."""
    opener: type[ImageFile.ImageFile]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        opener, name = PngImagePlugin.PngImageFile, "PNG"
    elif data.startswith(b"\xff\xd8\xff"):
        opener, name = JpegImagePlugin.JpegImageFile, "JPEG"
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        opener, name = WebPImagePlugin.WebPImageFile, "WebP"
    else:
        raise ImageInputError(f"{what} is not a PNG, JPEG or WebP image")
    try:
        image = opener(io.BytesIO(data))
    except Exception as error:  # a broken header raises SyntaxError, OSError, struct.error, ...
        raise ImageInputError(f"{what} is not a readable {name} image: {error}") from error
    width, height = image.size
    if width * height > MAX_SOURCE_PIXELS:
        raise ImageInputError(
            f"{what} is {width}x{height} ({width * height} pixels); at most {MAX_SOURCE_PIXELS} pixels are accepted"
        )
    return image


def _alpha(data: bytes, what: str, expected: tuple[int, int], which: str, why: str) -> Image.Image:
    """The alpha channel of an uploaded PNG that must be ``expected`` in size (``which`` names that size)."""
    image = _open(data, what)
    if image.size != expected:
        raise ImageInputError(
            f"{what} is {image.width}x{image.height} but the image is {expected[0]}x{expected[1]}{which}; "
            "they must be the same size"
        )
    try:
        image.load()
        if "A" not in image.getbands() and "transparency" not in image.info:
            raise ImageInputError(f"{what} has no alpha channel; {why}")
        return image.convert("RGBA").getchannel("A")
    except ImageInputError:
        raise
    except Exception as error:
        raise ImageInputError(f"{what} could not be decoded: {error}") from error


def _mask_area(
    mask: bytes, source_size: tuple[int, int], turn: Image.Transpose | None, size: tuple[int, int]
) -> Image.Image:
    """An L image of ``size``: 255 where the mask is fully transparent (to be edited), 0 elsewhere.

    The mask matches the image as stored, so it is turned upright with it."""
    alpha = _alpha(mask, "the mask", source_size, "", "transparent pixels mark the area to edit")
    area = alpha.point([255 if level == 0 else 0 for level in range(256)])
    if turn is not None:
        area = area.transpose(turn)
    # Scaling after thresholding gives soft edges instead of jagged ones.
    return _resize(area, size)


def _markup_area(markup: bytes, upright_size: tuple[int, int], size: tuple[int, int]) -> Image.Image:
    """An L image of ``size``: 255 where the markup is drawn (its pixels not fully transparent), 0 elsewhere."""
    why = "its drawn pixels mark the area to edit"
    alpha = _alpha(markup, "the markup", upright_size, " after its orientation", why)
    return _resize(alpha.point([0 if level == 0 else 255 for level in range(256)]), size)


def _resize(
    image: Image.Image, size: tuple[int, int], box: tuple[float, float, float, float] | None = None
) -> Image.Image:
    # reducing_gap lets Pillow shrink big uploads by cheap integer reduction before resampling; bilinear
    # costs three fifths of bicubic, and a mock's edit needs no finer filter.
    if image.size == size and box is None:
        return image.copy()
    return image.resize(size, Image.Resampling.BILINEAR, box=box, reducing_gap=2.0)


# --- encoding -------------------------------------------------------------------------------------------


def _flatten(image: Image.Image) -> Image.Image:
    """The image without alpha, transparent parts shown on white."""
    if image.mode == "RGB":
        return image
    if image.mode != "RGBA":
        return image.convert("RGB")
    flat = Image.new("RGB", image.size, (255, 255, 255))
    flat.paste(image, (0, 0), image.getchannel("A"))
    return flat


def _encode(image: Image.Image, fmt: str, compression: int | None, animation: tuple[int, int] | None = None) -> bytes:
    buffer = io.BytesIO()
    quality = DEFAULT_QUALITY if compression is None else max(1, compression)
    if fmt == "png":
        # Level 1 is several times faster than the default and the mock's images compress well anyway.
        image.save(buffer, format="PNG", compress_level=1)
    elif fmt == "jpeg":
        _flatten(image).save(buffer, format="JPEG", quality=quality)
    elif fmt == "gif":
        frames, frame_ms = animation or (1, 0)
        first, *rest = _frames(image, frames)
        first.save(buffer, format="GIF", save_all=True, append_images=rest, duration=frame_ms, loop=0, optimize=False)
    else:
        # method 0 is WebP's fastest encoder; quality still decides the size.
        image.save(buffer, format="WEBP", quality=quality, method=0)
    return buffer.getvalue()


def _frames(picture: Image.Image, count: int) -> list[Image.Image]:
    """``count`` palette frames of the picture, each with a ball one step further across its lower part and
    a bar along its bottom edge one step fuller, so that no two frames are alike (GIF encoders merge those).

    The picture is quantised once; each frame then only draws the two moving parts."""
    width, height = picture.size
    base = _flatten(picture).quantize(_GIF_COLOURS, Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette = (base.getpalette() or [])[: 3 * _GIF_COLOURS]
    palette += [0] * (3 * _GIF_COLOURS - len(palette))
    base.putpalette([*palette, 235, 60, 40, *_TEXT[:3]])
    radius = max(1, min(width, height) // 24)
    bar = max(1, height // 64)
    travel = max(0, width - 2 * radius - 1)
    frames = []
    for index in range(count):
        frame = base.copy()
        draw = ImageDraw.Draw(frame)
        x = radius + travel * index // max(1, count - 1)
        y = max(radius, height - bar - 2 * radius)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_BALL)
        draw.rectangle((0, height - bar, max(0, (index + 1) * width // count - 1), height - 1), fill=_BAR)
        frames.append(frame)
    return frames


# --- SVG ------------------------------------------------------------------------------------------------


def _svg_colour(colour: tuple[int, ...]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour[:3])


def _svg_document(prompt: str, width: int, height: int, index: int) -> str:
    """The SVG text of ``render``'s picture: the same seeded gradient and shapes, the prompt and the marker."""
    dice = _Dice("picture", prompt, index)
    base_hue = dice.unit()
    shading = _Dice("gradient", prompt, index)
    across = shading.unit()
    reverse = shading.unit() < 0.5
    start = _colour(base_hue, shading.between(0.35, 0.7), shading.between(0.8, 0.97))
    end = _colour(base_hue + shading.between(0.15, 0.45), shading.between(0.45, 0.85), shading.between(0.55, 0.85))
    x2, y2 = (1 - across, across) if not reverse else (across, 1 - across)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(_clean(prompt, 1000)[0])}</title>",
        f'<defs><linearGradient id="background" x1="0" y1="0" x2="{x2:.3f}" y2="{y2:.3f}">'
        + f'<stop offset="0" stop-color="{_svg_colour(start)}"/><stop offset="1" stop-color="{_svg_colour(end)}"/>'
        + "</linearGradient></defs>",
        f'<rect width="{width}" height="{height}" fill="url(#background)"/>',
    ]
    side = min(width, height)
    for _ in range(dice.integer(3, 5)):
        hue = base_hue + dice.between(0.3, 0.7)
        fill = _colour(hue, dice.between(0.5, 0.9), dice.between(0.4, 0.9), dice.integer(120, 200))
        paint = f'fill="{_svg_colour(fill)}" fill-opacity="{fill[3] / 255:.3f}"'
        radius = side * dice.between(0.08, 0.2)
        x, y = dice.between(0, width), dice.between(0, height)
        kind = dice.integer(0, 2)
        if kind == 0:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" {paint}/>')
        elif kind == 1:
            parts.append(f'<rect x="{x - radius:.1f}" y="{y - radius:.1f}" width="{2 * radius:.1f}" '
                         f'height="{2 * radius:.1f}" {paint}/>')  # fmt: skip
        else:
            turn = dice.between(0, 2 * math.pi)
            corners = " ".join(
                f"{x + radius * math.cos(turn + k * 2 * math.pi / 3):.1f},"
                f"{y + radius * math.sin(turn + k * 2 * math.pi / 3):.1f}"
                for k in range(3)
            )
            parts.append(f'<polygon points="{corners}" {paint}/>')
    parts += _svg_text(prompt, width, height)
    size = max(6, round(side / 20))
    parts.append(
        f'<text x="{size // 2}" y="{size + size // 4}" font-family="sans-serif" font-size="{size}" '
        f'fill="{_svg_colour(_TEXT)}">#{index + 1}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _svg_text(prompt: str, width: int, height: int) -> list[str]:
    """The prompt's box as SVG elements, wrapped and truncated as ``_text_box`` draws it."""
    size = max(6, round(min(width, height) / 16))
    line_height = _line_height(_font(size))
    padding = max(2, line_height // 3)
    max_width = max(1, round(width * 0.86) - 2 * padding)
    max_lines = max(1, (round(height * 0.6) - 2 * padding) // line_height)
    text, cut = _clean(prompt, max_lines * (max_width // max(1, size // 5) + 1))
    if not text:
        return []
    lines = _wrap(text, size, max_width, max_lines, cut)
    box_width = min(width, max(math.ceil(_width(line, size)) for line in lines) + 2 * padding)
    box_height = min(height, len(lines) * line_height + 2 * padding)
    left, top = (width - box_width) // 2, (height - box_height) // 2
    elements = [
        f'<rect x="{left}" y="{top}" width="{box_width}" height="{box_height}" '
        f'fill="{_svg_colour(_BOX)}" fill-opacity="{_BOX[3] / 255:.3f}"/>',
        f'<text font-family="sans-serif" font-size="{size}" fill="{_svg_colour(_TEXT)}">',
    ]
    for number, line in enumerate(lines):
        baseline = top + padding + number * line_height + size
        elements.append(f'<tspan x="{left + padding}" y="{baseline}">{escape(line)}</tspan>')
    elements.append("</text>")
    return elements


# --- the cache ------------------------------------------------------------------------------------------


class _ResultCache:
    """A thread-safe LRU of finished images, bounded both in entries and in total bytes."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self._entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self._max_entries = max_entries
        self._max_bytes = max_bytes
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value: bytes) -> None:
        if len(value) > self._max_bytes // 4:
            return  # one huge image must not flush everything else
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= len(previous)
            self._entries[key] = value
            self._bytes += len(value)
            while len(self._entries) > self._max_entries or self._bytes > self._max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= len(evicted)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


_CACHE = _ResultCache(_CACHE_ENTRIES, _CACHE_BYTES)
