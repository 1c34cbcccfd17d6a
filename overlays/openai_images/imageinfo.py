"""Read an image's format, dimensions and alpha from its headers alone, without decoding or reading it all.

Supported: PNG, JPEG (with its EXIF orientation), WebP, GIF (with its frame count) and SVG. :func:`inspect`
touches at most ``max_header_bytes`` bytes at the start of the source and skips over segment payloads (EXIF,
text chunks) by their declared lengths, so a 20 MB file costs a handful of small reads. SVG is text: its
prolog and root element are parsed as UTF-8 XML by the standard library's expat, refusing every entity
declaration so that nothing is fetched or expanded, and never rendered. Any input that is not a readable
image raises :class:`ImageInfoError`.
"""

from __future__ import annotations

import io
import os
import re
import stat
import struct
import typing
from typing import NamedTuple
from xml.parsers import expat

__all__ = ["SNIFF_BYTES", "ImageInfo", "ImageInfoError", "extension", "inspect", "sniff_format", "svg_document"]

_MIME_TYPES: dict[str, str] = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "gif": "image/gif",
    "svg": "image/svg+xml",
}
_EXTENSIONS: dict[str, str] = {"png": "png", "jpeg": "jpg", "jpg": "jpg", "webp": "webp", "gif": "gif", "svg": "svg"}
SNIFF_BYTES = 1024
"""Enough leading bytes for :func:`sniff_format` to tell every format, SVG's XML prolog included."""

_BUFFERS = (bytes, bytearray, memoryview)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8\xff"
_GIF_SIGNATURES = (b"GIF87a", b"GIF89a")
_SIGNATURES = (_PNG_SIGNATURE, _JPEG_SIGNATURE, *_GIF_SIGNATURES, b"RIFF")
_UTF8_BOM = b"\xef\xbb\xbf"
# What may precede an SVG's root element: white space, the XML declaration, processing instructions,
# comments and a document type declaration (with an internal subset).
_XML_PROLOG = re.compile(rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL)
_SVG_ROOT = re.compile(rb"<svg(?:[\s/>]|$)")
_XML_STARTS = (b"<?xml", b"<!--", b"<!DOCTYPE")
_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# CSS pixels per unit of an absolute SVG length (96 px to the inch).
_SVG_UNITS = {"": 1.0, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "pt": 96 / 72, "pc": 16.0}
_SVG_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([a-z%]*)\s*")
_SVG_READ = 16 * 1024
# EXIF (TIFF) tag of the orientation in IFD0, and its SHORT type.
_EXIF_ORIENTATION = 0x0112
_TIFF_SHORT = 3
_GIF_READ = 4096
# The PNG spec caps widths, heights and chunk lengths at 2**31-1 so that they fit a signed 32-bit integer.
_PNG_MAX_INT = 2**31 - 1
# Allowed bit depths per PNG colour type; other combinations are undecodable, so no decoder would accept the file.
_PNG_BIT_DEPTHS: dict[int, frozenset[int]] = {
    0: frozenset({1, 2, 4, 8, 16}),
    2: frozenset({8, 16}),
    3: frozenset({1, 2, 4, 8}),
    4: frozenset({8, 16}),
    6: frozenset({8, 16}),
}
_JPEG_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# RSTn and TEM carry no length field; reading one as if it did would desynchronise the walk.
_JPEG_STANDALONE_MARKERS = frozenset({0x01, *range(0xD0, 0xD8)})
# Big enough that a marker is almost always found in the first read, small enough to stay cheap per segment.
_SCAN_CHUNK = 64


class ImageInfo(NamedTuple):
    """What an image's headers say about it (immutable: a named tuple, which costs less than half a frozen
    dataclass to make: validation makes one per uploaded image, in every call)."""

    format: str  # "png" | "jpeg" | "webp" | "gif" | "svg"
    width: int
    height: int
    has_alpha: bool
    """Whether the image can have transparent pixels (an SVG always can: its canvas is transparent)."""
    size: int  # bytes in the whole source (for a file object: from its starting position to its end)
    orientation: int = 1
    """The EXIF orientation (1..8; 1 when the image has none): 5..8 turn the picture a quarter."""
    frames: int | None = 1
    """How many frames the image has: a GIF's images (None when they run past the end of the source or
    past ``max_header_bytes``); 1 for every other format."""
    view_box: tuple[float, float, float, float] | None = None
    """An SVG's viewBox (min-x, min-y, width, height), when it declares one."""

    @property
    def oriented_size(self) -> tuple[int, int]:
        """(width, height) as the image is shown, after its EXIF orientation."""
        return (self.height, self.width) if self.orientation in (5, 6, 7, 8) else (self.width, self.height)

    @property
    def mime_type(self) -> str:
        """The media type to declare when uploading the image, e.g. ``image/png``."""
        return _MIME_TYPES[self.format]

    @property
    def is_square(self) -> bool:
        """Whether width equals height (the images API requires square images for some operations)."""
        return self.width == self.height


