"""Top-k filtering of next-token logits.

Keep, in every row of ``logits`` (…, V), the k largest values and set every logit
*below the k-th largest* to −inf; values tied with the k-th largest are kept. If k > V,
keep everything. Return a new tensor (do not modify the input). Hugging Face's
``TopKLogitsWarper`` does the same.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def top_k_filter(logits: Tensor, k: int) -> Tensor:
    # TODO: find the k-th largest value per row (torch.topk), mask everything below it.
    raise NotImplementedError
