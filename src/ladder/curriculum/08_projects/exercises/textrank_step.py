"""One power-iteration step of TextRank (PageRank on a sentence graph).

``transition`` (N, N) is row-stochastic: transition[j, i] is the share of sentence j's
score that flows to sentence i (its similarity to i over all its similarities). With
damping d, the new score of sentence i is

    S_new(i) = (1 − d) / N + d · Σ_j transition[j, i] · S(j)

that is ``(1 − d) / N + d · transitionᵀ S``. Return the new scores (N,); they still sum
to 1 when S does.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def textrank_step(scores: np.ndarray, transition: np.ndarray, damping: float = 0.85) -> np.ndarray:
    # TODO: teleport share (1 - d)/N plus d times what flows in along the edges.
    raise NotImplementedError
