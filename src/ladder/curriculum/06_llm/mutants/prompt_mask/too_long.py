# mutant: one target per token instead of len(ids) − 1
# likely: there are len(ids) − 1 targets
def mask_prompt(ids, n_prompt, ignore_index=-100):
    if not 0 <= n_prompt <= len(ids):
        raise ValueError("n_prompt")
    return [ignore_index] * n_prompt + list(ids[n_prompt:])
