"""A folder of what the web and the operating system do to files, next to good articles.

Built by tests/reliability/test_hostile.py (small sizes, a small size cap) and by
bench/bench_hostile.py (the real sizes: a 50 MB JSON line, a file over the default cap,
a gzip bomb of a gigabyte). Every entry is named for what it is; HOSTILE_NAMES lists the raw
names (bytes) and what newsflow must make of each.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# A made-up article in plain words, with characters cp1252 writes differently from UTF-8 (its
# curly quotes and é; not ê, which short English text cannot tell from cp1250's ę).
CAFE_ARTICLE = (
    "Café owners in the old town said on Tuesday that the new parking rules would cost them "
    "customers during the busy summer months.\n\n"
    "“We were not asked,” said one owner, whose family has run a bakery on the square for "
    "thirty years. The council said the rules would cut traffic by a fifth and make the streets "
    "safer for children walking to school.\n\n"
    "A public meeting on the plan is set for next month, and the council’s decision is due in "
    "the autumn after a review of the traffic figures.\n"
)


@dataclass(frozen=True)
class Sizes:
    """How big the big entries are."""

    big_line_bytes: int  # the huge line of the .jsonl file
    over_cap_bytes: int  # a file over the size cap
    bomb_bytes: int  # what the gzip bomb decompresses to
    big_page_bytes: int  # a plain-text page and an HTML page under the cap, far too big for one article
    nesting: int = 100_000  # levels of the deep HTML page and of the deep JSON line


TEST_SIZES = Sizes(big_line_bytes=2_100_000, over_cap_bytes=5 * 1024 * 1024, bomb_bytes=64 * 1024 * 1024,
                   big_page_bytes=4_100_000)
TEST_CAP = 4 * 1024 * 1024  # the size cap the test runs with (the big line and pages fit under it)
BENCH_SIZES = Sizes(big_line_bytes=50_000_000, over_cap_bytes=60 * 1024 * 1024, bomb_bytes=1024 * 1024 * 1024,
                    big_page_bytes=45_000_000)


def seed_texts() -> dict[str, bytes]:
    """The seed articles' raw bytes by file name."""
    return {p.name: p.read_bytes() for p in sorted(SEEDS.iterdir()) if p.is_file()}


def as_html(text: str, title: str) -> str:
    """A plain news page around paragraphs of text."""
    paragraphs = "".join(f"<p>{p}</p>\n" for p in text.split("\n") if p.strip())
    return (f"<html lang=\"en\"><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a></nav>"
            f"<article><h1>{title}</h1>\n{paragraphs}</article><footer>© The Paper</footer></body></html>")


