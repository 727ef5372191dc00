"""Lab: n-gram language models on Tiny Shakespeare — perplexity by order and smoothing,
generated text, ``nltk.lm`` side by side, and Bengio's neural model beside them.

Lines are sentences (``simple_tokenize``), each padded with n - 1 ``<s>`` and one
``</s>`` (so every order is scored on the same events); the first 90 % of the lines
train, the last 10 % test; words seen once become ``<UNK>``. This is the setting of the
n-gram lesson's table, which the full run reproduces (``quick`` uses the first 3,000 and
the last 500 lines). For each order and smoothing (Laplace, add-0.01, Jelinek-Mercer
interpolation with lambda = 0.7, Kneser-Ney with d = 0.75), the test perplexity and fit
time; ``nltk.lm`` fits the same models on the same padded sentences of a smaller slice
and the largest score difference over the test n-grams is reported. Each order then
generates a line from the same seed. Last, a
Bengio et al. (2003) MLP trigram model (``ladder.nlp.neural_lm``) is trained on the same
split and vocabulary and its perplexity is set beside the n-gram models'.
"""

from __future__ import annotations

import time

from ladder.labs.context import LabContext

SMOOTHINGS = ("Laplace", "add-0.01", "Jelinek-Mercer", "Kneser-Ney")
NLTK_HAS = ("Laplace", "add-0.01", "Kneser-Ney")  # nltk.lm has no Jelinek-Mercer class


def _model(kind: str, order: int, cutoff: int):
    from ladder.nlp.ngram_trie import (
        JelinekMercerInterpolated,
        KneserNeyInterpolated,
        Laplace,
        Lidstone,
    )

    if kind == "Laplace":
        return Laplace(order, unk_cutoff=cutoff)
    if kind == "add-0.01":
        return Lidstone(0.01, order, unk_cutoff=cutoff)
    if kind == "Jelinek-Mercer":
        return JelinekMercerInterpolated(0.7, order, unk_cutoff=cutoff)
    return KneserNeyInterpolated(order, discount=0.75, unk_cutoff=cutoff)


def _nltk_model(kind: str, order: int, cutoff: int):
    from nltk import lm

    vocab = lm.Vocabulary(unk_cutoff=cutoff)
    if kind == "Laplace":
        return lm.Laplace(order, vocabulary=vocab)
    if kind == "add-0.01":
        return lm.Lidstone(0.01, order, vocabulary=vocab)
    return lm.KneserNeyInterpolated(order, discount=0.75, vocabulary=vocab)


def split_lines(quick: bool) -> tuple[list[list[str]], list[list[str]]]:
    """The lesson's split: lines of Tiny Shakespeare as token lists, 90 % / 10 %."""
    from ladder.data.text import tiny_shakespeare
    from ladder.nlp.tokenize import simple_tokenize

    lines = [simple_tokenize(line) for line in tiny_shakespeare().split("\n") if line.strip()]
    cut = int(0.9 * len(lines))
    train, test = lines[:cut], lines[cut:]
    if quick:
        train, test = train[:3000], test[-500:]
    return train, test


