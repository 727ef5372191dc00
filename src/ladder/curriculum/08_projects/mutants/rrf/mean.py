# mutant: averages the contributions over the rankings that contain the item
# likely: do not average them
def reciprocal_rank_fusion(rankings, k=60.0):
    total, count = {}, {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            total[item] = total.get(item, 0.0) + 1.0 / (k + rank)
            count[item] = count.get(item, 0) + 1
    order = list(total)
    scores = {d: total[d] / count[d] for d in total}
    return sorted(scores.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
