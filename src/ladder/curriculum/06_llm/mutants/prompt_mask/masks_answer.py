# mutant: keeps the prompt and masks the answer
# likely: mask the prompt, keep the answer
def mask_prompt(ids, n_prompt, ignore_index=-100):
    if not 0 <= n_prompt <= len(ids):
        raise ValueError("n_prompt")
    return [ids[t + 1] if t + 1 < n_prompt else ignore_index for t in range(len(ids) - 1)]
