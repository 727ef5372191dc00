"""Lab: bandits (regret curves) and a grid world (value iteration beside Q-learning).

Bandits: arms paying 0.1, 0.3, 0.5, 0.7 and 0.8; ε-greedy (ε = 0.1), UCB1 and Thompson
sampling. One seeded run of 5,000 rounds gives the lesson's numbers (bandit seed 1,
agent seed 0); the curves average several seeds. There is no library twin, so the
reference is the law each curve should follow: linear growth for constant ε, logarithmic
for UCB1 (below its bound 8 Σ ln T / Δ + (1 + π²/3) Σ Δ). Grid world: value iteration
plans with the model; Q-learning learns from experience; both policies are drawn, and
every Q-learning action is checked to be optimal.
"""

from __future__ import annotations

from ladder.labs.context import LabContext

MEANS = (0.1, 0.3, 0.5, 0.7, 0.8)


def _agents(seed: int):
    from ladder.ml.bandits import UCB1, EpsilonGreedy, ThompsonSampling

    return {
        "ε-greedy (ε = 0.1)": lambda: EpsilonGreedy(len(MEANS), 0.1, random_state=seed),
        "UCB1": lambda: UCB1(len(MEANS)),
        "Thompson sampling": lambda: ThompsonSampling(len(MEANS), random_state=seed),
    }


def _draw_policy(ax, env, policy, title: str) -> None:
    from matplotlib.patches import Rectangle

    from ladder.ml.gridworld import ACTIONS

    n_rows, n_cols = len(env.layout), len(env.layout[0])
    ax.set(xlim=(-0.5, n_cols - 0.5), ylim=(n_rows - 0.5, -0.5), title=title)
    ax.set_xticks([])
    ax.set_yticks([])
    for r, row in enumerate(env.layout):
        for c, ch in enumerate(row):
            colour = {"#": "black", "G": "tab:green", "P": "tab:red"}.get(ch, "white")
            ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor=colour, edgecolor="grey"))
            if ch == "S":
                ax.text(c - 0.4, r - 0.3, "S", fontsize=8)
    for s, (r, c) in enumerate(env.cells):
        if not env.terminal[s]:
            dr, dc = ACTIONS[int(policy[s])]
            ax.arrow(
                c - 0.25 * dc,
                r - 0.25 * dr,
                0.4 * dc,
                0.4 * dr,
                head_width=0.15,
                length_includes_head=True,
                color="tab:blue",
            )


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from ladder.ml.bandits import BernoulliBandit, run_bandit
    from ladder.ml.gridworld import GridWorld, greedy_policy, q_learning, value_iteration

    # --- bandits ---------------------------------------------------------------------
    T = 1000 if ctx.quick else 5000
    seeds = range(3) if ctx.quick else range(20)
    gaps = max(MEANS) - np.array(MEANS)
    gaps = gaps[gaps > 0]
    ucb_bound = 8 * np.sum(np.log(T) / gaps) + (1 + np.pi**2 / 3) * np.sum(gaps)
    curves, rows = {}, []
    for name, make in _agents(0).items():
        single = run_bandit(make(), BernoulliBandit(MEANS, random_state=1), 5000).regret
        runs = [
            run_bandit(_agents(s)[name](), BernoulliBandit(MEANS, random_state=100 + s), T).regret
            for s in ctx.progress(seeds, description=name)
        ]
        curves[name] = np.mean(runs, axis=0)
        rows.append([name, float(single[-1]), float(curves[name][-1]), len(seeds)])
        key = {"ε-greedy (ε = 0.1)": "eps_greedy", "UCB1": "ucb1", "Thompson sampling": "thompson"}[
            name
        ]
        ctx.metric(f"{key}_regret_5000", float(single[-1]))
        ctx.metric(f"{key}_mean_regret", float(curves[name][-1]))
    ctx.metric("ucb1_bound", float(ucb_bound))
    ctx.table(
        f"Bandit regret (arms {list(MEANS)})",
        ["agent", "regret after 5000 (one run)", f"mean regret after {T}", "runs"],
        rows + [["UCB1 bound (Auer et al. 2002)", float("nan"), float(ucb_bound), 0]],
    )

    # --- grid world ------------------------------------------------------------------
    env = GridWorld()
    V, pi_star = value_iteration(env, gamma=0.95)
    episodes = 1000 if ctx.quick else 3000
    Q = q_learning(
        env, n_episodes=episodes, alpha=0.5, gamma=0.95, epsilon=0.3, random_state=ctx.seed
    )
    pi_q = greedy_policy(Q)
    cont = np.where(env.terminal[env.next_state], 0.0, V[env.next_state])
    Q_star = env.reward + 0.95 * cont
    live = np.flatnonzero(~env.terminal)
    optimal = np.isclose(Q_star[live, pi_q[live]], Q_star[live].max(axis=1), atol=1e-9)
    ctx.metric("v_start", float(V[env.start]))
    ctx.metric("q_learning_optimal_share", float(np.mean(optimal)))
    ctx.metric("q_learning_max_abs_error", float(np.max(np.abs(Q[live] - Q_star[live]))))
    ctx.table(
        "Grid world (γ = 0.95): Q-learning beside value iteration",
        ["quantity", "Q-learning", "value iteration"],
        [
            ["V(start)", float(Q[env.start].max()), float(V[env.start])],
            ["states with an optimal greedy action", int(optimal.sum()), len(live)],
        ],
    )
    ctx.log("value iteration policy:\n" + env.render(pi_star))
    ctx.log("Q-learning policy:\n" + env.render(pi_q))

    fig, axes = plt.subplots(1, 3, figsize=(15, 4))
    for name, curve in curves.items():
        axes[0].plot(np.arange(1, T + 1), curve, label=name)
    axes[0].set(
        xlabel="round t", ylabel="expected regret", title=f"Mean regret over {len(seeds)} runs"
    )
    axes[0].legend(fontsize=8)
    _draw_policy(axes[1], env, pi_star, f"Value iteration (V(start) = {V[env.start]:.3f})")
    _draw_policy(axes[2], env, pi_q, f"Q-learning, {episodes} episodes")
    fig.tight_layout()
    path = ctx.figure("bandits_gridworld")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
