"""Parity: our LoRA against PEFT's ``LoraConfig`` / ``get_peft_model`` on the same base.

The base is a small BERT (ours, random weights) and, for the cross-library check, Hugging
Face's ``BertModel`` with the same weights. Both sides get identical adapter matrices (B
set non-zero, else the adapter is invisible): outputs, gradients of A and B, merged
weights and adapter files must agree.
"""

from __future__ import annotations

import copy

import pytest

torch = pytest.importorskip("torch")
peft = pytest.importorskip("peft")
transformers = pytest.importorskip("transformers")

from ladder.llm.lora import (  # noqa: E402
    LoRALinear,
    adapter_state_dict,
    apply_lora,
    count_parameters,
    load_adapter,
    load_adapter_weights,
    lora_layers,
    merge_and_unload,
    merge_lora,
    save_adapter,
    unmerge_lora,
)
from ladder.transformer.bert import BertConfig, BertEncoder  # noqa: E402
from ladder.transformer.hf_bert import load_bert_weights  # noqa: E402
from ladder.transformer.weights import WeightMismatchError  # noqa: E402

# float32 throughout. The adapter adds a rank-4 product to each projection; PEFT computes
# the same three matmuls in the same order, so the outputs agree to rounding: hidden
# values are O(1) after LayerNorm and 2 layers of ~64-term sums give errors ~1e-6.
ATOL = 1e-5
TARGETS = ["q_proj", "v_proj"]


@pytest.fixture(autouse=True)
def _one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _base(seed: int = 0) -> BertEncoder:
    torch.manual_seed(seed)
    cfg = BertConfig(
        vocab_size=90, n_positions=24, n_layer=2, n_head=4, n_embd=32, d_ff=48, dropout=0.0
    )
    return BertEncoder(cfg).eval()


def _inputs():
    g = torch.Generator().manual_seed(1)
    idx = torch.randint(1, 90, (3, 7), generator=g)
    mask = torch.ones(3, 7, dtype=torch.long)
    mask[1, 5:] = 0
    return idx, mask


def _pair(r=4, alpha=8):
    """(our LoRA model, PEFT's model) on copies of one base, with identical A and B."""
    base = _base()
    ours = apply_lora(copy.deepcopy(base), TARGETS, r=r, alpha=alpha)
    theirs = peft.get_peft_model(
        copy.deepcopy(base), peft.LoraConfig(r=r, lora_alpha=alpha, target_modules=TARGETS)
    )
    g = torch.Generator().manual_seed(2)
    with torch.no_grad():
        for name, layer in lora_layers(ours).items():
            p = theirs.base_model.model.get_submodule(name)
            layer.lora_B.normal_(0, 0.2, generator=g)  # non-zero so the adapter matters
            p.lora_A["default"].weight.copy_(layer.lora_A)
            p.lora_B["default"].weight.copy_(layer.lora_B)
    return ours, theirs


def test_lora_linear_starts_as_the_base_and_counts_parameters():
    torch.manual_seed(0)
    lin = torch.nn.Linear(16, 10)
    layer = LoRALinear(copy.deepcopy(lin), r=3, alpha=6)
    x = torch.randn(5, 16)
    torch.testing.assert_close(layer(x), lin(x), atol=0, rtol=0)  # B = 0 at the start
    assert count_parameters(layer) == (3 * 16 + 10 * 3, 16 * 10 + 10 + 3 * 16 + 10 * 3)
    assert layer.scaling == 2.0


def test_forward_and_gradients_equal_peft():
    ours, theirs = _pair()
    idx, mask = _inputs()
    out_o, out_t = ours(idx, attention_mask=mask), theirs(idx, attention_mask=mask)
    torch.testing.assert_close(out_o, out_t, atol=ATOL, rtol=0)
    w = torch.randn_like(out_o)  # a random linear loss so every output element matters
    (out_o * w).sum().backward()
    (out_t * w).sum().backward()
    for name, layer in lora_layers(ours).items():
        p = theirs.base_model.model.get_submodule(name)
        torch.testing.assert_close(
            layer.lora_A.grad, p.lora_A["default"].weight.grad, atol=ATOL, rtol=1e-4
        )
        torch.testing.assert_close(
            layer.lora_B.grad, p.lora_B["default"].weight.grad, atol=ATOL, rtol=1e-4
        )
    # the same parameters are trainable: A and B of 2 layers × 2 targets
    trainable_t = sum(p.numel() for p in theirs.parameters() if p.requires_grad)
    assert count_parameters(ours)[0] == trainable_t == 2 * 2 * (4 * 32 + 32 * 4)


def test_merged_weights_equal_peft_and_unmerge_restores():
    ours, theirs = _pair()
    idx, mask = _inputs()
    before = ours(idx, attention_mask=mask)
    w0 = {n: m.base.weight.clone() for n, m in lora_layers(ours).items()}
    merge_lora(ours)
    torch.testing.assert_close(ours(idx, attention_mask=mask), before, atol=ATOL, rtol=0)
    unmerge_lora(ours)
    for n, m in lora_layers(ours).items():  # W + ΔW − ΔW: float32 rounding of O(0.1) values
        torch.testing.assert_close(m.base.weight, w0[n], atol=1e-6, rtol=0)
    merged_o = merge_and_unload(ours).state_dict()
    merged_t = theirs.merge_and_unload().state_dict()
    assert merged_o.keys() == merged_t.keys()  # plain Linear layers back under their names
    for k in merged_o:
        torch.testing.assert_close(merged_o[k], merged_t[k], atol=1e-6, rtol=0)


