# mutant: scales the frozen output as well
# likely: scale only the update
def lora_linear(x, weight, bias, lora_A, lora_B, scaling):
    y = x @ weight.T + (bias if bias is not None else 0)
    return scaling * (y + x @ lora_A.T @ lora_B.T)
