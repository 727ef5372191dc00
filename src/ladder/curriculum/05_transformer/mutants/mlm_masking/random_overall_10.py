# mutant: draws "random" with probability 0.1 of the rest instead of 0.5
# likely: half get a random id, half stay
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
    if not 0.0 < mlm_probability < 1.0:
        raise ValueError(f"mlm_probability must lie in (0, 1), got {mlm_probability}")
    g, shape = generator, input_ids.shape
    chosen_p = torch.full(shape, mlm_probability)
    chosen_p[torch.isin(input_ids, torch.tensor(list(special_ids), dtype=input_ids.dtype))] = 0.0
    chosen = torch.bernoulli(chosen_p, generator=g).bool()
    labels = input_ids.clone()
    labels[~chosen] = -100
    x = input_ids.clone()
    to_mask = torch.bernoulli(torch.full(shape, 0.8), generator=g).bool() & chosen
    to_random = torch.bernoulli(torch.full(shape, 0.1), generator=g).bool() & chosen & ~to_mask
    x[to_mask] = mask_token_id
    x[to_random] = torch.randint(vocab_size, shape, generator=g)[to_random]
    return x, labels
