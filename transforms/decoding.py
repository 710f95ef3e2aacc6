"""Raw bytes to text: gzip, byte-order marks, declared and detected encodings, binary refusal.

Encodings are detected, not assumed. The order is: a byte-order mark; UTF-16 without one
(NUL bytes in every other position); a charset declared in HTML; strict UTF-8; UTF-8 with a
few corrupt bytes (kept, the bad bytes replaced); otherwise a legacy single-byte or CJK
encoding found by charset-normalizer. Anything that still looks binary is refused with a
reason that names what it looks like.
"""

from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from transforms.records import RejectedInput

# File signatures of common binary formats, so the reason can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x01\x00", "an icon"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Share of replacement characters a mostly-UTF-8 file may have and still be kept.
_MAX_CORRUPT_SHARE = 0.01
# Share of a too-corrupt file's non-ASCII sequences that must be valid UTF-8 for it to be taken
# as broken UTF-8 (refused) rather than a legacy encoding whose bytes look like UTF-8 by chance.
_MIN_UTF8_SHARE = 0.1
# Share of control characters above which decoded text is taken to be binary.
_MAX_CONTROL_SHARE = 0.02
# Compressed bytes fed to zlib at a time, and the most gzip members one file may hold (real
# files have one, or a few when appended to; a million empty members is an attack on time).
_GZIP_BLOCK = 64 * 1024
_MAX_GZIP_MEMBERS = 10_000
_NOT_SPACE = re.compile(rb"\S")


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data (every member), refusing corrupt streams and output over max_bytes.

    The cap is enforced while decompressing (a gzip bomb never grows past max_bytes + one block),
    input is fed in blocks (so a file of a million empty members costs one block per member,
    not the rest of the file), and the number of members is bounded.
    """
    out = bytearray()
    view = memoryview(data)
    offset = 0
    members = 0
    while True:  # concatenated gzip files are one valid gzip file (RFC 1952 members)
        members += 1
        if members > _MAX_GZIP_MEMBERS:
            raise RejectedInput(f"gzip data has more than {_MAX_GZIP_MEMBERS} members")
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        while not decompressor.eof and offset < len(view):
            block = view[offset : offset + _GZIP_BLOCK]
            try:
                out += decompressor.decompress(block, max_bytes + 1 - len(out))
                # output stopped at the cap: the rest of this block waits in unconsumed_tail
                while decompressor.unconsumed_tail and len(out) <= max_bytes:
                    out += decompressor.decompress(decompressor.unconsumed_tail, max_bytes + 1 - len(out))
            except zlib.error as exc:
                raise RejectedInput(f"not valid gzip data ({exc})") from exc
            if len(out) > max_bytes:
                raise RejectedInput(f"decompressed size exceeds the size cap of {max_bytes} bytes")
            offset += len(block) - len(decompressor.unused_data)
        if not decompressor.eof:
            raise RejectedInput("truncated gzip data (stream ends early)")
        if not is_gzip(view[offset : offset + 2].tobytes()):
            return bytes(out)


def decode_bytes(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode raw bytes to text; return (text, encoding name) or raise RejectedInput."""
    if not _NOT_SPACE.search(data):
        raise RejectedInput("empty file (no content)" if not data else "file holds only whitespace")
    wide = wide_encoding(data)
    if wide:
        bom = next((b for b, e in _BOMS if data.startswith(b)), b"")
        return _checked(data[len(bom) :].decode(wide, errors="replace"), wide)
    kind = binary_kind(data)
    if kind:
        raise RejectedInput(f"binary content, not text (looks like {kind})")
    try:
        # Valid UTF-8 is almost never another encoding, whatever a page declares.
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if html else None
    if declared:
        try:
            return _checked(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; detect instead
    corrupt_utf8: str | None = None
    if _UTF8_MULTIBYTE.search(data):
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(1, int(len(text) * _MAX_CORRUPT_SHARE)):
            return _checked(text, "utf-8 (corrupt bytes replaced)")
        valid = sum(ch > "\x7f" for ch in text) - bad
        if valid >= (valid + bad) * _MIN_UTF8_SHARE:
            corrupt_utf8 = f"invalid UTF-8: {bad} undecodable byte sequences and no other encoding fits"
    matches = from_bytes(data)
    best = matches.best()
    if corrupt_utf8 and (best is None or best.encoding is None or not is_multi_byte_encoding(best.encoding)):
        # Shift_JIS, GBK, Big5, EUC-KR bytes often look like UTF-8 sequences and fit their own
        # code; a single-byte code page fits any bytes, and would turn broken UTF-8 into mojibake.
        raise RejectedInput(corrupt_utf8)
    if best is None or best.encoding is None:
        raise RejectedInput("undecodable text: no character encoding fits these bytes")
    if best.coherence == 0 and any("cp1252" in m.could_be_from_charset and m.chaos <= best.chaos for m in matches):
        # Too little text for the detector to judge a language: many code pages tie and it picks
        # one arbitrarily (cp1125 for "café"); windows-1252, the web's legacy default, wins the tie.
        # (Not when a language was judged: Czech in cp1250 ties with cp1252 and is cp1250.)
        return _checked(data.decode("cp1252", errors="replace"), "cp1252")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters (binary read as text)."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > len(sample) * _MAX_CONTROL_SHARE:
        raise RejectedInput(f"binary content, not text (control characters after decoding as {encoding})")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if not text or text.isspace():
        raise RejectedInput("file holds no text")
    return text, encoding


def wide_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark names, or UTF-16 recognised by its NUL bytes; else None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return _utf16_without_bom(data)


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of data, or None when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192]:
        return "binary data (NUL bytes)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Return utf-16-le/be when NUL bytes fill every other position, else None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag, normalised, or None."""
    match = _DECLARED_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read latin-1 declarations as windows-1252 (WHATWG Encoding).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def is_gzip(data: bytes) -> bool:
    """True when data starts with the gzip signature."""
    return data[:2] == b"\x1f\x8b"


__all__ = ["binary_kind", "decode_bytes", "gunzip", "is_gzip", "wide_encoding"]
