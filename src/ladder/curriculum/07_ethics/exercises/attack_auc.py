"""The AUC of a loss-threshold membership attack.

The attacker guesses "member" for low losses. Over all thresholds its ROC AUC is the
probability that a random member has a *lower* loss than a random non-member, ties
counting one half:

    AUC = ( #{(i, j): m_i < o_j} + ½ · #{(i, j): m_i = o_j} ) / (len(m) · len(o))

with m the members' losses and o the non-members'. Return a Python float. (For large
inputs a rank sum — Mann–Whitney U — computes the same without the double loop.)

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def attack_auc(member_losses, nonmember_losses) -> float:
    # TODO: compare every member loss with every non-member loss (broadcasting works).
    raise NotImplementedError
