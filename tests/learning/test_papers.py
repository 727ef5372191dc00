"""Papers: the course's papers are cards of a "papers" deck; an arXiv Atom feed saved to
a file is matched to the learner's stages by concept, and only what is new is listed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ladder.study import papers
from ladder.study.session import Refused

from .conftest import T0

FEED = Path(__file__).parent / "data" / "arxiv-feed.xml"


def test_every_paper_is_a_card_of_the_papers_deck(cur):
    cards = [c for c in cur.cards.values() if c.deck == "papers"]
    keys = {p.arxiv or p.title for l in cur.lessons.values() for p in l.papers}
    assert len(cards) >= len(keys) - 2  # one per paper (two papers cited under two titles)
    attention = next(c for c in cards if "1706.03762" in c.back)
    assert "Attention Is All You Need" in attention.front
    assert "2017" in attention.back and "2017" not in attention.front  # the year is an answer
    assert attention.lesson == "transformer.why-attention"  # the first lesson citing it
    assert all(c.kind == "basic" and c.back for c in cards)


def test_match_concepts_by_whole_words(cur):
    assert "attention" in papers.match_concepts(cur, "Sparse attention for long contexts")
    assert papers.match_concepts(cur, "Radio galaxies") == []
    assert "adaptive-optimizers" not in papers.match_concepts(cur, "Adamantium alloys")


def test_import_lists_what_is_new_for_the_learners_stages(ws, cur, tmp_path):
    store = ws.store
    for lesson in ("ml.kinds-of-learning", "ml.linear-regression"):
        store.mark_read(lesson, T0)
    report = papers.import_feed(cur, store, FEED, T0)
    assert report.entries == 4 and report.stages == ["ml"]
    assert [e.key for e in report.new] == ["2603.00001", "2603.00003"]
    assert report.new[0].title == "Sketched Least Squares for Streaming Linear Regression"
    assert "linear-regression" in report.new[0].concepts
    assert report.other_stages == 1 and report.unmatched == 1  # attention; the galaxies
    # A second import of a longer feed lists only the entry not seen before.
    longer = tmp_path / "feed.xml"
    text = FEED.read_text().replace(
        "</feed>",
        "<entry><id>http://arxiv.org/abs/2603.00009v1</id><published>2026-03-01T00:00:00Z"
        "</published><title>Ridge Regression Revisited</title><summary>Shrinkage.</summary>"
        '<link href="http://arxiv.org/abs/2603.00009v1" rel="alternate"/></entry></feed>',
    )
    longer.write_text(text)
    again = papers.import_feed(cur, store, longer, T0 + timedelta(days=1))
    assert [e.key for e in again.new] == ["2603.00009"] and again.seen_before == 2


def test_reading_list_with_read_state(ws, cur):
    store = ws.store
    store.mark_read("ml.linear-regression", T0)
    papers.import_feed(cur, store, FEED, T0)
    items = papers.reading_list(cur, store)
    course = [i for i in items if i.source == "lesson ml.linear-regression"]
    assert len(course) == len(cur.lessons["ml.linear-regression"].papers)
    imported = [i for i in items if i.source.startswith("arXiv import")]
    assert {i.key for i in imported} == {"2603.00001", "2603.00003"} and all(
        i.new for i in imported
    )
    assert not any(i.read for i in items)
    title = papers.mark_read(cur, store, "2603.00003", T0)
    assert title.startswith("When Does Adam")
    papers.mark_read(cur, store, "1", T0)  # by its number in the list
    read = {i.key for i in papers.reading_list(cur, store) if i.read}
    assert read == {"2603.00003", course[0].key}
    papers.mark_read(cur, store, "2603.00003", T0, read=False)
    assert {i.key for i in papers.reading_list(cur, store) if i.read} == {course[0].key}
    with pytest.raises(Refused, match="not on your reading list"):
        papers.mark_read(cur, store, "9999.99999", T0)


def test_a_file_that_is_no_feed_is_refused(ws, cur, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes")
    with pytest.raises(Refused, match="no feed entries"):
        papers.import_feed(cur, ws.store, bad, T0)
    with pytest.raises(Refused, match="cannot be read"):
        papers.import_feed(cur, ws.store, tmp_path / "missing.xml", T0)


def test_arxiv_keys():
    assert papers.arxiv_key("http://arxiv.org/abs/2401.01234v2") == "2401.01234"
    assert papers.arxiv_key("http://arxiv.org/abs/cs/0101001v1") == "cs/0101001"
    assert papers.arxiv_key("arXiv:1706.03762v5") == "1706.03762"


def test_the_papers_deck_can_be_left_out_of_reviews(ws, cur):
    from ladder.study.memory import Memory
    from ladder.study.session import set_setting

    store = ws.store
    store.mark_read("transformer.why-attention", T0)
    decks = {c.deck for c in Memory(cur, store).unlocked()}
    assert decks == {"course", "papers"}
    set_setting(store, "papers_deck", "0")
    assert {c.deck for c in Memory(cur, store).unlocked()} == {"course"}
