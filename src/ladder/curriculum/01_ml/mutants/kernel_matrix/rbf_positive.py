# mutant: exp(+gamma ||a - b||^2)
# likely: the exponent is negative
import numpy as np


def kernel_matrix(A, B, kernel, gamma, degree, coef0) -> np.ndarray:
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    G = A @ B.T
    sq = np.maximum((A**2).sum(1)[:, None] - 2 * G + (B**2).sum(1)[None, :], 0.0)
    if kernel == "linear":
        return G
    if kernel == "rbf":
        return np.exp(gamma * sq)
    if kernel == "poly":
        return (gamma * G + coef0) ** degree
    if kernel == "sigmoid":
        return np.tanh(gamma * G + coef0)
    raise ValueError(kernel)
