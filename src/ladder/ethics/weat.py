"""The Word Embedding Association Test (Caliskan, Bryson & Narayanan 2017).

WEAT carries the Implicit Association Test over to vectors. Two *target* sets of equal
size, :math:`X` and :math:`Y` (male and female terms), and two *attribute* sets, :math:`A`
and :math:`B` (career and family words). A word's association with the attributes is

.. math::  s(w, A, B) = \\operatorname{mean}_{a \\in A} \\cos(w, a)
                      - \\operatorname{mean}_{b \\in B} \\cos(w, b).

The test statistic sums it over the targets,
:math:`S(X, Y, A, B) = \\sum_{x \\in X} s(x, A, B) - \\sum_{y \\in Y} s(y, A, B)`, and the
**effect size** is Cohen's d over the targets' associations:

.. math::  d = \\frac{\\operatorname{mean}_{x \\in X} s(x, A, B)
                   - \\operatorname{mean}_{y \\in Y} s(y, A, B)}
                  {\\operatorname{std}_{w \\in X \\cup Y} s(w, A, B)}

with the sample standard deviation (``ddof=1``). :math:`|d|` ranges to about 2; 0.8 is
"large" by Cohen's convention. The one-sided **p-value** is the share of equal-size
re-partitions :math:`(X_i, Y_i)` of :math:`X \\cup Y` with
:math:`S(X_i, Y_i, A, B) > S(X, Y, A, B)`: exact when there are at most
``n_permutations`` partitions, else estimated from that many random ones.

Sentence encoders are tested the same way (SEAT, May et al. 2019) by embedding each word
inside bleached templates such as "This is a {word}." (:func:`template_vectors`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "association",
    "weat_statistic",
    "weat_effect_size",
    "weat_p_value",
    "WeatResult",
    "weat",
    "weat_words",
    "template_vectors",
    "TEMPLATES",
]


def _set(vectors: ArrayLike, name: str) -> np.ndarray:
    arr = np.asarray(vectors, dtype=np.float64)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array (n_words, dim); got shape {arr.shape}.")
    if arr.shape[0] == 0:
        raise ValueError(f"the word set {name} is empty; WEAT needs at least one word in each set.")
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    if (norms == 0).any():
        raise ValueError(f"{name} holds a zero vector; its cosine similarity is undefined.")
    return arr / norms


def _dims(*named: tuple[str, np.ndarray]) -> None:
    dims = {name: arr.shape[1] for name, arr in named}
    if len(set(dims.values())) > 1:
        raise ValueError(f"all word sets must have the same dimension; got {dims}.")


def association(W: ArrayLike, A: ArrayLike, B: ArrayLike) -> np.ndarray:
    """:math:`s(w, A, B)` for each row ``w`` of ``W``: mean cosine to A minus mean to B."""
    Wn, An, Bn = _set(W, "W"), _set(A, "A"), _set(B, "B")
    _dims(("W", Wn), ("A", An), ("B", Bn))
    return (Wn @ An.T).mean(axis=1) - (Wn @ Bn.T).mean(axis=1)


def _prepared(X: ArrayLike, Y: ArrayLike, A: ArrayLike, B: ArrayLike):
    Xn, Yn, An, Bn = _set(X, "X"), _set(Y, "Y"), _set(A, "A"), _set(B, "B")
    _dims(("X", Xn), ("Y", Yn), ("A", An), ("B", Bn))
    s_all = np.concatenate([Xn, Yn]) @ An.T
    s_all = s_all.mean(axis=1) - (np.concatenate([Xn, Yn]) @ Bn.T).mean(axis=1)
    return s_all, len(Xn)


def weat_statistic(X: ArrayLike, Y: ArrayLike, A: ArrayLike, B: ArrayLike) -> float:
    """:math:`S(X, Y, A, B) = \\sum_x s(x, A, B) - \\sum_y s(y, A, B)`."""
    s, nx = _prepared(X, Y, A, B)
    return float(s[:nx].sum() - s[nx:].sum())


def weat_effect_size(X: ArrayLike, Y: ArrayLike, A: ArrayLike, B: ArrayLike) -> float:
    """Cohen's d of the associations of X against those of Y (sample std over X ∪ Y)."""
    s, nx = _prepared(X, Y, A, B)
    if len(s) < 3:
        raise ValueError("X and Y hold fewer than three words together; the std is undefined.")
    sd = s.std(ddof=1)
    if sd == 0:
        raise ValueError("every target word has the same association; the effect size is 0/0.")
    return float((s[:nx].mean() - s[nx:].mean()) / sd)


