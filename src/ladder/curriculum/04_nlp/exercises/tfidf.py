r"""TF-IDF weighting of a count matrix (scikit-learn's ``TfidfTransformer``).

``X`` is an ``(n_documents, n_terms)`` matrix of term counts (a NumPy array or anything
``np.asarray`` accepts; if you get a SciPy sparse matrix, call ``.toarray()``).

**fit(X)** stores the inverse document frequencies ``self.idf_`` (one per column). With
``n`` documents and ``df[t]`` the number of rows where column ``t`` is non-zero:

    smooth_idf=True:   idf[t] = ln((1 + n) / (1 + df[t])) + 1
    smooth_idf=False:  idf[t] = ln(n / df[t]) + 1

**transform(X)** returns a float array:

1. ``tf = X``, or ``1 + ln(X)`` on the non-zero entries when ``sublinear_tf`` (zeros stay 0);
2. multiply each column by its ``idf`` when ``use_idf``;
3. scale each row to unit length: ``norm="l2"`` (Euclidean), ``"l1"`` (sum of absolute
   values) or ``None`` (no scaling). A row of zeros stays zeros (no division by zero).

The matching library class is ``ladder.nlp.vectorize.TfidfTransformer``
(``sklearn.feature_extraction.text.TfidfTransformer``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


class TfidfTransformer:
    # mirrors ladder.nlp.vectorize:TfidfTransformer.__init__
    def __init__(
        self,
        norm: str | None = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
    ) -> None:
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def fit(self, X, y=None) -> "TfidfTransformer":
        # TODO: document frequencies, then self.idf_; return self.
        raise NotImplementedError

    def transform(self, X) -> np.ndarray:
        # TODO: tf (maybe sublinear), times idf, then normalise each row.
        raise NotImplementedError

    # mirrors ladder.nlp.vectorize:TfidfTransformer.fit_transform
    def fit_transform(self, X, y=None) -> np.ndarray:
        return self.fit(X).transform(X)
