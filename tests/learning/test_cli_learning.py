"""The learning engine from the terminal, end to end on a fresh workspace: both counts in
`ladder`, a due exercise written again inside `ladder review`, a lapse explained, mastery
on `ladder map`, bands after `ladder run`, a placement, notebooks, papers, stats, optimize."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ladder.cli import app
from ladder.study import recall, session
from ladder.study.placement import Placement
from ladder.study.workspace import Workspace

from .conftest import MSE_RIGHT, T0
from .test_placement import Learner

FEED = Path(__file__).parent / "data" / "arxiv-feed.xml"


@pytest.fixture
def cli(ws, monkeypatch):
    monkeypatch.setenv("LADDER_WORKSPACE", str(ws.root))
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def run(*args, input=None, at=T0):
        monkeypatch.setenv("LADDER_NOW", at.isoformat())
        ws.close()  # each command opens the database itself
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


def test_review_mixes_a_due_exercise_and_ladder_shows_both_counts(cli, ws, cur):
    ex = cur.exercises["ml.mse"]
    path = ws.exercise_path(ex)
    path.write_text(MSE_RIGHT)
    r = cli("check", "ml.mse")
    assert r.exit_code == 0 and "joins your reviews" in r.output
    store = Workspace(ws.root).store
    due = recall.rows(store)["ml.mse"]["due"]
    store.close()
    later = T0 + timedelta(days=30)
    assert due < later.isoformat()
    r = cli("learn", "ml.kinds-of-learning", at=later)
    r = cli(at=later)
    assert "1 exercise to write again" in r.output and "card" in r.output
    # In the review: Enter starts from the blank stub; the old file is kept.
    r = cli("review", "--limit", "1", input="\nq\n", at=later)
    assert "Write it again: ml.mse" in r.output and "earlier solution is saved" in r.output
    assert path.read_text() == ex.stub_path.read_text()
    path.write_text(MSE_RIGHT)
    r = cli("review", "--limit", "1", input="\n", at=later + timedelta(minutes=3))
    assert "passed" in r.output and "Written again: rated Easy" in r.output
    assert "wrote 1 exercise(s) again" in r.output


def test_lapse_is_explained_in_review(cli, ws, cur):
    store = Workspace(ws.root).store
    store.mark_read("ml.kinds-of-learning", T0)
    store.mark_read("ml.linear-regression", T0)
    for lesson in ("ml.kinds-of-learning", "ml.linear-regression"):
        for c in cur.cards_of(lesson):
            if c.deck == "course" and not c.auto_checked:
                session.answer_card(cur, store, c.id, 0, rating=4, at=T0)
    basic = [
        c for c in cur.cards_of("ml.linear-regression") if c.deck == "course" and not c.auto_checked
    ]
    due = max(store.card_rows()[c.id]["due"] for c in basic)
    store.close()
    from datetime import datetime

    at = datetime.fromisoformat(due) + timedelta(minutes=1)
    # Answer every due card Again until one of linear regression's is reached.
    r = cli("review", "--limit", "40", input="\n1\n" * 40, at=at)
    assert "which rests on Kinds of learning" in r.output and "brought forward" in r.output


def test_map_shows_mastery_per_concept(cli, ws, cur):
    r = cli("map")
    assert "Mastery per concept" in r.output and "Attention as soft lookup" in r.output
    r = cli("map", "--json")
    import json

    rows = json.loads(r.output)["mastery"]
    assert {m["id"] for m in rows} == set(cur.concepts)


def test_run_shows_bands(cli):
    r = cli("run", "ml.linear-regression-diabetes", "--quick")
    assert r.exit_code == 0, r.output
    assert "Expected results (quick run)" in r.output and "✓ in band" in r.output
    assert "test_r2" in r.output


def test_placement_from_the_terminal(cli, ws, cur, tmp_path):
    learner = Learner(set(cur.stage("nn").lessons))
    test, typed = Placement(cur, "nn"), []
    while (q := test.next()) is not None:
        ok = learner.answer(cur, q, tmp_path)
        card = cur.cards.get(q.id)
        if q.kind == "exercise":
            typed.append("s")  # a learner who skips the exercise
            ok = False
        elif q.self_rated:
            typed.append("y" if ok else "n")
        elif card.kind == "choice":
            typed.append(str(int(card.answer) + 1))
        else:
            from ladder.study.memory import shown_answer

            typed.append(shown_answer(card))
        test.answer(ok)
    r = cli("placement", "nn", "--yes", input="\n".join(typed) + "\n")
    assert r.exit_code == 0, r.output
    expected = test.result()
    assert f"Marked {len(expected.known)} lesson(s) read" in r.output
    assert len(expected.known) == len(cur.stage("nn").lessons) - 1  # the skipped exercise's


def test_notebook_papers_stats_optimize(cli, ws, tmp_path):
    r = cli("notebook", "ml.mse", str(tmp_path / "nb"))
    assert r.exit_code == 0 and (tmp_path / "nb" / "ml.mse.ipynb").is_file()
    with pytest.raises(session.Refused, match="no lesson, exercise or lab"):
        cli("notebook", "nope.nope")
    assert cli("notebook", "ml.linear-regression").exit_code == 0
    assert (ws.root / "notebooks" / "ml.linear-regression.ipynb").is_file()
    cli("learn", "ml.linear-regression")
    r = cli("papers", "import", str(FEED))
    assert "2 new for your stages" in r.output and "Sketched Least Squares" in r.output
    r = cli("papers")
    assert "lesson ml.linear-regression" in r.output and "new" in r.output
    r = cli("papers", "read", "1")
    assert "Marked read" in r.output
    assert "✓ read" in cli("papers").output
    r = cli("stats")
    assert r.exit_code == 0 and "Due in the next 7 days" in r.output
    assert (ws.root / "stats" / "forecast.png").is_file()
    with pytest.raises(session.Refused, match="at least 512"):
        cli("optimize", "--yes")
