"""The web app in a real browser (Debian's Chromium, headless, through Playwright),
against the real `ladder serve` in a fresh workspace: roadmap, a lesson, Check on a
failing then a passing exercise, three cards reviewed with the keyboard, a lab run to
its end, stats. A screenshot of each page goes to $LADDER_SCREENSHOTS when it is set."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ladder.study.store import Store
from tests.web.conftest import EXERCISE, LAB, MSE_RIGHT, MSE_WRONG, first_line

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Chromium is not installed at /usr/bin/chromium "
        "(apt-get install chromium); the browser tests need it",
    ),
]


@pytest.fixture
def server(workspace):
    """`ladder serve --no-browser --port 0` in the workspace; yields the printed URL."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("LADDER_WORKSPACE", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "ladder", "serve", "--no-browser", "--port", "0"],
        cwd=workspace,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = first_line(proc)
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        pytest.fail(f"ladder serve did not print its URL: {url!r} {proc.stderr.read()}")
    yield url
    proc.terminate()
    _out, err = proc.communicate(timeout=120)
    assert "Traceback" not in err, err


@pytest.fixture
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Shots:
    def __init__(self, page, folder: Path | None) -> None:
        self.page, self.folder, self.n = page, folder, 0

    def __call__(self, name: str, full: bool = True) -> None:
        self.n += 1
        if self.folder is not None:
            self.page.screenshot(path=str(self.folder / f"{self.n:02d}-{name}.png"), full_page=full)


def _answer(card) -> str:
    return str(int(card.answer) + 1) if card.kind == "choice" else repr(float(card.answer))


def test_a_learner_session_in_the_browser(server, browser, workspace, curriculum):
    folder = os.environ.get("LADDER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1180, "height": 900})
    # Waits bound hangs only: Playwright's 30 s default can run out on a loaded CI machine
    # (a check spawns a Python process, a lab trains a model), so every wait gets minutes.
    page.set_default_timeout(300_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    shot = Shots(page, Path(folder) if folder else None)
    origin = server.split("/?")[0]

    # Roadmap: the token URL turns into a cookie, then the 8 stages and the next step.
    page.goto(server)
    assert page.url == origin + "/"
    assert page.locator("li.stage").count() == 8
    shot("roadmap")

    # A lesson: math as MathML, then "Mark as read".
    page.get_by_role("link", name="Read the lesson").click()
    page.wait_for_url(re.compile(r"/lessons/"))
    assert page.locator("article.lesson math").count() > 5
    shot("lesson")
    page.click("#mark-read")
    page.wait_for_selector("#read-notice")
    assert "Marked as read" in page.inner_text("#read-notice")
    shot("lesson-read", full=False)

    # An exercise: Check fails on a wrong file, a hint, then Check passes.
    page.click("header nav >> text=Exercises")
    shot("exercises")
    page.click(f'a[href="/exercises/{EXERCISE}"]')
    learner_file = workspace / "exercises" / "ml" / "mse.py"
    assert str(learner_file) in page.inner_text("#file-path")
    learner_file.write_text(MSE_WRONG)
    page.click("#check")
    page.wait_for_selector(".outcome.incorrect")
    verdict = page.inner_text("#verdict")
    assert "0.42799999999999994" in verdict and "2.1399999999999997" in verdict
    page.click("#hint")
    page.wait_for_selector("li.hint")
    assert page.locator("li.hint").count() == 1
    shot("exercise-incorrect")
    learner_file.write_text(MSE_RIGHT)
    page.click("#check")
    page.wait_for_selector(".outcome.passed")
    shot("exercise-passed")

    # Review with the keyboard only: at least three cards, and on until a typed answer.
    page.click("header nav >> text=Review")
    reviewed: list[str] = []
    typed = False
    for n in range(8):
        if len(reviewed) >= 3 and typed:
            break
        card_el = page.wait_for_selector("#card")
        # The keys work once app.js (deferred) has run: #card can be there before that.
        page.wait_for_load_state("domcontentloaded")
        card_id, kind = card_el.get_attribute("data-card"), card_el.get_attribute("data-kind")
        card = curriculum.cards[card_id]
        if n == 0:
            shot("review-front", full=False)
        if kind in ("basic", "cloze"):
            page.keyboard.press("Space")
            page.wait_for_selector("details#back[open]")
            if n == 0:
                shot("review-back", full=False)
            with page.expect_navigation():
                page.keyboard.press("3")
        else:
            page.keyboard.type(_answer(card))  # the answer field has the focus
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert "Right:" in page.inner_text("#feedback")
            shot("review-answer", full=False)
            typed = True
            with page.expect_navigation():
                page.keyboard.press("Enter")
        reviewed.append(card_id)
    store = Store.open(workspace / ".ladder" / "ladder.db", backup=False)
    try:
        logs = store.review_logs()
    finally:
        store.close()
    assert [l["card_id"] for l in logs] == reviewed and len(set(reviewed)) == len(reviewed) >= 3

    # A lab, live, to its end and its results.
    page.goto(f"{origin}/labs/{LAB}")
    shot("lab")
    page.click("#start-lab")
    page.wait_for_url(re.compile(r"/labs/jobs/"))
    page.wait_for_selector("#bars .bar-row, #lab-status:has-text('Finished')")
    shot("lab-live", full=False)
    page.wait_for_url(re.compile(r"/labs/.+/runs/\d{8}-\d{6}$"), timeout=600_000)
    assert "done" in page.inner_text("#run-status")
    assert page.locator("table.results").count() >= 1
    page.wait_for_function(
        "() => [...document.images].every(i => i.complete && i.naturalWidth > 0)"
    )
    shot("lab-results")

    page.click("header nav >> text=Stats")
    page.wait_for_selector("svg.chart")
    shot("stats")
    page.goto(f"{origin}/")
    shot("roadmap-after")
    assert errors == [], errors
    if folder:
        assert len(list(Path(folder).glob("*.png"))) >= 12
    shutil.rmtree(workspace / "runs", ignore_errors=True)
