"""Parity: our int8 quantisation against ``torch.ao.quantization.quantize_dynamic``.

Per layer, on the same input, our ``DynamicInt8Linear`` equals torch's
``DynamicQuantizedLinear`` (x86/fbgemm) to float rounding: the int8 weights and scales are
identical, the activation integers are identical, and the int32 sums are exact; only the
last float32 rescale and bias add may round differently, ≤ 2 ulp of the output, so the
tolerance is 8·2⁻²³·max|y| (4 times that); in practice they agree to the bit. Through a
whole model, a 1-ulp difference in one layer's output can move one of the next layer's
activations across a rounding boundary (one quantisation step): end to end, 4 of 5
batches agree to the bit and the fifth within the quantisation error itself.
"""

from __future__ import annotations

import warnings

import pytest

torch = pytest.importorskip("torch")

from ladder.llm.llama import Llama, LlamaConfig  # noqa: E402
from ladder.llm.quantize import (  # noqa: E402
    DynamicInt8Linear,
    Int8WeightOnlyLinear,
    absmax_quantize,
    affine_params,
    calibrate,
    model_bytes,
    quantize_dynamic,
    quantize_static,
    quantize_weight_only,
)

EPS32 = 2.0**-23


def torch_dynamic(model):
    from torch.ao.quantization import quantize_dynamic as reference

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization's deprecation notices
        return reference(model, {torch.nn.Linear}, dtype=torch.qint8)


@pytest.fixture(scope="module")
def llama():
    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=101, block_size=32, n_layer=2, n_head=4, n_kv_head=2,
                      n_embd=64, hidden=96)  # fmt: skip
    return Llama(cfg).eval()


def test_worked_examples():
    q, s = absmax_quantize(torch.tensor([0.5, -1.27, 0.01]))
    assert q.tolist() == [50, -127, 1] and float(s) == pytest.approx(0.01, abs=1e-9)
    # per row: each output channel its own scale
    q, s = absmax_quantize(torch.tensor([[1.0, -2.0], [0.1, 0.05]]), dim=1)
    assert q.tolist() == [[64, -127], [127, 64]]
    assert s.flatten().tolist() == pytest.approx([2 / 127, 0.1 / 127])
    assert affine_params(-1.0, 3.0, 0, 255) == (pytest.approx(4 / 255), 64)
    assert affine_params(0.5, 2.0, 0, 127) == (pytest.approx(2 / 127), 0)  # 0 kept in range
    assert affine_params(0.0, 0.0) == (0.1, 0)


def test_weights_equal_torch():
    torch.manual_seed(1)
    lin = torch.nn.Linear(40, 24)
    with torch.no_grad():
        lin.weight[3, 5] = -lin.weight.abs().max() * 1.5  # the absmax weight is negative
    ref = torch_dynamic(torch.nn.Sequential(lin))[0]
    ours = DynamicInt8Linear.from_float(lin)
    assert torch.equal(ours.weight_q, ref.weight().int_repr())
    assert float(ours.w_scale) == ref.weight().q_scale()  # max|W| / 127.5, bit for bit


@pytest.mark.parametrize("scale, shift", [(1.0, 0.0), (3.0, 0.4), (0.05, -0.2), (8.0, 2.0)])
def test_each_layer_equals_torch(scale, shift):
    torch.manual_seed(2)
    lin = torch.nn.Linear(48, 40)
    with torch.no_grad():
        lin.weight[7, 2] = -lin.weight.abs().max() * 1.2  # q = −128 in torch's storage
    ref = torch_dynamic(torch.nn.Sequential(lin))[0]
    ours = DynamicInt8Linear.from_float(lin)
    x = torch.randn(2, 9, 48) * scale + shift
    with torch.no_grad():
        y_ref, y = ref(x), ours(x)
    torch.testing.assert_close(y, y_ref, atol=8 * EPS32 * float(y_ref.abs().max()), rtol=0)


