"""Masked-language-model corruption: BERT's pre-training input (Devlin et al., 2019, §3.1).

Choose 15 % of the (non-special) tokens as prediction targets. Of those, replace 80 % by
[MASK], 10 % by a random token, and leave 10 % unchanged — so the model cannot learn that
only [MASK] positions matter, and must keep a good representation of every token. The
labels hold the original id at chosen positions and −100 (ignored by the loss) elsewhere.
Hugging Face's ``DataCollatorForLanguageModeling(mlm_probability=0.15)`` does the same.
"""

from __future__ import annotations

from collections.abc import Iterable

import torch
from torch import Tensor

__all__ = ["mask_tokens", "IGNORE_INDEX"]

IGNORE_INDEX = -100  # F.cross_entropy's default ignore_index


def mask_tokens(
    input_ids: Tensor,
    mask_token_id: int,
    vocab_size: int,
    special_ids: Iterable[int] = (),
    mlm_probability: float = 0.15,
    generator: torch.Generator | None = None,
) -> tuple[Tensor, Tensor]:
    """Return ``(corrupted_ids, labels)`` for a (B, T) batch; the input is not modified.

    Special tokens ([CLS], [SEP], [PAD] …, given by ``special_ids``) are never chosen.

    >>> ids = torch.arange(5, 105).view(2, 50)
    >>> x, y = mask_tokens(ids, mask_token_id=103, vocab_size=200)
    >>> bool(((y == -100) | (y == ids)).all())
    True
    """
    if not 0.0 < mlm_probability < 1.0:
        raise ValueError(f"mlm_probability must lie in (0, 1), got {mlm_probability}; BERT: 0.15.")
    g = generator
    labels = input_ids.clone()
    chosen_p = torch.full(input_ids.shape, mlm_probability)
    special = torch.zeros(input_ids.shape, dtype=torch.bool)
    for sid in special_ids:
        special |= input_ids.cpu() == sid
    chosen_p.masked_fill_(special, 0.0)
    chosen = torch.bernoulli(chosen_p, generator=g).bool()
    labels[~chosen.to(labels.device)] = IGNORE_INDEX

    corrupted = input_ids.clone()
    # 80 % of the chosen → [MASK]
    to_mask = torch.bernoulli(torch.full(input_ids.shape, 0.8), generator=g).bool() & chosen
    # half of the remaining 20 % → a random token (10 % overall); the rest stay as they are
    to_random = (
        torch.bernoulli(torch.full(input_ids.shape, 0.5), generator=g).bool() & chosen & ~to_mask
    )
    random_ids = torch.randint(vocab_size, input_ids.shape, generator=g, dtype=input_ids.dtype)
    corrupted[to_mask.to(corrupted.device)] = mask_token_id
    rnd = to_random.to(corrupted.device)
    corrupted[rnd] = random_ids.to(corrupted.device)[rnd]
    return corrupted, labels
