r"""Word vectors and the tools to inspect them: neighbours, analogies, evaluation, 2-D maps.

:class:`WordVectors` holds a vocabulary and a matrix :math:`E \in \mathbb{R}^{|V|\times d}`.

* **neighbours**: the words with the largest cosine similarity to a query;
* **analogies** (3CosAdd, Mikolov et al. 2013): ``a : b :: c : ?`` is the word
  :math:`\arg\max_{x \notin \{a,b,c\}} \cos(x, \hat b - \hat a + \hat c)` on unit vectors;
* **evaluation**: Spearman's :math:`\rho` between cosine and human similarity on
  WordSim-353, and analogy accuracy on the Google set, restricted to the
  ``restrict_vocab`` most frequent words (as gensim's ``KeyedVectors.evaluate_*``);
* **2-D map**: project onto the first two principal components (SVD of the centred
  vectors, = ``sklearn.decomposition.PCA(2)``), or embed with t-SNE (scikit-learn's
  ``TSNE``, imported only when asked for), and draw the labelled points to a PNG
  (:func:`plot_2d`, matplotlib's Agg renderer, no window and no global backend change).

Vectors read and write the GloVe text format (``word v1 v2 ... vd`` per line) and the
word2vec text format (the same with a ``count dim`` header line).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

__all__ = ["WordVectors", "plot_2d"]


class WordVectors:
    """A vocabulary (most frequent first, by convention) and its vectors."""

    def __init__(self, words: Sequence[str], vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors)
        if vectors.ndim != 2 or vectors.shape[0] != len(words):
            raise ValueError(
                f"need one vector per word: {len(words)} words but vectors of shape "
                f"{vectors.shape}."
            )
        self.words = list(words)
        self.vectors = vectors
        self.index = {w: i for i, w in enumerate(self.words)}
        if len(self.index) != len(self.words):
            raise ValueError("duplicate words in the vocabulary.")
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self._unit = vectors / np.where(norms == 0, 1, norms)

    def __contains__(self, word: str) -> bool:
        return word in self.index

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, word: str) -> np.ndarray:
        try:
            return self.vectors[self.index[word]]
        except KeyError:
            raise KeyError(
                f"{word!r} is not in the vocabulary ({len(self.words)} words); check its case "
                "or lower min_count when training."
            ) from None

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two words."""
        self[a], self[b]  # noqa: B018 - raise a clear KeyError for OOV words
        return float(self._unit[self.index[a]] @ self._unit[self.index[b]])

    def most_similar(
        self,
        positive: Sequence[str] | str,
        negative: Sequence[str] = (),
        topn: int = 10,
        restrict_vocab: int | None = None,
    ) -> list[tuple[str, float]]:
        """Nearest words to ``sum(positive) - sum(negative)`` of unit vectors, inputs excluded."""
        if isinstance(positive, str):
            positive = [positive]
        query = np.zeros(self.vectors.shape[1])
        for w in positive:
            self[w]
            query += self._unit[self.index[w]]
        for w in negative:
            self[w]
            query -= self._unit[self.index[w]]
        n = len(self.words) if restrict_vocab is None else min(restrict_vocab, len(self.words))
        sims = self._unit[:n] @ (query / (np.linalg.norm(query) or 1.0))
        exclude = {self.index[w] for w in [*positive, *negative] if self.index[w] < n}
        order = np.argsort(-sims)
        return [(self.words[i], float(sims[i])) for i in order if i not in exclude][:topn]

    def analogy(self, a: str, b: str, c: str) -> str:
        """``a : b :: c : ?`` by 3CosAdd (``king - man + woman``)."""
        return self.most_similar([b, c], [a], topn=1)[0][0]

    def evaluate_word_pairs(
        self, pairs: Iterable[tuple[str, str, float]], case_insensitive: bool = True
    ) -> tuple[float, float]:
        """Spearman :math:`\rho` of cosine vs human scores, and the fraction of pairs skipped
        because a word is out of vocabulary. Case-insensitive matching picks the most
        frequent spelling (the earliest in the vocabulary), as gensim does."""
        from scipy.stats import spearmanr

        fold = str.upper if case_insensitive else (lambda w: w)
        lookup = {fold(w): i for i, w in reversed(list(enumerate(self.words)))}
        pairs = list(pairs)
        ours, human = [], []
        for a, b, score in pairs:
            ia, ib = lookup.get(fold(a)), lookup.get(fold(b))
            if ia is not None and ib is not None:
                ours.append(float(self._unit[ia] @ self._unit[ib]))
                human.append(score)
        if len(ours) < 2:
            raise ValueError("fewer than two word pairs are in the vocabulary.")
        return float(spearmanr(human, ours).statistic), 1 - len(ours) / len(pairs)

    def evaluate_analogies(
        self, questions: Iterable[tuple[str, str, str, str]], restrict_vocab: int = 30000
    ) -> tuple[float, int]:
        """Accuracy over questions whose four words are among the first ``restrict_vocab``
        words (case-insensitive, as gensim), and how many were asked."""
        n = min(restrict_vocab, len(self.words))
        allowed = {w.lower(): i for i, w in reversed(list(enumerate(self.words[:n])))}
        qs = [tuple(w.lower() for w in q) for q in questions]
        qs = [q for q in qs if all(w in allowed for w in q)]
        if not qs:
            return 0.0, 0
        U = self._unit[:n]
        idx = np.array([[allowed[w] for w in q] for q in qs])
        correct = 0
        for start in range(0, len(qs), 512):
            block = idx[start : start + 512]
            query = U[block[:, 1]] - U[block[:, 0]] + U[block[:, 2]]
            sims = query @ U.T
            rows = np.arange(len(block))[:, None]
            sims[rows, block[:, :3]] = -np.inf
            correct += int((sims.argmax(axis=1) == block[:, 3]).sum())
        return correct / len(qs), len(qs)

    def pca_2d(self, words: Sequence[str] | None = None) -> np.ndarray:
        """``(n, 2)`` coordinates on the first two principal components."""
        X = self.vectors if words is None else np.stack([self[w] for w in words])
        X = X - X.mean(axis=0)
        _, _, Vt = np.linalg.svd(X, full_matrices=False)
        return X @ Vt[:2].T

    def tsne_2d(
        self, words: Sequence[str] | None = None, perplexity: float = 30.0, random_state: int = 0
    ) -> np.ndarray:
        """``(n, 2)`` t-SNE coordinates (``sklearn.manifold.TSNE``, PCA initialisation).

        t-SNE keeps neighbours together, not distances: clusters are meaningful, the gaps
        between them and their sizes are not. ``perplexity`` (about the number of
        neighbours each point attends to) is lowered to ``n - 1`` for small sets.
        """
        X = self.vectors if words is None else np.stack([self[w] for w in words])
        if len(X) < 4:
            raise ValueError(
                f"t-SNE needs at least 4 words, got {len(X)}; pass more words or use pca_2d."
            )
        try:
            from sklearn.manifold import TSNE
        except ImportError:
            raise ImportError(
                "tsne_2d needs scikit-learn (pip install scikit-learn); pca_2d needs nothing."
            ) from None
        tsne = TSNE(
            2, perplexity=min(perplexity, len(X) - 1), init="pca", random_state=random_state
        )
        return tsne.fit_transform(np.asarray(X, dtype=np.float64))

    def project_2d(
        self, words: Sequence[str] | None = None, method: str = "pca", random_state: int = 0
    ) -> np.ndarray:
        """``(n, 2)`` coordinates of ``words`` (all words if None) by ``"pca"`` or ``"tsne"``."""
        if method == "pca":
            return self.pca_2d(words)
        if method == "tsne":
            return self.tsne_2d(words, random_state=random_state)
        raise ValueError(f"method must be 'pca' or 'tsne', got {method!r}.")

    def plot(
        self,
        path: str | Path,
        words: Sequence[str] | None = None,
        method: str = "pca",
        random_state: int = 0,
    ) -> Path:
        """Project ``words`` to 2-D and draw them, labelled, to the PNG ``path``."""
        words = self.words if words is None else list(words)
        coords = self.project_2d(words, method, random_state)
        title = f"{len(words)} words, {'PCA' if method == 'pca' else 't-SNE'}"
        return plot_2d(coords, words, path, title=title)

    # -- files --------------------------------------------------------------
    def save_text(self, path: str | Path, header: bool = False) -> None:
        """GloVe text format; ``header=True`` adds word2vec's ``count dim`` first line."""
        with open(path, "w", encoding="utf-8") as fh:
            if header:
                fh.write(f"{len(self.words)} {self.vectors.shape[1]}\n")
            for w, v in zip(self.words, self.vectors, strict=True):
                fh.write(w + " " + " ".join(repr(float(x)) for x in v) + "\n")

    @classmethod
    def load_text(cls, path: str | Path) -> WordVectors:
        """Read GloVe (no header) or word2vec text format (header ``count dim``)."""
        words: list[str] = []
        rows: list[list[float]] = []
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                parts = line.rstrip("\n").rstrip(" ").split(" ")
                if lineno == 1 and len(parts) == 2 and all(p.isdigit() for p in parts):
                    continue  # word2vec header
                try:
                    values = [float(x) for x in parts[1:]]
                except ValueError:
                    raise ValueError(
                        f"{path}:{lineno} is not 'word v1 v2 ...' text ({line[:60]!r}); "
                        "binary word2vec files are not supported, save them as text."
                    ) from None
                if rows and len(values) != len(rows[0]):
                    raise ValueError(
                        f"{path}:{lineno} has {len(values)} values, earlier lines "
                        f"{len(rows[0])}; the file is truncated or mixed."
                    )
                words.append(parts[0])
                rows.append(values)
        if not rows:
            raise ValueError(f"{path} holds no vectors.")
        return cls(words, np.array(rows))


def plot_2d(coords: np.ndarray, labels: Sequence[str], path: str | Path, title: str = "") -> Path:
    """A scatter of ``coords`` ``(n, 2)`` with each point labelled, saved as a PNG.

    Uses a bare ``matplotlib.figure.Figure`` on the Agg canvas, so it works without a
    display and leaves ``pyplot``'s state alone. Returns the path written.
    """
    coords = np.asarray(coords, dtype=np.float64)
    if coords.ndim != 2 or coords.shape[1] != 2 or len(coords) != len(labels):
        raise ValueError(
            f"need coordinates of shape (n, 2) and n labels, got {coords.shape} and "
            f"{len(labels)} labels; project with WordVectors.project_2d first."
        )
    path = Path(path)
    if path.suffix.lower() != ".png":
        raise ValueError(f"plot_2d writes PNG files, got {str(path)!r}; end the name in .png.")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 8), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.scatter(coords[:, 0], coords[:, 1], s=12, alpha=0.7)
    for (x, y), label in zip(coords, labels, strict=True):
        ax.annotate(label, (x, y), xytext=(3, 3), textcoords="offset points", fontsize=8)
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])
    fig.tight_layout()
    fig.savefig(path, format="png")
    return path
