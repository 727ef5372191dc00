# mutant: softmax written with exp and no max subtraction
import torch


def contrastive_loss(logits_per_image):
    if logits_per_image.dim() != 2 or logits_per_image.size(0) != logits_per_image.size(1):
        raise ValueError("square")

    def ce(L):
        p = torch.exp(L) / torch.exp(L).sum(1, keepdim=True)
        return -torch.log(torch.diagonal(p)).mean()

    return (ce(logits_per_image) + ce(logits_per_image.T)) / 2
