"""openai_images.imageinfo: format, dimensions and alpha from headers alone, for real and broken images."""

from __future__ import annotations

import io
import os
import random
import struct
import time
import tracemalloc
from array import array
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openai_images.imageinfo import SNIFF_BYTES, ImageInfo, ImageInfoError, extension, inspect, sniff_format
from PIL import Image

# --- Building real images -------------------------------------------------------------------------------------------

DEFAULT_COLOURS: dict[str, Any] = {
    "1": 1,
    "L": 128,
    "LA": (128, 100),
    "P": 1,
    "RGB": (200, 30, 30),
    "RGBA": (200, 30, 30, 128),
    "CMYK": (10, 20, 30, 40),
}


def encode(fmt: str, mode: str = "RGB", size: tuple[int, int] = (64, 48), **params: Any) -> bytes:
    """A real image made by Pillow, so the tests do not trust our own idea of the formats."""
    buffer = io.BytesIO()
    Image.new(mode, size, DEFAULT_COLOURS[mode]).save(buffer, format=fmt, **params)
    return buffer.getvalue()


def jpeg_segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def with_app1_padding(jpeg: bytes, total: int) -> bytes:
    """The JPEG with ``total`` bytes of APP1 segments (each at most 64 KB) between SOI and the rest."""
    segments = []
    while total > 0:
        chunk = min(total, 65_533)
        segments.append(jpeg_segment(0xE1, b"Exif\x00\x00" + b"\x00" * (chunk - 6)))
        total -= chunk
    return jpeg[:2] + b"".join(segments) + jpeg[2:]


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + b"\x00\x00\x00\x00"  # the CRC is never checked


def png_bytes(ihdr: bytes, *chunks: bytes) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + b"".join(chunks)


def ihdr(width: int, height: int, depth: int = 8, colour: int = 2) -> bytes:
    return struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)


def png_headers_end(png: bytes) -> int:
    """Where the first IDAT chunk ends: everything up to there is header as far as inspect is concerned."""
    start = png.index(b"IDAT") - 4
    (length,) = struct.unpack(">I", png[start : start + 4])
    return start + 12 + length


def jpeg_headers_end(jpeg: bytes) -> int:
    """Where the first frame header (SOFn) segment ends."""
    pos = 2
    while jpeg[pos + 1] not in (0xC0, 0xC1, 0xC2):
        pos += 2 + int.from_bytes(jpeg[pos + 2 : pos + 4], "big")
    return pos + 2 + int.from_bytes(jpeg[pos + 2 : pos + 4], "big")


def gif_headers_end(gif: bytes) -> int:
    """Where the first image descriptor ends (Pillow writes no local colour table)."""
    return gif.index(b",\x00\x00\x00\x00") + 10


def webp_chunk(webp: bytes) -> bytes:
    return webp[12:16]


def webp_from_chunk(kind: bytes, payload: bytes) -> bytes:
    body = b"WEBP" + kind + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


PNG_RGB = encode("PNG")
JPEG_BASELINE = encode("JPEG")
WEBP_LOSSY = encode("WEBP")
WEBP_LOSSLESS_ALPHA = encode("WEBP", "RGBA", lossless=True)
WEBP_EXTENDED = encode("WEBP", "RGBA")
GIF_TRANSPARENT = encode("GIF", "P", transparency=1)
SAMPLES = [PNG_RGB, encode("PNG", "P", transparency=1), JPEG_BASELINE, encode("JPEG", progressive=True)]
SAMPLES += [WEBP_LOSSY, WEBP_LOSSLESS_ALPHA, WEBP_EXTENDED, encode("GIF", "P"), GIF_TRANSPARENT]


class CountingFileIO(io.FileIO):
    """A real file that counts the bytes handed out, to prove reads stay bounded."""

    bytes_read = 0

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        self.bytes_read += len(data)
        return data

    def readinto(self, buffer: Any, /) -> int:
        n = super().readinto(buffer)
        self.bytes_read += n
        return n

    def readall(self) -> bytes:
        data = super().readall()
        self.bytes_read += len(data)
        return data


# --- sniff_format ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [(PNG_RGB, "png"), (JPEG_BASELINE, "jpeg"), (WEBP_LOSSY, "webp"), (GIF_TRANSPARENT, "gif"), (b"GIF87a", "gif")],
)
def test_sniff_format_names_the_format_from_the_first_bytes(data: bytes, expected: str) -> None:
    assert sniff_format(data[:12]) == expected


@pytest.mark.parametrize(
    "head",
    [b"", b"\x89PN", b"\xff\xd8", b"RIFF\x00\x00\x00\x00WAVE", b"BM6\x00\x00\x00", b"hello world\n", b"GIF90a"],
)
def test_sniff_format_returns_none_for_unknown_or_incomplete_signatures(head: bytes) -> None:
    assert sniff_format(head) is None


# --- What each format reports ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "params", "has_alpha"),
    [
        pytest.param("RGB", {}, False, id="RGB"),
        pytest.param("RGBA", {}, True, id="RGBA-colour-type-6"),
        pytest.param("L", {}, False, id="L"),
        pytest.param("LA", {}, True, id="LA-colour-type-4"),
        pytest.param("P", {}, False, id="P"),
        pytest.param("P", {"transparency": 1}, True, id="P-with-tRNS"),
        pytest.param("L", {"transparency": 128}, True, id="L-with-tRNS"),
        pytest.param("RGB", {"transparency": (200, 30, 30)}, True, id="RGB-with-tRNS"),
        pytest.param("1", {}, False, id="1-bit"),
    ],
)
def test_png_reports_dimensions_and_alpha_for_each_mode(mode: str, params: dict[str, Any], has_alpha: bool) -> None:
    data = encode("PNG", mode, (64, 48), **params)
    assert (b"tRNS" in data) == ("transparency" in params)
    assert inspect(data) == ImageInfo(format="png", width=64, height=48, has_alpha=has_alpha, size=len(data))


