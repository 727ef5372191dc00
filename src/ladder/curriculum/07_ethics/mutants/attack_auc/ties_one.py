# mutant: counts ties as wins
# likely: ties count one half, not one
import numpy as np


def attack_auc(member_losses, nonmember_losses) -> float:
    m, o = np.asarray(member_losses)[:, None], np.asarray(nonmember_losses)[None, :]
    return float(np.mean(m <= o))
