# mutant: 2 ** cross-entropy in nats
# likely: use exp, not 2 **
import torch


def perplexity_from_logits(logits, targets, ignore_index=-100):
    keep = targets != ignore_index
    if not bool(keep.any()):
        raise ValueError("nothing scored")
    logp = torch.log_softmax(logits, -1)
    return 2 ** float(-logp[keep].gather(-1, targets[keep].unsqueeze(-1)).mean())
