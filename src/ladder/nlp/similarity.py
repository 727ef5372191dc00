r"""Similarity and distance between vectors, sets and strings.

* **cosine similarity** :math:`\cos(u, v) = \frac{u \cdot v}{\|u\|\,\|v\|}` — the angle
  between two bag-of-words or embedding vectors, blind to their lengths
  (``1 - scipy.spatial.distance.cosine``);
* **Jaccard similarity** :math:`J(A, B) = |A \cap B| / |A \cup B|` of two sets
  (``1 - scipy.spatial.distance.jaccard`` on their indicator vectors);
* **edit (Levenshtein) distance**: the fewest insertions, deletions and substitutions
  turning one string into another, by dynamic programming over the table
  :math:`D[i][j] = \min(D[i-1][j]+1,\; D[i][j-1]+1,\; D[i-1][j-1]+[a_i \ne b_j])`;
  with ``transpositions=True`` an adjacent swap also costs 1 (Damerau, restricted).
  Same as ``nltk.edit_distance``.

>>> edit_distance("kitten", "sitting")
3
>>> round(cosine_similarity([1, 0, 1], [1, 1, 0]), 3)
0.5
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["cosine_similarity", "cosine_similarity_matrix", "jaccard_similarity", "edit_distance"]


def cosine_similarity(u: ArrayLike, v: ArrayLike) -> float:
    """Cosine of the angle between ``u`` and ``v``; a zero vector raises ``ValueError``."""
    u = np.asarray(u, dtype=np.float64).ravel()
    v = np.asarray(v, dtype=np.float64).ravel()
    if u.shape != v.shape:
        raise ValueError(f"vectors differ in length: {u.shape[0]} and {v.shape[0]}.")
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    if nu == 0.0 or nv == 0.0:
        raise ValueError("cosine similarity is undefined for a zero vector (empty document?).")
    return float(u @ v / (nu * nv))


def cosine_similarity_matrix(X: ArrayLike, Y: ArrayLike | None = None) -> np.ndarray:
    """All pairwise cosines between rows of ``X`` and ``Y`` (zero rows give 0, as sklearn)."""
    X = np.asarray(X, dtype=np.float64)
    Y = X if Y is None else np.asarray(Y, dtype=np.float64)

    def unit(A: np.ndarray) -> np.ndarray:
        n = np.linalg.norm(A, axis=1, keepdims=True)
        return A / np.where(n == 0.0, 1.0, n)

    return unit(X) @ unit(Y).T


def jaccard_similarity(a: Iterable[Hashable], b: Iterable[Hashable]) -> float:
    """:math:`|A\\cap B|/|A\\cup B|`; two empty sets are identical (1.0)."""
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("jaccard_similarity compares sets of tokens; pass text.split(), not a str.")
    sa, sb = set(a), set(b)
    union = sa | sb
    return 1.0 if not union else len(sa & sb) / len(union)


def edit_distance(
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    substitution_cost: int = 1,
    transpositions: bool = False,
) -> int:
    """Levenshtein distance between two strings (or token lists).

    With ``transpositions=True`` it is the (unrestricted) Damerau–Levenshtein distance of
    Lowrance and Wagner: a block ``x…y`` may be matched to ``y…x`` at cost
    ``1 + (letters skipped in a) + (letters skipped in b)``, which needs, for each cell,
    the last row where ``b[j]`` occurred in ``a`` and the last column of a match in row ``i``.
    """
    n, m = len(a), len(b)
    D = [[0] * (m + 1) for _ in range(n + 1)]  # D[i][j]: distance of a[:i] and b[:j]
    for i in range(n + 1):
        D[i][0] = i
    for j in range(m + 1):
        D[0][j] = j
    last_row: dict[Hashable, int] = {}  # symbol -> last i (1-based) where a[i-1] == symbol
    for i in range(1, n + 1):
        last_col = 0  # last j in this row with a[i-1] == b[j-1]
        for j in range(1, m + 1):
            k, l = last_row.get(b[j - 1], 0), last_col
            same = a[i - 1] == b[j - 1]
            if same:
                last_col = j
            best = min(
                D[i - 1][j] + 1,
                D[i][j - 1] + 1,
                D[i - 1][j - 1] + (0 if same else substitution_cost),
            )
            if transpositions and k > 0 and l > 0:
                best = min(best, D[k - 1][l - 1] + (i - k) + (j - l) - 1)
            D[i][j] = best
        last_row[a[i - 1]] = i
    return D[n][m]
