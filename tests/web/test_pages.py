"""Every page, and each action recorded exactly as the CLI records it (issue 7)."""

from __future__ import annotations

import re

from ladder.study.progress import exercise_rows, next_step, roadmap
from ladder.web.render import latex_to_mathml, render_markdown
from tests.web.conftest import EXERCISE, LAB, LESSON, MSE_RIGHT, MSE_WRONG, NOW


def test_roadmap_shows_the_eight_stages_and_the_next_step(client, curriculum):
    r = client.get("/")
    assert r.status_code == 200
    assert len(re.findall(r'<li class="stage', r.text)) == 8
    for stage in curriculum.stages:
        assert stage.title in r.text
    assert f'href="/lessons/{LESSON}"' in r.text
    store = client.store()
    step = next_step(curriculum, store, NOW)
    store.close()
    assert step.text.replace("“", "&#8220;") in r.text or step.text in r.text
    assert "Read the lesson" in r.text  # the button for a "learn" step


def test_roadmap_progress_and_due_reviews_follow_the_store(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    r = client.get("/")
    store = client.store()
    first = roadmap(curriculum, store)[0]
    store.close()
    assert f'<progress max="{first.total}" value="{first.done}"' in r.text
    assert f"{first.lessons_read}/{first.lessons} lessons" in r.text
    n = len(curriculum.cards_of(LESSON))
    count = f'title="0 due, {min(n, 20)} new, 0 exercises">{min(n, 20)}</span>'
    assert f'<span class="count" {count}' in r.text


def test_a_lesson_renders_math_as_mathml_on_the_server(client, curriculum):
    lesson = curriculum.lessons[LESSON]
    r = client.get(f"/lessons/{LESSON}")
    body = r.text.split('<article class="lesson">')[1].split("</article>")[0]
    assert body.count("<math") >= lesson.body.count("$$") // 2
    assert "$$" not in body and not re.search(r"\$[^$\s][^$]*\$", body)  # all converted
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in body
    for paper in lesson.papers:
        assert f'href="{paper.link}"' in r.text
    assert 'id="mark-read"' in r.text and "cdn" not in r.text.lower()


def test_markdown_keeps_math_away_from_emphasis_and_highlights_code():
    html = render_markdown(
        "Here $x_i * y_i$ and $a_b$ stay math.\n\n"
        "```python\nprint('$5')\n```\n\nand `cost = $3` too.\n\n$$\\frac{1}{n}$$"
    )
    assert "<em>" not in html and html.count("<math") == 3
    assert '<pre class="highlight"><code>' in html and "$5" in html
    assert "<code>cost = $3</code>" in html
    assert html.count("<pre") == 1  # one box around the code, not a box in a box
    assert '<div class="math-block"><math' in html


def test_bad_latex_falls_back_to_its_source():
    assert latex_to_mathml(r"\frac{1}{").startswith('<code class="tex">')


def test_mark_as_read_records_it_as_ladder_learn_does(client, curriculum):
    r = client.post(f"/lessons/{LESSON}/read", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/lessons/{LESSON}?read=1"
    page = client.get(r.headers["location"])
    n = len(curriculum.cards_of(LESSON))
    assert f"Marked as read. {n} cards join your reviews." in page.text
    assert 'id="mark-read"' not in page.text
    store = client.store()
    assert store.read_lessons()[LESSON] == NOW.isoformat(timespec="seconds")
    store.close()


def test_the_exercise_list_shows_every_exercise_with_its_state(client, curriculum):
    r = client.get("/exercises")
    for e in curriculum.exercises.values():
        assert f'href="/exercises/{e.id}"' in r.text
    assert r.text.count("not started") == len(curriculum.exercises)


def test_check_grades_the_learners_file_and_records_it_like_the_cli(client, workspace, curriculum):
    path = workspace / "exercises" / "ml" / "mse.py"
    page = client.get(f"/exercises/{EXERCISE}")
    assert str(path) in page.text and "Not checked yet" in page.text

    path.write_text(MSE_WRONG)
    r = client.post(f"/exercises/{EXERCISE}/check", follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert "✗ incorrect" in page.text
    assert "<th>expected</th><td><pre>0.42799999999999994</pre>" in page.text
    assert "<th>got</th><td><pre>2.1399999999999997</pre>" in page.text
    assert "divide by the number of samples" in page.text  # the misconception

    path.write_text(MSE_RIGHT)
    page = client.post(f"/exercises/{EXERCISE}/check")
    assert "✓ passed" in page.text and 'class="state passed"' in page.text

    store = client.store()
    try:
        attempts = store.attempts(EXERCISE)
        assert [a["outcome"] for a in attempts] == ["incorrect", "passed"]
        assert all(a["at"] == NOW.isoformat(timespec="seconds") for a in attempts)
        assert store.last_verdict(EXERCISE)["outcome"] == "passed"
        rows = {row["id"]: row for row in exercise_rows(curriculum, store)}
    finally:
        store.close()
    assert rows[EXERCISE]["state"] == "passed" and not rows[EXERCISE]["current"]


def test_a_stub_is_not_attempted_and_the_solution_waits_for_a_try(client):
    assert client.post(f"/exercises/{EXERCISE}/solution").status_code == 409
    page = client.post(f"/exercises/{EXERCISE}/check")
    assert "not attempted" in page.text and "NotImplementedError" in page.text
    assert client.post(f"/exercises/{EXERCISE}/solution").status_code == 409


def test_the_solution_is_shown_after_an_attempt(client, workspace):
    (workspace / "exercises" / "ml" / "mse.py").write_text(MSE_WRONG)
    client.post(f"/exercises/{EXERCISE}/check")
    r = client.post(f"/exercises/{EXERCISE}/solution")
    assert r.status_code == 200 and "Reference solution" in r.text
    assert "mean_squared_error" in r.text and 'class="highlight"' in r.text


def test_hints_are_revealed_one_at_a_time(client, curriculum):
    hints = curriculum.exercises[EXERCISE].hints
    page = client.get(f"/exercises/{EXERCISE}")
    assert f"Show hint 1 of {len(hints)}" in page.text
    for shown in range(1, len(hints) + 1):
        page = client.post(f"/exercises/{EXERCISE}/hint")
        assert page.text.count('<li class="hint">') == shown
    assert "That was the last hint." in page.text
    page = client.post(f"/exercises/{EXERCISE}/hint")  # one more: still all of them, no error
    assert page.text.count('<li class="hint">') == len(hints)
    store = client.store()
    assert store.hints_shown(EXERCISE) == len(hints)
    store.close()


def test_labs_pages_list_the_curriculum_labs(client, curriculum):
    r = client.get("/labs")
    for lab in curriculum.labs.values():
        assert f'href="/labs/{lab.id}"' in r.text
    r = client.get(f"/labs/{LAB}")
    assert 'id="start-lab"' in r.text and "None yet." in r.text


def test_stats_page_draws_its_charts(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    card = curriculum.cards_of(LESSON)[0]
    client.post("/review", {"card_id": card.id, "reps": 0, "rating": 3, "answer": "1"})
    r = client.get("/stats")
    assert (
        r.status_code == 200 and r.text.count("<svg") == 5
    )  # forecast, days, ratings, reviews, stages
    assert '<div class="big">1</div><div class="muted">reviews (1 today)</div>' in r.text
    assert "1. Machine learning basics" in r.text


def test_a_passed_exercise_points_to_the_next_one(client, workspace, curriculum):
    (workspace / "exercises" / "ml" / "mse.py").write_text(MSE_RIGHT)
    page = client.post(f"/exercises/{EXERCISE}/check")
    store = client.store()
    try:
        following = next(r for r in exercise_rows(curriculum, store) if r["current"])
    finally:
        store.close()
    assert f'href="/exercises/{following["id"]}" id="next-exercise"' in page.text
