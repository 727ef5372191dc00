"""Lab: train the abstractive dialogue summariser and score every summariser with ROUGE.

Trains ``ladder.projects.summarizer`` (frozen MiniLM encoder, small decoder) on the 500
DialogSum dev dialogues for 20 CPU-minutes, then summarises the DialogSum test set and
compares it with lead-2, TextRank, MMR and the greedy ROUGE oracle: ROUGE-1/2/L (mean F,
best of the three references) with our ROUGE beside Google's rouge-score. The same
extractive methods (one sentence) on SciTLDR's test abstracts. Quick mode: 24 dialogues
and a tiny decoder for a few seconds, 10 test examples.
"""

from __future__ import annotations

from ladder.labs.context import LabContext


def _rouge_score_mean(cands, refs):
    from rouge_score.rouge_scorer import RougeScorer

    sc = RougeScorer(["rouge1", "rouge2", "rougeL"])
    tot = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for c, r in zip(cands, refs, strict=True):
        for k, s in sc.score_multi(list(r), c).items():
            tot[k] += s.fmeasure
    return {k: 100 * v / len(cands) for k, v in tot.items()}


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from ladder.data.summarization import load_dialogsum, load_scitldr
    from ladder.projects.course_index import make_encoder
    from ladder.projects.rouge import mean_rouge
    from ladder.projects.summarize import oracle_indices, select_sentences
    from ladder.projects.summarizer import SummarizerConfig, train_summarizer

    train = load_dialogsum("dev")
    test = load_dialogsum("test")
    sci = load_scitldr("test")
    if ctx.quick:
        train, test, sci = train[:24], test[:10], sci[:10]
        cfg = SummarizerConfig(
            vocab_size=400,
            d_model=32,
            n_head=2,
            n_layers=1,
            d_ff=64,
            batch_size=8,
            cpu_minutes=0.05,
            warmup_steps=5,
            seed=ctx.seed,
        )
    else:
        cfg = SummarizerConfig(seed=ctx.seed)
    ctx.log(
        f"training the decoder on {len(train)} DialogSum dialogues "
        f"for {cfg.cpu_minutes:g} CPU-minutes"
    )
    bar = iter(ctx.progress(range(10**9), total=None, description="decoder steps"))
    res = train_summarizer(
        cfg,
        [e.text for e in train],
        [e.references[0] for e in train],
        out_dir=ctx.out_dir,
        on_step=lambda s, l: next(bar),
    )
    bar.close()
    model = res.pop("model")
    for k, v in res.items():
        ctx.metric(k, v)
    from ladder.transformer.minilm import SentenceEncoder

    encode = make_encoder(SentenceEncoder(model.encoder, model.tokenizer))

    tables = {}
    for name, data, k in (("DialogSum test", test, 2), ("SciTLDR test", sci, 1)):
        outputs = {"lead": [], "textrank": [], "mmr": [], "oracle": []}
        for ex in ctx.progress(data, description=f"extractive on {name}"):
            sents = list(ex.sentences)
            emb = encode(sents)
            for m in ("lead", "textrank", "mmr"):
                outputs[m].append(" ".join(sents[i] for i in select_sentences(m, sents, k, emb)))
            outputs["oracle"].append(
                " ".join(sents[i] for i in oracle_indices(sents, ex.references, k))
            )
        if name.startswith("DialogSum"):
            outputs["abstractive"] = model.generate(model.encode_sources([e.text for e in data]))
        refs = [list(e.references) for e in data]
        rows = []
        for m, out in outputs.items():
            ours, theirs = mean_rouge(out, refs), _rouge_score_mean(out, refs)
            key = name.split()[0].lower()
            for t in ("rouge1", "rouge2", "rougeL"):
                ctx.metric(f"{key}_{m}_{t}", ours[t])
            ctx.metric(
                f"{key}_{m}_max_diff_vs_rouge_score", max(abs(ours[t] - theirs[t]) for t in ours)
            )
            label = {
                "lead": f"lead-{k}",
                "textrank": "TextRank",
                "mmr": "MMR",
                "oracle": "oracle (extractive ceiling)",
                "abstractive": "abstractive (ours, trained here)",
            }[m]
            rows.append([label, ours["rouge1"], ours["rouge2"], ours["rougeL"], theirs["rougeL"]])
        tables[name] = rows
        ctx.table(
            f"ROUGE F ×100 on {name} ({len(data)} examples, {k} sentence(s) for extractive)",
            ["method", "ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-L (rouge-score)"],
            rows,
        )
    ctx.table(
        "Examples (DialogSum test)",
        ["abstractive (ours)", "reference"],
        [
            [outputs_abs, ex.references[0]]
            for outputs_abs, ex in zip(
                model.generate(model.encode_sources([e.text for e in test[:4]])),
                test[:4],
                strict=True,
            )
        ],
    )

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.2))
    for ax, (name, rows) in zip(axes, tables.items(), strict=True):
        x = np.arange(len(rows))
        for j, t in enumerate(("ROUGE-1", "ROUGE-2", "ROUGE-L")):
            ax.bar(x + (j - 1) * 0.27, [r[1 + j] for r in rows], 0.27, label=t)
        ax.set_xticks(x, [r[0].split(" (")[0] for r in rows], fontsize=8)
        ax.set(title=name, ylabel="F ×100")
        ax.legend(fontsize=8)
    fig.tight_layout()
    path = ctx.figure("rouge")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
