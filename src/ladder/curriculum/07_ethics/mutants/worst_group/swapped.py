# mutant: names the best group as the worst
# likely: the worst group has the smallest value
def worst_group_gap(by_group: dict, higher_is_better: bool = True) -> dict:
    if not by_group:
        raise ValueError("empty")
    pick_worst, pick_best = (max, min) if higher_is_better else (min, max)
    worst, best = pick_worst(by_group, key=by_group.get), pick_best(by_group, key=by_group.get)
    return {
        "worst_group": worst,
        "value": by_group[worst],
        "best_group": best,
        "gap": round(abs(by_group[best] - by_group[worst]), 12),
    }
