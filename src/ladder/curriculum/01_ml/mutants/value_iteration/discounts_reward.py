# mutant: discounts the reward as well as the next value
import numpy as np


def _q(env, V, gamma):
    Q = gamma * (env.reward + np.where(env.terminal[env.next_state], 0.0, V[env.next_state]))
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
    return V, np.argmax(_q(env, V, gamma), axis=1)