class ImageInfoError(ValueError):
    """The bytes are not a readable image of a supported format; the message says why."""


def sniff_format(head: bytes) -> str | None:
    """The format named by the first bytes, or ``None`` when they match no supported signature.

    12 bytes suffice for the binary formats; SVG is recognised by its root element ``<svg``, after any XML
    declaration, comments and document type declaration that fit in ``head`` (SNIFF_BYTES suffice for
    the usual prologs).
    """
    start = bytes(head[:12])
    if start.startswith(_PNG_SIGNATURE):
        return "png"
    if start.startswith(_JPEG_SIGNATURE):
        return "jpeg"
    if start.startswith(_GIF_SIGNATURES):
        return "gif"
    if start[:4] == b"RIFF" and start[8:12] == b"WEBP":
        return "webp"
    text = bytes(head[:SNIFF_BYTES]).removeprefix(_UTF8_BOM)
    prolog = _XML_PROLOG.match(text)
    if prolog is not None and _SVG_ROOT.match(text, prolog.end()):
        return "svg"
    return None


def extension(fmt: str) -> str | None:
    """The file extension (without the dot) for a format name (``jpeg`` and ``jpg`` -> ``jpg``), if known."""
    return _EXTENSIONS.get(fmt.lower())


def inspect(source: bytes | bytearray | memoryview | typing.BinaryIO, *, max_header_bytes: int = 1 << 20) -> ImageInfo:
    """Describe the image in ``source`` from its headers, reading no byte past ``max_header_bytes``.

    A file object must be binary and seekable; it is left at the position it had on entry, whatever happens,
    so that it can be uploaded afterwards. Raises :class:`ImageInfoError` when the source is not a complete
    header of a PNG, JPEG, WebP or GIF image, or an SVG document whose root element is well-formed XML. I/O
    errors from a file object propagate unchanged.
    """
    if max_header_bytes < 1:
        raise ValueError(f"max_header_bytes must be positive, not {max_header_bytes}")
    if isinstance(source, _BUFFERS):
        with memoryview(source) as view:
            if view.format == "B" and view.ndim == 1:
                return _inspect(_BufferSource(view, max_header_bytes))
            if not view.c_contiguous:
                raise ImageInfoError("a memoryview source must be C-contiguous")
            with view.cast("B") as flat:
                return _inspect(_BufferSource(flat, max_header_bytes))
    return _inspect_file(source, max_header_bytes)


def _inspect_file(file: typing.BinaryIO, limit: int) -> ImageInfo:
    if not hasattr(file, "read"):
        raise TypeError(f"source must be bytes-like or a binary file object, not {type(file).__name__}")
    if isinstance(file, io.TextIOBase):
        raise TypeError("source file object must be opened in binary mode")
    seekable = getattr(file, "seekable", None)
    if seekable is None or not seekable():
        raise ImageInfoError("source file object must be seekable, so that it can be rewound for upload")
    start = file.tell()
    try:
        return _inspect(_FileSource(file, start, _file_size(file, start), limit))
    finally:
        file.seek(start)


def _file_size(file: typing.BinaryIO, start: int) -> int:
    try:
        fd = file.fileno()
    except (AttributeError, OSError):  # io.UnsupportedOperation (BytesIO and friends) is an OSError
        fd = -1
    if fd >= 0:
        status = os.fstat(fd)
        # Only a regular file's st_size is its length; a block device, say, reports 0.
        if stat.S_ISREG(status.st_mode):
            return max(0, status.st_size - start)
    return max(0, file.seek(0, io.SEEK_END) - start)


