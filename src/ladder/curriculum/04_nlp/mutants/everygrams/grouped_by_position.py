# mutant: lists the n-grams by start position instead of by order
# likely: all unigrams first
from collections.abc import Sequence

from ladder.nlp.ngram import BOS, EOS


def padded_everygrams(sentence: Sequence[str], n: int) -> list[tuple[str, ...]]:
    padded = [BOS] * (n - 1) + list(sentence) + [EOS]
    return [
        tuple(padded[i : i + k])
        for i in range(len(padded))
        for k in range(1, n + 1)
        if i + k <= len(padded)
    ]
