"""Small-talk corpora for the tutor's chit-chat, from ``shared/data/chitchat``.

* Microsoft **Personality Chat** (MIT): paraphrased user questions, each mapped to one
  answer per persona (``professional``, ``friend``, ``comic``); about 650 rows each.
* **ChatterBot corpus** (BSD), English YAML dialogues: consecutive utterances give
  (prompt, reply) pairs; ``tech_support`` and ``coding`` are left out by default because
  they are not small talk. Blank turns (16 lone spaces in ``trivia.yml``) are skipped, so
  the whole corpus gives 2,377 of its 2,393 adjacent pairs.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from ladder.data.text import locate_dataset

__all__ = ["ChatPair", "PERSONAS", "load_personality_chat", "load_chatterbot"]

PERSONAS = ("professional", "friend", "comic")


@dataclass(frozen=True)
class ChatPair:
    prompt: str
    reply: str
    source: str  # "personality_chat/<persona>" or "chatterbot/<category>"


def load_personality_chat(persona: str = "professional") -> list[ChatPair]:
    """(question, answer) rows of one persona's Q&A file."""
    if persona not in PERSONAS:
        raise ValueError(f"unknown persona {persona!r}; use one of {list(PERSONAS)}.")
    path = locate_dataset("chitchat") / "personality_chat" / f"qna_chitchat_the_{persona}.tsv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        ChatPair(r["Question"].strip(), r["Answer"].strip(), f"personality_chat/{persona}")
        for r in rows
        if r.get("Question") and r.get("Answer")
    ]


def load_chatterbot(exclude: tuple[str, ...] = ("tech_support", "coding")) -> list[ChatPair]:
    """Adjacent (prompt, reply) pairs of the ChatterBot English corpus."""
    import yaml

    folder = locate_dataset("chitchat") / "chatterbot_corpus_english"
    out = []
    for path in sorted(folder.glob("*.yml")):
        if path.stem in exclude:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for conv in data.get("conversations", []):
            turns = [str(t).strip() for t in conv if t is not None and str(t).strip()]
            for a, b in zip(turns, turns[1:], strict=False):
                out.append(ChatPair(a, b, f"chatterbot/{path.stem}"))
    return out
