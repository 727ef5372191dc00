"""Search the course: lessons (section by section), cards and exercises, with SQLite FTS5.

The index is a small SQLite file built from the course once and kept in the cache folder
under the course's fingerprint (:func:`ladder.curriculum.loader.fingerprint`), so it is
rebuilt exactly when a course file changes. Words are stemmed (FTS5's ``porter``
tokenizer: "regularised" finds "regularisation"), every word of the query must match,
the last one as a prefix ("transf" finds "transformer"), and hits are ranked by BM25
with titles weighted above text and lessons, then exercises,
above cards where they match as well. Math is indexed as the terminal shows it (Unicode), so
snippets read the same in ``ladder search`` and in the browser.

>>> from ladder.curriculum import load_curriculum
>>> hits = search(load_curriculum(), "normal equations")
>>> hits[0].kind in {"lesson", "card", "exercise"}
True
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ladder.curriculum import Curriculum

__all__ = ["Hit", "search", "build_index", "index_path", "section_id", "lesson_sections"]

FORMAT = 1  # bump when what is indexed changes
KINDS = ("lesson", "card", "exercise")
MARK_START, MARK_END = "\x02", "\x03"  # around matched words in snippets
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Hit:
    kind: str  # "lesson", "card" or "exercise"
    id: str  # lesson, card or exercise id
    title: str  # the lesson and section, the card's front, the exercise's title
    url: str  # its page in the web app
    command: str  # how to open it in the terminal
    snippet: str  # the matching text, with matches between MARK_START and MARK_END

    def marked(self, start: str, end: str) -> str:
        """The snippet with its matches between ``start`` and ``end``."""
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


def section_id(heading: str, taken: set[str]) -> str:
    """The anchor of a lesson heading (``## The $k$-means objective`` →
    ``the-k-means-objective``), unique within ``taken`` (which it extends). The web
    app's lesson pages put the same ids on their headings."""
    text = re.sub(r"[$\\`*_{}]", " ", heading).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-") or "section"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def lesson_sections(body: str) -> list[tuple[int, str, str, str]]:
    """A lesson body cut at its ``##`` and ``###`` headings (not inside code fences):
    ``(level, anchor, heading, text)`` each, the text before the first heading with
    level 1, anchor and heading ``""``."""
    sections: list[tuple[int, str, str, list[str]]] = [(1, "", "", [])]
    taken: set[str] = set()
    fenced = False
    for line in body.splitlines():
        if _FENCE.match(line.strip()):
            fenced = not fenced
        m = None if fenced else _HEADING.match(line)
        if m:
            heading = m.group(2)
            sections.append((len(m.group(1)), section_id(heading, taken), heading, []))
        else:
            sections[-1][3].append(line)
    return [(lvl, anchor, head, "\n".join(lines).strip()) for lvl, anchor, head, lines in sections]


def _plain(markdown: str) -> str:
    """Markdown as searchable text: math in Unicode, code and emphasis marks dropped."""
    from ladder.study.mathtext import markdown_math_to_unicode

    text = markdown_math_to_unicode(markdown)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = re.sub(r"`{1,3}|\*\*?|__", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](link) → text
    return re.sub(r"[ \t]+", " ", text)


