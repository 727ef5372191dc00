# mutant: forward difference (F(x + h) - F(x)) / h
# likely: use the central difference
import numpy as np

from ladder.autograd.tensor import Tensor


def numerical_gradient(f, inputs: list[Tensor], h: float = 1e-6) -> list[np.ndarray]:
    grads = []
    for x in inputs:
        g = np.zeros_like(x.data, dtype=np.float64)
        flat = x.data.reshape(-1)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + h
            up = float(f(*inputs).data.sum())
            flat[i] = old
            down = float(f(*inputs).data.sum())
            flat[i] = old
            g.reshape(-1)[i] = (up - down) / h
        grads.append(g)
    return grads
