# mutant: works on the lists, so repeated tokens count several times
# likely: use sets
def jaccard_similarity(a, b):
    if isinstance(a, str) or isinstance(b, str):
        raise TypeError("pass lists of tokens")
    a, b = list(a), list(b)
    inter = sum(1 for x in a if x in b)
    union = len(a) + len(b) - inter
    return inter / union if union else 1.0
