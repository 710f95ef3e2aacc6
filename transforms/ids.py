"""Deterministic row ids: a hash of a row's source and position, so reruns collide, not duplicate."""

from __future__ import annotations

import hashlib


def stable_id(*parts: object) -> str:
    """A short deterministic id from its parts (source path, line, position ...)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:20]
