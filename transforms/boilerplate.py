"""Separate the article body of scraped plain text from the page around it.

Scraped text ("copy all text" of a page) keeps menus, share buttons, bylines, related
headlines, comment threads and footers, one block per line. The method, in the spirit of
jusText (Pomikálek 2011) but on lines instead of DOM blocks:

1. Score every line from its own features: length in words (characters for scripts
   written without spaces), stop-word density in the page's language (jusText's stop
   lists), whether it ends like a sentence, and whether it matches page furniture
   (share/comment prompts, cookie and subscription notices, copyright lines, syndication
   disclaimers, "X on <date> said:" comment headers). Long, stop-word-rich sentences score
   positive; short lines, headlines and teasers (which do not end like sentences), and
   lines repeated on the page (a teaser's headline shown twice) score negative.
2. The body is the contiguous run of lines with the highest total score (a maximum-sum
   segment): an article is one block of prose, and a few short lines inside it
   (subheadings, a pull quote) cost less than the paragraphs around them gain.
3. Headings that open what follows an article bound the search: the run never reaches
   past a comment-thread heading ("Comments", "12 comments", "Leave a reply") when there
   is a paragraph before it, and crossing a "Related" / "More from" / "Most read" heading
   costs as much as a few paragraphs, so only an article that really continues after an
   inline box bridges it. Among the remaining runs, the earliest that carries a fair share
   of the heaviest one's weight wins (articles come before the lists after them).
4. Inside the run, furniture lines are still dropped.

The weights were set by measurement on the dev renderings (bench/eval_extraction.py):
F1 0.912 against 0.668 for keeping the raw text whole.

Everything before the body is the page header, where plaintext.py looks for the title,
date, byline, outlet and dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import justext

from transforms.text import count_words

# ISO 639-1 codes to jusText stop-list names (languages news is commonly scraped in).
_STOPLIST_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
    "cs": "Czech", "sk": "Slovak", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal", "fi": "Finnish", "id": "Indonesian", "ms": "Malay", "tr": "Turkish",
    "ro": "Romanian", "hu": "Hungarian", "el": "Greek", "bg": "Bulgarian", "hr": "Croatian",
    "sr": "Serbian", "ca": "Catalan", "ar": "Arabic", "fa": "Persian", "he": "Hebrew",
    "hi": "Hindi", "ko": "Korean", "vi": "Vietnamese", "tl": "Tagalog", "sw": "Swahili",
}
# Scripts written without spaces between words: length is measured in characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…。！？:;\"”’'»)\]]$")

FURNITURE_LINES = frozenset(
    """get link|x|other apps|share|share this|share this article|share this story|tweet|email|
    e-mail|print|facebook|twitter|whatsapp|linkedin|telegram|pinterest|reddit|copy link|
    comments|comment|post a comment|leave a comment|add comment|add a comment|view comments|
    advertisement|advertising|sponsored|sponsored content|subscribe|sign up|sign in|log in|
    login|register|menu|home|search|skip to content|skip to main content|read more|show more|
    load more|follow us|share on facebook|share on twitter|share via email|reply|like|
    more|close|next|previous|back to top|newsletter|related|related articles|
    related stories|see also|tags|topics|more from|you may also like|recommended|
    most read|most popular|trending|latest|latest news|latest contents|top stories|
    listen|listen to this article|save|bookmark|print this article|accept|accept all|
    cookie settings|manage cookies|privacy policy|terms of use|terms of service|contact us|
    about us|all rights reserved""".replace("\n", "").replace("    ", "").split("|")
)
_FURNITURE_PATTERNS = re.compile(
    r"(^(©|\(c\)|copyright\s*(©|\(c\)|\d{4}))|all rights reserved|"
    r"\b(we|this (site|website)|our (site|website)) uses? cookies\b|\b(accept|manage|allow) (all )?cookies\b|"
    r"\bcookie (policy|settings|preferences|consent)\b|"
    r"^(subscribe|sign up|register)\b.*\b(newsletter|free|now|today|access|account)\b|"
    r"has not been edited by .{1,40} staff|published from a (syndicated|wire agency|news agency) feed|"
    r"auto-generated from a syndicated feed|^disclaimer\s*:|only the headline .{0,80}(changed|reworked)|"
    r"^(share|follow) (this|us|on)\b|^(click|tap) here\b|^(read|see) (more|also)\b.{0,60}$|"
    r"^(posted|published|updated|last updated)( on| at)?\s*:?\s*[^,.]{0,40}$|"
    r"^(photo|image|picture|video)( credit)?\s*:|\bgetty images\b|^\d+\s+comments?$|"
    r"\b(19|20)\d\d\b.{0,30}\b(said|says|wrote|writes)$|^comments are closed)",
    re.I,
)
_BULLET = re.compile(r"^[-•*·–|>»]+\s*")
# Headings that open the comment thread: the body never runs across one of them.
COMMENTS_BREAK = re.compile(
    # a bare "Comment" is a share-bar button, not the thread's heading
    r"^\[?\s*((\d+|one)\s+(comments?|responses?|replies|reactions)|no (comments|responses)|(reader |user )?comments|"
    r"responses|replies|reactions)\s*(\(\d+\))?\s*\]?$|"
    r"^(\d+|one) (thoughts?|responses?|comments?|replies) (on|to) .{1,200}$|"
    r"^(top rated|most recent|newest|oldest|show|view|read|see) (all )?comments$|"
    r"^(leave|post|add|write) a (comment|reply|response)$|^join the (discussion|conversation)$",
    re.I,
)
# Headings of related and recommended stories: usually the end of the body, but an inline box
# can sit mid-article, so crossing one costs a lot rather than being forbidden.
RELATED_BREAK = re.compile(
    r"^(related|related (articles|posts|stories|news|content|coverage|links|topics|videos))$|"
    r"^(also read|read also|more like this|see also|further reading)$|"
    r"^more (stories|news|articles|videos|from .{1,40}|on .{1,40}|in .{1,40})$|"
    r"^(you|we think you) (may|might|will|would) (also )?(like|enjoy|be interested in)$|"
    r"^(recommended|recommended for you|editor'?s picks|around the web|from the web|"
    r"sponsored (stories|links|content)|promoted (stories|content)|popular (now|stories|posts)|"
    r"trending( now| stories)?|top stories|latest( news| stories| articles| contents| posts)?|"
    r"most (read|popular|viewed|shared|commented)( .{1,30})?|what to read next|read next|up next)$",
    re.I,
)


@dataclass(frozen=True)
class BoilerplateOptions:
    """Weights and thresholds of line scoring (tuned on the dev renderings, see the bench)."""

    good_words: int = 20  # a line this long (in words) with enough stop words is prose (>= 1)
    min_stop_density: float = 0.22  # share of stop words a prose line needs (0-1)
    short_penalty: float = 8.0  # score of a short non-sentence line (menu item, label): its negative
    furniture_penalty: float = 12.0  # score of a furniture line: its negative
    related_penalty: float = 20.0  # score of a "Related"/"More from" heading: its negative
    chars_per_word: int = 3  # characters counted as one word in scripts without spaces (>= 1)


@dataclass(frozen=True)
class BodyLines:
    """Where the body is among a page's lines."""

    start: int  # index of the first body line
    end: int  # index after the last body line
    keep: tuple[bool, ...]  # per line in [start, end): kept in the body


