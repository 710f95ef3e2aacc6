"""The Lee corpus as gold material: short Australian news reports of 2001-2002, many on war and attacks.

Usage: python bench/gold/lee_corpus.py fetch DEST     download and write DEST/text/<doc>.txt (once)
       python bench/gold/lee_corpus.py DEST --round23  "check13 <doc>" / "tune19 <doc>"
       python bench/gold/lee_corpus.py DEST --round24  "check14 <doc> <domain>" / "tune20 <doc> <domain>"

PolNeAR holds little conflict news (its last was drawn in round 22), so the figures gold takes its conflict
material from here too. The corpus (Lee, Pincombe and Welsh, 2005: 350 reports of the Australian
Broadcasting Corporation's news service, one per line) ships as test data inside gensim's wheel on PyPI,
the one registry this machine reaches; `fetch` downloads that wheel with pip (no dependency installed),
checks the two files against the digests below and writes each report as its own file, in the layout of
EVAL_DEV/polnear/text: a first line standing for the headline the corpus does not have, then the report.
The text is not in this repository (it is not ours to redistribute): the gold holds offsets only, and the
scripts take DEST as an argument, as they take the eval-dev folder.

Round 23 draws every report whose text names war, attacks, troops, terror and the like
(polnear_select.CONFLICT_TERMS) 3 times or more (the reports are about 200 words, so 3 is about the density
of round 22's 15 in a long article), sorted by name and shuffled with the round's seed: the first half is
held out (check13), the rest is tuning material (tune19). Both were annotated before any rule of the round.

Round 24 draws the rest of the news of harm (HARM_TERMS 4 times or more: violence, arrests, fires, storms,
crashes, casualties) and 40 of the other reports (seeded), each group shuffled with the round's seed and dealt
alternately to check14 (held out) and tune20. A report is `conflict` news when CONFLICT_TERMS and
VIOLENCE_TERMS together occur 3 times or more (every report of round 23 is), else `general`.
"""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from bench.gold.polnear_select import CONFLICT_TERMS, VIOLENCE_TERMS  # noqa: E402  (declared once, there)

WHEEL = "gensim==4.4.0"
# member of the wheel -> (file name prefix, sha256 of the member)
FILES = {
    "gensim/test/test_data/lee_background.cor": (
        "lee-background",
        "5d78d6dafd953bbf65797bef09a9ffb9ec430583381be705f8fd460000f370fb",
    ),
    "gensim/test/test_data/lee.cor": ("lee-test", "a878f9a58f6743c32985c56c2f2f75988386216b38a4023a01fd3bcf7884d93e"),
}
ROUND23_SEED = 20011211
CONFLICT_MIN = 3
ROUND24_SEED = 20020114
ROUND24_GENERAL = 40
HARM_MIN = 4
# words of harm to persons and property: news of violence, disasters and accidents
HARM_TERMS = re.compile(
    r"\b(?:killed|kill|dead|died|deaths?|injur\w*|wounded|hurt|evacuat\w*|fires?|blazes?|flood\w*|storms?|"
    r"crash\w*|arrest\w*|detain\w*|detention|shot|shooting|gunm[ae]n|soldiers?|police|army|fighting|fighters|"
    r"violence|clash\w*|militants?|rebels?|suicide|riots?)\b",
    re.I,
)


def fetch(dest: Path) -> int:
    """Write dest/text/<prefix>-NNN.txt for every report (NNN its 1-based line); a no-op when there already."""
    folder = dest / "text"
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == 350:
        print(f"{folder}: already there")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "--only-binary=:all:", "-q", "-d", tmp],
            check=True,
        )
        wheel = next(Path(tmp).glob("gensim-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            members = {name: archive.read(name) for name in FILES}
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in members.items():
        prefix, digest = FILES[name]
        if hashlib.sha256(data).hexdigest() != digest:
            print(f"{name}: not the file the gold was written on (sha256 differs)", file=sys.stderr)
            return 1
        # latin-1: one report writes a pound sign as the single byte 0xA3
        for number, line in enumerate(data.decode("latin-1").splitlines(), 1):
            headline = f"(no headline: {Path(name).name} line {number})"
            (folder / f"{prefix}-{number:03d}.txt").write_text(f"{headline}\n{line.strip()}\n", "utf-8")
    print(f"{folder}: {len(list(folder.glob('*.txt')))} reports")
    return 0


def draw_round23(dest: Path) -> list[tuple[str, str]]:
    """(half, doc) of round 23: the conflict reports, shuffled; the first half check13, the rest tune19."""
    chosen = []
    for path in sorted((dest / "text").glob("*.txt")):
        body = path.read_text("utf-8").split("\n", 1)[1]
        if len(CONFLICT_TERMS.findall(body)) >= CONFLICT_MIN:
            chosen.append(path.name)
    random.Random(ROUND23_SEED).shuffle(chosen)
    middle = (len(chosen) + 1) // 2
    return [("check13", doc) for doc in chosen[:middle]] + [("tune19", doc) for doc in chosen[middle:]]


def _body(dest: Path, doc: str) -> str:
    return (dest / "text" / doc).read_text("utf-8").split("\n", 1)[1]


def domain_of(body: str) -> str:
    """conflict when the report names war, attacks, troops or armed violence 3 times or more, else general."""
    terms = len(CONFLICT_TERMS.findall(body)) + len(VIOLENCE_TERMS.findall(body))
    return "conflict" if terms >= CONFLICT_MIN else "general"


def draw_round24(dest: Path) -> list[tuple[str, str, str]]:
    """(half, doc, domain) of round 24: the reports of harm no earlier round drew, and ROUND24_GENERAL others."""
    taken = {doc for _, doc in draw_round23(dest)}
    left = sorted(path.name for path in (dest / "text").glob("*.txt") if path.name not in taken)
    harm = [doc for doc in left if len(HARM_TERMS.findall(_body(dest, doc))) >= HARM_MIN]
    others = [doc for doc in left if doc not in harm]
    chosen = random.Random(ROUND24_SEED)
    chosen.shuffle(harm)
    chosen.shuffle(others)
    drawn = harm + others[:ROUND24_GENERAL]
    return [("check14" if i % 2 == 0 else "tune20", doc, domain_of(_body(dest, doc))) for i, doc in enumerate(drawn)]


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "fetch":
        return fetch(Path(sys.argv[2]))
    if len(sys.argv) == 3 and sys.argv[2] == "--round24":
        for half, doc, domain in draw_round24(Path(sys.argv[1])):
            print(half, doc, domain)
        return 0
    if len(sys.argv) == 3 and sys.argv[2] == "--round23":
        for half, doc in draw_round23(Path(sys.argv[1])):
            print(half, doc)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
