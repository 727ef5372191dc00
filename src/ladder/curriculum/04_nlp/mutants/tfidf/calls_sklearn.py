# mutant: wraps scikit-learn's TfidfTransformer
# likely: sklearn.feature_extraction.text.TfidfTransformer
import numpy as np
from sklearn.feature_extraction import text


class TfidfTransformer:
    def __init__(self, norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=False):
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def fit(self, X, y=None):
        self._sk = text.TfidfTransformer(
            norm=self.norm,
            use_idf=self.use_idf,
            smooth_idf=self.smooth_idf,
            sublinear_tf=self.sublinear_tf,
        ).fit(np.asarray(X))
        self.idf_ = getattr(self._sk, "idf_", None)
        return self

    def transform(self, X):
        out = self._sk.transform(np.asarray(X))
        return out.toarray() if hasattr(out, "toarray") else np.asarray(out)

    def fit_transform(self, X, y=None):
        return self.fit(X).transform(X)
