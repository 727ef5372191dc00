# mutant: f sums the squared residuals
# likely: divide the sum of squares by n
import numpy as np


def least_squares_objective(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]

    def f(w):
        return float(np.sum((X @ w - y) ** 2))

    def grad(w):
        return (2 / n) * X.T @ (X @ w - y)

    def hess(w):
        return (2 / n) * X.T @ X

    return f, grad, hess
