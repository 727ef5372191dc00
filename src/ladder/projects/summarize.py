"""Summarisation as a tool: extractive summaries now, an abstractive one once its lab ran.

Extractive methods pick whole sentences (dialogue turns for a dialogue) and return them
in document order:

* ``lead`` — the first k sentences (news puts the point first; a strong baseline);
* ``textrank`` — the k sentences with the highest TextRank score on the graph of MiniLM
  cosine similarities (``ladder.projects.textrank``);
* ``mmr`` — maximal marginal relevance against the document's mean embedding, λ = 0.7
  (``ladder.projects.retrieval``): central *and* not repetitive;
* ``oracle`` (evaluation only) — greedily add the sentence that most raises ROUGE-1 + 2
  F against the references: the ceiling of any extractive method.

``abstractive`` writes new text with the seq2seq model of the lab
``projects.train-summarizer`` (``ladder.projects.summarizer``). :func:`evaluate` scores
every method with our ROUGE on SciTLDR and DialogSum.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ladder.projects.common import (
    ModelNotTrained,
    ProjectInputError,
    check_text,
    latest_run_file,
    read_text_file,
)

__all__ = [
    "SummaryResult",
    "METHODS",
    "split_document",
    "summarize",
    "summarize_file",
    "select_sentences",
    "oracle_indices",
    "evaluate",
    "SUMMARIZER_LAB",
    "MAX_SENTENCES",
]

METHODS = ("lead", "textrank", "mmr", "abstractive")
SUMMARIZER_LAB = "projects.train-summarizer"
MAX_SENTENCES = 200  # longer documents are cut (a notice says so)


@dataclass
class SummaryResult:
    method: str
    summary: str
    selected: list[int] = field(default_factory=list)  # sentence indices (extractive)
    n_sentences: int = 0  # sentences in the (possibly cut) document
    seconds: float = 0.0
    notice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def split_document(text: str) -> list[str]:
    """Dialogue turns (lines starting ``Name:`` or ``#Person1#:``) or sentences."""
    from ladder.nlp.sentences import split_sentences

    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) >= 2 and sum(":" in ln[:40] for ln in lines) >= 0.8 * len(lines):
        return lines
    return [s.strip() for s in split_sentences(" ".join(lines)) if s.strip()]


def _encoder(encoder: Any) -> Callable[[Sequence[str]], np.ndarray]:
    from ladder.projects.course_index import make_encoder

    return make_encoder(encoder)


def select_sentences(
    method: str, sentences: Sequence[str], k: int, embeddings: np.ndarray | None = None
) -> list[int]:
    """Indices (ascending) of the k sentences an extractive method keeps."""
    from ladder.projects.retrieval import mmr_select
    from ladder.projects.textrank import textrank_scores

    k = min(k, len(sentences))
    if method == "lead":
        return list(range(k))
    if embeddings is None:
        raise ValueError(f"{method} needs sentence embeddings.")
    E = np.asarray(embeddings, dtype=np.float64)
    S = E @ E.T
    if method == "textrank":
        scores = textrank_scores(S)
        return sorted(int(i) for i in np.argsort(-scores, kind="stable")[:k])
    if method == "mmr":
        centre = E.mean(axis=0)
        centre /= np.linalg.norm(centre) or 1.0
        return sorted(mmr_select(E @ centre, S, k, lam=0.7))
    raise ValueError(f"unknown extractive method {method!r}.")


def oracle_indices(sentences: Sequence[str], references: Sequence[str], k: int) -> list[int]:
    """Greedy extractive oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 F
    (best reference) until k are chosen or nothing improves."""
    from ladder.projects.rouge import rouge

    chosen: list[int] = []
    best = 0.0
    for _ in range(min(k, len(sentences))):
        gains = []
        for i in range(len(sentences)):
            if i in chosen:
                continue
            cand = " ".join(sentences[j] for j in sorted([*chosen, i]))
            r = rouge(cand, references, ("rouge1", "rouge2"))
            gains.append((r["rouge1"].fmeasure + r["rouge2"].fmeasure, i))
        if not gains:
            break
        score, i = max(gains, key=lambda g: (g[0], -g[1]))
        if score <= best:
            break
        best = score
        chosen.append(i)
    return sorted(chosen)


def summarize(
    text: str,
    method: str = "textrank",
    n_sentences: int = 3,
    runs_dir: str | Path | None = None,
    encoder: Any = None,
) -> SummaryResult:
    """Summarise ``text`` with one of :data:`METHODS`."""
    t0 = time.perf_counter()
    if method not in METHODS:
        raise ProjectInputError(f"unknown method {method!r}; use one of {', '.join(METHODS)}.")
    if not isinstance(n_sentences, int) or n_sentences < 1:
        raise ProjectInputError(
            f"n_sentences must be a positive whole number, not {n_sentences!r}."
        )
    text = check_text(text, "text to summarise")
    if method == "abstractive":
        from ladder.projects.summarizer import CHECKPOINT_NAME, load_summarizer

        path = latest_run_file(runs_dir, SUMMARIZER_LAB, CHECKPOINT_NAME)
        if path is None:
            raise ModelNotTrained(SUMMARIZER_LAB, "abstractive summariser")
        model = load_summarizer(path)
        summary, notice = model.summarize(text)
        return SummaryResult(method, summary, [], 0, time.perf_counter() - t0, notice)
    sents = split_document(text)
    notice = None
    if len(sents) > MAX_SENTENCES:
        notice = (
            f"the document has {len(sents)} sentences; only the first {MAX_SENTENCES} were read."
        )
        sents = sents[:MAX_SENTENCES]
    emb = None if method == "lead" else _encoder(encoder)(sents)
    idx = select_sentences(method, sents, n_sentences, emb)
    sep = "\n" if "\n" in text and len(sents) == len(text.strip().splitlines()) else " "
    return SummaryResult(
        method, sep.join(sents[i] for i in idx), idx, len(sents), time.perf_counter() - t0, notice
    )


def summarize_file(path: str | Path, **kwargs: Any) -> SummaryResult:
    """Summarise a UTF-8 text file (binary files are refused)."""
    return summarize(read_text_file(path, "document"), **kwargs)


def evaluate(
    examples: Sequence[Any], k: int, encoder: Any = None, abstractive: Any = None
) -> dict[str, dict[str, float]]:
    """Mean ROUGE-1/2/L F (×100, ours) of lead-k, TextRank, MMR, the oracle and, when a
    model is given, the abstractive summariser, on ``SummaryExample`` rows."""
    from ladder.projects.rouge import mean_rouge

    encode = _encoder(encoder) if encoder is not False else None
    outputs: dict[str, list[str]] = {m: [] for m in ("lead", "textrank", "mmr", "oracle")}
    if abstractive is not None:
        outputs["abstractive"] = [abstractive.summarize(ex.text)[0] for ex in examples]
    for ex in examples:
        sents = list(ex.sentences)
        emb = encode(sents) if encode is not None else None
        for m in ("lead", "textrank", "mmr"):
            if emb is None and m != "lead":
                continue
            outputs[m].append(" ".join(sents[i] for i in select_sentences(m, sents, k, emb)))
        outputs["oracle"].append(
            " ".join(sents[i] for i in oracle_indices(sents, ex.references, k))
        )
    refs = [list(ex.references) for ex in examples]
    return {m: mean_rouge(out, refs) for m, out in outputs.items() if out}
