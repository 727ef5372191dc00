# mutant: counts distances up to window + 1
# likely: only distances 1..window count
import numpy as np


def cooccurrence_matrix(sentences, vocab_size, window=10):
    X = np.zeros((vocab_size, vocab_size))
    for s in sentences:
        for p in range(len(s)):
            for q in range(p + 1, min(len(s), p + window + 2)):
                X[s[p], s[q]] += 1 / (q - p)
                X[s[q], s[p]] += 1 / (q - p)
    return X
