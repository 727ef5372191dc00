"""Parity: our temperature / top-k / top-p filters against Hugging Face's logits warpers."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
lp = pytest.importorskip("transformers.generation.logits_process")

from ladder.transformer.sampling import (  # noqa: E402
    check_sampling,
    sample_next,
    top_k_filter,
    top_p_filter,
)


def _logits(seed, B=4, V=50):
    return torch.randn(B, V, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def check_filter(ours, ref, logits):
    """The same logits through both; the kept set and the kept values must be identical."""
    a, b = ours(logits), ref(None, logits.clone())
    assert torch.equal(torch.isinf(a), torch.isinf(b))
    torch.testing.assert_close(a[~torch.isinf(a)], b[~torch.isinf(b)], atol=0, rtol=0)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("k", [1, 5, 49, 50, 80])
def test_top_k_matches_hf(seed, k):
    check_filter(lambda z: top_k_filter(z, k), lp.TopKLogitsWarper(k), _logits(seed))


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("p", [0.05, 0.3, 0.9, 0.999, 1.0])
def test_top_p_matches_hf(seed, p):
    # distinct random logits (no ties) in float64: the cumulative sums agree to ~1e-16, far
    # from any boundary at these p, so the kept sets are exactly equal
    check_filter(lambda z: top_p_filter(z, p), lp.TopPLogitsWarper(p), _logits(seed) * 3)


def test_top_p_keeps_the_token_that_crosses_p():
    logits = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]]))
    kept = ~torch.isinf(top_p_filter(logits, 0.7))
    assert kept.tolist() == [[True, True, False, False]]  # 0.5 < 0.7, 0.5 + 0.3 ≥ 0.7


def test_temperature_matches_hf():
    z = _logits(0)
    torch.testing.assert_close(z / 0.7, lp.TemperatureLogitsWarper(0.7)(None, z.clone()))


def test_greedy_and_sampling_frequencies():
    logits = torch.log(torch.tensor([[0.6, 0.3, 0.1]])).expand(20000, 3)
    assert sample_next(logits[:1], greedy=True).item() == 0
    draws = sample_next(logits, generator=torch.Generator().manual_seed(0)).flatten()
    freq = torch.bincount(draws, minlength=3) / 20000
    # binomial standard error at n = 20000 is ≤ 0.0035; 0.02 is ~6 standard errors
    torch.testing.assert_close(freq, torch.tensor([0.6, 0.3, 0.1]), atol=0.02, rtol=0)
    only_top = sample_next(logits, top_k=1, generator=torch.Generator().manual_seed(0))
    assert torch.all(only_top == 0)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"temperature": 0.0}, "temperature must be > 0, got 0.0"),
        ({"temperature": -1.0}, "temperature must be > 0"),
        ({"top_p": 0.0}, r"top_p must lie in \(0, 1\], got 0.0"),
        ({"top_p": 1.5}, r"top_p must lie in \(0, 1\], got 1.5"),
        ({"top_k": 0}, "top_k must be a positive integer"),
    ],
)
def test_invalid_sampling_settings(kwargs, match):
    with pytest.raises(ValueError, match=match):
        check_sampling(**kwargs)
    with pytest.raises(ValueError, match=match):
        sample_next(_logits(0), **kwargs)
