# mutant: adds the gradient instead of subtracting it
# likely: step against the gradient
import numpy as np


def gradient_descent_step(X, y, w, learning_rate) -> np.ndarray:
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    n = len(y)
    return w + learning_rate * (2 / n) * X.T @ (X @ w - y)
