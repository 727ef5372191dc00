# mutant: forgets the end symbol
# likely: pad the end too
from collections.abc import Sequence

from ladder.nlp.ngram import BOS


def padded_everygrams(sentence: Sequence[str], n: int) -> list[tuple[str, ...]]:
    padded = [BOS] * (n - 1) + list(sentence)
    return [tuple(padded[i : i + k]) for k in range(1, n + 1) for i in range(len(padded) - k + 1)]
