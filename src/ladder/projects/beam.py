"""Beam search: keep the k most probable partial outputs instead of only the best one.

Greedy decoding commits to the most likely token at every step and can never undo it.
Beam search keeps ``k`` hypotheses ("the beam"). One step, for live hypotheses with summed
log-probabilities s_j and next-token log-probabilities ℓ_j(v):

    candidates   c(j, v) = s_j + ℓ_j(v)          for every hypothesis j and token v
    new beam     the k largest c(j, v); each remembers its parent j and its token v

A hypothesis that ends with EOS leaves the beam and is kept as finished. Longer outputs
add more negative log-probabilities, so finished hypotheses are compared by the
length-normalised score s / L^α (α = 1: the mean log-probability per token; α = 0: the
raw sum, which prefers short outputs). This is Hugging Face's ``num_beams`` search with
``length_penalty=α`` and ``early_stopping=True``: an input is done once k of its
hypotheses have finished.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch import Tensor

__all__ = ["beam_step", "beam_search"]


def beam_step(log_probs: Tensor, scores: Tensor, beam_size: int) -> tuple[Tensor, Tensor, Tensor]:
    """One beam-search step over K live hypotheses and a vocabulary of V tokens.

    ``log_probs`` (K, V): log-probabilities of the next token for each hypothesis;
    ``scores`` (K,): each hypothesis's summed log-probability so far (−inf marks an empty
    slot, e.g. the copies of the start at step 0). Returns ``(new_scores, parents,
    tokens)``, each (min(beam_size, K·V),), best first: the candidate scores
    ``scores[parent] + log_probs[parent, token]``.

    >>> lp = torch.log(torch.tensor([[0.6, 0.4], [0.1, 0.9]]))
    >>> s, parent, token = beam_step(lp, torch.log(torch.tensor([0.5, 0.5])), 2)
    >>> parent.tolist(), token.tolist()
    ([1, 0], [1, 0])
    """
    if log_probs.dim() != 2 or scores.shape != log_probs.shape[:1]:
        raise ValueError(
            f"log_probs must be (K, V) and scores (K,), got {tuple(log_probs.shape)} and "
            f"{tuple(scores.shape)}."
        )
    if beam_size < 1:
        raise ValueError(f"beam_size must be at least 1, got {beam_size}.")
    K, V = log_probs.shape
    total = (scores[:, None] + log_probs).reshape(-1)  # (K·V,) every extension
    best, flat = total.topk(min(beam_size, total.numel()))
    return best, torch.div(flat, V, rounding_mode="floor"), flat % V


@torch.no_grad()
def beam_search(
    step_logits: Callable[[Tensor, Tensor], Tensor],
    batch_size: int,
    bos_id: int,
    eos_id: int,
    max_len: int,
    beam_size: int = 4,
    length_penalty: float = 1.0,
    device: str | torch.device = "cpu",
) -> list[list[int]]:
    """Beam search for ``batch_size`` inputs at once; returns the best token ids per input
    (without BOS and EOS).

    ``step_logits(rows, prefixes)`` gets the row indices (R,) into the batch and the token
    prefixes (R, t) that start with BOS, and returns next-token logits (R, V). Each input
    keeps ``beam_size`` rows, so ``rows`` repeats each input index up to k times.
    """
    if max_len < 1:
        raise ValueError(f"max_len must be at least 1, got {max_len}.")
    k = beam_size
    B = batch_size
    # live[b] = list of (score, tokens) with tokens starting at BOS
    live: list[list[tuple[float, list[int]]]] = [[(0.0, [bos_id])] for _ in range(B)]
    finished: list[list[tuple[float, list[int]]]] = [[] for _ in range(B)]
    for _ in range(max_len):
        active = [b for b in range(B) if live[b] and len(finished[b]) < k]
        if not active:
            break
        rows = [b for b in active for _ in live[b]]
        prefixes = torch.tensor([h[1] for b in active for h in live[b]], device=device)
        logp = F.log_softmax(step_logits(torch.tensor(rows, device=device), prefixes).float(), -1)
        start = 0
        for b in active:
            n = len(live[b])
            scores = torch.tensor([h[0] for h in live[b]], device=logp.device)
            # 2k candidates: up to k of them may end with EOS and leave the beam
            best, parents, tokens = beam_step(logp[start : start + n], scores, 2 * k)
            start += n
            new: list[tuple[float, list[int]]] = []
            for s, j, v in zip(best.tolist(), parents.tolist(), tokens.tolist(), strict=True):
                seq = live[b][j][1] + [v]
                if v == eos_id:
                    if len(finished[b]) < k:
                        finished[b].append((s / (len(seq) - 1) ** length_penalty, seq))
                elif len(new) < k:
                    new.append((s, seq))
                if len(new) == k and len(finished[b]) >= k:
                    break
            live[b] = new
    out = []
    for b in range(B):
        pool = finished[b] or [(s / max(1, len(t) - 1) ** length_penalty, t) for s, t in live[b]]
        best_seq = max(pool, key=lambda h: h[0])[1]
        out.append([t for t in best_seq[1:] if t != eos_id])
    return out