@pytest.mark.parametrize(
    ("mode", "params"),
    [("RGB", {}), ("RGB", {"progressive": True}), ("L", {}), ("CMYK", {}), ("RGB", {"quality": 100})],
    ids=["baseline", "progressive", "greyscale", "cmyk", "quality-100"],
)
def test_jpeg_reports_dimensions_and_never_alpha(mode: str, params: dict[str, Any]) -> None:
    data = encode("JPEG", mode, (64, 48), **params)
    assert inspect(data) == ImageInfo(format="jpeg", width=64, height=48, has_alpha=False, size=len(data))


def test_jpeg_frame_header_is_found_after_200kb_of_app1_segments() -> None:
    data = with_app1_padding(encode("JPEG", size=(300, 200)), 200_000)
    info = inspect(data)
    assert (info.width, info.height, info.size) == (300, 200, len(data))


def test_jpeg_frame_header_is_found_after_app1_segments_in_a_progressive_file() -> None:
    data = with_app1_padding(encode("JPEG", size=(300, 200), progressive=True), 200_000)
    assert (inspect(data).width, inspect(data).height) == (300, 200)


def test_jpeg_fill_bytes_and_standalone_markers_are_skipped() -> None:
    # RST0 and TEM have no length field; 0xFF fill bytes may pad any marker.
    data = JPEG_BASELINE[:2] + b"\xff\xd0" + b"\xff\x01" + b"\xff\xff\xff" + JPEG_BASELINE[2:]
    assert (inspect(data).width, inspect(data).height) == (64, 48)


def test_jpeg_stray_bytes_between_segments_are_skipped_as_libjpeg_does() -> None:
    app0_end = 4 + int.from_bytes(JPEG_BASELINE[4:6], "big")
    data = JPEG_BASELINE[:app0_end] + b"\x00\x12\xff\x00" + JPEG_BASELINE[app0_end:]
    assert (inspect(data).width, inspect(data).height) == (64, 48)


@pytest.mark.parametrize("marker", sorted(set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}), ids=lambda m: f"SOF{m - 0xC0}")
def test_jpeg_every_sof_marker_carries_the_dimensions(marker: int) -> None:
    sof = JPEG_BASELINE.index(b"\xff\xc0")
    data = JPEG_BASELINE[: sof + 1] + bytes([marker]) + JPEG_BASELINE[sof + 2 :]
    assert (inspect(data).width, inspect(data).height) == (64, 48)


@pytest.mark.parametrize("marker", [0xC4, 0xC8, 0xCC], ids=["DHT", "JPG", "DAC"])
def test_jpeg_dht_jpg_and_dac_are_not_mistaken_for_frame_headers(marker: int) -> None:
    # Laid out like a 1x1 frame header: read as one, it would give the wrong size.
    decoy = jpeg_segment(marker, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")
    data = JPEG_BASELINE[:2] + decoy + JPEG_BASELINE[2:]
    assert (inspect(data).width, inspect(data).height) == (64, 48)


@pytest.mark.parametrize(
    ("data", "chunk", "has_alpha"),
    [
        pytest.param(encode("WEBP", "RGB"), b"VP8 ", False, id="lossy"),
        pytest.param(encode("WEBP", "RGB", lossless=True), b"VP8L", False, id="lossless"),
        pytest.param(encode("WEBP", "RGBA", lossless=True), b"VP8L", True, id="lossless-alpha"),
        pytest.param(encode("WEBP", "RGBA"), b"VP8X", True, id="extended-alpha"),
        pytest.param(encode("WEBP", "RGB", exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x00\x00"), b"VP8X", False,
                     id="extended-exif"),
    ],
)  # fmt: skip
def test_webp_reports_dimensions_and_alpha_for_each_kind(data: bytes, chunk: bytes, has_alpha: bool) -> None:
    assert webp_chunk(data) == chunk
    assert inspect(data) == ImageInfo(format="webp", width=64, height=48, has_alpha=has_alpha, size=len(data))


def test_webp_lossy_dimensions_ignore_the_scaling_bits() -> None:
    data = bytearray(encode("WEBP", size=(300, 200)))
    data[27] |= 0xC0  # the top two bits of each 16-bit field are an upscaling hint, not part of the size
    data[29] |= 0x40
    assert (inspect(data).width, inspect(data).height) == (300, 200)


def test_webp_dimensions_use_all_14_bits() -> None:
    data = webp_from_chunk(b"VP8L", b"\x2f" + struct.pack("<I", 16383 | (16382 << 14)))
    assert (inspect(data).width, inspect(data).height) == (16384, 16383)


def test_webp_extended_canvas_uses_24_bit_dimensions() -> None:
    vp8x = bytes([0x10, 0, 0, 0]) + (70_000 - 1).to_bytes(3, "little") + (5 - 1).to_bytes(3, "little")
    assert inspect(webp_from_chunk(b"VP8X", vp8x)) == ImageInfo("webp", 70_000, 5, True, 30)


@pytest.mark.parametrize(
    ("params", "has_alpha"), [({}, False), ({"transparency": 1}, True)], ids=["opaque", "transparent"]
)
def test_gif_reports_transparency_from_the_graphic_control_extension(params: dict[str, Any], has_alpha: bool) -> None:
    data = encode("GIF", "P", (64, 48), **params)
    assert inspect(data) == ImageInfo(format="gif", width=64, height=48, has_alpha=has_alpha, size=len(data))


def test_gif_transparency_after_the_first_image_does_not_count() -> None:
    opaque = encode("GIF", "P", (64, 48))
    gce = b"\x21\xf9\x04\x01\x00\x00\x00\x00"
    assert not inspect(opaque[:-1] + gce + opaque[gif_headers_end(opaque) - 10 : -1] + b";").has_alpha


def test_gif_skips_comment_and_application_extensions() -> None:
    data = GIF_TRANSPARENT
    comment = b"\x21\xfe" + b"\xff" + b"c" * 255 + b"\x03abc" + b"\x00"
    at = data.index(b"!\xf9")
    assert inspect(data[:at] + comment + data[at:]).has_alpha


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_non_square_images_report_width_then_height(fmt: str) -> None:
    info = inspect(encode(fmt, "P" if fmt == "GIF" else "RGB", (300, 200)))
    assert (info.width, info.height, info.is_square) == (300, 200, False)


@pytest.mark.parametrize(
    ("data", "mime_type"),
    [(PNG_RGB, "image/png"), (JPEG_BASELINE, "image/jpeg"), (WEBP_LOSSY, "image/webp"), (GIF_TRANSPARENT, "image/gif")],
)
def test_mime_type_follows_the_format(data: bytes, mime_type: str) -> None:
    assert inspect(data).mime_type == mime_type


def test_square_images_are_square() -> None:
    assert inspect(encode("PNG", size=(32, 32))).is_square


def test_image_info_is_immutable() -> None:
    info = inspect(PNG_RGB)
    with pytest.raises(AttributeError):
        info.width = 1  # type: ignore[misc]


# --- Sources: bytes-likes and file objects --------------------------------------------------------------------------


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview], ids=["bytes", "bytearray", "memoryview"])
def test_bytes_like_sources_are_all_accepted(wrap: Any) -> None:
    assert inspect(wrap(PNG_RGB)) == inspect(PNG_RGB)


