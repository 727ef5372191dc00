# mutant: images pick captions only
# likely: average both directions
import torch
import torch.nn.functional as F


def contrastive_loss(logits_per_image):
    if logits_per_image.dim() != 2 or logits_per_image.size(0) != logits_per_image.size(1):
        raise ValueError("square")
    return F.cross_entropy(logits_per_image, torch.arange(logits_per_image.size(0)))
