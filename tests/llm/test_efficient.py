"""Efficient training: accumulation equals the big batch, checkpointing gives the same
gradients with less saved memory (measured), bf16 autocast stays within bf16 error.

Tolerances: accumulation adds k partial gradients of size ~1e-2 in another order than
one batch's mean: float32 rounding, ~1e-8 absolute, so 1e-6. Checkpointing recomputes the
same operations on the same inputs: bit-identical here (asserted with 0 tolerance).
bf16 keeps 8 significant bits (relative error 2⁻⁸ ≈ 4e-3 per rounding): the loss moves
by ~1e-3, so 3e-2 relative; gradients point the same way (cosine > 0.99).
"""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from ladder.llm.efficient import (  # noqa: E402
    accumulate_gradients,
    autocast_loss,
    disable_checkpointing,
    enable_checkpointing,
    saved_activation_bytes,
)
from ladder.llm.llama import Llama, LlamaConfig  # noqa: E402
from ladder.transformer.gpt import GPT, GPTConfig  # noqa: E402

CFG = LlamaConfig(vocab_size=67, block_size=32, n_layer=3, n_head=4, n_kv_head=2, n_embd=48,
                  hidden=96)  # fmt: skip


def model(seed=0):
    torch.manual_seed(seed)
    return Llama(CFG).train()


def batch(B=8, T=32, seed=1):
    g = torch.Generator().manual_seed(seed)
    x = torch.randint(0, 67, (B, T), generator=g)
    return x, torch.randint(0, 67, (B, T), generator=g)


def grads(m):
    return {n: p.grad.clone() for n, p in m.named_parameters()}


@pytest.mark.parametrize("k", [2, 4])
def test_accumulation_equals_big_batch(k):
    x, y = batch()
    big, acc = model(), model()
    big(x, y)[1].backward()
    micro = list(zip(x.chunk(k), y.chunk(k), strict=True))
    loss = accumulate_gradients(acc, micro)
    assert loss == pytest.approx(float(big(x, y)[1].detach()), abs=1e-5)
    g_big, g_acc = grads(big), grads(acc)
    for name in g_big:
        torch.testing.assert_close(g_acc[name], g_big[name], atol=1e-6, rtol=0, msg=name)
    # and so one SGD step lands on the same weights (lr · 1e-6 apart). (Not AdamW: it
    # divides by √v, and for a gradient of ~1e-9 the rounding noise sets the sign.)
    for m in (big, acc):
        torch.optim.SGD(m.parameters(), lr=0.1).step()
    for (n, a), b in zip(acc.named_parameters(), big.parameters(), strict=True):
        torch.testing.assert_close(a, b, atol=1e-6, rtol=0, msg=n)


@pytest.mark.parametrize("make", [model, lambda: GPT(GPTConfig(vocab_size=67, block_size=32,
                                  n_layer=3, n_head=4, n_embd=48)).train()])  # fmt: skip
def test_checkpointing_same_gradients_less_memory(make):
    x, y = batch()
    torch.manual_seed(0)
    plain = make()
    ckpt = make()
    ckpt.load_state_dict(plain.state_dict())
    enable_checkpointing(ckpt)
    loss_p, mem_p = saved_activation_bytes(plain, lambda: plain(x, y)[1])
    loss_c, mem_c = saved_activation_bytes(ckpt, lambda: ckpt(x, y)[1])
    loss_p.backward()
    loss_c.backward()
    assert torch.equal(loss_c, loss_p)
    g_p, g_c = grads(plain), grads(ckpt)
    for name in g_p:
        torch.testing.assert_close(g_c[name], g_p[name], atol=0, rtol=0, msg=name)
    # three blocks' activations are no longer stored: at least 3× less saved memory
    assert mem_c * 3 < mem_p
    assert set(ckpt.state_dict()) == set(plain.state_dict())
    disable_checkpointing(ckpt)
    _, mem_again = saved_activation_bytes(ckpt, lambda: ckpt(x, y)[1])
    assert mem_again == mem_p


def test_bf16_autocast_close_to_float32():
    m = model()
    x, y = batch()
    loss32 = m(x, y)[1]
    loss32.backward()
    g32 = torch.cat([p.grad.flatten() for p in m.parameters()])
    m.zero_grad()
    loss16 = autocast_loss(m, x, y)
    loss16.backward()
    g16 = torch.cat([p.grad.flatten() for p in m.parameters()])
    assert loss16.dtype == torch.float32
    assert float(loss16) == pytest.approx(float(loss32.detach()), rel=3e-2)
    assert float(loss16) != float(loss32.detach())  # it did run in bf16
    assert all(p.dtype == torch.float32 and p.grad.dtype == torch.float32
               for p in m.parameters())  # fmt: skip
    cos = torch.nn.functional.cosine_similarity(g16, g32, dim=0)
    assert float(cos) > 0.99


def test_bad_input():
    m = model()
    x, y = batch()
    with pytest.raises(ValueError, match="at least one micro-batch"):
        accumulate_gradients(m, [])
    with pytest.raises(ValueError, match="equal shapes"):
        accumulate_gradients(m, [(x[:3], y[:3]), (x[3:], y[3:])])
    with pytest.raises(ValueError, match="autocast dtype"):
        autocast_loss(m, x, y, dtype=torch.float64)
    with pytest.raises(TypeError, match="no transformer blocks"):
        enable_checkpointing(torch.nn.Linear(2, 2))
