"""Hard debiasing of word vectors (Bolukbasi et al. 2016): neutralise and equalise.

1. **Identify the bias direction.** For definitional pairs (she/he, woman/man, …) centre
   each pair on its mean; the first principal component of the centred vectors is the
   direction :math:`g` (unit length) along which the pairs differ.
2. **Neutralise** every word that should be neutral (doctor, nurse, career, …): remove
   its component along :math:`g` and rescale to unit length,
   :math:`w \\leftarrow (w - (w \\cdot g) g) / \\|w - (w \\cdot g) g\\|`.
3. **Equalise** each gendered pair (grandmother/grandfather, …) so both words are the
   same distance from every neutral word: with :math:`\\mu` the pair's mean,
   :math:`\\nu = \\mu - (\\mu \\cdot g) g` its neutral part, each word becomes
   :math:`\\nu + \\sqrt{1 - \\|\\nu\\|^2}\\, \\frac{w_g - \\mu_g}{\\|w_g - \\mu_g\\|}` where
   :math:`v_g = (v \\cdot g) g`.

All vectors are unit-normalised first, as in the paper. Gonen & Goldberg (2019) showed
that neutralised words still cluster by their former gender ("lipstick on a pig"): the
projection goes to zero, the neighbourhoods do not fully follow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import ArrayLike

__all__ = [
    "bias_direction",
    "neutralize",
    "equalize",
    "projection",
    "hard_debias",
    "GENDER_DEFINITIONAL_PAIRS",
    "GENDER_EQUALIZE_PAIRS",
    "GENDER_SPECIFIC",
]

# Definitional pairs (Bolukbasi et al.'s list, the ones common in English corpora).
GENDER_DEFINITIONAL_PAIRS = (
    ("she", "he"),
    ("her", "his"),
    ("woman", "man"),
    ("mary", "john"),
    ("herself", "himself"),
    ("daughter", "son"),
    ("mother", "father"),
    ("gal", "guy"),
    ("girl", "boy"),
    ("female", "male"),
)
GENDER_EQUALIZE_PAIRS = (
    ("woman", "man"),
    ("women", "men"),
    ("girl", "boy"),
    ("girls", "boys"),
    ("mother", "father"),
    ("daughter", "son"),
    ("sister", "brother"),
    ("wife", "husband"),
    ("queen", "king"),
    ("aunt", "uncle"),
    ("niece", "nephew"),
    ("she", "he"),
    ("her", "his"),
    ("herself", "himself"),
    ("lady", "gentleman"),
    ("grandmother", "grandfather"),
)
# Words that are gendered by definition: left as they are (not neutralised).
GENDER_SPECIFIC = frozenset(
    [w for pair in GENDER_DEFINITIONAL_PAIRS + GENDER_EQUALIZE_PAIRS for w in pair]
    + [
        "him",
        "hers",
        "mr",
        "mrs",
        "ms",
        "sir",
        "madam",
        "actress",
        "actor",
        "mom",
        "dad",
        "mothers",
        "fathers",
        "sons",
        "daughters",
        "sisters",
        "brothers",
        "wives",
        "husbands",
        "kings",
        "queens",
        "ladies",
        "gentlemen",
        "females",
        "males",
        "princess",
        "prince",
    ]
)


def _unit(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    if np.any(n == 0):
        raise ValueError("a zero vector has no direction; it cannot be normalised.")
    return v / n


def _direction(g: ArrayLike, dim: int) -> np.ndarray:
    g = np.asarray(g, dtype=np.float64)
    if g.shape != (dim,):
        raise ValueError(f"direction must be a vector of length {dim}, got shape {g.shape}.")
    return _unit(g)


def bias_direction(pairs: Sequence[tuple[ArrayLike, ArrayLike]]) -> np.ndarray:
    """The first principal component of the pair-centred, unit-normalised pair vectors.

    Its sign is fixed so that the first word of the first pair projects positively
    (``she`` on the + side for ``(("she", "he"), …)``).
    """
    if len(pairs) == 0:
        raise ValueError("pairs is empty; give at least one definitional pair such as (she, he).")
    rows = []
    for a, b in pairs:
        a, b = _unit(np.asarray(a, dtype=np.float64)), _unit(np.asarray(b, dtype=np.float64))
        if a.shape != b.shape or a.ndim != 1:
            raise ValueError(f"each pair holds two vectors of one shape; got {a.shape}, {b.shape}.")
        mu = (a + b) / 2
        rows += [a - mu, b - mu]
    _, _, vt = np.linalg.svd(np.stack(rows), full_matrices=False)
    g = vt[0]
    a0 = _unit(np.asarray(pairs[0][0], dtype=np.float64))
    return g if a0 @ g >= 0 else -g


def projection(vectors: ArrayLike, direction: ArrayLike) -> np.ndarray:
    """Cosine of each (row) vector with the direction: its signed bias, in [−1, 1]."""
    V = np.atleast_2d(np.asarray(vectors, dtype=np.float64))
    g = _direction(direction, V.shape[1])
    return _unit(V) @ g


def neutralize(w: ArrayLike, direction: ArrayLike) -> np.ndarray:
    """Unit ``w`` with its component along the unit ``direction`` removed, renormalised."""
    w = np.asarray(w, dtype=np.float64)
    if w.ndim != 1:
        raise ValueError(f"w must be one vector (1-D), got shape {w.shape}.")
    g = _direction(direction, w.shape[0])
    w = _unit(w)
    rest = w - (w @ g) * g
    if np.linalg.norm(rest) < 1e-12:
        raise ValueError("w is parallel to the bias direction; nothing is left to keep.")
    return _unit(rest)


def equalize(a: ArrayLike, b: ArrayLike, direction: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The pair moved to be symmetric about the neutral subspace and unit length."""
    a, b = (np.asarray(v, dtype=np.float64) for v in (a, b))
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"a and b must be vectors of one length; got {a.shape} and {b.shape}.")
    g = _direction(direction, a.shape[0])
    a, b = _unit(a), _unit(b)
    mu = (a + b) / 2
    mu_g = (mu @ g) * g
    nu = mu - mu_g
    scale = np.sqrt(max(0.0, 1.0 - float(nu @ nu)))
    out = []
    for w in (a, b):
        dg = (w @ g) * g - mu_g
        norm = np.linalg.norm(dg)
        if norm < 1e-12:
            raise ValueError(
                "the two words do not differ along the direction; nothing to equalise."
            )
        out.append(nu + scale * dg / norm)
    return out[0], out[1]


