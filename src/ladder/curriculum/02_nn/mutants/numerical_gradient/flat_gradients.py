# mutant: returns each gradient flat, not in its input's shape
import numpy as np

from ladder.autograd.tensor import Tensor


def numerical_gradient(f, inputs: list[Tensor], h: float = 1e-6) -> list[np.ndarray]:
    grads = []
    for x in inputs:
        flat = x.data.reshape(-1)
        g = np.zeros(flat.size)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + h
            up = float(f(*inputs).data.sum())
            flat[i] = old - h
            down = float(f(*inputs).data.sum())
            flat[i] = old
            g[i] = (up - down) / (2 * h)
        grads.append(g)
    return grads
