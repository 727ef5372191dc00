"""The course tutor: answers a question with the passages of the course that answer it.

A question first goes to an **intent classifier** (logistic regression, ``ladder.ml``,
on the question's MiniLM embedding): *course* or *small talk*. It is trained on the
cards' questions, the lessons' objectives, the exercises' titles and "What is <section
heading>?" questions (course) against the Personality Chat questions and the ChatterBot
prompts (small talk; ChatterBot's AI, computer, science, coding, trivia and history
topics are left out: they are course-like or factual quizzes). Small talk
gets the answer of the nearest Personality Chat question (the "professional" persona).
A course question gets the best passages of :class:`ladder.projects.course_index.CourseIndex`
(BM25 + embeddings, reciprocal-rank fusion, MMR re-ranking of what is shown) with links.

A question in another language is refused in one sentence: the lessons, the embeddings'
training data and BM25's stemmer are English. :func:`evaluate` measures recall@1/@3 of
the right lesson with every card's question as a query, per retriever, and the intent
accuracy on a held-out quarter.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ladder.projects.common import LANGUAGE_NAMES, ProjectInputError, check_text, guess_language
from ladder.projects.course_index import (
    CourseIndex,
    Passage,
    cached_embeddings,
    card_query,
    course_passages,
    make_encoder,
)
from ladder.projects.retrieval import recall_at_k

__all__ = [
    "PassageRef",
    "TutorAnswer",
    "TutorEvaluation",
    "IntentClassifier",
    "Tutor",
    "evaluate",
    "recall_table",
    "MAX_QUESTION_WORDS",
]

MAX_QUESTION_WORDS = 100  # a question longer than this is cut (MiniLM reads 256 pieces)
# ChatterBot topics left out of small talk: course-like (AI, computers, science, coding,
# tech support) or factual quizzes ("what is …?" would teach that questions are chat).
SMALLTALK_SKIP = ("ai", "computers", "science", "coding", "tech_support", "trivia", "history")


@dataclass
class PassageRef:
    title: str
    link: str  # "/lessons/<id>#<anchor>"
    lesson: str
    kind: str  # "lesson", "card" or "docstring"
    text: str
    score: float


@dataclass
class TutorAnswer:
    question: str
    intent: str  # "course" or "smalltalk"
    confidence: float  # the intent classifier's probability of that intent
    reply: str  # small talk: the answer; course: one line introducing the passages
    passages: list[PassageRef] = field(default_factory=list)
    notice: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TutorEvaluation:
    n_queries: int  # cards used as questions
    n_passages: int  # passages in the evaluation index (lessons + docstrings, no cards)
    recall: dict[str, dict[str, float]]  # method → {"@1": …, "@3": …}
    intent_accuracy: float  # held-out quarter
    intent_test_size: int
    latency_ms: float  # median per question, index built, fused search + MMR
    misses: list[dict[str, str]] = field(default_factory=list)  # fused misses at 3

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def course_questions(curriculum: Any) -> list[str]:
    """Course-intent examples: cards' questions, objectives, exercise titles, and "What is
    …?" / "How does … work?" about every lesson section heading."""
    import re

    out = [card_query(c.front) for c in curriculum.cards.values()]
    for lesson in curriculum.ordered_lessons():
        out.extend(lesson.objectives)
        out.append(f"What is {lesson.title.lower()}?")
        for m in re.finditer(r"^#{2,3}\s+(.+)$", lesson.body, flags=re.M):
            heading = m.group(1).strip().rstrip(".:").lower()
            out += [f"What is {heading}?", f"How does {heading} work?"]
    out.extend(ex.title for ex in curriculum.exercises.values())
    return out


def smalltalk_pairs() -> list[tuple[str, str]]:
    from ladder.data.chitchat import load_chatterbot, load_personality_chat

    pairs = [(p.prompt, p.reply) for p in load_personality_chat("professional")]
    pairs += [(p.prompt, p.reply) for p in load_chatterbot(exclude=SMALLTALK_SKIP)]
    return pairs


class IntentClassifier:
    """P(course | question) from a logistic regression on sentence embeddings."""

    def fit(self, X: np.ndarray, is_course: np.ndarray, C: float = 1.0) -> IntentClassifier:
        from ladder.ml.logistic import LogisticRegression

        self.model_ = LogisticRegression(C=C, max_iter=100).fit(
            np.asarray(X, dtype=np.float64), np.asarray(is_course, dtype=int)
        )
        return self

    def p_course(self, X: np.ndarray) -> np.ndarray:
        return self.model_.predict_proba(np.asarray(X, dtype=np.float64))[:, 1]