def test_a_memoryview_slice_is_measured_by_its_own_length() -> None:
    buffer = b"junk" + PNG_RGB + b"more junk"
    info = inspect(memoryview(buffer)[4 : 4 + len(PNG_RGB)])
    assert info.size == len(PNG_RGB)


def test_a_memoryview_of_wider_items_is_read_as_bytes() -> None:
    words = array("H")
    words.frombytes(PNG_RGB + b"\x00" * (len(PNG_RGB) % 2))
    assert inspect(memoryview(words)).width == 64


def test_a_bytearray_can_be_resized_after_inspection() -> None:
    data = bytearray(PNG_RGB)
    inspect(data)
    data.extend(b"more")  # would raise BufferError if a view were still exported


def test_a_bytes_io_is_rewound_to_where_it_started() -> None:
    file = io.BytesIO(PNG_RGB)
    info = inspect(file)
    assert (file.tell(), info.size) == (0, len(PNG_RGB))


def test_a_bytes_io_is_read_from_its_current_position_and_rewound_there() -> None:
    file = io.BytesIO(b"prefix" + JPEG_BASELINE)
    file.seek(6)
    info = inspect(file)
    assert (info.format, info.size, file.tell()) == ("jpeg", len(JPEG_BASELINE), 6)


@pytest.mark.parametrize("buffering", [-1, 0], ids=["buffered", "raw"])
def test_a_file_on_disk_is_measured_by_fstat_and_rewound(tmp_path: Path, buffering: int) -> None:
    path = tmp_path / "image.webp"
    path.write_bytes(b"prefix" + WEBP_EXTENDED)
    with path.open("rb", buffering=buffering) as file:
        file.seek(6)
        info = inspect(file)
        assert (info.format, info.size, file.tell()) == ("webp", len(WEBP_EXTENDED), 6)
        assert file.read() == WEBP_EXTENDED


def test_a_file_is_rewound_even_when_it_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"## not an image\n" * 10)
    with path.open("rb") as file:
        file.seek(3)
        with pytest.raises(ImageInfoError, match="not a PNG, JPEG, WebP or GIF"):
            inspect(file)
        assert file.tell() == 3


def test_a_bytes_io_is_rewound_even_when_the_image_is_truncated() -> None:
    file = io.BytesIO(JPEG_BASELINE[:100])
    file.seek(0)
    with pytest.raises(ImageInfoError, match="truncated"):
        inspect(file)
    assert file.tell() == 0


def test_a_non_seekable_file_is_refused() -> None:
    read_fd, write_fd = os.pipe()
    with open(read_fd, "rb") as reader, open(write_fd, "wb") as writer:
        writer.write(PNG_RGB[:1000])
        writer.flush()
        with pytest.raises(ImageInfoError, match="must be seekable"):
            inspect(reader)


