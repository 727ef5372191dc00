"""Search over lessons, cards and exercises with SQLite FTS5 (issue 16 §5)."""

from __future__ import annotations

import pytest

from ladder.curriculum import load_curriculum
from ladder.study.search import Hit, index_path, lesson_sections, search, section_id
from tests.helpers import ladder


@pytest.fixture(scope="module")
def cur():
    return load_curriculum()


def test_words_are_found_by_their_stem_and_the_last_by_its_start(cur):
    hits = search(cur, "regularised")  # the lesson says "regularisation"
    assert any(h.kind == "lesson" and h.id == "dl.regularisation" for h in hits)
    assert search(cur, "transf", limit=5) and all(isinstance(h, Hit) for h in search(cur, "transf"))
    kn = search(cur, "kneser ney", limit=5)
    assert kn[0].kind == "lesson" and kn[0].id == "nlp.ngram-models"
    assert kn[0].url == "/lessons/nlp.ngram-models#interpolated-kneser-ney"
    assert kn[0].command == "ladder learn nlp.ngram-models"


def test_every_kind_is_searchable_with_its_page_and_command(cur):
    card = search(cur, "normal equations", kinds=("card",))[0]
    assert card.url == f"/cards/{card.id}" and card.id in cur.cards
    ex = search(cur, "normal equations", kinds=("exercise",))[0]
    assert ex.id == "ml.normal-equation" and ex.command == "ladder check ml.normal-equation"
    assert "\x02" in ex.snippet and ex.marked("[", "]").count("[") >= 1


def test_every_word_must_match_and_query_syntax_is_plain_text(cur):
    assert search(cur, "kneser zzzzqqq") == []
    assert search(cur, "") == [] and search(cur, "  ?! ") == []
    assert search(cur, 'NEAR("softmax" attention) OR *') is not None  # no FTS5 syntax error


def test_bad_arguments_say_what_was_expected(cur):
    with pytest.raises(ValueError, match="limit must be at least 1"):
        search(cur, "softmax", limit=0)
    with pytest.raises(ValueError, match="kinds must be among lesson, card, exercise"):
        search(cur, "softmax", kinds=("video",))


def test_the_index_is_cached_under_the_course_fingerprint(cur):
    search(cur, "softmax")
    path = index_path(cur)
    assert path.is_file() and path.name.startswith("search-")
    stamp = path.stat().st_mtime_ns
    search(cur, "attention")
    assert path.stat().st_mtime_ns == stamp  # reused, not rebuilt


def test_sections_and_their_anchors():
    body = (
        "Intro.\n\n## The $k$-means objective\n\ntext\n\n```\n## not a heading\n```\n\n"
        "### The $k$-means objective\n"
    )
    sections = lesson_sections(body)
    assert [(lvl, a, h) for lvl, a, h, _ in sections] == [
        (1, "", ""),
        (2, "the-k-means-objective", "The $k$-means objective"),
        (3, "the-k-means-objective-2", "The $k$-means objective"),
    ]
    assert "## not a heading" in sections[1][3]
    assert section_id("Add-k smoothing", set()) == "add-k-smoothing"


def test_lesson_pages_put_the_search_anchors_on_their_headings(cur):
    pytest.importorskip("markdown_it")
    from ladder.web.render import render_lesson

    for lesson in cur.ordered_lessons():
        html, toc = render_lesson(lesson.body)
        for _lvl, anchor, heading, _text in lesson_sections(lesson.body):
            if heading and not heading.startswith("# "):
                assert f'id="{anchor}"' in html, (lesson.id, heading)
        assert [h.id for h in toc] == [
            a for lvl, a, _h, _t in lesson_sections(lesson.body) if lvl > 1
        ]


def test_ladder_search_in_the_terminal(tmp_path):
    r = ladder("search", "kneser", "ney", "-n", "3", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Interpolated Kneser–Ney" in r.stdout and "ladder learn nlp.ngram-models" in r.stdout
    r = ladder("search", "zzzzqqq", cwd=tmp_path)
    assert r.returncode == 0 and "Nothing matches" in r.stdout
    r = ladder("search", "softmax", "-n", "0", cwd=tmp_path)
    assert r.returncode == 1 and "--limit takes a whole number of at least 1" in r.stderr
