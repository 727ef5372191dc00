# mutant: sigmoid instead of SiLU
# likely: SiLU(z) is z · σ(z)
import torch
import torch.nn.functional as F


def swiglu(x, w_gate, w_up, w_down):
    return F.linear(torch.sigmoid(F.linear(x, w_gate)) * F.linear(x, w_up), w_down)
