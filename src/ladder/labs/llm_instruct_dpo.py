"""Lab: pre-train a small GPT, instruction-tune it, then DPO on its own mistakes.

1. **pre-training** on English that ships with Python (the ``pydoc`` topics) plus sentences
   stating a small fact table ("The capital of Peru is Lima.");
2. **supervised fine-tuning** on code-generated instructions in a chat template, loss on
   the answers only; capital questions are asked about half the countries;
3. **DPO** on preference pairs (correct answer ≻ the tuned model's own wrong answer) with
   the tuned model frozen as the reference.

Exact match on held-out instructions (prompts never seen in tuning; capitals of the other
half of the countries) after each stage, per task family.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, torch_threads

SIZES = {
    # quick: a smoke test of every stage; full: the run the lesson quotes
    True: {
        "pre_steps": 3,
        "sft_steps": 3,
        "dpo_steps": 2,
        "n_train": 10,
        "n_test": 1,
        "n_pref": 2,
        "n_layer": 1,
        "n_embd": 32,
    },
    False: {
        "pre_steps": 300,
        "sft_steps": 1000,
        "dpo_steps": 60,
        "n_train": 400,
        "n_test": 20,
        "n_pref": 30,
        "n_layer": 3,
        "n_embd": 64,
    },
}


def run(ctx: LabContext) -> None:
    with torch_threads(2):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import torch

    from ladder.data.text import pydoc_topics
    from ladder.llm.domain import train_lm
    from ladder.llm.dpo import DPOTrainer, PreferencePair, collate_preferences
    from ladder.llm.instruct import (
        FACTS,
        KINDS,
        CharTokenizer,
        ChatTemplate,
        encode_for_sft,
        exact_match,
        fact_sentences,
        make_instructions,
        preference_pairs,
        train_sft,
    )
    from ladder.transformer.gpt import GPT, GPTConfig
    from ladder.transformer.training import TrainConfig

    s = SIZES[ctx.quick]
    torch.manual_seed(0)
    tok, template = CharTokenizer(), ChatTemplate()
    countries = sorted(FACTS)
    tuned_countries, unseen_countries = countries[::2], countries[1::2]

    # 1. pre-training --------------------------------------------------------------------
    corpus = pydoc_topics() + "\n" + fact_sentences()
    ids = torch.tensor(tok.encode(corpus, errors="replace"))
    cfg = GPTConfig(
        vocab_size=tok.vocab_size,
        block_size=96,
        n_layer=s["n_layer"],
        n_head=4,
        n_embd=s["n_embd"],
        dropout=0.0,
    )
    model = GPT(cfg)
    ctx.log(
        f"GPT with {model.num_params() / 1e6:.2f} M parameters; pre-training corpus "
        f"{len(corpus):,} characters"
    )
    pre = train_lm(
        model,
        ids,
        TrainConfig(
            max_iters=s["pre_steps"],
            batch_size=32,
            learning_rate=3e-3,
            min_lr=3e-4,
            warmup_iters=20,
            lr_decay_iters=s["pre_steps"],
            eval_interval=10**9,
            eval_iters=2,
            seed=0,
        ),
    )
    ctx.metric("pretrain_loss", pre.final["train"])

    # 2. instruction tuning ------------------------------------------------------------------
    train_set = make_instructions(s["n_train"], seed=1, countries=tuned_countries)
    test_set = make_instructions(s["n_test"], seed=2, exclude=train_set, countries=unseen_countries)
    before = exact_match(model, tok, template, test_set)
    examples = [encode_for_sft(tok, template, ins) for ins in train_set]
    sft_losses = train_sft(
        model,
        examples,
        s["sft_steps"],
        tok.pad_id,
        batch_size=32,
        lr=2e-3,
        progress=lambda r: ctx.progress(r, description="instruction tuning"),
    )
    after_sft = exact_match(model, tok, template, test_set)

    # 3. DPO on the tuned model's own mistakes --------------------------------------------
    pool = make_instructions(s["n_pref"], seed=3, exclude=test_set, countries=tuned_countries)
    wrong = preference_pairs(model, tok, template, pool)
    pairs = [
        PreferencePair(template.prompt(ins.prompt), ins.answer + template.end, got + template.end)
        for ins, got in wrong
    ]
    ctx.metric("dpo_pairs", len(pairs))
    trainer = DPOTrainer(model, beta=0.1, lr=1e-4)
    g = torch.Generator().manual_seed(0)
    metrics_log = []
    if pairs:
        encoded = [
            (tok.encode(p.prompt), tok.encode(p.chosen), tok.encode(p.rejected)) for p in pairs
        ]
        for _ in ctx.progress(range(s["dpo_steps"]), description="DPO"):
            rows = torch.randint(0, len(encoded), (min(16, len(encoded)),), generator=g).tolist()
            metrics_log.append(
                trainer.step(collate_preferences([encoded[i] for i in rows], tok.pad_id))
            )
        with torch.no_grad():
            final = trainer.loss(collate_preferences(encoded, tok.pad_id))[1]
        ctx.metric("dpo_final_reward_accuracy", final["rewards/accuracy"])
        ctx.metric("dpo_final_loss", final["loss"])
    after_dpo = exact_match(model, tok, template, test_set)

    for name, em in (("before", before), ("after_sft", after_sft), ("after_dpo", after_dpo)):
        ctx.metric(f"exact_match_{name}", em["all"])
    ctx.table(
        f"Exact match on {len(test_set)} held-out instructions ({s['n_test']} per family)",
        ["family", "pre-trained", "after instruction tuning", "after DPO"],
        [
            [k, before.get(k, 0.0), after_sft.get(k, 0.0), after_dpo.get(k, 0.0)]
            for k in [*KINDS, "all"]
        ],
    )
    ctx.table(
        "Answers to a few held-out instructions",
        ["instruction", "expected", "after tuning + DPO"],
        [
            [ins.prompt, ins.answer, _answer(model, tok, template, ins.prompt)]
            for ins in test_set[:: max(1, len(test_set) // 9)][:9]
        ],
    )

    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    axes[0].plot(sft_losses, lw=0.8)
    axes[0].set_xlabel("instruction-tuning step")
    axes[0].set_ylabel("loss on answer tokens")
    axes[0].set_yscale("log")
    if metrics_log:
        axes[1].plot([m["loss"] for m in metrics_log], label="DPO loss")
        axes[1].plot([m["rewards/margin"] for m in metrics_log], label="reward margin")
        axes[1].set_xlabel("DPO step")
        axes[1].legend()
    path = ctx.figure("instruct_dpo_training")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    ctx.saved(path)


def _answer(model, tok, template, prompt: str) -> str:
    from ladder.llm.instruct import generate_answer

    return generate_answer(model, tok, template, prompt)
