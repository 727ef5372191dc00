"""The learning engine in the browser, end to end on a fresh workspace: a due exercise in
the review, a lapse explained, mastery, placement, notebooks, papers, stats, bands and
optimize — the same services as the terminal."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from ladder.study import recall, session  # noqa: E402
from ladder.study.memory import check_answer, shown_answer  # noqa: E402
from ladder.study.placement import Placement, decode  # noqa: E402
from ladder.web.app import create_app  # noqa: E402

from ..web.conftest import NOW, TOKEN, login  # noqa: E402
from .conftest import MSE_RIGHT  # noqa: E402

FEED = Path(__file__).parent / "data" / "arxiv-feed.xml"


@pytest.fixture
def clock():
    return {"now": NOW}


@pytest.fixture
def web(ws, cur, clock):
    ws.close()
    app = create_app(ws.root, cur, token=TOKEN, now=lambda: clock["now"])
    return login(app, ws.root)


def test_review_page_offers_a_due_exercise_and_rates_it(web, ws, cur, clock):
    ex = cur.exercises["ml.mse"]
    path = ws.exercise_path(ex)
    path.write_text(MSE_RIGHT)
    assert web.post(f"/exercises/{ex.id}/check").status_code == 200  # joins the schedule
    with closing(web.store()) as store:
        due = recall.rows(store)[ex.id]["due"]
    clock["now"] = NOW + timedelta(days=40)
    assert due < clock["now"].isoformat()
    page = web.get("/")
    assert "1 exercise to write again" in page.text
    page = web.get("/review")
    assert "Write it again: Mean squared error" in page.text and 'id="start-recall"' in page.text
    assert "/review?skip=ml.mse" in page.text
    assert "Write it again" not in web.get("/review?skip=ml.mse").text
    page = web.post(f"/recall/{ex.id}/start")
    assert 'id="check-recall"' in page.text and path.read_text() == ex.stub_path.read_text()
    page = web.post(f"/recall/{ex.id}/check")
    assert "not attempted" in page.text  # still in progress
    path.write_text(MSE_RIGHT)
    clock["now"] += timedelta(minutes=20)
    page = web.post(f"/recall/{ex.id}/check")
    assert 'id="recall-result"' in page.text and "Rated Good" in page.text
    assert "Continue reviewing" in page.text


def test_lapse_explained_on_the_review_page(web, ws, cur, clock):
    with closing(web.store()) as store:
        for lesson in ("ml.kinds-of-learning", "ml.linear-regression"):
            store.mark_read(lesson, NOW)
            for c in cur.cards_of(lesson):
                if c.deck == "course" and not c.auto_checked:
                    session.answer_card(cur, store, c.id, 0, rating=4, at=NOW)
        card = next(
            c
            for c in cur.cards_of("ml.linear-regression")
            if c.deck == "course" and not c.auto_checked
        )
        reps = store.card_rows()[card.id]["reps"]
    clock["now"] = NOW + timedelta(hours=3)
    page = web.post("/review", {"card_id": card.id, "reps": reps, "rating": 1})
    assert page.status_code == 200
    assert 'id="brought-forward"' in page.text and "Kinds of learning" in page.text


def test_concepts_placement_notebook_papers_stats_optimize(web, ws, cur, tmp_path):
    page = web.get("/concepts")
    assert "Mastery per concept" in page.text and "Attention as soft lookup" in page.text

    # Placement for stage nn, answered right, with the exercise skipped.
    assert "Neural networks" in web.get("/placement").text
    history = ""
    for _ in range(20):
        page = web.get(f"/placement/nn?h={history}")
        if 'id="placement-result"' in page.text:
            break
        q = Placement(cur, "nn", decode(cur, history)).next()
        if q.kind == "exercise":
            data = {"h": history, "action": "skip"}
        elif q.self_rated:
            data = {"h": history, "knew": "1"}
        else:
            card = cur.cards[q.id]
            typed = str(int(card.answer) + 1) if card.kind == "choice" else shown_answer(card)
            assert check_answer(card, typed)[0]
            data = {"h": history, "answer": typed}
        r = web.post("/placement/nn/answer", data, follow_redirects=False)
        assert r.status_code == 303
        from urllib.parse import parse_qs, urlparse

        history = parse_qs(urlparse(r.headers["location"]).query).get("h", [""])[0]
    assert 'id="apply-placement"' in page.text
    r = web.post("/placement/nn/apply", {"h": history})
    assert r.status_code == 200
    with closing(web.store()) as store:
        assert "nn.perceptron" in store.read_lessons()

    nb = web.get("/notebooks/ml.mse.ipynb")
    assert (
        nb.status_code == 200 and json.loads(nb.text)["metadata"]["kernelspec"]["name"] == "python3"
    )
    assert web.get("/notebooks/nope.nope.ipynb").status_code == 404

    with closing(web.store()) as store:
        store.mark_read("ml.linear-regression", NOW)
    r = web.http.post(
        "/papers/import",
        data={"csrf_token": web.csrf},
        files={"feed": ("feed.xml", FEED.read_bytes(), "application/atom+xml")},
    )
    assert r.status_code == 200 and "2 new for your stages" in r.text
    page = web.get("/papers")
    assert "Sketched Least Squares" in page.text and "mark read" in page.text
    web.post("/papers/read", {"key": "2603.00001"})
    assert "✓ read" in web.get("/papers").text

    page = web.get("/stats")
    assert 'id="forecast"' in page.text and "<svg" in page.text

    page = web.get("/optimize")
    assert 'id="not-yet"' in page.text
    assert web.post("/optimize").status_code == 409  # fewer than 512 reviews
    bad = web.post("/optimize/apply", {"parameters": "[1, 2]"})
    assert bad.status_code == 400


def test_lab_run_page_shows_bands(web, ws, cur):
    from ladder.study.labs import run_lab

    result = run_lab(cur.labs["ml.linear-regression-diabetes"], ws.root / "runs", quick=True)
    page = web.get(f"/labs/ml.linear-regression-diabetes/runs/{result.out_dir.name}")
    assert 'id="bands"' in page.text and "in band" in page.text and "test_r2" in page.text


def test_placement_pages_refuse_bad_input(web):
    assert web.get("/placement/nope").status_code == 404
    assert web.get("/placement/ml?h=e:ml.mse:1").status_code == 400  # not the first question
    assert web.get("/placement/ml?h=c:no.such:1").status_code == 400
    r = web.post("/placement/ml/answer", {"h": "", "answer": " "})
    assert r.status_code == 400 and "Type an answer" in r.text
    assert web.post("/placement/ml/apply", {"h": ""}).status_code == 409  # not finished
    assert web.post("/recall/ml.mse/start").status_code == 409  # not passed yet
    assert web.post("/recall/ml.mse/give-up").status_code == 409
    assert web.get("/recall/ml.nope").status_code == 404
