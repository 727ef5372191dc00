"""Masked-language-model corruption (BERT, Devlin et al. 2019).

For a (B, T) batch of token ids return ``(corrupted_ids, labels)``, without modifying
``input_ids``:

1. choose each position with probability ``mlm_probability`` (0.15), except positions
   holding one of ``special_ids`` ([CLS], [SEP], [PAD] …), which are never chosen;
2. labels = the original id at chosen positions, −100 elsewhere;
3. of the chosen positions, 80 % become ``mask_token_id``, 10 % a random id in
   [0, vocab_size), 10 % stay unchanged (draw a Bernoulli(0.8); of the rest, a
   Bernoulli(0.5) picks "random").

Raise ValueError if mlm_probability is not in (0, 1). Draw every random number with
``generator`` (``torch.bernoulli(p, generator=g)``, ``torch.randint(..., generator=g)``).
Hugging Face's ``DataCollatorForLanguageModeling(mlm_probability=0.15)`` does the same.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Iterable

import torch
from torch import Tensor


def mask_tokens(
    input_ids: Tensor,
    mask_token_id: int,
    vocab_size: int,
    special_ids: Iterable[int] = (),
    mlm_probability: float = 0.15,
    generator: torch.Generator | None = None,
) -> tuple[Tensor, Tensor]:
    # TODO: choose 15 % (never special ids), labels −100 elsewhere, then 80/10/10.
    raise NotImplementedError
