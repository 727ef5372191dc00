# mutant: scores the ignored positions too, as if their target were token 0
import math

import torch


def perplexity_from_logits(logits, targets, ignore_index=-100):
    if not bool((targets != ignore_index).any()):
        raise ValueError("nothing scored")
    t = targets.masked_fill(targets == ignore_index, 0)
    logp = torch.log_softmax(logits, -1)
    return math.exp(float(-logp.gather(-1, t.unsqueeze(-1)).mean()))