class _Source:
    """Bounded random access to the source: every read is checked against its size and the header limit."""

    size: int
    limit: int

    def _get(self, offset: int, n: int) -> bytes:
        raise NotImplementedError

    def _check(self, offset: int, end: int, what: str) -> None:
        if end > self.size:
            raise ImageInfoError(f"truncated image: {what} at offset {offset} runs past the end ({self.size} bytes)")
        if end > self.limit:
            raise ImageInfoError(f"{what} at offset {offset} lies beyond max_header_bytes={self.limit}")

    def require(self, end: int, what: str) -> None:
        """Fail unless the source extends to ``end``, without reading it."""
        if end > self.size:
            raise ImageInfoError(f"truncated image: {what} needs {end} bytes but the source has {self.size}")

    def read(self, offset: int, n: int, what: str) -> bytes:
        """Exactly ``n`` bytes at ``offset``."""
        self._check(offset, offset + n, what)
        data = self._get(offset, n)
        if len(data) != n:  # the file shrank after its size was taken
            raise ImageInfoError(f"truncated image: {what} at offset {offset} runs past the end")
        return data

    def read_some(self, offset: int, n: int, what: str) -> bytes:
        """Between 1 and ``n`` bytes at ``offset``: as many as the size and limit allow."""
        self._check(offset, offset + 1, what)
        return self.read(offset, min(n, self.size - offset, self.limit - offset), what)


class _BufferSource(_Source):
    def __init__(self, view: memoryview, limit: int) -> None:
        self._view = view
        self.size = view.nbytes
        self.limit = limit

    def _get(self, offset: int, n: int) -> bytes:
        # Slicing the view copies only the n bytes asked for, never the whole buffer.
        return bytes(self._view[offset : offset + n])

    def read(self, offset: int, n: int, what: str) -> bytes:
        end = offset + n  # a buffer cannot shrink: once the bounds hold, the slice has all n bytes
        if end > self.size or end > self.limit:
            self._check(offset, end, what)
        return bytes(self._view[offset:end])


class _FileSource(_Source):
    def __init__(self, file: typing.BinaryIO, start: int, size: int, limit: int) -> None:
        self._file = file
        self._start = start
        self.size = size
        self.limit = limit

    def _get(self, offset: int, n: int) -> bytes:
        self._file.seek(self._start + offset)
        chunks: list[bytes] = []
        remaining = n
        while remaining:
            # Raw (unbuffered) files may return fewer bytes than asked for without being at the end.
            chunk = self._file.read(remaining)
            if not chunk:
                break
            if not isinstance(chunk, bytes):
                raise TypeError("source file object must be opened in binary mode")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)


def _inspect(src: _Source) -> ImageInfo:
    if src.size == 0:
        raise ImageInfoError("empty source: no image data")
    head = src.read_some(0, 16, "file signature")
    fmt = sniff_format(head)
    if fmt is None and head.removeprefix(_UTF8_BOM).lstrip()[:1] == b"<":
        text = src.read_some(0, SNIFF_BYTES, "SVG prolog")
        fmt = sniff_format(text)
        if fmt is None and text.removeprefix(_UTF8_BOM).lstrip().startswith(_XML_STARTS):
            fmt = "svg"  # XML whose prolog may run past the sniffed bytes: the parser finds its root element
    if fmt is None:
        if len(head) < 12 and any(sig.startswith(head) for sig in _SIGNATURES):
            raise ImageInfoError(f"truncated image: only {len(head)} bytes")
        raise ImageInfoError(f"not a PNG, JPEG, WebP or GIF image, nor SVG text (starts with {head[:8]!r})")
    if fmt == "svg":
        return _svg(src)
    orientation: int = 1
    frames: int | None = 1
    if fmt == "png":
        width, height, alpha = _png(src)
    elif fmt == "jpeg":
        width, height, alpha, orientation = _jpeg(src)
    elif fmt == "webp":
        width, height, alpha = _webp(src)
    else:
        width, height, alpha, frames = _gif(src)
    if width <= 0 or height <= 0:
        raise ImageInfoError(f"{fmt.upper()} declares an empty image ({width}x{height})")
    return ImageInfo(fmt, width, height, alpha, src.size, orientation=orientation, frames=frames)


