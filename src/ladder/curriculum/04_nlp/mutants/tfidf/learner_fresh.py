# mutant: (learner) sublinear tf as log1p(x) = ln(1 + x) instead of 1 + ln(x)
import numpy as np


class TfidfTransformer:
    def __init__(self, norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=False):
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        n, df = X.shape[0], np.count_nonzero(X, axis=0)
        if self.smooth_idf:
            n, df = n + 1, df + 1
        self.idf_ = np.log(n / df) + 1
        return self

    def transform(self, X):
        X = np.array(X, dtype=float)
        tf = np.log1p(X) if self.sublinear_tf else X
        W = tf * self.idf_ if self.use_idf else tf
        if self.norm is None:
            return W
        ord_ = 2 if self.norm == "l2" else 1
        norms = np.linalg.norm(W, ord=ord_, axis=1, keepdims=True)
        return W / np.where(norms == 0, 1, norms)

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)
