"""Parity: our GPT against Hugging Face GPT2LMHeadModel with the same (random) weights."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.transformer.gpt import GPT, GPTConfig  # noqa: E402
from ladder.transformer.hf_gpt2 import from_hf_gpt2, gpt2_name_map, load_hf_gpt2  # noqa: E402
from ladder.transformer.weights import WeightMismatchError  # noqa: E402
from tests.tolerance import linear_terms_scale, network_atol  # noqa: E402

# float32 on both sides (the GPT-2 reference runs in float32). Matmuls in a different
# order/kernel (HF's fused SDPA vs ours) differ in rounding only; the bound is derived per
# case by gpt_atol from the sums the model forms (tests/tolerance.py, network_atol).
VOCAB = 97


def gpt_atol(hf, idx, *, loss=None) -> float:
    """Bound for the logits of a GPT-2 ``hf`` (Hugging Face's, or ours) on ``idx``, or with
    ``loss`` for the gradients of that loss (the model called with ``labels=idx``).

    Per block 6 sum-forming stages (q/k/v projection, scores, weighted sum of values,
    output projection, the MLP's two matmuls) plus the LM head, each summing at most
    max(4·n_embd, T, vocab) terms; the backward pass forms as many again, and its weight
    gradients sum over all B·T positions. ``scale``: the largest Σ|terms| measured in
    those matmuls."""
    cfg = hf.config
    depth = 6 * cfg.n_layer + 1
    width = max(4 * cfg.n_embd, idx.shape[1], cfg.vocab_size)
    if loss is not None:
        depth, width = 2 * depth, max(width, idx.numel())
    extra = {} if loss is None else {"labels": idx}
    scale = linear_terms_scale(hf, idx, loss=loss, **extra)
    return network_atol(np.float32, depth=depth, width=width, scale=scale)


def _hf(n_layer=2, seed=0, activation="gelu_new", init=0.02):
    torch.manual_seed(seed)
    cfg = transformers.GPT2Config(
        activation_function=activation,
        initializer_range=init,
        vocab_size=VOCAB,
        n_positions=48,
        n_embd=32,
        n_layer=n_layer,
        n_head=4,
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=0,
    )
    model = transformers.GPT2LMHeadModel(cfg).eval()
    # GPT-2 initialises LayerNorm to (1, 0) and biases to 0; randomise them too, so the map
    # is tested on every tensor, not only on the ones that start random
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() == 1:
                p.add_(0.1 * torch.randn_like(p))
    return model


@pytest.fixture(scope="module")
def pair():
    hf = _hf()
    return hf, from_hf_gpt2(hf).eval()


def _idx(B=3, T=20, seed=1):
    return torch.randint(0, VOCAB, (B, T), generator=torch.Generator().manual_seed(seed))


@pytest.mark.parametrize("fused", [True, False])
def test_logits_and_loss_equal_hf(pair, fused):
    hf, ours = pair
    if not fused:  # the written-out attention of attention.py, same weights
        ours2 = GPT(dataclasses.replace(ours.config, fused_attention=False)).eval()
        ours2.load_state_dict(ours.state_dict())
        ours = ours2
    idx = _idx()
    with torch.no_grad():
        ref = hf(idx, labels=idx)
        logits, loss = ours(idx[:, :-1], targets=idx[:, 1:])  # HF shifts labels inside
        full, _ = ours(idx)
    atol = gpt_atol(hf, idx)
    torch.testing.assert_close(full, ref.logits, atol=atol, rtol=0)
    # the loss: a mean of log-sum-exps of the logits, each moved at most atol by them
    torch.testing.assert_close(loss, ref.loss, atol=2 * atol, rtol=0)


def test_exact_gelu_equals_hf_gelu():
    # nanoGPT's MLP uses the exact GELU (nn.GELU()); HF's GPT-2 does with "gelu". Weights
    # of std 0.3 put the MLP's inputs where the two GELUs differ (up to ~2e-4 near |x| = 2)
    # and logits up to ~7: the exact GELU matches HF to the bit here, the tanh one is off
    # by 1.3e-3, more than twice the derived bound for these magnitudes.
    hf = _hf(activation="gelu", init=0.3)
    ours = from_hf_gpt2(hf).eval()
    assert ours.config.gelu_approximate == "none"
    idx = _idx()
    atol = gpt_atol(hf, idx)
    assert atol < 1.3e-3 / 2  # the bound still tells the two GELUs apart (4.9e-4 here)
    with torch.no_grad():
        ref = hf(idx).logits
        torch.testing.assert_close(ours(idx)[0], ref, atol=atol, rtol=0)
        tanh = GPT(dataclasses.replace(ours.config, gelu_approximate="tanh"))
        tanh.load_state_dict(ours.state_dict())
        assert (tanh.eval()(idx)[0] - ref).abs().max() > 2 * atol
    with pytest.raises(ValueError, match="'tanh' or 'none'"):
        GPT(dataclasses.replace(ours.config, gelu_approximate="erf"))
    with pytest.raises(ValueError, match="'relu'"):
        from_hf_gpt2(_hf(activation="relu"))


def test_weights_are_tied(pair):
    _, ours = pair
    assert ours.lm_head.weight is ours.wte.weight


def test_greedy_generation_matches_hf_and_cache(pair):
    hf, ours = pair
    prompt = _idx(B=2, T=4, seed=2)
    with_cache = ours.generate(prompt, 30, greedy=True, use_cache=True)
    without = ours.generate(prompt, 30, greedy=True, use_cache=False)
    ref = hf.generate(
        prompt, attention_mask=torch.ones_like(prompt), max_new_tokens=30, do_sample=False
    )
    assert_same_greedy(with_cache, without, ours, gpt_atol(ours, without))
    assert_same_greedy(with_cache, ref, hf, gpt_atol(hf, ref))


def assert_same_greedy(a, b, model, atol):
    """Equal greedy continuations, except after a position where the two chosen tokens'
    logits tie to within rounding (2·atol apart at most): there either choice is correct,
    and the sequences may go separate ways after it."""
    for row in range(a.shape[0]):
        differ = (a[row] != b[row]).nonzero()
        if len(differ) == 0:
            continue
        t = int(differ[0])
        with torch.no_grad():
            logits = model(a[row : row + 1, :t])[0][0, -1]
        gap = float((logits[a[row, t]] - logits[b[row, t]]).abs())
        assert gap <= 2 * atol, f"row {row} differs at {t} with a logit gap of {gap:.3g}"


def test_cache_equals_no_cache_when_sampling_past_the_context(pair):
    _, ours = pair
    prompt = _idx(B=2, T=5, seed=3)
    kw = dict(temperature=0.9, top_k=20, top_p=0.9)
    # 60 new tokens > block_size 48: the window slides, the cache is refilled
    a = ours.generate(prompt, 60, use_cache=True, generator=torch.Generator().manual_seed(0), **kw)
    b = ours.generate(prompt, 60, use_cache=False, generator=torch.Generator().manual_seed(0), **kw)
    assert a.shape == (2, 65)
    assert torch.equal(a, b)


def test_cached_logits_equal_full_forward(pair):
    _, ours = pair
    idx = _idx(B=2, T=12, seed=4)
    with torch.no_grad():
        full, _ = ours(idx)
        cache = ours.new_cache(2)
        parts = [ours(idx[:, :5], cache=cache)[0], ours(idx[:, 5:9], cache=cache)[0]]
        parts += [ours(idx[:, t : t + 1], cache=cache)[0] for t in range(9, 12)]
    torch.testing.assert_close(torch.cat(parts, 1), full, atol=gpt_atol(ours, idx), rtol=0)


def test_name_map_names_every_hf_tensor():
    hf = _hf(n_layer=3)
    assert set(gpt2_name_map(3).values()) == set(hf.state_dict())


def test_mismatched_weights_are_listed_by_name():
    hf = _hf()
    state = dict(hf.state_dict())
    state.pop("transformer.h.1.ln_2.bias")
    state["transformer.h.0.mlp.c_fc.weight"] = torch.zeros(32, 64)  # 4·n_embd would be 128
    state["transformer.h.9.attn.c_attn.weight"] = torch.zeros(1)
    ours = GPT(GPTConfig(vocab_size=VOCAB, block_size=48, n_layer=2, n_head=4, n_embd=32))
    with pytest.raises(WeightMismatchError) as err:
        load_hf_gpt2(ours, state)
    msg = str(err.value)
    assert "missing (1): h.1.ln_2.bias" in msg
    assert "extra (1): transformer.h.9.attn.c_attn.weight" in msg
    assert "mis-shaped: h.0.mlp.c_fc.weight is [128, 32] in the model, [64, 32] given" in msg


def test_training_step_gradients_match_hf(pair):
    hf, ours = pair
    idx = _idx(B=2, T=16, seed=5)
    _, loss = ours(idx[:, :-1], targets=idx[:, 1:])
    ref = hf(idx, labels=idx).loss
    g_ours = torch.autograd.grad(loss, [ours.h[0].attn.c_attn.weight, ours.wte.weight])
    g_ref = torch.autograd.grad(
        ref, [hf.transformer.h[0].attn.c_attn.weight, hf.transformer.wte.weight]
    )
    atol = gpt_atol(hf, idx, loss=lambda out: out.loss)
    torch.testing.assert_close(g_ours[0], g_ref[0].t(), atol=atol, rtol=0)  # Conv1D: (in, out)
    torch.testing.assert_close(g_ours[1], g_ref[1], atol=atol, rtol=0)
