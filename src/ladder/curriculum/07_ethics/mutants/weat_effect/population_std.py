# mutant: population standard deviation (ddof=0)
# likely: use the sample standard deviation
import numpy as np


def weat_effect_size(X, Y, A, B) -> float:
    X, Y, A, B = (np.asarray(M, dtype=float) for M in (X, Y, A, B))
    X, Y, A, B = (M / np.linalg.norm(M, axis=1, keepdims=True) for M in (X, Y, A, B))
    s = lambda W: (W @ A.T).mean(1) - (W @ B.T).mean(1)  # noqa: E731
    both = np.concatenate([s(X), s(Y)])
    return float((s(X).mean() - s(Y).mean()) / both.std())