def hard_debias(
    words: Sequence[str],
    vectors: ArrayLike,
    *,
    definitional: Iterable[tuple[str, str]] = GENDER_DEFINITIONAL_PAIRS,
    equalize_pairs: Iterable[tuple[str, str]] = GENDER_EQUALIZE_PAIRS,
    specific: Iterable[str] = GENDER_SPECIFIC,
) -> tuple[np.ndarray, np.ndarray]:
    """Debias a whole vocabulary: returns ``(new_vectors, direction)``.

    Every word is unit-normalised; words not in ``specific`` are neutralised; each
    ``equalize_pairs`` pair present in the vocabulary is equalised. Pairs with a missing
    word are skipped; at least one definitional pair must be present.
    """
    V = np.asarray(vectors, dtype=np.float64)
    if V.ndim != 2 or V.shape[0] != len(words):
        raise ValueError(f"need one vector per word: {len(words)} words, vectors {V.shape}.")
    index = {w: i for i, w in enumerate(words)}
    present = [(index[a], index[b]) for a, b in definitional if a in index and b in index]
    if not present:
        raise ValueError(
            "none of the definitional pairs has both words in the vocabulary; "
            "pass pairs such as ('she', 'he') that the embedding knows."
        )
    g = bias_direction([(V[i], V[j]) for i, j in present])
    norms = np.linalg.norm(V, axis=1, keepdims=True)
    out = V / np.where(norms == 0, 1, norms)
    keep = {index[w] for w in specific if w in index}
    neutral = np.array([i for i in range(len(words)) if i not in keep])
    if neutral.size:
        rest = out[neutral] - np.outer(out[neutral] @ g, g)
        rn = np.linalg.norm(rest, axis=1, keepdims=True)
        out[neutral] = rest / np.where(rn == 0, 1, rn)
    for a, b in equalize_pairs:
        if a in index and b in index:
            out[index[a]], out[index[b]] = equalize(out[index[a]], out[index[b]], g)
    return out, g
