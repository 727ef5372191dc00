"""Top-p (nucleus) filtering of next-token logits.

Per row: sort the tokens by probability, descending; keep the smallest set of most likely
tokens whose probabilities add up to at least p. Equivalently, a token is kept when the
probability mass of the tokens *before* it in the sorted order is < p, so the token that
crosses p is kept, and the most likely token always is. Removed tokens get −inf; return a
new tensor in the original token order. Hugging Face's ``TopPLogitsWarper`` does the same.

    probabilities (0.5, 0.25, 0.15, 0.1), p = 0.8  →  the first three are kept

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float) -> Tensor:
    # TODO: sort, softmax, mass before each token, remove where it is >= p, unsort.
    raise NotImplementedError
