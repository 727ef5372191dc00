"""Every number the stage-5 lessons state, recomputed by our code (and, where one exists,
by the reference library: torch's layers, Hugging Face, sentence-transformers).

Each test parses the number from the lesson text, so editing a lesson without updating
the computation (or the other way round) fails here. Tolerances are half a unit of the
last digit printed in the lesson; counts must match exactly. Parameter counts of large
models are taken on torch's ``meta`` device (shapes only, no memory).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from tests.curriculum.numbers import LESSONS, NUM, check, flat, stated_text  # noqa: E402


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


# --- why attention ----------------------------------------------------------------------


def test_attention_cost():
    lesson = "transformer.why-attention"
    n, d = 64, 128
    assert "($n = 64$, $d = 128$)" in LESSONS[lesson]
    check(lesson, r"\$n\^2 d\$ = " + NUM, n * n * d)
    check(lesson, r"\$n d\^2\$, takes " + NUM, n * d * d)
    # one (n, d) @ (d, n) product: torch's own count of multiply-adds agrees
    from torch.utils.flop_counter import FlopCounterMode

    q = torch.randn(1, n, d)
    with FlopCounterMode(display=False) as counter:
        q @ q.transpose(-2, -1)
    assert counter.get_total_flops() == 2 * n * n * d  # FLOPs = 2 × multiply-adds
    check(lesson, r"\(\$n = 1024\$, \$d = 768\$\) the scores take " + NUM, 1024 * 1024 * 768)
    # the projections the table leaves out: four (n, d) @ (d, d) products
    check(lesson, r"\$4 n d\^2\$ = " + NUM, 4 * n * d * d)
    from ladder.transformer.attention import MultiHeadAttention

    mha = MultiHeadAttention(d, 4)
    x = torch.randn(1, n, d)
    with FlopCounterMode(display=False) as counter:
        mha(x, x, x)
    # projections + scores + weighted sum, in multiply-adds (FLOPs / 2)
    assert counter.get_total_flops() // 2 == 4 * n * d * d + 2 * n * n * d


# --- self-attention ---------------------------------------------------------------------


def test_worked_example_and_masks():
    from ladder.transformer.attention import causal_mask, scaled_dot_product_attention

    lesson = "transformer.self-attention"
    q = torch.tensor([[1.0, 0.0]], dtype=torch.float64)
    k = torch.tensor([[1.0, 0.0], [0.0, 1.0]], dtype=torch.float64)
    v = torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64)
    out, w = scaled_dot_product_attention(q, k, v)
    ref = torch.nn.functional.scaled_dot_product_attention(q[None], k[None], v[None])[0]
    torch.testing.assert_close(out, ref, rtol=0, atol=1e-12)  # float64: same arithmetic
    check(lesson, r"\$1/\\sqrt 2 = " + NUM, 1 / math.sqrt(2))
    check(lesson, r"weights " + NUM + r" and \d", w[0, 0].item())
    check(lesson, r"weights \d\.\d+ and " + NUM, w[0, 1].item())
    check(lesson, r"\(3, 4\) = \(" + NUM, out[0, 0].item())
    check(lesson, r"\(3, 4\) = \(\d\.\d+, " + NUM, out[0, 1].item())
    # "with d_k = 64 … a standard deviation of 8": the exact variance of a sum of 64
    # products of independent unit-variance components is 64
    assert "With $d_k = 64$" in LESSONS[lesson]
    check(lesson, r"standard deviation of " + NUM, math.sqrt(64))
    mask = causal_mask(4)
    check(lesson, r"it keeps " + NUM + r" of the 16 entries", int(mask.sum()))


# --- multi-head attention and positions -------------------------------------------------


def test_multi_head_parameters():
    from ladder.transformer.attention import MultiHeadAttention

    lesson = "transformer.multi-head"
    ours, torch_mha = (
        n_params(MultiHeadAttention(512, 8)),
        n_params(torch.nn.MultiheadAttention(512, 8)),
    )
    assert ours == torch_mha
    check(lesson, r"that is " + NUM + r" parameters", ours)
    check(lesson, r"\$d_k = " + NUM + r"\$", 512 / 8)


def test_sinusoidal_numbers():
    from ladder.transformer.positions import sinusoidal_table

    lesson = "transformer.multi-head"
    table = sinusoidal_table(2, 512, torch.float64)
    assert table[0, :4].tolist() == [0.0, 1.0, 0.0, 1.0]
    check(lesson, r"\\sin 1 = " + NUM, table[1, 0].item())
    check(lesson, r"\\cos 1 = " + NUM, table[1, 1].item())
    check(lesson, r"from \$2\\pi \\approx " + NUM, 2 * math.pi)
    check(lesson, r"10000 \\approx\$ " + NUM, 2 * math.pi * 10000)
    transformers = pytest.importorskip("transformers")
    check(lesson, r"GPT-2 has " + NUM + r" rows", transformers.GPT2Config().n_positions)
    check(
        lesson,
        r"BERT " + NUM + r", and a longer",
        transformers.BertConfig().max_position_embeddings,
    )


# --- the transformer --------------------------------------------------------------------


def test_layer_norm_example():
    lesson = "transformer.the-transformer"
    x = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    y = torch.nn.functional.layer_norm(x, (4,), eps=0.0)
    check(lesson, r"\$\\mu = " + NUM, x.mean().item())
    check(lesson, r"\\sigma\^2 = " + NUM, x.var(unbiased=False).item())
    text = stated_text(lesson, r"output is \$?\(([^)]*)\)")
    values = [float(s) for s in text.split(",")]
    assert values == pytest.approx(y.tolist(), abs=5e-4)


def test_base_transformer_parameters():
    from ladder.transformer.block import FeedForward, PostNormDecoderLayer, PostNormEncoderLayer
    from ladder.transformer.seq2seq import EncoderDecoder

    lesson = "transformer.the-transformer"
    with torch.device("meta"):
        enc, dec = PostNormEncoderLayer(512, 8, 2048), PostNormDecoderLayer(512, 8, 2048)
        stacks = EncoderDecoder(512, 8, 6, 6, 2048)
        assert n_params(enc) == n_params(torch.nn.TransformerEncoderLayer(512, 8, 2048))
        assert n_params(dec) == n_params(torch.nn.TransformerDecoderLayer(512, 8, 2048))
        t = torch.nn.Transformer(512, 8, 6, 6, 2048, batch_first=True)
        ffn = n_params(FeedForward(512, 2048))
    check(lesson, r"An encoder layer has " + NUM, n_params(enc))
    check(lesson, r"a decoder layer " + NUM, n_params(dec))
    check(lesson, r"final norms " + NUM, n_params(stacks))
    assert n_params(stacks) == n_params(t)
    assert abs(ffn / n_params(enc) - 2 / 3) < 0.01  # "two thirds of a block's parameters"
    assert "two thirds of a block's parameters" in flat(lesson)


# --- GPT --------------------------------------------------------------------------------


def _gpt(n_layer=12, n_head=12, n_embd=768):
    from ladder.transformer.gpt import GPT, GPTConfig

    with torch.device("meta"):
        return GPT(GPTConfig(n_layer=n_layer, n_head=n_head, n_embd=n_embd))


def test_gpt2_family_parameters():
    lesson = "transformer.gpt"
    small = _gpt()
    check(
        lesson, r"GPT-2 small .*?has " + NUM + r" parameters", small.num_params(non_embedding=False)
    )
    check(
        lesson, r"medium \(24 layers, \$d\$ = 1,024\) " + NUM, _gpt(24, 16, 1024).num_params(False)
    )
    check(lesson, r"large \(36, 1,280\) " + NUM, _gpt(36, 20, 1280).num_params(False))
    check(lesson, r"XL \(48, 1,600\) " + NUM, _gpt(48, 25, 1600).num_params(False))
    check(lesson, r"which saves \$V \\times d\$ parameters \(" + NUM, 50257 * 768)
    # the per-block formula 12d² + 13d
    d = 768
    assert n_params(small.h[0]) == 12 * d * d + 13 * d
    # shares of the blocks and of the token table
    for name, (L, h, width) in {
        "small": (12, 12, 768),
        "medium": (24, 16, 1024),
        "XL": (48, 25, 1600),
    }.items():
        model = _gpt(L, h, width) if name != "small" else small
        total = model.num_params(non_embedding=False)
        blocks = sum(n_params(b) for b in model.h)
        pattern = {
            "small": r"In GPT-2 small the blocks hold ([\d.]+) %",
            "medium": r"\(([\d.]+) % of GPT-2 medium",
            "XL": r"([\d.]+) % of XL\)",
        }[name]
        check(lesson, pattern, 100 * blocks / total)
        if name == "small":
            check(lesson, r"and\s+the token table ([\d.]+) %", 100 * 50257 * width / total)


def test_gpt2_small_equals_hugging_face_count():
    transformers = pytest.importorskip("transformers")
    with torch.device("meta"):
        hf = transformers.GPT2LMHeadModel(transformers.GPT2Config())
    assert hf.num_parameters() == _gpt().num_params(non_embedding=False) == 124_439_808


def test_shakespeare_model_and_initial_loss():
    from ladder.transformer.gpt import GPT
    from ladder.transformer.shakespeare import CharTokenizer, load_text, model_config, train_config

    lesson = "transformer.gpt"
    text = load_text()
    check(lesson, r"the " + NUM + r" characters of Tiny Shakespeare", len(text))
    vocab = CharTokenizer(text).vocab_size
    check(lesson, NUM + r" distinct characters", vocab)
    with torch.device("meta"):
        model = GPT(model_config(vocab))
    check(lesson, r"The model has " + NUM + r" parameters", model.num_params())
    check(lesson, r"\\ln 65 = " + NUM, math.log(vocab))
    c, t = model_config(vocab), train_config()
    assert (c.n_layer, c.n_head, c.n_embd, c.block_size, c.dropout, c.bias) == (
        4,
        4,
        128,
        64,
        0,
        False,
    )
    assert (t.batch_size, t.max_iters, t.warmup_iters) == (12, 2000, 100)
    assert (
        "4 layers, 4 heads, $d = 128$, context 64, batch 12, 2,000 AdamW steps with 100 warm-up"
        in (" ".join(LESSONS[lesson].split()))
    )
    # a freshly initialised model starts at about ln V (logits near 0)
    torch.manual_seed(0)
    real = GPT(model_config(vocab))
    ids = torch.tensor([CharTokenizer(text).encode(text[:65])])
    _, loss = real(ids[:, :64], ids[:, 1:65])
    assert abs(loss.item() - math.log(vocab)) < 0.1


def test_sampling_examples():
    from ladder.transformer.sampling import top_p_filter

    lesson = "transformer.gpt"
    z = torch.tensor([2.0, 1.0, 0.0], dtype=torch.float64)
    for tau in ("1", "0.5", "2"):
        p = torch.softmax(z / float(tau), -1).tolist()
        text = stated_text(lesson, r"\\tau = " + re.escape(tau) + r"\$ gives \$\(([^)]*)\)\$")
        assert [float(s) for s in text.split(",")] == pytest.approx(p, abs=5e-4), tau
    probs = torch.tensor([0.5, 0.25, 0.15, 0.1], dtype=torch.float64)
    kept = top_p_filter(probs.log(), 0.8)
    check(lesson, r"\$p = 0\.8\$, the first two sum to " + NUM, probs[:2].sum().item())
    check(lesson, NUM + r" tokens are kept", int(torch.isfinite(kept).sum()))
    check(lesson, r"the most likely has probability " + NUM, torch.softmax(kept, -1)[0].item())


def test_kv_cache_sizes():
    from ladder.transformer.shakespeare import model_config

    lesson = "transformer.gpt"
    small = _gpt()
    cache = small.new_cache(1)  # on meta: shapes only
    nbytes = sum(t.numel() * 4 for t in cache.keys + cache.values)
    assert nbytes == 2 * 12 * 1024 * 768 * 4
    check(lesson, r"float32\) that is " + NUM + r" MiB", nbytes / 2**20)
    c = model_config(65)
    check(
        lesson, r"context 64 it is " + NUM + r" bytes", 2 * c.n_layer * c.block_size * c.n_embd * 4
    )


@pytest.mark.slow
def test_shakespeare_validation_loss(tmp_path):
    """The lesson's two losses are what the full 2,000-step runs measure (seed 1337, one
    torch thread, as the lesson says): the lab's settings (peak learning rate 3e-3) and
    nanoGPT's (1e-3)."""
    import torch

    from ladder.transformer.shakespeare import train

    lesson = "transformer.gpt"
    for pattern, overrides in [
        (r"uses 0.003 and reaches (\d\.\d+)", {}),
        (r"iterations is (\d\.\d+) nats", {"learning_rate": 1e-3, "min_lr": 1e-4}),
    ]:
        res = train(2000, sample_chars=10, **overrides)
        # one thread (tests/conftest.py), as the lesson states; another CPU's float32
        # kernels can move the last digit, not more
        assert torch.get_num_threads() == 1
        assert abs(res.val_loss - float(stated_text(lesson, pattern))) < 0.01, (
            pattern,
            res.val_loss,
        )
        if not overrides:  # the lab's own settings: its declared full-run band holds
            from ladder.curriculum import load_curriculum

            lab = load_curriculum().labs["transformer.gpt-shakespeare"]
            band = next(b for b in lab.band if b.metric == "val_loss")
            assert band.low <= res.val_loss <= band.high, (band, res.val_loss)
    assert res.val_loss > 1.88 > float(stated_text(lesson, r"uses 0.003 and reaches (\d\.\d+)"))


