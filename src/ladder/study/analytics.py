"""Analytics of the learner's own history, and their own FSRS parameters.

:func:`report` gathers, from the progress store alone:

* **retention** per stage and per concept: the share of reviews of items seen before
  (cards and exercises written again) answered Hard, Good or Easy rather than Again;
* **time to solve** per exercise: from its first checked attempt to its first pass;
* **hint reliance**: how many passed exercises needed hints, and how many on average;
* **forecast**: reviews due on each of the next days (cards and exercises; overdue
  ones count today).

:func:`plots` draws them with matplotlib (PNG, for ``ladder stats``); the web page
draws the same numbers as inline SVG.

:func:`optimize` fits FSRS's parameters to the learner's own review log with the
``fsrs`` package's ``Optimizer`` (it needs PyTorch, pandas and tqdm). It needs
:data:`MIN_REVIEWS` reviews — the optimiser's mini-batch; with fewer it returns FSRS's
defaults unchanged — and shows, replaying every item's history under both parameter
sets, the log-loss of the predicted recall against what happened and the expected
retention of the items now. :func:`apply_parameters` saves them for every later review.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ladder.curriculum import Curriculum
from ladder.study.store import Store

__all__ = [
    "MIN_REVIEWS",
    "report",
    "plots",
    "history",
    "OptimizeReport",
    "optimize",
    "apply_parameters",
    "reset_parameters",
]

MIN_REVIEWS = 512  # fsrs.Optimizer's mini-batch: below it, it keeps the defaults


def _when(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def history(cur: Curriculum, store: Store) -> dict[tuple[str, str], list[tuple[datetime, int]]]:
    """Every reviewed item's reviews in time order: (kind, id) → [(time, rating), …]."""
    from ladder.study.recall import recall_logs

    out: dict[tuple[str, str], list[tuple[datetime, int]]] = defaultdict(list)
    for log in store.review_logs():
        out[("card", log["card_id"])].append((_when(log["reviewed_at"]), log["rating"]))
    for log in recall_logs(store):
        out[("exercise", log["exercise_id"])].append((_when(log["reviewed_at"]), log["rating"]))
    for reviews in out.values():
        reviews.sort(key=lambda r: r[0])
    return dict(out)


def _share(values: list[bool]) -> float | None:
    return sum(values) / len(values) if values else None


def report(cur: Curriculum, store: Store, now: datetime, days: int = 30) -> dict:
    """The numbers of ``ladder stats`` and the stats page (see the module's docstring)."""
    from ladder.study.recall import recall_logs
    from ladder.study.recall import rows as recall_rows

    by_stage: dict[str, list[bool]] = defaultdict(list)
    by_concept: dict[str, list[bool]] = defaultdict(list)
    logs = [("card", l["card_id"], l) for l in store.review_logs() if not l["was_new"]]
    logs += [("exercise", l["exercise_id"], l) for l in recall_logs(store) if not l["was_new"]]
    for kind, item_id, log in logs:
        item = cur.cards.get(item_id) if kind == "card" else cur.exercises.get(item_id)
        if item is None:
            continue
        ok = log["rating"] > 1
        stage = item_id.split(".")[0]
        by_stage[stage].append(ok)
        for c in cur.concepts_of(item):
            by_concept[c].append(ok)

    solve = []
    hints_rows: dict[str, list[int]] = defaultdict(list)
    for ex in cur.ordered_exercises():
        attempts = [a for a in store.attempts(ex.id) if a["outcome"] != "not_attempted"]
        passed = next((a for a in attempts if a["outcome"] == "passed"), None)
        if passed is None:
            continue
        minutes = (_when(passed["at"]) - _when(attempts[0]["at"])).total_seconds() / 60
        tries = attempts.index(passed) + 1
        solve.append(
            {
                "exercise": ex.id,
                "stage": ex.stage,
                "minutes": round(minutes, 1),
                "attempts": tries,
                "hints": passed["hints_used"],
            }
        )
        hints_rows[ex.stage].append(passed["hints_used"])

    from ladder.study.activity import due_forecast

    forecast = [n for _, n in due_forecast(store, now, days=days)]  # suspended cards left out
    forecast_ex = [0] * days
    today = now.astimezone().date()
    for row in recall_rows(store).values():
        d = max(0, (_when(row["due"]).astimezone().date() - today).days)
        if d < days:
            forecast_ex[d] += 1

    stage_order = [s.id for s in cur.stages]
    return {
        "retention_by_stage": {
            s: {"reviews": len(by_stage[s]), "retention": _share(by_stage[s])}
            for s in stage_order
            if by_stage.get(s)
        },
        "retention_by_concept": {
            c: {
                "title": cur.concepts[c].title,
                "reviews": len(by_concept[c]),
                "retention": _share(by_concept[c]),
            }
            for c in cur.concepts
            if by_concept.get(c)
        },
        "time_to_solve": solve,
        "median_minutes_by_stage": {
            s: statistics.median(r["minutes"] for r in solve if r["stage"] == s)
            for s in stage_order
            if any(r["stage"] == s for r in solve)
        },
        "hint_reliance": {
            s: {
                "passed": len(hints_rows[s]),
                "with_hints": sum(1 for h in hints_rows[s] if h),
                "share": _share([h > 0 for h in hints_rows[s]]),
                "mean_hints": statistics.fmean(hints_rows[s]),
            }
            for s in stage_order
            if hints_rows.get(s)
        },
        "forecast": [
            {
                "day": (today + timedelta(days=k)).isoformat(),
                "cards": forecast[k],
                "exercises": forecast_ex[k],
            }
            for k in range(days)
        ],
    }