def test_a_text_mode_file_is_a_type_error(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(PNG_RGB)
    with path.open("r", encoding="latin-1") as file, pytest.raises(TypeError, match="binary"):
        inspect(file)  # type: ignore[arg-type]


@pytest.mark.parametrize("source", ["image.png", 42, None])
def test_a_source_that_is_neither_bytes_nor_a_file_is_a_type_error(source: Any) -> None:
    with pytest.raises(TypeError):
        inspect(source)


@pytest.mark.parametrize("limit", [0, -1])
def test_a_non_positive_header_limit_is_refused(limit: int) -> None:
    with pytest.raises(ValueError, match="max_header_bytes"):
        inspect(PNG_RGB, max_header_bytes=limit)


# --- Malformed input raises ImageInfoError, and nothing else --------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "match"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"hello, world\nthis is a text file\n", "not a PNG", id="text"),
        pytest.param(random.Random(0).randbytes(4096), "not a PNG", id="random-bytes"),
        pytest.param(b"\x89PNG\r\n", "truncated", id="png-signature-only"),
        pytest.param(b"\xff\xd8", "truncated", id="jpeg-soi-only"),
        pytest.param(b"BM" + b"\x00" * 64, "not a PNG", id="bmp"),
    ],
)
def test_what_is_not_an_image_is_refused(data: bytes, match: str) -> None:
    with pytest.raises(ImageInfoError, match=match):
        inspect(data)


IDAT = png_chunk(b"IDAT", b"\x78\x9c\x03\x00\x00\x00\x00\x01")
IEND = png_chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        pytest.param(png_bytes(ihdr(0, 10), IDAT, IEND), "invalid dimensions", id="width-0"),
        pytest.param(png_bytes(ihdr(10, 0), IDAT, IEND), "invalid dimensions", id="height-0"),
        pytest.param(png_bytes(ihdr(2**31, 10), IDAT, IEND), "invalid dimensions", id="width-2**31"),
        pytest.param(png_bytes(ihdr(10, 2**32 - 1), IDAT, IEND), "invalid dimensions", id="height-negative"),
        pytest.param(png_bytes(ihdr(10, 10, colour=5), IDAT, IEND), "colour type", id="bad-colour-type"),
        pytest.param(png_bytes(ihdr(10, 10, depth=3), IDAT, IEND), "bit depth", id="bad-bit-depth"),
        pytest.param(png_bytes(ihdr(10, 10) + b"\x00", IDAT, IEND), "13 bytes", id="long-ihdr"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + png_chunk(b"tEXt", b"k\x00v" * 5) + IDAT, "IHDR", id="ihdr-not-first"),
        pytest.param(png_bytes(ihdr(10, 10), IEND), "no image data", id="no-idat"),
        pytest.param(png_bytes(ihdr(10, 10), b"\xff\xff\xff\xfftEXt", IDAT), "invalid length", id="negative-length"),
        pytest.param(png_bytes(ihdr(10, 10), b"\x7f\xff\xff\xfftEXt", IDAT), "truncated", id="huge-length"),
        pytest.param(png_bytes(ihdr(10, 10), b"\x00\x00\x00\x08IDAT"), "truncated", id="idat-past-end"),
        pytest.param(png_bytes(ihdr(10, 10), png_chunk(b"t\x00Xt", b""), IDAT), "invalid type", id="bad-chunk-type"),
    ],
)
def test_malformed_png_is_refused(data: bytes, match: str) -> None:
    with pytest.raises(ImageInfoError, match=match):
        inspect(data)


def test_a_png_declaring_huge_dimensions_is_reported_without_allocating() -> None:
    # A decompression bomb is only dangerous to decoders; its header is harmless to read.
    data = png_bytes(ihdr(2**31 - 1, 2**31 - 1), IDAT, IEND)
    tracemalloc.start()
    try:
        info = inspect(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (info.width, info.height) == (2**31 - 1, 2**31 - 1)
    assert peak < 64 * 1024


SOF_AT = JPEG_BASELINE.index(b"\xff\xc0")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        pytest.param(JPEG_BASELINE[: SOF_AT + 5] + b"\x00\x00" + JPEG_BASELINE[SOF_AT + 7 :], "empty", id="height-0"),
        pytest.param(JPEG_BASELINE[: SOF_AT + 7] + b"\x00\x00" + JPEG_BASELINE[SOF_AT + 9 :], "empty", id="width-0"),
        pytest.param(b"\xff\xd8" + jpeg_segment(0xC0, b"\x08\x00\x10\x00\x10\x03"), "malformed", id="short-sof"),
        pytest.param(b"\xff\xd8" + jpeg_segment(0xC0, b"\x08\x00\x10\x00\x10\x00"), "malformed", id="no-components"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x01" + b"\x00" * 20, "length of 1", id="segment-length-1"),
        pytest.param(b"\xff\xd8\xff\xe0\xff\xff" + b"\x00" * 20, "truncated", id="segment-past-end"),
        pytest.param(b"\xff\xd8" + jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x00" * 20, "SOS", id="sos"),
        pytest.param(b"\xff\xd8\xff\xd9", "no frame header", id="eoi"),
        pytest.param(b"\xff\xd8\xff\xd8" + JPEG_BASELINE[2:], "no frame header", id="second-soi"),
        pytest.param(b"\xff\xd8\xff" + b"\xff" * 100, "truncated", id="only-fill-bytes"),
    ],
)
def test_malformed_jpeg_is_refused(data: bytes, match: str) -> None:
    with pytest.raises(ImageInfoError, match=match):
        inspect(data)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        pytest.param(WEBP_LOSSY[:4] + b"\xff\xff\xff\x7f" + WEBP_LOSSY[8:], "truncated", id="riff-size-past-end"),
        pytest.param(WEBP_LOSSY[:4] + b"\x04\x00\x00\x00" + WEBP_LOSSY[8:], "past the end", id="riff-size-too-small"),
        pytest.param(webp_from_chunk(b"ALPH", b"\x00" * 10), "unknown chunk", id="unknown-first-chunk"),
        pytest.param(webp_from_chunk(b"VP8 ", b"\x00" * 9), "too short", id="vp8-short"),
        pytest.param(webp_from_chunk(b"VP8 ", b"\x00\x00\x00\x9d\x01\x2b" + b"\x01" * 4), "key frame", id="vp8-code"),
        pytest.param(webp_from_chunk(b"VP8 ", b"\x01\x00\x00\x9d\x01\x2a" + b"\x01" * 4), "key frame", id="vp8-inter"),
        pytest.param(webp_from_chunk(b"VP8 ", b"\x00\x00\x00\x9d\x01\x2a" + b"\x00\xc0\x01\x00"), "empty", id="vp8-0"),
        pytest.param(webp_from_chunk(b"VP8L", b"\x2e\x00\x00\x00\x00"), "signature", id="vp8l-signature"),
        pytest.param(webp_from_chunk(b"VP8L", b"\x2f\x00\x00\x00\x20"), "version", id="vp8l-version"),
        pytest.param(webp_from_chunk(b"VP8L", b"\x2f\x00"), "too short", id="vp8l-short"),
        pytest.param(webp_from_chunk(b"VP8X", b"\x10" + b"\x00" * 8), "too short", id="vp8x-short"),
        pytest.param(WEBP_LOSSY[:16] + b"\xff\x00\x00\x00" + WEBP_LOSSY[20:], "past the end", id="chunk-past-riff"),
    ],
)
def test_malformed_webp_is_refused(data: bytes, match: str) -> None:
    with pytest.raises(ImageInfoError, match=match):
        inspect(data)


