"""The learning engine in a real browser on a real server (`ladder serve`), from a fresh
workspace: a passed exercise written again from the review page, mastery per concept, a
placement question, a feed uploaded on the papers page, the stats page's forecast."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ladder.study import session
from ladder.study.workspace import Workspace

from ..browser import chromium, serving
from ..browser import marks as browser_marks
from .conftest import MSE_RIGHT, T0

FEED = Path(__file__).parent / "data" / "arxiv-feed.xml"
pytestmark = browser_marks


@pytest.fixture
def prepared(ws, cur):
    """A workspace where ml.mse was passed 40 days before the server's clock."""
    ex = cur.exercises["ml.mse"]
    ws.exercise_path(ex).write_text(MSE_RIGHT)
    store = Workspace(ws.root).store
    session.check(store, ex, ws.exercise_path(ex), T0)
    store.mark_read("ml.linear-regression", T0)
    store.close()
    ws.close()
    return ws


@pytest.fixture
def server(prepared):
    with serving(prepared.root, LADDER_NOW=(T0 + timedelta(days=40)).isoformat()) as url:
        yield url


@pytest.fixture
def browser():
    with chromium() as b:
        yield b


def test_learning_engine_in_the_browser(server, browser, prepared, cur):
    page = browser.new_page(viewport={"width": 1180, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    origin = server.split("/?")[0]
    page.goto(server)
    assert "1 exercise to write again" in page.inner_text("section.next")

    # The review page offers the due exercise; start it, write it, check it.
    page.click("header nav >> text=Review")
    page.wait_for_selector("#start-recall")
    page.click("#start-recall")
    page.wait_for_selector("#check-recall")
    learner_file = prepared.exercise_path(cur.exercises["ml.mse"])
    assert learner_file.read_text() == cur.exercises["ml.mse"].stub_path.read_text()
    learner_file.write_text(MSE_RIGHT)
    page.click("#check-recall")
    page.wait_for_selector("#recall-result", timeout=60_000)
    assert "Rated Easy" in page.inner_text("#recall-result")  # no hint, no failure, at once

    # Mastery per concept, from the roadmap.
    page.goto(origin + "/")
    page.click("text=Mastery per concept")
    page.wait_for_selector("#concept-linear-regression")
    assert "%" in page.inner_text("#concept-linear-regression")

    # A placement question answered wrong moves the test on.
    page.goto(origin + "/placement/ml")
    page.wait_for_selector("#placement-question")
    card = cur.cards[next(c for c in cur.cards_of("ml.kinds-of-learning") if c.auto_checked).id]
    if card.kind == "choice":
        page.locator("button.choice").nth((int(card.answer) + 1) % len(card.choices)).click()
    else:
        page.fill("#answer", "-987654")
        page.click("#placement-question button[type=submit]")
    page.wait_for_selector("#last")
    assert "Not quite" in page.inner_text("#last")

    # Papers: upload a feed.
    page.click("header nav >> text=Papers")
    page.set_input_files("input[name=feed]", str(FEED))
    page.click("#import-feed")
    page.wait_for_selector("#imported")
    assert "new for your stages" in page.inner_text("#imported")

    # Stats: the forecast chart.
    page.click("header nav >> text=Stats")
    page.wait_for_selector("#forecast")
    assert page.locator("svg.chart").count() >= 3
    assert not errors, errors
