# mutant: joins the sentences into one stream
# likely: count within each sentence
import numpy as np


def cooccurrence_matrix(sentences, vocab_size, window=10):
    s = [w for sentence in sentences for w in sentence]
    X = np.zeros((vocab_size, vocab_size))
    for p in range(len(s)):
        for q in range(p + 1, min(len(s), p + window + 1)):
            X[s[p], s[q]] += 1 / (q - p)
            X[s[q], s[p]] += 1 / (q - p)
    return X
