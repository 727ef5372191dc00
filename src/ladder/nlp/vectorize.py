r"""Bag of words and TF-IDF, compatible with scikit-learn's vectorizers.

**Bag of words** (``CountVectorizer``): document :math:`d` becomes the vector of counts
:math:`\mathrm{tf}(t, d)` over a vocabulary sorted alphabetically. Default tokens are
``(?u)\b\w\w+\b`` on lower-cased text; ``ngram_range=(1, 2)`` adds word bigrams joined
by a space; ``min_df``/``max_df`` (counts or fractions) and ``max_features`` prune it.
Preprocessing runs in scikit-learn's order: lower-case first, then ``strip_accents``
(``"unicode"``: NFKD and drop combining marks; ``"ascii"``: NFKD and drop every non-ASCII
character; or a callable). The order matters: ``"ℌ".lower()`` is ``ℌ`` but NFKD turns it
into ``H``, so stripping first and lower-casing second would give ``h``.

**TF-IDF** (``TfidfVectorizer``): with :math:`n` documents and document frequency
:math:`\mathrm{df}(t)`,

.. math:: \mathrm{idf}(t) = \ln\frac{1 + n}{1 + \mathrm{df}(t)} + 1 \quad(\text{smooth})
   \qquad \mathrm{idf}(t) = \ln\frac{n}{\mathrm{df}(t)} + 1 \quad(\text{not smooth})

and :math:`x_{d,t} = \mathrm{tf}(t,d)\,\mathrm{idf}(t)`, where ``sublinear_tf`` replaces
:math:`\mathrm{tf}` by :math:`1 + \ln \mathrm{tf}`; each row is then scaled to unit
``l2`` (or ``l1``) norm. The +1 keeps terms present in every document.

Outputs are ``scipy.sparse.csr_matrix`` (float64 for TF-IDF, int64 counts), equal to
scikit-learn's on the same settings (``tests/nlp/test_vectorize.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

import numpy as np
import scipy.sparse as sp

from ladder.nlp.normalize import strip_accents as _strip_accents

__all__ = ["CountVectorizer", "TfidfTransformer", "TfidfVectorizer"]


def _strip_accents_ascii(text: str) -> str:
    """NFKD, then drop every character without an ASCII equivalent (``strip_accents_ascii``)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _accent_function(strip_accents: object) -> Callable[[str], str] | None:
    """The function ``strip_accents`` names, checked as scikit-learn checks it in ``fit``."""
    if strip_accents is None:
        return None
    if callable(strip_accents):
        return strip_accents  # type: ignore[return-value]
    if strip_accents == "unicode":
        return lambda doc: _strip_accents(doc, compatibility=True)
    if strip_accents == "ascii":
        return _strip_accents_ascii
    raise ValueError(
        f"strip_accents={strip_accents!r} is not supported; use None, 'unicode', 'ascii' "
        "or a function from str to str."
    )


def _not_fitted(name: str) -> RuntimeError:
    return RuntimeError(f"this {name} is not fitted yet; call fit(raw_documents) first.")


