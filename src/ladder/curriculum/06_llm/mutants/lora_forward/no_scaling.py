# mutant: forgets the alpha / r scaling
# likely: multiply the low-rank update by scaling
def lora_linear(x, weight, bias, lora_A, lora_B, scaling):
    y = x @ weight.T + (bias if bias is not None else 0)
    return y + x @ lora_A.T @ lora_B.T
