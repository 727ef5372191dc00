"""Lab: a small BERT trained here to fill in masked words.

Word-level tokens (lower-cased words and punctuation) of the SST-2 training sentences,
the most frequent words as the vocabulary; ``[CLS] sentence [SEP]`` sequences. The
model is ``ladder.transformer.bert.BertForMaskedLM``, trained with
``ladder.transformer.mlm.mask_tokens`` (15 %, 80/10/10) and AdamW. Reports the accuracy
of predicting [MASK]ed words in held-out sentences (SST-2 dev) against the baseline of
always guessing the most frequent word, and the model's top-5 guesses for a few
sentences. Quick mode: a one-layer model, a few steps.
"""

from __future__ import annotations

import re
from collections import Counter

from ladder.labs.context import LabContext, torch_threads

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP, MASK = range(5)
DEMO = [
    "this is one of the [MASK] movies of the year .",
    "the acting is [MASK] , but the story is a mess .",
    "a [MASK] and funny film .",
    "i did n't like this [MASK] at all .",
]


def words(text: str) -> list[str]:
    """Lower-cased words (with inner apostrophes) and single punctuation marks."""
    return re.findall(r"\[mask\]|\w+(?:'\w+)?|[^\w\s]", text.lower())


def _load(ctx: LabContext) -> tuple[list[str], list[str]]:
    try:
        from ladder.data.sst2 import load_sst2

        return load_sst2("train")[0], load_sst2("dev")[0]
    except Exception as exc:  # noqa: BLE001 - any reason the dataset is missing
        from ladder.data.text import pydoc_topics

        lines = [s for s in pydoc_topics().split("\n") if len(s.split()) > 4]
        ctx.log(f"SST-2 is not available ({exc}); using Python's pydoc help text instead.")
        return lines[:-500], lines[-500:]


