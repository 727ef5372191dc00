"""Lab: attention maps of the real all-MiniLM-L6-v2 model, head by head.

Loads the packaged weights into our ``BertEncoder`` (``ladder.transformer.minilm``), runs
one sentence, and captures every head's attention weights with forward hooks on each
layer's ``self_attn``. The same sentence goes through Hugging Face's ``AutoModel`` with
``output_attentions=True`` (offline, eager attention) and the two sets of weights are
compared. Heat maps: the 12 heads of the first and of the last layer.
"""

from __future__ import annotations

import os

from ladder.labs.context import LabContext, quiet_hugging_face

SENTENCE = "The animal didn't cross the street because it was too tired."


def _heatmaps(plt, weights, tokens: list[str], layer: int, path) -> None:
    n_head = weights.shape[0]
    cols = 4
    rows = (n_head + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 4 * rows))
    for h, ax in enumerate(axes.flat):
        if h >= n_head:
            ax.axis("off")
            continue
        ax.imshow(weights[h], cmap="viridis", vmin=0.0, vmax=1.0)
        ax.set_title(f"layer {layer}, head {h + 1}", fontsize=9)
        ax.set_xticks(range(len(tokens)), tokens, rotation=90, fontsize=6)
        ax.set_yticks(range(len(tokens)), tokens, fontsize=6)
    fig.suptitle("rows: queries, columns: keys (each row sums to 1)")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def run(ctx: LabContext) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import torch

    from ladder.transformer.minilm import load_minilm, minilm_dir

    model, tokenizer = load_minilm()
    enc = tokenizer.encode(SENTENCE)
    tokens = list(enc.tokens)
    ids = torch.tensor([enc.ids])
    types = torch.tensor([enc.type_ids])
    mask = torch.ones_like(ids)
    ctx.log(f"sentence: {SENTENCE!r} -> {len(tokens)} WordPiece tokens: {' '.join(tokens)}")

    # The layers ask their attention for no weights (the fused kernel is faster); a
    # pre-hook asks for them, and a hook keeps them.
    captured: list = []
    hooks = []
    for layer in model.layers:
        hooks.append(
            layer.self_attn.register_forward_pre_hook(
                lambda mod, args, kwargs: (args, {**kwargs, "need_weights": True}), with_kwargs=True
            )
        )
        hooks.append(layer.self_attn.register_forward_hook(
            lambda mod, args, out: captured.append(out[1])))  # fmt: skip
    try:
        with torch.no_grad():
            hidden = model(ids, types, mask)
    finally:
        for h in hooks:
            h.remove()
    ours = torch.stack(captured)[:, 0]  # (layers, heads, T, T)
    n_layer, n_head = ours.shape[:2]
    ctx.metric("n_layers", n_layer)
    ctx.metric("n_heads", n_head)
    ctx.metric("n_tokens", len(tokens))
    ctx.metric("hidden_size", int(hidden.shape[-1]))

    from transformers import AutoModel

    quiet_hugging_face()
    hf = AutoModel.from_pretrained(str(minilm_dir()), attn_implementation="eager").eval()
    with torch.no_grad():
        out = hf(input_ids=ids, token_type_ids=types, attention_mask=mask, output_attentions=True)
    theirs = torch.stack(out.attentions)[:, 0]
    attn_diff = float((ours - theirs).abs().max())
    hidden_diff = float((hidden - out.last_hidden_state).abs().max())
    ctx.metric("max_attention_diff_vs_hf", attn_diff)
    ctx.metric("max_hidden_diff_vs_hf", hidden_diff)

    rows = []
    it = tokens.index("it")
    for layer in ctx.progress(range(n_layer), description="layers"):
        w = ours[layer]  # (heads, T, T)
        entropy = float(-(w * w.clamp_min(1e-12).log()).sum(-1).mean())
        on_special = float((w[..., 0] + w[..., -1]).mean())  # weight on [CLS] and [SEP]
        target = w[:, it, 1:-1].mean(0)  # the word "it" over the words, averaged over heads
        top = [tokens[1 + j] for j in target.argsort(descending=True)[:3].tolist()]
        rows.append([layer + 1, entropy, on_special, " ".join(top),
                     float((ours[layer] - theirs[layer]).abs().max())])  # fmt: skip
        ctx.metric(f"layer{layer + 1}_mean_entropy", entropy)
        ctx.metric(f"layer{layer + 1}_weight_on_cls_sep", on_special)
    ctx.table(
        "Attention per layer (ours; last column: largest difference from Hugging Face)",
        [
            "layer",
            "mean row entropy (nats)",
            "weight on [CLS]+[SEP]",
            "'it' reads most (words only)",
            "max |Δ| vs HF",
        ],
        rows,
    )
    for layer in (1, n_layer):
        path = ctx.figure(f"attention_layer{layer}")
        _heatmaps(plt, ours[layer - 1].numpy(), tokens, layer, path)
        ctx.saved(path)
