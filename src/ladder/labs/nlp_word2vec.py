"""Lab: Word2Vec on a real corpus, ours beside gensim (and our GloVe beside both).

With ``quick`` the corpus is gensim's Lee background corpus (300 news stories, about
68,000 tokens); otherwise Tiny Shakespeare, one line per sentence (about 250,000
tokens). ``ladder.nlp.word2vec.Word2Vec`` and ``gensim.models.Word2Vec`` train with the
same settings (skip-gram, negative sampling, one gensim worker); ``ladder.nlp.glove``
trains on the same sentences. Reported side by side: words per second, Spearman's rho
on WordSim-353, analogy accuracy on the Google set, nearest neighbours of a few words,
and a 2-D PCA map of the same words for each model.

On corpora this small every model's intrinsic scores are low; compare the columns,
not the numbers with published ones.
"""

from __future__ import annotations

import time

from ladder.labs.context import LabContext


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from gensim.models import Word2Vec as GensimWord2Vec

    from ladder.data.text import analogies, lee_corpus, tiny_shakespeare, wordsim353
    from ladder.nlp.embeddings import WordVectors
    from ladder.nlp.glove import FullBatchGloVe
    from ladder.nlp.tokenize import simple_tokenize
    from ladder.nlp.word2vec import Word2Vec

    if ctx.quick:
        corpus_name = "Lee background corpus"
        sentences = [simple_tokenize(doc) for doc in lee_corpus()]
        settings = dict(vector_size=50, window=5, min_count=3, negative=5, sample=1e-3, epochs=10)
        probes = ["government", "police", "australia", "president", "fire"]
    else:
        corpus_name = "Tiny Shakespeare"
        sentences = [
            simple_tokenize(line) for line in tiny_shakespeare().split("\n") if line.strip()
        ]
        settings = dict(vector_size=100, window=5, min_count=5, negative=5, sample=1e-3, epochs=5)
        probes = ["king", "love", "romeo", "death", "good"]
    n_tokens = sum(map(len, sentences))
    ctx.log(
        f"{corpus_name}: {len(sentences):,} sentences, {n_tokens:,} tokens; settings {settings}"
    )

    t0 = time.perf_counter()
    ours = Word2Vec(sg=1, random_state=ctx.seed, **settings).fit(sentences)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    gensim = GensimWord2Vec(sentences, sg=1, workers=1, seed=ctx.seed, **settings)
    t_gensim = time.perf_counter() - t0
    t0 = time.perf_counter()
    # Full-batch AdaGrad (mittens' solver): on a corpus this small the per-pair glove.c
    # updates need ~100 epochs before the vectors leave one shared direction.
    glove = FullBatchGloVe(
        vector_size=settings["vector_size"],
        window=settings["window"],
        min_count=settings["min_count"],
        epochs=100,
        random_state=ctx.seed,
    ).fit(sentences)
    t_glove = time.perf_counter() - t0
    words_seen = n_tokens * settings["epochs"]

    models = [
        ("ladder Word2Vec", ours.wv, t_ours),
        ("gensim Word2Vec", WordVectors(list(gensim.wv.index_to_key), gensim.wv.vectors), t_gensim),
        ("ladder GloVe", glove.wv, t_glove),
    ]
    pairs = wordsim353()
    questions = [q for section in analogies().values() for q in section]
    rows = []
    for name, wv, seconds in ctx.progress(models, description="evaluating"):
        rho, oov = wv.evaluate_word_pairs(pairs)
        acc, asked = wv.evaluate_analogies(questions)
        speed = words_seen / seconds if "Word2Vec" in name else None
        rows.append([name, len(wv), seconds, speed, rho, oov, acc, asked])
        key = name.replace(" ", "_").lower()
        ctx.metric(f"{key}_spearman", rho)
        ctx.metric(f"{key}_analogy_accuracy", acc)
        ctx.metric(f"{key}_seconds", seconds)
    ctx.metric("words_per_second", words_seen / t_ours)
    ctx.metric("gensim_words_per_second", words_seen / t_gensim)
    ctx.metric("vocabulary", len(ours.wv))
    ctx.metric("gensim_vocabulary", len(gensim.wv))
    ctx.metric("spearman_gap", abs(rows[0][4] - rows[1][4]))
    ctx.table(
        f"Word vectors on {corpus_name}: ours beside gensim",
        [
            "model",
            "vocabulary",
            "train s",
            "words/s",
            "WordSim-353 ρ",
            "pairs OOV",
            "analogy acc.",
            "analogies asked",
        ],
        rows,
    )

    probes = [w for w in probes if w in ours.wv and w in gensim.wv]
    neighbour_rows = []
    for w in probes:
        for name, wv, _ in models:
            if w in wv:
                near = wv.most_similar(w, topn=5)
                neighbour_rows.append([w, name, ", ".join(f"{x} {s:.2f}" for x, s in near)])
    ctx.table("Nearest neighbours (cosine)", ["word", "model", "5 nearest"], neighbour_rows)
    if probes:
        overlap = np.mean(
            [
                len(
                    {x for x, _ in ours.wv.most_similar(w, topn=10)}
                    & {x for x, _ in gensim.wv.most_similar(w, topn=10)}
                )
                / 10
                for w in probes
            ]
        )
        ctx.metric("neighbour_overlap_at_10", float(overlap))

    # The same frequent words mapped to 2-D by each model.
    shown = [w for w in ours.wv.words[50:110] if w.isalpha() and w in gensim.wv][:40]
    fig, axes = plt.subplots(1, 3, figsize=(18, 6))
    for ax, (name, wv, _) in zip(axes, models, strict=True):
        words = [w for w in shown if w in wv]
        xy = wv.pca_2d(words)
        ax.scatter(xy[:, 0], xy[:, 1], s=10)
        for (x, y), w in zip(xy, words, strict=True):
            ax.annotate(w, (x, y), fontsize=8, xytext=(2, 2), textcoords="offset points")
        ax.set(title=f"{name}: PCA of {len(words)} frequent words", xticks=[], yticks=[])
    fig.tight_layout()
    path = ctx.figure("embeddings_pca")
    fig.savefig(path, dpi=90)
    plt.close(fig)
    ctx.saved(path)
