"""Maximal marginal relevance: relevant and not redundant.

Choose ``n`` items one at a time. At each step take the unchosen item i with the largest

    lam · query_sim[i] − (1 − lam) · max_{s chosen} item_sim[i, s]

(the penalty is 0 while nothing is chosen, so the first pick is the most relevant item).
Ties go to the lower index. Return the chosen indices in the order they were chosen;
never choose an item twice; stop at N items.

    query_sim (0.9, 0.88, 0.5), items 0 and 1 near-copies (0.99), item 2 unlike (0.1):
    lam = 0.5 → [0, 2];  lam = 1 → [0, 1]

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def mmr_select(query_sim: np.ndarray, item_sim: np.ndarray, n: int, lam: float = 0.7) -> list[int]:
    # TODO: greedy loop; keep each item's largest similarity to the chosen ones.
    raise NotImplementedError
