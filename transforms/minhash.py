"""MinHash signatures, for the copy, story and statement rules.

The scheme is datasketch's "affine32" (datasketch 2.0): each member's 32-bit hash is mixed once
by MurmurHash3's finalizer, then permuted by h -> a*h + b mod 2^32 with odd a, the parameters
drawn from numpy's RandomState(seed); a signature holds each permutation's minimum. It is written
here, a few lines of numpy, because datasketch's package imports scipy for its LSH tuning, which
these rules do not use: 48 MiB in every worker process and a second of start-up. A test checks
that the values equal datasketch's (a dev dependency) for random sets, seeds and sizes.
"""

from __future__ import annotations

import functools

import numpy as np

# MurmurHash3's 32-bit finalizer: shift, multiplier, shift, multiplier, shift
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_EMPTY = np.uint32(0xFFFFFFFF)  # every value of the signature of an empty set


@functools.cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)  # odd: a bijection
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    values = values ^ (values >> s1)
    values = values * m1  # uint32 products wrap around: the arithmetic is mod 2^32
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


def signature(hashes: np.ndarray, *, num_perm: int, seed: int) -> np.ndarray:
    """The MinHash values (little-endian uint32) of a set given by its members' 32-bit hashes.

    The permutations are fixed by the seed, so signatures compare across runs and processes."""
    a, b = _permutations(num_perm, seed)
    members = np.asarray(hashes, dtype=np.uint32).reshape(-1, 1)
    if members.size == 0:
        return np.full(num_perm, _EMPTY, dtype="<u4")
    permuted = _fmix32(members) * a + b
    return permuted.min(axis=0).astype("<u4")
