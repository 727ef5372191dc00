"""Gradient clipping by global norm, as ``torch.nn.utils.clip_grad_norm_``.

``params`` is a list of tensors; some may have ``grad`` None (skip those). Compute the L2
norm of *all* gradients together,

    total = sqrt(sum over params of sum(grad^2))

and, if ``coef = max_norm / (total + 1e-6)`` is below 1, multiply every gradient by
``coef`` (replace ``p.grad``, keep its dtype). Return ``total`` (the norm before clipping)
as a float.
"""

import math

import numpy as np


def clip_grad_norm_(params, max_norm: float) -> float:
    # TODO
    raise NotImplementedError
