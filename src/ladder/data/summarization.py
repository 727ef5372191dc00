"""Summarisation data from ``shared/data/summarization``.

* **SciTLDR-A** (Cachola et al., 2020, arXiv:2004.15011): a computer-science paper's
  abstract (a list of sentences) → one-sentence TLDRs (the author's, plus reviewers' in
  dev and test). Splits ``train`` (1,992), ``dev`` (619), ``test`` (618).
* **DialogSum** (Chen et al., 2021, arXiv:2105.06762): a spoken-style dialogue between
  ``#Person1#`` and ``#Person2#`` → a short third-person summary. Splits ``dev`` (500,
  one summary) and ``test`` (500, three summaries); the train split is not shipped.

Both loaders return :class:`SummaryExample` rows whose ``references`` list every human
summary (ROUGE against several references takes the best match per example).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

from ladder.data.text import locate_dataset

__all__ = ["SummaryExample", "load_scitldr", "load_dialogsum"]


@dataclass(frozen=True)
class SummaryExample:
    id: str
    sentences: tuple[str, ...]  # the document, one sentence (or dialogue turn) per item
    references: tuple[str, ...]  # human summaries, at least one

    @property
    def text(self) -> str:
        sep = "\n" if self.sentences and self.sentences[0].startswith("#Person") else " "
        return sep.join(self.sentences)


def load_scitldr(split: str = "test") -> list[SummaryExample]:
    """SciTLDR-A examples of one split (abstract sentences → TLDRs)."""
    if split not in ("train", "dev", "test"):
        raise ValueError(f"unknown SciTLDR split {split!r}; use 'train', 'dev' or 'test'.")
    path = locate_dataset("summarization") / "scitldr" / f"{split}.jsonl.gz"
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                out.append(
                    SummaryExample(
                        row["paper_id"],
                        tuple(s.strip() for s in row["source"]),
                        tuple(t.strip() for t in row["target"]),
                    )
                )
    return out


def load_dialogsum(split: str = "test") -> list[SummaryExample]:
    """DialogSum examples of one split (dialogue turns → summaries)."""
    if split not in ("dev", "test"):
        raise ValueError(
            f"unknown DialogSum split {split!r}; use 'dev' or 'test' (train is not shipped)."
        )
    path = locate_dataset("summarization") / "dialogsum" / f"dialogsum.{split}.jsonl"
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            refs = [row[k] for k in ("summary", "summary1", "summary2", "summary3") if k in row]
            turns = [t.strip() for t in row["dialogue"].split("\n") if t.strip()]
            out.append(SummaryExample(row["fname"], tuple(turns), tuple(r.strip() for r in refs)))
    return out
