"""Lab: train byte-level BPE on Tiny Shakespeare and watch the merges appear.

Trains ``ladder.nlp.bpe.GPT2BPETokenizer`` (the first 200,000 characters and 512 tokens
with ``quick``; the whole text and 1,024 tokens otherwise), beside

* the naive trainer that recounts every pair after each merge (on a slice, where it
  still finishes): both must learn the same merges;
* Hugging Face ``tokenizers``' Rust BPE trainer on the same text (its merges differ in
  tie-breaking and pre-tokenisation details; only time and compression compare).

Reports the first merges, how the number of tokens falls as merges are added, that
Hugging Face loads our exported ``tokenizer.json`` and gives the same ids, and times.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, timed


def _show(b: bytes) -> str:
    return b.decode("utf-8", errors="replace").replace(" ", "␣").replace("\n", "↵")


def run(ctx: LabContext) -> None:
    import json

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    from ladder.data.text import tiny_shakespeare
    from ladder.nlp.bpe import GPT2BPETokenizer, train_bpe_naive
    from ladder.nlp.hf_bpe import to_hf_json

    text = tiny_shakespeare()
    if ctx.quick:
        text = text[:200_000]
    vocab = 512 if ctx.quick else 1024
    n_bytes = len(text.encode("utf-8"))
    ctx.log(f"training on {len(text):,} characters of Tiny Shakespeare to {vocab} tokens")

    tok, t_ours = timed(lambda: GPT2BPETokenizer().train(text, vocab))
    merges = list(tok.merges_.items())
    ctx.metric("merges", len(merges))
    ctx.metric("train_seconds", t_ours)
    ctx.table(
        "The first 20 merges (␣ is a space)",
        ["rank", "left", "right", "new token"],
        [
            [new - 256, _show(tok.vocab_[a]), _show(tok.vocab_[b]), _show(tok.vocab_[new])]
            for (a, b), new in merges[:20]
        ],
    )

    # Same merges as the naive reference on a slice small enough for it.
    small, small_vocab = text[:20_000], 256 + (40 if ctx.quick else 100)
    naive, t_naive = timed(lambda: train_bpe_naive(small, small_vocab))
    fast, t_fast = timed(lambda: GPT2BPETokenizer().train(small, small_vocab))
    same = list(naive.items()) == list(fast.merges_.items())
    ctx.metric("naive_merges_identical", same)
    ctx.metric("speedup_vs_naive", t_naive / t_fast)

    # Hugging Face: its own trainer on the same text, and our merges loaded into it.
    def hf_train():
        hf = Tokenizer(models.BPE())
        hf.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        hf.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(
            vocab_size=vocab,
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
            show_progress=False,
            special_tokens=[],
        )
        hf.train_from_iterator([text], trainer=trainer)
        return hf

    hf, t_hf = timed(hf_train)
    ours_hf = Tokenizer.from_str(json.dumps(to_hf_json(tok)))
    held_out = tiny_shakespeare()[-20_000:]
    ids, t_enc = timed(lambda: tok.encode(held_out))
    ref_ids, t_enc_hf = timed(lambda: ours_hf.encode(held_out).ids)
    ctx.metric("hf_ids_identical", ids == ref_ids)
    ctx.metric("roundtrip_ok", tok.decode(ids) == held_out)
    hf_tokens = len(hf.encode(text).ids)
    ours_tokens = len(tok.encode(text))
    ctx.metric("bytes_per_token", n_bytes / ours_tokens)
    ctx.metric("hf_bytes_per_token", n_bytes / hf_tokens)
    ctx.table(
        f"BPE to {vocab} tokens: training and encoding",
        ["trainer", "text", "seconds", "tokens of the text", "bytes per token"],
        [
            [
                "ladder (incremental counts)",
                f"{len(text):,} chars",
                t_ours,
                ours_tokens,
                n_bytes / ours_tokens,
            ],
            [
                "Hugging Face tokenizers (Rust)",
                f"{len(text):,} chars",
                t_hf,
                hf_tokens,
                n_bytes / hf_tokens,
            ],
            ["ladder, 20,000 chars", f"{small_vocab} tokens", t_fast, None, None],
            ["naive recount, 20,000 chars", f"{small_vocab} tokens", t_naive, None, None],
            [
                "encode 20,000 held-out chars: ladder",
                "",
                t_enc,
                len(ids),
                len(held_out.encode()) / len(ids),
            ],
            ["encode 20,000 held-out chars: HF (our merges)", "", t_enc_hf, len(ref_ids), None],
        ],
    )

    # Compression as merges are added: keep the first k merges and encode again.
    steps = [0, 16, 32, 64, 128, 256] + ([512, 768] if vocab > 512 else [])
    steps = [k for k in steps if k <= len(merges)]
    sample = text[:100_000]
    sample_bytes = len(sample.encode("utf-8"))
    ratios = []
    for k in ctx.progress(steps, description="encoding with the first k merges"):
        part = GPT2BPETokenizer()
        for (a, b), new in merges[:k]:
            part.merges_[(a, b)] = new
            part.vocab_[new] = part.vocab_[a] + part.vocab_[b]
        ratios.append(sample_bytes / len(part.encode(sample)))
    ctx.metric("bytes_per_token_by_merges", dict(zip(map(str, steps), ratios, strict=True)))

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    axes[0].plot(steps, ratios, marker="o")
    axes[0].set(
        xlabel="merges learned",
        ylabel="bytes per token",
        title="Compression grows with the vocabulary",
    )
    lengths = [len(tok.vocab_[new]) for _, new in merges]
    axes[1].plot(range(1, len(lengths) + 1), lengths, ".", ms=3)
    axes[1].set(
        xlabel="merge rank", ylabel="token length (bytes)", title="Later merges build longer tokens"
    )
    fig.tight_layout()
    path = ctx.figure("bpe")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
