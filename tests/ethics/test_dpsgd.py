"""DP-SGD against Opacus: per-sample gradients equal GradSampleModule's grad_sample, and a
full noisy step with the same generator equals DPOptimizer's.

float32 throughout. Per-sample gradients of a small MLP come from different kernels
(vmap'd autograd against Opacus' einsum hooks); entries are O(1) and sums run over ≤ 20
terms, so they agree to a few float32 ulps: rtol 1e-5, atol 1e-6."""

from __future__ import annotations

import copy

import pytest

torch = pytest.importorskip("torch")
opacus = pytest.importorskip("opacus", reason="could not import opacus")
from opacus import GradSampleModule  # noqa: E402
from opacus.optimizers import DPOptimizer  # noqa: E402
from opacus.utils.uniform_sampler import UniformWithReplacementSampler  # noqa: E402

from ladder.ethics import dpsgd  # noqa: E402

torch.set_num_threads(1)
F = torch.nn.functional


def mlp(seed=0):
    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(7, 5), torch.nn.Tanh(), torch.nn.Linear(5, 3))


def batch(seed=1, n=11):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, 7, generator=g) * 2, torch.randint(0, 3, (n,), generator=g)


def test_per_sample_gradients_equal_opacus_grad_sample():
    model = mlp()
    x, y = batch()
    ours = dpsgd.per_sample_gradients(model, F.cross_entropy, x, y)
    gsm = GradSampleModule(copy.deepcopy(model), loss_reduction="sum")
    F.cross_entropy(gsm(x), y, reduction="sum").backward()
    for name, p in gsm._module.named_parameters():
        assert ours[name].shape == (11, *p.shape)
        torch.testing.assert_close(ours[name], p.grad_sample, rtol=1e-5, atol=1e-6)


def test_per_sample_gradients_of_a_conv_net():
    torch.manual_seed(3)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 4, 3),
        torch.nn.ReLU(),
        torch.nn.Flatten(),
        torch.nn.Linear(4 * 6 * 5, 10),
    )
    x, y = torch.randn(6, 1, 8, 7), torch.randint(0, 10, (6,))
    ours = dpsgd.per_sample_gradients(model, F.cross_entropy, x, y)
    gsm = GradSampleModule(copy.deepcopy(model), loss_reduction="sum")
    F.cross_entropy(gsm(x), y, reduction="sum").backward()
    for name, p in gsm._module.named_parameters():
        torch.testing.assert_close(ours[name], p.grad_sample, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("noise", [0.0, 1.3])
def test_a_noisy_step_equals_opacus_dp_optimizer(noise):
    x, y = batch(2, n=9)
    ours_model, ref_model = mlp(4), GradSampleModule(mlp(4))
    ours = dpsgd.DPSGD(
        ours_model,
        torch.optim.SGD(ours_model.parameters(), lr=0.5),
        noise_multiplier=noise,
        max_grad_norm=0.7,
        expected_batch_size=8,
        generator=torch.Generator().manual_seed(7),
    )
    ref = DPOptimizer(
        torch.optim.SGD(ref_model.parameters(), lr=0.5),
        noise_multiplier=noise,
        max_grad_norm=0.7,
        expected_batch_size=8,
        loss_reduction="mean",
        generator=torch.Generator().manual_seed(7),
    )
    for _ in range(3):
        ours.step(F.cross_entropy, x, y)
        F.cross_entropy(ref_model(x), y).backward()
        ref.step()
        ref.zero_grad()
    for a, b in zip(ours_model.parameters(), ref_model._module.parameters(), strict=True):
        torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-6)


def test_clipping_bounds_every_example():
    x, y = batch(5, n=20)
    grads = dpsgd.per_sample_gradients(mlp(), F.cross_entropy, x, y)
    norms = dpsgd.per_sample_norms(grads)
    clipped = dpsgd.clip_per_sample(grads, 0.5)
    after = dpsgd.per_sample_norms(clipped)
    assert (after <= 0.5 + 1e-6).all()
    small = norms < 0.5  # examples already inside the ball are unchanged (up to the 1e-6)
    torch.testing.assert_close(after[small], norms[small], rtol=1e-5, atol=0)


def test_poisson_batches_equal_opacus_sampler():
    ours = list(dpsgd.poisson_batches(50, 0.1, torch.Generator().manual_seed(3)))
    ref = list(
        UniformWithReplacementSampler(
            num_samples=50, sample_rate=0.1, generator=torch.Generator().manual_seed(3)
        )
    )
    assert len(ours) == 10 and [b.tolist() for b in ours] == ref


def test_bad_input():
    model = mlp()
    with pytest.raises(ValueError, match="noise_multiplier must be ≥ 0"):
        dpsgd.DPSGD(
            model,
            torch.optim.SGD(model.parameters(), lr=0.1),
            noise_multiplier=-1,
            max_grad_norm=1.0,
            expected_batch_size=4,
        )
    with pytest.raises(ValueError, match="max_norm must be positive"):
        dpsgd.clip_per_sample({"w": torch.ones(2, 3)}, 0.0)
    with pytest.raises(ValueError, match="x has 3 examples but y has 2"):
        dpsgd.per_sample_gradients(model, F.cross_entropy, torch.ones(3, 7), torch.ones(2).long())
    bn = torch.nn.Sequential(torch.nn.Linear(7, 4), torch.nn.BatchNorm1d(4))
    with pytest.raises(ValueError, match="batch normalisation"):
        dpsgd.per_sample_gradients(bn, F.cross_entropy, torch.ones(3, 7), torch.ones(3).long())
    with pytest.raises(ValueError, match=r"sample_rate must be in \(0, 1\]"):
        next(dpsgd.poisson_batches(10, 0.0))