def _rows(cur: Curriculum) -> list[tuple[str, str, str, str, str, str]]:
    """(kind, id, title, url, command, body) for everything searchable."""
    from ladder.study.mathtext import markdown_math_to_unicode as uni

    rows = []
    for lesson in cur.ordered_lessons():
        body = re.sub(r"\A\s*# [^\n]*\n", "", lesson.body, count=1)
        for _level, anchor, heading, text in lesson_sections(body):
            title = lesson.title + (f" › {uni(heading)}" if heading else "")
            extra = " ".join(lesson.objectives) if not heading else ""
            rows.append(
                (
                    "lesson",
                    lesson.id,
                    title,
                    f"/lessons/{lesson.id}" + (f"#{anchor}" if anchor else ""),
                    f"ladder learn {lesson.id}",
                    _plain(f"{extra}\n{text}"),
                )
            )
    for card in cur.cards.values():
        front = re.sub(r"\{\{(.+?)\}\}", r"\1", card.front)
        body = " ".join([card.back, *card.choices])
        rows.append(
            (
                "card",
                card.id,
                _plain(front).strip(),
                f"/cards/{card.id}",
                "ladder review",
                _plain(body),
            )
        )
    for ex in cur.ordered_exercises():
        from ladder.study.session import exercise_task

        try:
            task = exercise_task(ex).text
        except (OSError, SyntaxError):
            task = ""
        rows.append(
            (
                "exercise",
                ex.id,
                ex.title,
                f"/exercises/{ex.id}",
                f"ladder check {ex.id}",
                _plain(task + "\n" + "\n".join(ex.hints)),
            )
        )
    return rows


def _root(cur: Curriculum) -> Path:
    from ladder.curriculum.loader import ROOT

    return cur.stages[0].folder.parent if cur.stages else ROOT


def index_path(cur: Curriculum) -> Path:
    """Where the index of this course is kept (it names the course's fingerprint)."""
    from ladder.curriculum.loader import cache_dir, fingerprint

    return cache_dir() / f"search-{FORMAT}-{fingerprint(_root(cur))}.sqlite"


def build_index(cur: Curriculum, path: Path) -> Path:
    """Write the FTS5 index of ``cur`` to ``path`` (atomically: a reader never sees half
    of one) and return ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(kind UNINDEXED, id UNINDEXED, title, "
            "url UNINDEXED, command UNINDEXED, body, tokenize = 'porter unicode61')"
        )
        conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", _rows(cur))
        conn.commit()
    finally:
        conn.close()
    tmp.replace(path)
    return path


def _open(cur: Curriculum) -> sqlite3.Connection:
    try:
        path = index_path(cur)
        if not path.is_file():
            build_index(cur, path)
            for old in path.parent.glob("search-*.sqlite"):
                if old != path:
                    old.unlink(missing_ok=True)
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except OSError:  # no writable cache: an index in memory, for this search only
        conn = sqlite3.connect(":memory:")
        conn.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(kind UNINDEXED, id UNINDEXED, title, "
            "url UNINDEXED, command UNINDEXED, body, tokenize = 'porter unicode61')"
        )
        conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", _rows(cur))
        return conn


def _match(query: str) -> str | None:
    """The FTS5 query for what a person typed: every word must match, the last one as a
    prefix; FTS5's own syntax (quotes, NEAR, *) is not interpreted."""
    words = re.findall(r"\w+", query.lower())
    if not words:
        return None
    terms = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    return " ".join(terms)


def search(
    cur: Curriculum, query: str, *, kinds: tuple[str, ...] = KINDS, limit: int = 20
) -> list[Hit]:
    """The best matches of ``query`` in lessons, cards and exercises, best first.

    Raises ``ValueError`` for a ``limit`` below 1 or an unknown kind."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}.")
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"kinds must be among {', '.join(KINDS)}; got {sorted(unknown)}.")
    match = _match(query)
    if match is None:
        return []
    conn = _open(cur)
    try:
        marks = (MARK_START, MARK_END, "…", 14)
        rows = conn.execute(
            "SELECT kind, id, title, url, command, snippet(docs, 5, ?, ?, ?, ?) FROM docs "
            f"WHERE docs MATCH ? AND kind IN ({', '.join('?' * len(kinds))}) "
            "ORDER BY bm25(docs, 0, 0, 4.0, 0, 0, 1.0) * (CASE kind WHEN 'lesson' THEN 1.6 "
            "WHEN 'exercise' THEN 1.3 ELSE 1.0 END) LIMIT ?",
            (*marks, match, *kinds, limit),
        ).fetchall()
    finally:
        conn.close()
    return [Hit(*row) for row in rows]
