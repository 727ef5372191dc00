# mutant: (learner) an integer matrix, so the 1/d weights are truncated
import numpy as np


def cooccurrence_matrix(sentences, vocab_size, window=10):
    X = np.zeros((vocab_size, vocab_size), dtype=int)
    for s in sentences:
        for p in range(len(s)):
            for q in range(p + 1, min(len(s), p + window + 1)):
                X[s[p], s[q]] += 1 / (q - p)
                X[s[q], s[p]] += 1 / (q - p)
    return X
