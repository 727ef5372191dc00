# mutant: always takes the smallest value as the worst
# likely: with higher_is_better=False the worst value is the largest
def worst_group_gap(by_group: dict, higher_is_better: bool = True) -> dict:
    if not by_group:
        raise ValueError("empty")
    worst = min(by_group, key=by_group.get)
    best = max(by_group, key=by_group.get)
    return {
        "worst_group": worst,
        "value": by_group[worst],
        "best_group": best,
        "gap": round(abs(by_group[best] - by_group[worst]), 12),
    }
