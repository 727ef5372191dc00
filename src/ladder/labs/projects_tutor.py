"""Lab: build the tutor's index and measure it — recall of the right lesson per retriever.

Every card's question is asked; the right answer is the card's lesson. The index holds
the lesson sections and docstrings (the cards themselves are left out, or each question
would find its own card). BM25, MiniLM embeddings, their reciprocal-rank fusion and the
fusion re-ranked by lesson votes, side by side; then the intent classifier's accuracy on
a held-out quarter, and the search time per question once the index is built. Quick mode:
the stage-5 lessons only and 200 small-talk prompts.
"""

from __future__ import annotations

from ladder.labs.context import LabContext


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from ladder.projects.tutor import evaluate, recall_table

    stages = ("transformer",) if ctx.quick else None
    ev = evaluate(stages=stages, max_smalltalk=200 if ctx.quick else None, seed=ctx.seed)
    ctx.log(f"{ev.n_queries} card questions against {ev.n_passages} passages")
    cols, rows = recall_table(ev)
    ctx.table("Recall of the right lesson, every card's question as a query", cols, rows)
    for method, r in ev.recall.items():
        ctx.metric(f"recall1_{method}", r["@1"])
        ctx.metric(f"recall3_{method}", r["@3"])
    ctx.metric("intent_accuracy", ev.intent_accuracy)
    ctx.metric("latency_ms", ev.latency_ms)
    ctx.metric("n_queries", ev.n_queries)
    ctx.metric("n_passages", ev.n_passages)
    ctx.table(
        "Intent and speed",
        ["measure", "value"],
        [
            ["intent accuracy (held-out quarter)", ev.intent_accuracy],
            ["held-out questions", ev.intent_test_size],
            ["search ms per question (median, index built)", ev.latency_ms],
        ],
    )
    ctx.table(
        "Questions whose lesson is not in the fused top 3",
        ["card", "question", "lesson", "top 3"],
        [[m["card"], m["question"], m["lesson"], m["got"]] for m in ev.misses[:15]],
    )

    fig, ax = plt.subplots(figsize=(7, 4))
    x = np.arange(len(rows))
    ax.bar(x - 0.2, [r[1] for r in rows], 0.4, label="recall@1")
    ax.bar(x + 0.2, [r[2] for r in rows], 0.4, label="recall@3")
    ax.axhline(0.9, color="grey", ls=":", label="aim: recall@3 ≥ 0.90")
    ax.set_xticks(x, ["BM25", "embeddings", "RRF", "RRF + votes"])
    ax.set(ylim=(0, 1.05), ylabel="fraction of card questions", title="Finding the right lesson")
    ax.legend(loc="lower right")
    fig.tight_layout()
    path = ctx.figure("tutor_recall")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
