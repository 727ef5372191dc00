# mutant: reaches window + 1 positions each side
# likely: inclusive of distance `window` but no further
def skipgram_pairs(tokens, window):
    pairs = []
    for i, c in enumerate(tokens):
        for j in range(max(0, i - window - 1), min(len(tokens), i + window + 2)):
            if j != i:
                pairs.append((c, tokens[j]))
    return pairs
