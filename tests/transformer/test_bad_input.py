"""Bad input gives errors that name the problem, show the value and say how to fix it."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from ladder.transformer.gpt import GPT, GPTConfig  # noqa: E402
from ladder.transformer.kv_cache import KVCache  # noqa: E402

CFG = GPTConfig(vocab_size=20, block_size=8, n_layer=1, n_head=2, n_embd=8)


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    return GPT(CFG).eval()


def test_context_overflow(model):
    with pytest.raises(
        ValueError, match=r"length 9 is longer than the context of 8 .*idx\[:, -8:\]"
    ):
        model(torch.zeros(1, 9, dtype=torch.long))


def test_context_overflow_through_cache(model):
    cache = model.new_cache(1)
    model(torch.zeros(1, 6, dtype=torch.long), cache=cache)
    with pytest.raises(ValueError, match="length 9 is longer than the context of 8"):
        model(torch.zeros(1, 3, dtype=torch.long), cache=cache)


def test_out_of_vocab_prompt(model):
    with pytest.raises(ValueError, match=r"must lie in \[0, 20\), found \[20, 25\]"):
        model.generate(torch.tensor([[1, 20, 25]]), 3)
    with pytest.raises(ValueError, match=r"found \[-1\]"):
        model(torch.tensor([[-1, 2]]))


def test_float_ids_rejected(model):
    with pytest.raises(TypeError, match="integer tensor"):
        model(torch.zeros(1, 3))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"temperature": 0}, "temperature must be > 0"),
        ({"top_p": 0}, "top_p must lie in"),
        ({"top_p": 1.01}, "top_p must lie in"),
    ],
)
def test_invalid_sampling_in_generate(model, kwargs, match):
    with pytest.raises(ValueError, match=match):
        model.generate(torch.tensor([[1, 2]]), 3, **kwargs)


def test_empty_prompt(model):
    with pytest.raises(ValueError, match="time ≥ 1"):
        model.generate(torch.zeros(1, 0, dtype=torch.long), 3)


def test_cache_overflow_message():
    cache = KVCache(1, 1, 1, 4, 2)
    cache.append(0, torch.zeros(1, 1, 3, 2), torch.zeros(1, 1, 3, 2))
    cache.advance(3)
    with pytest.raises(ValueError, match="holds 4 positions and already has 3"):
        cache.append(0, torch.zeros(1, 1, 2, 2), torch.zeros(1, 1, 2, 2))


def test_indivisible_heads():
    with pytest.raises(ValueError, match="n_embd=10 is not divisible by n_head=4"):
        GPT(GPTConfig(vocab_size=5, block_size=4, n_layer=1, n_head=4, n_embd=10))