def test_peft_loads_our_adapter_and_we_load_peft_adapter(tmp_path):
    ours, theirs = _pair()
    idx, mask = _inputs()
    save_adapter(ours, tmp_path / "ours")
    loaded_t = peft.PeftModel.from_pretrained(_base(), tmp_path / "ours")
    torch.testing.assert_close(
        loaded_t(idx, attention_mask=mask), ours(idx, attention_mask=mask), atol=ATOL, rtol=0
    )
    theirs.save_pretrained(tmp_path / "peft")
    loaded_o = load_adapter(_base(), tmp_path / "peft")
    torch.testing.assert_close(
        loaded_o(idx, attention_mask=mask), theirs(idx, attention_mask=mask), atol=ATOL, rtol=0
    )


def test_modules_to_save_round_trip_with_peft(tmp_path):
    base = _base()
    base.head = torch.nn.Linear(32, 3)  # a new head trained in full beside the adapters
    ours = apply_lora(copy.deepcopy(base), ["q_proj"], r=2, alpha=4, modules_to_save=["head"])
    assert all(p.requires_grad for p in ours.head.parameters())
    with torch.no_grad():
        ours.head.weight.add_(1.0)
    save_adapter(ours, tmp_path)
    loaded = peft.PeftModel.from_pretrained(copy.deepcopy(base), tmp_path)
    got = loaded.base_model.model.head.modules_to_save["default"].weight
    torch.testing.assert_close(got, ours.head.weight, atol=0, rtol=0)


def test_same_adapter_on_hugging_face_bert_and_ours():
    """PEFT on HF BertModel (query/value) equals our LoRA on our BERT (q_proj/v_proj)."""
    hf = transformers.BertModel(
        transformers.BertConfig(
            vocab_size=90,
            hidden_size=32,
            num_hidden_layers=2,
            num_attention_heads=4,
            intermediate_size=48,
            max_position_embeddings=24,
            hidden_dropout_prob=0.0,
            attention_probs_dropout_prob=0.0,
        ),
        add_pooling_layer=False,
    ).eval()
    ours = load_bert_weights(_base(), hf.state_dict())
    apply_lora(ours, TARGETS, r=4, alpha=8)
    theirs = peft.get_peft_model(
        hf, peft.LoraConfig(r=4, lora_alpha=8, target_modules=["query", "value"])
    )
    g = torch.Generator().manual_seed(3)
    with torch.no_grad():
        for name, layer in lora_layers(ours).items():
            i, kind = name.split(".")[1], {"q_proj": "query", "v_proj": "value"}[name[-6:]]
            p = theirs.base_model.model.encoder.layer[int(i)].attention.self.get_submodule(kind)
            layer.lora_B.normal_(0, 0.2, generator=g)
            p.lora_A["default"].weight.copy_(layer.lora_A)
            p.lora_B["default"].weight.copy_(layer.lora_B)
    idx, mask = _inputs()
    got = ours(idx, attention_mask=mask)
    want = theirs(input_ids=idx, attention_mask=mask).last_hidden_state
    keep = mask.bool()  # HF computes padded positions too; compare the real tokens
    torch.testing.assert_close(got[keep], want[keep], atol=ATOL, rtol=0)


# ---- bad input --------------------------------------------------------------------------


def test_unknown_target_module_is_named():
    with pytest.raises(ValueError, match=r"'qproj' matches no module.*q_proj"):
        apply_lora(_base(), ["qproj"])


def test_target_that_is_not_linear():
    with pytest.raises(TypeError, match="LayerNorm"):
        apply_lora(_base(), ["norm1"])


@pytest.mark.parametrize("r", [0, -2, 2.5])
def test_rank_must_be_positive_integer(r):
    with pytest.raises(ValueError, match="rank r must be a positive integer"):
        apply_lora(_base(), TARGETS, r=r)
    with pytest.raises(ValueError, match="rank r must be a positive integer"):
        LoRALinear(torch.nn.Linear(4, 4), r=r)


def test_rank_larger_than_layer():
    with pytest.raises(ValueError, match="exceeds the layer"):
        LoRALinear(torch.nn.Linear(4, 3), r=5)


def test_mismatched_adapter_lists_names_and_shapes(tmp_path):
    small = apply_lora(_base(), TARGETS, r=2, alpha=4)
    state = adapter_state_dict(small)
    big = apply_lora(_base(), TARGETS, r=4, alpha=8)
    with pytest.raises(
        WeightMismatchError, match=r"mis-shaped: .*q_proj\.lora_A\.weight is \[4, 32\]"
    ):
        load_adapter_weights(big, state)
    only_q = apply_lora(_base(), ["q_proj"], r=2, alpha=4)
    with pytest.raises(WeightMismatchError, match=r"extra \(4\): .*v_proj\.lora_A\.weight"):
        load_adapter_weights(only_q, state)


def test_save_without_adapters_and_missing_folder(tmp_path):
    with pytest.raises(ValueError, match="no LoRA adapters"):
        save_adapter(_base(), tmp_path)
    with pytest.raises(FileNotFoundError, match="adapter_config.json"):
        load_adapter(_base(), tmp_path / "nowhere")
