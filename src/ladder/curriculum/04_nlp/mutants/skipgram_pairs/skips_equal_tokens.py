# mutant: skips contexts equal to the centre word (token == token, not position == position)
def skipgram_pairs(tokens, window):
    pairs = []
    for i, c in enumerate(tokens):
        for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
            if tokens[j] != c:
                pairs.append((c, tokens[j]))
    return pairs
