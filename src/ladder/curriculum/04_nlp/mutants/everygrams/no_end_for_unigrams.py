# mutant: no padding at all when n = 1
# likely: even a unigram model
from collections.abc import Sequence

from ladder.nlp.ngram import BOS, EOS


def padded_everygrams(sentence: Sequence[str], n: int) -> list[tuple[str, ...]]:
    padded = [BOS] * (n - 1) + list(sentence) + ([EOS] if n > 1 else [])
    return [tuple(padded[i : i + k]) for k in range(1, n + 1) for i in range(len(padded) - k + 1)]
