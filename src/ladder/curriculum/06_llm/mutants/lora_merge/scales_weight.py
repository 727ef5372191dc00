# mutant: scales the frozen weight as well
def merge_weight(weight, lora_A, lora_B, scaling):
    return scaling * (weight + lora_B @ lora_A)
