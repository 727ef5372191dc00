# mutant: sums the cross-entropy over rows instead of averaging
# likely: each cross-entropy is a mean over the B rows
import torch
import torch.nn.functional as F


def contrastive_loss(logits_per_image):
    if logits_per_image.dim() != 2 or logits_per_image.size(0) != logits_per_image.size(1):
        raise ValueError("square")
    t = torch.arange(logits_per_image.size(0))
    a = F.cross_entropy(logits_per_image, t, reduction="sum")
    b = F.cross_entropy(logits_per_image.T, t, reduction="sum")
    return (a + b) / 2