def weat_p_value(
    X: ArrayLike,
    Y: ArrayLike,
    A: ArrayLike,
    B: ArrayLike,
    *,
    n_permutations: int = 10_000,
    random_state: int = 0,
) -> float:
    """One-sided permutation p-value :math:`P_i[S(X_i, Y_i) > S(X, Y)]`.

    Exact over all :math:`\\binom{|X|+|Y|}{|X|}` partitions when there are at most
    ``n_permutations`` of them; otherwise the share among ``n_permutations`` random ones.
    """
    if not isinstance(n_permutations, (int, np.integer)) or n_permutations < 1:
        raise ValueError(f"n_permutations must be a positive integer, got {n_permutations!r}.")
    s, nx = _prepared(X, Y, A, B)
    n = len(s)
    if nx != n - nx:
        raise ValueError(
            f"X has {nx} words and Y has {n - nx}; the permutation test re-partitions X ∪ Y "
            "into two halves, so pass target sets of equal size."
        )
    total = s.sum()
    observed = 2 * s[:nx].sum() - total  # S = Σ_X s − Σ_Y s = 2 Σ_X s − Σ s
    if math.comb(n, nx) <= n_permutations:
        sums = np.array([s[list(c)].sum() for c in itertools.combinations(range(n), nx)])
    else:
        rng = np.random.default_rng(random_state)
        idx = np.argsort(rng.random((n_permutations, n)), axis=1)[:, :nx]
        sums = s[idx].sum(axis=1)
    return float(np.mean(2 * sums - total > observed))


@dataclass(frozen=True)
class WeatResult:
    effect_size: float
    p_value: float
    statistic: float
    used: dict[str, list[str]]  # the words of each set that had vectors
    missing: dict[str, list[str]]  # the words that did not


def weat_words(lookup: Callable[[str], np.ndarray | None], sets: dict[str, Sequence[str]]):
    """Vectors of each named word set; words without a vector (``lookup`` returns None) are
    dropped and listed. A set left empty is an error naming it."""
    vectors, used, missing = {}, {}, {}
    for name, words in sets.items():
        if len(words) == 0:
            raise ValueError(f"the word set {name} is empty; WEAT needs at least one word in each.")
        rows, ok, bad = [], [], []
        for w in words:
            v = lookup(w)
            (bad if v is None else ok).append(w)
            if v is not None:
                rows.append(np.asarray(v, dtype=np.float64))
        if not rows:
            raise ValueError(
                f"none of the words of {name} ({', '.join(words[:5])}, …) has a vector; "
                "choose words in the embedding's vocabulary."
            )
        vectors[name], used[name], missing[name] = np.stack(rows), ok, bad
    return vectors, used, missing


def weat(
    lookup: Callable[[str], np.ndarray | None],
    X: Sequence[str],
    Y: Sequence[str],
    A: Sequence[str],
    B: Sequence[str],
    *,
    n_permutations: int = 10_000,
    random_state: int = 0,
) -> WeatResult:
    """WEAT on words: effect size, p-value and statistic, with the words actually used.

    Words without a vector are dropped (and listed in ``missing``); the longer target set
    is then cut to the shorter one's length, keeping list order, so both have the same size
    for the permutation test.
    """
    for name, words in (("X", X), ("Y", Y), ("A", A), ("B", B)):
        if len(words) == 0:
            raise ValueError(f"the word set {name} is empty; WEAT needs at least one word in each.")
    if len(X) != len(Y):
        raise ValueError(
            f"X has {len(X)} words and Y has {len(Y)}; pass target sets of equal size."
        )
    known_x = [w for w in X if lookup(w) is not None]
    known_y = [w for w in Y if lookup(w) is not None]
    k = min(len(known_x), len(known_y))
    if k == 0:
        raise ValueError(
            f"no word of {'X' if not known_x else 'Y'} has a vector; choose target words in "
            "the embedding's vocabulary."
        )
    Xk, Yk = known_x[:k], known_y[:k]
    vecs, used, missing = weat_words(lookup, {"X": Xk, "Y": Yk, "A": A, "B": B})
    missing["X"] = [w for w in X if w not in Xk]
    missing["Y"] = [w for w in Y if w not in Yk]
    V = [vecs[k] for k in "XYAB"]
    return WeatResult(
        effect_size=weat_effect_size(*V),
        p_value=weat_p_value(*V, n_permutations=n_permutations, random_state=random_state),
        statistic=weat_statistic(*V),
        used=used,
        missing=missing,
    )


TEMPLATES = ("This is {}.", "That is {}.", "There is {}.", "Here is {}.", "{} is here.")


def template_vectors(encode: Callable[[list[str]], np.ndarray], word: str) -> np.ndarray:
    """A sentence encoder's vector for a word: the mean over :data:`TEMPLATES` (SEAT's
    bleached sentences), so the word is read in context rather than alone."""
    return np.asarray(encode([t.format(word) for t in TEMPLATES]), dtype=np.float64).mean(axis=0)
