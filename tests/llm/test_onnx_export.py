"""Parity: our GPT exported to ONNX, run by ONNX Runtime, against PyTorch.

Same weights, same float32 operators, different kernels (ONNX Runtime's MatMul and
LayerNorm sum in their own order): logits of size ~1 agree to ~3e-7, so 1e-5 as for the
other float32 parities; greedy tokens are identical.
"""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("onnxruntime")

from ladder.llm.onnx_export import OnnxGPT, export_gpt  # noqa: E402
from ladder.transformer.gpt import GPT, GPTConfig  # noqa: E402


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    torch.manual_seed(0)
    model = GPT(GPTConfig(vocab_size=65, block_size=32, n_layer=2, n_head=4, n_embd=48)).eval()
    path = tmp_path_factory.mktemp("onnx") / "gpt.onnx"
    return model, OnnxGPT.from_gpt(model, path)


@pytest.mark.parametrize("shape", [(1, 1), (2, 9), (3, 32)])
def test_logits_equal_pytorch(pair, shape):
    model, ort_model = pair
    idx = torch.randint(0, 65, shape, generator=torch.Generator().manual_seed(shape[1]))
    with torch.no_grad():
        ref, _ = model(idx)
    torch.testing.assert_close(ort_model.logits(idx), ref, atol=1e-5, rtol=0)


def test_greedy_tokens_equal_pytorch(pair):
    model, ort_model = pair
    idx = torch.randint(0, 65, (1, 4), generator=torch.Generator().manual_seed(1))
    # 40 new tokens run past block_size = 32: both crop to the last 32
    ref = model.generate(idx, 40, greedy=True, use_cache=False)
    assert torch.equal(ort_model.generate(idx, 40), ref)


def test_bad_input(pair, tmp_path):
    _, ort_model = pair
    with pytest.raises(ValueError, match="longer than the context of 32"):
        ort_model.logits(torch.zeros(1, 33, dtype=torch.long))
    with pytest.raises(ValueError, match=r"token ids must lie in \[0, 65\)"):
        ort_model.logits(torch.tensor([[70]]))
    with pytest.raises(FileNotFoundError, match="no ONNX model"):
        OnnxGPT(tmp_path / "none.onnx", 65, 32)
    with pytest.raises(TypeError, match="exports a ladder GPT"):
        export_gpt(torch.nn.Linear(2, 2), tmp_path / "x.onnx")
