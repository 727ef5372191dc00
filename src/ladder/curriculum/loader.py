"""Read the course from ``src/ladder/curriculum/<NN>_<stage>/`` into typed objects.

Every problem is collected as a :class:`Problem` (file, line, reason) instead of
stopping at the first, so ``ladder dev check`` can list them all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ladder.curriculum.schema import STAGE_IDS, Card, Concept, Exercise, Lab, Lesson, Stage

__all__ = [
    "Problem",
    "Curriculum",
    "CurriculumError",
    "ROOT",
    "load_curriculum",
    "fingerprint",
    "cache_dir",
    "paper_cards",
]

ROOT = Path(__file__).resolve().parent
FRONT_MATTER = re.compile(r"\A\+\+\+\n(.*?)\n\+\+\+\n?", re.S)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int | None
    reason: str

    def __str__(self) -> str:
        try:
            shown: Path | str = self.file.relative_to(ROOT.parent.parent.parent)
        except ValueError:
            shown = self.file
        where = f"{shown}:{self.line}" if self.line else str(shown)
        return f"{where}: {self.reason}"


class CurriculumError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"the curriculum has {len(problems)} problem(s):\n{lines}{more}")


@dataclass
class Curriculum:
    stages: list[Stage] = field(default_factory=list)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    cards: dict[str, Card] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    labs: dict[str, Lab] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)  # concepts.toml, in file order
    problems: list[Problem] = field(default_factory=list)

    # Lists in teaching order: stages in roadmap order, lessons in stage order, and
    # each lesson's exercises, cards and labs in file order.
    def ordered_lessons(self) -> list[Lesson]:
        return [self.lessons[i] for s in self.stages for i in s.lessons if i in self.lessons]

    def ordered_exercises(self) -> list[Exercise]:
        order = {lid: n for n, lid in enumerate(l.id for l in self.ordered_lessons())}
        return sorted(self.exercises.values(), key=lambda e: order.get(e.lesson, 1 << 30))

    def exercises_of(self, lesson_id: str) -> list[Exercise]:
        return [e for e in self.exercises.values() if e.lesson == lesson_id]

    def cards_of(self, lesson_id: str) -> list[Card]:
        return [c for c in self.cards.values() if c.lesson == lesson_id]

    def labs_of(self, lesson_id: str) -> list[Lab]:
        return [l for l in self.labs.values() if l.lesson == lesson_id]

    def stage(self, stage_id: str) -> Stage:
        return next(s for s in self.stages if s.id == stage_id)

    def concepts_of(self, item: Lesson | Card | Exercise) -> list[str]:
        """The concepts an item is tagged with: its own, or else its lesson's."""
        if item.concepts or isinstance(item, Lesson):
            return list(item.concepts)
        lesson = self.lessons.get(item.lesson)
        return list(lesson.concepts) if lesson else []

    def lessons_teaching(self, concept_id: str) -> list[Lesson]:
        """The lessons tagged with ``concept_id``, in teaching order."""
        return [l for l in self.ordered_lessons() if concept_id in l.concepts]


def _slug(text: str, words: int = 6) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words]) or "untitled"


def paper_cards(cur: Curriculum) -> list[Card]:
    """One card per paper of the course (title → key idea, year), in the "papers" deck,
    attached to the first lesson that cites it. Papers without an idea are skipped (the
    validator reports them)."""
    seen: set[str] = set()
    out = []
    for lesson in cur.ordered_lessons():
        for paper in lesson.papers:
            key = paper.arxiv or _slug(paper.title)
            if key in seen or not paper.idea:
                continue
            seen.add(key)
            where = f", arXiv:{paper.arxiv}" if paper.arxiv else ""
            out.append(
                Card(
                    id=f"{lesson.stage}.paper-{_slug(key, 12)}",
                    lesson=lesson.id,
                    kind="basic",
                    front=f"Paper: “{paper.title}” ({paper.authors}). Its key idea:",
                    back=f"{paper.idea} ({paper.year}{where})",
                    deck="papers",
                )
            )
    return out


def _line_of(text: str, pattern: str, occurrence: int = 0) -> int | None:
    hits = [m.start() for m in re.finditer(pattern, text, re.M)]
    if occurrence < len(hits):
        return text.count("\n", 0, hits[occurrence]) + 1
    return None


def _reason(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"])
        msg = e["msg"].removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


def _read_toml(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], str] | None:
    try:
        text = path.read_text("utf-8")
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        problems.append(Problem(path, int(m.group(1)) if m else None, f"not valid TOML: {exc}"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, None, f"cannot be read: {exc}"))
    return None


def _entries(
    model: type[M], path: Path, key: str, extra: dict[str, Any], problems: list[Problem]
) -> list[M]:
    """Parse the ``[[key]]`` tables of ``path`` into ``model`` objects."""
    if not path.is_file():
        return []
    read = _read_toml(path, problems)
    if read is None:
        return []
    data, text = read
    unknown = set(data) - {key}
    if unknown:
        problems.append(
            Problem(path, None, f"unknown top-level key(s) {sorted(unknown)}; use [[{key}]] tables")
        )
    out = []
    for n, raw in enumerate(data.get(key, [])):
        try:
            out.append(model(**raw, **extra))
        except (ValidationError, TypeError) as exc:
            # Line numbers are only worth their cost when something is wrong.
            line = _line_of(text, rf"^[ \t]*\[\[{key}\]\]", n)
            reason = _reason(exc) if isinstance(exc, ValidationError) else str(exc)
            label = raw.get("id", f"#{n + 1}")
            problems.append(Problem(path, line, f"{key} {label}: {reason}"))
    return out


