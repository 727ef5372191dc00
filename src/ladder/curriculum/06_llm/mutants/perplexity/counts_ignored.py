# mutant: divides by every position, ignored ones included
# likely: divide by the number of scored positions
import math

import torch


def perplexity_from_logits(logits, targets, ignore_index=-100):
    keep = targets != ignore_index
    if not bool(keep.any()):
        raise ValueError("nothing scored")
    logp = torch.log_softmax(logits, -1)
    total = -logp[keep].gather(-1, targets[keep].unsqueeze(-1)).sum()
    return math.exp(float(total) / targets.numel())
