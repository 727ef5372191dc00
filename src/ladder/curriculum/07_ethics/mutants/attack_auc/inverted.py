# mutant: counts members with the higher loss
# likely: low losses mean 'member'
import numpy as np


def attack_auc(member_losses, nonmember_losses) -> float:
    m, o = np.asarray(member_losses)[:, None], np.asarray(nonmember_losses)[None, :]
    return float(np.mean(m > o) + 0.5 * np.mean(m == o))
