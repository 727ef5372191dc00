"""The tutor's library: every passage of the course, indexed two ways and cached.

**Passages.** Each lesson is cut at its ``##``/``###`` headings (a passage per section,
linked as ``/lessons/<id>#<anchor>``, GitHub-style anchors); each card is a passage
(question and answer) of its lesson; each library module a lesson explains contributes
its docstring and those of its public classes and functions (read with ``ast``, never
imported), linked to the first lesson that lists the module.

**Two retrievers.** BM25 (``ladder.projects.bm25``) over lower-cased, stop-word-free,
Porter-stemmed words: exact terms ("BM25", "brevity penalty") score high. MiniLM sentence
embeddings through our BERT (``ladder.transformer.minilm``): paraphrases score high ("how
do I stop overfitting" finds "regularisation"). ``search`` fuses both rankings with
reciprocal-rank fusion (``"rrf"``, the default), then re-ranks the shown passages with
maximal marginal relevance so that three near-copies never fill the answer. A second
re-ranking, ``"votes"`` (the top fused passages vote for their lessons with their fused
scores), is kept because it is instructive: on the course's cards it *lowers* recall@1,
since lessons with many docstring passages collect votes they do not deserve.

**Cache.** Embedding a thousand passages takes a minute on a laptop CPU; the index is
saved as ``tutor-<fingerprint>.npz``, where the fingerprint hashes every passage's text
and the model's name, so any change to the course rebuilds it.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ladder.nlp.porter import stem
from ladder.nlp.stopwords import ENGLISH_STOP_WORDS
from ladder.projects.bm25 import BM25
from ladder.projects.retrieval import mmr_select, reciprocal_rank_fusion

__all__ = [
    "Passage",
    "Hit",
    "CourseIndex",
    "course_passages",
    "slugify",
    "search_tokens",
    "card_query",
    "default_cache_dir",
    "cached_embeddings",
    "make_encoder",
]

MODEL_NAME = "all-MiniLM-L6-v2 (ladder BertEncoder)"
INDEX_VERSION = 1
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Passage:
    id: str  # "lesson:<lesson>#<anchor>", "card:<card id>", "doc:<module>[.<name>]"
    kind: str  # "lesson", "card" or "docstring"
    lesson: str  # the lesson it belongs to
    title: str  # what a link shows
    anchor: str  # heading anchor inside the lesson page ("" for its top)
    text: str

    @property
    def link(self) -> str:
        return f"/lessons/{self.lesson}" + (f"#{self.anchor}" if self.anchor else "")


@dataclass
class Hit:
    passage: Passage
    score: float  # the fused (and re-ranked) score; higher is better
    bm25_rank: int | None  # 1-based rank in each retriever, None beyond the candidates
    embedding_rank: int | None


def slugify(heading: str) -> str:
    """GitHub-style anchor: lower case, punctuation dropped, spaces to dashes."""
    s = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return re.sub(r"\s", "-", s)


def search_tokens(text: str) -> list[str]:
    """Lower-case words without stop words, Porter-stemmed (BM25's terms)."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def card_query(front: str) -> str:
    """A card's question as the learner sees it (a cloze answer becomes a blank)."""
    return re.sub(r"\{\{.+?\}\}", "___", front)


def _lesson_passages(lesson: Any) -> list[Passage]:
    out: list[Passage] = []
    title, anchor, lines = lesson.title, "", []

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            out.append(
                Passage(
                    f"lesson:{lesson.id}#{anchor}",
                    "lesson",
                    lesson.id,
                    title,
                    anchor,
                    f"{lesson.title}. {title}.\n{text}",
                )
            )

    in_code = False
    for line in lesson.body.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        m = None if in_code else re.match(r"^(#{1,3})\s+(.*)$", line)
        if m and len(m.group(1)) == 1:
            continue  # the page title
        if m:
            flush()
            heading = m.group(2).strip()
            title, anchor, lines = f"{lesson.title} — {heading}", slugify(heading), []
        else:
            lines.append(line)
    flush()
    return out


def _docstrings(module: str) -> list[tuple[str, str]]:
    """(qualified name, docstring) of a module and its public top-level definitions."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return []
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    out = []
    doc = ast.get_docstring(tree)
    if doc:
        out.append((module, doc))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            d = ast.get_docstring(node)
            if d:
                out.append((f"{module}.{node.name}", d))
    return out


def course_passages(
    curriculum: Any, include_cards: bool = True, include_docstrings: bool = True
) -> list[Passage]:
    """Every passage of the course, lessons in course order."""
    out: list[Passage] = []
    seen_modules: set[str] = set()
    for lesson in curriculum.ordered_lessons():
        out.extend(_lesson_passages(lesson))
        if include_cards:
            for card in curriculum.cards_of(lesson.id):
                back = card.back
                if card.kind == "choice":
                    back = f"{card.choices[int(card.answer)]}. {back}"
                elif card.kind == "numeric":
                    back = f"{card.answer:g}. {back}"
                text = f"{card.front.replace('{{', '').replace('}}', '')}\n{back}".strip()
                out.append(
                    Passage(
                        f"card:{card.id}",
                        "card",
                        lesson.id,
                        f"{lesson.title} — card",
                        f"card-{card.id}",
                        text,
                    )
                )
        if include_docstrings:
            for module in lesson.modules:
                if module in seen_modules:
                    continue
                seen_modules.add(module)
                for name, doc in _docstrings(module):
                    out.append(
                        Passage(
                            f"doc:{name}",
                            "docstring",
                            lesson.id,
                            f"{name} (docstring)",
                            "",
                            f"{name}\n{doc}",
                        )
                    )
    return out


def default_cache_dir() -> Path:
    home = os.environ.get("LADDER_HOME")
    if home:
        return Path(home) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ladder", appauthor=False))


def fingerprint(texts: Sequence[str]) -> str:
    """Changes with any text, their order, the model or this index's format."""
    h = hashlib.sha256(f"{INDEX_VERSION}:{MODEL_NAME}".encode())
    for t in texts:
        h.update(hashlib.sha256(t.encode()).digest())
    return h.hexdigest()[:20]


def cached_embeddings(
    texts: Sequence[str],
    encode: Callable[[Sequence[str]], np.ndarray],
    cache_dir: str | Path | None,
    tag: str,
) -> np.ndarray:
    """``encode(texts)``, kept as ``<tag>-<fingerprint>.npz`` in the cache folder."""
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = folder / f"{tag}-{fingerprint(texts)}.npz"
    if path.is_file():
        try:
            emb = np.load(path)["embeddings"]
            if emb.shape[0] == len(texts):
                return emb
        except (OSError, ValueError, KeyError):
            pass  # a damaged cache is rebuilt
    emb = np.asarray(encode(list(texts)), dtype=np.float32)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{path.name}.{os.getpid()}.tmp.npz"
        np.savez(tmp, embeddings=emb)
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache only costs time
    return emb


class CourseIndex:
    """BM25 + MiniLM embeddings over passages; :meth:`search` ranks them for a question."""

    def __init__(
        self,
        passages: Sequence[Passage],
        embeddings: np.ndarray,
        encode: Callable[[Sequence[str]], np.ndarray],
    ):
        if len(passages) != len(embeddings):
            raise ValueError(f"{len(passages)} passages but {len(embeddings)} embeddings.")
        self.passages = list(passages)
        self.embeddings = np.asarray(embeddings, dtype=np.float32)
        self.encode = encode
        self.bm25 = BM25([search_tokens(p.text) for p in self.passages])

    @classmethod
    def build(
        cls, passages: Sequence[Passage], encoder: Any = None, cache_dir: str | Path | None = None
    ) -> CourseIndex:
        """Load the cached embeddings for these passages, or compute and cache them."""
        encode = make_encoder(encoder)
        texts = [p.text for p in passages]
        return cls(passages, cached_embeddings(texts, encode, cache_dir, "tutor"), encode)

    def rankings(self, question: str, depth: int = 50) -> tuple[list[int], list[int], np.ndarray]:
        """Passage indices by BM25 and by cosine (each the top ``depth``), and the
        question's embedding."""
        s_bm25 = self.bm25.get_scores(search_tokens(question))
        by_bm25 = [int(i) for i in np.argsort(-s_bm25, kind="stable")[:depth] if s_bm25[i] > 0]
        q = self.encode([question])[0]
        cos = self.embeddings @ q
        by_emb = [int(i) for i in np.argsort(-cos, kind="stable")[:depth]]
        return by_bm25, by_emb, q

    def search(
        self,
        question: str,
        k: int = 5,
        method: str = "rrf",
        depth: int = 50,
        diversify: bool = False,
    ) -> list[Hit]:
        """The k best passages. ``method``: ``"bm25"``, ``"embedding"``, ``"rrf"`` (both
        fused) or ``"votes"`` (fused, then re-ranked by lesson votes). ``diversify``
        re-ranks the top 3k fused passages by MMR (λ = 0.7) before keeping k."""
        if method not in ("bm25", "embedding", "rrf", "votes"):
            raise ValueError(f"unknown method {method!r}; use bm25, embedding, rrf or votes.")
        by_bm25, by_emb, q = self.rankings(question, depth)
        rank_b = {i: r for r, i in enumerate(by_bm25, 1)}
        rank_e = {i: r for r, i in enumerate(by_emb, 1)}
        if method == "bm25":
            scored = [(i, 1.0 / r) for i, r in rank_b.items()]
        elif method == "embedding":
            scored = [(i, 1.0 / r) for i, r in rank_e.items()]
        else:
            scored = reciprocal_rank_fusion([by_bm25, by_emb])
            if method == "votes":
                scored = self._lesson_votes(scored)
        if diversify and len(scored) > k:
            pool = scored[: 3 * k]
            ids = [i for i, _ in pool]
            E = self.embeddings[ids]
            pick = mmr_select(E @ q, E @ E.T, k, lam=0.7)
            scored = [pool[j] for j in pick]
        return [
            Hit(self.passages[i], float(s), rank_b.get(i), rank_e.get(i)) for i, s in scored[:k]
        ]

    def _lesson_votes(self, scored: list, top: int = 20) -> list:
        """Passages of the lessons with the largest summed fused score (over the top
        candidates) first; within a lesson, by fused score."""
        votes: dict[str, float] = {}
        for i, s in scored[:top]:
            votes[self.passages[i].lesson] = votes.get(self.passages[i].lesson, 0.0) + s
        return sorted(scored, key=lambda it: (-votes.get(self.passages[it[0]].lesson, 0.0), -it[1]))

    def lesson_ranking(self, question: str, method: str = "rrf", depth: int = 50) -> list[str]:
        """Lesson ids, best first (each lesson at the rank of its best passage)."""
        seen: list[str] = []
        for hit in self.search(question, k=depth * 2, method=method, depth=depth):
            if hit.passage.lesson not in seen:
                seen.append(hit.passage.lesson)
        return seen


def make_encoder(encoder: Any = None) -> Callable[[Sequence[str]], np.ndarray]:
    """Texts → unit vectors (N, C) as float32 NumPy: our MiniLM by default, or any
    object with ``encode(texts)`` (tests pass a small stand-in)."""
    if encoder is None:
        from ladder.transformer.minilm import SentenceEncoder

        encoder = SentenceEncoder.minilm()
    if callable(getattr(encoder, "encode", None)):
        enc = encoder

        def encode(texts: Sequence[str]) -> np.ndarray:
            out = enc.encode(list(texts))
            out = out.numpy() if hasattr(out, "numpy") else np.asarray(out)
            return out.astype(np.float32)

        return encode
    return encoder
