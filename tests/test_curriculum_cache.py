"""The parsed course is cached, and any change to a course file invalidates the cache."""

from __future__ import annotations

import shutil

from ladder.curriculum import ROOT, load_curriculum, loader


def test_cache_is_used_and_invalidated(tmp_path, monkeypatch):
    monkeypatch.setenv("LADDER_HOME", str(tmp_path / "home"))
    root = tmp_path / "curriculum"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("__pycache__"))
    first = load_curriculum(root)
    assert list((tmp_path / "home" / "cache").glob("curriculum-*.pickle"))

    calls = []
    real = loader._load
    monkeypatch.setattr(loader, "_load", lambda r: calls.append(r) or real(r))
    assert load_curriculum(root).lessons.keys() == first.lessons.keys()
    assert calls == []  # served from the cache

    lesson = next(root.glob("01_ml/*.md"))
    lesson.write_text(lesson.read_text().replace("+++\n\n", "+++\n\nEdited. ", 1))
    again = load_curriculum(root)
    assert calls == [root]  # re-parsed after the edit
    assert any("Edited." in l.body for l in again.lessons.values())
