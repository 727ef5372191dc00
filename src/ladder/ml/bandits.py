r"""Multi-armed bandits: learning which action pays while paying to learn.

``K`` arms, arm ``a`` pays 1 with unknown probability :math:`\mu_a` (Bernoulli). After
``T`` pulls the **regret** is :math:`R_T = T\mu^* - \sum_t \mu_{a_t}`: what always pulling
the best arm would have earned in expectation, minus what the chosen arms' means earned.
A good strategy has regret growing like :math:`\log T`, not :math:`T`.

* **ε-greedy** — with probability ε pull a random arm, else the best mean so far.
  Constant ε explores forever: linear regret :math:`\approx \varepsilon T \bar\Delta`.
* **UCB1** (Auer et al., 2002) — pull the arm maximising
  :math:`\hat\mu_a + \sqrt{2\ln t / n_a}`: optimism in the face of uncertainty.
  :math:`O(\sum_a \ln T / \Delta_a)` regret.
* **Thompson sampling** — keep a :math:`\mathrm{Beta}(1 + s_a, 1 + f_a)` posterior per
  arm, draw one sample from each, pull the largest: probability matching.

There is no library twin; ``tests/ml/test_bandits.py`` checks the regret laws (UCB1 and
Thompson beat ε-greedy and grow sub-linearly) and exact counts on a fixed seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ladder.ml.base import check_param, check_random_state

__all__ = [
    "BernoulliBandit",
    "EpsilonGreedy",
    "UCB1",
    "ThompsonSampling",
    "run_bandit",
    "BanditRun",
]


class BernoulliBandit:
    """Arms paying 1 with probabilities ``means`` (and 0 otherwise)."""

    def __init__(self, means: ArrayLike, random_state: int | None = None) -> None:
        self.means = np.asarray(means, dtype=np.float64)
        if (
            self.means.ndim != 1
            or self.means.size < 2
            or np.any((self.means < 0) | (self.means > 1))
        ):
            raise ValueError(
                f"means={self.means.tolist()} must be at least 2 probabilities in [0, 1]."
            )
        self.rng = check_random_state(random_state)

    def pull(self, arm: int) -> float:
        return float(self.rng.random() < self.means[arm])


class _Agent:
    def __init__(self, n_arms: int) -> None:
        check_param("n_arms", n_arms, kind=int, low=2)
        self.counts = np.zeros(n_arms)
        self.values = np.zeros(n_arms)  # running mean reward per arm

    def update(self, arm: int, reward: float) -> None:
        self.counts[arm] += 1
        self.values[arm] += (reward - self.values[arm]) / self.counts[arm]


class EpsilonGreedy(_Agent):
    """Explore uniformly with probability ``epsilon``, else exploit the best mean."""

    def __init__(self, n_arms: int, epsilon: float = 0.1, random_state: int | None = None):
        super().__init__(n_arms)
        check_param("epsilon", epsilon, low=0.0, high=1.0)
        self.epsilon = epsilon
        self.rng = check_random_state(random_state)

    def select(self, t: int) -> int:
        if self.rng.random() < self.epsilon:
            return int(self.rng.integers(self.counts.size))
        return int(np.argmax(self.values))


class UCB1(_Agent):
    """Pull each arm once, then the largest upper confidence bound."""

    def select(self, t: int) -> int:
        untried = np.flatnonzero(self.counts == 0)
        if untried.size:
            return int(untried[0])
        return int(np.argmax(self.values + np.sqrt(2.0 * np.log(t) / self.counts)))


class ThompsonSampling(_Agent):
    """Beta–Bernoulli posterior sampling (uniform prior)."""

    def __init__(self, n_arms: int, random_state: int | None = None) -> None:
        super().__init__(n_arms)
        self.rng = check_random_state(random_state)

    def select(self, t: int) -> int:
        wins = self.values * self.counts
        return int(np.argmax(self.rng.beta(1.0 + wins, 1.0 + self.counts - wins)))


@dataclass
class BanditRun:
    """What happened in one run."""

    arms: np.ndarray  # arm pulled at each step (T,)
    rewards: np.ndarray  # reward received (T,)
    regret: np.ndarray  # cumulative expected regret after each step (T,)


def run_bandit(agent: _Agent, bandit: BernoulliBandit, n_steps: int) -> BanditRun:
    """Play ``n_steps`` rounds; regret uses the true means (expected, not realised)."""
    check_param("n_steps", n_steps, kind=int, low=1)
    arms = np.empty(n_steps, dtype=int)
    rewards = np.empty(n_steps)
    for t in range(1, n_steps + 1):
        a = agent.select(t)
        r = bandit.pull(a)
        agent.update(a, r)
        arms[t - 1], rewards[t - 1] = a, r
    gaps = bandit.means.max() - bandit.means[arms]
    return BanditRun(arms, rewards, np.cumsum(gaps))
