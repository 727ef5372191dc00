"""Token ids in the wrong form for GPT/BERT, and a negative generation length."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from ladder.transformer.bert import BertConfig, BertEncoder  # noqa: E402
from ladder.transformer.gpt import GPT, GPTConfig  # noqa: E402

CFG = GPTConfig(vocab_size=20, block_size=8, n_layer=1, n_head=2, n_embd=8)


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    return GPT(CFG).eval()


def test_one_dimensional_ids(model):
    with pytest.raises(ValueError, match=r"shape \(batch, time\), got \(3,\); wrap .*idx\[None\]"):
        model(torch.tensor([1, 2, 3]))
    with pytest.raises(ValueError, match=r"got \(\)"):
        model(torch.tensor(4))


@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.uint8])
def test_numpy_integer_ids_are_accepted(model, dtype):
    ids = np.array([[1, 2, 3]], dtype=dtype)
    expected, _ = model(torch.tensor([[1, 2, 3]]))
    got, _ = model(ids)
    torch.testing.assert_close(got, expected, rtol=0, atol=0)
    got, _ = model([[1, 2, 3]])  # a nested list too
    torch.testing.assert_close(got, expected, rtol=0, atol=0)
    out = model.generate(ids, 2, greedy=True)
    assert out.dtype == torch.int64 and out.shape == (1, 5)


def test_float_or_text_ids_rejected(model):
    with pytest.raises(TypeError, match="integer tensor, got dtype torch.float64"):
        model(np.array([[1.0, 2.0]]))
    with pytest.raises(TypeError, match="token ids must be a .* tensor of integers, got str"):
        model("hello")


@pytest.mark.parametrize(
    ("n", "error", "match"),
    [
        (-1, ValueError, r"max_new_tokens must be >= 0 .*got -1"),
        (2.5, TypeError, r"max_new_tokens must be an int, got 2.5"),
        (True, TypeError, r"max_new_tokens must be an int, got True"),
    ],
)
def test_generation_length(model, n, error, match):
    with pytest.raises(error, match=match):
        model.generate(torch.tensor([[1, 2]]), n)


def test_zero_new_tokens_returns_the_prompt(model):
    prompt = torch.tensor([[1, 2]])
    assert torch.equal(model.generate(prompt, 0), prompt)
    assert torch.equal(model.generate(prompt, np.int64(0)), prompt)


def test_bert_takes_the_same_ids():
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=30, n_positions=16, n_layer=1, n_head=2, n_embd=8, d_ff=16)
    enc = BertEncoder(cfg).eval()
    expected = enc(torch.tensor([[1, 5, 2]]))
    torch.testing.assert_close(enc(np.array([[1, 5, 2]])), expected, rtol=0, atol=0)
    with pytest.raises(ValueError, match=r"shape \(batch, time\)"):
        enc(torch.tensor([1, 5, 2]))
