r"""A grid world, solved twice: by planning (value iteration) and by trial (Q-learning).

The agent moves up/down/left/right on a grid; walls block, the goal ends the episode
with reward +1, a pit with −1, every other step costs ``step_reward``. Moves are
deterministic. With discount :math:`\gamma`:

* **Value iteration** knows the model and repeats the Bellman optimality update
  :math:`V(s) \leftarrow \max_a [r(s, a) + \gamma V(s')]` until it changes by less than
  ``tol``; the greedy policy :math:`\pi^*(s) = \arg\max_a [r + \gamma V(s')]` is optimal.
* **Q-learning** (Watkins, 1989) never sees the model: from experienced transitions it
  updates :math:`Q(s,a) \leftarrow Q(s,a) + \alpha[r + \gamma\max_{a'}Q(s',a') - Q(s,a)]`
  while acting ε-greedily. With enough exploration its greedy policy reaches
  :math:`\pi^*` — the test checks it equals value iteration's exactly.
"""

from __future__ import annotations

import numpy as np

from ladder.ml.base import check_param, check_random_state

__all__ = ["GridWorld", "value_iteration", "q_learning", "greedy_policy", "ACTIONS"]

ACTIONS = ((-1, 0), (1, 0), (0, -1), (0, 1))  # up, down, left, right
ARROWS = "^v<>"

DEFAULT_LAYOUT = (
    "....G",
    ".#..P",
    ".#...",
    "S....",
)


class GridWorld:
    """Grid from strings: ``.`` floor, ``#`` wall, ``S`` start, ``G`` goal (+1),
    ``P`` pit (−1). States are the non-wall cells, numbered row by row."""

    def __init__(self, layout: tuple[str, ...] = DEFAULT_LAYOUT, step_reward: float = -0.04):
        if len({len(row) for row in layout}) != 1:
            raise ValueError("every row of the layout must have the same length; pad them.")
        self.layout = layout
        self.step_reward = step_reward
        self.cells = [
            (r, c) for r, row in enumerate(layout) for c, ch in enumerate(row) if ch != "#"
        ]
        self.index = {cell: i for i, cell in enumerate(self.cells)}
        self.n_states, self.n_actions = len(self.cells), len(ACTIONS)
        starts = [self.index[(r, c)] for r, c in self.cells if layout[r][c] == "S"]
        if len(starts) != 1:
            raise ValueError(f"the layout needs exactly one 'S', found {len(starts)}.")
        self.start = starts[0]
        self.terminal = np.array([layout[r][c] in "GP" for r, c in self.cells])
        # Deterministic model: next state and reward for every (state, action).
        self.next_state = np.zeros((self.n_states, self.n_actions), dtype=int)
        self.reward = np.zeros((self.n_states, self.n_actions))
        for s, (r, c) in enumerate(self.cells):
            for a, (dr, dc) in enumerate(ACTIONS):
                nr, nc = r + dr, c + dc
                inside = 0 <= nr < len(layout) and 0 <= nc < len(layout[0])
                target = (nr, nc) if inside and layout[nr][nc] != "#" else (r, c)
                s2 = self.index[target]
                ch = layout[target[0]][target[1]]
                self.next_state[s, a] = s2
                self.reward[s, a] = 1.0 if ch == "G" else -1.0 if ch == "P" else step_reward

    def step(self, state: int, action: int) -> tuple[int, float, bool]:
        s2 = int(self.next_state[state, action])
        return s2, float(self.reward[state, action]), bool(self.terminal[s2])

    def render(self, policy: np.ndarray) -> str:
        """The grid with an arrow per non-terminal state."""
        rows = [list(row) for row in self.layout]
        for s, (r, c) in enumerate(self.cells):
            if not self.terminal[s]:
                rows[r][c] = ARROWS[policy[s]]
        return "\n".join("".join(row) for row in rows)


def _backup(env: GridWorld, V: np.ndarray, gamma: float) -> np.ndarray:
    """:math:`Q(s, a) = r(s, a) + \\gamma V(s')`, with :math:`V = 0` after a terminal."""
    cont = np.where(env.terminal[env.next_state], 0.0, V[env.next_state])
    Q = env.reward + gamma * cont
    Q[env.terminal] = 0.0  # nothing happens from a terminal state
    return Q


def value_iteration(
    env: GridWorld, gamma: float = 0.95, tol: float = 1e-10, max_iter: int = 10_000
) -> tuple[np.ndarray, np.ndarray]:
    """Optimal state values ``V`` and the greedy optimal policy."""
    check_param("gamma", gamma, low=0.0, high=1.0)
    V = np.zeros(env.n_states)
    for _ in range(max_iter):
        V_new = _backup(env, V, gamma).max(axis=1)
        if np.max(np.abs(V_new - V)) < tol:
            V = V_new
            break
        V = V_new
    return V, greedy_policy(_backup(env, V, gamma))


def greedy_policy(Q: np.ndarray) -> np.ndarray:
    """:math:`\\arg\\max_a Q(s, a)` per state (first action on ties)."""
    return np.argmax(Q, axis=1)


def q_learning(
    env: GridWorld,
    n_episodes: int = 2000,
    alpha: float = 0.5,
    gamma: float = 0.95,
    epsilon: float = 0.2,
    max_steps: int = 200,
    random_state: int | None = None,
    exploring_starts: bool = True,
) -> np.ndarray:
    """Tabular Q-learning with ε-greedy behaviour; returns ``Q`` (n_states, n_actions).

    ``exploring_starts`` begins each episode in a random non-terminal state so every
    state is visited (the condition for convergence to :math:`Q^*`)."""
    check_param("alpha", alpha, low=0.0, high=1.0, low_inclusive=False)
    check_param("epsilon", epsilon, low=0.0, high=1.0)
    rng = check_random_state(random_state)
    Q = np.zeros((env.n_states, env.n_actions))
    starts = np.flatnonzero(~env.terminal)
    for _ in range(n_episodes):
        s = int(rng.choice(starts)) if exploring_starts else env.start
        for _ in range(max_steps):
            if rng.random() < epsilon:
                a = int(rng.integers(env.n_actions))
            else:
                a = int(np.argmax(Q[s]))
            s2, r, done = env.step(s, a)
            target = r if done else r + gamma * Q[s2].max()
            Q[s, a] += alpha * (target - Q[s, a])
            s = s2
            if done:
                break
    return Q
