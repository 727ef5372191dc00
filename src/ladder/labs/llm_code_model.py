"""Lab: a code model trained on Python's own standard library beside a prose model.

Two GPTs of the same size and training budget, one on the standard library's ``.py`` files,
one on the ``pydoc`` help topics (English about Python). Each is scored on held-out text of
both kinds: stdlib modules it never saw and the last 10 % of the topics. Perplexity is per
character (``exp`` of the mean cross-entropy). Both models then continue a code prompt.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, torch_threads

SIZES = {
    True: {"steps": 3, "n_layer": 1, "n_embd": 32, "windows": 4, "chars": 200_000},
    False: {"steps": 300, "n_layer": 3, "n_embd": 96, "windows": 200, "chars": None},
}
PROMPT = "    def __init__(self, "


def run(ctx: LabContext) -> None:
    with torch_threads(2):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import torch

    from ladder.data.text import pydoc_topics
    from ladder.llm.domain import perplexity, stdlib_split, text_split, train_lm
    from ladder.llm.instruct import CharTokenizer
    from ladder.transformer.gpt import GPT, GPTConfig
    from ladder.transformer.training import TrainConfig

    s = SIZES[ctx.quick]
    tok = CharTokenizer()
    code_train, code_test, held = stdlib_split(held_out=0.1, max_chars=s["chars"])
    prose_train, prose_test = text_split(pydoc_topics(), held_out=0.1)
    ctx.log(f"code: {len(code_train):,} training characters; held-out modules: {', '.join(held)}")
    ctx.log(f"prose: {len(prose_train):,} training characters, {len(prose_test):,} held out")
    data = {
        name: torch.tensor(tok.encode(text, errors="replace"))
        for name, text in (
            ("code", code_train),
            ("prose", prose_train),
            ("code_test", code_test),
            ("prose_test", prose_test),
        )
    }

    models, curves = {}, {}
    for name in ("code", "prose"):
        torch.manual_seed(0)
        model = GPT(
            GPTConfig(
                vocab_size=tok.vocab_size,
                block_size=128,
                n_layer=s["n_layer"],
                n_head=4,
                n_embd=s["n_embd"],
                dropout=0.0,
            )
        )
        cfg = TrainConfig(
            max_iters=s["steps"],
            batch_size=16,
            learning_rate=2e-3,
            min_lr=2e-4,
            warmup_iters=min(50, s["steps"]),
            lr_decay_iters=s["steps"],
            eval_interval=max(1, s["steps"] // 10),
            eval_iters=4,
            seed=0,
        )
        bar = iter(ctx.progress(range(s["steps"] + 1), description=f"{name} model"))
        res = train_lm(
            model,
            data[name],
            cfg,
            val_ids=data[f"{name}_test"],
            on_eval=lambda it, losses, bar=bar: next(bar, None),
        )
        models[name], curves[name] = model, res.history
        ctx.metric(f"{name}_model_seconds", res.seconds)
    ctx.metric("params", models["code"].num_params())

    rows = []
    for m in ("code", "prose"):
        ppl = {
            t: perplexity(models[m], data[f"{t}_test"], max_windows=s["windows"])
            for t in ("code", "prose")
        }
        for t, v in ppl.items():
            ctx.metric(f"ppl_{m}_model_on_{t}", v)
        rows.append([f"trained on {m}", ppl["code"], ppl["prose"]])
    ctx.table(
        "Perplexity per character on held-out text (lower is better)",
        ["model", "held-out stdlib modules", "held-out pydoc topics"],
        rows,
    )

    samples = []
    for m in ("code", "prose"):
        torch.manual_seed(0)
        idx = torch.tensor([tok.encode(PROMPT)])
        out = models[m].generate(idx, 80, greedy=True)
        samples.append([m, tok.decode(out[0].tolist())])
    ctx.table("Greedy continuation of a code prompt", ["model", "text"], samples)

    fig, ax = plt.subplots(figsize=(6.5, 4))
    for m in ("code", "prose"):
        h = curves[m]
        ax.plot([r["iter"] for r in h], [r["val"] for r in h], marker="o", label=f"{m} model")
    ax.set_xlabel("step")
    ax.set_ylabel("held-out loss at home (nats per character)")
    ax.legend()
    path = ctx.figure("code_vs_prose_loss")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    ctx.saved(path)
