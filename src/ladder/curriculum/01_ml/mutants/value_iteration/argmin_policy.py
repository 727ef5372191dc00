# mutant: the policy takes the worst action
import numpy as np


def _q(env, V, gamma):
    Q = env.reward + gamma * np.where(env.terminal[env.next_state], 0.0, V[env.next_state])
    Q[env.terminal] = 0.0
    return Q


def value_iteration(env, gamma=0.95, tol=1e-10, max_iter=10_000):
    V = np.zeros(env.n_states)
    for _ in range(max_iter):
        V_new = _q(env, V, gamma).max(axis=1)
        done = np.max(np.abs(V_new - V)) < tol
        V = V_new
        if done:
            break
    return V, np.argmin(_q(env, V, gamma), axis=1)
