"""Parity: top-k routing, the load-balancing loss and our Mixtral against Hugging Face's
``MixtralForCausalLM`` (small config, random weights copied by the explicit name map).

Tolerances (float32): logits of size ~1 agree to ~5e-8 (the experts' outputs are summed
in the same order, with index_add_, on both sides), so 1e-5 as for Llama; the aux loss is
a sum of E = 4 products of means over ≤ 200 router rows, good to ~1e-7 relative: 1e-6.
"""

from __future__ import annotations

import dataclasses

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from ladder.llm.hf_llama import (  # noqa: E402
    config_from_hf_mixtral,
    from_hf_mixtral,
    load_hf_mixtral,
)
from ladder.llm.llama import LlamaConfig  # noqa: E402
from ladder.llm.mixtral import Mixtral, MixtralConfig  # noqa: E402
from ladder.llm.moe import MoEFeedForward, load_balancing_loss, top_k_routing  # noqa: E402
from ladder.transformer.weights import WeightMismatchError  # noqa: E402

VOCAB = 97


def hf_mixtral(n_expert=4, k=2, seed=0, coef=0.02):
    torch.manual_seed(seed)
    cfg = transformers.MixtralConfig(
        vocab_size=VOCAB, hidden_size=48, intermediate_size=40, num_hidden_layers=2,
        num_attention_heads=6, num_key_value_heads=2, num_local_experts=n_expert,
        num_experts_per_tok=k, max_position_embeddings=64, router_aux_loss_coef=coef,
        bos_token_id=0, eos_token_id=0, pad_token_id=0,
    )  # fmt: skip
    model = transformers.MixtralForCausalLM(cfg).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.dim() == 1:
                p.add_(0.1 * torch.randn_like(p))
            if name.endswith("gate.weight"):  # decisive routing: no near-ties in top-k
                p.mul_(20)
    return model


def ids(B=3, T=20, seed=1):
    return torch.randint(0, VOCAB, (B, T), generator=torch.Generator().manual_seed(seed))


@pytest.mark.parametrize("n_expert, k", [(4, 2), (5, 1), (3, 3)])
def test_logits_aux_and_loss_equal_hf(n_expert, k):
    hf = hf_mixtral(n_expert, k, seed=n_expert)
    ours = from_hf_mixtral(hf).eval()
    idx = ids(seed=k)
    with torch.no_grad():
        ref = hf(idx, labels=idx, output_router_logits=True)
        # HF's loss covers positions 0 … T−2 (labels shifted inside) and its aux loss all
        # T positions: give ours the full sequence with the last target ignored (−100)
        targets = torch.cat([idx[:, 1:], torch.full((3, 1), -100)], dim=1)
        logits, loss = ours(idx, targets)
    torch.testing.assert_close(logits, ref.logits, atol=1e-5, rtol=0)
    torch.testing.assert_close(ours.aux_loss, ref.aux_loss, atol=1e-6, rtol=1e-6)
    torch.testing.assert_close(loss, ref.loss, atol=1e-5, rtol=0)
    # the router logits of each layer are HF's too
    for block, theirs in zip(ours.layers, ref.router_logits, strict=True):
        torch.testing.assert_close(block.mlp.router_logits, theirs, atol=1e-5, rtol=0)


def test_load_balancing_loss_equals_hf_function():
    from transformers.models.mixtral.modeling_mixtral import load_balancing_loss_func

    g = torch.Generator().manual_seed(0)
    layers = tuple(torch.randn(30, 6, generator=g) * 2 for _ in range(3))
    for k in (1, 2, 4):
        ref = load_balancing_loss_func(layers, 6, k)
        torch.testing.assert_close(load_balancing_loss(layers, k), ref, atol=1e-6, rtol=1e-6)


