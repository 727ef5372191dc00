"""The course as data: what a stage, lesson, card, exercise and lab look like.

Pydantic models reject unknown keys and wrong types, so a typo in a TOML file is an
error with its file and line (see :mod:`ladder.curriculum.loader`), never a late
``KeyError``. Cross-references (a card's lesson, an exercise's solution) are checked by
:mod:`ladder.curriculum.validate`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "ID_PATTERN",
    "STAGE_IDS",
    "Paper",
    "Stage",
    "Lesson",
    "Card",
    "Exercise",
    "Lab",
    "Band",
    "Concept",
    "CONCEPT_PATTERN",
]

# Stage ids are the roadmap's (DESIGN §1), in order; they never change.
STAGE_IDS = ("ml", "nn", "dl", "nlp", "transformer", "llm", "ethics", "projects")

# Ids are "<stage>.<slug>", lower case, digits and dashes: "ml.linear-regression".
ID_PATTERN = r"^[a-z][a-z0-9]*\.[a-z0-9][a-z0-9-]*$"
_ID = re.compile(ID_PATTERN)
# Concept ids are plain slugs, shared by every stage: "gradient-descent".
CONCEPT_PATTERN = r"^[a-z][a-z0-9-]*$"
_CONCEPT = re.compile(CONCEPT_PATTERN)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_concepts(values: list[str]) -> list[str]:
    for v in values:
        if not _CONCEPT.match(v):
            raise ValueError(f"concept {v!r} must be a slug like 'gradient-descent'")
    return values


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(
            f"id {value!r} must look like 'stage.some-name' (lower case, digits, dashes)"
        )
    return value


class Paper(_Strict):
    title: str
    authors: str
    year: int
    arxiv: str | None = None  # arXiv id such as "1706.03762"
    url: str | None = None
    idea: str = ""  # the paper's key idea in one sentence (the back of its card)

    @property
    def link(self) -> str | None:
        return f"https://arxiv.org/abs/{self.arxiv}" if self.arxiv else self.url


class Stage(_Strict):
    id: Literal["ml", "nn", "dl", "nlp", "transformer", "llm", "ethics", "projects"]
    number: int = Field(ge=1, le=len(STAGE_IDS))
    title: str
    summary: str
    goals: list[str] = Field(min_length=1)
    lessons: list[str] = []  # lesson ids in teaching order
    folder: Path = Path()  # filled in by the loader

    @model_validator(mode="after")
    def _number_matches_id(self) -> Stage:
        expected = STAGE_IDS.index(self.id) + 1
        if self.number != expected:
            raise ValueError(f"stage {self.id!r} is number {expected}, not {self.number}")
        return self


class Lesson(_Strict):
    id: str
    title: str
    objectives: list[str] = Field(min_length=1)
    prerequisites: list[str] = []
    concepts: list[str] = []  # concept ids (concepts.toml) the lesson teaches
    papers: list[Paper] = []
    modules: list[str] = []  # library modules the lesson explains ("ladder.ml.linear")
    minutes: int = Field(default=15, ge=1)  # reading time
    body: str = ""  # Markdown after the front matter
    path: Path = Path()

    _id = field_validator("id")(classmethod(lambda cls, v: _check_id(v)))
    _concepts = field_validator("concepts")(classmethod(lambda cls, v: _check_concepts(v)))

    @property
    def stage(self) -> str:
        return self.id.split(".", 1)[0]


class Concept(_Strict):
    """A node of the prerequisite graph (``curriculum/concepts.toml``).

    ``requires`` lists the concepts this one rests on; ``keywords`` are lower-case
    phrases that tie a new paper (an arXiv feed entry) to the concept."""

    id: str
    title: str
    requires: list[str] = []
    keywords: list[str] = []

    _id = field_validator("id")(classmethod(lambda cls, v: _check_concepts([v])[0]))
    _requires = field_validator("requires")(classmethod(lambda cls, v: _check_concepts(v)))


class Card(_Strict):
    """A flashcard. ``basic`` and ``cloze`` are self-rated; ``numeric`` and ``choice``
    are checked automatically.

    * ``cloze``: ``front`` holds the full sentence with the hidden part in ``{{…}}``.
    * ``numeric``: ``answer`` is a number. With ``decimals = d`` (and the front saying
      so, "to two decimals") any answer that rounds to the same ``d`` decimals is right;
      ``tolerance`` (absolute) may widen that, never narrow it. ``percent = true`` when
      the front asks for a percentage: ``answer = 12`` and "12", "12%" are both right.
    * ``choice``: ``choices`` lists the options, ``answer`` is the index of the right one.
      ``defensible`` flags other options a careful learner could argue for; the
      validator refuses such a card until it is reworded.
    """

    id: str
    lesson: str
    kind: Literal["basic", "cloze", "numeric", "choice"]
    front: str
    back: str = ""
    answer: float | int | None = None
    tolerance: float = Field(default=0.0, ge=0.0)
    decimals: int | None = Field(default=None, ge=0, le=8)  # numeric: precision asked for
    percent: bool = False  # numeric: the answer is a percentage ("12%" and "12" mean 12)
    choices: list[str] = []
    defensible: list[int] = []  # choice: wrong options that are also defensible (a flag)
    concepts: list[str] = []  # empty: the concepts of its lesson
    deck: Literal["course", "papers"] = "course"  # "papers": made from a lesson's papers

    _id = field_validator("id")(classmethod(lambda cls, v: _check_id(v)))
    _concepts = field_validator("concepts")(classmethod(lambda cls, v: _check_concepts(v)))

    @model_validator(mode="after")
    def _kind_fields(self) -> Card:
        if self.kind == "numeric" and self.answer is None:
            raise ValueError("a numeric card needs `answer`")
        if self.kind == "choice":
            if len(self.choices) < 2:
                raise ValueError("a choice card needs at least two `choices`")
            if not isinstance(self.answer, int) or not 0 <= self.answer < len(self.choices):
                raise ValueError(
                    f"`answer` must be the index (0..{len(self.choices) - 1}) of the right choice"
                )
        if self.kind != "numeric" and (self.decimals is not None or self.percent):
            raise ValueError("`decimals` and `percent` belong to numeric cards")
        if self.defensible:
            if self.kind != "choice":
                raise ValueError("`defensible` belongs to choice cards")
            bad = [i for i in self.defensible if not 0 <= i < len(self.choices)]
            if bad or self.answer in self.defensible:
                raise ValueError(
                    "`defensible` lists indices of wrong choices "
                    f"(0..{len(self.choices) - 1}, not the answer {self.answer})"
                )
        if self.kind == "cloze" and not re.search(r"\{\{.+?\}\}", self.front):
            raise ValueError("a cloze card hides its answer in {{…}} inside `front`")
        if self.kind in ("basic",) and not self.back:
            raise ValueError("a basic card needs a `back`")
        return self

    @property
    def auto_checked(self) -> bool:
        return self.kind in ("numeric", "choice")


class Exercise(_Strict):
    """An exercise: the learner fills in ``file`` until the checks in ``checks`` pass.

    ``solution`` is ``"module:attribute"``: the reference implementation, which the
    stub must define under the same name.
    """

    id: str
    lesson: str
    title: str
    file: str  # stub, relative to the stage folder ("exercises/mse.py")
    checks: str  # check module, relative to the stage folder ("checks/mse.py")
    solution: str  # "ladder.ml.metrics:mean_squared_error"
    hints: list[str] = Field(min_length=1)
    timeout: float = Field(default=10.0, gt=0)  # seconds of wall clock for all checks
    memory_mb: int = Field(default=2048, ge=256)
    # What the learner must write themselves: a submission that imports one of these
    # (the reference, always included, or the industry library's equivalent, as
    # "module:name" or a whole "module") is incorrect.
    forbid: list[str] = Field(default_factory=list)
    # Methods of the entry class the learner writes: they must be defined in the
    # learner's class body, not inherited.
    writes: list[str] = Field(default_factory=list)
    # The function changes its arguments by design (an optimiser step, clip_grad_norm_);
    # otherwise a submission that changes an input in place is incorrect.
    in_place: bool = False
    concepts: list[str] = []  # empty: the concepts of its lesson
    folder: Path = Path()

    _id = field_validator("id")(classmethod(lambda cls, v: _check_id(v)))
    _concepts = field_validator("concepts")(classmethod(lambda cls, v: _check_concepts(v)))

    @field_validator("solution")
    @classmethod
    def _solution_form(cls, v: str) -> str:
        if not re.match(r"^[a-zA-Z_][\w.]*:[a-zA-Z_]\w*$", v):
            raise ValueError(f"solution {v!r} must be 'package.module:name'")
        return v

    @property
    def stage(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def entry(self) -> str:
        """The name the stub defines and the checks call."""
        return self.solution.split(":", 1)[1]

    @property
    def stub_path(self) -> Path:
        return self.folder / self.file

    @property
    def mutants_dir(self) -> Path:
        """Known-wrong solutions: ``mutants/<stub file stem>/*.py`` in the stage folder."""
        return self.folder / "mutants" / Path(self.file).stem

    @property
    def checks_path(self) -> Path:
        return self.folder / self.checks

    @property
    def workspace_name(self) -> str:
        """Where the learner's copy lives inside the workspace."""
        return f"exercises/{self.stage}/{Path(self.file).name}"


class Band(_Strict):
    """A figure a lab should reach: ``metric`` within [``low``, ``high``] on a full run
    and within [``quick_low``, ``quick_high``] on a quick one (``--quick``, the tests).
    A bound left out is open; a mode with no bound at all is not checked. ``causes``
    are the likely reasons for a miss, shown when the figure falls outside."""

    metric: str
    low: float | None = None
    high: float | None = None
    quick_low: float | None = None
    quick_high: float | None = None
    causes: list[str] = []

    @model_validator(mode="after")
    def _ordered(self) -> Band:
        for lo, hi in ((self.low, self.high), (self.quick_low, self.quick_high)):
            if lo is not None and hi is not None and lo > hi:
                raise ValueError(f"band {self.metric!r}: low {lo} is above high {hi}")
        if all(v is None for v in (self.low, self.high, self.quick_low, self.quick_high)):
            raise ValueError(f"band {self.metric!r} has no bound")
        return self

    def bounds(self, quick: bool) -> tuple[float | None, float | None]:
        return (self.quick_low, self.quick_high) if quick else (self.low, self.high)


class Lab(_Strict):
    id: str
    lesson: str
    title: str
    run: str  # "ladder.labs.linear_regression:run"
    datasets: list[str] = []  # standard dataset names (ladder.data) or "sklearn:diabetes"
    minutes: float = Field(default=1.0, gt=0)  # expected run time on a laptop CPU
    band: list[Band] = []  # [[lab.band]]: the figures it should reach
    diagnosis: list[str] = []  # what usually goes wrong when a figure is missed

    _id = field_validator("id")(classmethod(lambda cls, v: _check_id(v)))
