"""LaTeX math in lessons, made readable in a terminal as Unicode (``x^2`` → ``x²``).

``flatlatex`` does the conversion; a few commands it lacks are defined here. The web
app renders the same source as MathML instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["latex_to_unicode", "markdown_math_to_unicode"]

_COMMANDS = [
    r"\newcommand\top{T}",
    r"\newcommand\le{≤}",
    r"\newcommand\ge{≥}",
    r"\newcommand\ne{≠}",
    r"\newcommand\lVert{‖}",
    r"\newcommand\rVert{‖}",
    r"\newcommand\mathrm[1]{#1}",
    "\\newcommand\\text[1]{\u2009#1\u2009}",
    r"\newcommand\operatorname[1]{#1}",
    r"\newcommand\left{}",
    r"\newcommand\right{}",
    "\\newcommand\\mid{\u2009|\u2009}",
    r"\newcommand\to{→}",
    r"\newcommand\quad{  }",
    r"\newcommand\qquad{    }",
]
# Function names (\log, \max, …) become upright text followed by a thin space, unless a
# subscript follows (\max_k → maxₖ).
_FUNCTIONS = re.compile(
    r"\\(arg\s*\\max|arg\s*\\min|log|ln|exp|max|min|arg|sin|cos|tanh|det|lim|sup|inf)"
    r"(?![A-Za-z])(\s*_)?"
)


@lru_cache(maxsize=1)
def _converter():
    import flatlatex

    conv = flatlatex.converter()
    for command in _COMMANDS:
        conv.add_newcommand(command)
    return conv


@lru_cache(maxsize=4096)
def latex_to_unicode(tex: str) -> str:
    """``\\frac{2}{n} X^\\top`` → ``(2/n) Xᵀ``; falls back to the source if it cannot parse."""
    # Parenthesise fractions so "2/nXᵀ" reads as "(2/n)Xᵀ".
    tex = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1/\2)", tex)
    tex = _FUNCTIONS.sub(
        lambda m: re.sub(r"[\\\s]", "", m.group(1)) + ("_" if m.group(2) else "\u2009"), tex
    )
    try:
        out = _converter().convert(tex)
    except Exception:  # noqa: BLE001 - showing the source is better than failing
        return tex
    out = re.sub(r"(?<=[\w)\]‖²ᵀ'])-", " − ", out)  # binary minus, spaced like the others
    out = re.sub(r"([=≤≥≠≈←→+<>])", r" \1 ", out)
    return re.sub(r" {2,}", " ", out).strip()


def markdown_math_to_unicode(markdown: str) -> str:
    """Replace ``$$…$$`` blocks and ``$…$`` spans of a Markdown text with Unicode."""
    parts = re.split(r"(```.*?```)", markdown, flags=re.S)  # leave code blocks alone
    for i in range(0, len(parts), 2):
        text = re.sub(
            r"\$\$(.+?)\$\$",
            lambda m: f"\n    {latex_to_unicode(m.group(1).strip())}\n",
            parts[i],
            flags=re.S,
        )
        parts[i] = re.sub(r"(?<![\\$])\$([^$\n]+?)\$", lambda m: latex_to_unicode(m.group(1)), text)
    return "".join(parts)
