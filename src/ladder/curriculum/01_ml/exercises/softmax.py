"""Row-wise softmax, shifted for stability.

For each row z of the (n, K) score matrix Z:

    softmax(z)_k = exp(z_k) / sum_j exp(z_j)

Subtracting the row's maximum from every entry first gives the same result and keeps
``np.exp`` from overflowing. Return an (n, K) array whose rows are probabilities. The
matching library function is ``scipy.special.softmax(Z, axis=1)``.
"""

import numpy as np


def softmax(Z) -> np.ndarray:
    Z = np.asarray(Z, dtype=float)
    # TODO: subtract the row max (keepdims=True), exponentiate, divide by the row sums.
    raise NotImplementedError
