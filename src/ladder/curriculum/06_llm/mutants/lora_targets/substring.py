# mutant: matches any name containing the target
# likely: a target matches a whole name part
def match_targets(names, targets):
    for t in targets:
        if not any(t in n for n in names):
            raise ValueError(t)
    return [n for n in names if any(t in n for t in targets)]
