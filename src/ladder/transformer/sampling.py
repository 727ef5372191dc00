"""Choosing the next token from the model's logits: greedy, temperature, top-k, top-p.

Given logits z over the vocabulary, sampling draws from p = softmax(z / τ):
τ → 0 approaches greedy (argmax), τ = 1 is the model's distribution, τ > 1 flattens it.
Top-k keeps only the k most likely tokens; top-p ("nucleus", Holtzman et al., 2019,
arXiv:1904.09751) keeps the smallest set of most likely tokens whose total probability
reaches p. Removed tokens get logit −∞, then the rest is renormalised by the softmax.
These equal Hugging Face's ``TemperatureLogitsWarper``, ``TopKLogitsWarper`` and
``TopPLogitsWarper``.
"""

from __future__ import annotations

import torch
from torch import Tensor

__all__ = ["check_sampling", "top_k_filter", "top_p_filter", "sample_next"]


def check_sampling(temperature: float = 1.0, top_k: int | None = None, top_p: float | None = None):
    """Raise a clear ``ValueError`` for sampling settings that make no sense."""
    if not temperature > 0:
        raise ValueError(
            f"temperature must be > 0, got {temperature}; use greedy=True for the most "
            "likely token, or a small temperature such as 0.1 for nearly greedy sampling."
        )
    if top_k is not None and (not isinstance(top_k, int) or top_k < 1):
        raise ValueError(f"top_k must be a positive integer or None, got {top_k!r}.")
    if top_p is not None and not 0.0 < top_p <= 1.0:
        raise ValueError(
            f"top_p must lie in (0, 1], got {top_p}; 1.0 keeps every token, 0.9 is common."
        )


def top_k_filter(logits: Tensor, k: int) -> Tensor:
    """Set every logit below the k-th largest (per row) to −∞; ties with the k-th are kept."""
    k = min(k, logits.size(-1))
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]  # (…, 1)
    return logits.masked_fill(logits < kth, float("-inf"))


def top_p_filter(logits: Tensor, p: float) -> Tensor:
    """Keep the smallest set of most likely tokens whose probability sum reaches p.

    Sort descending; a token is kept when the probability mass *before* it is < p, so the
    token that crosses p is kept and the most likely token always is.
    """
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
    probs = torch.softmax(sorted_logits, dim=-1)
    mass_before = torch.cumsum(probs, dim=-1) - probs
    remove_sorted = mass_before >= p
    remove_sorted[..., 0] = False
    remove = remove_sorted.scatter(-1, order, remove_sorted)
    return logits.masked_fill(remove, float("-inf"))


def sample_next(
    logits: Tensor,
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
    greedy: bool = False,
    generator: torch.Generator | None = None,
) -> Tensor:
    """Pick one token id per row of (B, V) logits; returns (B, 1).

    Order as in Hugging Face: temperature, then top-k, then top-p, then a multinomial draw.
    """
    check_sampling(temperature, top_k, top_p)
    if greedy:
        return logits.argmax(dim=-1, keepdim=True)
    logits = logits / temperature
    if top_k is not None:
        logits = top_k_filter(logits, top_k)
    if top_p is not None and top_p < 1.0:
        logits = top_p_filter(logits, top_p)
    probs = torch.softmax(logits.float(), dim=-1)
    return torch.multinomial(probs, num_samples=1, generator=generator)
