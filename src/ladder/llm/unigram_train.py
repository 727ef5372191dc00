"""Training a Unigram LM tokenizer: seed pieces, EM, pruning (Kudo, 2018, arXiv:1804.10959).

The algorithm of the ``sentencepiece`` trainer, step by step:

1. **Seeds.** Every character, and every substring that occurs at least twice and is
   followed by at least two different characters (the internal nodes of the text's
   suffix tree, found here from a suffix array), up to 16 characters, never with "▁"
   inside, never mixing Unicode scripts. A character's seed score is its count, a
   substring's its count × length; scores are normalised to log probabilities.
2. **EM** on the corpus split into words ("▁word"), each with its count. E step: the
   forward–backward algorithm over every segmentation of a word gives the expected number
   of times each piece is used. M step: drop pieces expected fewer than 0.5 times and set

       log p(x) = ψ(c_x) − ψ(Σ_y c_y)        (ψ: digamma; a sparse, "Bayesian" EM)

3. **Pruning.** For each piece, the loss of likelihood if it were removed and its uses
   went to its second-best segmentation; keep the pieces that cost most, 75 % of the
   vocabulary per round, then EM again, until at most 1.1 × the target size remain.
4. **Finalise.** Every character of the corpus is kept (rare ones get the lowest score),
   then the best-scoring pieces up to the target size, after the special pieces <unk>,
   <s>, </s> and, with byte fallback, the 256 byte pieces.

Normalisation is the "identity" rule; train the ``sentencepiece`` library with
``normalization_rule_name="identity"`` and ``character_coverage=1.0`` to compare. Its
float32 sums and tie orders differ slightly from these float64 ones, so the vocabularies
agree on most pieces rather than all (``tests/llm/test_unigram.py`` states the share).
Two details matter for agreement and are copied: the pruning loss is computed in float32,
and an unknown character's lattice node is credited to piece 0 (see ``UNK_ID``).
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable

import numpy as np

from ladder.llm.unigram import (
    BYTE,
    CONTROL,
    NORMAL,
    UNK_PENALTY,
    UNKNOWN,
    WS,
    Piece,
    UnigramTokenizer,
    normalize,
    split_into_words,
    viterbi,
)

__all__ = [
    "is_valid_piece",
    "seed_pieces",
    "forward_backward",
    "em_step",
    "prune",
    "train_unigram",
]

MAX_PIECE_LENGTH = 16  # SentencePiece's max_sentencepiece_length
SHRINKING_FACTOR = 0.75  # share of pieces kept by one pruning round
SUB_ITERATIONS = 2  # EM steps between pruning rounds
EXPECTED_FREQUENCY_THRESHOLD = 0.5  # the M step drops pieces used less than this
# A character that no one-character piece covers gets an "unknown" node in the lattice.
# In SentencePiece's trainer that node carries id 0, which during training is simply the
# first piece (the most frequent character), so its uses are credited to that piece. We
# copy the quirk: without it the pruning rounds keep a few different pieces.
UNK_ID = 0


def _script(ch: str) -> str:
    """A character's Unicode script, roughly: the first word of a letter's name (LATIN,
    GREEK, CJK …), "COMMON" for digits, punctuation and symbols."""
    if not unicodedata.category(ch).startswith(("L", "M")):
        return "COMMON"
    word = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
    return "HAN" if word in ("CJK", "HIRAGANA", "KATAKANA") else word


def is_valid_piece(piece: str, max_len: int = MAX_PIECE_LENGTH) -> bool:
    """SentencePiece's rules for a candidate: 1 … max_len characters, "▁" only first, no
    space, tab or NUL, and one Unicode script (digits and punctuation count as one)."""
    if not piece or len(piece) > max_len:
        return False
    prev = None
    for pos, ch in enumerate(piece):
        if ch in ("\0", "\t", " ", "\u2585"):
            return False
        if ch == WS:
            if pos > 0:
                return False
            continue
        script = _script(ch)
        if prev is not None and script != prev:
            return False
        prev = script
    return True


def _digamma(x: float) -> float:
    """ψ(x) by the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 7, then the asymptotic series."""
    result = 0.0
    while x < 7:
        result -= 1 / x
        x += 1
    x -= 0.5
    inv2 = 1 / (x * x)
    return (
        result
        + math.log(x)
        + inv2 / 24
        - 7 * inv2**2 / 960
        + 31 * inv2**3 / 8064
        - (127 * inv2**4 / 30720)
    )


def seed_pieces(sentences: list[str], max_len: int = MAX_PIECE_LENGTH) -> list[tuple[str, float]]:
    """Initial pieces with log-probability scores (step 1 of the module docstring)."""
    chars = Counter(ch for s in sentences for ch in s)
    text = "\0".join(sentences) + "\0"  # NUL marks sentence boundaries
    n = len(text)
    # suffixes sorted by their first max_len + 1 characters: enough to find every repeated
    # substring of ≤ max_len characters and the characters that follow it
    order = sorted(range(n), key=lambda i: text[i : i + max_len + 1])
    lcp = [0] * n  # lcp[i]: common prefix of suffixes order[i − 1] and order[i], capped
    for i in range(1, n):
        a, b = order[i - 1], order[i]
        k = 0
        while k <= max_len and a + k < n and b + k < n and text[a + k] == text[b + k]:
            k += 1
        lcp[i] = k
    # internal nodes of the suffix tree = LCP intervals (depth d, rows lb … rb)
    found: list[tuple[str, int]] = []
    stack: list[tuple[int, int]] = [(0, 0)]  # (depth, left bound)
    for i in range(1, n + 1):
        cur = lcp[i] if i < n else 0
        lb = i - 1
        while cur < stack[-1][0]:
            depth, lb = stack.pop()
            if 2 <= depth <= max_len:
                start = order[lb]
                piece = text[start : start + depth]
                if "\0" not in piece and is_valid_piece(piece, max_len):
                    found.append((piece, (i - lb) * depth))  # count × length
        if cur > stack[-1][0]:
            stack.append((cur, lb))
    seeds = sorted(chars.items(), key=lambda kv: (-kv[1], kv[0]))
    seeds += sorted(found, key=lambda kv: -kv[1])  # ties: in the order the nodes were found
    log_total = math.log(sum(score for _, score in seeds))
    return [(piece, math.log(score) - log_total) for piece, score in seeds]


def _lattice(word: str, vocab: dict[str, tuple[int, float]], max_len: int, unk_score: float):
    """Every (start, end, piece id, score) node of the word (unknown ones: ``UNK_ID``)."""
    nodes = []
    for start in range(len(word)):
        single = False
        for end in range(start + 1, min(len(word), start + max_len) + 1):
            entry = vocab.get(word[start:end])
            if entry is not None:
                nodes.append((start, end, entry[0], entry[1]))
                single = single or end == start + 1
        if not single:
            nodes.append((start, start + 1, UNK_ID, unk_score))
    return nodes


def _logaddexp(a: float, b: float) -> float:
    if a == -math.inf:
        return b
    hi, lo = (a, b) if a > b else (b, a)
    return hi + math.log1p(math.exp(lo - hi))


def forward_backward(
    word: str, vocab: dict[str, tuple[int, float]], max_len: int, unk_score: float
) -> tuple[float, dict[int, float]]:
    """log Z of the word and the expected count of each piece id over its segmentations.

    α[j] = log Σ over paths to position j,  β[i] = log Σ over paths from i to the end,
    E[count of node (i, j, x)] = exp(α[i] + log p(x) + β[j] − log Z).
    """
    n = len(word)
    nodes = _lattice(word, vocab, max_len, unk_score)
    alpha = [-math.inf] * (n + 1)
    beta = [-math.inf] * (n + 1)
    alpha[0] = beta[n] = 0.0
    for start, end, _, score in nodes:  # sorted by start: α[start] is final when read
        alpha[end] = _logaddexp(alpha[end], alpha[start] + score)
    for start, end, _, score in reversed(nodes):
        beta[start] = _logaddexp(beta[start], score + beta[end])
    log_z = alpha[n]
    expected: dict[int, float] = {}
    for start, end, pid, score in nodes:
        if pid >= 0:
            expected[pid] = expected.get(pid, 0.0) + math.exp(
                alpha[start] + score + beta[end] - log_z
            )
    return log_z, expected


class _Model:
    """The current pieces with their scores, and the lookups the lattice needs."""

    def __init__(self, pieces: list[tuple[str, float]]):
        self.pieces = pieces
        self.vocab = {p: (i, s) for i, (p, s) in enumerate(pieces)}
        self.max_len = max(len(p) for p, _ in pieces)
        self.unk_score = min(s for _, s in pieces) - UNK_PENALTY

    def viterbi(self, word: str) -> list[tuple[int, int, int]]:
        return viterbi(word, self.vocab, self.max_len, self.unk_score, UNK_ID)


def em_step(model: _Model, words: list[tuple[str, int]]) -> list[tuple[str, float]]:
    """One E step (expected counts) and M step (drop < 0.5, digamma re-estimate)."""
    counts = [0.0] * len(model.pieces)
    for word, freq in words:
        _, expected = forward_backward(word, model.vocab, model.max_len, model.unk_score)
        for pid, c in expected.items():
            counts[pid] += freq * c
    kept = [(p, c) for (p, _), c in zip(model.pieces, counts, strict=True)
            if c >= EXPECTED_FREQUENCY_THRESHOLD]  # fmt: skip
    log_total = _digamma(sum(c for _, c in kept))
    # scores are float32 in SentencePiece (and in its .model file)
    return [(p, float(np.float32(_digamma(c) - log_total))) for p, c in kept]


def _second_best(model: _Model, piece: str) -> list[int] | None:
    """Piece ids of the best segmentation of ``piece`` that does not use the piece itself
    (its second-best one when the best is the piece), or None when it is the only one."""
    if len(piece) == 1:
        return None
    vocab = dict(model.vocab)
    del vocab[piece]
    return [pid for pid, _, _ in viterbi(piece, vocab, model.max_len, model.unk_score, UNK_ID)]


def prune(model: _Model, words: list[tuple[str, int]], desired: int) -> list[tuple[str, float]]:
    """Keep max(desired, 75 %) of the pieces: those whose removal loses most likelihood."""
    pieces = model.pieces
    always_keep = [True] * len(pieces)
    alternatives: list[list[int]] = [[] for _ in pieces]
    for i, (piece, _) in enumerate(pieces):
        best = model.viterbi(piece)
        if len(best) >= 2:  # not even its own best segmentation: free to remove
            always_keep[i] = False
            continue
        alt = _second_best(model, piece)
        if alt is not None:
            alternatives[i] = alt
    freq = [0.0] * len(pieces)
    inverted: list[list[int]] = [[] for _ in pieces]
    total_words = 0
    for w, (word, count) in enumerate(words):
        total_words += count
        for pid, _, _ in model.viterbi(word):
            if pid >= 0:
                freq[pid] += count
                inverted[pid].append(w)
    # The loss in SentencePiece's precision: float32 variables, logs taken in float64.
    # Many pieces' losses then round to the same float32, and such ties are broken by
    # piece index, which decides who survives at the cut; in float64 throughout, the
    # vocabularies drift apart. (float(...) keeps NumPy from doing the log's subtraction
    # in float32.)
    f32 = np.float32
    freq32 = [f32(f) for f in freq]
    total = f32(sum(freq))
    log_total = float(f32(math.log(total)))
    kept: list[tuple[str, float]] = []
    candidates: list[tuple[float, int]] = []
    for i, piece in enumerate(pieces):
        if freq[i] == 0 or not always_keep[i]:
            continue  # unused by the Viterbi paths: removed
        if not alternatives[i]:
            kept.append(piece)  # nothing could replace it
            continue
        share = f32(sum(words[w][1] for w in inverted[i])) / f32(total_words)
        logprob = f32(math.log(freq[i]) - log_total)
        # its uses go to the alternative pieces, whose counts grow by freq[i]
        total_alt = total + freq32[i] * f32(len(alternatives[i]) - 1)
        log_total_alt = float(f32(math.log(total_alt)))
        logprob_alt = f32(0.0)
        for a in alternatives[i]:
            if a >= 0:
                term = math.log(freq32[a] + freq32[i]) - log_total_alt
                logprob_alt = f32(float(logprob_alt) + term)
        candidates.append((float(share * (logprob - logprob_alt)), i))
    target = max(desired, int(SHRINKING_FACTOR * len(pieces)))
    for _, i in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if len(kept) >= target:
            break
        kept.append(pieces[i])
    return kept


def train_unigram(
    lines: Iterable[str],
    vocab_size: int,
    byte_fallback: bool = True,
    add_dummy_prefix: bool = True,
    remove_extra_whitespaces: bool = True,
) -> UnigramTokenizer:
    """Train a Unigram tokenizer of ``vocab_size`` pieces on ``lines`` (one sentence each).

    Settings as ``sentencepiece.SentencePieceTrainer.train(model_type="unigram",
    vocab_size=…, byte_fallback=…, normalization_rule_name="identity",
    character_coverage=1.0)``.
    """
    sentences = [normalize(line, add_dummy_prefix, remove_extra_whitespaces) for line in lines]
    sentences = [s for s in sentences if s and len(s.encode("utf-8")) <= 2048]
    if not sentences:
        raise ValueError("no training text: every line is empty after normalisation.")
    chars = Counter(ch for s in sentences for ch in s)
    n_meta = 3 + (256 if byte_fallback else 0)
    if not isinstance(vocab_size, int) or vocab_size <= len(chars) + n_meta:
        raise ValueError(
            f"vocab_size={vocab_size} leaves no room: the text has {len(chars)} distinct "
            f"characters and there are {n_meta} special pieces; choose vocab_size > "
            f"{len(chars) + n_meta}."
        )
    model = _Model(seed_pieces(sentences))
    word_counts = Counter(w for s in sentences for w in split_into_words(s))
    words = sorted(word_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    desired = int(vocab_size * 1.1)
    while True:
        for _ in range(SUB_ITERATIONS):
            model = _Model(em_step(model, words))
        if len(model.pieces) <= desired:
            break
        model = _Model(prune(model, words, desired))
    # finalise: every character, then the best pieces, up to vocab_size − special pieces
    scores = dict(model.pieces)
    final: dict[str, float] = {}
    penalty = 0.0
    min_score = min(scores.values())
    for ch, _ in sorted(chars.items(), key=lambda kv: (-kv[1], kv[0])):
        if ch in scores:
            final[ch] = scores[ch]
        else:
            final[ch] = min_score + penalty
            penalty += 1e-4
    for piece, score in sorted(model.pieces, key=lambda ps: (-ps[1], ps[0])):
        if len(final) == vocab_size - n_meta:
            break
        final.setdefault(piece, score)
    pieces = [Piece("<unk>", 0.0, UNKNOWN), Piece("<s>", 0.0, CONTROL), Piece("</s>", 0.0, CONTROL)]
    if byte_fallback:
        pieces += [Piece(f"<0x{b:02X}>", 0.0, BYTE) for b in range(256)]
    pieces += [
        Piece(p, s, NORMAL) for p, s in sorted(final.items(), key=lambda ps: (-ps[1], ps[0]))
    ]
    return UnigramTokenizer(pieces, byte_fallback, add_dummy_prefix, remove_extra_whitespaces)
