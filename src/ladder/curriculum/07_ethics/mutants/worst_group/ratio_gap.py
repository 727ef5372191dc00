# mutant: reports the gap as a ratio
# likely: the gap is a difference, not a ratio
def worst_group_gap(by_group: dict, higher_is_better: bool = True) -> dict:
    if not by_group:
        raise ValueError("empty")
    pick_worst, pick_best = (min, max) if higher_is_better else (max, min)
    worst, best = pick_worst(by_group, key=by_group.get), pick_best(by_group, key=by_group.get)
    return {
        "worst_group": worst,
        "value": by_group[worst],
        "best_group": best,
        "gap": by_group[worst] / by_group[best],
    }
