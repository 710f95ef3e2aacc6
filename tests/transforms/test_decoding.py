"""Raw bytes to text: byte-order marks, detected and declared encodings, binary refusal, gzip."""

from __future__ import annotations

import gzip

import pytest

from transforms.decoding import decode_bytes, gunzip, is_gzip
from transforms.records import RejectedInput

# A complete 1x1 PNG: signature, IHDR, IDAT and IEND chunks, NUL bytes among them.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
LATIN1_PAGE = (
    b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
    b"<body><p>caf\xe9 \x93quoted\x94</p></body></html>"
)
JAPANESE = "東京都は本日、新しい政策を発表しました。首相は記者会見で、経済対策について説明した。"
CHINESE = "国务院总理今天在北京会见了来访的外国代表团，双方就经济合作交换了意见。"
RUSSIAN = "Агентство «ТАСС» сообщило, что переговоры продолжатся завтра."


@pytest.mark.parametrize(
    ("data", "html", "text", "encoding"),
    [
        # valid UTF-8 is taken as it is
        ("Café au lait — naïve".encode(), False, "Café au lait — naïve", "utf-8"),
        # a UTF-8 byte-order mark is removed, not kept as U+FEFF
        (b"\xef\xbb\xbf" + "Café".encode(), False, "Café", "utf-8"),
        # UTF-16 little-endian with its BOM
        ("\ufeffCafé “q”".encode("utf-16-le"), False, "Café “q”", "utf-16-le"),
        # UTF-16 big-endian with its BOM
        ("\ufeffCafé “q”".encode("utf-16-be"), False, "Café “q”", "utf-16-be"),
        # UTF-16 LE without a BOM is recognised by NULs in every odd position
        ("Café “q” hello".encode("utf-16-le"), False, "Café “q” hello", "utf-16-le"),
        # short windows-1252 text: smart quotes and e-acute come out right (was cp1125 'cafщ УquotedФ')
        ("café “quoted”".encode("cp1252"), False, "café “quoted”", "cp1252"),
        # a page declaring iso-8859-1 is read as windows-1252, as browsers do, so 0x93/0x94 are quotes
        (LATIN1_PAGE, True, LATIN1_PAGE.decode("cp1252"), "cp1252"),
        # valid UTF-8 wins over a page's wrong latin-1 declaration
        (LATIN1_PAGE[:90] + "<p>café</p>".encode(), True, LATIN1_PAGE[:90].decode() + "<p>café</p>", "utf-8"),
        # Shift_JIS bytes that look like UTF-8 sequences are still detected (were refused as invalid UTF-8)
        (JAPANESE.encode("shift_jis"), False, JAPANESE, "cp932"),
        # the same for GBK Chinese
        (CHINESE.encode("gbk"), False, CHINESE, "gb18030"),
        # cp1251 where 'С»' happens to be a UTF-8 sequence (was refused as invalid UTF-8)
        (RUSSIAN.encode("cp1251"), False, RUSSIAN, "cp1251"),
    ],
    ids=[
        "utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le-no-bom", "cp1252-short",
        "declared-latin-1", "utf-8-despite-declaration", "shift-jis", "gbk", "cp1251-utf8-lookalike",
    ],
)
def test_decode_bytes_decodes(data: bytes, html: bool, text: str, encoding: str) -> None:
    assert decode_bytes(data, html=html) == (text, encoding)


def test_decode_bytes_keeps_mostly_valid_utf8_with_one_corrupt_byte() -> None:
    # one stray 0xFF among forty good UTF-8 letters is replaced, the rest kept
    data = ("Le café est ouvert. " * 20).encode() + b"\xff" + b" Fin."
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8 (corrupt bytes replaced)"
    assert text == "Le café est ouvert. " * 20 + "\ufffd Fin."


