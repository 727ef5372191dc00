# mutant: perturbs with += h, -= 2h, += h, which does not restore x exactly in floating point
# likely: changed its input
import numpy as np

from ladder.autograd.tensor import Tensor


def numerical_gradient(f, inputs: list[Tensor], h: float = 1e-6) -> list[np.ndarray]:
    grads = []
    for x in inputs:
        g = np.zeros_like(x.data, dtype=np.float64)
        flat = x.data.reshape(-1)
        for i in range(flat.size):
            flat[i] += h
            up = float(f(*inputs).data.sum())
            flat[i] -= 2 * h
            down = float(f(*inputs).data.sum())
            flat[i] += h
            g.reshape(-1)[i] = (up - down) / (2 * h)
        grads.append(g)
    return grads
