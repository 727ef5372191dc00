# mutant: picks log_probs[:, y] (an N x N block) instead of one entry per row
import numpy as np

from ladder.autograd.tensor import Tensor


def cross_entropy(logits: Tensor, target) -> Tensor:
    y = np.asarray(target)
    n = len(y)
    z = logits.data
    shifted = z - z.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[:, y].mean()

    def backward(g):
        grad = np.exp(log_probs)
        grad[np.arange(n), y] -= 1.0
        return (grad * (g / n),)

    return Tensor._make(np.asarray(loss, dtype=z.dtype), (logits,), backward, "cross_entropy")
