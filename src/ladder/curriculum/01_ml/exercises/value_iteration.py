"""Value iteration on a deterministic grid world.

``env`` is a ``ladder.ml.gridworld.GridWorld`` with arrays
    env.next_state[s, a]  the state reached from s by action a      (n_states, n_actions)
    env.reward[s, a]      the reward for that move                   (n_states, n_actions)
    env.terminal[s]       True for the goal and the pit              (n_states,)

One sweep computes, for every state and action,
    Q(s, a) = reward[s, a] + gamma * V(next_state[s, a])
with V taken as 0 when next_state is terminal, and Q(s, .) = 0 for a terminal s; then
    V_new(s) = max_a Q(s, a).
Start from V = 0 and sweep until max |V_new - V| < tol (or max_iter sweeps). Return
``(V, policy)`` where policy[s] = argmax_a Q(s, a) computed from the final V
(``np.argmax``: the first action wins ties).
"""

import numpy as np


def value_iteration(env, gamma=0.95, tol=1e-10, max_iter=10_000):
    V = np.zeros(env.n_states)
    # TODO: repeat the sweep; then compute Q from the final V and its argmax per state.
    raise NotImplementedError
