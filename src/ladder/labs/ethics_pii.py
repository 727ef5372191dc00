"""Lab: redact PII from generated documents, ours beside Microsoft Presidio.

Faker writes letters, support tickets and payment instructions (fixed seed) with known
e-mails, phone numbers, card numbers, IBANs, IP addresses, dates and names, plus
look-alikes that are not PII (card numbers failing Luhn, IBANs failing mod 97, order
numbers). Both detectors run on the same documents: ours (``ladder.ethics.pii``:
patterns, checksums, spaCy's ``en_core_web_sm`` for names) and Presidio's analyzer on
the same spaCy model. The table gives precision and recall per type side by side (a
prediction is right when it overlaps a true span of its type) and the time per document;
one document is shown redacted by each (ours, and Presidio's anonymizer).

A caution the numbers need: our patterns were written knowing the formats this
generator uses; Presidio's were written for text in general. On documents of other
shapes both would score differently.

``quick`` uses 40 documents, the full run 300.
"""

from __future__ import annotations

from ladder.labs.context import LabContext, timed


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    from ladder.ethics.pii import ENTITY_TYPES, detect_pii, load_tagger, redact
    from ladder.ethics.pii_eval import PRESIDIO_TYPES, generate_documents, presidio_detector, score

    n = 40 if ctx.quick else 300
    docs = generate_documents(n, seed=ctx.seed)
    ctx.log(f"{n} documents, {sum(len(d.entities) for d in docs)} PII spans planted")
    tagger = load_tagger()
    detect = presidio_detector()
    ours, t_ours = timed(lambda: [detect_pii(d.text, tagger) for d in docs])
    theirs, t_theirs = timed(lambda: [detect(d.text) for d in docs])
    s_ours, s_theirs = score(docs, ours), score(docs, theirs)
    rows = []
    for kind in ENTITY_TYPES:
        a, b = s_ours[kind], s_theirs[kind]
        rows.append([kind, a["true"], a["precision"], a["recall"], b["precision"], b["recall"]])
        ctx.metric(f"ours_{kind.lower()}_precision", a["precision"])
        ctx.metric(f"ours_{kind.lower()}_recall", a["recall"])
        ctx.metric(f"presidio_{kind.lower()}_precision", b["precision"])
        ctx.metric(f"presidio_{kind.lower()}_recall", b["recall"])
    ctx.table(
        "PII detection on generated documents: ours beside Presidio",
        [
            "type",
            "true spans",
            "precision (ours)",
            "recall (ours)",
            "precision (Presidio)",
            "recall (Presidio)",
        ],
        rows,
    )
    ctx.metric("ours_ms_per_document", 1000 * t_ours / n)
    ctx.metric("presidio_ms_per_document", 1000 * t_theirs / n)
    ctx.table(
        "Time per document",
        ["detector", "ms per document"],
        [["ladder.ethics.pii", 1000 * t_ours / n], ["Presidio analyzer", 1000 * t_theirs / n]],
    )

    example = docs[0].text
    ours_red = redact(example, ours[0])
    back = {v: k for k, v in PRESIDIO_TYPES.items()}
    results = [RecognizerResult(back[e.type], e.start, e.end, 1.0) for e in theirs[0]]
    presidio_red = (
        AnonymizerEngine()
        .anonymize(
            text=example,
            analyzer_results=results,
            operators={"DEFAULT": OperatorConfig("replace", {})},
        )
        .text
    )
    ctx.table(
        "One document, redacted",
        ["version", "text"],
        [["original", example], ["ours", ours_red], ["Presidio", presidio_red]],
    )
    leaked = [e.text for e in docs[0].entities if e.text in ours_red]
    ctx.metric("example_spans_left_by_ours", len(leaked))

    fig, ax = plt.subplots(figsize=(8, 4))
    x = np.arange(len(ENTITY_TYPES))
    f1 = lambda s: [np.nan_to_num(s[k]["f1"]) for k in ENTITY_TYPES]  # noqa: E731
    ax.bar(x - 0.2, f1(s_ours), 0.4, label="ladder.ethics.pii")
    ax.bar(x + 0.2, f1(s_theirs), 0.4, label="Presidio")
    ax.set_xticks(x, ENTITY_TYPES, fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("F1 (span overlap)")
    ax.set_title(f"PII detection on {n} generated documents", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    path = ctx.figure("pii_f1")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    ctx.saved(path)
