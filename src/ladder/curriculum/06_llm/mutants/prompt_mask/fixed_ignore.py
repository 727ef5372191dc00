# mutant: always uses −100
# likely: use the ignore_index argument
def mask_prompt(ids, n_prompt, ignore_index=-100):
    if not 0 <= n_prompt <= len(ids):
        raise ValueError("n_prompt")
    return [ids[t + 1] if t + 1 >= n_prompt else -100 for t in range(len(ids) - 1)]
