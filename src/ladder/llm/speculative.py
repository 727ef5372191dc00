"""Speculative decoding with a draft model (Leviathan et al., 2023, arXiv:2211.17192;
Chen et al., 2023, arXiv:2302.01318).

Generating one token needs one forward pass of the large target model, and on a CPU or a
GPU that pass costs about the same for 1 token as for 5: the weights must be read either
way. So let a small draft model guess γ tokens d₁ … d_γ (cheap), then run the target once
on all of them and keep the longest prefix it agrees with. For each guess, with p the
target's and q the draft's distribution at that position:

    accept d_i with probability min(1, p(d_i) / q(d_i))
    at the first rejection, draw instead from the residual  r = max(0, p − q) / Σ max(0, p − q)
    if all γ are accepted, draw one bonus token from the target's next distribution

Every round yields between 1 and γ + 1 tokens for one target pass. The output follows the
target's distribution **exactly**: a token x comes out either as an accepted guess,
probability q(x) · min(1, p(x)/q(x)) = min(q(x), p(x)), or from the residual after a
rejection, probability (1 − Σ_y min(p(y), q(y))) · r(x) = p(x) − min(p(x), q(x)); the two
add up to p(x). With temperature 0 (greedy) a guess is accepted when it is the target's
argmax and the correction is the argmax, so the tokens are exactly the target's greedy
tokens. The expected number of tokens per round is (1 − α^{γ+1}) / (1 − α) for an
acceptance rate α.

Both models need ``forward(idx, cache=…) -> (logits, loss)`` and ``new_cache(batch)``
(our GPT and Llama); after a rejection the caches are cut back to the accepted prefix.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn

__all__ = [
    "acceptance_probability",
    "residual_distribution",
    "SpeculativeStats",
    "speculative_generate",
    "expected_tokens_per_round",
]


def acceptance_probability(p_x: Tensor, q_x: Tensor) -> Tensor:
    """min(1, p(x) / q(x)): the chance of keeping a draft token x (q(x) > 0 as it was drawn)."""
    return torch.clamp(p_x / q_x, max=1.0)


def residual_distribution(p: Tensor, q: Tensor) -> Tensor:
    """max(0, p − q), renormalised over the last dimension: where to draw after a rejection.

    When p = q nothing is left (a rejection cannot then happen); p is returned.
    """
    r = torch.clamp(p - q, min=0.0)
    total = r.sum(-1, keepdim=True)
    return torch.where(total > 0, r / total.clamp(min=torch.finfo(r.dtype).tiny), p)


def expected_tokens_per_round(alpha: float, gamma: int) -> float:
    """(1 − α^{γ+1}) / (1 − α): tokens per target pass for acceptance rate α, γ guesses."""
    return float(gamma + 1) if alpha == 1.0 else (1 - alpha ** (gamma + 1)) / (1 - alpha)


@dataclass
class SpeculativeStats:
    proposed: int = 0  # draft tokens proposed
    accepted: int = 0  # draft tokens accepted
    target_calls: int = 0  # forward passes of the target model
    draft_calls: int = 0  # forward passes of the draft model
    new_tokens: int = 0  # tokens generated

    @property
    def acceptance_rate(self) -> float:
        return self.accepted / self.proposed if self.proposed else 0.0

    @property
    def tokens_per_target_call(self) -> float:
        return self.new_tokens / self.target_calls if self.target_calls else 0.0


def _probs(logits: Tensor, temperature: float) -> Tensor:
    return torch.softmax(logits.double() / temperature, dim=-1)


def _check(target: nn.Module, draft: nn.Module, idx: Tensor, n_new: int, gamma: int,
           temperature: float) -> None:  # fmt: skip
    if idx.dim() != 2 or idx.size(0) != 1 or idx.size(1) == 0:
        raise ValueError(
            f"speculative decoding takes one prompt of shape (1, T) with T ≥ 1, got "
            f"{tuple(idx.shape)}; decode a batch one sequence at a time."
        )
    if not isinstance(gamma, int) or gamma < 1:
        raise ValueError(f"gamma (draft tokens per round) must be an integer ≥ 1, got {gamma!r}.")
    if temperature < 0:
        raise ValueError(f"temperature must be ≥ 0 (0: greedy), got {temperature}.")
    vt, vd = target.config.vocab_size, draft.config.vocab_size
    if vt != vd:
        raise ValueError(
            f"the draft's vocabulary ({vd} tokens) differs from the target's ({vt}); "
            "a draft model must use the target's tokenizer."
        )
    need = idx.size(1) + n_new + gamma
    for name, m in (("target", target), ("draft", draft)):
        if need > m.config.block_size:
            raise ValueError(
                f"prompt ({idx.size(1)}) + new tokens ({n_new}) + gamma ({gamma}) = {need} "
                f"exceeds the {name}'s context of {m.config.block_size}; generate fewer tokens."
            )


@torch.no_grad()
def speculative_generate(
    target: nn.Module,
    draft: nn.Module,
    idx: Tensor,
    max_new_tokens: int,
    gamma: int = 4,
    temperature: float = 1.0,
    generator: torch.Generator | None = None,
) -> tuple[Tensor, SpeculativeStats]:
    """Append ``max_new_tokens`` tokens to the (1, T) prompt; returns (tokens, stats).

    ``temperature=0`` is greedy decoding (the target's own greedy tokens, exactly);
    otherwise tokens follow softmax(target logits / temperature) exactly.
    """
    _check(target, draft, idx, max_new_tokens, gamma, temperature)
    greedy = temperature == 0
    seq = idx[0].tolist()
    t_cache, d_cache = target.new_cache(1), draft.new_cache(1)
    stats = SpeculativeStats()
    device = idx.device

    def feed(model, cache, tokens):  # run the tokens not yet in the cache; last logits
        x = torch.tensor([tokens], dtype=torch.long, device=device)
        return model(x, cache=cache)[0][0]  # (len(tokens), V)

    def draw(p: Tensor) -> int:
        if greedy:
            return int(p.argmax())
        return int(torch.multinomial(p.float(), 1, generator=generator))

    start = len(seq)
    while len(seq) - start < max_new_tokens:
        n = len(seq)  # the caches hold positions < n − 1 (at most); seq[n − 1] is pending
        # 1. the draft proposes γ tokens, one forward pass each
        drafts, qs = [], []
        pending = seq[d_cache.length :]
        for _ in range(gamma):
            logits = feed(draft, d_cache, pending)[-1]
            stats.draft_calls += 1
            q = _probs(logits, temperature if not greedy else 1.0)
            d = draw(q)
            drafts.append(d)
            qs.append(q)
            pending = [d]
        # 2. the target scores all of them in one pass: p_1 … p_{γ+1}
        logits = feed(target, t_cache, seq[t_cache.length :] + drafts)
        stats.target_calls += 1
        ps = _probs(logits[-(gamma + 1) :], temperature if not greedy else 1.0)
        # 3. accept a prefix, then one corrected (or bonus) token
        accepted = 0
        for i, d in enumerate(drafts):
            if greedy:
                ok = int(ps[i].argmax()) == d
            else:
                u = torch.rand((), generator=generator, dtype=torch.float64)
                ok = bool(u < acceptance_probability(ps[i][d], qs[i][d]))
            if not ok:
                break
            accepted += 1
        if accepted < gamma:
            nxt = draw(
                ps[accepted] if greedy else residual_distribution(ps[accepted], qs[accepted])
            )
        else:
            nxt = draw(ps[gamma])
        stats.proposed += gamma
        stats.accepted += accepted
        seq += drafts[:accepted] + [nxt]
        # 4. forget what the caches saw beyond the accepted prefix
        t_cache.length = n + accepted
        d_cache.length = min(d_cache.length, n + accepted)
    out = seq[: start + max_new_tokens]
    stats.new_tokens = len(out) - start
    return torch.tensor([out], dtype=torch.long, device=device), stats
