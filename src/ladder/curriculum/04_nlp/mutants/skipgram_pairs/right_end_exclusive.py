# mutant: range(i - window, i + window): the right end is one short
# likely: range's end is exclusive
def skipgram_pairs(tokens, window):
    pairs = []
    for i, c in enumerate(tokens):
        for j in range(max(0, i - window), min(len(tokens), i + window)):
            if j != i:
                pairs.append((c, tokens[j]))
    return pairs
