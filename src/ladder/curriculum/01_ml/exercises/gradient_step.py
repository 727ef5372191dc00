"""One step of batch gradient descent on the mean squared error.

    L(w)  = (1/n) * ||X w - y||^2
    grad  = (2/n) * X^T (X w - y)
    w_new = w - learning_rate * grad

X has shape (n, p), y shape (n,), w shape (p,). Return the new weights; do not modify
``w`` in place.
"""

import numpy as np


def gradient_descent_step(X, y, w, learning_rate) -> np.ndarray:
    # TODO: compute the residual X w - y, the gradient, and the updated weights.
    raise NotImplementedError