def is_furniture(line: str) -> bool:
    """True for page furniture: share and comment prompts, cookie notices, copyright lines."""
    bare = _BULLET.sub("", line).strip().lower().rstrip(":")
    return (
        bare in FURNITURE_LINES
        or bool(_FURNITURE_PATTERNS.search(bare))
        or bool(RELATED_BREAK.match(bare) or COMMENTS_BREAK.match(bare))
    )


def find_body(lines: list[str], language: str | None, options: BoilerplateOptions) -> BodyLines | None:
    """Locate the article body among cleaned, non-empty lines; None when no line reads as prose."""
    if not lines:
        return None
    stops = _stop_words(language or "en")
    last_seen = {line: index for index, line in enumerate(lines)}
    scores = []
    for index, line in enumerate(lines):
        if RELATED_BREAK.match(_bare(line)):
            scores.append(-options.related_penalty)
            continue
        score = _score(line, stops, options)
        if last_seen[line] != index:
            # A line shown again later is a teaser or link (headline, then link text); a repeated
            # paragraph (a summary above the share bar) counts where it is shown last.
            score = -2 * options.short_penalty
        scores.append(score)
    _mark_teasers(lines, scores, options)
    start, end, total = _best_segment(scores, [_is_break(line) for line in lines])
    if total <= 0:
        return None
    keep: list[bool] = []
    in_box = False
    for line, score in zip(lines[start:end], scores[start:end], strict=True):
        if RELATED_BREAK.match(_bare(line)):
            in_box = True  # an inline "Related" box: its headlines go until the prose resumes
        elif score > 0:
            in_box = False
        keep.append(not in_box and not is_furniture(line))
    return BodyLines(start, end, tuple(keep))


def _score(line: str, stops: frozenset[str], options: BoilerplateOptions) -> float:
    if is_furniture(line):
        return -options.furniture_penalty
    words = _length_in_words(line, options)
    sentence = bool(_SENTENCE_END.search(line))
    tokens = [t.lower() for t in _TOKEN.findall(line)]
    density = (sum(t in stops for t in tokens) / len(tokens)) if tokens and stops else 0.3
    if not sentence:
        # Headlines, teasers and link text do not end like sentences; long unpunctuated prose is rare.
        return words / 2 if words >= 3 * options.good_words and density >= options.min_stop_density \
            else -options.short_penalty
    if words >= options.good_words and density >= options.min_stop_density:
        return float(words)
    if words >= options.good_words // 2 and density >= options.min_stop_density:
        return words / 2
    if words >= options.good_words:
        return words / 4  # long, but few stop words: a caption or a list of names
    return -options.short_penalty


