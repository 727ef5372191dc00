"""Mixture of experts: a top-k router and a load-balancing loss (Shazeer et al., 2017,
arXiv:1701.06538; Switch Transformer, Fedus et al., 2021, arXiv:2101.03961; Mixtral,
Jiang et al., 2024, arXiv:2401.04088).

Replace the one feed-forward network of a block by E of them ("experts") and a router, a
linear map that scores the experts for each token. Each token goes to its k best experts
only, and their outputs are mixed with the renormalised router probabilities:

    p = softmax(W_r x) ∈ R^E,   S = top-k indices of p
    y = Σ_{e ∈ S} (p_e / Σ_{j ∈ S} p_j) · FFN_e(x)

The model holds E feed-forward networks of parameters but spends only k per token:
Mixtral 8x7B has 47 B parameters and uses about 13 B per token (E = 8, k = 2).

Left alone, the router collapses onto a few experts. The Switch Transformer's auxiliary
loss pushes towards an even load. With f_e the share of routing slots (token, choice)
sent to expert e and P_e the mean router probability of e over the N tokens,

    L_aux = E · Σ_e f_e · P_e,       f_e = (1/N) Σ_x #{choices of x equal to e}

which is k when routing is perfectly even (f_e = k/E, P_e = 1/E) and larger when it is
skewed. f is a count and has no gradient; the gradient flows through P. The loss is added
to the language-model loss times a small coefficient (Mixtral in Hugging Face: 0.001).
Across layers, Hugging Face stacks every layer's tokens before computing f and P; so do we.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.llm.swiglu import SwiGLU

__all__ = ["top_k_routing", "load_balancing_loss", "TopKRouter", "MoEFeedForward"]


def top_k_routing(router_logits: Tensor, k: int) -> tuple[Tensor, Tensor]:
    """The k best experts of every token and their renormalised weights.

    router_logits: (N, E). Returns ``weights`` (N, k), the softmax probabilities of the
    chosen experts divided by their sum (float32), and ``indices`` (N, k), best first.
    """
    n_expert = router_logits.size(-1)
    if not 1 <= k <= n_expert:
        raise ValueError(f"top_k must lie in [1, {n_expert}] (the number of experts), got {k}.")
    probs = torch.softmax(router_logits.float(), dim=-1)
    weights, indices = torch.topk(probs, k, dim=-1)
    return weights / weights.sum(dim=-1, keepdim=True), indices


def load_balancing_loss(router_logits: Tensor | Sequence[Tensor], k: int) -> Tensor:
    """The Switch Transformer's auxiliary loss E · Σ_e f_e P_e (see the module docstring).

    router_logits: (N, E), or one (N_l, E) tensor per layer (stacked first, as Hugging
    Face's ``load_balancing_loss_func`` does). Equals k for perfectly even routing.
    """
    if not isinstance(router_logits, Tensor):
        router_logits = torch.cat(list(router_logits), dim=0)
    n_tokens, n_expert = router_logits.shape
    probs = torch.softmax(router_logits.float(), dim=-1)  # (N, E)
    _, chosen = torch.topk(probs, k, dim=-1)  # (N, k)
    counts = F.one_hot(chosen, n_expert).sum(dim=(0, 1)).float()  # slots per expert
    f = counts / n_tokens  # (E,), sums to k
    P = probs.mean(dim=0)  # (E,), sums to 1
    return n_expert * (f * P).sum()


class TopKRouter(nn.Module):
    """A linear map from a token to one score per expert (no bias): ``weight`` (E, C)."""

    def __init__(self, n_embd: int, n_expert: int, k: int):
        super().__init__()
        if n_expert < 1:
            raise ValueError(f"n_expert must be a positive integer, got {n_expert}.")
        if not 1 <= k <= n_expert:
            raise ValueError(f"top_k must lie in [1, n_expert={n_expert}], got {k}.")
        self.k = k
        self.weight = nn.Parameter(torch.empty(n_expert, n_embd))
        nn.init.normal_(self.weight, std=0.02)

    def forward(self, x: Tensor) -> tuple[Tensor, Tensor, Tensor]:
        """x: (N, C) → router logits (N, E), weights (N, k), expert indices (N, k)."""
        logits = F.linear(x, self.weight)
        weights, indices = top_k_routing(logits, self.k)
        return logits, weights, indices


class MoEFeedForward(nn.Module):
    """E SwiGLU experts behind a top-k router (a sparse Mixtral feed-forward layer).

    ``forward(x)`` returns the (B, T, C) output; the router logits of the last call are
    kept in ``self.router_logits`` (N, E) for the load-balancing loss.
    """

    def __init__(self, n_embd: int, hidden: int, n_expert: int, k: int):
        super().__init__()
        self.gate = TopKRouter(n_embd, n_expert, k)
        self.experts = nn.ModuleList(SwiGLU(n_embd, hidden) for _ in range(n_expert))
        self.router_logits: Tensor | None = None

    def forward(self, x: Tensor) -> Tensor:
        B, T, C = x.shape  # batch, time, channels
        flat = x.reshape(-1, C)  # (N, C), N = B·T tokens
        logits, weights, indices = self.gate(flat)
        self.router_logits = logits
        out = torch.zeros_like(flat)
        for e, expert in enumerate(self.experts):
            token, slot = torch.where(indices == e)  # tokens that chose e, and in which slot
            if token.numel() == 0:
                continue
            y = expert(flat[token]) * weights[token, slot, None].to(flat.dtype)
            out.index_add_(0, token, y.to(out.dtype))
        return out.view(B, T, C)
