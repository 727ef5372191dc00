"""Parity: RMSNorm, RoPE, SwiGLU, GQA and our Llama against Hugging Face's Llama.

HF's ``LlamaForCausalLM`` is built from a small ``LlamaConfig`` with random weights (its
RMSNorm gains randomised too, so the name map is tested on every tensor) and copied into
ours by the explicit name map of ``ladder.llm.hf_llama``.

Tolerances (float32): the two models do the same operations in the same order with the
same kernels (SDPA, F.linear), so logits agree to the bit here; the stated tolerance
1e-5 on logits of size ~1 allows for a kernel that sums in another order (k·eps·Σ|terms|
≈ 64 · 6e-8 · 10 ≈ 4e-5 at worst for 64-term dot products of size-10 sums, in practice
~1e-7), and is far below the ~1e-2 a wrong weight or a wrong rotation produces.
"""

from __future__ import annotations

import dataclasses

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.llm.gqa import GroupedQueryAttention, repeat_kv  # noqa: E402
from ladder.llm.hf_llama import (  # noqa: E402
    config_from_hf_llama,
    from_hf_llama,
    llama_name_map,
    load_hf_llama,
)
from ladder.llm.llama import Llama, LlamaConfig  # noqa: E402
from ladder.llm.rmsnorm import RMSNorm, rms_norm  # noqa: E402
from ladder.llm.rope import RotaryEmbedding, apply_rope, rope_tables, rotate_half  # noqa: E402
from ladder.llm.swiglu import SwiGLU, llama_hidden_size  # noqa: E402
from ladder.transformer.weights import WeightMismatchError  # noqa: E402

ATOL = 1e-5
VOCAB = 97


def hf_llama(n_layer=2, n_head=6, n_kv_head=2, seed=0, tie=False, theta=10000.0):
    torch.manual_seed(seed)
    cfg = transformers.LlamaConfig(
        vocab_size=VOCAB, hidden_size=48, intermediate_size=80, num_hidden_layers=n_layer,
        num_attention_heads=n_head, num_key_value_heads=n_kv_head, max_position_embeddings=64,
        rms_norm_eps=1e-5, tie_word_embeddings=tie,
        rope_parameters={"rope_type": "default", "rope_theta": theta},
        bos_token_id=0, eos_token_id=0, pad_token_id=0,
    )  # fmt: skip
    model = transformers.LlamaForCausalLM(cfg).eval()
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() == 1:  # RMSNorm gains start at 1: randomise so the map is tested
                p.add_(0.1 * torch.randn_like(p))
    return model


@pytest.fixture(scope="module")
def pair():
    hf = hf_llama()
    return hf, from_hf_llama(hf).eval()


def ids(B=3, T=20, seed=1):
    return torch.randint(0, VOCAB, (B, T), generator=torch.Generator().manual_seed(seed))


# --- units against Hugging Face's own functions --------------------------------------------


def test_rmsnorm_equals_hf_and_torch():
    from transformers.models.llama.modeling_llama import LlamaRMSNorm

    x = torch.randn(3, 5, 24) * 3
    ref = LlamaRMSNorm(24, eps=1e-5)
    ours = RMSNorm(24, eps=1e-5)
    with torch.no_grad():
        ref.weight.copy_(torch.randn(24))
        ours.weight.copy_(ref.weight)
    torch.testing.assert_close(ours(x), ref(x), atol=1e-6, rtol=0)
    torch.testing.assert_close(ours(x), torch.nn.functional.rms_norm(x, (24,), ours.weight, 1e-5),
                               atol=1e-6, rtol=1e-6)  # fmt: skip
    # bf16 input: the statistic in float32, the result cast back (as HF)
    xb = x.bfloat16()
    assert ours(xb).dtype == ref(xb).dtype
    torch.testing.assert_close(ours(xb), ref(xb), atol=0, rtol=0)
    # the worked example: RMS of (3, 4) is √12.5, so (3, 4) / 3.5355
    out = rms_norm(torch.tensor([3.0, 4.0]), torch.ones(2), eps=0.0)
    torch.testing.assert_close(out, torch.tensor([0.848528, 1.131371]), atol=1e-6, rtol=0)


def test_rope_equals_hf():
    from transformers.models.llama.modeling_llama import (
        LlamaRotaryEmbedding,
        apply_rotary_pos_emb,
    )
    from transformers.models.llama.modeling_llama import rotate_half as hf_rotate_half

    cfg = transformers.LlamaConfig(hidden_size=48, num_attention_heads=6,
                                   max_position_embeddings=64)  # fmt: skip
    hf_rope = LlamaRotaryEmbedding(cfg)
    q, k = torch.randn(2, 6, 11, 8), torch.randn(2, 2, 11, 8)
    offset = 7  # positions 7 … 17, as with a KV cache of 7 tokens
    pos = torch.arange(offset, offset + 11)[None]
    cos, sin = hf_rope(q, pos)
    rq, rk = apply_rotary_pos_emb(q, k, cos, sin)
    ours = RotaryEmbedding(8, 64)
    oq, ok = ours(q, k, offset)
    torch.testing.assert_close(oq, rq, atol=0, rtol=0)  # same float32 ops: bit-equal
    torch.testing.assert_close(ok, rk, atol=0, rtol=0)
    torch.testing.assert_close(rotate_half(q), hf_rotate_half(q), atol=0, rtol=0)


