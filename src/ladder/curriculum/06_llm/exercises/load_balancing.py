"""The load-balancing loss of a mixture of experts (Switch Transformer).

For N tokens and E experts with router logits (N, E) and top-k routing:

    P_e = mean over tokens of softmax(router_logits)[:, e]          (E,), sums to 1
    f_e = (number of (token, choice) slots that picked e) / N        (E,), sums to k
    L_aux = E · Σ_e f_e · P_e

The k chosen experts of a token are its k largest probabilities. L_aux is k when the
routing is perfectly even and grows when a few experts take most tokens. Equals Hugging
Face's ``load_balancing_loss_func`` for one layer. Return a 0-dimensional tensor.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
import torch.nn.functional as F
from torch import Tensor


def load_balancing_loss(router_logits: Tensor, k: int) -> Tensor:
    # TODO: probabilities, top-k choices, counts per expert (one_hot), f and P, E · Σ f·P.
    raise NotImplementedError