GIF_OPAQUE = encode("GIF", "P")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        pytest.param(GIF_OPAQUE[:6] + b"\x00\x00" + GIF_OPAQUE[8:], "empty", id="width-0"),
        pytest.param(GIF_OPAQUE[:6] + b"\x10\x00\x00\x00" + GIF_OPAQUE[10:], "empty", id="height-0"),
        pytest.param(GIF_OPAQUE[:19] + b";", "before any image", id="trailer-first"),
        pytest.param(GIF_OPAQUE[:19] + b"\x99" + GIF_OPAQUE[19:], "unknown block", id="unknown-block"),
        pytest.param(GIF_OPAQUE[:19] + b"\x21\xfe\x05ab", "truncated", id="cut-in-extension"),
        pytest.param(b"GIF89a\x01\x00\x01\x00\x87\x00\x00" + b"\x00" * 30, "truncated", id="cut-colour-table"),
    ],
)
def test_malformed_gif_is_refused(data: bytes, match: str) -> None:
    with pytest.raises(ImageInfoError, match=match):
        inspect(data)


TRUNCATION_CASES = [
    pytest.param(PNG_RGB, png_headers_end(PNG_RGB), id="png"),
    pytest.param(encode("PNG", "P", transparency=1), png_headers_end(encode("PNG", "P", transparency=1)), id="png-P"),
    pytest.param(JPEG_BASELINE, jpeg_headers_end(JPEG_BASELINE), id="jpeg"),
    pytest.param(WEBP_LOSSY, len(WEBP_LOSSY), id="webp-lossy"),
    pytest.param(WEBP_LOSSLESS_ALPHA, len(WEBP_LOSSLESS_ALPHA), id="webp-lossless"),
    pytest.param(WEBP_EXTENDED, len(WEBP_EXTENDED), id="webp-extended"),
    pytest.param(GIF_TRANSPARENT, gif_headers_end(GIF_TRANSPARENT), id="gif"),
]


@pytest.mark.parametrize(("data", "headers_end"), TRUNCATION_CASES)
def test_truncation_anywhere_in_the_headers_is_refused(data: bytes, headers_end: int) -> None:
    # WebP declares its total size, so a cut anywhere shows. The others are checked up to the pixel data:
    # the first IDAT chunk (whose declared length must fit), the JPEG frame header, the GIF image descriptor.
    for cut in range(headers_end):
        with pytest.raises(ImageInfoError):
            inspect(data[:cut])


@pytest.mark.parametrize(("data", "headers_end"), TRUNCATION_CASES)
def test_truncation_of_a_file_object_is_refused_and_the_file_rewound(data: bytes, headers_end: int) -> None:
    for cut in range(0, headers_end, 7):
        file = io.BytesIO(data[:cut])
        with pytest.raises(ImageInfoError):
            inspect(file)
        assert file.tell() == 0


# --- Bounded reads --------------------------------------------------------------------------------------------------


def test_a_jpeg_frame_header_beyond_the_limit_is_refused_cleanly() -> None:
    data = with_app1_padding(JPEG_BASELINE, 300_000)
    with pytest.raises(ImageInfoError, match="max_header_bytes=200000"):
        inspect(data, max_header_bytes=200_000)
    assert inspect(data, max_header_bytes=400_000).width == 64


def test_a_png_idat_beyond_the_limit_is_refused_cleanly() -> None:
    data = png_bytes(ihdr(10, 10), png_chunk(b"tEXt", b"comment\x00" + b"x" * 5000), IDAT, IEND)
    with pytest.raises(ImageInfoError, match="max_header_bytes=4096"):
        inspect(data, max_header_bytes=4096)


