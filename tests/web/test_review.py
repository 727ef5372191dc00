"""Reviews in the browser: the same FSRS scheduling and store as `ladder review`, and
submissions that count once however often they arrive (issue 7)."""

from __future__ import annotations

import re
import threading
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from ladder.study.memory import Memory, check_answer
from ladder.study.store import Store
from ladder.web.render import inline_markdown
from tests.web.conftest import LESSON, NOW, TOKEN


def _card_on_page(html: str) -> tuple[str, int]:
    card = re.search(r'data-card="([^"]+)"', html).group(1)
    reps = int(re.search(r'name="reps" value="(\d+)"', html).group(1))
    return card, reps


def _kind(curriculum, kind):
    cards = [c for c in curriculum.cards_of(LESSON) if c.kind == kind]
    if not cards:
        pytest.skip(f"the lesson {LESSON} has no {kind} card")
    return cards[0]


def test_no_cards_until_a_lesson_is_read(client):
    assert "No cards yet" in client.get("/review").text


def test_the_first_card_of_the_queue_is_shown(client, curriculum, workspace):
    client.post(f"/lessons/{LESSON}/read")
    page = client.get("/review").text
    store = client.store()
    first = Memory(curriculum, store).queue(NOW)[0]
    store.close()
    assert _card_on_page(page) == (first.card.id, 0)
    assert "new" in page and 'id="card"' in page


def test_a_self_rated_card_is_scheduled_exactly_as_the_cli_does(client, curriculum, tmp_path):
    client.post(f"/lessons/{LESSON}/read")
    card = _kind(curriculum, "basic")
    r = client.post("/review", {"card_id": card.id, "reps": 0, "rating": 3}, follow_redirects=False)
    assert r.status_code == 303 and parse_qs(urlsplit(r.headers["location"]).query)["counted"] == [
        "1"
    ]

    # The CLI's path: Memory.answer on a store of its own, same card, time and rating.
    twin = Store.open(tmp_path / "twin.db")
    twin.mark_read(LESSON, NOW)
    twin_memory = Memory(curriculum, twin)
    item = next(d for d in twin_memory.queue(NOW) if d.card.id == card.id)
    assert twin_memory.answer(item, 3, NOW)
    store = client.store()
    try:
        ours, theirs = store.card_rows()[card.id], twin.card_rows()[card.id]
        for row in (ours, theirs):
            row["state"].pop("card_id")  # fsrs numbers each Card from the clock
        assert ours == theirs
        log = store.review_logs()[-1]
        assert (log["card_id"], log["rating"], log["was_new"]) == (card.id, 3, 1)
    finally:
        store.close()
        twin.close()
    page = client.get(r.headers["location"]).text
    assert "Saved: Good." in page


