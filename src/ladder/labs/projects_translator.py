"""Lab: train the English → German translator on Multi30k and measure it with BLEU.

Trains ``ladder.projects.translator`` (a small pre-norm encoder–decoder over a joint
byte-level BPE) for a compute budget of 60 CPU-minutes (two cores for 30 minutes), with
greedy validation BLEU every 6 CPU-minutes. Then translates ``test_2016_flickr`` greedily
and with beam search (k = 4) and scores both with our BLEU beside sacreBLEU (13a). Writes
``translator.pt`` (what ``ladder.projects.translate`` loads), the BLEU-against-compute
plot and a few example translations. Quick mode: 1,500 pairs, 600 steps (a step budget, so
the quick run is the same on a loaded machine).
"""

from __future__ import annotations

from ladder.labs.context import LabContext, timed

EXAMPLES = 6


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import sacrebleu

    from ladder.data.multi30k import load_multi30k
    from ladder.projects.bleu import corpus_bleu
    from ladder.projects.translator import TranslatorConfig, train_translator, translate_batch

    train = load_multi30k("train")
    valid = load_multi30k("val")
    test_en, test_de = load_multi30k("test_2016_flickr")
    if ctx.quick:
        cfg = TranslatorConfig(
            vocab_size=600,
            d_model=32,
            n_head=2,
            n_layers=1,
            d_ff=64,
            batch_tokens=600,
            max_steps=600,  # a step budget: the same model on any machine (about 10 s)
            eval_sentences=20,
            max_len=40,
            max_train_pairs=1500,
            warmup_steps=10,
            seed=ctx.seed,
        )
        test_en, test_de = test_en[:40], test_de[:40]
    else:
        cfg = TranslatorConfig(seed=ctx.seed)
    ctx.log(
        f"training on {cfg.max_train_pairs or len(train[0])} Multi30k pairs for "
        + (f"{cfg.max_steps} steps" if cfg.max_steps else f"{cfg.cpu_minutes:g} CPU-minutes")
        + f" (joint BPE of {cfg.vocab_size} subwords)"
    )
    bar = iter(ctx.progress(range(10**9), total=None, description="training steps"))

    def on_eval(point: dict) -> None:
        ctx.log(
            f"{point['cpu_minutes']:.1f} CPU-min ({point['wall_minutes']:.1f} wall-min), "
            f"step {point['step']}: loss {point['train_loss']:.3f}, "
            f"val BLEU {point['val_bleu']:.2f}"
        )

    res = train_translator(
        cfg,
        train,
        valid,
        out_dir=ctx.out_dir,
        on_eval=on_eval,
        on_step=lambda step, loss: next(bar),
    )
    bar.close()
    ctx.metric("steps", res.steps)
    ctx.metric("epochs", res.epochs)
    ctx.metric("cpu_minutes", res.cpu_minutes)
    ctx.metric("wall_minutes", res.wall_minutes)
    ctx.metric("n_params", res.n_params)
    ctx.metric("val_bleu_curve", res.history)

    from ladder.projects.translator import load_translator

    model, vocab, _ = load_translator(res.checkpoint)
    rows = []
    outputs = {}
    for name, beam in (("greedy", 1), ("beam 4", 4)):
        hyps, seconds = timed(lambda b=beam: translate_batch(model, vocab, test_en, beam_size=b))
        outputs[name] = hyps
        ours = corpus_bleu(hyps, [test_de])
        ref = sacrebleu.corpus_bleu(hyps, [test_de])
        key = "greedy" if beam == 1 else "beam4"
        ctx.metric(f"test_bleu_{key}", ours.score)
        ctx.metric(f"test_bleu_{key}_sacrebleu", ref.score)
        ctx.metric(f"test_{key}_sentences_per_s", len(test_en) / seconds)
        rows.append([name, ours.score, ref.score, ours.bp, len(test_en) / seconds])
    ctx.table(
        f"BLEU on Multi30k test_2016_flickr ({len(test_en)} sentences, detokenised, 13a)",
        ["decoding", "BLEU (ours)", "BLEU (sacreBLEU)", "brevity penalty", "sentences / s"],
        rows,
    )
    ctx.table(
        "Examples (beam 4)",
        ["English", "ours", "reference"],
        [
            [test_en[i], outputs["beam 4"][i], test_de[i]]
            for i in range(min(EXAMPLES, len(test_en)))
        ],
    )

    fig, ax = plt.subplots(figsize=(6.5, 4))
    xs = [p["cpu_minutes"] for p in res.history]
    ax.plot(xs, [p["val_bleu"] for p in res.history], "o-", label="validation BLEU (greedy)")
    ax.axhline(ctx.metrics["test_bleu_beam4"], color="C2", ls="--", label="test BLEU, beam 4")
    ax.axhline(25, color="grey", ls=":", label="aim: 25")
    ax.set(
        xlabel="CPU-minutes of training (2 cores × 30 min = 60)",
        ylabel="BLEU",
        title="English → German on Multi30k",
    )
    ax.legend()
    fig.tight_layout()
    path = ctx.figure("bleu_vs_minutes")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