class Tutor:
    """The chat service: :meth:`ask` answers one question."""

    def __init__(
        self,
        index: CourseIndex,
        intent: IntentClassifier,
        smalltalk: list[tuple[str, str]],
        smalltalk_emb: np.ndarray,
    ):
        self.index = index
        self.intent = intent
        self.smalltalk = smalltalk
        self.smalltalk_emb = smalltalk_emb

    @classmethod
    def load(
        cls, curriculum: Any = None, encoder: Any = None, cache_dir: str | Path | None = None
    ) -> Tutor:
        """Build (or load from the cache) the index and the intent classifier."""
        if curriculum is None:
            from ladder.curriculum import load_curriculum

            curriculum = load_curriculum()
        encode = make_encoder(encoder)
        index = CourseIndex.build(course_passages(curriculum), encode, cache_dir)
        course = course_questions(curriculum)
        pairs = smalltalk_pairs()
        e_course = cached_embeddings(course, encode, cache_dir, "intent-course")
        e_small = cached_embeddings([q for q, _ in pairs], encode, cache_dir, "intent-smalltalk")
        X = np.vstack([e_course, e_small])
        y = np.r_[np.ones(len(course)), np.zeros(len(pairs))]
        intent = IntentClassifier().fit(X, y)
        return cls(index, intent, pairs, e_small)

    def ask(self, question: str, k: int = 3) -> TutorAnswer:
        t0 = time.perf_counter()
        q = check_text(question, "question")
        words = q.split()
        notice = None
        if len(words) > MAX_QUESTION_WORDS:
            q = " ".join(words[:MAX_QUESTION_WORDS])
            notice = (
                f"the question has {len(words)} words; only the first "
                f"{MAX_QUESTION_WORDS} were used."
            )
        lang = guess_language(q)
        if lang != "en":
            raise ProjectInputError(
                f"the question looks {LANGUAGE_NAMES.get(lang, lang)}, but the course and "
                "the tutor are in English; ask it in English."
            )
        emb = self.index.encode([q])
        p = float(self.intent.p_course(emb)[0])
        if p < 0.5:
            j = int(np.argmax(self.smalltalk_emb @ emb[0]))
            return TutorAnswer(
                question,
                "smalltalk",
                1 - p,
                self.smalltalk[j][1],
                notice=notice,
                seconds=time.perf_counter() - t0,
            )
        hits = self.index.search(q, k=k, diversify=True)
        refs = [
            PassageRef(
                h.passage.title,
                h.passage.link,
                h.passage.lesson,
                h.passage.kind,
                h.passage.text,
                h.score,
            )
            for h in hits
        ]
        reply = "These parts of the course answer it:" if refs else "I found nothing on that."
        return TutorAnswer(question, "course", p, reply, refs, notice, time.perf_counter() - t0)


class StageView:
    """The part of a curriculum in some stages (what quick evaluations use)."""

    def __init__(self, curriculum: Any, stages: Sequence[str]):
        self._cur = curriculum
        self._lessons = [l for l in curriculum.ordered_lessons() if l.stage in stages]
        ids = {l.id for l in self._lessons}
        self.cards = {k: c for k, c in curriculum.cards.items() if c.lesson in ids}
        self.exercises = {k: e for k, e in curriculum.exercises.items() if e.lesson in ids}

    def ordered_lessons(self) -> list[Any]:
        return list(self._lessons)

    def cards_of(self, lesson_id: str) -> list[Any]:
        return self._cur.cards_of(lesson_id)


def evaluate(
    curriculum: Any = None,
    encoder: Any = None,
    cache_dir: str | Path | None = None,
    seed: int = 0,
    latency_queries: int = 50,
    stages: Sequence[str] | None = None,
    max_smalltalk: int | None = None,
) -> TutorEvaluation:
    """Recall@1/@3 of each card's lesson (cards left out of the index), per method; intent
    accuracy on a held-out quarter; median search latency (fused + MMR, encoding the
    question included)."""
    if curriculum is None:
        from ladder.curriculum import load_curriculum

        curriculum = load_curriculum()
    if stages is not None:
        curriculum = StageView(curriculum, stages)
    encode = make_encoder(encoder)
    passages: list[Passage] = course_passages(curriculum, include_cards=False)
    index = CourseIndex.build(passages, encode, cache_dir)
    cards = list(curriculum.cards.values())
    queries = [card_query(c.front) for c in cards]
    truth = [c.lesson for c in cards]
    recall: dict[str, dict[str, float]] = {}
    ranked_by: dict[str, list[list[str]]] = {}
    for method in ("bm25", "embedding", "rrf", "votes"):
        ranked = [index.lesson_ranking(q, method) for q in queries]
        ranked_by[method] = ranked
        recall[method] = {f"@{k}": recall_at_k(ranked, truth, k) for k in (1, 3)}
    misses = [
        {"card": c.id, "question": q, "lesson": t, "got": ", ".join(r[:3])}
        for c, q, t, r in zip(cards, queries, truth, ranked_by["rrf"], strict=True)
        if t not in r[:3]
    ]
    # intent: a held-out quarter of each class
    course = course_questions(curriculum)
    small = [q for q, _ in smalltalk_pairs()][:max_smalltalk]
    e_c = cached_embeddings(course, encode, cache_dir, "intent-course")
    e_s = cached_embeddings(small, encode, cache_dir, "intent-smalltalk")
    rng = np.random.default_rng(seed)
    X, y = np.vstack([e_c, e_s]), np.r_[np.ones(len(course)), np.zeros(len(small))]
    order = rng.permutation(len(y))
    n_test = len(y) // 4
    test, train = order[:n_test], order[n_test:]
    clf = IntentClassifier().fit(X[train], y[train])
    acc = float(((clf.p_course(X[test]) >= 0.5) == (y[test] == 1)).mean())
    times = []
    for q in queries[:latency_queries]:
        t0 = time.perf_counter()
        index.search(q, k=3, diversify=True)
        times.append(time.perf_counter() - t0)
    return TutorEvaluation(
        len(queries),
        len(passages),
        recall,
        acc,
        int(n_test),
        1000 * float(np.median(times)),
        misses,
    )


def recall_table(ev: TutorEvaluation) -> tuple[list[str], list[list[Any]]]:
    names = {
        "bm25": "BM25 (ours)",
        "embedding": "MiniLM embeddings (our BERT)",
        "rrf": "hybrid: reciprocal-rank fusion",
        "votes": "hybrid + lesson-vote re-ranking",
    }
    rows = [[names[m], r["@1"], r["@3"]] for m, r in ev.recall.items()]
    return ["retriever", "recall@1", "recall@3"], rows