# --- BERT -------------------------------------------------------------------------------


def test_bert_base_and_mlm_rates():
    from ladder.transformer.bert import BertConfig, BertEncoder

    lesson = "transformer.bert"
    with torch.device("meta"):
        ours = n_params(BertEncoder(BertConfig()))
    pooler = 768 * 768 + 768
    check(lesson, r"30,522-token WordPiece vocabulary: " + NUM, ours + pooler)
    check(lesson, r"of which " + NUM + r" are the \[CLS\]", pooler)
    check(lesson, r"leaves out \(" + NUM + r"\)", ours)
    c = BertConfig()
    assert (c.n_layer, c.n_head, c.n_embd, c.d_ff, c.vocab_size) == (12, 12, 768, 3072, 30522)
    assert "12 layers, 12 heads, $d = 768$, $d_{ff}$ = 3,072 and a 30,522-token" in " ".join(
        LESSONS[lesson].split()
    )
    check(lesson, r"So " + NUM + r" % of all tokens are masked", 100 * 0.15 * 0.8)
    check(lesson, r"masked, " + NUM + r" % replaced", 100 * 0.15 * 0.1)
    check(lesson, r"replaced and " + NUM + r" % kept", 100 * 0.15 * 0.1)
    check(lesson, r"forward passes: " + NUM + r" for 10,000", 10_000 * 9_999 // 2)


def test_bert_base_equals_hugging_face_count():
    transformers = pytest.importorskip("transformers")
    with torch.device("meta"):
        hf = transformers.BertModel(transformers.BertConfig())
    lesson = "transformer.bert"
    check(lesson, r"30,522-token WordPiece vocabulary: " + NUM, hf.num_parameters())


def test_mask_tokens_rates_empirically():
    from ladder.transformer.mlm import mask_tokens

    ids = torch.randint(10, 1000, (200, 500), generator=torch.Generator().manual_seed(0))
    x, y = mask_tokens(ids, 3, 1000, generator=torch.Generator().manual_seed(1))
    chosen = y != -100
    n = ids.numel()
    # 100,000 tokens: a binomial share has standard deviation below 0.0012
    assert abs(chosen.sum().item() / n - 0.15) < 0.005
    assert abs((x == 3).sum().item() / n - 0.12) < 0.005


@pytest.fixture(scope="module")
def minilm():
    from ladder.transformer.minilm import SentenceEncoder

    return SentenceEncoder.minilm()


def test_minilm_dimensions(minilm):
    lesson = "transformer.bert"
    c = minilm.model.config
    check(lesson, r"a BERT with " + NUM + r" layers", c.n_layer)
    check(lesson, NUM + r" heads of width", c.n_head)
    check(lesson, r"heads of width " + NUM, c.n_embd // c.n_head)
    check(lesson, r"\$d = " + NUM + r"\$, \$d_\{ff\}\$ = 1,536", c.n_embd)
    check(lesson, r"\$d_\{ff\}\$ = " + NUM + r" and BERT's", c.d_ff)
    check(lesson, r"BERT's " + NUM + r"-token vocabulary", c.vocab_size)
    check(lesson, NUM + r" parameters in our encoder", n_params(minilm.model))


def test_minilm_cosine_similarities(minilm):
    lesson = "transformer.bert"
    a, b, c = (
        "A man is playing a guitar.",
        "Someone is playing an instrument.",
        "The stock market fell sharply today.",
    )
    for s in (a, b, c):
        assert f'"{s}"' in flat(lesson)
    e = minilm.encode([a, b, c])
    check(lesson, r"have cosine similarity " + NUM, (e[0] @ e[1]).item())
    about = float(stated_text(lesson, r"scores about \$(-\d\.\d+)\$"))
    for other in (e[0] @ e[2], e[1] @ e[2]):
        assert abs(other.item() - about) < 0.01  # "about": both within 0.01 of it


# --- Hugging Face -----------------------------------------------------------------------


def test_hugging_face_walkthrough(minilm):
    transformers = pytest.importorskip("transformers")
    from ladder.transformer.bert import mean_pool
    from ladder.transformer.minilm import minilm_dir

    lesson = "transformer.hugging-face"
    sentence = "The transformer reads every word at once."
    assert f'["{sentence}"]' in LESSONS[lesson]
    folder = str(minilm_dir())
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    batch = tokenizer([sentence], return_tensors="pt")
    tokens = tokenizer.convert_ids_to_tokens(batch["input_ids"][0])
    assert " ".join(tokens) == stated_text(lesson, r"gives \d+ tokens: `([^`]*)`")
    check(lesson, r"gives " + NUM + r" tokens", len(tokens))
    assert tokens == minilm.tokenizer.encode(sentence).tokens  # our tokenizer agrees
    model = transformers.AutoModel.from_pretrained(folder).eval()
    with torch.no_grad():
        out = model(**batch)
    shape = tuple(out.last_hidden_state.shape)
    assert f"# {shape}" in " ".join(LESSONS[lesson].split()).replace(", ", ", ")
    c = model.config
    assert (c.num_hidden_layers, c.num_attention_heads, c.hidden_size, c.intermediate_size) == (
        6, 12, 384, 1536,
    )  # fmt: skip
    emb = torch.nn.functional.normalize(
        mean_pool(out.last_hidden_state, batch["attention_mask"]), dim=1
    )
    torch.testing.assert_close(
        emb, minilm.encode([sentence]), rtol=0, atol=1e-5
    )  # the 1e-5
    extract = transformers.pipeline("feature-extraction", model=folder, tokenizer=folder)
    assert 'framework="pt"' not in LESSONS[lesson]  # no longer a pipeline parameter
    feats = torch.tensor(extract(sentence))
    assert tuple(feats.shape) == (1, 11, 384) and "1 × 11 × 384" in LESSONS[lesson]
    torch.testing.assert_close(feats, out.last_hidden_state, rtol=0, atol=1e-5)


def test_hugging_face_classes_and_attention_weights(minilm):
    """The Auto classes pick what the lesson says; attention weights need eager attention."""
    import json

    transformers = pytest.importorskip("transformers")
    from ladder.transformer.minilm import minilm_dir

    lesson = "transformer.hugging-face"
    folder = minilm_dir()
    config = json.loads((folder / "tokenizer_config.json").read_text())
    assert config["tokenizer_class"] == "BertTokenizer"
    assert '"tokenizer_class":\n"BertTokenizer"' in LESSONS[lesson].replace('": ', '":\n')
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(folder))
    assert type(tokenizer).__name__ == "BertTokenizer" and tokenizer.is_fast
    assert transformers.BertTokenizerFast is transformers.BertTokenizer
    batch = tokenizer(["The transformer reads every word at once."], return_tensors="pt")
    sdpa = transformers.AutoModel.from_pretrained(str(folder)).eval()
    assert sdpa.config._attn_implementation == "sdpa"
    with torch.no_grad():
        assert not sdpa(**batch, output_attentions=True).attentions  # none returned
    eager = transformers.AutoModel.from_pretrained(str(folder), attn_implementation="eager")
    with torch.no_grad():
        att = eager.eval()(**batch, output_attentions=True).attentions
    assert len(att) == 6 and tuple(att[0].shape) == (1, 12, 11, 11)
    torch.testing.assert_close(att[0].sum(-1), torch.ones(1, 12, 11))
    assert 'attn_implementation="eager"' in LESSONS[lesson]


def test_fine_tuning_walkthrough(tmp_path, minilm):
    """The lesson's fine-tuning recipe, offline: MiniLM's classifier head, then a tiny,
    randomly initialised BERT fine-tuned with datasets.map, DataCollatorWithPadding and
    Trainer on a toy task it must learn (does the sentence contain "good"?)."""
    transformers = pytest.importorskip("transformers")
    datasets = pytest.importorskip("datasets")
    from ladder.transformer.minilm import minilm_dir

    lesson = "transformer.hugging-face"
    folder = str(minilm_dir())
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    clf = transformers.AutoModelForSequenceClassification.from_pretrained(folder, num_labels=2)
    head = sum(p.numel() for p in clf.classifier.parameters())
    check(lesson, r"384 → 2: " + NUM + r" parameters", head)
    assert tuple(clf.bert.pooler.dense.weight.shape) == (384, 384)  # "384 → 384 tanh layer"
    assert type(clf.bert.pooler.activation).__name__ == "Tanh"

    rng = np.random.default_rng(0)
    words = "the film plot actor scene music story was very quite rather".split()
    texts, labels = [], []
    for i in range(64):
        body = list(rng.choice(words, size=int(rng.integers(3, 9))))
        label = i % 2
        body.insert(int(rng.integers(0, len(body))), "good" if label else "bad")
        texts.append(" ".join(body))
        labels.append(label)
    data = datasets.Dataset.from_dict({"text": texts, "label": labels})
    data = data.map(lambda batch: tokenizer(batch["text"], truncation=True), batched=True)
    assert set(data.column_names) == {
        "text", "label", "input_ids", "token_type_ids", "attention_mask"
    }  # fmt: skip
    import inspect

    assert inspect.signature(datasets.Dataset.map).parameters["batch_size"].default == 1000
    collator = transformers.DataCollatorWithPadding(tokenizer)
    rows = [{k: data[i][k] for k in ("input_ids", "attention_mask", "label")} for i in range(4)]
    out = collator(rows)
    assert "labels" in out and "label" not in out
    assert out["input_ids"].shape[1] == max(len(r["input_ids"]) for r in rows)  # dynamic

    config = transformers.BertConfig(
        vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2,
        num_attention_heads=2, intermediate_size=64, num_labels=2,
    )  # fmt: skip
    torch.manual_seed(0)
    model = transformers.AutoModelForSequenceClassification.from_config(config)
    args = transformers.TrainingArguments(
        output_dir=str(tmp_path), learning_rate=5e-3, num_train_epochs=8,
        per_device_train_batch_size=16, use_cpu=True, report_to="none",
        save_strategy="no", logging_steps=4, seed=0,
    )  # fmt: skip
    # the defaults the lesson names
    assert args.lr_scheduler_type == "linear" and args.max_grad_norm == 1.0
    assert args.weight_decay == 0.0 and "adamw" in str(args.optim).lower()
    trainer = transformers.Trainer(
        model=model, args=args, train_dataset=data, data_collator=collator
    )
    trainer.train()
    losses = [h["loss"] for h in trainer.state.log_history if "loss" in h]
    assert losses[-1] < 0.5 * losses[0]
    pred = trainer.predict(data)
    assert (pred.predictions.argmax(-1) == np.array(labels)).mean() >= 0.9


# --- the encoder-decoder family ------------------------------------------------------


def test_t5_and_bart_sizes_and_structure():
    transformers = pytest.importorskip("transformers")
    lesson = "transformer.encoder-decoder"
    with torch.device("meta"):
        t5 = transformers.T5ForConditionalGeneration(transformers.T5Config())  # t5-small
        base = transformers.BartForConditionalGeneration(
            transformers.BartConfig(
                d_model=768, encoder_layers=6, decoder_layers=6, encoder_attention_heads=12,
                decoder_attention_heads=12, encoder_ffn_dim=3072, decoder_ffn_dim=3072,
            )
        )  # fmt: skip
        large = transformers.BartForConditionalGeneration(transformers.BartConfig())
    c = t5.config
    assert (c.num_layers, c.num_decoder_layers, c.d_model, c.num_heads, c.d_ff) == (
        6,
        6,
        512,
        8,
        2048,
    )
    check(
        lesson, r"T5-small has 6 encoder .*? and a\s+" + NUM + r"-token SentencePiece", c.vocab_size
    )
    check(lesson, r"shared by input and output: " + NUM + r" parameters", t5.num_parameters())
    assert c.relative_attention_num_buckets == 32 and "(32 buckets" in LESSONS[lesson]
    # only the first layer of each stack holds the relative position table
    holders = [n for n, _ in t5.named_parameters() if "relative_attention_bias" in n]
    assert holders == [
        "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
        "decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
    ]
    # no biases anywhere, and a scale-only norm
    assert not [n for n, _ in t5.named_parameters() if n.endswith(".bias")]
    norm = transformers.models.t5.modeling_t5.T5LayerNorm(4)
    x = torch.tensor([[1.0, 2.0, 3.0, 4.0]])
    torch.testing.assert_close(norm(x), x / torch.sqrt((x**2).mean(-1, keepdim=True) + 1e-6))
    check(lesson, r"50,265 tokens: " + NUM + r" parameters", base.num_parameters())
    assert base.config.vocab_size == 50265
    check(lesson, r"\$d\$ = 1,024\) " + NUM, large.num_parameters())
    assert (large.config.encoder_layers, large.config.d_model) == (12, 1024)


def test_beam_search_example():
    import numpy as np

    from ladder.transformer.beam import beam_search

    lesson = "transformer.gpt"
    # tokens: 0 = "the", 1 = "a", 2 = "cat" (also the prompt, as a start token)
    first = [float(stated_text(lesson, r"the first word is `the` with probability " + NUM)),
             float(stated_text(lesson, r"or `a` with " + NUM))]  # fmt: skip
    after_the = float(stated_text(lesson, r"after `the` no word has more than " + NUM))
    after_a = float(stated_text(lesson, r"the word `cat` has " + NUM))
    p = np.array([
        [after_the, (1 - after_the) / 2, (1 - after_the) / 2],
        [(1 - after_a) / 2, (1 - after_a) / 2, after_a],
        [*first, 1 - sum(first)],
    ])  # fmt: skip
    step = lambda seqs: np.log(p[[s[-1] for s in seqs]])  # noqa: E731
    greedy, score_g = beam_search(step, [2], 1, 2)[0]
    beam, score_b = beam_search(step, [2], 2, 2)[0]
    assert greedy == [2, 0, 0] and beam == [2, 1, 2]  # "the …" and "a cat"
    check(lesson, r"two words have probability\s+[\d.]+ × [\d.]+ = " + NUM, math.exp(score_g))
    check(lesson, r"finds `a cat`, [\d.]+ × [\d.]+ = " + NUM, math.exp(score_b))
