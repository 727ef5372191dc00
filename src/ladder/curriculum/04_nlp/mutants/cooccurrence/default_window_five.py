# mutant: a default window of 5 (word2vec's) instead of GloVe's 10
import numpy as np


def cooccurrence_matrix(sentences, vocab_size, window=5):
    X = np.zeros((vocab_size, vocab_size))
    for s in sentences:
        for p in range(len(s)):
            for q in range(p + 1, min(len(s), p + window + 1)):
                X[s[p], s[q]] += 1 / (q - p)
                X[s[q], s[p]] += 1 / (q - p)
    return X
