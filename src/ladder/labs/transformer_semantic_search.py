"""Lab: semantic search over the SST-2 development sentences, our BERT beside
sentence-transformers.

Both encode the same corpus with the real all-MiniLM-L6-v2 weights (ours: the weights
mapped into ``ladder.transformer.bert.BertEncoder``; theirs: ``SentenceTransformer``),
offline. Reports the largest embedding difference, sentences per second, whether both
return the same top-5 neighbours for a few queries, and the leave-one-out 1-nearest-
neighbour sentiment accuracy of the embeddings. Plots the query scores and a 2-D PCA of
the corpus coloured by label.
"""

from __future__ import annotations

import os

from ladder.labs.context import LabContext, quiet_hugging_face, timed

QUERIES = [
    "a moving story about a family",
    "the jokes fall flat",
    "beautiful photography and music",
    "a complete waste of time",
    "the actors give great performances",
]


def run(ctx: LabContext) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import torch

    from ladder.data.sst2 import load_sst2
    from ladder.transformer.minilm import SentenceEncoder, minilm_dir

    sentences, labels = load_sst2("dev")
    if ctx.quick:
        sentences, labels = sentences[:120], labels[:120]
    ctx.log(f"corpus: {len(sentences)} SST-2 development sentences")
    repeats = 1 if ctx.quick else 3

    ours = SentenceEncoder.minilm()
    emb, t_ours = timed(lambda: ours.encode(sentences, batch_size=32), repeats)

    from sentence_transformers import SentenceTransformer

    quiet_hugging_face()
    st = SentenceTransformer(str(minilm_dir()), device="cpu")
    ref, t_ref = timed(
        lambda: st.encode(sentences, batch_size=32, normalize_embeddings=True,
                          convert_to_tensor=True, show_progress_bar=False),
        repeats,
    )  # fmt: skip
    ref = ref.cpu()
    diff = float((emb - ref).abs().max())
    ctx.metric("max_embedding_diff", diff)
    ctx.metric("ours_sentences_per_s", len(sentences) / t_ours)
    ctx.metric("st_sentences_per_s", len(sentences) / t_ref)
    ctx.metric("speed_ratio", t_ref / t_ours)
    ctx.table(
        "Encoding the corpus (batch 32, median of runs)",
        ["library", "sentences / s", "max |Δ embedding|"],
        [["sentence-transformers", len(sentences) / t_ref, 0.0],
         ["ladder (our BertEncoder)", len(sentences) / t_ours, diff]],
    )  # fmt: skip

    q_ours = ours.encode(QUERIES)
    q_ref = st.encode(QUERIES, normalize_embeddings=True, convert_to_tensor=True).cpu()
    s_ours, s_ref = q_ours @ emb.T, q_ref @ ref.T  # cosine similarities (unit vectors)
    agree, rows = 0, []
    for qi in ctx.progress(range(len(QUERIES)), description="queries"):
        top_o = s_ours[qi].topk(5).indices.tolist()
        top_r = s_ref[qi].topk(5).indices.tolist()
        agree += top_o == top_r
        best = top_o[0]
        rows.append([QUERIES[qi], sentences[best][:70], float(s_ours[qi, best]),
                     float(s_ref[qi, best]), top_o == top_r])  # fmt: skip
    ctx.metric("top5_agreement", agree / len(QUERIES))
    ctx.table(
        "Best match per query",
        ["query", "nearest sentence", "cos (ours)", "cos (ST)", "same top 5"],
        rows,
    )

    sim = emb @ emb.T
    sim.fill_diagonal_(-2.0)
    y = torch.tensor(labels)
    knn = float((y[sim.argmax(1)] == y).float().mean())
    ctx.metric("loo_1nn_sentiment_accuracy", knn)
    ctx.log(f"leave-one-out 1-NN sentiment accuracy with the embeddings: {knn:.3f}")

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    for qi, q in enumerate(QUERIES):
        axes[0].plot(sorted(s_ours[qi].tolist(), reverse=True)[:50], label=q[:28])
    axes[0].set(xlabel="rank", ylabel="cosine similarity", title="Top 50 scores per query")
    axes[0].legend(fontsize=7)
    centred = emb - emb.mean(0)
    _, _, v = torch.linalg.svd(centred, full_matrices=False)
    xy = centred @ v[:2].T
    axes[1].scatter(xy[:, 0], xy[:, 1], c=labels, cmap="coolwarm", s=8)
    axes[1].set(title="PCA of the embeddings (red: positive)", xlabel="PC 1", ylabel="PC 2")
    fig.tight_layout()
    path = ctx.figure("semantic_search")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
