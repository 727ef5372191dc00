# mutant: ranks start at 0
# likely: ranks start at 1
def reciprocal_rank_fusion(rankings, k=60.0):
    scores = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    order = list(scores)
    return sorted(scores.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