def _png(src: _Source) -> tuple[int, int, bool]:
    header = src.read(8, 8 + 13, "PNG IHDR chunk")
    length, kind, width, height, depth, colour, _compression, _filter, _interlace = struct.unpack(">I4sIIBBBBB", header)
    if kind != b"IHDR":
        raise ImageInfoError(f"PNG must start with an IHDR chunk, not {kind!r}")
    if length != 13:
        raise ImageInfoError(f"PNG IHDR chunk must be 13 bytes long, not {length}")
    if not (0 < width <= _PNG_MAX_INT and 0 < height <= _PNG_MAX_INT):
        raise ImageInfoError(f"PNG declares invalid dimensions {width}x{height}")
    if depth not in _PNG_BIT_DEPTHS.get(colour, frozenset()):
        raise ImageInfoError(f"PNG declares an invalid colour type {colour} with bit depth {depth}")
    alpha = colour in (4, 6)
    # Walk to the first IDAT even when the colour type settles alpha: a file cut short before its pixel data
    # would be refused by the API, so it should be refused here.
    pos = 8 + 12 + 13
    while True:
        length, kind = struct.unpack(">I4s", src.read(pos, 8, "PNG chunk header"))
        if length > _PNG_MAX_INT:
            raise ImageInfoError(f"PNG chunk at offset {pos} declares an invalid length {length}")
        if not kind.isalpha():  # bytes.isalpha() accepts ASCII letters only
            raise ImageInfoError(f"PNG chunk at offset {pos} has an invalid type {kind!r}")
        end = pos + 12 + length
        src.require(end, f"PNG {kind.decode('ascii')} chunk at offset {pos}")
        if kind == b"IDAT":
            return width, height, alpha
        if kind == b"IEND":
            raise ImageInfoError("PNG has no image data (IEND before any IDAT chunk)")
        if kind == b"tRNS":
            alpha = True
        pos = end


def _jpeg(src: _Source) -> tuple[int, int, bool, int]:
    pos = 2  # after SOI
    orientation: int | None = None
    while True:
        marker, pos = _jpeg_next_marker(src, pos)
        if marker in _JPEG_STANDALONE_MARKERS:
            continue
        if marker == 0xDA:
            raise ImageInfoError("JPEG image data (SOS) starts before any frame header (SOFn)")
        if marker in (0xD8, 0xD9):
            raise ImageInfoError(f"JPEG has no frame header (SOFn) before marker 0xFF{marker:02X}")
        (length,) = struct.unpack(">H", src.read(pos, 2, f"JPEG segment 0xFF{marker:02X} length"))
        if length < 2:
            raise ImageInfoError(f"JPEG segment 0xFF{marker:02X} at offset {pos} declares a length of {length}")
        if marker in _JPEG_SOF_MARKERS:
            _precision, height, width, components = struct.unpack(">BHHB", src.read(pos + 2, 6, "JPEG SOF"))
            if components == 0 or length < 8 + 3 * components:
                raise ImageInfoError(f"JPEG frame header at offset {pos} is malformed")
            src.require(pos + length, f"JPEG frame header at offset {pos}")
            return width, height, False, orientation or 1
        # Only the first EXIF segment counts, as in every decoder.
        exif = marker == 0xE1 and orientation is None and length >= 8
        if exif and src.read(pos + 2, 6, "JPEG APP1 identifier") == b"Exif\x00\x00":
            orientation = _exif_orientation(src, pos + 8, pos + length)
        # Skip the payload (EXIF, ICC profiles, thumbnails) by its length without reading it.
        pos += length


def _exif_orientation(src: _Source, tiff: int, end: int) -> int:
    """The orientation tag of the EXIF (TIFF) block at ``tiff``..``end``; 1 when it has none or is malformed.

    A broken EXIF block does not make a JPEG undecodable, so it is ignored rather than refused."""

    def read(offset: int, n: int) -> bytes | None:
        if tiff + offset + n > end:
            return None
        return src.read(tiff + offset, n, "JPEG EXIF block")

    header = read(0, 8)
    if header is None or header[:4] not in (b"II*\x00", b"MM\x00*"):
        return 1
    order = "<" if header[:2] == b"II" else ">"
    (ifd,) = struct.unpack(order + "I", header[4:8])
    count_bytes = read(ifd, 2)
    if count_bytes is None:
        return 1
    (count,) = struct.unpack(order + "H", count_bytes)
    entries = read(ifd + 2, 12 * count)
    if entries is None:
        return 1
    for index in range(count):
        tag, kind, number, value = struct.unpack(order + "HHI2s2x", entries[12 * index : 12 * index + 12])
        if tag == _EXIF_ORIENTATION:
            (orientation,) = struct.unpack(order + "H", value)
            return orientation if kind == _TIFF_SHORT and number == 1 and 1 <= orientation <= 8 else 1
    return 1


