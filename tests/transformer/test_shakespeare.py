"""The char-level Shakespeare GPT: tokenizer unit tests and a tiny end-to-end smoke run."""

from __future__ import annotations

import json

import pytest

torch = pytest.importorskip("torch")

from ladder.transformer.gpt import GPT  # noqa: E402
from ladder.transformer.shakespeare import (  # noqa: E402
    CharTokenizer,
    generate_from_checkpoint,
    model_config,
    train,
)
from ladder.transformer.training import load_checkpoint, save_checkpoint  # noqa: E402


def test_char_tokenizer_roundtrip_and_unknown():
    tok = CharTokenizer("hello world")
    assert tok.vocab_size == 8  # ' ', d, e, h, l, o, r, w
    assert tok.decode(tok.encode("low")) == "low"
    with pytest.raises(ValueError, match=r"characters \['z'\] are not in the vocabulary"):
        tok.encode("z")


def test_nanogpt_cpu_configuration():
    c = model_config()
    assert (c.n_layer, c.n_head, c.n_embd, c.block_size, c.dropout) == (4, 4, 128, 64, 0.0)


@pytest.mark.slow
def test_smoke_run_on_real_text(tmp_path):
    from ladder.transformer.shakespeare import load_text

    text = load_text()
    assert len(text) == 1_115_394
    res = train(
        max_iters=30,
        out_dir=tmp_path,
        text=text[:100_000],
        final_eval_iters=2,
        sample_chars=20,
        eval_interval=15,
        eval_iters=2,
    )
    assert res.val_loss < 4.2  # ln(65) ≈ 4.17 is the loss of uniform guessing
    assert len(res.sample) == 21
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["iters"] == 30
    model, ckpt = load_checkpoint(tmp_path / "ckpt.pt")
    assert ckpt["extra"]["chars"][0] == "\n" and model.config.n_layer == 4


def test_generate_from_checkpoint(tmp_path):
    tok = CharTokenizer("abc\n")
    torch.manual_seed(0)
    path = save_checkpoint(tmp_path / "ckpt.pt", GPT(model_config(tok.vocab_size)),
                           extra={"chars": tok.chars})  # fmt: skip
    text = generate_from_checkpoint(path, prompt="ab", max_new_tokens=70, seed=1)
    assert text.startswith("ab") and len(text) == 72 and set(text) <= set("abc\n")
    # the same seed gives the same text, with or without the KV cache
    again = generate_from_checkpoint(path, prompt="ab", max_new_tokens=70, seed=1,
                                     use_cache=False)  # fmt: skip
    assert again == text
    with pytest.raises(ValueError, match="not in the vocabulary"):
        generate_from_checkpoint(path, prompt="xyz")
    with pytest.raises(ValueError, match="temperature must be > 0"):
        generate_from_checkpoint(path, temperature=0)
    bare = save_checkpoint(tmp_path / "bare.pt", GPT(model_config(4)))
    with pytest.raises(ValueError, match="holds no character vocabulary"):
        generate_from_checkpoint(bare)
