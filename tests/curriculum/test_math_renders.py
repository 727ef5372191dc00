"""Every formula of every lesson and every card renders unambiguously (issue 16 §3): in the
terminal (Unicode) with no LaTeX command left, grouping balanced and no sub- or
superscript lost; in the browser (MathML) without falling back to the source; in the
Anki export as MathJax."""

from __future__ import annotations

import re

import pytest

from ladder.curriculum import load_curriculum
from ladder.study.mathtext import (
    DISPLAY_MATH,
    INLINE_MATH,
    convert,
    markdown_math_to_unicode,
    math_spans,
)

PAIRS = {"(": ")", "[": "]", "{": "}", "⌊": "⌋", "⌈": "⌉", "⟨": "⟩"}


def _balanced(text: str) -> bool:
    stack: list[str] = []
    for ch in text:
        if ch in PAIRS:
            stack.append(PAIRS[ch])
        elif ch in PAIRS.values() and (not stack or stack.pop() != ch):
            return False
    return not stack


def _scripts_in_source(tex: str) -> int:
    """The ``_`` and ``^`` of a formula (outside \\text{…}, and not ``\\_``)."""
    tex = re.sub(r"\\text\{[^}]*\}", "", tex)
    return len(re.findall(r"(?<!\\)[_^]", tex))


def _texts():
    """(where, Markdown text) for every lesson, objective and card side of the course."""
    cur = load_curriculum()
    for lesson in cur.ordered_lessons():
        yield lesson.id, lesson.body
        for objective in lesson.objectives:
            yield lesson.id, objective
    for card in cur.cards.values():
        for side in (card.front, card.back, *card.choices):
            yield card.id, side


FORMULAS = sorted({(where, tex) for where, text in _texts() for tex, _ in math_spans(text)})


def test_there_is_math_to_check():
    assert len(FORMULAS) > 1000
    cards = load_curriculum().cards  # (once: each load checks every file's size and time)
    assert sum(1 for where, _ in FORMULAS if where in cards) > 80


@pytest.mark.parametrize("stage", ["ml", "nn", "dl", "nlp", "transformer", "llm", "ethics"])
def test_every_formula_reads_right_in_the_terminal(stage):
    problems = []
    for where, tex in FORMULAS:
        if not where.startswith(stage + "."):
            continue
        try:
            c = convert(tex)
        except ValueError as exc:
            problems.append(f"{where}: {tex!r} does not parse: {exc}")
            continue
        if c.unknown or "\\" in c.text:
            problems.append(f"{where}: {tex!r} leaves LaTeX commands: {c.unknown or c.text}")
        source_balanced = _balanced(re.sub(r"\\[{}]|\\left.|\\right.|[{}]", "", tex))
        if source_balanced and not _balanced(c.text):
            problems.append(f"{where}: {tex!r} → {c.text!r} has unbalanced grouping")
        if c.scripts != _scripts_in_source(tex):
            problems.append(f"{where}: {tex!r} → {c.text!r} lost a sub- or superscript")
    assert not problems, "\n".join(problems[:20])


def test_every_formula_renders_as_mathml_in_the_browser():
    pytest.importorskip("latex2mathml")
    from ladder.web.render import latex_to_mathml

    failed = [
        (where, tex)
        for where, tex in FORMULAS
        if not latex_to_mathml(tex).startswith("<math") or "merror" in latex_to_mathml(tex)
    ]
    assert not failed, failed[:10]


def test_no_math_is_left_as_source_in_lessons_and_cards():
    pytest.importorskip("markdown_it")
    from ladder.web.render import inline_markdown, render_markdown

    for where, text in _texts():
        html = render_markdown(text) if "\n" in text else inline_markdown(text)
        outside_code = re.sub(r"<code>.*?</code>|<pre.*?</pre>", "", html, flags=re.S)
        assert not INLINE_MATH.search(outside_code), (where, INLINE_MATH.search(outside_code))
        assert not DISPLAY_MATH.search(outside_code), where
        terminal = markdown_math_to_unicode(text, escape=False)
        assert not DISPLAY_MATH.search(terminal) and not INLINE_MATH.search(
            re.sub(r"`[^`]*`", "", terminal)
        ), where


def test_multi_letter_subscripts_are_upright_in_the_browser():
    pytest.importorskip("latex2mathml")
    from ladder.web.render import latex_to_mathml

    res = latex_to_mathml(r"SS_{res}")
    assert res.count('mathvariant="normal"') == 3  # r, e, s upright
    assert 'mathvariant="normal"' not in latex_to_mathml(r"W_{ih}")  # indices stay italic


def test_the_anki_export_writes_every_formula_for_mathjax():
    from ladder.study.anki import text

    cur = load_curriculum()
    for card in cur.cards.values():
        for side in (card.front, card.back, *card.choices):
            out = text(side)
            n = len(math_spans(side))
            assert out.count("\\(") + out.count("\\[") == n, (card.id, side, out)
            assert not INLINE_MATH.search(out), card.id


def test_cards_write_math_the_way_lessons_do():
    """No ASCII math outside $…$ and code: X^T, e^{…}, w_{t+1}, SS_res."""
    ascii_math = re.compile(r"\^|_\{|(?<![\w`$\\{])[A-Za-zα-ωΑ-Ω]{1,3}_[A-Za-z0-9]{1,4}(?![\w(])")
    cur = load_curriculum()
    found = []
    for card in cur.cards.values():
        for side in (card.front, card.back, *card.choices):
            rest = re.sub(r"`[^`]*`", "", side)
            rest = INLINE_MATH.sub(" ", DISPLAY_MATH.sub(" ", rest))
            if ascii_math.search(rest):
                found.append((card.id, side))
    assert not found, found[:10]
