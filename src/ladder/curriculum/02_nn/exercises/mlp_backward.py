r"""The backward pass of a two-layer MLP, in matrix form, in NumPy.

Shapes: ``X`` (N, d), integer labels ``y`` (N,), ``W1`` (h, d), ``b1`` (h,), ``W2``
(C, h), ``b2`` (C,) — the layout of ``torch.nn.Linear``. Forward:

    Z1 = X @ W1.T + b1          (N, h)
    H  = ReLU(Z1)               (N, h)
    Z2 = H @ W2.T + b2          (N, C)
    L  = mean over n of -log softmax(Z2)[n, y[n]]     (log-sum-exp, as in cross_entropy)

Backward, with P = softmax(Z2) and Y the one-hot labels:

    G2 = (P - Y) / N            dL/dZ2, (N, C)
    dW2 = G2.T @ H              db2 = G2 summed over the batch
    G1 = (G2 @ W2) * (Z1 > 0)   dL/dZ1, (N, h)
    dW1 = G1.T @ X              db1 = G1 summed over the batch

Return ``(loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2})``, ``loss`` a float and each
gradient the shape of its parameter. The matching library function is
``ladder.nn.manual.mlp_backward``; ``torch.autograd`` gives the same numbers.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def mlp_backward(X, y, W1, b1, W2, b2) -> tuple[float, dict]:
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=np.float64) for a in (X, W1, b1, W2, b2))
    y = np.asarray(y)
    N = len(y)  # noqa: F841 - the batch size
    # TODO: the forward (keep Z1, H and the log-probabilities), then the six backward lines.
    raise NotImplementedError
