# mutant: sorts by relevance and ignores redundancy
# likely: subtract (1 − λ) times the largest similarity
import numpy as np


def mmr_select(query_sim, item_sim, n, lam=0.7):
    return [int(i) for i in np.argsort(-np.asarray(query_sim), kind="stable")[:n]]
