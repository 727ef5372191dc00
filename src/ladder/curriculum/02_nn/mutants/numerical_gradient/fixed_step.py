# mutant: ignores the h argument and always steps by 1e-6
import numpy as np

from ladder.autograd.tensor import Tensor


def numerical_gradient(f, inputs: list[Tensor], h: float = 1e-6) -> list[np.ndarray]:
    step = 1e-6
    grads = []
    for x in inputs:
        g = np.zeros_like(x.data, dtype=np.float64)
        flat = x.data.reshape(-1)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + step
            up = float(f(*inputs).data.sum())
            flat[i] = old - step
            down = float(f(*inputs).data.sum())
            flat[i] = old
            g.reshape(-1)[i] = (up - down) / (2 * step)
        grads.append(g)
    return grads
