# mutant: does not clip the window at the sentence start: negative indices wrap around
# likely: wraps around
def skipgram_pairs(tokens, window):
    pairs = []
    for i, c in enumerate(tokens):
        for j in range(i - window, min(len(tokens), i + window + 1)):
            if j != i:
                pairs.append((c, tokens[j]))
    return pairs