def test_a_double_submit_counts_once(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    card = _kind(curriculum, "basic")
    first = client.post(
        "/review", {"card_id": card.id, "reps": 0, "rating": 4}, follow_redirects=False
    )
    again = client.post(
        "/review", {"card_id": card.id, "reps": 0, "rating": 1}, follow_redirects=False
    )
    assert "counted=1" in first.headers["location"] and "counted=0" in again.headers["location"]
    assert "it counts once" in client.get(again.headers["location"]).text
    store = client.store()
    assert [l["rating"] for l in store.review_logs()] == [4]
    store.close()


@pytest.mark.parametrize("kind", ["numeric", "choice"])
def test_typed_answers_are_checked_and_rated_automatically(client, curriculum, kind):
    client.post(f"/lessons/{LESSON}/read")
    card = _kind(curriculum, kind)
    right = str(int(card.answer) + 1) if kind == "choice" else repr(float(card.answer))
    wrong = "1" if kind == "choice" and card.answer != 0 else "2" if kind == "choice" else "12345"
    r = client.post("/review", {"card_id": card.id, "reps": 0, "answer": wrong})
    expected = check_answer(card, wrong)
    assert r.status_code == 200 and not expected[0]
    assert inline_markdown(expected[1]) in r.text  # its math as MathML
    assert "Rated Again (wrong" in r.text
    r = client.post("/review", {"card_id": card.id, "reps": 1, "answer": right})
    assert "Right:" in r.text and "Rated Easy (right" in r.text  # quick answer: Easy
    store = client.store()
    logs = store.review_logs()
    store.close()
    assert [(l["rating"], l["correct"]) for l in logs] == [(1, 0), (4, 1)]


def test_bad_review_submissions_are_refused(client, curriculum):
    basic = _kind(curriculum, "basic")
    assert client.post("/review", {"card_id": basic.id, "reps": 0, "rating": 3}).status_code == 409
    client.post(f"/lessons/{LESSON}/read")
    assert client.post("/review", {"card_id": basic.id, "reps": 0, "rating": 7}).status_code == 400
    assert client.post("/review", {"card_id": basic.id, "reps": -1, "rating": 3}).status_code == 422
    assert (
        client.post("/review", {"card_id": basic.id, "reps": "x", "rating": 3}).status_code == 422
    )
    numeric = _kind(curriculum, "numeric")
    assert (
        client.post("/review", {"card_id": numeric.id, "reps": 0, "answer": " "}).status_code == 400
    )


def test_fifty_concurrent_submissions_lose_nothing_and_count_nothing_twice(
    client, curriculum, live_server
):
    """Every unlocked card is submitted several times at once from 50 threads, against a
    real uvicorn server: each card is reviewed exactly once and nothing fails."""
    client.post(f"/lessons/{LESSON}/read")
    cards = [c for c in curriculum.cards_of(LESSON)]
    jobs = [cards[i % len(cards)] for i in range(50)]
    with httpx.Client(base_url=live_server, timeout=60) as http:
        http.get(f"/?token={TOKEN}")
        cookies = dict(http.cookies)
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', http.get("/review").text).group(1)
    barrier = threading.Barrier(len(jobs))
    results: list[tuple[str, bool, str]] = []
    lock = threading.Lock()

    def submit(card) -> None:
        data = {"csrf_token": csrf, "card_id": card.id, "reps": "0"}
        data.update({"answer": "1"} if card.auto_checked else {"rating": "3"})
        with httpx.Client(base_url=live_server, cookies=cookies, timeout=300) as http:
            barrier.wait(timeout=300)  # bounds a hang: a thread that died breaks the barrier
            r = http.post("/review", data=data)
        if card.auto_checked:  # the feedback page, 200
            ok, counted = r.status_code == 200, "Rated " in r.text
        else:  # a redirect to the next card, saying whether it counted
            ok, counted = r.status_code == 303, "counted=1" in r.headers.get("location", "")
        with lock:
            results.append((card.id, ok, "counted" if counted else "once"))

    threads = [threading.Thread(target=submit, args=(c,), daemon=True) for c in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)  # bounds a hang only; every request is answered in well under a second
    assert len(results) == 50 and all(ok for _, ok, _ in results), results
    counted = Counter(cid for cid, _, how in results if how == "counted")
    assert counted == Counter({c.id: 1 for c in cards})  # each card counted once, none lost

    store = client.store()
    try:
        logs = store.review_logs()
        rows = store.card_rows()
    finally:
        store.close()
    assert sorted(l["card_id"] for l in logs) == sorted(c.id for c in cards)
    assert {cid: row["reps"] for cid, row in rows.items()} == {c.id: 1 for c in cards}


# -- reviews as good as Anki's: intervals, tap a choice, undo, suspend, edit, summary --------


def test_rating_buttons_show_the_next_interval(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    store = client.store()
    queue = Memory(curriculum, store).queue(NOW)
    store.close()
    basic = next(d for d in queue if d.card.kind in ("basic", "cloze"))
    # Bring that card to the front by answering those before it.
    page = client.get("/review").text
    while _card_on_page(page)[0] != basic.card.id:
        card_id, reps = _card_on_page(page)
        card = curriculum.cards[card_id]
        data = {"card_id": card_id, "reps": reps}
        data.update({"answer": "1"} if card.auto_checked else {"rating": 3})
        client.post("/review", data)
        page = client.get("/review").text
    store = client.store()
    preview = Memory(curriculum, store).preview(basic.card.id, NOW)
    store.close()
    from ladder.study.session import interval_text

    for rating, due in preview.items():
        assert f'<span class="interval">{interval_text(due - NOW)}</span>' in page, rating


def test_a_choice_is_tapped_and_an_answer_undone(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    choice = _kind(curriculum, "choice")
    r = client.post("/review", {"card_id": choice.id, "reps": 0, "answer": str(choice.answer + 1)})
    assert "Right" in r.text and 'id="undo"' in r.text
    store = client.store()
    assert len(store.review_logs()) == 1 and choice.id in store.card_rows()
    store.close()
    r = client.post("/review/undo", follow_redirects=False)
    assert r.status_code == 303
    store = client.store()
    assert store.review_logs() == [] and choice.id not in store.card_rows()
    store.close()
    assert client.post("/review/undo").status_code == 409  # nothing left to take back


def test_a_suspended_card_leaves_the_queue_and_comes_back(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    first, _ = _card_on_page(client.get("/review").text)
    client.post(f"/cards/{first}/suspend", {"on": "1"})
    assert _card_on_page(client.get("/review").text)[0] != first
    assert "suspended" in client.get(f"/cards/{first}").text
    client.post(f"/cards/{first}/suspend", {"on": "0"})
    assert _card_on_page(client.get("/review").text)[0] == first


def test_a_card_can_be_reworded(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    first, _ = _card_on_page(client.get("/review").text)
    client.post(f"/cards/{first}/edit", {"front": "My own question?", "back": ""})
    assert "My own question?" in client.get("/review").text
    client.post(f"/cards/{first}/edit", {"front": "", "back": ""})  # the course's wording
    assert "My own question?" not in client.get("/review").text


def test_the_end_of_a_session_shows_its_answers(client, curriculum):
    client.post(f"/lessons/{LESSON}/read")
    store = client.store()
    store.set_setting("new_per_day", "2")
    store.close()
    for _ in range(2):
        card_id, reps = _card_on_page(client.get("/review").text)
        card = curriculum.cards[card_id]
        data = {"card_id": card_id, "reps": reps}
        data.update({"answer": "1"} if card.auto_checked else {"rating": 4})
        client.post("/review", data)
    page = client.get("/review").text
    assert 'id="summary"' in page and "2 answers" in page