def write(root: Path, raw_name: bytes, data: bytes) -> None:
    """Write data under a raw (bytes) relative name, creating its directories."""
    path = os.path.join(os.fsencode(root), raw_name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def build_hostile_folder(root: Path, outside: Path, sizes: Sizes) -> None:
    """Fill root with good articles and hostile files; outside gets the files links point to."""
    seeds = seed_texts()
    names = sorted(seeds)
    first, second = seeds[names[0]], seeds[names[1]]
    root.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    for name, data in seeds.items():
        write(root, b"good/" + name.encode(), data)

    # names: not UTF-8, a backslash that looks like an escape, a line break, very long, non-UTF-8 folder
    write(root, b"names/caf\xe9.txt", first)  # latin-1 bytes
    write(root, b"names/caf\\xe9.txt", second)  # a real backslash: must not share the key above
    write(root, b"names/caf\\x5cxe9.txt", first)  # what the key of the one above reads like
    write(root, b"names/new\nline.txt", second)
    write(root, b"names/" + "é".encode() * 125 + b".txt", first)  # 254 bytes, near NAME_MAX
    write(root, b"names/dir-\xff\xfe/inside.txt", second)

    # empty, blank, binary files with article names, a wrong suffix
    write(root, b"empty.txt", b"")
    write(root, b"blank.html", b"  \n\t\r\n   \n")
    write(root, b"binary/photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    write(root, b"binary/program.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    write(root, b"binary/report.htm", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
          + bytes(range(256)) * 64)
    write(root, b"binary/data.jsonl", b"\x89PNG\r\n\x1a\n" + b"\n".join(bytes(range(256)) for _ in range(200)))
    write(root, b"notes.md", b"# notes\n\nnot an article format\n")

    # sizes: over the cap, a gzip bomb, gzip that is not gzip, a truncated one, a good one
    write(root, b"big/over-cap.txt", b"The council met again. " * (sizes.over_cap_bytes // 23 + 1))
    write(root, b"big/bomb.html.gz", _gzip_bomb(sizes.bomb_bytes))
    write(root, b"big/not-gzip.html.gz", b"<html><body><p>plain</p></body></html>")
    write(root, b"big/truncated.html.gz", gzip.compress(as_html(first.decode(), "Hama").encode())[:-40])
    write(root, b"big/good.html.gz", gzip.compress(as_html(second.decode(), "Hama falls").encode()))
    # under the cap, but no news page: article lines repeated, and a page of links
    write(root, b"big/long-page.txt", second * (sizes.big_page_bytes // len(second) + 1))
    link = b"<div><a href='/x'>link</a></div>\n"
    write(root, b"big/link-farm.html", b"<html><body>" + link * (sizes.big_page_bytes // len(link)) + b"</body></html>")

    # markup: nested 100,000 levels deep, entity-expansion bomb, external entity
    secret = outside / "secret.txt"
    secret.write_text("SECRET-OUTSIDE-THE-INPUT-DIR\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in first.decode().split("\n") if len(p) > 80)
    deep = "<div>" * sizes.nesting + paragraphs + "</div>" * sizes.nesting
    write(root, b"markup/deep.html", f"<html><body>{deep}</body></html>".encode())
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    write(root, b"markup/entity-bomb.xhtml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY lol0 "lol">{lol}]>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Bomb</title></head><body><article>'
        f"{paragraphs}<p>&lol9;</p></article></body></html>").encode())
    write(root, b"markup/external-entity.xhtml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Entity</title></head><body><article>'
        f"{paragraphs}<p>&xxe;</p></article></body></html>").encode())

    # encodings and line endings
    write(root, b"encodings/utf16-bom.txt", codecs.BOM_UTF16_LE + first.decode().encode("utf-16-le"))
    write(root, b"encodings/utf16-no-bom.html", as_html(second.decode(), "Hama falls").encode("utf-16-be"))
    write(root, b"encodings/cp1252.txt", CAFE_ARTICLE.encode("cp1252"))
    broken = bytearray(second)
    broken[len(broken) // 2 : len(broken) // 2] = b"\xff\xfe\xc3"  # three bad bytes in a good file
    write(root, b"encodings/broken-utf8.txt", bytes(broken))
    # UTF-8 that lost bytes: every other two-byte character and every three-byte one cut short
    french = ("Les élèves ont étudié à l’école près de la forêt où l’hôtel était fermé. " * 20).encode()
    mangled = re.sub(rb"([\xc2-\xdf])[\x80-\xbf]", lambda m: m.group(1) if m.start() % 2 else m.group(0), french)
    write(root, b"encodings/mangled-utf8.txt", re.sub(rb"([\xe0-\xef][\x80-\xbf])[\x80-\xbf]", rb"\1", mangled))
    lines = first.decode().split("\n")
    endings = ["\r\n", "\r", "\n"]
    write(root, b"encodings/mixed-endings.txt",
          "".join(line + endings[i % 3] for i, line in enumerate(lines)).encode())

    # links: a loop, a chain into a loop, outside the input dir (file and folder), inside, dangling
    links = root / "links"
    links.mkdir()
    os.symlink("loop.txt", links / "loop.txt")
    os.symlink("loop-b.txt", links / "loop-a.txt")
    os.symlink("loop-a.txt", links / "loop-b.txt")
    os.symlink(secret, links / "outside.txt")
    outside_article = outside / "article.txt"
    outside_article.write_bytes(second)
    os.symlink(outside_article, links / "outside-article.txt")
    os.symlink(outside, links / "outside-dir")
    os.symlink("../good/" + names[2], links / "inside.txt")
    os.symlink("missing.txt", links / "dangling.txt")
    os.mkfifo(root / "links" / "pipe.txt")

    # JSON Lines: good records between broken ones, wrong types, a huge line, deep nesting
    def record(text: bytes, **extra: object) -> bytes:
        return json.dumps({"url": "https://news.example/a", "title": "A story", "text": text.decode(),
                           **extra}).encode()

    jsonl = [
        record(first),  # 1
        b"{not json at all",  # 2
        b"[1, 2, 3]",  # 3
        b'{"title": "numbers", "text": 12345}',  # 4
        b'{"title": "an object", "text": {"a": 1}, "html": null}',  # 5
        b"",  # 6: blank, skipped
        record(second, date=20241206, author=["A. Writer", {"name": "B. Writer"}, 7]),  # 7
        json.dumps({"title": "bad \udcff", "text": second.decode() + " \ud800 end"}).encode(),  # 8
        record(first, title="nul\u0000 and bell\u0007"),  # 9
        b"[" * sizes.nesting + b"]" * sizes.nesting,  # 10
        record(b"The council met. " * (sizes.big_line_bytes // 17)),  # 11: the huge line
        b'{"text": "caf\xe9 in latin-1, not UTF-8, with enough words to be read as a short article text"}',  # 12
        b"\xff\xfe\x00garbage",  # 13
        record(first, url="https://news.example/b"),  # 14: last line, no newline after it
    ]
    write(root, b"feeds/mixed.jsonl", b"\n".join(jsonl))
    write(root, b"feeds/utf16.jsonl", codecs.BOM_UTF16_LE + "\r\n".join(
        [record(second).decode(), "{broken"]).encode("utf-16-le"))
    write(root, b"feeds/empty.jsonl", b"\n\n  \n")
    write(root, b".hidden/skip.txt", first)  # hidden folders are not input


def _gzip_bomb(size: int) -> bytes:
    """gzip data that decompresses to `size` bytes of spaces, written without holding them."""
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1 << 20)
    chunks = [compressor.compress(block) for _ in range(size // len(block))]
    chunks.append(compressor.flush())
    return b"".join(chunks)
