"""Translation as a tool: English → German with the lab's transformer.

:class:`Translator` loads ``translator.pt`` from the newest run of the lab
``projects.train-translator`` (``ladder.projects.translator`` trains it). Text is split
into sentences (``ladder.nlp.sentences``), each translated with greedy or beam search;
a sentence longer than the model's context (64 subwords) is cut, and the result says so.
Only the direction the lab trained, ``en-de``, exists: any other is refused in one
sentence, and so is German text given as English.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ladder.projects.common import (
    LANGUAGE_NAMES,
    ModelNotTrained,
    ProjectInputError,
    check_text,
    guess_language,
    latest_run_file,
)

__all__ = [
    "TranslationResult",
    "Translator",
    "translate",
    "DIRECTIONS",
    "TRANSLATOR_LAB",
    "parse_direction",
]

TRANSLATOR_LAB = "projects.train-translator"
DIRECTIONS = ("en-de",)


@dataclass
class TranslationResult:
    source: str
    translation: str
    direction: str
    beam_size: int
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (source, translation)
    model: str = ""
    seconds: float = 0.0
    notice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_direction(direction: str) -> str:
    """ "en-de", "en→de", "en>de", "EN_DE" → "en-de"; anything else fails in one sentence."""
    if not isinstance(direction, str):
        raise ProjectInputError(f"the direction must be a str such as 'en-de', not {direction!r}.")
    norm = direction.strip().lower()
    for sep in ("→", "->", ">", "_", " ", "2"):
        norm = norm.replace(sep, "-")
    if norm not in DIRECTIONS:
        raise ProjectInputError(
            f"unknown language direction {direction!r}; the translator knows only "
            f"{', '.join(DIRECTIONS)} (English → German)."
        )
    return norm


class Translator:
    def __init__(self, checkpoint: str | Path):
        from ladder.projects.translator import load_translator

        self.model, self.vocab, self.extra = load_translator(checkpoint)
        self.name = f"Multi30k transformer ({Path(checkpoint).parent.name})"
        self.max_tokens = self.model.config.n_positions - 2

    @classmethod
    def load(
        cls, runs_dir: str | Path | None = None, checkpoint: str | Path | None = None
    ) -> Translator:
        if checkpoint is not None:
            if not Path(checkpoint).is_file():
                raise ProjectInputError(
                    f"there is no checkpoint at {checkpoint}; give a translator.pt."
                )
            return cls(checkpoint)
        from ladder.projects.translator import CHECKPOINT_NAME

        path = latest_run_file(runs_dir, TRANSLATOR_LAB, CHECKPOINT_NAME)
        if path is None:
            raise ModelNotTrained(TRANSLATOR_LAB, "English → German translator")
        return cls(path)

    def translate(
        self, text: str, direction: str = "en-de", beam_size: int = 4
    ) -> TranslationResult:
        from ladder.nlp.sentences import split_sentences
        from ladder.projects.translator import translate_batch

        t0 = time.perf_counter()
        direction = parse_direction(direction)
        text = check_text(text, "text to translate")
        if not isinstance(beam_size, int) or not 1 <= beam_size <= 16:
            raise ProjectInputError(
                f"beam_size must be a whole number from 1 to 16, not {beam_size!r}."
            )
        lang = guess_language(text)
        if lang != "en":
            raise ProjectInputError(
                f"the text looks {LANGUAGE_NAMES.get(lang, lang)}, but this translator reads "
                "English (en-de); give English text."
            )
        sents = [s for s in split_sentences(text) if s.strip()] or [text]
        cut = [s for s in sents if len(self.vocab.encode(s)) > self.max_tokens]
        notice = None
        if cut:
            notice = (
                f"{len(cut)} sentence(s) were longer than the model's context of "
                f"{self.max_tokens} subwords and were cut."
            )
        out = translate_batch(self.model, self.vocab, sents, beam_size=beam_size)
        return TranslationResult(
            text,
            " ".join(out),
            direction,
            beam_size,
            list(zip(sents, out, strict=True)),
            self.name,
            time.perf_counter() - t0,
            notice,
        )


def translate(
    text: str, direction: str = "en-de", beam_size: int = 4, runs_dir: str | Path | None = None
) -> TranslationResult:
    """Translate with the newest trained model of the workspace's runs folder."""
    parse_direction(direction)
    return Translator.load(runs_dir).translate(text, direction, beam_size)
