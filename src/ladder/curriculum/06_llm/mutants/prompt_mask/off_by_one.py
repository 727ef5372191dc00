# mutant: masks by the target's position instead of the predicted token's
# likely: target t is token t + 1
def mask_prompt(ids, n_prompt, ignore_index=-100):
    if not 0 <= n_prompt <= len(ids):
        raise ValueError("n_prompt")
    return [ids[t + 1] if t >= n_prompt else ignore_index for t in range(len(ids) - 1)]
