"""Finding one's way (issue 16 §5): search, a lesson's contents and neighbours, what data a
lab needs, lab results for people, the stats' forecast, study days and ratings, and the
colour theme."""

from __future__ import annotations

import json
import re

from ladder.study.activity import due_forecast, rating_counts, study_days
from ladder.study.labs import data_needs, human_number
from tests.web.conftest import LAB, LESSON, NOW


def test_search_page_finds_lessons_cards_and_exercises(client):
    r = client.get("/search", params={"q": "kneser ney"})
    assert r.status_code == 200
    assert 'href="/lessons/nlp.ngram-models#interpolated-kneser-ney"' in r.text
    assert '<span class="kind">card</span>' in r.text and "<mark>" in r.text
    assert 'value="kneser ney"' in r.text  # the header's box keeps the query
    assert "0 results" in client.get("/search", params={"q": "zzzzqqq"}).text
    empty = client.get("/search").text
    assert 'id="search-input"' in empty and "ladder search WORDS" in empty
    xss = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in xss


def test_every_page_has_the_search_box_and_the_theme_toggle(client):
    page = client.get("/").text
    assert '<form class="search-box" action="/search" method="get" role="search">' in page
    assert 'id="theme-toggle" hidden' in page  # shown by app.js, which makes it work
    assert '<script src="/static/theme.js"></script>' in page  # before the page is drawn
    css = client.get("/static/style.css").text
    assert "color-scheme: light dark" in css and "--bg: light-dark(" in css  # the system's
    assert ':root[data-theme="dark"]' in css and ':root[data-theme="light"]' in css  # chosen
    assert client.get("/static/theme.js").status_code == 200


def test_a_lesson_shows_its_title_above_its_objectives_contents_and_neighbours(client, curriculum):
    lesson = curriculum.lessons[LESSON]
    page = client.get(f"/lessons/{LESSON}").text
    title = page.index(f'<h1 class="lesson-title">{lesson.title}</h1>')
    assert title < page.index("You will be able to") < page.index('id="toc"')
    assert page.index('id="toc"') < page.index('<article class="lesson">')
    article = page.split('<article class="lesson">')[1].split("</article>")[0]
    assert f"<h1>{lesson.title}</h1>" not in article  # not twice
    for anchor in re.findall(r'<h[23] id="([^"]+)">', article):
        assert f'href="#{anchor}"' in page
    order = [l.id for l in curriculum.ordered_lessons()]
    at = order.index(LESSON)
    assert f'href="/lessons/{order[at + 1]}" rel="next"' in page
    assert f'href="/lessons/{order[at - 1]}" rel="prev"' in page
    assert f"lesson {at + 1} of {len(order)}" in page


def test_a_lab_page_says_which_data_it_needs(client, curriculum):
    lab = curriculum.labs[LAB]
    page = client.get(f"/labs/{LAB}").text
    assert 'id="datasets"' in page
    for need in data_needs(lab):
        assert f"<code>{need.name}</code>" in page
    listing = client.get("/labs").text
    for other in curriculum.labs.values():
        for name in other.datasets:
            assert f"<code>{name}</code>" in listing
    shakespeare = next(l for l in curriculum.labs.values() if "tinyshakespeare" in l.datasets)
    need = next(n for n in data_needs(shakespeare) if n.name == "tinyshakespeare")
    assert need.here or "ladder data add tinyshakespeare" in need.how


def test_numbers_are_written_for_people():
    assert human_number(31240.5) == "31,240" and human_number(1234.56) == "1,234.6"
    assert human_number(0.306932) == "0.3069" and human_number(41304) == "41,304"
    assert human_number(3.1e-5) == "3.1e-05" and human_number(None) == "—"
    assert human_number(float("nan")) == "nan" and human_number(True) == "True"
    assert human_number(-2.5) == "-2.5" and human_number("qr") == "qr"


def test_lab_results_show_plots_first_and_numbers_for_people(client, workspace):
    folder = workspace / "runs" / LAB / "20260302-090000"
    folder.mkdir(parents=True)
    (folder / "fit.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    metrics = {f"metric_{i:02d}": 31240.5 + i for i in range(20)}
    metrics["curve"] = [{"step": 1, "loss": 2.0}]
    (folder / "metrics.json").write_text(
        json.dumps(
            {
                "status": "done",
                "seconds": 12.34,
                "started": "2026-03-02T09:00:00+00:00",
                "figures": ["fit.png"],
                "tables": [{"title": "Speed", "columns": ["fit ms"], "rows": [[31240.5]]}],
                "metrics": metrics,
            }
        )
    )
    page = client.get(f"/labs/{LAB}/runs/20260302-090000").text
    assert page.index("<figure>") < page.index("Speed") < page.index('id="metrics"')
    assert "31,240" in page and "e+04" not in page
    assert '<details class="metrics-box" id="metrics">' in page  # 20 metrics: folded
    assert 'id="series"' in page and "&#34;loss&#34;: 2.0" in page  # lists apart from numbers


def test_stats_show_the_forecast_study_days_and_ratings(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    cards = curriculum.cards_of(LESSON)
    basic = [c for c in cards if not c.auto_checked][:2]
    for card, rating in zip(basic, (1, 3), strict=True):
        client.post("/review", {"card_id": card.id, "reps": 0, "rating": rating})
    store = client.store()
    try:
        forecast = due_forecast(store, NOW, days=30)
        ratings = rating_counts(store)
        days = study_days(curriculum, store)
    finally:
        store.close()
    assert len(forecast) == 30 and sum(n for _, n in forecast) == 2
    assert ratings == {"Again": 1, "Hard": 0, "Good": 1, "Easy": 0}
    assert sum(days.values()) == 3  # one lesson read, two cards answered
    page = client.get("/stats").text
    assert 'id="forecast"' in page and 'aria-label="reviews due per day"' in page
    assert 'class="chart heatmap"' in page and page.count('class="day h') >= 7 * 25
    assert 'aria-label="answers by rating"' in page and "1 · 50 %" in page


def test_card_math_is_mathml_in_the_browser(client):
    page = client.get("/cards/ml.normal-equations").text
    back = page.split('<div class="answer-text">')[1].split("</div>")[0]
    assert "<math" in back and "&lt;math" not in back and "$" not in back
    assert "<script" not in client.get("/cards/ml.normal-equations").text.split("<main>")[1]
