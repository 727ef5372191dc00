# mutant: GELU instead of SiLU
# likely: use SiLU, not GELU
import torch.nn.functional as F


def swiglu(x, w_gate, w_up, w_down):
    return F.linear(F.gelu(F.linear(x, w_gate)) * F.linear(x, w_up), w_down)
