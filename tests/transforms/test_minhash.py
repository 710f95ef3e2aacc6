"""transforms/minhash.py computes datasketch's affine32 signatures without importing datasketch."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms import minhash


def _datasketch(hashes: list[int], num_perm: int, seed: int) -> np.ndarray:
    sketch = MinHash(num_perm=num_perm, seed=seed, scheme="affine32", hashfunc=int)
    sketch.update_batch(hashes)
    return np.asarray(sketch.hashvalues, dtype="<u4")


@settings(max_examples=200, deadline=None)
@given(hashes=st.lists(st.integers(0, 2**32 - 1), max_size=300),
       num_perm=st.sampled_from([1, 16, 64, 128]), seed=st.integers(0, 2**31 - 1))
def test_signatures_equal_those_of_datasketch(hashes: list[int], num_perm: int, seed: int) -> None:
    ours = minhash.signature(np.array(hashes, dtype=np.uint64), num_perm=num_perm, seed=seed)
    assert ours.dtype == np.dtype("<u4")
    assert ours.tolist() == _datasketch(hashes, num_perm, seed).tolist()


def test_similar_sets_get_similar_signatures() -> None:
    base = np.arange(1000, dtype=np.uint64) * np.uint64(2654435761) % np.uint64(2**32)
    other = np.concatenate([base[:900], np.arange(100, dtype=np.uint64) + np.uint64(7)])  # Jaccard 900/1100
    unrelated = base + np.uint64(1)
    a, b, c = (minhash.signature(h, num_perm=256, seed=1) for h in (base, other, unrelated))
    assert 0.7 < float(np.mean(a == b)) < 0.95
    assert float(np.mean(a == c)) < 0.05


def test_an_empty_set_has_the_empty_signature() -> None:
    empty = minhash.signature(np.zeros(0, dtype=np.uint64), num_perm=8, seed=3)
    assert empty.tolist() == [2**32 - 1] * 8 == _datasketch([], 8, 3).tolist()