def _jpeg_next_marker(src: _Source, pos: int) -> tuple[int, int]:
    """The next marker code at or after ``pos`` and the offset just past it.

    Like libjpeg, tolerate stray bytes between segments and any number of 0xFF fill bytes before a marker.
    """
    seen_ff = False
    while True:
        chunk = src.read_some(pos, _SCAN_CHUNK, "JPEG marker")
        for i, byte in enumerate(chunk):
            if byte == 0xFF:
                seen_ff = True
            elif seen_ff and byte != 0x00:
                return byte, pos + i + 1
            else:
                seen_ff = False
        pos += len(chunk)


def _webp(src: _Source) -> tuple[int, int, bool]:
    (riff_size,) = struct.unpack("<I", src.read(4, 4, "RIFF size"))
    riff_end = 8 + riff_size
    # The RIFF size covers the whole file, so checking it catches truncation anywhere, even in the pixel data.
    src.require(riff_end, "WebP RIFF container")
    kind, length = struct.unpack("<4sI", src.read(12, 8, "WebP chunk header"))
    if 20 + length > riff_end:
        raise ImageInfoError(f"WebP {kind!r} chunk runs past the end of its RIFF container")
    if kind == b"VP8 ":
        if length < 10:
            raise ImageInfoError("WebP VP8 chunk is too short for a frame header")
        frame = src.read(20, 10, "WebP VP8 frame header")
        if frame[0] & 1 or frame[3:6] != b"\x9d\x01\x2a":
            raise ImageInfoError("WebP VP8 chunk does not start with a key frame")
        width, height = struct.unpack("<HH", frame[6:10])
        return width & 0x3FFF, height & 0x3FFF, False
    if kind == b"VP8L":
        if length < 5:
            raise ImageInfoError("WebP VP8L chunk is too short for its header")
        header = src.read(20, 5, "WebP VP8L header")
        if header[0] != 0x2F:
            raise ImageInfoError("WebP VP8L chunk lacks its 0x2F signature")
        (bits,) = struct.unpack("<I", header[1:5])
        if bits >> 29:
            raise ImageInfoError(f"WebP VP8L version {bits >> 29} is not supported")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, bool((bits >> 28) & 1)
    if kind == b"VP8X":
        if length < 10:
            raise ImageInfoError("WebP VP8X chunk is too short")
        header = src.read(20, 10, "WebP VP8X header")
        width = int.from_bytes(header[4:7], "little") + 1
        height = int.from_bytes(header[7:10], "little") + 1
        return width, height, bool(header[0] & 0x10)
    raise ImageInfoError(f"WebP starts with an unknown chunk {kind!r}")


def _gif(src: _Source) -> tuple[int, int, bool, int | None]:
    width, height, flags = struct.unpack("<HHB", src.read(6, 5, "GIF logical screen descriptor"))
    pos = 13
    if flags & 0x80:
        pos += 3 << ((flags & 7) + 1)
    alpha = False
    while True:
        introducer = src.read(pos, 1, "GIF block")[0]
        if introducer == 0x2C:
            end = _gif_image_data(src, pos)
            src.require(end, "GIF local colour table")
            return width, height, alpha, _gif_frames(src, end)
        if introducer == 0x3B:
            raise ImageInfoError("GIF ends before any image")
        if introducer != 0x21:
            raise ImageInfoError(f"GIF has an unknown block type 0x{introducer:02X} at offset {pos}")
        label = src.read(pos + 1, 1, "GIF extension label")[0]
        pos += 2
        if label == 0xF9:
            block = src.read(pos, 2, "GIF graphic control extension")
            if block[0] >= 1 and block[1] & 1:
                alpha = True
        pos = _gif_skip_sub_blocks(src, pos)


def _gif_image_data(src: _Source, pos: int) -> int:
    """Where the image data (LZW code size) of the image descriptor at ``pos`` starts."""
    descriptor = src.read(pos + 1, 9, "GIF image descriptor")
    end = pos + 10
    if descriptor[8] & 0x80:
        end += 3 << ((descriptor[8] & 7) + 1)
    return end


