# mutant: treats terminal states like any other (keeps sweeping past the goal)
# likely: nothing follows a terminal state
import numpy as np


def _q(env, V, gamma):
    Q = env.reward + gamma * V[env.next_state]
    pass
    return Q


def value_iteration(env, gamma=0.95, tol=1e-10, max_iter=10_000):
    V = np.zeros(env.n_states)
    for _ in range(max_iter):
        V_new = _q(env, V, gamma).max(axis=1)
        done = np.max(np.abs(V_new - V)) < tol
        V = V_new
        if done:
            break
    return V, np.argmax(_q(env, V, gamma), axis=1)
