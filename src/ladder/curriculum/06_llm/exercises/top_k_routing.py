"""Top-k routing for a mixture of experts.

A router gives each of N tokens one logit per expert, ``router_logits`` (N, E). Send each
token to its k most probable experts and weight them by their router probabilities,
renormalised over the chosen k:

    p = softmax(router_logits) over the experts
    indices = the k largest p per token, best first           (N, k)
    weights = p[indices] / Σ p[indices]                       (N, k), each row sums to 1

Return ``(weights, indices)``, the weights in float32. Raise ValueError unless
1 ≤ k ≤ E. This is Mixtral's router (Hugging Face ``MixtralTopKRouter``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def top_k_routing(router_logits: Tensor, k: int) -> tuple[Tensor, Tensor]:
    # TODO: check k, softmax over the experts (in float32), torch.topk, renormalise.
    raise NotImplementedError