def test_load_balancing_loss_values():
    # perfectly even with k = 2: tokens choose experts {0,1}, {2,3}, {1,2}, {3,0} equally
    # sure: f_e = 2/4 and P_e = 1/4 for every e → 4 · Σ (1/2)(1/4) = 2 = k
    pairs = torch.tensor([[0, 1], [2, 3], [1, 2], [3, 0]])
    even = torch.full((4, 4), -50.0).scatter(1, pairs, 50.0)
    assert float(load_balancing_loss(even, 2)) == pytest.approx(2.0, abs=1e-6)
    # all tokens sure of expert 0: f = (1, 0, …), P ≈ (1, 0, …) → E · 1 = E
    skew = torch.tensor([[50.0, 0, 0, 0]]).repeat(10, 1)
    assert float(load_balancing_loss(skew, 1)) == pytest.approx(4.0, abs=1e-6)
    # each token sure of a different expert, spread evenly: f = P = 1/E → 1
    spread = torch.eye(4) * 50
    assert float(load_balancing_loss(spread, 1)) == pytest.approx(1.0, abs=1e-6)


def test_top_k_routing_matches_hf_router():
    from transformers.models.mixtral.modeling_mixtral import MixtralTopKRouter

    cfg = transformers.MixtralConfig(hidden_size=12, num_local_experts=5, num_experts_per_tok=2,
                                     num_attention_heads=2)  # fmt: skip
    router = MixtralTopKRouter(cfg)
    torch.nn.init.normal_(router.weight)
    x = torch.randn(9, 12)
    logits, weights, indices = router(x)
    w, i = top_k_routing(logits, 2)
    assert torch.equal(i, indices)
    torch.testing.assert_close(w, weights, atol=1e-7, rtol=0)
    torch.testing.assert_close(w.sum(-1), torch.ones(9), atol=1e-6, rtol=0)


def test_moe_layer_equals_dense_mixture():
    # the sparse loop equals the dense formula Σ_e gate_e(x) · FFN_e(x) with zero gates off
    moe = MoEFeedForward(8, 12, n_expert=3, k=2)
    x = torch.randn(2, 5, 8)
    out = moe(x)
    flat = x.reshape(-1, 8)
    w, i = top_k_routing(moe.router_logits, 2)
    dense = torch.zeros_like(flat)
    for e, expert in enumerate(moe.experts):
        gate = (w * (i == e)).sum(-1, keepdim=True)
        dense += gate * expert(flat)
    torch.testing.assert_close(out.reshape(-1, 8), dense, atol=1e-6, rtol=0)


def test_aux_loss_gradient_reaches_router_only_through_probabilities():
    cfg = MixtralConfig(vocab_size=VOCAB, block_size=16, n_layer=1, n_head=2, n_kv_head=1,
                        n_embd=16, hidden=24, n_expert=4, top_k=2)  # fmt: skip
    model = Mixtral(cfg)
    model(ids(B=2, T=8))
    model.aux_loss.backward()
    assert model.layers[0].mlp.gate.weight.grad.abs().sum() > 0
    assert model.layers[0].mlp.experts[0].up_proj.weight.grad is None  # not in the aux graph


def test_bad_input():
    hf = hf_mixtral()
    cfg = config_from_hf_mixtral(hf.config)
    with pytest.raises(WeightMismatchError) as err:
        load_hf_mixtral(Mixtral(dataclasses.replace(cfg, n_expert=3)), hf.state_dict())
    assert "layers.0.mlp.gate.weight is [3, 48] in the model, [4, 48] given" in str(err.value)
    with pytest.raises(WeightMismatchError) as err:
        load_hf_mixtral(Mixtral(dataclasses.replace(cfg, hidden=32)), hf.state_dict())
    assert "layers.0.mlp.experts.0.down_proj.weight is [48, 32] in the model, [48, 40]" in str(
        err.value
    )
    with pytest.raises(ValueError, match=r"top_k must lie in \[1, n_expert=4\], got 5"):
        Mixtral(dataclasses.replace(cfg, top_k=5))
    with pytest.raises(TypeError, match="needs a MixtralConfig"):
        Mixtral(LlamaConfig(vocab_size=10, block_size=8, n_layer=1, n_head=2, n_kv_head=1,
                            n_embd=8, hidden=8))  # fmt: skip
    with pytest.raises(ValueError, match=r"top_k must lie in \[1, 3\]"):
        top_k_routing(torch.zeros(2, 3), 0)