def run(ctx: LabContext) -> None:
    # Tiny tensors in quick runs: threads cost more than they save.
    with torch_threads(1 if ctx.quick else None):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import torch

    from ladder.transformer.bert import BertConfig, BertForMaskedLM
    from ladder.transformer.mlm import IGNORE_INDEX, mask_tokens
    from ladder.transformer.training import TrainConfig, lr_at

    torch.manual_seed(0)
    train_text, dev_text = _load(ctx)
    if ctx.quick:
        train_text = train_text[:3000]
    T = 32
    vocab_size = 600 if ctx.quick else 3000
    counts = Counter(w for s in train_text for w in words(s))
    itos = SPECIALS + [w for w, _ in counts.most_common(vocab_size - len(SPECIALS))]
    stoi = {w: i for i, w in enumerate(itos)}
    covered = sum(c for w, c in counts.items() if w in stoi) / sum(counts.values())
    ctx.log(
        f"{len(train_text):,} training sentences; "
        f"{len(itos):,} words cover {covered:.1%} of the text"
    )
    ctx.metric("vocab_coverage", covered)
    ctx.metric("vocab_size", len(itos))

    def encode(sentences: list[str]) -> torch.Tensor:
        out = torch.full((len(sentences), T), PAD, dtype=torch.long)
        for i, s in enumerate(sentences):
            ids = (
                [CLS]
                + [MASK if w == "[mask]" else stoi.get(w, UNK) for w in words(s)][: T - 2]
                + [SEP]
            )
            out[i, : len(ids)] = torch.tensor(ids)
        return out

    train_ids, dev_ids = encode(train_text), encode(dev_text)
    if ctx.quick:
        config = BertConfig(vocab_size=len(itos), n_positions=T, n_layer=1, n_head=2, n_embd=32,
                            d_ff=64, dropout=0.1)  # fmt: skip
        steps, batch, peak = 60, 32, 3e-3
    else:
        config = BertConfig(vocab_size=len(itos), n_positions=T, n_layer=4, n_head=4, n_embd=128,
                            d_ff=512, dropout=0.1)  # fmt: skip
        steps, batch, peak = 3000, 64, 1e-3
    model = BertForMaskedLM(config)
    n_params = sum(p.numel() for p in model.parameters())
    ctx.metric("n_params", n_params)
    cfg = TrainConfig(max_iters=steps, learning_rate=peak, min_lr=peak / 10,
                      warmup_iters=max(1, steps // 20), lr_decay_iters=steps)  # fmt: skip
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.learning_rate, weight_decay=0.01)
    special = (PAD, CLS, SEP)
    g = torch.Generator().manual_seed(0)
    losses = []
    model.train()
    for it in ctx.progress(range(steps), description="training"):
        rows = torch.randint(len(train_ids), (batch,), generator=g)
        x, y = mask_tokens(train_ids[rows], MASK, len(itos), special, 0.15, g)
        mask = (x != PAD).long()
        for group in opt.param_groups:
            group["lr"] = lr_at(it, cfg)
        _, loss = model(x, y, attention_mask=mask)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        losses.append(loss.item())

    # held-out accuracy at [MASK] positions (fixed corruption, seed 1)
    model.eval()
    x, y = mask_tokens(dev_ids, MASK, len(itos), special, 0.15, torch.Generator().manual_seed(1))
    with torch.no_grad():
        logits, dev_loss = model(x, y, attention_mask=(x != PAD).long())
    logits[..., : len(SPECIALS)] = float("-inf")  # guess words only, never [UNK] or [MASK]
    at = (x == MASK) & (y != IGNORE_INDEX) & (y != UNK)  # masked known words
    top5 = logits[at].topk(5, dim=-1).indices
    target = y[at]
    acc1 = float((top5[:, 0] == target).float().mean())
    acc5 = float((top5 == target[:, None]).any(1).float().mean())
    most_common = stoi[counts.most_common(1)[0][0]]
    baseline = float((target == most_common).float().mean())
    ctx.metric("train_loss_last_100", sum(losses[-100:]) / len(losses[-100:]))
    ctx.metric("dev_loss", float(dev_loss))
    ctx.metric("dev_top1_accuracy", acc1)
    ctx.metric("dev_top5_accuracy", acc5)
    ctx.metric("most_frequent_word_accuracy", baseline)
    ctx.table(
        f"Filling [MASK] at {int(at.sum())} held-out positions of known words",
        ["predictor", "top-1 accuracy", "top-5 accuracy"],
        [[f"always '{itos[most_common]}'", baseline, float("nan")], ["our BERT", acc1, acc5]],
    )

    demo = encode(DEMO)
    with torch.no_grad():
        logits, _ = model(demo, attention_mask=(demo != PAD).long())
    rows = []
    for i, s in enumerate(DEMO):
        pos = int((demo[i] == MASK).nonzero()[0])
        probs = torch.softmax(logits[i, pos], -1)
        probs[: len(SPECIALS)] = 0.0  # show words only
        best = probs.topk(5)
        guesses = ", ".join(
            f"{itos[j]} ({p:.1%})"
            for p, j in zip(best.values.tolist(), best.indices.tolist(), strict=True)
        )
        rows.append([s, guesses])
    ctx.table("Top-5 guesses for [MASK]", ["sentence", "guesses (probability)"], rows)

    fig, ax = plt.subplots(figsize=(6, 4))
    window = max(1, len(losses) // 50)
    smooth = [
        sum(losses[max(0, i - window + 1) : i + 1]) / len(losses[max(0, i - window + 1) : i + 1])
        for i in range(len(losses))
    ]
    ax.plot(losses, alpha=0.3, label="batch")
    ax.plot(smooth, label=f"mean of {window}")
    ax.axhline(
        float(torch.log(torch.tensor(float(len(itos))))),
        color="grey",
        ls="--",
        label="ln V (guessing)",
    )
    ax.set(xlabel="step", ylabel="masked-token cross-entropy (nats)", title="MLM training")
    ax.legend()
    fig.tight_layout()
    path = ctx.figure("mlm_loss")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
