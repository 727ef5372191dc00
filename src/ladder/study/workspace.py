"""The learner's workspace: their exercise files and ``.ladder/`` state.

``ladder init DIR`` copies every exercise stub to ``DIR/exercises/<stage>/`` and creates
``DIR/.ladder/``. Commands find the workspace by walking up from the current folder, like
git, or from ``LADDER_WORKSPACE``. Nothing the learner wrote is ever overwritten: a
re-init only adds missing stubs, and :meth:`Workspace.reset` keeps a backup first.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ladder.curriculum import Curriculum, Exercise
from ladder.study.store import Store

__all__ = ["Workspace", "NoWorkspace", "InitReport", "FORMAT_VERSION"]

FORMAT_VERSION = 1
MARKER = ".ladder"


class NestedWorkspace(Exception):
    """``ladder init`` inside an existing workspace."""


class NoWorkspace(Exception):
    """No workspace was found from here."""


@dataclass
class InitReport:
    root: Path
    created: bool  # a new workspace (False: it existed and was only completed)
    added: list[str] = field(default_factory=list)  # stubs copied now
    kept: list[str] = field(default_factory=list)  # learner files left untouched


@dataclass
class Workspace:
    root: Path
    _store: Store | None = None

    @property
    def state_dir(self) -> Path:
        return self.root / MARKER

    @property
    def db_path(self) -> Path:
        return self.state_dir / "ladder.db"

    @property
    def runs_dir(self) -> Path:
        return self.root / "runs"

    # -- creating and finding ------------------------------------------------------------

    @classmethod
    def init(cls, root: Path, curriculum: Curriculum) -> InitReport:
        root = root.expanduser().resolve()
        if root.exists() and not root.is_dir():
            raise NotADirectoryError(f"{root} is a file; choose a folder name for the workspace.")
        if not (root / MARKER).is_dir():
            outer = next((p for p in root.parents if (p / MARKER).is_dir()), None)
            if outer is not None:
                raise NestedWorkspace(
                    f"{root} is inside the workspace {outer}: use that one (`ladder` there "
                    "shows your next step), or create a new workspace outside it."
                )
        created = not (root / MARKER).is_dir()
        (root / MARKER).mkdir(parents=True, exist_ok=True)
        config = root / MARKER / "workspace.toml"
        if not config.exists():
            config.write_text(
                f"# Ladder workspace\nformat = {FORMAT_VERSION}\n"
                f'created = "{datetime.now(UTC).isoformat(timespec="seconds")}"\n',
                "utf-8",
            )
        report = InitReport(root=root, created=created)
        ws = cls(root)
        for ex in curriculum.ordered_exercises():
            target = ws.exercise_path(ex)
            if target.exists():
                report.kept.append(ex.workspace_name)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ex.stub_path, target)
            report.added.append(ex.workspace_name)
        Store.open(ws.db_path).close()
        return report

    @classmethod
    def find(cls, start: Path | None = None) -> Workspace:
        env = os.environ.get("LADDER_WORKSPACE")
        if env:
            root = Path(env).expanduser().resolve()
            if not (root / MARKER).is_dir():
                raise NoWorkspace(
                    f"LADDER_WORKSPACE is {env}, which is not a Ladder workspace: "
                    f"run `ladder init {env}` or unset it."
                )
            return cls._checked(root)
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / MARKER).is_dir():
                return cls._checked(folder)
        raise NoWorkspace(
            "This folder is not inside a Ladder workspace: run `ladder init DIR` to create one, "
            "then `cd DIR`."
        )

    @classmethod
    def _checked(cls, root: Path) -> Workspace:
        config = root / MARKER / "workspace.toml"
        try:
            fmt = tomllib.loads(config.read_text("utf-8")).get("format", FORMAT_VERSION)
        except (OSError, tomllib.TOMLDecodeError):
            fmt = FORMAT_VERSION
        if fmt > FORMAT_VERSION:
            raise NoWorkspace(
                f"{root} was made by a newer Ladder (format {fmt}); upgrade Ladder to use it."
            )
        return cls(root)

    # -- state -----------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.db_path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def exercise_path(self, ex: Exercise) -> Path:
        return self.root / ex.workspace_name

    def reset(self, ex: Exercise) -> Path | None:
        """Put the stub back; return where the learner's version was saved (None if there
        was no file)."""
        target = self.exercise_path(ex)
        saved = None
        if target.exists():
            folder = self.state_dir / "backups" / "exercises"
            folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            saved = folder / f"{ex.id}-{stamp}.py"
            shutil.copy2(target, saved)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ex.stub_path, target)
        return saved
