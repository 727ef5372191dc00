# mutant: smooths the word (row) probabilities instead of the contexts
# likely: alpha smooths the context
import numpy as np


def ppmi(counts, alpha: float = 1.0):
    X = np.asarray(counts, dtype=float)
    if X.ndim != 2 or (X < 0).any() or X.sum() == 0 or alpha <= 0:
        raise ValueError("bad counts")
    N = X.sum()
    rows = X.sum(axis=1, keepdims=True) ** alpha
    p_w = rows / rows.sum()
    p_c = X.sum(axis=0) / N
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log2((X / N) / (p_w * p_c))
    return np.where(X > 0, np.maximum(pmi, 0.0), 0.0)
