# mutant: returns the cross-entropy, not its exponential
# likely: exp of the mean cross-entropy
import torch


def perplexity_from_logits(logits, targets, ignore_index=-100):
    keep = targets != ignore_index
    if not bool(keep.any()):
        raise ValueError("nothing scored")
    logp = torch.log_softmax(logits, -1)
    return float(-logp[keep].gather(-1, targets[keep].unsqueeze(-1)).mean())
