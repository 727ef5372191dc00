"""Direct preference optimisation (Rafailov et al., 2023, arXiv:2305.18290).

RLHF (Ouyang et al., 2022) fits a reward model to human preferences, then maximises it with
PPO under a KL penalty to a frozen reference policy. DPO skips both: the optimal policy of
that KL-regularised problem defines an implicit reward ``r(x, y) = β log π_θ(y|x) /
π_ref(y|x)``, and the Bradley–Terry likelihood of a preference pair (chosen y_w preferred to
rejected y_l) becomes a classification loss on log-probabilities:

    L = −log σ( β [ (log π_θ(y_w|x) − log π_ref(y_w|x)) − (log π_θ(y_l|x) − log π_ref(y_l|x)) ] )

``log π(y|x)`` is the sum of the log-probabilities of the answer's tokens given everything
before them (:func:`sequence_logprobs`); the prompt's tokens are not scored. The reference
model is a frozen copy of the policy at the start. Equals TRL's ``DPOTrainer`` with
``loss_type="sigmoid"`` (its default), batches laid out as TRL's: all chosen rows, then all
rejected rows, right-padded.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

__all__ = [
    "PreferencePair",
    "sequence_logprobs",
    "dpo_loss",
    "collate_preferences",
    "DPOTrainer",
]


@dataclass(frozen=True)
class PreferencePair:
    """One judgement: for ``prompt``, the answer ``chosen`` is preferred to ``rejected``."""

    prompt: str
    chosen: str
    rejected: str

    def __post_init__(self) -> None:
        for name in ("prompt", "chosen", "rejected"):
            if not isinstance(getattr(self, name), str):
                raise TypeError(f"{name} must be a str, got {type(getattr(self, name)).__name__}.")
        if not self.chosen or not self.rejected:
            raise ValueError(
                f"a preference pair needs two non-empty answers (prompt {self.prompt!r}); "
                "drop the pair or write the missing answer."
            )
        if self.chosen == self.rejected:
            raise ValueError(
                f"the chosen and rejected answers are identical ({self.chosen!r}) for prompt "
                f"{self.prompt!r}; such a pair carries no preference, drop it."
            )


def sequence_logprobs(logits: Tensor, input_ids: Tensor, completion_mask: Tensor) -> Tensor:
    """Σ_t m_t log softmax(logits_{t−1})[x_t]: the log-probability of each row's completion.

    logits (B, T, V) from a causal LM on input_ids (B, T); completion_mask (B, T) is 1 on the
    answer's tokens. Position t−1 predicts token t, so the first token is never scored.
    Returns (B,).
    """
    if logits.shape[:2] != input_ids.shape or input_ids.shape != completion_mask.shape:
        raise ValueError(
            f"logits {tuple(logits.shape)}, input_ids {tuple(input_ids.shape)} and "
            f"completion_mask {tuple(completion_mask.shape)} must agree in (batch, time)."
        )
    logp = torch.log_softmax(logits[:, :-1].float(), dim=-1)  # (B, T−1, V)
    tok = logp.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)  # (B, T−1)
    return (tok * completion_mask[:, 1:].to(tok.dtype)).sum(dim=1)


def dpo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    ref_chosen: Tensor,
    ref_rejected: Tensor,
    beta: float = 0.1,
) -> tuple[Tensor, Tensor, Tensor]:
    """The DPO loss, mean over pairs, with the implicit rewards of both answers.

    Each argument is (B,) sequence log-probabilities. Returns ``(loss, chosen_rewards,
    rejected_rewards)`` where a reward is ``β (log π_θ − log π_ref)`` (detached).
    ``−log σ(z)`` is computed as ``softplus(−z)``, which never overflows.
    """
    if beta <= 0:
        raise ValueError(f"beta must be positive, got {beta}; DPO papers use 0.1 to 0.5.")
    chosen_ratio = policy_chosen - ref_chosen
    rejected_ratio = policy_rejected - ref_rejected
    z = beta * (chosen_ratio - rejected_ratio)
    loss = F.softplus(-z).mean()
    return loss, beta * chosen_ratio.detach(), beta * rejected_ratio.detach()


def collate_preferences(
    examples: Sequence[tuple[Sequence[int], Sequence[int], Sequence[int]]], pad_id: int
) -> dict[str, Tensor]:
    """(prompt_ids, chosen_ids, rejected_ids) triples → one right-padded batch.

    Rows 0…B−1 are prompt + chosen, rows B…2B−1 prompt + rejected (TRL's layout), with
    ``input_ids`` (2B, T), ``attention_mask`` and ``completion_mask`` (1 on answer tokens).
    """
    if not examples:
        raise ValueError("no preference pairs to collate.")
    seqs, comp = [], []
    for side in (1, 2):
        for ex in examples:
            prompt, answer = list(ex[0]), list(ex[side])
            seqs.append(prompt + answer)
            comp.append([0] * len(prompt) + [1] * len(answer))
    T = max(len(s) for s in seqs)
    out = {
        "input_ids": torch.full((len(seqs), T), pad_id, dtype=torch.long),
        "attention_mask": torch.zeros(len(seqs), T, dtype=torch.long),
        "completion_mask": torch.zeros(len(seqs), T, dtype=torch.long),
    }
    for i, (s, c) in enumerate(zip(seqs, comp, strict=True)):
        out["input_ids"][i, : len(s)] = torch.tensor(s)
        out["attention_mask"][i, : len(s)] = 1
        out["completion_mask"][i, : len(c)] = torch.tensor(c)
    return out


class DPOTrainer:
    """Train ``policy`` on preference batches against a frozen ``reference``.

    ``policy(input_ids)`` must return ``(logits, ...)`` or logits (B, T, V) — our GPT does.
    With no ``reference``, a frozen copy of the policy as it is now is used. Right padding
    needs no attention mask for a causal model: pads come after every scored token.
    """

    def __init__(
        self,
        policy: nn.Module,
        reference: nn.Module | None = None,
        beta: float = 0.1,
        optimizer: torch.optim.Optimizer | None = None,
        lr: float = 1e-4,
    ):
        if beta <= 0:
            raise ValueError(f"beta must be positive, got {beta}; DPO papers use 0.1 to 0.5.")
        self.policy = policy
        self.reference = reference if reference is not None else copy.deepcopy(policy)
        self.reference.eval()
        for p in self.reference.parameters():
            p.requires_grad_(False)
        self.beta = beta
        params = [p for p in policy.parameters() if p.requires_grad]
        self.optimizer = optimizer or torch.optim.AdamW(params, lr=lr, weight_decay=0.0)

    @staticmethod
    def _logits(model: nn.Module, input_ids: Tensor) -> Tensor:
        out = model(input_ids)
        return out[0] if isinstance(out, tuple) else getattr(out, "logits", out)

    def logps(self, model: nn.Module, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        """(chosen, rejected) sequence log-probabilities of ``model`` on a collated batch."""
        lp = sequence_logprobs(
            self._logits(model, batch["input_ids"]), batch["input_ids"], batch["completion_mask"]
        )
        return lp.chunk(2)

    def loss(self, batch: dict[str, Tensor]) -> tuple[Tensor, dict[str, float]]:
        """The DPO loss of the batch and its metrics (rewards, reward accuracy, margin)."""
        pc, pr = self.logps(self.policy, batch)
        with torch.no_grad():
            rc, rr = self.logps(self.reference, batch)
        loss, r_c, r_r = dpo_loss(pc, pr, rc, rr, self.beta)
        metrics = {
            "loss": loss.item(),
            "rewards/chosen": float(r_c.mean()),
            "rewards/rejected": float(r_r.mean()),
            "rewards/accuracy": float((r_c > r_r).float().mean()),
            "rewards/margin": float((r_c - r_r).mean()),
        }
        return loss, metrics

    def step(
        self, batch: dict[str, Tensor], max_grad_norm: float | None = None
    ) -> dict[str, float]:
        """One optimiser step on ``batch``; returns the metrics before the step."""
        self.policy.train()
        loss, metrics = self.loss(batch)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if max_grad_norm is not None:
            params = [p for p in self.policy.parameters() if p.requires_grad]
            torch.nn.utils.clip_grad_norm_(params, max_grad_norm)
        self.optimizer.step()
        return metrics
