"""Lab: images as token sequences — a ViT, a CLIP-style model and a captioner on MNIST.

1. **ViT**: our Vision Transformer with Hugging Face ``ViTModel``'s weights copied in (same
   output, checked), then trained to classify digits; test accuracy.
2. **CLIP-style**: a ViT and a text encoder trained contrastively on images paired with
   generated captions ("a handwritten seven", "the number seven written by hand", …);
   zero-shot test accuracy from the prompts "a handwritten zero" … "a handwritten nine".
3. **Captioning**: a ViT encoder and a small decoder write a caption; the share of test
   images whose caption names the right digit.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, torch_threads

SIZES = {
    True: {"n_train": 128, "n_test": 32, "vit_steps": 2, "clip_steps": 2, "cap_steps": 2},
    False: {
        "n_train": 10_000,
        "n_test": 1_000,
        "vit_steps": 300,
        "clip_steps": 300,
        "cap_steps": 250,
    },
}


def _batches(n: int, batch_size: int, steps: int, seed: int):
    import torch

    g = torch.Generator().manual_seed(seed)
    for _ in range(steps):
        yield torch.randint(0, n, (batch_size,), generator=g)


def _train(model, loss_fn, steps: int, n: int, lr: float, progress, seed: int = 0) -> list[float]:
    import torch

    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=lr, total_steps=max(2, steps), pct_start=0.1
    )
    losses = []
    model.train()
    for rows in progress(_batches(n, 64, steps, seed)):
        loss = loss_fn(rows)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        losses.append(loss.item())
    model.eval()
    return losses


def run(ctx: LabContext) -> None:
    with torch_threads(2):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    import random

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import torch
    import transformers

    from ladder.data.mnist import load_mnist
    from ladder.llm.caption import Captioner, CaptionerConfig, caption_batch
    from ladder.llm.clip import (
        CLIP,
        DIGITS,
        CLIPConfig,
        WordTokenizer,
        caption_for,
        zero_shot_predict,
    )
    from ladder.llm.vit import ViT, ViTClassifier, ViTConfig, load_hf_vit

    s = SIZES[ctx.quick]
    torch.manual_seed(0)
    xtr, ytr = load_mnist("train")
    xte, yte = load_mnist("test")
    mean, std = 0.1307, 0.3081  # MNIST's pixel mean and standard deviation (of x / 255)
    Xtr = (torch.tensor(xtr[: s["n_train"]]).float().div(255).sub(mean).div(std)).unsqueeze(1)
    Ytr = torch.tensor(ytr[: s["n_train"]]).long()
    Xte = (torch.tensor(xte[: s["n_test"]]).float().div(255).sub(mean).div(std)).unsqueeze(1)
    Yte = torch.tensor(yte[: s["n_test"]]).long()
    vcfg = ViTConfig(image_size=28, patch_size=7, n_layer=4, n_head=4, n_embd=64, d_ff=128)
    ctx.log(f"{len(Xtr)} training and {len(Xte)} test images; 16 patches of 7×7 per image")

    # parity: HF ViTModel's weights in our ViT -------------------------------------------------
    hf = transformers.ViTModel(
        transformers.ViTConfig(
            image_size=28,
            patch_size=7,
            num_channels=1,
            hidden_size=64,
            num_hidden_layers=4,
            num_attention_heads=4,
            intermediate_size=128,
            hidden_dropout_prob=0.0,
            attention_probs_dropout_prob=0.0,
        ),
        add_pooling_layer=False,
    ).eval()
    ours = load_hf_vit(ViT(vcfg), hf.state_dict()).eval()
    with torch.no_grad():
        diff = float((ours(Xte[:32]) - hf(pixel_values=Xte[:32]).last_hidden_state).abs().max())
    ctx.metric("vit_max_diff_vs_hf", diff)

    # 1. ViT classifier ----------------------------------------------------------------------
    vit = ViTClassifier(vcfg)
    vit_losses = _train(
        vit,
        lambda r: vit(Xtr[r], Ytr[r])[1],
        s["vit_steps"],
        len(Xtr),
        3e-3,
        lambda it: ctx.progress(it, total=s["vit_steps"], description="ViT"),
    )
    with torch.no_grad():
        vit_acc = float((vit(Xte)[0].argmax(1) == Yte).float().mean())
    ctx.metric("vit_test_accuracy", vit_acc)
    ctx.metric("vit_params", sum(p.numel() for p in vit.parameters()))

    # 2. CLIP-style contrastive model ---------------------------------------------------------
    tok = WordTokenizer()
    rng = random.Random(0)
    captions = [caption_for(int(y), rng) for y in Ytr]
    ids_all, mask_all = tok.batch(captions)
    clip = CLIP(
        CLIPConfig(
            vision=vcfg, vocab_size=tok.vocab_size, text_layers=2, text_embd=64, embed_dim=32
        )
    )
    clip_losses = _train(
        clip,
        lambda r: clip(Xtr[r], ids_all[r], mask_all[r])[1],
        s["clip_steps"],
        len(Xtr),
        2e-3,
        lambda it: ctx.progress(it, total=s["clip_steps"], description="CLIP"),
    )
    prompts = [f"a handwritten {w}" for w in DIGITS]
    zs = zero_shot_predict(clip, tok, Xte, prompts)
    zs_acc = float((zs == Yte).float().mean())
    other = [f"an image of a {w}" for w in DIGITS]
    zs_acc2 = float((zero_shot_predict(clip, tok, Xte, other) == Yte).float().mean())
    ctx.metric("clip_zero_shot_accuracy", zs_acc)
    ctx.metric("clip_zero_shot_accuracy_other_prompt", zs_acc2)
    ctx.metric("clip_final_loss", sum(clip_losses[-20:]) / len(clip_losses[-20:]))
    ctx.metric("clip_temperature", clip.logit_scale.exp().item())

    # 3. captioning ------------------------------------------------------------------------------
    cap = Captioner(CaptionerConfig(vision=vcfg, vocab_size=tok.vocab_size, n_layer=2, n_head=4))
    cx, cy = caption_batch(tok, captions)
    cap_losses = _train(
        cap,
        lambda r: cap(Xtr[r], cx[r], cy[r])[1],
        s["cap_steps"],
        len(Xtr),
        2e-3,
        lambda it: ctx.progress(it, total=s["cap_steps"], description="captioner"),
    )
    written = [tok.decode(c) for c in cap.generate(Xte, tok.bos_id, tok.eos_id)]
    named = [next((DIGITS.index(w) for w in c.split() if w in DIGITS), -1) for c in written]
    cap_acc = float((torch.tensor(named) == Yte).float().mean())
    ctx.metric("caption_digit_accuracy", cap_acc)

    ctx.table(
        f"MNIST test images ({len(Xte)}), trained on {len(Xtr)}",
        ["model", "measure", "value"],
        [
            ["ViT (ours) vs HF ViTModel, same weights", "max |Δ hidden state|", diff],
            ["ViT classifier", "test accuracy", vit_acc],
            ["CLIP-style, prompts 'a handwritten <digit>'", "zero-shot accuracy", zs_acc],
            ["CLIP-style, prompts 'an image of a <digit>'", "zero-shot accuracy", zs_acc2],
            ["captioner", "caption names the right digit", cap_acc],
        ],
    )
    ctx.table(
        "Captions written for the first test images",
        ["label", "caption"],
        [[int(Yte[i]), written[i]] for i in range(min(8, len(written)))],
    )

    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    for losses, name in (
        (vit_losses, "ViT (cross-entropy)"),
        (clip_losses, "CLIP (contrastive)"),
        (cap_losses, "captioner (next word)"),
    ):
        axes[0].plot(losses, label=name, lw=0.8)
    axes[0].set_xlabel("step")
    axes[0].set_ylabel("training loss")
    axes[0].legend()
    with torch.no_grad():
        sims = clip.encode_image(Xte[:200]) @ clip.encode_text(*tok.batch(prompts)).T
    order = torch.argsort(Yte[:200])
    axes[1].imshow(sims[order].T, aspect="auto", cmap="viridis")
    axes[1].set_yticks(range(10), DIGITS)
    axes[1].set_xlabel("test images, sorted by label")
    axes[1].set_title("cosine similarity to each prompt")
    path = ctx.figure("mnist_multimodal")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    ctx.saved(path)
