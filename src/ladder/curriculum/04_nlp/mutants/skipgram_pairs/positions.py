# mutant: returns the positions (i, j) instead of the tokens
def skipgram_pairs(tokens, window):
    pairs = []
    for i in range(len(tokens)):
        for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
            if j != i:
                pairs.append((i, j))
    return pairs
