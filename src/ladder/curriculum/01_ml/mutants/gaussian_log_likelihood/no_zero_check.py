# mutant: divides by a zero variance instead of refusing it
import numpy as np


def gaussian_log_likelihood(y_true, y_pred, sigma2=None) -> float:
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("same, non-zero length")
    n = y_true.size
    ss_res = float(np.sum((y_true - y_pred) ** 2))
    if sigma2 is None:
        sigma2 = ss_res / n
    with np.errstate(all="ignore"):
        return float(-0.5 * n * np.log(2 * np.pi * sigma2) - ss_res / (2 * sigma2))
