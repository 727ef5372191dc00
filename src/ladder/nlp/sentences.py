r"""Rule-based sentence splitting: abbreviations, decimals, quotes.

A sentence ends at a run of terminal punctuation (``.``, ``!``, ``?``, ``…``), optionally
followed by closing quotes or brackets, and then whitespace — unless

* the period closes a known **abbreviation** (``Mr.``, ``e.g.``, ``etc.``, ``U.S.``) or a
  single-letter **initial** (``J. R. R. Tolkien``);
* the next word starts with a **lower-case** letter (``... 5 p.m. in the town``), which
  a new sentence would not.

Decimals (``3.14``), ellipses inside a line and URLs never split because no whitespace
follows the period. A blank line always ends a sentence (paragraphs).

spaCy's rule-based ``sentencizer`` (``tests/nlp/test_sentences.py``) instead splits after
every token in its punctuation list, relying on its tokenizer to keep ``Mr.`` whole; the
test reports how often the two agree on real text.

>>> split_sentences('Mr. Smith paid $3.50 for it. "Really?" she asked. Yes! It was 5 p.m.')
['Mr. Smith paid $3.50 for it.', '"Really?" she asked.', 'Yes!', 'It was 5 p.m.']
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "sentence_spans", "split_sentences"]

#: Lower-cased abbreviations (without their final period) that do not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft rev gen col lt sgt capt cmdr gov sen rep hon pres
    messrs mme mlle vs etc e.g i.e cf al approx dept est fig figs no nos vol vols ed eds
    p pp ch sec art inc ltd co corp bros jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun a.m p.m u.s u.k u.n e.u ph.d b.a m.a b.sc m.sc d.c
    """.split()
)

_CANDIDATE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD_BEFORE = re.compile(r"(\S+)$")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    nxt = text[match.end() : match.end() + 1]
    if not nxt:
        return True
    if nxt.islower():
        return False
    if match.group(1) != ".":
        return True
    before = _WORD_BEFORE.search(text, 0, match.start())
    if before is None:
        return True
    word = before.group(1).lstrip("\"'“‘([{").lower()
    if word in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return False
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character offsets of each sentence, whitespace trimmed."""
    if not isinstance(text, str):
        raise TypeError(f"sentence_spans expects a str, got {type(text).__name__} ({text!r:.60}).")
    cuts = {m.end() for m in _PARAGRAPH.finditer(text)}
    cuts |= {m.end(2) for m in _CANDIDATE.finditer(text) if _is_boundary(text, m)}
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(cuts) + [len(text)]:
        chunk = text[start:cut]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
        start = cut
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (empty text gives ``[]``)."""
    return [text[a:b] for a, b in sentence_spans(text)]
