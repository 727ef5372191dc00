"""Stage 8 (projects) figures: our metrics and retrieval beside the libraries people report
with, in the same run, on the same data.

* corpus BLEU (ours vs sacreBLEU, 13a) on Multi30k test references against noisy copies;
* ROUGE-1/2/L (ours vs rouge-score) on DialogSum test, first three turns as summaries;
* BM25 scoring of every passage of the course for each card question (ours: one sparse
  matrix; rank-bm25: Python dictionaries);
* tutor search latency per question (BM25 + MiniLM query embedding + fusion + MMR, index
  built) beside sentence-transformers encoding the same question alone;
* sentiment texts per second (our TF-IDF + logistic regression vs scikit-learn's pipeline).

Rows follow ``benchmarks/run.py``; ``quick=True`` shrinks every workload.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

__all__ = ["run"]


def _median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _noisy(refs: list[str], seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for s in refs:
        words = s.split()
        out.append(" ".join(w for w in words if rng.random() > 0.3) or s)
    return out


def _bleu_row(quick: bool) -> dict:
    import sacrebleu

    from ladder.data.multi30k import load_multi30k
    from ladder.projects.bleu import corpus_bleu

    _, de = load_multi30k("test_2016_flickr")
    refs = de[:200] if quick else de
    hyps = _noisy(refs)
    reps = 1 if quick else 5
    ours = _median_time(lambda: corpus_bleu(hyps, [refs]), reps)
    theirs = _median_time(lambda: sacrebleu.corpus_bleu(hyps, [refs]), reps)
    same = abs(corpus_bleu(hyps, [refs]).score - sacrebleu.corpus_bleu(hyps, [refs]).score) < 1e-9
    return {
        "benchmark": f"corpus BLEU, {len(refs)} sentences (13a)",
        "ours": ours,
        "reference": theirs,
        "reference_name": "sacrebleu.corpus_bleu",
        "unit": "s",
        "better": "lower",
        "note": "same score" if same else "SCORES DIFFER",
    }


def _rouge_row(quick: bool) -> dict:
    from rouge_score.rouge_scorer import RougeScorer

    from ladder.data.summarization import load_dialogsum
    from ladder.projects.rouge import rouge

    data = load_dialogsum("test")[: 50 if quick else 500]
    pairs = [(" ".join(e.sentences[:3]), list(e.references)) for e in data]
    scorer = RougeScorer(["rouge1", "rouge2", "rougeL"])
    reps = 1 if quick else 3
    ours = _median_time(lambda: [rouge(c, r) for c, r in pairs], reps)
    theirs = _median_time(lambda: [scorer.score_multi(r, c) for c, r in pairs], reps)
    return {
        "benchmark": f"ROUGE-1/2/L, {len(pairs)} DialogSum summaries × 3 references",
        "ours": ours,
        "reference": theirs,
        "reference_name": "rouge_score RougeScorer.score_multi",
        "unit": "s",
        "better": "lower",
        "note": "equal scores (tests/projects/test_rouge.py)",
    }


def _bm25_row(quick: bool) -> dict:
    from rank_bm25 import BM25Okapi

    from ladder.curriculum import load_curriculum
    from ladder.projects.bm25 import BM25
    from ladder.projects.course_index import card_query, course_passages, search_tokens

    cur = load_curriculum()
    docs = [search_tokens(p.text) for p in course_passages(cur)]
    queries = [search_tokens(card_query(c.front)) for c in cur.cards.values()]
    queries = queries[:40] if quick else queries
    ours_index, ref_index = BM25(docs), BM25Okapi(docs)
    ours = _median_time(lambda: [ours_index.get_scores(q) for q in queries], 1 if quick else 3)
    theirs = _median_time(lambda: [ref_index.get_scores(q) for q in queries], 1 if quick else 3)
    return {
        "benchmark": f"BM25, {len(queries)} questions × {len(docs)} course passages",
        "ours": ours,
        "reference": theirs,
        "reference_name": "rank_bm25.BM25Okapi",
        "unit": "s",
        "better": "lower",
        "note": "equal scores (tests/projects/test_bm25.py)",
    }


def _tutor_row(quick: bool) -> dict:
    from sentence_transformers import SentenceTransformer

    from ladder.curriculum import load_curriculum
    from ladder.labs.context import quiet_hugging_face
    from ladder.projects.course_index import CourseIndex, card_query, course_passages
    from ladder.transformer.minilm import minilm_dir

    cur = load_curriculum()
    passages = course_passages(cur)
    if quick:
        passages = passages[:100]
    index = CourseIndex.build(passages)
    qs = [card_query(c.front) for c in cur.cards.values()][: 10 if quick else 50]
    index.search(qs[0], k=3, diversify=True)  # warm-up
    per_q = _median_time(lambda: [index.search(q, k=3, diversify=True) for q in qs], 1) / len(qs)
    quiet_hugging_face()
    st = SentenceTransformer(str(minilm_dir()), device="cpu")
    st.encode(qs[:1])
    enc = _median_time(lambda: [st.encode([q], show_progress_bar=False) for q in qs], 1) / len(qs)
    return {
        "benchmark": f"tutor search per question ({len(passages)} passages, index built)",
        "ours": per_q,
        "reference": enc,
        "reference_name": "sentence-transformers encoding the question alone",
        "unit": "s",
        "better": "lower",
        "note": "aim: < 100 ms on 2 cores",
    }


def _sentiment_row(quick: bool) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from ladder.data.text import tweets
    from ladder.projects.sentiment import TfidfSentiment

    rows = tweets()
    rng = random.Random(0)
    rng.shuffle(rows)
    n_train = 1500 if quick else 8000
    train, test = rows[:n_train], [t for t, _ in rows[n_train : n_train + (500 if quick else 5000)]]
    ours = TfidfSentiment(max_features=2000).fit([t for t, _ in train], [s for _, s in train])
    sk = make_pipeline(
        TfidfVectorizer(max_features=2000, sublinear_tf=True, ngram_range=(1, 2), min_df=2),
        LogisticRegression(C=2.0, max_iter=1000),
    ).fit([t for t, _ in train], [s for _, s in train])
    t_ours = _median_time(lambda: ours.predict_proba(test), 1 if quick else 3)
    t_sk = _median_time(lambda: sk.predict_proba(test), 1 if quick else 3)
    return {
        "benchmark": "sentiment, texts per second (TF-IDF + logistic regression)",
        "ours": len(test) / t_ours,
        "reference": len(test) / t_sk,
        "reference_name": "scikit-learn pipeline",
        "unit": "texts/s",
        "better": "higher",
        "note": f"{len(test)} tweets, probabilities for 3 classes",
    }


def run(quick: bool = False) -> list[dict]:
    rows = []
    for fn in (_bleu_row, _rouge_row, _bm25_row, _sentiment_row, _tutor_row):
        try:
            rows.append(fn(quick))
        except ImportError as exc:  # a reference library is missing: say so in the table
            rows.append(
                {
                    "benchmark": fn.__name__.strip("_").replace("_row", ""),
                    "ours": None,
                    "reference": None,
                    "reference_name": "",
                    "note": f"skipped: {exc}",
                }
            )
    return rows