def test_rope_scores_depend_on_offset_only():
    # ⟨R(m)q, R(n)k⟩ = ⟨q, R(n−m)k⟩: shift both positions by 13, the score stays (float64)
    cos, sin = rope_tables(40, 16, dtype=torch.float64)
    q, k = torch.randn(16, dtype=torch.float64), torch.randn(16, dtype=torch.float64)

    def score(m, n):
        return float(apply_rope(q, cos[m], sin[m]) @ apply_rope(k, cos[n], sin[n]))

    assert score(2, 9) == pytest.approx(score(15, 22), abs=1e-12)
    assert abs(score(2, 9) - score(2, 10)) > 1e-3  # but the offset itself matters
    # a rotation keeps the length of each vector
    assert float(apply_rope(q, cos[5], sin[5]).norm()) == pytest.approx(float(q.norm()), abs=1e-12)


def test_swiglu_equals_hf_mlp():
    from transformers.models.llama.modeling_llama import LlamaMLP

    cfg = transformers.LlamaConfig(hidden_size=24, intermediate_size=40, num_attention_heads=4)
    ref = LlamaMLP(cfg)
    ours = SwiGLU(24, 40)
    ours.load_state_dict(ref.state_dict())
    x = torch.randn(2, 7, 24)
    torch.testing.assert_close(ours(x), ref(x), atol=0, rtol=0)
    assert llama_hidden_size(4096) == 11008 and llama_hidden_size(5120) == 13824


def test_repeat_kv_equals_hf_and_repeat_interleave():
    from transformers.models.llama.modeling_llama import repeat_kv as hf_repeat_kv

    x = torch.randn(2, 3, 5, 4)  # 3 K/V heads, each to serve 4 query heads
    torch.testing.assert_close(repeat_kv(x, 4), hf_repeat_kv(x, 4), atol=0, rtol=0)
    torch.testing.assert_close(repeat_kv(x, 4), x.repeat_interleave(4, dim=1), atol=0, rtol=0)
    assert repeat_kv(x, 1) is x


def test_fused_and_written_out_gqa_agree():
    rope = RotaryEmbedding(8, 32)
    fused = GroupedQueryAttention(48, 6, 2, rope, fused=True)
    plain = GroupedQueryAttention(48, 6, 2, rope, fused=False)
    plain.load_state_dict(fused.state_dict())
    x = torch.randn(2, 9, 48)
    torch.testing.assert_close(fused(x), plain(x), atol=1e-6, rtol=0)


# --- the whole model -----------------------------------------------------------------------


def test_logits_and_loss_equal_hf(pair):
    hf, ours = pair
    idx = ids()
    with torch.no_grad():
        ref = hf(idx, labels=idx)
        full, _ = ours(idx)
        _, loss = ours(idx[:, :-1], targets=idx[:, 1:])  # HF shifts labels inside
    torch.testing.assert_close(full, ref.logits, atol=ATOL, rtol=0)
    torch.testing.assert_close(loss, ref.loss, atol=ATOL, rtol=0)


@pytest.mark.parametrize("n_kv_head", [6, 3, 1])  # multi-head, grouped, multi-query
def test_every_grouping_equals_hf(n_kv_head):
    hf = hf_llama(n_kv_head=n_kv_head, seed=n_kv_head, tie=n_kv_head == 1, theta=500.0)
    ours = from_hf_llama(hf).eval()
    assert ours.config.tie_weights == (n_kv_head == 1)
    idx = ids(B=2, T=33, seed=n_kv_head)
    with torch.no_grad():
        torch.testing.assert_close(ours(idx)[0], hf(idx).logits, atol=ATOL, rtol=0)
    assert ours.num_params() == sum(p.numel() for p in hf.parameters())


def test_written_out_attention_gives_same_logits(pair):
    _, ours = pair
    plain = Llama(dataclasses.replace(ours.config, fused_attention=False)).eval()
    plain.load_state_dict(ours.state_dict())
    idx = ids()
    with torch.no_grad():
        torch.testing.assert_close(plain(idx)[0], ours(idx)[0], atol=ATOL, rtol=0)


def test_cache_logits_equal_full_forward(pair):
    _, ours = pair
    idx = ids(B=2, T=16)
    cache = ours.new_cache(2)
    with torch.no_grad():
        full, _ = ours(idx)
        a, _ = ours(idx[:, :10], cache=cache)  # a prefix, then one token, then five
        b, _ = ours(idx[:, 10:11], cache=cache)
        c, _ = ours(idx[:, 11:], cache=cache)
    torch.testing.assert_close(torch.cat([a, b, c], 1), full, atol=ATOL, rtol=0)
    # the cache holds n_kv_head = 2 heads, not n_head = 6: three times smaller
    assert cache.keys[0].shape == (2, 2, 64, 8)


