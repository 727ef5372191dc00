# mutant: smoothing adds 1 to df but not to n
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
        self.idf_ = np.log(n / (df + s)) + 1
        return self

    def transform(self, X):
        X = np.asarray(X.toarray() if hasattr(X, "toarray") else X, dtype=float)
        tf = np.where(X > 0, 1 + np.log(np.where(X > 0, X, 1)), 0) if self.sublinear_tf else X
        W = tf * self.idf_ if self.use_idf else tf
        if self.norm is None:
            return W
        if self.norm == "l2":
            norms = np.linalg.norm(W, axis=1, keepdims=True)
        else:
            norms = np.abs(W).sum(axis=1, keepdims=True)
        norms[norms == 0] = 1
        return W / norms

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)
