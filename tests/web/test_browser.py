"""The web app in a real browser (Debian's Chromium, headless, through Playwright),
against the real `ladder serve` in a fresh workspace: roadmap, a lesson, Check on a
failing then a passing exercise, three cards reviewed with the keyboard, a lab run to
its end, stats. A screenshot of each page goes to $LADDER_SCREENSHOTS when it is set."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from ladder.study.store import Store
from tests.browser import chromium, serving
from tests.browser import marks as browser_marks
from tests.web.conftest import EXERCISE, LAB, MSE_RIGHT, MSE_WRONG

pytestmark = browser_marks


@pytest.fixture
def server(workspace):
    """`ladder serve --no-browser --port 0` in the workspace; yields the printed URL."""
    with serving(workspace) as url:
        yield url


@pytest.fixture
def browser():
    with chromium() as b:
        yield b


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


# -- phones, the editor, the theme (issue 16 §2, §5) -------------------------------------------

PHONE = {"width": 375, "height": 740}
FITS = """() => {
  const doc = document.documentElement;
  const nav = document.querySelector('header nav').getBoundingClientRect();
  const links = [...document.querySelectorAll('header nav a')];
  const boxes = links.map(a => a.getBoundingClientRect());
  const left = Math.max(0, nav.left), right = Math.min(doc.clientWidth, nav.right);
  return {scroll: doc.scrollWidth, client: doc.clientWidth,
          rows: new Set(boxes.map(b => Math.round(b.top))).size, links: links.length,
          hidden: links.filter((a, i) => boxes[i].left < left - 0.5 || boxes[i].right > right + 0.5)
                       .map(a => a.textContent.trim())};
}"""


def _fake_run(workspace: Path) -> str:
    """A finished run of the lab with a plot and a long metrics table (no CPU spent)."""
    import json

    folder = workspace / "runs" / LAB / "20260302-090000"
    folder.mkdir(parents=True)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot([0, 1, 2], [3, 1, 2])
    fig.savefig(folder / "fit.png")
    plt.close(fig)
    metrics = {f"a_rather_long_metric_name_{i:02d}_ms": 31240.5 + i for i in range(16)}
    (folder / "metrics.json").write_text(
        json.dumps(
            {
                "status": "done",
                "seconds": 12.3,
                "started": "2026-03-02T09:00:00+00:00",
                "figures": ["fit.png"],
                "tables": [
                    {
                        "title": "Ours beside scikit-learn",
                        "columns": ["library", "solver", "max |Δcoef|", "train R²", "fit ms"],
                        "rows": [["scikit-learn", "lstsq", 0.0, 0.5539, 31240.5]],
                    }
                ],
                "metrics": metrics,
            }
        )
    )
    return f"/labs/{LAB}/runs/20260302-090000"


def test_every_page_fits_a_phone(server, browser, workspace, curriculum):
    """375 px wide: no page scrolls sideways and every navigation link is in sight (two
    rows of four), none past the edge; then the same at widths up to a laptop's."""
    folder = os.environ.get("LADDER_SCREENSHOTS")
    origin = server.split("/?")[0]
    page = browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server)
    page.goto(f"{origin}/lessons/{curriculum.ordered_lessons()[0].id}")
    page.click("#mark-read")  # cards to review, a study day for the stats
    page.wait_for_selector("#read-notice")
    card = next(iter(curriculum.cards))
    paths = [
        "/",
        "/exercises",
        f"/exercises/{EXERCISE}",
        "/review",
        f"/cards/{card}",
        "/labs",
        f"/labs/{LAB}",
        _fake_run(workspace),
        "/stats",
        "/search?q=softmax",
        "/search",
        "/no-such-page",
        *[f"/lessons/{lesson.id}" for lesson in curriculum.ordered_lessons()],
        *[f"/exercises/{e.id}" for e in curriculum.ordered_exercises()[::9]],
    ]
    wide = []
    for path in paths:
        page.goto(origin + path)
        fit = page.evaluate(FITS)
        if fit["scroll"] > fit["client"] or fit["rows"] > 2 or fit["links"] != 7 or fit["hidden"]:
            wide.append((path, fit))
        if folder and not path.startswith("/lessons/") and "/exercises/" not in path[11:]:
            name = re.sub(r"\W+", "-", path).strip("-") or "roadmap"
            page.screenshot(path=str(Path(folder) / f"phone-{name}.png"), full_page=True)
    # Every width from a small phone to a laptop, on each side of the layout's steps
    # (two rows of links, a row of its own, one header row): no link past the edge.
    for width in (320, 400, 520, 521, 640, 641, 800, 1100, 1101, 1280):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(origin + "/review")  # the widest navigation: Review carries a count
        fit = page.evaluate(FITS)
        if fit["scroll"] > fit["client"] or fit["hidden"]:
            wide.append((width, fit))
    assert wide == [], wide
    assert errors == [], errors