def test_llama_layers_and_logits_against_torch(llama):
    ours, ref = quantize_dynamic(llama), torch_dynamic(llama)
    idx = torch.randint(0, 101, (3, 24), generator=torch.Generator().manual_seed(3))
    # every linear layer on the float model's own inputs to it
    inputs = {}
    hooks = [m.register_forward_pre_hook(lambda m, a, n=n: inputs.setdefault(n, a[0]))
             for n, m in llama.named_modules() if isinstance(m, torch.nn.Linear)]  # fmt: skip
    with torch.no_grad():
        full, _ = llama(idx)
    for h in hooks:
        h.remove()
    assert len(inputs) == 2 * 7 + 1
    with torch.no_grad():
        for name, x in inputs.items():
            a, b = ours.get_submodule(name)(x), ref.get_submodule(name)(x)
            torch.testing.assert_close(a, b, atol=8 * EPS32 * float(b.abs().max()), rtol=0)
        q_ref = ref(idx)[0]
    # end to end: usually identical; where one layer's float32 output differs by an ulp, a
    # next-layer activation can round the other way, which moves the logits by at most
    # about the quantisation error itself
    err_ref = float((q_ref - full).abs().max())  # what quantisation itself costs
    assert 0 < err_ref < 0.05 * float(full.abs().max())
    exact = 0
    for seed in range(5):
        idx = torch.randint(0, 101, (3, 24), generator=torch.Generator().manual_seed(seed))
        with torch.no_grad():
            a, b, f = ours(idx)[0], ref(idx)[0], llama(idx)[0]
        diff = float((a - b).abs().max())
        exact += diff <= 8 * EPS32 * float(b.abs().max())
        assert diff <= float((b - f).abs().max())
    assert exact >= 4  # measured: 4 of these 5 batches agree to the bit


def test_weight_only_error_within_rounding_bound():
    # each weight is off by at most s_i / 2, so |Δy_i| ≤ (s_i / 2) Σ_j |x_j|
    torch.manual_seed(4)
    lin = torch.nn.Linear(64, 32)
    q = Int8WeightOnlyLinear.from_float(lin)
    x = torch.randn(10, 64)
    with torch.no_grad():
        err = (q(x) - lin(x)).abs()
    bound = (q.scale.flatten() / 2) * x.abs().sum(-1, keepdim=True)
    assert bool((err <= bound + 1e-5).all())
    assert float(err.max()) > 0


def test_calibrated_equals_dynamic_on_its_calibration_batch(llama):
    # calibrated on exactly the input it then sees, a static layer is the dynamic layer
    idx = torch.randint(0, 101, (2, 16), generator=torch.Generator().manual_seed(5))
    ranges = calibrate(llama, [idx])
    static, dynamic = quantize_static(llama, ranges), quantize_dynamic(llama)
    x = llama.norm(llama.embed_tokens(idx)) * 3
    one = torch.nn.Sequential(llama.lm_head)
    r = calibrate(one, [x])
    with torch.no_grad():
        a = quantize_static(one, r)(x)
        torch.testing.assert_close(a, quantize_dynamic(one)(x), atol=0, rtol=0)
        # the whole model: both within the quantisation error of the float model
        full, s, d = llama(idx)[0], static(idx)[0], dynamic(idx)[0]
    assert float((s - full).abs().max()) < 0.05 * float(full.abs().max())
    assert float((s - d).abs().max()) < 0.05 * float(full.abs().max())
    # calibrated on two batches, each range covers both
    other = torch.randint(0, 101, (2, 16), generator=torch.Generator().manual_seed(6))
    r2 = calibrate(llama, [idx, other])
    r3 = calibrate(llama, [other])
    for name, (lo, hi) in r2.items():
        assert lo == min(ranges[name][0], r3[name][0]) and hi == max(ranges[name][1], r3[name][1])


def test_sizes(llama):
    f32 = model_bytes(llama)
    sizes = {
        "weight-only": model_bytes(quantize_weight_only(llama)),
        "dynamic": model_bytes(quantize_dynamic(llama)),
        "torch": model_bytes(torch_dynamic(llama)),
    }
    # 4 bytes → 1 byte per weight; embeddings and norms stay float32 here
    n_linear = sum(m.weight.numel() for m in llama.modules() if isinstance(m, torch.nn.Linear))
    n_rest = sum(p.numel() for p in llama.parameters()) - n_linear
    for name, size in sizes.items():
        assert size < 0.5 * f32, name
        assert size >= n_linear + 4 * n_rest, name


def test_bad_input(llama):
    with pytest.raises(ValueError, match="no nn.Linear layers"):
        quantize_dynamic(torch.nn.Sequential(torch.nn.ReLU()))
    with pytest.raises(ValueError, match="no calibrated range"):
        quantize_static(llama, {})
    with pytest.raises(ValueError, match="at least one batch"):
        calibrate(llama, [])
    skip = quantize_weight_only(llama, skip=["lm_head"])
    assert isinstance(skip.lm_head, torch.nn.Linear)
    assert isinstance(skip.layers[0].mlp.up_proj, Int8WeightOnlyLinear)
