"""Analytics and the learner's own FSRS parameters, on a simulated learner's history."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from ladder.study import analytics, session
from ladder.study.memory import DueCard, Memory

from .conftest import MSE_RIGHT, MSE_WRONG, T0


def simulate(cur, store, n_cards: int, days: int, forget: float, seed: int = 0) -> int:
    """A learner who reviews every due card each morning and recalls a card with FSRS's
    probability raised to ``forget`` (> 1: forgets faster than the defaults assume)."""
    rng = random.Random(seed)
    lessons = [l.id for l in cur.ordered_lessons()]
    for l in lessons:
        store.mark_read(l, T0)
    cards = [c for c in cur.cards.values() if c.deck == "course"][:n_cards]
    memory = Memory(cur, store)
    n = 0
    for day in range(days):
        now = T0 + timedelta(days=day, hours=1)
        rows = store.card_rows()
        for card in cards:
            row = rows.get(card.id)
            if row is None:
                rating = 3
            else:
                if row["due"] > now.isoformat():
                    continue
                from ladder.study.concepts import retrievability

                p = retrievability(row["state"], now, memory.scheduler) ** forget
                rating = 3 if rng.random() < p else 1
            memory.answer(DueCard(card, row["reps"] if row else 0, None), rating, now)
            n += 1
    return n


def test_report_retention_solving_hints_forecast(ws, cur):
    store = ws.store
    ex = cur.exercises["ml.mse"]
    path = ws.exercise_path(ex)
    path.write_text(MSE_WRONG)
    session.check(store, ex, path, T0)
    session.reveal_hint(store, ex)
    path.write_text(MSE_RIGHT)
    session.check(store, ex, path, T0 + timedelta(minutes=12))
    simulate(cur, store, 20, 20, forget=1.0)
    rep = analytics.report(cur, store, T0 + timedelta(days=20))
    solved = rep["time_to_solve"]
    assert solved == [
        {"exercise": "ml.mse", "stage": "ml", "minutes": 12.0, "attempts": 2, "hints": 1}
    ]
    assert rep["hint_reliance"]["ml"] == {
        "passed": 1,
        "with_hints": 1,
        "share": 1.0,
        "mean_hints": 1,
    }
    ml = rep["retention_by_stage"]["ml"]
    assert ml["reviews"] > 0 and 0.0 <= ml["retention"] <= 1.0
    assert "linear-regression" in rep["retention_by_concept"]
    assert len(rep["forecast"]) == 30
    # Everything on the schedule is counted once: 20 cards and the exercise.
    assert sum(f["cards"] for f in rep["forecast"]) <= 20
    assert sum(f["exercises"] for f in rep["forecast"]) == 1


def test_plots_are_pngs(ws, cur, tmp_path):
    simulate(cur, ws.store, 10, 5, forget=1.0)
    made = analytics.plots(analytics.report(cur, ws.store, T0), tmp_path / "stats")
    assert [p.name for p in made] == ["forecast.png", "retention.png", "solving.png"]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in made)


def test_optimize_needs_enough_reviews(ws, cur):
    simulate(cur, ws.store, 10, 3, forget=1.0)
    with pytest.raises(session.Refused, match=f"at least {analytics.MIN_REVIEWS}"):
        analytics.optimize(cur, ws.store, T0)


@pytest.mark.slow
def test_optimize_fits_a_learner_who_forgets_faster(ws, cur):
    pytest.importorskip("torch")
    store = ws.store
    n = simulate(cur, store, 160, 60, forget=3.0)
    assert n >= analytics.MIN_REVIEWS
    now = T0 + timedelta(days=60)
    rep = analytics.optimize(cur, store, now)
    assert rep.reviews == n and rep.parameters_after != rep.parameters_before
    # Fitted to this learner, the parameters predict their answers better and expect
    # less retention than the defaults, which assume slower forgetting.
    assert rep.log_loss_after < rep.log_loss_before
    assert rep.retention_after < rep.retention_before
    analytics.apply_parameters(store, rep.parameters_after)
    assert list(Memory(cur, store).scheduler.parameters) == pytest.approx(
        rep.parameters_after, abs=1e-6
    )
    analytics.reset_parameters(store)
    assert list(Memory(cur, store).scheduler.parameters) == pytest.approx(
        rep.parameters_before, abs=1e-6
    )


def test_apply_refuses_bad_parameters(ws):
    with pytest.raises(ValueError, match="21 finite parameters"):
        analytics.apply_parameters(ws.store, [1.0, 2.0])