def run(ctx: LabContext) -> None:
    import math

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ladder.nlp.neural_lm import BengioLM
    from ladder.nlp.ngram import pad_sentence, padded_everygrams

    cutoff = 2
    train, test = split_lines(ctx.quick)
    ctx.log(
        f"{len(train):,} training lines ({sum(map(len, train)):,} tokens), "
        f"{len(test):,} test lines ({sum(map(len, test)):,} tokens, "
        f"{sum(map(len, test)) + len(test):,} events with one </s> per line)"
    )
    orders = [1, 2, 3, 4]
    table, ppl = [], {k: {} for k in SMOOTHINGS}
    fitted = {}
    for order in ctx.progress(orders, description="fitting n-gram models"):
        for kind in SMOOTHINGS:
            if kind == "Kneser-Ney" and order == 1:
                continue  # continuation counts need bigrams
            t0 = time.perf_counter()
            lm = _model(kind, order, cutoff).fit(train)
            t_fit = time.perf_counter() - t0
            t0 = time.perf_counter()
            p = lm.perplexity(lm.ngrams_of(test))
            t_score = time.perf_counter() - t0
            ppl[kind][order] = p
            fitted[kind, order] = lm
            table.append([order, kind, len(lm.vocab_), p, t_fit, t_score])
            ctx.metric(f"perplexity_{kind.lower().replace('-', '_').replace('.', '')}_{order}", p)
    ctx.table(
        "Test perplexity on Tiny Shakespeare by order and smoothing",
        ["order", "smoothing", "|V|", "perplexity", "fit s", "score s"],
        table,
    )

    # nltk.lm on a slice (it needs seconds where we need milliseconds): same scores?
    small = train[:800] if ctx.quick else train[:3000]
    probe = [g for s in test[:60] for g in _model("Laplace", 3, cutoff).ngrams_of([s])]
    rows, worst = [], 0.0
    for kind in NLTK_HAS:
        ref = _nltk_model(kind, 3, cutoff)
        t0 = time.perf_counter()
        ref.fit(  # our padding: n - 1 <s>, one </s> (nltk's pipeline would add n - 1 </s>)
            [padded_everygrams(s, 3) for s in small],
            [w for s in small for w in pad_sentence(s, 3)],
        )
        t_ref = time.perf_counter() - t0
        t0 = time.perf_counter()
        ours = _model(kind, 3, cutoff).fit(small)
        t_ours = time.perf_counter() - t0
        diff = max(abs(ours.score(g[-1], g[:-1]) - ref.score(g[-1], list(g[:-1]))) for g in probe)
        worst = max(worst, diff)
        rows.append([kind, len(small), len(probe), diff, t_ours * 1e3, t_ref * 1e3])
    ctx.metric("nltk_max_score_diff", worst)
    ctx.table(
        "Trigram scores beside nltk.lm (same sentences, vocabulary and test n-grams)",
        [
            "smoothing",
            "training lines",
            "n-grams compared",
            "max |Δ score|",
            "fit ms (ours)",
            "fit ms (nltk)",
        ],
        rows,
    )

    samples = []
    for order in orders:
        kind = "Kneser-Ney" if order > 1 else "add-0.01"
        words = fitted[kind, order].generate(20, random_state=ctx.seed + 1)
        samples.append([order, kind, " ".join(words) or "(empty line)"])
    ctx.table("Generated lines (seed 1)", ["order", "smoothing", "text"], samples)

    # Bengio's MLP trigram model on the same split and vocabulary.
    epochs = 1 if ctx.quick else 2
    neural_train = train[:1500] if ctx.quick else train
    t0 = time.perf_counter()
    neural = BengioLM(
        order=3,
        embedding_dim=32,
        hidden=128,
        unk_cutoff=cutoff,
        epochs=epochs,
        random_state=ctx.seed,
    ).fit(neural_train)
    t_neural = time.perf_counter() - t0
    kn_same = _model("Kneser-Ney", 3, cutoff).fit(neural_train)
    p_neural = neural.perplexity(test)
    p_kn = kn_same.perplexity(kn_same.ngrams_of(test))
    ctx.metric("bengio_perplexity", p_neural)
    ctx.metric("bengio_kn_perplexity", p_kn)
    ctx.metric("bengio_vocabulary", len(neural.index_))
    ctx.metric("bengio_kn_vocabulary", len(kn_same.vocab_))
    ctx.table(
        "Neural trigram model beside Kneser-Ney trigrams (same training lines and vocabulary)",
        ["model", "training lines", "epochs", "train s", "test perplexity"],
        [
            ["Bengio MLP (m=32, h=128)", len(neural_train), epochs, t_neural, p_neural],
            ["Kneser-Ney (d=0.75)", len(neural_train), None, None, p_kn],
        ],
    )

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    for kind in SMOOTHINGS:
        xs = sorted(ppl[kind])
        axes[0].plot(xs, [ppl[kind][o] for o in xs], marker="o", label=kind)
    axes[0].set(
        xlabel="order n",
        ylabel="test perplexity (log scale)",
        yscale="log",
        xticks=orders,
        title="Smoothing decides whether longer contexts help",
    )
    axes[0].legend()
    axes[1].plot(
        range(1, len(neural.history_) + 1),
        neural.history_,
        marker="o",
        label="Bengio MLP training loss",
    )
    axes[1].axhline(
        math.log(p_kn), color="C1", ls="--", label="ln(perplexity) of Kneser-Ney trigrams on test"
    )
    axes[1].axhline(
        math.log(p_neural), color="C0", ls=":", label="ln(perplexity) of the MLP on test"
    )
    axes[1].set(xlabel="epoch", ylabel="nats per word", title="Neural language model")
    axes[1].legend(fontsize=8)
    fig.tight_layout()
    path = ctx.figure("ngram")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
