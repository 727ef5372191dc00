# mutant: lists each centre's contexts by distance (left, right, left, right ...)
# likely: contexts left to right
def skipgram_pairs(tokens, window):
    pairs = []
    for i, c in enumerate(tokens):
        for d in range(1, window + 1):
            for j in (i - d, i + d):
                if 0 <= j < len(tokens):
                    pairs.append((c, tokens[j]))
    return pairs
