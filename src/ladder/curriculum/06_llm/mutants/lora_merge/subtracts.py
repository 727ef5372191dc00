# mutant: subtracts the update (that is unmerging)
# likely: merging adds the update
def merge_weight(weight, lora_A, lora_B, scaling):
    return weight - scaling * (lora_B @ lora_A)