def test_decode_bytes_drops_a_few_control_characters() -> None:
    # a stray bell and escape in a page of text are removed, the text kept
    data = b"Rebels entered\x07 Hama.\x1b " + b"The army withdrew from the city. " * 5
    assert decode_bytes(data) == ("Rebels entered Hama. " + "The army withdrew from the city. " * 5, "utf-8")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        # no bytes at all
        (b"", "empty file"),
        # only spaces, tabs and newlines
        (b" \n\t\r\n ", "only whitespace"),
        # a PNG image is named as one
        (PNG, "binary content, not text (looks like a PNG image)"),
        # a PDF is named as one
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        # NUL bytes that are not UTF-16 mean binary data
        (b"hello\x00world and more text here", "binary data (NUL bytes)"),
        # text that is mostly control characters is binary read as text
        (b"\x01\x02\x03abc" * 10, "binary content, not text (control characters after decoding as utf-8)"),
        # UTF-8 with three bad bytes after every good letter: broken UTF-8, not mojibake in latin-1
        (("café ".encode() + b"\xff\xfe\xfa") * 20, "invalid UTF-8: 60 undecodable byte sequences"),
        # every high byte in turn: no encoding fits
        (bytes(range(0x80, 0x100)) * 4, "undecodable text: no character encoding fits"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "nul-bytes", "control-characters", "corrupt-utf-8", "high-bytes"],
)
def test_decode_bytes_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(RejectedInput, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode_bytes(data)


ARTICLE = b"Rebels entered the city of Hama on Thursday. " * 50


def test_gunzip_returns_the_original_bytes() -> None:
    # a valid stream decompresses to what was compressed
    assert gunzip(gzip.compress(ARTICLE), max_bytes=10_000) == ARTICLE


def test_gunzip_reads_every_member_of_concatenated_gzip_files() -> None:
    # `cat a.gz b.gz` is a valid gzip file holding both (the second member used to be dropped)
    data = gzip.compress(b"first part. ") + gzip.compress(b"second part.")
    assert gunzip(data, max_bytes=10_000) == b"first part. second part."


def test_gunzip_reads_a_stream_longer_than_one_input_block() -> None:
    # incompressible data spans many 64 KiB blocks of input, then a second member follows
    noise = bytes((i * 7919 + i // 251) % 256 for i in range(300_000))
    assert gunzip(gzip.compress(noise) + gzip.compress(b"tail"), max_bytes=400_000) == noise + b"tail"


def test_decode_bytes_keeps_a_language_judged_code_page_over_cp1252() -> None:
    # Czech in cp1250 ties with cp1252 in the detector (same chaos, same language score): preferring
    # cp1252 on every tie would turn "středu" into "støedu", so cp1252 wins only when no language is judged
    text = "Vláda v Praze ve středu oznámila, že vojáci se vrátí do kasáren před koncem měsíce."
    assert decode_bytes(text.encode("cp1250")) == (text, "cp1250")


def test_gunzip_accepts_output_of_exactly_max_bytes() -> None:
    # the cap is inclusive
    assert len(gunzip(gzip.compress(ARTICLE), max_bytes=len(ARTICLE))) == len(ARTICLE)


@pytest.mark.parametrize(
    ("data", "max_bytes", "reason"),
    [
        # the gzip signature followed by garbage
        (b"\x1f\x8b" + b"garbage, not deflate data", 10_000, "not valid gzip data"),
        # a stream cut before its end
        (gzip.compress(ARTICLE)[:40], 10_000, "truncated gzip data"),
        # a stream missing only its 8-byte trailer
        (gzip.compress(ARTICLE)[:-8], 10_000, "truncated gzip data"),
        # more output than the cap: refused without decompressing it all
        (gzip.compress(ARTICLE), len(ARTICLE) - 1, f"exceeds the size cap of {len(ARTICLE) - 1} bytes"),
        # a second member that breaks the cap is caught too
        (gzip.compress(b"x" * 60) + gzip.compress(b"y" * 60), 100, "size cap"),
        # a complete first member followed by a truncated second one
        (gzip.compress(b"x" * 60) + gzip.compress(ARTICLE)[:30], 10_000, "truncated gzip data"),
        # a bomb: 64 MiB of spaces in 64 KiB, stopped at the cap while inflating
        (gzip.compress(b" " * (64 << 20)), 1 << 20, f"exceeds the size cap of {1 << 20} bytes"),
        # 20,000 empty members: refused by count, after reading a block per member, not the whole rest
        (gzip.compress(b"") * 20_000, 10_000, "more than 10000 members"),
    ],
    ids=["corrupt", "truncated-early", "no-trailer", "over-cap", "second-member-over-cap", "second-member-truncated",
         "bomb", "too-many-members"],
)
def test_gunzip_rejects(data: bytes, max_bytes: int, reason: str) -> None:
    with pytest.raises(RejectedInput, match=reason):
        gunzip(data, max_bytes)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # gzip signature
        (gzip.compress(b"x"), True),
        # plain text
        (b"<html>", False),
        # a single byte is too short to be a signature
        (b"\x1f", False),
    ],
)
def test_is_gzip(data: bytes, expected: bool) -> None:
    assert is_gzip(data) is expected
