"""Lessons as HTML: Markdown (markdown-it-py), math as MathML, code highlighted.

Math is converted on the server by ``latex2mathml.converter.convert`` — the browser
shows MathML natively, so nothing is fetched from a CDN and pages work offline. The
terminal's counterpart is :func:`ladder.study.mathtext.markdown_math_to_unicode`.

``$$…$$`` (display) and ``$…$`` (inline) are cut out before Markdown sees them (so an
underscore in ``$x_i$`` is never read as emphasis), replaced by placeholders, and the
MathML is put back into the HTML afterwards. Code fences and inline code are left alone.
Code blocks are highlighted by Pygments (``pygments.highlight`` with ``HtmlFormatter``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "render_markdown",
    "render_lesson",
    "Heading",
    "latex_to_mathml",
    "highlight_code",
    "inline_markdown",
]

_PLACEHOLDER = re.compile(r"LADDERMATH(\d+)X")
_WORD_SUBSCRIPT = re.compile(r"_\{([A-Za-z]+)\}|_(?=\\mathrm|\\text)")


def _upright_subscripts(tex: str) -> str:
    r"""``SS_{res}`` → ``SS_{\mathrm{res}}``: a subscript that is a word is set upright
    (:func:`ladder.study.mathtext.word_subscript`), indices (``x_{ij}``) stay italic."""
    from ladder.study.mathtext import word_subscript

    def fix(m: re.Match[str]) -> str:
        word = m.group(1)
        return f"_{{\\mathrm{{{word}}}}}" if word and word_subscript(word) else m.group(0)

    return _WORD_SUBSCRIPT.sub(fix, tex)


@lru_cache(maxsize=8192)
def latex_to_mathml(tex: str, display: bool = False) -> str:
    """``X^\\top X w = X^\\top y`` → ``<math …>…</math>``; shows the source as code if
    latex2mathml cannot parse it (a lesson never fails to render because of one formula)."""
    from latex2mathml.converter import convert

    try:
        return convert(
            _upright_subscripts(" ".join(tex.split())), display="block" if display else "inline"
        )
    except Exception:  # noqa: BLE001 - any parser error: fall back to the source
        tag = "pre" if display else "code"
        return f'<{tag} class="tex">{html.escape(tex)}</{tag}>'


def highlight_code(code: str, lang: str = "", _attrs: object = None) -> str:
    """Pygments HTML for a fenced block: one ``<pre class="highlight"><code>`` (it starts
    with ``<pre``, so markdown-it puts no second box around it); plain escaped code for
    unknown languages."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(lang or "text")
    except ClassNotFound:
        body = html.escape(code)
    else:
        body = highlight(code, lexer, HtmlFormatter(nowrap=True))
    return f'<pre class="highlight"><code>{body}</code></pre>'


@lru_cache(maxsize=1)
def _md():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"highlight": highlight_code, "html": False}).enable(
        ["table", "strikethrough"]
    )


def _protect(markdown: str) -> tuple[str, list[str]]:
    """Replace math by placeholders (outside code) and collect its MathML."""
    found: list[str] = []

    def put(mathml: str) -> str:
        found.append(mathml)
        return f"LADDERMATH{len(found) - 1}X"

    from ladder.study.mathtext import CODE_SPANS, DISPLAY_MATH, INLINE_MATH

    parts = CODE_SPANS.split(markdown)
    for i in range(0, len(parts), 2):  # even parts are outside code
        text = DISPLAY_MATH.sub(
            lambda m: "\n\n" + put(latex_to_mathml(m.group(1), True)) + "\n\n", parts[i]
        )
        parts[i] = INLINE_MATH.sub(
            lambda m: put(f'<span class="math-inline">{latex_to_mathml(m.group(1))}</span>'), text
        )
    return "".join(parts), found


def _restore(rendered: str, found: list[str]) -> str:
    # A display formula alone in a paragraph: drop the <p> around the block.
    rendered = re.sub(
        r"<p>\s*(LADDERMATH\d+X)\s*</p>",
        lambda m: f'<div class="math-block">{m.group(1)}</div>',
        rendered,
    )
    return _PLACEHOLDER.sub(lambda m: found[int(m.group(1))], rendered)


@lru_cache(maxsize=512)
def render_markdown(markdown: str) -> str:
    """A lesson body (Markdown with ``$…$`` math) as an HTML fragment."""
    text, found = _protect(markdown)
    return _restore(_md().render(text), found)


@lru_cache(maxsize=4096)
def inline_markdown(text: str) -> str:
    """A short text (card front, hint, objective) with inline Markdown and math, no <p>."""
    protected, found = _protect(text)
    return _restore(_md().renderInline(protected), found)


@dataclass(frozen=True)
class Heading:
    level: int  # 2 or 3
    id: str  # the anchor: "the-objective"
    html: str  # the heading's inner HTML (it may hold math)


_HEADING = re.compile(r"<h([23])>(.*?)</h\1>", re.S)
_LEADING_TITLE = re.compile(r"\A\s*# [^\n]*\n")


@lru_cache(maxsize=256)
def render_lesson(markdown: str) -> tuple[str, tuple[Heading, ...]]:
    """A lesson body as HTML without its leading ``# Title`` (the page shows the title
    above the objectives), with an ``id`` on every ``<h2>``/``<h3>`` — the anchors
    :func:`ladder.study.search.section_id` gives, so search hits land on them — and the
    table of contents those headings make."""
    from ladder.study.search import lesson_sections, section_id

    body = _LEADING_TITLE.sub("", markdown, count=1)
    rendered = render_markdown(body)
    anchors = [anchor for level, anchor, _h, _t in lesson_sections(body) if level > 1]
    found = list(_HEADING.finditer(rendered))
    if len(found) != len(anchors):  # a heading the scan did not see: number them anew
        taken: set[str] = set()
        anchors = [section_id(re.sub(r"<[^>]+>", "", m.group(2)), taken) for m in found]
    toc: list[Heading] = []
    queue = iter(anchors)

    def anchor(m: re.Match[str]) -> str:
        level, inner, ident = int(m.group(1)), m.group(2), next(queue)
        toc.append(Heading(level, ident, inner))
        return f'<h{level} id="{ident}">{inner}</h{level}>'

    return _HEADING.sub(anchor, rendered), tuple(toc)
