# mutant: pads with n - 1 </s> like nltk's pad_both_ends
# likely: one '</s>' only
from collections.abc import Sequence

from ladder.nlp.ngram import BOS, EOS


def padded_everygrams(sentence: Sequence[str], n: int) -> list[tuple[str, ...]]:
    padded = [BOS] * (n - 1) + list(sentence) + [EOS] * (n - 1)
    return [tuple(padded[i : i + k]) for k in range(1, n + 1) for i in range(len(padded) - k + 1)]
