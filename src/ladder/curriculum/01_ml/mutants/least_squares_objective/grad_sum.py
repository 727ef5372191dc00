# mutant: the gradient of the sum, not the mean
# likely: f is a mean, not a sum
import numpy as np


def least_squares_objective(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]

    def f(w):
        return float(np.mean((X @ w - y) ** 2))

    def grad(w):
        return 2 * X.T @ (X @ w - y)

    def hess(w):
        return (2 / n) * X.T @ X

    return f, grad, hess
