# mutant: ignores k (plain reciprocal rank)
def reciprocal_rank_fusion(rankings, k=60.0):
    scores = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / rank
    order = list(scores)
    return sorted(scores.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