def _gif_frames(src: _Source, data: int) -> int | None:
    """The number of images, walking from the first one's image data at ``data`` to the trailer.

    None when the walk runs past the end of the source or past the header limit: the first image alone
    is what makes a GIF readable, so a GIF cut short later is still inspected."""
    frames, pos = 1, data + 1  # past the LZW minimum code size
    try:
        pos = _gif_skip_sub_blocks(src, pos)
        while True:
            introducer = src.read(pos, 1, "GIF block")[0]
            if introducer == 0x3B:
                return frames
            if introducer == 0x2C:
                frames += 1
                pos = _gif_skip_sub_blocks(src, _gif_image_data(src, pos) + 1)
            elif introducer == 0x21:
                pos = _gif_skip_sub_blocks(src, pos + 2)
            else:
                return None
    except ImageInfoError:
        return None


def _gif_skip_sub_blocks(src: _Source, pos: int) -> int:
    """The offset past the data sub-blocks starting at ``pos`` (each a length byte, then that many bytes)."""
    while True:
        chunk = src.read_some(pos, _GIF_READ, "GIF sub-block size")
        index = 0
        while index < len(chunk):
            size = chunk[index]
            if size == 0:
                return pos + index + 1
            index += 1 + size
        pos += index


def _svg(src: _Source) -> ImageInfo:
    """An SVG's size from its root element's width, height and viewBox, read with a guarded expat parser."""
    root: dict[str, str] | None = None

    class _Root(Exception):
        pass

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal root
        root = {"": name, **attributes}
        raise _Root

    parser = _guarded_parser()
    parser.StartElementHandler = start
    pos = 0
    try:
        while root is None:
            chunk = src.read_some(pos, _SVG_READ, "SVG root element")
            pos += len(chunk)
            parser.Parse(chunk, pos >= src.size)
    except _Root:
        pass
    except expat.ExpatError as error:
        raise ImageInfoError(f"SVG is not well-formed XML: {error}") from None
    if root is None:
        raise ImageInfoError("SVG has no root element")
    namespace, _, local = root[""].rpartition(" ")
    if local != "svg" or namespace not in ("", _SVG_NAMESPACE):
        where = f" in namespace {namespace!r}" if namespace else ""
        raise ImageInfoError(f"not an SVG document: its root element is {local!r}{where}")
    view_box = _svg_view_box(root.get("viewBox"))
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    if width is None or height is None:
        if view_box is None:
            raise ImageInfoError("SVG declares neither an absolute width and height nor a viewBox")
        width = view_box[2] if width is None else width
        height = view_box[3] if height is None else height
    if round(width) <= 0 or round(height) <= 0:
        raise ImageInfoError(f"SVG declares an empty image ({width:g}x{height:g})")
    return ImageInfo("svg", round(width), round(height), True, src.size, view_box=view_box)


def svg_document(content: bytes) -> ImageInfo:
    """An SVG document read whole: :func:`inspect`'s account of it, once all of its text has parsed as
    well-formed XML under the same guards (no entity declared, nothing fetched or expanded, never rendered).
    Raises :class:`ImageInfoError` for anything else."""
    info = inspect(content, max_header_bytes=max(1, len(content)))
    if info.format != "svg":
        raise ImageInfoError(f"not an SVG document but a {info.format.upper()} image")
    try:
        _guarded_parser().Parse(content, True)
    except expat.ExpatError as error:
        raise ImageInfoError(f"SVG is not well-formed XML: {error}") from None
    return info


def _guarded_parser() -> typing.Any:
    """An expat parser that refuses every entity declaration, so that nothing is fetched or expanded."""

    def refuse(*_: object) -> typing.NoReturn:
        raise ImageInfoError("SVG declares an entity: refused, so that nothing is fetched or expanded")

    # Read as UTF-8 whatever the declaration says: an unknown encoding name would otherwise have expat look
    # it up among Python's codecs (any codec, not only text ones).
    parser = expat.ParserCreate("utf-8", namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    return parser


def _svg_length(value: str | None) -> float | None:
    """An absolute length in CSS pixels; None when absent or relative (%, em, ex)."""
    match = _SVG_LENGTH.fullmatch(value) if value is not None else None
    if match is None or match.group(2) not in _SVG_UNITS:
        return None
    return float(match.group(1)) * _SVG_UNITS[match.group(2)]


def _svg_view_box(value: str | None) -> tuple[float, float, float, float] | None:
    parts = value.replace(",", " ").split() if value is not None else []
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        return None
    if len(numbers) != 4 or numbers[2] <= 0 or numbers[3] <= 0 or not all(map(_finite, numbers)):
        return None
    return numbers[0], numbers[1], numbers[2], numbers[3]


def _finite(number: float) -> bool:
    return number - number == 0
