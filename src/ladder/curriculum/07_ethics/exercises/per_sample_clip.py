"""Per-sample gradient clipping, the heart of DP-SGD.

``grads`` maps each parameter name to a tensor of per-sample gradients of shape
(B, *param_shape): row i belongs to example i. Each example's gradient norm is taken over
*all* parameters together:

    norm_i = sqrt( Σ_params Σ_entries grads[name][i, …]² )

Scale every example's gradients (in every parameter) by

    factor_i = min(1, max_norm / (norm_i + 1e-6))

so no example's gradient is longer than max_norm, and examples already shorter are left
(almost) unchanged. Return a new dict with the same keys and shapes; do not modify the
input. Opacus' DPOptimizer clips the same way.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch


def clip_per_sample(grads: dict, max_norm: float) -> dict:
    # TODO: per-parameter norms of each row (reshape to (B, -1)), combine them into one norm
    # per example, compute the clip factors and multiply each row by its factor.
    raise NotImplementedError
