# mutant: pairs the centre word with itself
# likely: skip j == i
def skipgram_pairs(tokens, window):
    pairs = []
    for i, c in enumerate(tokens):
        for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
            pairs.append((c, tokens[j]))
    return pairs
