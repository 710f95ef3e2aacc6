"""Datelines: the place a story was filed from, written before its first sentence.

"BEIRUT, Lebanon (AP) — Rebels ...", "Beirut, Lebanon:" on a line of its own,
"Islamabad (News International / Pakistan Point News - 11th Dec, 2024 ) The capture ...".
A dateline is one to four capitalised words (a place), optionally a comma and a region,
then an agency in parentheses, a colon or a dash before the story starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACE = r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|de|al|el|of)){0,3}"
_DATELINE = re.compile(
    r"^(?P<place>" + _PLACE + r"(?:,\s*" + _PLACE + r")?)"
    r"(?:\s*\((?P<agency>[^()]{2,120})\))?"
    r"\s*(?P<sep>:|—|–|-{1,2}|\)|$)?\s*"
)
# Words that start sentences, or kickers ("BREAKING:", "Opinion:"), but are not places.
_NOT_PLACES = frozenset(
    "The A An In On At As After Before When While But And Or If It He She They We This That "
    "These Those Syrian Rebel Rebels According Earlier Later Today Yesterday Meanwhile "
    "Breaking Exclusive Update Updated Watch Live Opinion Analysis Editorial Explainer Video".split()
)


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph."""

    place: str
    agency: str | None
    end: int  # offset in the paragraph where the story text starts
    whole_line: bool  # the paragraph is nothing but the dateline


def find_dateline(paragraph: str) -> Dateline | None:
    """Find a dateline at the start of a paragraph, or None."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place, agency, sep = match.group("place"), match.group("agency"), match.group("sep")
    first_word = place.split()[0].rstrip(",")
    if first_word.capitalize() in _NOT_PLACES:  # also in ALL-CAPS datelines and kickers
        return None
    whole_line = match.end() >= len(paragraph.rstrip())
    if whole_line:
        if sep != ":" and not agency:
            return None  # a short title-case line is a heading, not a dateline
    elif not (agency or sep in ("—", "–", "-", "--", ":")):
        return None
    if not whole_line and not agency and place.upper() != place and "," not in place:
        # "Washington - " mid-sentence is rare; demand an ALL-CAPS place, a region or an agency.
        if sep not in ("—", "–", ":"):
            return None
    return Dateline(place=place.strip(" ,"), agency=(agency or "").strip() or None,
                    end=match.end(), whole_line=whole_line)
