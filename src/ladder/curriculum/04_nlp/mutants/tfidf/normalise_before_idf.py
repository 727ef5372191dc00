# mutant: normalises the counts, then multiplies by idf
# likely: multiply by idf before normalising
import numpy as np


class TfidfTransformer:
    def __init__(self, norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=False):
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def fit(self, X, y=None):
        X = np.asarray(X.toarray() if hasattr(X, "toarray") else X, dtype=float)
        n, df = X.shape[0], (X > 0).sum(axis=0)
        s = int(self.smooth_idf)
        self.idf_ = np.log((n + s) / (df + s)) + 1
        return self

    def transform(self, X):
        X = np.asarray(X.toarray() if hasattr(X, "toarray") else X, dtype=float)
        tf = np.where(X > 0, 1 + np.log(np.where(X > 0, X, 1)), 0) if self.sublinear_tf else X
        if self.norm == "l2":
            norms = np.linalg.norm(tf, axis=1, keepdims=True)
        elif self.norm == "l1":
            norms = np.abs(tf).sum(axis=1, keepdims=True)
        else:
            norms = np.ones((tf.shape[0], 1))
        norms[norms == 0] = 1
        W = tf / norms
        return W * self.idf_ if self.use_idf else W

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)
