# mutant: endswith without the dot, so "xq_proj" matches "q_proj"
# likely: match '.' + target
def match_targets(names, targets):
    for t in targets:
        if not any(n.endswith(t) for n in names):
            raise ValueError(t)
    return [n for n in names if any(n.endswith(t) for t in targets)]