class CountVectorizer:
    """Token counts per document (``sklearn.feature_extraction.text.CountVectorizer``)."""

    def __init__(
        self,
        lowercase: bool = True,
        token_pattern: str = r"(?u)\b\w\w+\b",
        tokenizer: Callable[[str], list[str]] | None = None,
        ngram_range: tuple[int, int] = (1, 1),
        stop_words: Iterable[str] | None = None,
        min_df: float | int = 1,
        max_df: float | int = 1.0,
        max_features: int | None = None,
        binary: bool = False,
        strip_accents: str | Callable[[str], str] | None = None,
    ) -> None:
        self.lowercase = lowercase
        self.token_pattern = token_pattern
        self.tokenizer = tokenizer
        self.ngram_range = ngram_range
        self.stop_words = stop_words
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.binary = binary
        self.strip_accents = strip_accents

    # -- analysis ------------------------------------------------------------
    def build_analyzer(self) -> Callable[[str], list[str]]:
        """Document → list of (n-gram) terms, after preprocessing and tokenisation."""
        pattern = re.compile(self.token_pattern)
        accents = _accent_function(self.strip_accents)
        stop = frozenset(self.stop_words) if self.stop_words is not None else frozenset()
        lo, hi = self.ngram_range

        def analyze(doc: str) -> list[str]:
            if not isinstance(doc, str):
                raise TypeError(
                    f"each document must be a str, got {type(doc).__name__} ({doc!r:.60}); "
                    "pass a list of strings, not a single string or tokens."
                )
            if self.lowercase:  # lower-case first, then strip accents, as scikit-learn
                doc = doc.lower()
            if accents is not None:
                doc = accents(doc)
            tokens = self.tokenizer(doc) if self.tokenizer else pattern.findall(doc)
            tokens = [t for t in tokens if t not in stop]
            if (lo, hi) == (1, 1):
                return tokens
            terms = []
            for n in range(lo, hi + 1):
                terms += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
            return terms

        return analyze

    def _check_docs(self, raw_documents: Iterable[str]) -> list[str]:
        if isinstance(raw_documents, str):
            raise TypeError(
                "expected an iterable of documents, got one str; wrap it in a list: [text]."
            )
        return list(raw_documents)

    def _count(self, docs: list[str], vocab: dict[str, int]) -> sp.csr_matrix:
        analyze = self.build_analyzer()
        indptr, indices, values = [0], [], []
        for doc in docs:
            counts = Counter(t for t in analyze(doc) if t in vocab)
            cols = sorted(vocab[t] for t in counts)
            inverse = {vocab[t]: c for t, c in counts.items()}
            indices.extend(cols)
            values.extend(1 if self.binary else inverse[c] for c in cols)
            indptr.append(len(indices))
        return sp.csr_matrix(
            (
                np.asarray(values, dtype=np.int64),
                np.asarray(indices, dtype=np.int64),
                np.asarray(indptr, dtype=np.int64),
            ),
            shape=(len(docs), len(vocab)),
        )

    def fit_transform(self, raw_documents: Iterable[str], y: object = None) -> sp.csr_matrix:
        docs = self._check_docs(raw_documents)
        analyze = self.build_analyzer()
        df: Counter[str] = Counter()
        tf: Counter[str] = Counter()
        for doc in docs:
            terms = analyze(doc)
            tf.update(terms)
            df.update(set(terms))
        n = len(docs)
        lo = self.min_df if isinstance(self.min_df, int) else self.min_df * n
        hi = self.max_df if isinstance(self.max_df, int) else self.max_df * n
        kept = sorted(t for t, c in df.items() if lo <= c <= hi)
        if self.max_features is not None:
            # The most frequent terms (total count; document count when binary). Ties are
            # broken by NumPy's default argsort over the alphabetical order, as sklearn.
            freq = np.array([(df if self.binary else tf)[t] for t in kept], dtype=np.int64)
            keep = np.argsort(-freq)[: self.max_features]
            kept = [kept[i] for i in keep]
        if not kept:
            raise ValueError(
                "empty vocabulary: no term survives tokenisation and min_df/max_df; the "
                "documents may be empty or contain only stop words. Relax min_df/max_df."
            )
        self.vocabulary_ = {t: i for i, t in enumerate(sorted(kept))}
        return self._count(docs, self.vocabulary_)

    def fit(self, raw_documents: Iterable[str], y: object = None) -> CountVectorizer:
        self.fit_transform(raw_documents)
        return self

    def transform(self, raw_documents: Iterable[str]) -> sp.csr_matrix:
        """Counts of the fitted vocabulary; out-of-vocabulary terms are ignored."""
        if not hasattr(self, "vocabulary_"):
            raise _not_fitted(type(self).__name__)
        return self._count(self._check_docs(raw_documents), self.vocabulary_)

    def get_feature_names_out(self) -> np.ndarray:
        if not hasattr(self, "vocabulary_"):
            raise _not_fitted(type(self).__name__)
        return np.array(sorted(self.vocabulary_, key=self.vocabulary_.__getitem__), dtype=object)


class TfidfTransformer:
    """Counts → TF-IDF (``sklearn.feature_extraction.text.TfidfTransformer``)."""

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

    def fit(self, X: sp.spmatrix, y: object = None) -> TfidfTransformer:
        X = sp.csr_matrix(X)
        n = X.shape[0] + int(self.smooth_idf)
        df = np.bincount(X.indices, minlength=X.shape[1]).astype(np.float64) + int(self.smooth_idf)
        self.idf_ = np.log(n / df) + 1.0
        return self

    def transform(self, X: sp.spmatrix) -> sp.csr_matrix:
        if self.norm not in ("l1", "l2", None):
            raise ValueError(f"norm must be 'l1', 'l2' or None, got {self.norm!r}.")
        X = sp.csr_matrix(X, dtype=np.float64, copy=True)
        if self.sublinear_tf:
            X.data = np.log(X.data) + 1.0
        if self.use_idf:
            if not hasattr(self, "idf_"):
                raise _not_fitted(type(self).__name__)
            X.data *= self.idf_[X.indices]
        if self.norm is not None:
            rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
            if self.norm == "l2":
                norms = np.sqrt(np.bincount(rows, X.data**2, minlength=X.shape[0]))
            else:
                norms = np.bincount(rows, np.abs(X.data), minlength=X.shape[0])
            norms[norms == 0.0] = 1.0
            X.data /= norms[rows]
        return X

    def fit_transform(self, X: sp.spmatrix, y: object = None) -> sp.csr_matrix:
        return self.fit(X).transform(X)


class TfidfVectorizer(CountVectorizer):
    """:class:`CountVectorizer` then :class:`TfidfTransformer`
    (``sklearn.feature_extraction.text.TfidfVectorizer``)."""

    def __init__(
        self,
        norm: str | None = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = False,
        **count_kwargs: object,
    ) -> None:
        super().__init__(**count_kwargs)  # type: ignore[arg-type]
        self.norm = norm
        self.use_idf = use_idf
        self.smooth_idf = smooth_idf
        self.sublinear_tf = sublinear_tf

    def _transformer(self) -> TfidfTransformer:
        return TfidfTransformer(self.norm, self.use_idf, self.smooth_idf, self.sublinear_tf)

    def fit_transform(self, raw_documents: Iterable[str], y: object = None) -> sp.csr_matrix:
        counts = super().fit_transform(raw_documents)
        self._tfidf = self._transformer().fit(counts)
        self.idf_ = self._tfidf.idf_
        return self._tfidf.transform(counts)

    def transform(self, raw_documents: Iterable[str]) -> sp.csr_matrix:
        if not hasattr(self, "_tfidf"):
            raise _not_fitted(type(self).__name__)
        return self._tfidf.transform(super().transform(raw_documents))
