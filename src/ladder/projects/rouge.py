r"""ROUGE (Lin, 2004): how much of a reference summary a candidate recovers, as Google's
``rouge-score`` package (the re-implementation of ROUGE-1.5.5 that papers now report).

Text is lower-cased, every run of characters other than ``a-z0-9`` becomes a space, and
the remaining words are the tokens (optionally stemmed; words of 3 letters or fewer are
never stemmed). For a candidate c and a reference r:

* **ROUGE-N**: overlap = Σ_g min(count_c(g), count_r(g)) over n-grams g;
  recall = overlap / |n-grams of r|, precision = overlap / |n-grams of c|;
* **ROUGE-L**: the length of the *longest common subsequence* of tokens (in order, not
  necessarily contiguous), LCS(c, r); recall = LCS / |r|, precision = LCS / |c|;
* **ROUGE-Lsum**: summary-level LCS over newline-separated sentences: for each reference
  sentence the union of its LCS tokens with every candidate sentence, each token
  credited at most as often as it occurs on both sides;
* F = 2PR / (P + R). With several references, each type keeps the reference with the
  highest F (``RougeScorer.score_multi``).

The LCS table: L[i][j] = L[i−1][j−1] + 1 when a_i = b_j, else max(L[i−1][j], L[i][j−1]).

Parity: ``tests/projects/test_rouge.py`` compares every score with
``rouge_score.rouge_scorer.RougeScorer`` on SciTLDR and DialogSum pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = [
    "RougeScore",
    "rouge_tokenize",
    "lcs_length",
    "lcs_table",
    "rouge_n",
    "rouge_l",
    "rouge_lsum",
    "rouge",
    "mean_rouge",
]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VALID = re.compile(r"^[a-z0-9]+$")
TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


@dataclass(frozen=True)
class RougeScore:
    precision: float
    recall: float
    fmeasure: float


def _f(p: float, r: float) -> RougeScore:
    return RougeScore(p, r, 2 * p * r / (p + r) if p + r > 0 else 0.0)


def rouge_tokenize(text: str, stemmer: Callable[[str], str] | None = None) -> list[str]:
    """Lower-case, keep runs of a-z0-9, stem words longer than 3 letters.

    >>> rouge_tokenize("The cat's 2 hats!")
    ['the', 'cat', 's', '2', 'hats']
    """
    if not isinstance(text, str):
        raise TypeError(f"ROUGE scores text, got {type(text).__name__}; pass a str.")
    tokens = _NON_ALNUM.sub(" ", text.lower()).split()
    if stemmer is not None:
        tokens = [stemmer(t) if len(t) > 3 else t for t in tokens]
    return [t for t in tokens if _VALID.match(t)]


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> RougeScore:
    """ROUGE-N of two token lists."""
    if n < 1:
        raise ValueError(f"n must be a positive whole number, got {n}.")
    c, r = _ngrams(candidate, n), _ngrams(reference, n)
    overlap = sum((c & r).values())
    return _f(overlap / max(sum(c.values()), 1), overlap / max(sum(r.values()), 1))


def lcs_table(a: Sequence[str], b: Sequence[str]) -> list[list[int]]:
    """(len(a)+1) × (len(b)+1) table: entry [i][j] is the LCS length of a[:i] and b[:j]."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        row, prev = table[i], table[i - 1]
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            row[j] = prev[j - 1] + 1 if ai == b[j - 1] else max(prev[j], row[j - 1])
    return table


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence.

    >>> lcs_length("the cat sat on the mat".split(), "the cat lay on a mat".split())
    4
    """
    return lcs_table(a, b)[-1][-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> RougeScore:
    """ROUGE-L of two token lists (0 when either is empty)."""
    if not candidate or not reference:
        return RougeScore(0.0, 0.0, 0.0)
    lcs = lcs_length(reference, candidate)
    return _f(lcs / len(candidate), lcs / len(reference))


def _lcs_indices(ref: Sequence[str], can: Sequence[str]) -> set[int]:
    """Indices into ``ref`` of one LCS (the backtrack rouge-score uses)."""
    t = lcs_table(ref, can)
    i, j, out = len(ref), len(can), set()
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            out.add(i - 1)
            i, j = i - 1, j - 1
        elif t[i][j - 1] > t[i - 1][j]:
            j -= 1
        else:
            i -= 1
    return out


def rouge_lsum(
    candidate: Sequence[Sequence[str]], reference: Sequence[Sequence[str]]
) -> RougeScore:
    """Summary-level ROUGE-L of tokenised sentences (lists of token lists)."""
    m, n = sum(map(len, reference)), sum(map(len, candidate))
    if not m or not n:
        return RougeScore(0.0, 0.0, 0.0)
    left_r = Counter(t for s in reference for t in s)
    left_c = Counter(t for s in candidate for t in s)
    hits = 0
    for r in reference:
        union = sorted(set().union(*(_lcs_indices(r, c) for c in candidate)))
        for t in (r[i] for i in union):
            if left_c[t] > 0 and left_r[t] > 0:
                hits += 1
                left_c[t] -= 1
                left_r[t] -= 1
    return _f(hits / n, hits / m)


def rouge(
    candidate: str,
    references: str | Sequence[str],
    types: Sequence[str] = ("rouge1", "rouge2", "rougeL"),
    stemmer: Callable[[str], str] | None = None,
) -> dict[str, RougeScore]:
    """Scores of one candidate against one reference or several (best F per type)."""
    refs = [references] if isinstance(references, str) else list(references)
    if not refs:
        raise ValueError("give at least one reference summary.")
    unknown = [t for t in types if t not in TYPES]
    if unknown:
        raise ValueError(f"unknown ROUGE types {unknown}; use some of {list(TYPES)}.")
    cand = rouge_tokenize(candidate, stemmer)
    cand_sents = [rouge_tokenize(s, stemmer) for s in candidate.split("\n") if s]
    best: dict[str, RougeScore] = {}
    for ref in refs:
        toks = rouge_tokenize(ref, stemmer)
        for t in types:
            if t == "rougeL":
                s = rouge_l(cand, toks)
            elif t == "rougeLsum":
                s = rouge_lsum(
                    cand_sents, [rouge_tokenize(x, stemmer) for x in ref.split("\n") if x]
                )
            else:
                s = rouge_n(cand, toks, int(t[5:]))
            if t not in best or s.fmeasure > best[t].fmeasure:
                best[t] = s
    return best


def mean_rouge(
    candidates: Sequence[str],
    references: Sequence[str | Sequence[str]],
    types: Sequence[str] = ("rouge1", "rouge2", "rougeL"),
    stemmer: Callable[[str], str] | None = None,
) -> dict[str, float]:
    """Mean F-measure ×100 of each type over a corpus (one entry of references per candidate)."""
    if len(candidates) != len(references):
        raise ValueError(
            f"{len(candidates)} candidates but {len(references)} reference entries; "
            "give one (or one list of) reference per candidate."
        )
    if not candidates:
        raise ValueError("no candidates to score; give at least one summary.")
    sums = dict.fromkeys(types, 0.0)
    for c, r in zip(candidates, references, strict=True):
        for t, s in rouge(c, r, types, stemmer).items():
            sums[t] += s.fmeasure
    return {t: 100 * v / len(candidates) for t, v in sums.items()}
