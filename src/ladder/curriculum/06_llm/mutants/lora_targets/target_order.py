# mutant: collects target by target, so the order follows targets
# likely: keep the order of names
def match_targets(names, targets):
    out = []
    for t in targets:
        hits = [n for n in names if n == t or n.endswith("." + t)]
        if not hits:
            raise ValueError(t)
        out += [h for h in hits if h not in out]
    return out
