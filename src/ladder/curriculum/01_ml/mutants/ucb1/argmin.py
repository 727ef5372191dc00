# mutant: picks the smallest upper bound
import numpy as np


class UCB1:
    def __init__(self, n_arms: int) -> None:
        self.counts = np.zeros(n_arms)
        self.values = np.zeros(n_arms)

    def update(self, arm: int, reward: float) -> None:
        self.counts[arm] += 1
        self.values[arm] += (reward - self.values[arm]) / self.counts[arm]

    def select(self, t: int) -> int:
        untried = np.flatnonzero(self.counts == 0)
        if untried.size:
            return int(untried[0])
        return int(np.argmin(self.values + np.sqrt(2.0 * np.log(t) / self.counts)))
