# mutant: backpropagates through the ReLU as if it were the identity
# likely: multiply by ReLU's derivative
import numpy as np


def mlp_backward(X, y, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=np.float64) for a in (X, W1, b1, W2, b2))
    y = np.asarray(y)
    N = len(y)
    Z1 = X @ W1.T + b1
    Hh = np.maximum(Z1, 0)
    Z2 = Hh @ W2.T + b2
    s = Z2 - Z2.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = float(-log_p[np.arange(N), y].mean())
    G2 = np.exp(log_p)
    G2[np.arange(N), y] -= 1
    G2 /= N
    G1 = G2 @ W2
    return loss, {"W1": G1.T @ X, "b1": G1.sum(0), "W2": G2.T @ Hh, "b2": G2.sum(0)}
