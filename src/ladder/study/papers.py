"""Staying current: the course's papers and new ones from an arXiv feed.

* Every paper a lesson cites becomes a card of the "papers" deck (title → key idea and
  year; made by :func:`ladder.curriculum.loader.paper_cards`), reviewed with the rest.
* ``ladder papers import FILE`` reads an arXiv Atom feed saved to a file (from the arXiv
  API or a category's feed; no network here), ties each entry to concepts by the
  concepts' ``keywords`` (whole words, in the title and abstract), keeps those that
  touch the stages the learner has reached (a lesson read there), and lists what is new
  since the last import.
* ``ladder papers`` is the reading list: the papers of the lessons read and the imported
  ones, each read or unread (:func:`mark_read`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ladder.curriculum import Curriculum
from ladder.study.store import Store

__all__ = [
    "FeedEntry",
    "ImportReport",
    "ReadingItem",
    "match_concepts",
    "learner_stages",
    "import_feed",
    "reading_list",
    "mark_read",
    "arxiv_key",
]


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="seconds")


def arxiv_key(identifier: str) -> str:
    """``http://arxiv.org/abs/2401.01234v2`` → ``2401.01234`` (old style
    ``cs/0101001v1`` → ``cs/0101001``); anything else is returned stripped."""
    text = identifier.strip()
    m = re.search(r"arxiv\.org/abs/(.+?)(v\d+)?$", text)
    if m:
        return m.group(1)
    return re.sub(r"v\d+$", "", text.removeprefix("arXiv:"))


def match_concepts(cur: Curriculum, text: str) -> list[str]:
    """The concepts whose keywords occur in ``text`` as whole words (case-insensitive),
    in graph order."""
    low = " " + re.sub(r"\s+", " ", text.lower()) + " "
    out = []
    for concept in cur.concepts.values():
        for kw in concept.keywords:
            if re.search(rf"(?<![a-z0-9]){re.escape(kw.lower())}(?![a-z0-9])", low):
                out.append(concept.id)
                break
    return out


def _stages_of(cur: Curriculum, concepts: list[str]) -> list[str]:
    stages = {l.stage for c in concepts for l in cur.lessons_teaching(c)}
    return [s.id for s in cur.stages if s.id in stages]


def learner_stages(cur: Curriculum, store: Store) -> list[str]:
    """Stages where the learner has read at least one lesson, in roadmap order."""
    read = store.read_lessons()
    return [s.id for s in cur.stages if any(l in read for l in s.lessons)]


@dataclass
class FeedEntry:
    key: str
    title: str
    link: str
    published: str
    summary: str
    concepts: list[str]
    stages: list[str]

    def to_dict(self) -> dict:
        return dict(vars(self))


@dataclass
class ImportReport:
    source: str
    entries: int  # in the feed
    new: list[FeedEntry] = field(default_factory=list)  # for your stages, not seen before
    seen_before: int = 0  # for your stages, already imported
    other_stages: int = 0  # tied to stages you have not reached yet
    unmatched: int = 0  # tied to no concept of the course
    stages: list[str] = field(default_factory=list)  # the learner's stages


def _entries(path: Path, cur: Curriculum) -> list[FeedEntry]:
    import feedparser

    from ladder.study.errors import Refused

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Refused(f"{path} cannot be read ({exc.strerror}).") from exc
    feed = feedparser.parse(raw)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise Refused(
            f"{path} holds no feed entries{why}: save an arXiv Atom feed, for example "
            "the API's export.arxiv.org/api/query?search_query=cat:cs.CL&sortBy=submittedDate"
        )
    out = []
    for e in feed.entries:
        title = re.sub(r"\s+", " ", e.get("title", "")).strip()
        summary = re.sub(r"\s+", " ", e.get("summary", "")).strip()
        key = arxiv_key(e.get("id") or e.get("link") or title)
        concepts = match_concepts(cur, f"{title}. {summary}")
        out.append(
            FeedEntry(
                key=key,
                title=title,
                link=e.get("link", ""),
                published=(e.get("published") or e.get("updated") or "")[:10],
                summary=summary,
                concepts=concepts,
                stages=_stages_of(cur, concepts),
            )
        )
    return out


def import_feed(cur: Curriculum, store: Store, path: Path, at: datetime) -> ImportReport:
    """Read an Atom feed file; keep and list the entries for the learner's stages that
    were not imported before (see the module's docstring)."""
    entries = _entries(path, cur)
    mine = learner_stages(cur, store)
    known = {r[0] for r in store.conn.execute("SELECT key FROM papers")}
    report = ImportReport(str(path), len(entries), stages=mine)
    keep = []
    for e in entries:
        if not e.concepts:
            report.unmatched += 1
        elif not set(e.stages) & set(mine):
            report.other_stages += 1
        elif e.key in known:
            report.seen_before += 1
        else:
            known.add(e.key)
            keep.append(e)
    report.new = keep
    with store.transaction() as c:
        cursor = c.execute(
            "INSERT INTO paper_imports (at, source, entries, new) VALUES (?, ?, ?, ?)",
            (_iso(at), str(path), len(entries), len(keep)),
        )
        import_id = cursor.lastrowid
        for e in keep:
            c.execute(
                "INSERT INTO papers (key, title, link, published, summary, concepts, stages, "
                "import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    e.key,
                    e.title,
                    e.link,
                    e.published,
                    e.summary,
                    json.dumps(e.concepts),
                    json.dumps(e.stages),
                    import_id,
                ),
            )
    return report


