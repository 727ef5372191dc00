"""Reinforcement learning: regret laws for bandits; Q-learning's greedy policy equals
value iteration's optimal policy on the grid world."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.ml.bandits import (
    UCB1,
    BernoulliBandit,
    EpsilonGreedy,
    ThompsonSampling,
    run_bandit,
)
from ladder.ml.gridworld import GridWorld, greedy_policy, q_learning, value_iteration

MEANS = [0.2, 0.5, 0.55, 0.7]
T = 3000


def mean_regret(make_agent, seeds=range(5)):
    runs = [
        run_bandit(make_agent(s), BernoulliBandit(MEANS, random_state=100 + s), T) for s in seeds
    ]
    return np.mean([r.regret for r in runs], axis=0)


@pytest.fixture(scope="module")
def regrets():
    return {
        "eps": mean_regret(lambda s: EpsilonGreedy(4, 0.1, random_state=s)),
        "ucb": mean_regret(lambda s: UCB1(4)),
        "ts": mean_regret(lambda s: ThompsonSampling(4, random_state=s)),
    }


def test_ucb_and_thompson_beat_constant_epsilon(regrets):
    # eps-greedy's exploration alone costs about eps * mean gap * T = 0.1*0.2375*3000 = 71.
    assert regrets["ts"][-1] < regrets["eps"][-1]
    assert regrets["ucb"][-1] < 1.5 * regrets["eps"][-1]
    assert regrets["eps"][-1] > 0.5 * 0.1 * np.mean(0.7 - np.array(MEANS)) * T


def test_regret_is_sublinear_for_ucb_and_thompson(regrets):
    # Regret added in the second half is smaller than in the first half.
    for name in ("ucb", "ts"):
        r = regrets[name]
        assert r[-1] - r[T // 2] < r[T // 2], name


def test_regret_is_nonnegative_and_nondecreasing(regrets):
    for r in regrets.values():
        assert r[0] >= 0 and np.all(np.diff(r) >= 0)


def test_same_seed_same_run():
    a = run_bandit(ThompsonSampling(4, random_state=1), BernoulliBandit(MEANS, 2), 200)
    b = run_bandit(ThompsonSampling(4, random_state=1), BernoulliBandit(MEANS, 2), 200)
    np.testing.assert_array_equal(a.arms, b.arms)


def test_value_iteration_satisfies_bellman():
    env = GridWorld()
    V, pi = value_iteration(env, gamma=0.95)
    # V is a fixed point of the Bellman optimality operator.
    cont = np.where(env.terminal[env.next_state], 0.0, V[env.next_state])
    Q = env.reward + 0.95 * cont
    Q[env.terminal] = 0
    np.testing.assert_allclose(V, Q.max(axis=1), atol=1e-9)


def optimal_q(env, V, gamma):
    cont = np.where(env.terminal[env.next_state], 0.0, V[env.next_state])
    return env.reward + gamma * cont


MAZE = (  # one shortest way to G; the pit punishes turning left at the bottom
    "S..#.",
    "##.#.",
    "P...G",
)


@pytest.mark.parametrize("step_reward", [-0.04, -0.5])
def test_q_learning_policy_equals_value_iteration_unique_optimum(step_reward):
    env = GridWorld(MAZE, step_reward=step_reward)
    V, pi_star = value_iteration(env, gamma=0.95)
    Q = q_learning(env, n_episodes=2000, alpha=0.5, gamma=0.95, epsilon=0.3, random_state=0)
    live = ~env.terminal
    Q_star = optimal_q(env, V, 0.95)
    top2 = np.sort(Q_star[live], axis=1)[:, -2:]
    assert np.all(top2[:, 1] - top2[:, 0] > 1e-6)  # the optimal action is unique
    np.testing.assert_array_equal(greedy_policy(Q)[live], pi_star[live])
    # Deterministic moves let Q converge to Q* itself, not just its argmax.
    np.testing.assert_allclose(Q[live], Q_star[live], atol=1e-3)


@pytest.mark.parametrize("step_reward", [-0.04, -0.5])
def test_q_learning_policy_is_optimal_with_ties(step_reward):
    # In the open grid several moves are equally good (up-then-right = right-then-up):
    # Q-learning's greedy action must be one of value iteration's optimal actions.
    env = GridWorld(step_reward=step_reward)
    V, pi_star = value_iteration(env, gamma=0.95)
    Q = q_learning(env, n_episodes=3000, alpha=0.5, gamma=0.95, epsilon=0.3, random_state=0)
    live = np.flatnonzero(~env.terminal)
    Q_star = optimal_q(env, V, 0.95)
    chosen = Q_star[live, greedy_policy(Q)[live]]
    np.testing.assert_allclose(chosen, Q_star[live].max(axis=1), atol=1e-9)
    np.testing.assert_allclose(Q_star[live, pi_star[live]], Q_star[live].max(axis=1))
    assert env.render(pi_star).count("G") == 1
