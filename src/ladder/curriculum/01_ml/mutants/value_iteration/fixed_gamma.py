# mutant: ignores the gamma argument (always 0.95)
import numpy as np


def value_iteration(env, gamma=0.95, tol=1e-10, max_iter=10_000):
    V = np.zeros(env.n_states)
    for _ in range(max_iter):
        Q = env.reward + 0.95 * np.where(env.terminal[env.next_state], 0.0, V[env.next_state])
        Q[env.terminal] = 0.0
        V_new = Q.max(axis=1)
        done = np.max(np.abs(V_new - V)) < tol
        V = V_new
        if done:
            break
    Q = env.reward + 0.95 * np.where(env.terminal[env.next_state], 0.0, V[env.next_state])
    Q[env.terminal] = 0.0
    return V, np.argmax(Q, axis=1)
