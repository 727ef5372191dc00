"""The UCB1 bandit agent (Auer, Cesa-Bianchi & Fischer, 2002).

The agent keeps, per arm, ``counts[a]`` (pulls so far) and ``values[a]`` (mean reward
so far; ``update`` is written for you). ``select(t)`` at round t = 1, 2, ... must:

    1. pull an arm never tried yet, if any (the one with the smallest index);
    2. otherwise pull argmax_a  values[a] + sqrt(2 * ln(t) / counts[a])

(np.argmax: the smallest index wins ties). Return the arm as an int.
"""

import numpy as np


class UCB1:
    def __init__(self, n_arms: int) -> None:
        self.counts = np.zeros(n_arms)
        self.values = np.zeros(n_arms)

    def update(self, arm: int, reward: float) -> None:
        self.counts[arm] += 1
        self.values[arm] += (reward - self.values[arm]) / self.counts[arm]

    def select(self, t: int) -> int:
        # TODO: untried arms first; then the largest upper confidence bound.
        raise NotImplementedError
