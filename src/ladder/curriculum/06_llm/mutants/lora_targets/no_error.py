# mutant: silently ignores a target that matches nothing
def match_targets(names, targets):
    return [n for n in names if any(n == t or n.endswith("." + t) for t in targets)]