@dataclass
class ReadingItem:
    key: str
    title: str
    link: str | None
    when: str  # the year (course papers) or the date published (imported)
    source: str  # "lesson ml.linear-regression" or "arXiv import of 2026-03-02"
    concepts: list[str]
    read: bool
    new: bool = False  # from the newest import

    def to_dict(self) -> dict:
        return dict(vars(self))


def reading_list(cur: Curriculum, store: Store) -> list[ReadingItem]:
    """The papers of the lessons read (teaching order), then the imported ones (newest
    import first), each with its read state."""
    read = {k for (k,) in store.conn.execute("SELECT key FROM papers_read")}
    lessons_read = store.read_lessons()
    out: list[ReadingItem] = []
    seen: set[str] = set()
    for lesson in cur.ordered_lessons():
        if lesson.id not in lessons_read:
            continue
        for p in lesson.papers:
            key = p.arxiv or p.title
            if key in seen:
                continue
            seen.add(key)
            out.append(
                ReadingItem(
                    key, p.title, p.link, str(p.year), f"lesson {lesson.id}",
                    list(lesson.concepts), key in read,
                )
            )  # fmt: skip
    last = store.conn.execute("SELECT MAX(id) FROM paper_imports").fetchone()[0]
    imports = dict(store.conn.execute("SELECT id, at FROM paper_imports"))
    for key, title, link, published, concepts, import_id in store.conn.execute(
        "SELECT key, title, link, published, concepts, import_id FROM papers "
        "ORDER BY import_id DESC, published DESC"
    ):
        if key in seen:
            continue
        out.append(
            ReadingItem(
                key, title, link, published or "",
                f"arXiv import of {imports.get(import_id, '')[:10]}",
                json.loads(concepts), key in read, import_id == last,
            )
        )  # fmt: skip
    return out


def mark_read(cur: Curriculum, store: Store, key: str, at: datetime, read: bool = True) -> str:
    """Mark a paper of the reading list read (or unread again); returns its title.
    ``key`` is an arXiv id, a course paper's title, or a number from the list (1-based)."""
    from ladder.study.errors import Refused

    items = reading_list(cur, store)
    chosen = None
    if key.isdigit() and 1 <= int(key) <= len(items):
        chosen = items[int(key) - 1]
    else:
        chosen = next((i for i in items if i.key == key or i.key == arxiv_key(key)), None)
    if chosen is None:
        raise Refused(
            f"{key!r} is not on your reading list; `ladder papers` shows it with numbers."
        )
    with store.transaction() as c:
        if read:
            c.execute(
                "INSERT OR IGNORE INTO papers_read (key, at) VALUES (?, ?)", (chosen.key, _iso(at))
            )
        else:
            c.execute("DELETE FROM papers_read WHERE key = ?", (chosen.key,))
    return chosen.title