def test_only_the_headers_of_a_20mb_file_are_read(tmp_path: Path) -> None:
    path = tmp_path / "padded.png"
    with path.open("wb") as out:
        out.write(PNG_RGB[: png_headers_end(PNG_RGB)])
        out.truncate(20 * 2**20)  # 20 MB of (sparse) junk after the first IDAT
    with CountingFileIO(path) as file:
        info = inspect(file)
        assert (info.width, info.size) == (64, 20 * 2**20)
        assert file.bytes_read < 1024


def test_jpeg_app_segments_are_skipped_without_reading_them(tmp_path: Path) -> None:
    path = tmp_path / "exif-heavy.jpg"
    path.write_bytes(with_app1_padding(JPEG_BASELINE, 900_000))
    with CountingFileIO(path) as file:
        assert inspect(file).width == 64
        assert file.bytes_read < 16 * 1024


def test_a_20mb_jpeg_app_segment_run_fails_after_reading_little(tmp_path: Path) -> None:
    path = tmp_path / "huge-app.jpg"
    path.write_bytes(with_app1_padding(JPEG_BASELINE, 20 * 2**20))
    with CountingFileIO(path) as file:
        with pytest.raises(ImageInfoError, match="max_header_bytes"):
            inspect(file)
        assert file.bytes_read < 32 * 1024
        assert file.tell() == 0


def test_a_limit_smaller_than_the_file_still_reads_its_headers() -> None:
    assert inspect(PNG_RGB, max_header_bytes=png_headers_end(PNG_RGB) - 12).width == 64