def _length_in_words(line: str, options: BoilerplateOptions) -> float:
    unspaced = len(_UNSPACED.findall(line))
    if unspaced > len(line) / 3:
        return len(line) / options.chars_per_word
    return count_words(line)


_DATE_ONLY = re.compile(
    r"^(\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"\d+\s+(minutes?|hours?|days?|weeks?|months?)\s+ago|yesterday|today)$",
    re.I,
)


def _mark_teasers(lines: list[str], scores: list[float], options: BoilerplateOptions) -> None:
    """Score the teasers of story lists as boilerplate, in place.

    A list of other stories repeats headline, teaser sentence(s), often a date. Two or more
    headline-then-prose pairs after a "Related"/"Latest" heading, or two or more
    headline-prose-date triples anywhere, make a list; an inline "Related" box (headlines in a
    run, then the article again) has only one such pair, and stays bridgeable.
    """
    def headline(i: int) -> bool:
        return scores[i] < 0 and not is_furniture(lines[i]) and 2 <= count_words(lines[i]) <= 16 \
            and not _DATE_ONLY.match(_bare(lines[i]))

    pairs = [i for i in range(1, len(lines)) if scores[i] > 0 and headline(i - 1)]
    triples = [i for i in pairs if i + 1 < len(lines) and _DATE_ONLY.match(_bare(lines[i + 1]))]
    teasers = set(triples) if len(triples) >= 2 else set()
    # only a heading that follows article prose opens a list of other stories; one in the page
    # header ("Latest", "Trending" menus) is followed by the article itself, subheadings and all
    first_prose = next((i for i, score in enumerate(scores) if score >= options.good_words), len(lines))
    headings = [i for i, line in enumerate(lines) if i > first_prose and RELATED_BREAK.match(_bare(line))]
    for h, heading in enumerate(headings):
        stop = headings[h + 1] if h + 1 < len(headings) else len(lines)
        # the list ends where two prose lines follow each other: the article has resumed
        stop = next((i for i in range(heading + 2, stop) if scores[i] > 0 and scores[i - 1] > 0), stop)
        inside = [i for i in pairs if heading < i < stop]
        if len(inside) >= 2:
            teasers.update(inside)
    for i in teasers:
        scores[i] = -options.short_penalty


def _bare(line: str) -> str:
    return _BULLET.sub("", line).strip().rstrip(":").strip()


def _is_break(line: str) -> bool:
    return bool(COMMENTS_BREAK.match(_bare(line)))


def _best_segment(scores: list[float], breaks: list[bool]) -> tuple[int, int, float]:
    """The best body segment that does not reach into the comment thread.

    Within each stretch between comment headings the maximum-sum segment is a candidate.
    Comments follow the article, so a candidate after a comment heading is taken only when
    nothing before it reads as a paragraph or more, and the earliest candidate is taken when
    it carries a fair share of the best one's weight.
    """
    candidates: list[tuple[int, int, float]] = []
    region_start = 0
    first_break: int | None = None
    for index in range(len(scores) + 1):
        if index == len(scores) or breaks[index]:
            start, end, total = _max_segment(scores[region_start:index])
            if total > 0:
                candidates.append((region_start + start, region_start + end, total))
            region_start = index + 1
            if index < len(scores) and first_break is None:
                first_break = index
    if first_break is not None:
        before = [c for c in candidates if c[1] <= first_break]
        if before and max(c[2] for c in before) >= _MIN_BEFORE_COMMENTS:
            candidates = before
    if not candidates:
        return 0, 0, 0.0
    best = max(total for _, _, total in candidates)
    return next(c for c in candidates if c[2] >= min(_EARLY_SHARE * best, _EARLY_WEIGHT))


_EARLY_SHARE = 0.35  # share of the heaviest segment an earlier one needs to be taken instead
_EARLY_WEIGHT = 80.0  # or this weight (about three paragraphs of prose), whichever is less
_MIN_BEFORE_COMMENTS = 20.0  # weight (about one paragraph) before the comments that makes an article


def _max_segment(scores: list[float]) -> tuple[int, int, float]:
    """The contiguous [start, end) with the largest sum (Kadane)."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, s in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += s
        if total > best[2]:
            best = (start, i + 1, total)
    return best


@cache
def _stop_words(language: str) -> frozenset[str]:
    name = _STOPLIST_NAMES.get(language)
    if name is None:
        return frozenset()
    return frozenset(w.lower() for w in justext.get_stoplist(name))
