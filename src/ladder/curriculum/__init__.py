"""The course as data: stages, lessons, cards, exercises and labs (DESIGN §3).

``load_curriculum()`` reads and type-checks every stage folder; ``validate()`` checks
cross-references. See ``AUTHORING.md`` beside this file for the format.
"""

from ladder.curriculum.loader import (
    ROOT,
    Curriculum,
    CurriculumError,
    Problem,
    load_curriculum,
)
from ladder.curriculum.schema import (
    STAGE_IDS,
    Band,
    Card,
    Concept,
    Exercise,
    Lab,
    Lesson,
    Paper,
    Stage,
)

__all__ = [
    "ROOT",
    "STAGE_IDS",
    "Band",
    "Card",
    "Concept",
    "Curriculum",
    "CurriculumError",
    "Exercise",
    "Lab",
    "Lesson",
    "Paper",
    "Problem",
    "Stage",
    "load_curriculum",
]
