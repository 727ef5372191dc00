"""Speculative decoding: the residual distribution.

A draft model proposed token x with probability q(x); the target gives it p(x). The
draft token is kept with probability min(1, p(x)/q(x)). If it is rejected, the next
token is drawn from the residual distribution

    r = max(0, p − q) / Σ max(0, p − q)

over the last dimension; with it, the output follows p exactly. If p = q nothing is
left over (a rejection cannot happen then): return p. Works on (V,) or (…, V).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def residual_distribution(p: Tensor, q: Tensor) -> Tensor:
    # TODO: clamp p − q at 0, renormalise over the last dimension, fall back to p.
    raise NotImplementedError
