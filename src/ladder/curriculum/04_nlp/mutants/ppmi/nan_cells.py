# mutant: leaves -inf/nan where a count is 0 (clips with max only)
import numpy as np


def ppmi(counts, alpha: float = 1.0):
    X = np.asarray(counts, dtype=float)
    if X.ndim != 2 or (X < 0).any() or X.sum() == 0 or alpha <= 0:
        raise ValueError("bad counts")
    N = X.sum()
    p_w = X.sum(axis=1, keepdims=True) / N
    ctx = X.sum(axis=0) ** alpha
    p_c = ctx / ctx.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log2((X / N) / (p_w * p_c))
    return np.maximum(pmi, 0.0) + 0.0 * X
