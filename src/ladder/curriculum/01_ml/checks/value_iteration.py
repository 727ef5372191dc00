"""Checks for the value-iteration exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_equal
from ladder.ml.gridworld import GridWorld


def _no_terminal_mask(env, gamma, zero_terminal_q=False):
    """The values sweeps give if terminal successors are not masked (and, unless
    ``zero_terminal_q``, terminal states keep their Q)."""
    V = np.zeros(env.n_states)
    for _ in range(2000):
        Q = env.reward + gamma * V[env.next_state]
        if zero_terminal_q:
            Q[env.terminal] = 0.0
        V, old = Q.max(axis=1), V
        if np.max(np.abs(V - old)) < 1e-13:
            break
    return V


def _terminal_q_kept(env, gamma):
    """The values if terminal successors count 0 but a terminal state's own Q is kept."""
    V = np.zeros(env.n_states)
    for _ in range(2000):
        Q = env.reward + gamma * np.where(env.terminal[env.next_state], 0.0, V[env.next_state])
        V, old = Q.max(axis=1), V
        if np.max(np.abs(V - old)) < 1e-13:
            break
    return V


def check_corridor(submitted, reference):
    """a corridor S . . G: values rise towards the goal"""
    env = GridWorld(("S..G",), step_reward=-0.1)
    V, _ = submitted(env, gamma=0.9)
    expect_close(
        V,
        reference(env, gamma=0.9)[0],
        rtol=1e-8,
        atol=1e-9,
        what="V",
        inputs="layout ['S..G'], step reward −0.1, gamma 0.9",
        mistakes=[
            (
                _no_terminal_mask(env, 0.9),
                "nothing follows a terminal state: use V = 0 after a terminal state, "
                "and Q = 0 from a terminal state",
            ),
            (
                _no_terminal_mask(env, 0.9, zero_terminal_q=True),
                "nothing follows a terminal state: count V = 0 for a terminal next state",
            ),
            (
                _terminal_q_kept(env, 0.9),
                "set Q = 0 from a terminal state: the goal's and the pit's own values are 0",
            ),
        ],
    )


def check_default_grid_values(submitted, reference):
    """the optimal values of the default grid world"""
    env = GridWorld()
    V, _ = submitted(env, gamma=0.95)
    # Both iterate to a 1e-10 change; a contraction by 0.95 leaves errors below 1e-8.
    expect_close(
        V,
        reference(env, gamma=0.95)[0],
        rtol=1e-7,
        atol=1e-8,
        what="V",
        inputs="GridWorld() (4 x 5, goal +1, pit −1, step −0.04), gamma 0.95",
        mistakes=[
            (_no_terminal_mask(env, 0.95), "nothing follows a terminal state: its value is 0")
        ],
    )


def check_default_grid_policy(submitted, reference):
    """the greedy policy (first action on ties)"""
    env = GridWorld()
    _, pi = submitted(env, gamma=0.95)
    _, ref = reference(env, gamma=0.95)
    live = ~env.terminal
    expect_equal(
        np.asarray(pi)[live],
        ref[live],
        what="the policy in non-terminal states",
        inputs="GridWorld(), gamma 0.95\n" + env.render(ref),
    )


def check_discount(submitted, reference):
    """a smaller discount values the far goal less"""
    env = GridWorld()
    expect_close(
        submitted(env, gamma=0.5)[0],
        reference(env, gamma=0.5)[0],
        rtol=1e-7,
        atol=1e-8,
        what="V",
        inputs="GridWorld(), gamma 0.5",
    )
