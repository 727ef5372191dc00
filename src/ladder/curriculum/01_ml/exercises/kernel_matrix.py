"""Kernel matrices for a support vector machine.

K[i, j] = k(A[i], B[j]) for A (n_a, d) and B (n_b, d):

    "linear":  a^T b
    "rbf":     exp(-gamma * ||a - b||^2)
    "poly":    (gamma * a^T b + coef0) ** degree
    "sigmoid": tanh(gamma * a^T b + coef0)

Return an (n_a, n_b) array. The matching library functions are in
``sklearn.metrics.pairwise`` (``linear_kernel``, ``rbf_kernel``, ``polynomial_kernel``,
``sigmoid_kernel``).
"""

import numpy as np


def kernel_matrix(A, B, kernel, gamma, degree, coef0) -> np.ndarray:
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    # TODO: compute the Gram matrix A @ B.T once; the squared distances for "rbf" are
    # ||a||^2 - 2 a^T b + ||b||^2 (clipped at 0).
    raise NotImplementedError
