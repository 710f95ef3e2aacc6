"""Language of an article's text as an ISO 639-1 code, from py3langid's n-gram model."""

from __future__ import annotations

import py3langid

# Fewer letters than this give unreliable guesses; the language is then left NULL.
_MIN_LETTERS = 40
# The model reads at most this many characters: more adds time, not accuracy.
_SAMPLE_CHARS = 3000


def detect_language(text: str, declared: str | None = None) -> str | None:
    """Identify the language of text; fall back to a declared code when text is too short."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) >= _MIN_LETTERS:
        code, _score = py3langid.classify(sample)
        return str(code)
    return normalise_language_code(declared)


def normalise_language_code(value: str | None) -> str | None:
    """Reduce a declared tag ("en-US", "EN_gb") to its ISO 639-1 part, or None."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None
