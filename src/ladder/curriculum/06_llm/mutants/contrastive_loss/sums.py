# mutant: adds the two directions without halving
# likely: average the two cross-entropies
import torch
import torch.nn.functional as F


def contrastive_loss(logits_per_image):
    if logits_per_image.dim() != 2 or logits_per_image.size(0) != logits_per_image.size(1):
        raise ValueError("square")
    t = torch.arange(logits_per_image.size(0))
    return F.cross_entropy(logits_per_image, t) + F.cross_entropy(logits_per_image.T, t)