def plots(rep: dict, out_dir: Path) -> list[Path]:
    """PNG plots of a :func:`report` in ``out_dir`` (the workspace's ``stats/``)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out_dir.mkdir(parents=True, exist_ok=True)
    made = []

    fig, ax = plt.subplots(figsize=(8, 3.2))
    days = [f["day"][5:] for f in rep["forecast"]]
    cards = [f["cards"] for f in rep["forecast"]]
    ex = [f["exercises"] for f in rep["forecast"]]
    ax.bar(days, cards, label="cards")
    ax.bar(days, ex, bottom=cards, label="exercises")
    ax.set_title("Reviews due, next 30 days")
    ax.yaxis.get_major_locator().set_params(integer=True)  # counts of reviews
    ax.set_xticks(days[::5])
    ax.legend()
    fig.tight_layout()
    made.append(out_dir / "forecast.png")
    fig.savefig(made[-1], dpi=100)
    plt.close(fig)

    stages = rep["retention_by_stage"]
    fig, ax = plt.subplots(figsize=(8, 3.2))
    names = list(stages) or ["(no reviews yet)"]
    values = [100 * (stages[s]["retention"] or 0) for s in stages] or [0]
    ax.bar(names, values)
    ax.set_ylim(0, 100)
    ax.set_ylabel("% not forgotten")
    ax.set_title("Retention per stage (reviews of items seen before)")
    fig.tight_layout()
    made.append(out_dir / "retention.png")
    fig.savefig(made[-1], dpi=100)
    plt.close(fig)

    solve = rep["time_to_solve"]
    fig, ax = plt.subplots(figsize=(8, 3.2))
    if solve:
        ax.scatter(
            [r["minutes"] for r in solve],
            [r["hints"] for r in solve],
            s=[12 * r["attempts"] for r in solve],
            alpha=0.6,
        )
    ax.set_xlabel("minutes from first attempt to pass")
    ax.set_ylabel("hints used")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Time to solve and hint reliance (size: attempts)")
    fig.tight_layout()
    made.append(out_dir / "solving.png")
    fig.savefig(made[-1], dpi=100)
    plt.close(fig)
    return made


# -- the learner's own FSRS parameters -----------------------------------------------------


@dataclass
class OptimizeReport:
    reviews: int
    parameters_before: list[float]
    parameters_after: list[float]
    log_loss_before: float  # lower fits the learner's answers better
    log_loss_after: float
    retention_before: float  # expected recall of every reviewed item now
    retention_after: float
    observed: float  # the share of reviews (after the first) not answered Again

    def to_dict(self) -> dict:
        return dict(vars(self))


def _replay(hist: dict, parameters: list[float], now: datetime) -> tuple[float, float, float]:
    """Replay every item's reviews under ``parameters``: the mean log-loss of predicted
    recall on reviews a day or more apart, the mean retrievability now, and the observed
    recall on those reviews."""
    from fsrs import Card as FsrsCard
    from fsrs import Rating, Scheduler

    scheduler = Scheduler(parameters=tuple(parameters), enable_fuzzing=False)
    loss, n, recalled, retention = 0.0, 0, 0, []
    for reviews in hist.values():
        card = FsrsCard()
        for when, rating in reviews:
            if card.last_review is not None and (when - card.last_review).days >= 1:
                p = min(max(scheduler.get_card_retrievability(card, when), 1e-6), 1 - 1e-6)
                y = rating > 1
                loss -= math.log(p) if y else math.log(1 - p)
                recalled += y
                n += 1
            card, _ = scheduler.review_card(card, Rating(rating), review_datetime=when)
        retention.append(scheduler.get_card_retrievability(card, now))
    return (
        loss / n if n else float("nan"),
        statistics.fmean(retention) if retention else float("nan"),
        recalled / n if n else float("nan"),
    )


def optimize(
    cur: Curriculum, store: Store, now: datetime, on_fit: Callable[[int], None] | None = None
) -> OptimizeReport:
    """Fit FSRS to this learner's reviews (see the module's docstring); nothing is saved
    until :func:`apply_parameters`. ``on_fit(n)`` is called once there are enough reviews,
    just before the (long) fit."""
    from fsrs import Rating, ReviewLog
    from fsrs.scheduler import DEFAULT_PARAMETERS

    from ladder.study.errors import Refused
    from ladder.study.memory import PARAMETERS_KEY

    hist = history(cur, store)
    total = sum(len(r) for r in hist.values())
    if total < MIN_REVIEWS:
        raise Refused(
            f"You have {total} reviews; fitting FSRS to you needs at least {MIN_REVIEWS} "
            f"({MIN_REVIEWS - total} more). Until then FSRS's defaults, fitted to many "
            "learners, serve you well."
        )
    try:
        from fsrs import Optimizer

        Optimizer([])  # raises without PyTorch, pandas and tqdm
    except ImportError as exc:
        raise Refused(
            f"The FSRS optimiser needs PyTorch, pandas and tqdm ({exc}): "
            "pip install 'llm-ladder[learning,torch]'."
        ) from exc
    if on_fit is not None:
        on_fit(total)
    ids = {key: n for n, key in enumerate(sorted(hist), start=1)}
    logs = [
        ReviewLog(card_id=ids[key], rating=Rating(r), review_datetime=t, review_duration=None)
        for key, reviews in hist.items()
        for t, r in reviews
    ]
    saved = store.get_setting(PARAMETERS_KEY)
    before = list(json.loads(saved)) if saved else list(DEFAULT_PARAMETERS)
    after = [float(x) for x in Optimizer(logs).compute_optimal_parameters()]
    loss_b, ret_b, observed = _replay(hist, before, now)
    loss_a, ret_a, _ = _replay(hist, after, now)
    return OptimizeReport(total, before, after, loss_b, loss_a, ret_b, ret_a, observed)


def apply_parameters(store: Store, parameters: list[float]) -> None:
    """Use ``parameters`` for every later review (cards and exercises)."""
    from ladder.study.memory import PARAMETERS_KEY

    if len(parameters) != 21 or not all(math.isfinite(p) for p in parameters):
        raise ValueError(f"FSRS-6 takes 21 finite parameters, not {parameters!r}")
    store.set_setting(PARAMETERS_KEY, json.dumps([round(p, 6) for p in parameters]))


def reset_parameters(store: Store) -> None:
    """Back to FSRS's defaults."""
    from ladder.study.memory import PARAMETERS_KEY

    with store.transaction() as c:
        c.execute("DELETE FROM settings WHERE key = ?", (PARAMETERS_KEY,))
