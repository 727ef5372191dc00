r"""BLEU (Papineni et al., 2002), computed the way sacreBLEU does (Post, 2018,
arXiv:1804.08771), so scores are comparable across papers.

For a corpus of hypotheses h and references, with n-grams up to N = 4:

* **modified n-gram precision** p_n = Σ min(count_h(g), max_r count_r(g)) / Σ count_h(g):
  each hypothesis n-gram is credited at most as often as it occurs in one reference
  ("the the the the" earns one "the" against "the cat");
* **brevity penalty** BP = 1 if c > r, else exp(1 − r / c), where c is the total
  hypothesis length and r the total of the reference lengths closest to each hypothesis
  (ties to the shorter): precision alone would reward saying very little;
* BLEU = 100 · BP · exp(Σ_n (1/N) ln p_n), the geometric mean of the precisions.

Statistics (matches and totals per order, lengths) are summed over the corpus *before*
the precisions are taken, so corpus BLEU is not the mean of sentence BLEUs. Text is
tokenised with mteval-v13a's rules (:func:`tokenize_13a`). A zero count at order n
gets the "exp" smoothing of sacreBLEU (NIST's method): the k-th zero precision becomes
1 / (2^k · total_n). ``sentence_bleu`` uses the *effective order* (orders the sentence
is long enough to have) as sacreBLEU's ``sentence_bleu`` does.

Parity: ``tests/projects/test_bleu.py`` compares scores, counts, precisions and the
brevity penalty with ``sacrebleu.corpus_bleu`` and ``sacrebleu.sentence_bleu``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "BleuScore",
    "tokenize_13a",
    "ngram_counts",
    "modified_precision",
    "brevity_penalty",
    "closest_ref_length",
    "corpus_bleu",
    "sentence_bleu",
]

# mteval-v13a: punctuation and symbols become tokens; periods and commas split unless
# between digits; a dash after a digit splits.
_RULES = [
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
]


def tokenize_13a(line: str) -> str:
    """mteval-v13a tokenisation as sacreBLEU's default ``13a``; tokens joined by spaces.

    >>> tokenize_13a("Hello, world! It costs $3.50.")
    'Hello , world ! It costs $ 3.50 .'
    """
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&")
        line = line.replace("&lt;", "<").replace("&gt;", ">")
    line = f" {line} "
    for pattern, repl in _RULES:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def ngram_counts(tokens: Sequence[str], max_order: int = 4) -> Counter[tuple[str, ...]]:
    """Counts of every n-gram of ``tokens`` for n = 1 … max_order."""
    out: Counter[tuple[str, ...]] = Counter()
    for n in range(1, max_order + 1):
        for i in range(len(tokens) - n + 1):
            out[tuple(tokens[i : i + n])] += 1
    return out


def modified_precision(
    hypothesis: Sequence[str], references: Sequence[Sequence[str]], n: int
) -> tuple[int, int]:
    """(clipped matches, total) of the n-grams of one tokenised hypothesis.

    >>> modified_precision("the the the the".split(), ["the cat".split()], 1)
    (1, 4)
    """
    hyp = Counter(tuple(hypothesis[i : i + n]) for i in range(len(hypothesis) - n + 1))
    best: Counter[tuple[str, ...]] = Counter()
    for ref in references:
        for g, c in Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1)).items():
            best[g] = max(best[g], c)
    return sum(min(c, best[g]) for g, c in hyp.items()), sum(hyp.values())


def brevity_penalty(hyp_len: int, ref_len: int) -> float:
    """1 when the hypotheses are longer than the references, else exp(1 − r/c); 0 if c = 0."""
    if hyp_len >= ref_len:
        return 1.0
    return math.exp(1 - ref_len / hyp_len) if hyp_len > 0 else 0.0


def closest_ref_length(hyp_len: int, ref_lens: Sequence[int]) -> int:
    """The reference length closest to ``hyp_len``; on a tie, the shorter one."""
    return min(ref_lens, key=lambda r: (abs(r - hyp_len), r))


@dataclass
class BleuScore:
    score: float  # 0–100
    counts: list[int]  # clipped n-gram matches, n = 1 … 4
    totals: list[int]  # hypothesis n-grams, n = 1 … 4
    precisions: list[float] = field(default_factory=list)  # 100 · matches / totals (smoothed)
    bp: float = 1.0  # brevity penalty
    sys_len: int = 0  # hypothesis tokens
    ref_len: int = 0  # closest reference tokens

    def __str__(self) -> str:
        p = "/".join(f"{x:.1f}" for x in self.precisions)
        return (
            f"BLEU = {self.score:.2f} {p} (BP = {self.bp:.3f} ratio = "
            f"{self.sys_len / max(1, self.ref_len):.3f} hyp_len = {self.sys_len} "
            f"ref_len = {self.ref_len})"
        )


def _score(stats: list[int], max_order: int, effective_order: bool) -> BleuScore:
    sys_len, ref_len = stats[0], stats[1]
    correct, total = stats[2 : 2 + max_order], stats[2 + max_order :]
    bp = brevity_penalty(sys_len, ref_len)
    precisions = [0.0] * max_order
    if not any(correct):
        return BleuScore(0.0, correct, total, precisions, bp, sys_len, ref_len)
    halvings, order = 1.0, max_order
    for n in range(1, max_order + 1):
        if total[n - 1] == 0:
            break
        if effective_order:
            order = n
        if correct[n - 1] == 0:  # "exp" smoothing: 1/2, 1/4, … of one match
            halvings *= 2
            precisions[n - 1] = 100.0 / (halvings * total[n - 1])
        else:
            precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1]
    logs = [math.log(p) if p > 0 else -9999999999 for p in precisions[:order]]
    return BleuScore(
        bp * math.exp(sum(logs) / order), correct, total, precisions, bp, sys_len, ref_len
    )


def _segment_stats(hyp: str, refs: Sequence[str], max_order: int) -> list[int]:
    h = tokenize_13a(hyp.rstrip()).split()
    rs = [tokenize_13a(r.rstrip()).split() for r in refs]
    ref_ngrams: Counter[tuple[str, ...]] = Counter()
    for r in rs:
        for g, c in ngram_counts(r, max_order).items():
            ref_ngrams[g] = max(ref_ngrams[g], c)
    correct, total = [0] * max_order, [0] * max_order
    for g, c in ngram_counts(h, max_order).items():
        total[len(g) - 1] += c
        correct[len(g) - 1] += min(c, ref_ngrams.get(g, 0))
    return [len(h), closest_ref_length(len(h), [len(r) for r in rs]), *correct, *total]


def _check(hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> None:
    if isinstance(hypotheses, str):
        raise TypeError("hypotheses must be a list of strings, not one string; wrap it: [text].")
    if not references or isinstance(references[0], str):
        raise TypeError(
            "references must be a list of reference streams (one list of strings per "
            "reference set), e.g. [refs] for a single reference per sentence."
        )
    for k, stream in enumerate(references):
        if len(stream) != len(hypotheses):
            raise ValueError(
                f"reference stream {k} has {len(stream)} sentences but there are "
                f"{len(hypotheses)} hypotheses; each stream needs one per hypothesis."
            )


def corpus_bleu(
    hypotheses: Sequence[str], references: Sequence[Sequence[str]], max_order: int = 4
) -> BleuScore:
    """Corpus BLEU as ``sacrebleu.corpus_bleu(hypotheses, references)`` (13a, exp smoothing).

    ``references`` is a list of reference *streams*: ``references[k][i]`` is the k-th
    reference of sentence i.
    """
    _check(hypotheses, references)
    stats = [0] * (2 + 2 * max_order)
    for i, hyp in enumerate(hypotheses):
        for j, v in enumerate(_segment_stats(hyp, [s[i] for s in references], max_order)):
            stats[j] += v
    return _score(stats, max_order, effective_order=False)


def sentence_bleu(hypothesis: str, references: Sequence[str], max_order: int = 4) -> BleuScore:
    """Sentence BLEU as ``sacrebleu.sentence_bleu`` (13a, exp smoothing, effective order)."""
    if not isinstance(hypothesis, str) or isinstance(references, str):
        raise TypeError("give one hypothesis string and a list of reference strings.")
    return _score(_segment_stats(hypothesis, references, max_order), max_order, True)
