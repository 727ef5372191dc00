# mutant: divides by the number of weights instead of the number of samples
# likely: len(y), not the number of weights
import numpy as np


def gradient_descent_step(X, y, w, learning_rate) -> np.ndarray:
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    return w - learning_rate * (2 / len(w)) * X.T @ (X @ w - y)