def test_writing_an_exercise_in_the_browser(server, browser, workspace):
    """The editor: type, Ctrl-S saves the workspace file and checks it (check on save);
    a change made outside is never overwritten; the solution has its own address."""
    origin = server.split("/?")[0]
    page = browser.new_page(viewport={"width": 1180, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server)
    page.goto(f"{origin}/exercises/{EXERCISE}")
    learner_file = workspace / "exercises" / "ml" / "mse.py"
    assert "Return a Python float" in page.inner_text("#task")
    page.wait_for_selector(".cm-content")
    assert "raise NotImplementedError" in page.inner_text(".cm-content")
    # replace the whole file with a wrong solution, as typed
    page.click(".cm-content")
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(MSE_WRONG)  # as pasted: the editor adds no indentation
    assert page.inner_text("#editor-status") == "unsaved changes"
    page.keyboard.press("Control+s")
    page.wait_for_selector("#verdict .outcome.incorrect", timeout=60_000)
    assert "np.sum" in learner_file.read_text()  # the file `ladder check` grades
    assert (
        "0.42799999999999994" in page.inner_text("#verdict")
        and page.inner_text("#state") == "incorrect"
    )
    assert "checked at" in page.inner_text("#editor-status")
    # another editor saves meanwhile: the page refuses to overwrite it
    learner_file.write_text(MSE_RIGHT)
    page.click(".cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.type("# mine")
    page.keyboard.press("Control+s")
    page.wait_for_selector("#save-refused")
    assert "changed outside this page" in page.inner_text("#save-refused")
    assert learner_file.read_text() == MSE_RIGHT
    # the solution, at an address that survives a reload
    page.goto(f"{origin}/exercises/{EXERCISE}/solution")
    page.reload()
    assert "Reference solution" in page.inner_text("#solution")
    assert errors == [], errors


def test_the_theme_follows_the_system_and_the_toggle(server, browser):
    origin = server.split("/?")[0]
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server)
    background = "() => getComputedStyle(document.body).backgroundColor"
    dark = page.evaluate(background)
    assert dark == "rgb(20, 24, 31)"  # the system asks for dark: dark without a click
    page.click("#theme-toggle")  # as the system → dark (chosen)
    assert page.evaluate(background) == "rgb(20, 24, 31)"
    page.click("#theme-toggle")  # → light
    assert page.evaluate(background) == "rgb(247, 248, 250)"
    page.goto(f"{origin}/stats")  # the choice is kept
    assert page.evaluate(background) == "rgb(247, 248, 250)"
    assert page.get_attribute("#theme-toggle", "aria-label") == "Colour theme: light"
    context.close()
    context = browser.new_context(color_scheme="light")  # a light system, dark chosen
    page = context.new_page()
    page.goto(server)
    assert page.evaluate(background) == "rgb(247, 248, 250)"
    page.click("#theme-toggle")
    assert page.evaluate(background) == "rgb(20, 24, 31)"
    text = "() => getComputedStyle(document.body).color"
    assert page.evaluate(text) == "rgb(227, 231, 238)"  # --ink's dark value
    context.close()
