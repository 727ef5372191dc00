"""Perplexity from a language model's logits.

logits (…, V) score every vocabulary entry at each position; targets (…) hold the true
next token, or ``ignore_index`` where nothing is scored (padding, a masked prompt).
Over the scored positions only:

    PPL = exp( mean over scored t of −log softmax(logits_t)[target_t] )

Use a stable log-softmax. Return a Python float. Raise ValueError when no position is
scored.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import math

import torch
from torch import Tensor


def perplexity_from_logits(logits: Tensor, targets: Tensor, ignore_index: int = -100) -> float:
    # TODO: log-softmax, pick the targets' log-probabilities where scored, mean, exp.
    raise NotImplementedError