@pytest.fixture(scope="module")
def big_png() -> bytes:
    noise = Image.frombytes("RGB", (1200, 1200), random.Random(1).randbytes(1200 * 1200 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG", compress_level=0)
    assert len(buffer.getvalue()) > 4 * 10**6
    return buffer.getvalue()


def test_inspecting_a_4mb_buffer_does_not_copy_it(big_png: bytes) -> None:
    tracemalloc.start()
    try:
        inspect(big_png)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024


def test_inspecting_a_4mb_buffer_takes_microseconds(big_png: bytes) -> None:
    best = min(_timed(inspect, big_png) for _ in range(200))
    assert best < 200e-6  # a single copy of the buffer would take longer than this


def _timed(function: Any, *args: Any) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


# --- Properties -----------------------------------------------------------------------------------------------------


def _check_outcome(data: bytes) -> None:
    try:
        info = inspect(data)
    except ImageInfoError:
        return
    assert info.width > 0 and info.height > 0
    assert info.format in {"png", "jpeg", "webp", "gif", "svg"}
    assert info.size == len(data)
    assert inspect(io.BytesIO(data)) == info


@given(st.binary(max_size=2048))
def test_arbitrary_bytes_give_an_image_info_or_image_info_error(data: bytes) -> None:
    _check_outcome(data)


SIGNATURES = [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"RIFF\x40\x00\x00\x00WEBP"]
SIGNATURES += [b"<svg ", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" ']


@given(st.sampled_from(SIGNATURES), st.binary(max_size=1024))
def test_bytes_after_a_signature_give_an_image_info_or_image_info_error(signature: bytes, rest: bytes) -> None:
    _check_outcome(signature + rest)


@settings(max_examples=300)
@given(
    st.sampled_from(SAMPLES),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=6),
    st.integers(min_value=0),
)
def test_corrupted_real_images_give_an_image_info_or_image_info_error(
    image: bytes, edits: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(image)
    for position, value in edits:
        data[position % min(len(data), 64)] = value  # the headers are in the first bytes of these small images
    _check_outcome(bytes(data[: len(data) - cut % 8]))


# --- GIF: animation -------------------------------------------------------------------------------------------------


def animated_gif(frames: int, size: tuple[int, int] = (40, 30), duration: int = 100) -> bytes:
    pictures = []
    for index in range(frames):
        picture = Image.new("RGB", size, (255, 255, 255))
        picture.paste((200, 30, 30), (index, 0, index + 2, 2))  # every frame differs, or Pillow merges them
        pictures.append(picture)
    buffer = io.BytesIO()
    pictures[0].save(buffer, format="GIF", save_all=True, append_images=pictures[1:], duration=duration, loop=0)
    return buffer.getvalue()


@pytest.mark.parametrize("frames", [1, 2, 9, 16])
def test_gif_reports_its_frame_count(frames: int) -> None:
    data = animated_gif(frames)
    assert Image.open(io.BytesIO(data)).n_frames == frames
    assert inspect(data).frames == frames
    assert inspect(io.BytesIO(data)).frames == frames


def test_gif_frames_are_counted_past_long_sub_block_runs() -> None:
    noise = Image.frombytes("L", (300, 300), random.Random(2).randbytes(90_000)).convert("RGB")
    frames = [noise, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT), noise.transpose(Image.Transpose.ROTATE_90)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    assert len(buffer.getvalue()) > 3 * 4096
    assert inspect(buffer.getvalue()).frames == 3


def test_a_gif_cut_after_its_first_image_is_read_with_its_frames_unknown() -> None:
    data = animated_gif(4)
    info = inspect(data[: len(data) - 20])
    assert (info.width, info.height, info.frames) == (40, 30, None)


def test_gif_frames_beyond_the_header_limit_are_unknown_not_an_error() -> None:
    data = animated_gif(4)
    info = inspect(data, max_header_bytes=gif_headers_end(data) + 8)
    assert (info.width, info.frames) == (40, None)


@pytest.mark.parametrize("data", [PNG_RGB, JPEG_BASELINE, WEBP_LOSSY], ids=["png", "jpeg", "webp"])
def test_still_formats_have_one_frame(data: bytes) -> None:
    assert inspect(data).frames == 1


# --- JPEG: EXIF orientation -----------------------------------------------------------------------------------------


def jpeg_with_orientation(orientation: int, size: tuple[int, int] = (64, 48)) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode("JPEG", size=size, exif=exif.tobytes())


def tiff_ifd(order: str, entries: list[tuple[int, int, int, bytes]]) -> bytes:
    """An EXIF APP1 payload: a TIFF header and one IFD of (tag, type, count, 4-byte value) entries."""
    mark = b"II*\x00" if order == "<" else b"MM\x00*"
    header = mark + struct.pack(order + "I", 8)
    ifd = struct.pack(order + "H", len(entries))
    for tag, kind, count, value in entries:
        ifd += struct.pack(order + "HHI", tag, kind, count) + value
    return b"Exif\x00\x00" + header + ifd + b"\x00\x00\x00\x00"


def with_app1(payload: bytes, jpeg: bytes = JPEG_BASELINE) -> bytes:
    return jpeg[:2] + jpeg_segment(0xE1, payload) + jpeg[2:]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_jpeg_reports_its_exif_orientation_and_the_size_it_is_shown_at(orientation: int) -> None:
    info = inspect(jpeg_with_orientation(orientation))
    shown = Image.open(io.BytesIO(jpeg_with_orientation(orientation)))
    from PIL import ImageOps

    assert info.orientation == orientation
    assert (info.width, info.height) == (64, 48)
    assert info.oriented_size == ImageOps.exif_transpose(shown).size


@pytest.mark.parametrize("order", ["<", ">"], ids=["little-endian", "big-endian"])
def test_jpeg_orientation_is_read_in_either_byte_order(order: str) -> None:
    value = struct.pack(order + "H", 8) + b"\x00\x00"
    entries = [(0x010F, 2, 4, b"abc\x00"), (0x0112, 3, 1, value)]
    assert inspect(with_app1(tiff_ifd(order, entries))).orientation == 8


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(tiff_ifd("<", [(0x0112, 3, 1, b"\x09\x00\x00\x00")]), id="out-of-range"),
        pytest.param(tiff_ifd("<", [(0x0112, 4, 1, b"\x06\x00\x00\x00")]), id="wrong-type"),
        pytest.param(tiff_ifd("<", [(0x0110, 2, 4, b"cam\x00")]), id="no-orientation-tag"),
        pytest.param(b"Exif\x00\x00XX*\x00\x08\x00\x00\x00", id="bad-byte-order"),
        pytest.param(b"Exif\x00\x00II*\x00\xff\xff\x00\x00", id="ifd-offset-past-the-segment"),
        pytest.param(tiff_ifd("<", [(0x0112, 3, 1, b"\x06\x00\x00\x00")])[:-20], id="ifd-cut-short"),
        pytest.param(b"Exif\x00\x00", id="empty-tiff"),
    ],
)
def test_a_broken_exif_block_is_read_as_upright_not_refused(payload: bytes) -> None:
    info = inspect(with_app1(payload))
    assert (info.width, info.orientation) == (64, 1)


def test_only_the_first_exif_segment_counts() -> None:
    first = tiff_ifd("<", [(0x0112, 3, 1, b"\x03\x00\x00\x00")])
    second = tiff_ifd("<", [(0x0112, 3, 1, b"\x06\x00\x00\x00")])
    assert inspect(with_app1(first, with_app1(second))).orientation == 3


def test_a_markup_matching_a_rotated_jpegs_oriented_size_passes_validation() -> None:
    from openai_images.validation import check_request

    def markup(size: tuple[int, int]) -> bytes:
        return encode("PNG", "RGBA", size)

    image = jpeg_with_orientation(6, (96, 64))  # stored 96x64, shown 64x96
    params = {"prompt": "a hat", "model": "gpt-image-2.5-flare"}
    upright = check_request("createImageEdit", {**params, "image": image, "markup": markup((64, 96))})
    assert upright == []
    stored = check_request("createImageEdit", {**params, "image": image, "markup": markup((96, 64))})
    assert [issue.param for issue in stored] == ["markup"]
    assert "64x96" in str(stored[0])


# --- SVG ------------------------------------------------------------------------------------------------------------

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def svg(attributes: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>\n', body: str = "") -> bytes:
    return f"{prolog}<svg {SVG_NS} {attributes}>{body}</svg>\n".encode()


@pytest.mark.parametrize(
    "data",
    [
        b"<svg/>",
        b"<svg>",
        b'<svg xmlns="http://www.w3.org/2000/svg">',
        b"\xef\xbb\xbf  \n<svg ",
        b'<?xml version="1.0"?><!-- made by hand --><svg ',
        b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
        b' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg ',
        b"<!DOCTYPE svg [ <!ATTLIST svg x CDATA #IMPLIED> ]><svg>",
    ],
)
def test_sniff_format_recognises_svg_by_its_root_element_after_any_prolog(data: bytes) -> None:
    assert sniff_format(data) == "svg"


@pytest.mark.parametrize(
    "data",
    [b"<?xml version", b'<?xml version="1.0"?><html>', b"<svgs>", b"<!-- <svg> -->", b"<html><svg>", b"svg"],
)
def test_sniff_format_does_not_take_other_xml_or_text_for_svg(data: bytes) -> None:
    assert sniff_format(data) is None


def test_sniff_bytes_cover_a_long_prolog() -> None:
    prolog = b'<?xml version="1.0"?>\n<!-- ' + b"x" * (SNIFF_BYTES - 60) + b" -->\n"
    assert sniff_format(prolog + b"<svg>") == "svg"


@pytest.mark.parametrize(
    ("attributes", "size", "view_box"),
    [
        ('width="1536" height="1024"', (1536, 1024), None),
        ('width="1536px" height="1024px" viewBox="0 0 3 2"', (1536, 1024), (0, 0, 3, 2)),
        ('width="2in" height="1in"', (192, 96), None),
        ('width="10.5cm" height="36pt"', (397, 48), None),
        ('viewBox="-10 -10 640 480"', (640, 480), (-10, -10, 640, 480)),
        ('width="100%" height="50%" viewBox="0,0,300,200"', (300, 200), (0, 0, 300, 200)),
        ('width="800" viewBox="0 0 400 300"', (800, 300), (0, 0, 400, 300)),
        ('width=" 1e3 " height="5E2"', (1000, 500), None),
    ],
)
def test_svg_reports_its_size_from_width_height_and_view_box(
    attributes: str, size: tuple[int, int], view_box: tuple[float, ...] | None
) -> None:
    data = svg(attributes)
    info = inspect(data)
    assert (info.format, (info.width, info.height), info.view_box) == ("svg", size, view_box)
    assert (info.has_alpha, info.size, info.frames, info.mime_type) == (True, len(data), 1, "image/svg+xml")
    assert inspect(io.BytesIO(data)) == info


def test_svg_without_a_namespace_or_with_a_doctype_is_read() -> None:
    doctype = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    assert inspect(b'<svg width="5" height="6"/>').width == 5
    assert inspect(svg('width="5" height="6"', prolog=doctype)).height == 6


def test_svg_root_is_found_after_a_prolog_longer_than_the_sniffed_bytes() -> None:
    data = svg('width="7" height="9"', prolog='<?xml version="1.0"?>\n<!--' + "x" * 40_000 + "-->\n")
    assert sniff_format(data) is None
    assert (inspect(data).format, inspect(data).height) == ("svg", 9)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>', "root element is 'html' in namespace"),
        (b"<!-- " + b"x" * SNIFF_BYTES + b" --><html/>", "root element is 'html'$"),
    ],
)
def test_other_xml_is_refused_naming_its_root_element(data: bytes, match: str) -> None:
    with pytest.raises(ImageInfoError, match=match):
        inspect(data)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        pytest.param(svg('width="100%" height="100%"'), "neither", id="relative-size-without-view-box"),
        pytest.param(svg(""), "neither", id="no-size"),
        pytest.param(svg('width="0" height="10"'), "empty", id="zero-width"),
        pytest.param(svg('viewBox="0 0 0 10"'), "neither", id="empty-view-box"),
        pytest.param(svg('viewBox="0 0 nan 10"'), "neither", id="nan-view-box"),
        pytest.param(b'<svg width="5" height="5"', "not well-formed", id="unclosed-root-tag"),
        pytest.param(b'<svg width="5" width="5">', "not well-formed", id="duplicate-attribute"),
        pytest.param(b'<svg xmlns="urn:other" width="5" height="5"/>', "not an SVG document", id="foreign-namespace"),
        pytest.param(b"<svg:svg xmlns:svg='urn:x' width='5' height='5'/>", None, id="prefixed-root"),
    ],
)
def test_malformed_svg_is_refused(data: bytes, match: str | None) -> None:
    with pytest.raises(ImageInfoError, match=match):
        inspect(data)


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="&lol3;" height="5"/>"""


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(ENTITY_BOMB, id="entity-expansion"),
        pytest.param(
            b'<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]><svg width="&secret;" height="5"/>',
            id="external-entity",
        ),
        pytest.param(
            b'<!DOCTYPE svg [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]><svg/>',
            id="external-parameter-entity",
        ),
        pytest.param(b'<!DOCTYPE svg [<!ENTITY logo SYSTEM "x.gif" NDATA gif>]><svg/>', id="unparsed-entity"),
    ],
)
def test_svg_declaring_entities_is_refused_without_expanding_or_fetching_them(data: bytes) -> None:
    with pytest.raises(ImageInfoError, match="entity"):
        inspect(data)


def test_an_undeclared_entity_in_svg_is_refused() -> None:
    with pytest.raises(ImageInfoError, match="not well-formed"):
        inspect(b'<svg width="&undeclared;" height="5"/>')


def test_svg_is_read_as_utf_8_whatever_encoding_it_declares() -> None:
    for encoding in ("rot13", "idna", "no-such-encoding", "utf-16"):
        data = f'<?xml version="1.0" encoding="{encoding}"?><svg {SVG_NS} width="3" height="4"/>'.encode()
        assert inspect(data).width == 3


def test_only_the_svg_root_element_is_read_from_a_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.svg"
    path.write_bytes(svg('width="64" height="32"', body="<rect/>" * 500_000))
    with CountingFileIO(path) as file:
        assert inspect(file).width == 64
        assert file.bytes_read <= 32 * 1024


# --- Extensions -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("png", "png"), ("jpeg", "jpg"), ("JPG", "jpg"), ("webp", "webp"), ("gif", "gif"), ("svg", "svg"), ("bmp", None)],
)
def test_each_format_has_its_file_extension(fmt: str, expected: str | None) -> None:
    assert extension(fmt) == expected