def test_greedy_generation_equals_hf_with_and_without_cache(pair):
    hf, ours = pair
    prompt = ids(B=2, T=5, seed=3)
    ref = hf.generate(prompt, max_new_tokens=40, do_sample=False, pad_token_id=0,
                      eos_token_id=None)  # fmt: skip
    cached = ours.generate(prompt, 40, greedy=True, use_cache=True)
    plain = ours.generate(prompt, 40, greedy=True, use_cache=False)
    assert torch.equal(cached, plain)
    assert torch.equal(cached, ref)


def test_sampling_with_and_without_cache_identical(pair):
    _, ours = pair
    prompt = ids(B=2, T=3, seed=4)
    # 70 new tokens run past block_size = 64: the cache is refilled, as the uncached path
    a = ours.generate(prompt, 70, temperature=0.9, top_k=20,
                      generator=torch.Generator().manual_seed(5))  # fmt: skip
    b = ours.generate(prompt, 70, temperature=0.9, top_k=20, use_cache=False,
                      generator=torch.Generator().manual_seed(5))  # fmt: skip
    assert torch.equal(a, b)


def test_gradients_equal_hf():
    hf = hf_llama(seed=7).train()
    ours = from_hf_llama(hf).train()
    idx = ids(seed=8)
    hf(idx, labels=idx).loss.backward()
    ours(idx[:, :-1], idx[:, 1:])[1].backward()
    theirs = dict(hf.named_parameters())
    for name, src in llama_name_map(2).items():
        g = dict(ours.named_parameters())[name].grad
        # gradients of size ~1e-2; the same float32 ops, so agreement to ~1e-8
        torch.testing.assert_close(g, theirs[src].grad, atol=1e-6, rtol=0, msg=name)


# --- bad input -----------------------------------------------------------------------------


def test_mismatched_checkpoint_lists_names_and_shapes(pair):
    hf, _ = pair
    state = dict(hf.state_dict())
    wrong = Llama(dataclasses.replace(config_from_hf_llama(hf.config), n_kv_head=3))
    with pytest.raises(WeightMismatchError) as err:
        load_hf_llama(wrong, state)
    msg = str(err.value)
    assert "layers.0.self_attn.k_proj.weight is [24, 48] in the model, [16, 48] given" in msg
    del state["model.layers.1.mlp.up_proj.weight"]
    state["model.layers.9.mlp.extra.weight"] = torch.zeros(1)
    right = Llama(config_from_hf_llama(hf.config))
    with pytest.raises(WeightMismatchError) as err:
        load_hf_llama(right, state)
    assert "missing (1): layers.1.mlp.up_proj.weight" in str(err.value)
    assert "extra (1): model.layers.9.mlp.extra.weight" in str(err.value)


@pytest.mark.parametrize(
    "change, message",
    [
        (dict(n_head=5), "n_embd=48 is not divisible by n_head=5"),
        (dict(n_kv_head=4), "n_head=6 is not divisible by n_kv_head=4"),
        (dict(n_kv_head=0), "n_head and n_kv_head must be ≥ 1"),
        (dict(n_embd=36, n_head=4), "head width n_embd / n_head must be even"),
        (dict(vocab_size=0), "vocab_size must be a positive integer"),
        (dict(hidden=2.5), "hidden must be a positive integer"),
        (dict(dropout=1.0), "dropout must lie in [0, 1)"),
    ],
)
def test_bad_config(change, message):
    base = LlamaConfig(vocab_size=VOCAB, block_size=16, n_layer=1, n_head=6, n_kv_head=2,
                       n_embd=48, hidden=64)  # fmt: skip
    with pytest.raises(ValueError) as err:
        Llama(dataclasses.replace(base, **change))
    assert message in str(err.value)


def test_bad_inputs(pair):
    _, ours = pair
    with pytest.raises(ValueError, match="longer than the context of 64"):
        ours(ids(B=1, T=65))
    with pytest.raises(ValueError, match=r"token ids must lie in \[0, 97\)"):
        ours(torch.tensor([[1, 97]]))
    with pytest.raises(ValueError, match="time ≥ 1"):
        ours.generate(torch.zeros(1, 0, dtype=torch.long), 3)
    with pytest.raises(ValueError, match="temperature must be > 0"):
        ours.generate(ids(B=1, T=2), 3, temperature=0.0)
    with pytest.raises(ValueError, match="RoPE rotates channel pairs"):
        RotaryEmbedding(7, 10)
    with pytest.raises(ValueError, match="eps must be > 0"):
        RMSNorm(8, eps=0.0)
    hf_bad = transformers.LlamaConfig(hidden_size=48, num_attention_heads=6, hidden_act="gelu")
    with pytest.raises(ValueError, match="hidden_act='gelu'"):
        config_from_hf_llama(hf_bad)
