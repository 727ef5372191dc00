# mutant: (learner's try) treats every id up to the largest special id as special
# likely: an ordinary id below a special id
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
    if mlm_probability <= 0 or mlm_probability >= 1:
        raise ValueError("mlm_probability must be in (0, 1)")
    special = list(special_ids)
    probs = torch.full(input_ids.shape, mlm_probability)
    if special:
        probs[input_ids <= max(special)] = 0.0
    chosen = torch.bernoulli(probs, generator=generator).bool()
    labels = torch.where(chosen, input_ids, torch.full_like(input_ids, -100))
    out = input_ids.clone()
    masked = chosen & torch.bernoulli(torch.full(input_ids.shape, 0.8), generator=generator).bool()
    rand = (
        chosen
        & ~masked
        & torch.bernoulli(torch.full(input_ids.shape, 0.5), generator=generator).bool()
    )
    out[masked] = mask_token_id
    out[rand] = torch.randint(0, vocab_size, input_ids.shape, generator=generator)[rand]
    return out, labels
