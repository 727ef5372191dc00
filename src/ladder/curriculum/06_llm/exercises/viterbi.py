"""A Viterbi step for the Unigram tokenizer.

Segment ``text`` into pieces of ``vocab`` (piece → (id, log probability)), maximising the
sum of the pieces' log probabilities:

    best[0] = 0,   best[end] = max over pieces text[start:end] of best[start] + log p(piece)

Pieces are at most ``max_len`` characters. A position that no one-character piece covers
gets an unknown node of one character (id ``unk_id``, score ``unk_score``), so a path
always exists. Visit starts from left to right and, for each start, ends from short to
long; a candidate replaces best[end] only if it is **strictly** better (SentencePiece's
rule for ties). Return the best path as (piece id, start, end) triples, left to right.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math


def viterbi(
    text: str,
    vocab: dict[str, tuple[int, float]],
    max_len: int,
    unk_score: float,
    unk_id: int = -1,
) -> list[tuple[int, int, int]]:
    # TODO: best scores and back-pointers for positions 0 … len(text), then walk back.
    raise NotImplementedError
