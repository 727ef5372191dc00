# mutant: redundancy is the mean similarity to the chosen items
import numpy as np


def mmr_select(query_sim, item_sim, n, lam=0.7):
    chosen = []
    for _ in range(min(n, len(query_sim))):
        best, best_i = -np.inf, -1
        for i in range(len(query_sim)):
            if i in chosen:
                continue
            pen = np.mean([item_sim[i, s] for s in chosen]) if chosen else 0.0
            v = lam * query_sim[i] - (1 - lam) * pen
            if v > best:
                best, best_i = v, i
        chosen.append(best_i)
    return chosen
