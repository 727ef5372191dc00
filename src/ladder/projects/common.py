"""What every tool shares: its two errors, input checks, and finding a lab's output.

* :class:`ProjectInputError` (a ``ValueError``): the input is unusable — empty text, a
  binary file, a CSV without the named column, an unknown language direction, a question
  in another language. Its message is one sentence that names the problem and the fix.
* :class:`ModelNotTrained` (a ``RuntimeError``): the tool needs a model that a lab
  trains, and no run of that lab is in the workspace. ``lab`` holds the lab id; the
  message says which command to run.

Over-long text is not an error: tools cut it to the model's context and say so in the
result's ``notice``.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = [
    "ProjectInputError",
    "ModelNotTrained",
    "check_text",
    "truncate_words",
    "read_text_file",
    "looks_binary",
    "guess_language",
    "latest_run_file",
]


class ProjectInputError(ValueError):
    """Unusable input to a project tool (one clear sentence)."""


class ModelNotTrained(RuntimeError):
    """The tool's model has not been trained in this workspace yet."""

    def __init__(self, lab: str, what: str) -> None:
        self.lab = lab
        super().__init__(
            f"No {what} has been trained in this workspace yet: run `ladder run {lab}` first."
        )


def check_text(text: object, what: str = "text") -> str:
    """The text, stripped; a clear error for a non-string or empty input."""
    if isinstance(text, bytes):
        raise ProjectInputError(f"the {what} is bytes; decode it to a str (UTF-8) first.")
    if not isinstance(text, str):
        raise ProjectInputError(f"the {what} must be a str, not {type(text).__name__}.")
    text = text.strip()
    if not text:
        raise ProjectInputError(f"the {what} is empty; give at least one word.")
    if "\x00" in text:
        raise ProjectInputError(
            f"the {what} contains NUL bytes, so it looks binary; give plain text."
        )
    return text


def truncate_words(text: str, max_words: int) -> tuple[str, str | None]:
    """Keep the first ``max_words`` words; returns the text and a notice (None if whole)."""
    words = text.split()
    if len(words) <= max_words:
        return text, None
    return " ".join(words[:max_words]), (
        f"the text has {len(words)} words; only the first {max_words} were used "
        "(the model's context)."
    )


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or undecodable as UTF-8, in the first 8 KiB: not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < len(head) - 4  # a character cut at the 8 KiB boundary is fine
    return False


def read_text_file(path: str | Path, what: str = "file") -> str:
    """Read a UTF-8 text file; binary files, missing files and empty files fail clearly."""
    p = Path(path)
    if not p.is_file():
        raise ProjectInputError(f"there is no {what} at {p}; give the path of a text file.")
    data = p.read_bytes()
    if looks_binary(data):
        raise ProjectInputError(
            f"{p.name} is a binary file, not text; give a UTF-8 text file (.txt, .md, .csv)."
        )
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise ProjectInputError(f"{p.name} is empty; give a file with some text in it.")
    return text


# The most frequent function words of a few languages; a text is guessed to be in the
# language whose words it uses most (Latin script), or by its script otherwise.
_FUNCTION_WORDS = {
    "en": "the of and to a in is it you that was for are on with as i his they be at one "
    "have this from or had by what how why when which can do does an not my me your",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
    "auch es an werden aus er hat dass sie nach wird bei wie was ich du wir ihr warum",
    "fr": "le la les de des du un une et est en que qui dans pour pas sur au avec ce il elle "
    "je tu nous vous sont comment pourquoi quoi est-ce",
    "es": "el la los las de del y en que un una es por con para no se lo su al como qué "
    "cómo por qué yo tú está son",
    "it": "il lo la gli le di del e è che un una per con non si come perché cosa sono io tu",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er hoe wat waarom ik je",
    "pt": "o a os as de do da e é que um uma em para com não se como por que eu você são",
}
_WORDS = {lang: set(ws.split()) for lang, ws in _FUNCTION_WORDS.items()}
_SCRIPTS = [
    (re.compile(r"[\u0400-\u04ff]"), "ru"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0900-\u097f]"), "hi"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
]
LANGUAGE_NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
    "ja": "Japanese",
    "ko": "Korean",
    "zh": "Chinese",
    "hi": "Hindi",
    "th": "Thai",
}


def guess_language(text: str) -> str:
    """A rough language code (``en``, ``de``, ``fr``, …) from script and function words.

    Letters of a non-Latin script decide when they are a third of the letters or more;
    otherwise the language whose common words occur most; English when nothing decides.

    >>> guess_language("Was ist ein Transformer und warum ist er so gut?")
    'de'
    >>> guess_language("What is the brevity penalty of BLEU?")
    'en'
    """
    letters = [ch for ch in text if ch.isalpha()]
    if letters:
        for pattern, lang in _SCRIPTS:
            if len(pattern.findall(text)) >= len(letters) / 3:
                return lang
    tokens = re.findall(r"[\w'-]+", text.lower())
    hits = {lang: sum(t in ws for t in tokens) for lang, ws in _WORDS.items()}
    best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
    return best if hits[best] > hits["en"] else "en"


def latest_run_file(runs_dir: str | Path | None, lab_id: str, filename: str) -> Path | None:
    """The newest ``runs/<lab_id>/<time>/<filename>``, or None (``ladder.study.labs``
    owns the run-folder format)."""
    if runs_dir is None:
        return None
    from ladder.study.labs import latest_checkpoint

    return latest_checkpoint(Path(runs_dir), lab_id, filename)