def _lesson(path: Path, problems: list[Problem]) -> Lesson | None:
    text = path.read_text("utf-8")
    m = FRONT_MATTER.match(text)
    if not m:
        problems.append(
            Problem(path, 1, "a lesson starts with TOML front matter between '+++' lines")
        )
        return None
    try:
        meta = tomllib.loads(m.group(1))
    except tomllib.TOMLDecodeError as exc:
        ln = re.search(r"line (\d+)", str(exc))
        problems.append(Problem(path, int(ln.group(1)) + 1 if ln else 1, f"front matter: {exc}"))
        return None
    try:
        return Lesson(**meta, body=text[m.end() :], path=path)
    except ValidationError as exc:
        problems.append(Problem(path, 1, _reason(exc)))
    except TypeError as exc:
        problems.append(Problem(path, 1, str(exc)))
    return None


def _add(kind: str, item: Any, into: dict[str, Any], path: Path, problems: list[Problem]) -> None:
    if item.id in into:
        problems.append(Problem(path, None, f"duplicate {kind} id {item.id!r}"))
    else:
        into[item.id] = item


def _fingerprint(root: Path) -> str:
    """Changes whenever any file of the course (or this code) changes: the size and time
    of every file (os.scandir, a few ms for ~1,400 files; pathlib's rglob took 20)."""
    from ladder import __version__

    files, folders = [], [os.fspath(root)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for e in entries:
                if e.is_dir(follow_symlinks=False):
                    if e.name != "__pycache__":
                        folders.append(e.path)
                elif e.is_file():
                    st = e.stat()
                    files.append(f"{e.path}:{st.st_mtime_ns}:{st.st_size}\n")
    files.sort()
    h = hashlib.sha256(f"{__version__}:{root.resolve()}\n".encode())
    h.update("".join(files).encode())
    return h.hexdigest()[:20]


def fingerprint(root: Path = ROOT) -> str:
    """The course's fingerprint: changes whenever any of its files does (caches built
    from the course, such as the search index, are keyed by it)."""
    return _fingerprint(root)


def cache_dir() -> Path:
    """Where Ladder keeps what it can rebuild (``$LADDER_HOME/cache`` when set)."""
    home = os.environ.get("LADDER_HOME")
    if home:
        return Path(home) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ladder", appauthor=False))


def _cache_file(root: Path) -> Path | None:
    try:
        return cache_dir() / f"curriculum-{_fingerprint(root)}.pickle"
    except OSError:
        return None


def load_curriculum(root: Path = ROOT, *, strict: bool = True, cache: bool = True) -> Curriculum:
    """Load every stage under ``root``. With ``strict`` raise :class:`CurriculumError` on
    any problem; otherwise return what loaded with ``problems`` filled in.

    A valid course is kept as a pickle in the user's cache, keyed by the size and time of
    every file under ``root``, so the next start skips parsing ~50 TOML files.
    """
    cached = _cache_file(root) if cache else None
    if cached is not None and cached.is_file():
        try:
            with cached.open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # noqa: BLE001 - a stale or torn cache is simply rebuilt
            pass
    cur = _load(root)
    if strict and cur.problems:
        raise CurriculumError(cur.problems)
    if cached is not None and not cur.problems:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(cur, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cached)
            for old in cached.parent.glob("curriculum-*.pickle"):
                if old != cached:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only home still works, only slower
    return cur


def _load(root: Path) -> Curriculum:
    cur = Curriculum()
    problems = cur.problems
    folders = sorted(p for p in root.iterdir() if p.is_dir() and re.match(r"^\d\d_", p.name))
    for folder in folders:
        read = _read_toml(folder / "stage.toml", problems)
        if read is None:
            continue
        try:
            stage = Stage(**read[0], folder=folder)
        except (ValidationError, TypeError) as exc:
            reason = _reason(exc) if isinstance(exc, ValidationError) else str(exc)
            problems.append(Problem(folder / "stage.toml", None, reason))
            continue
        if folder.name != f"{stage.number:02d}_{stage.id}":
            problems.append(
                Problem(folder, None, f"folder should be named {stage.number:02d}_{stage.id}")
            )
        cur.stages.append(stage)
        for md in sorted(folder.glob("*.md")):
            if md.name in ("README.md", "AUTHORING.md"):
                continue
            lesson = _lesson(md, problems)
            if lesson:
                _add("lesson", lesson, cur.lessons, md, problems)
        for item in _entries(Card, folder / "cards.toml", "card", {}, problems):
            _add("card", item, cur.cards, folder / "cards.toml", problems)
        extra = {"folder": folder}
        for item in _entries(Exercise, folder / "exercises.toml", "exercise", extra, problems):
            _add("exercise", item, cur.exercises, folder / "exercises.toml", problems)
        for item in _entries(Lab, folder / "labs.toml", "lab", {}, problems):
            _add("lab", item, cur.labs, folder / "labs.toml", problems)
    cur.stages.sort(key=lambda s: s.number)
    missing = [s for s in STAGE_IDS if s not in {st.id for st in cur.stages}]
    if missing:
        problems.append(Problem(root, None, f"stages missing from the roadmap: {missing}"))
    for concept in _entries(Concept, root / "concepts.toml", "concept", {}, problems):
        _add("concept", concept, cur.concepts, root / "concepts.toml", problems)
    for card in paper_cards(cur):
        _add("card", card, cur.cards, cur.lessons[card.lesson].path, problems)
    return cur
