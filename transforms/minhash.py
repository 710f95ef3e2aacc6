"""MinHash signatures (datasketch), for the copy, story and statement rules.

datasketch is imported when a signature is first made, not with this module: its package
imports scipy for its LSH tuning, about a second of start-up that a run with nothing to
sketch (a rerun over unchanged files) would otherwise pay in the flow process.
"""

from __future__ import annotations

import functools

import numpy as np


@functools.cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    return a, b


def signature(hashes: np.ndarray, *, num_perm: int, seed: int) -> np.ndarray:
    """The MinHash values (little-endian uint32) of a set given by its members' 32-bit hashes.

    The permutations are fixed by the seed, so signatures compare across runs and processes;
    the members are hashed already, so datasketch's hash function only passes them on.
    """
    from datasketch import MinHash

    sketch = MinHash(num_perm=num_perm, seed=seed, scheme="affine32",
                     permutations=_permutations(num_perm, seed), hashfunc=int)
    sketch.update_batch(hashes)
    return np.asarray(sketch.hashvalues, dtype="<u4")
