# mutant: lists only the n-grams of the highest order
# likely: include every order
from collections.abc import Sequence

from ladder.nlp.ngram import BOS, EOS


def padded_everygrams(sentence: Sequence[str], n: int) -> list[tuple[str, ...]]:
    padded = [BOS] * (n - 1) + list(sentence) + [EOS]
    return [tuple(padded[i : i + n]) for i in range(len(padded) - n + 1)]
