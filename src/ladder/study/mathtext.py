"""LaTeX math made readable as plain Unicode text, for the terminal (``x^2`` → ``x²``).

The lessons' and cards' ``$…$`` math is written once, in LaTeX; the web app shows it as
MathML (:mod:`ladder.web.render`), the Anki export as MathJax, and the terminal as the
text this module makes. A small parser reads the subset of LaTeX the course uses and
writes text that keeps its meaning:

* grouping is kept: ``\\frac{n-1}{n-k}`` → ``(n − 1)/(n − k)``, and a fraction next to
  other factors is put in parentheses (``\\frac{1}{n}\\sum_i`` → ``(1/n) ∑ᵢ``);
* a sub- or superscript becomes Unicode where every character has a small form
  (``x_i`` → ``xᵢ``, ``X^\\top`` → ``Xᵀ``), else ``_`` / ``^`` with the script in
  parentheses when it is more than one word (``w_{t+1}`` → ``w_(t+1)``,
  ``SS_{res}`` → ``SS_res``). Within one formula subscripts are all in one style;
* limits of sums and products are scripts like any other (``∑_(m=1)^(d_k)``);
* ``\\quad`` keeps its space, ``\\lfloor``, ``\\mathrel{+}=``, ``\\mathcal{F}`` and the
  other commands the course uses have their symbols.

A command this module does not know is written without its backslash and listed in
:attr:`Converted.unknown`, so a test finds it. ``markdown_math_to_unicode`` converts the
math of a Markdown text and, unless told otherwise, escapes what Markdown would read as
links or emphasis (``[C](VC)``, ``P_MLE … λ_max``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "latex_to_unicode",
    "markdown_math_to_unicode",
    "convert",
    "Converted",
    "word_subscript",
    "math_spans",
    "CODE_SPANS",
    "DISPLAY_MATH",
    "INLINE_MATH",
]

SUB = dict(
    zip(
        "0123456789+-−=()aehijklmnoprstuvxβγρφχ",
        "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ",
        strict=True,
    )
)
SUP = dict(
    zip(
        "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθιφχ",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᶥᵠᵡ",
        strict=True,
    )
)
SUP.update({"*": "*", "′": "′", "ᵀ": "ᵀ"})

GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
    "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}  # fmt: skip
ORD = {
    **GREEK,
    "ell": "ℓ", "infty": "∞", "partial": "∂", "nabla": "∇", "dots": "…", "ldots": "…",
    "cdots": "⋯", "prime": "′", "emptyset": "∅", "forall": "∀", "exists": "∃", "neg": "¬",
    "bullet": "•", "star": "⋆", "ast": "∗", "|": "‖", "lVert": "‖", "rVert": "‖",
    "lvert": "|", "rvert": "|", "hbar": "ℏ", "Re": "ℜ", "Im": "ℑ", "%": "%", "$": "$",
    "#": "#", "&": "&", "_": "_", "top": "ᵀ",
}  # fmt: skip
BIN = {
    "+": "+", "-": "−", "pm": "±", "mp": "∓", "times": "×", "cdot": "·", "odot": "⊙",
    "otimes": "⊗", "oplus": "⊕", "circ": "∘", "cup": "∪", "cap": "∩", "setminus": "∖",
    "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨", "div": "÷", "ast*": "∗",
}  # fmt: skip
REL = {
    "=": "=", "<": "<", ">": ">", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠",
    "neq": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝",
    "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "to": "→", "rightarrow": "→",
    "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "iff": "⇔",
    "Leftrightarrow": "⇔", "mapsto": "↦", "mid": "|", "ll": "≪", "gg": "≫", "perp": "⊥",
    "coloneqq": "≔", ":": ":", "succ": "≻", "prec": "≺", "succeq": "⪰", "preceq": "⪯",
    "implies": "⟹", "vdash": "⊢", "models": "⊨", "asymp": "≍", "cong": "≅",
}  # fmt: skip
OPEN = {"(": "(", "[": "[", "\\{": "{", "lfloor": "⌊", "lceil": "⌈", "langle": "⟨"}
CLOSE = {")": ")", "]": "]", "\\}": "}", "rfloor": "⌋", "rceil": "⌉", "rangle": "⟩"}
BIG = {"sum": "∑", "prod": "∏", "int": "∫", "oint": "∮", "bigcup": "⋃", "bigcap": "⋂"}
FUNCTIONS = {
    "log", "ln", "exp", "max", "min", "arg", "sin", "cos", "tan", "tanh", "sinh", "cosh",
    "det", "lim", "sup", "inf", "dim", "ker", "Pr", "deg", "gcd", "argmax", "argmin",
}  # fmt: skip
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305",
           "tilde": "\u0303", "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308",
           "vec": "\u20d7"}  # fmt: skip
SPACES = {",": " ", ";": " ", ":": " ", " ": " ", "!": "", "quad": "\x01", "qquad": "\x01\x01"}
STYLES = {"mathrm", "text", "textrm", "mathit", "mathbf", "boldsymbol", "bm", "textbf",
          "operatorname", "mathsf", "texttt", "textit", "mathnormal"}  # fmt: skip
CALLIGRAPHIC = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "𝓐𝓑𝓒𝓓𝓔𝓕𝓖𝓗𝓘𝓙𝓚𝓛𝓜𝓝𝓞𝓟𝓠𝓡𝓢𝓣𝓤𝓥𝓦𝓧𝓨𝓩", strict=True))
BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ"}
IGNORED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
           "displaystyle", "textstyle", "limits", "nolimits"}  # fmt: skip
WORDS = {"in", "out", "up", "ML", "KL", "LM", "OK"}  # two-letter subscripts set upright

_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.S)


def word_subscript(text: str) -> bool:
    """Whether a subscript is a word, set upright (``res``, ``max``, ``MLE``, ``in``),
    rather than indices set in italics (``i``, ``ij``, ``hn``): letters only, and three or
    more of them, or one of a few two-letter words."""
    return text.isalpha() and (len(text) >= 3 or text in WORDS)


@dataclass
class _Piece:
    text: str
    kind: str  # ord, bin, rel, open, close, punct, space, op, frac, func, word
    compound: bool = False  # an ord made of several pieces with operators inside


@dataclass
class Converted:
    """A formula as text, with what a test checks: the scripts written (``scripts``,
    to compare with the ``_``/``^`` of the source) and the commands not known."""

    text: str
    scripts: int = 0
    unknown: list[str] = field(default_factory=list)


class _Parser:
    def __init__(self, tex: str, subscripts: str = "unicode") -> None:
        self.tokens = _TOKEN.findall(tex)
        self.at = 0
        self.scripts = 0
        self.unknown: list[str] = []
        self.style = subscripts  # "unicode" where possible, or "plain" (x_i) for all
        self.needs_plain = False  # a subscript could not be written in Unicode

    # -- reading -------------------------------------------------------------------------

    def peek(self) -> str | None:
        while self.at < len(self.tokens) and self.tokens[self.at].isspace():
            self.at += 1
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise ValueError("the formula ends too early")
        self.at += 1
        return token

    def group_tokens(self) -> str:
        """The raw source of the next argument ({…} or one token), for \\text."""
        if self.peek() != "{":
            return self.take()
        self.take()
        depth, out = 1, []
        while self.at < len(self.tokens):
            t = self.tokens[self.at]
            self.at += 1
            if t == "{":
                depth += 1
            elif t == "}":
                depth -= 1
                if depth == 0:
                    return "".join(out)
            out.append(t)
        raise ValueError("a { is not closed")

    def argument(self) -> list[_Piece]:
        r"""A command's argument or a script: a {group}, or one token (``\hat y_i`` puts
        the hat on y only; ``x^2_k`` has the superscript 2)."""
        if self.peek() == "{":
            self.take()
            pieces = self.sequence("}")
            self.take()
            return pieces
        return self.atom()

    # -- structure ------------------------------------------------------------------------

    def sequence(self, until: str | None = None) -> list[_Piece]:
        pieces: list[_Piece] = []
        while True:
            token = self.peek()
            if token is None:
                if until is not None:
                    raise ValueError("a { is not closed")
                return pieces
            if token == until:
                return pieces
            if token == "}":
                raise ValueError("a } has no {")
            pieces.extend(self.atom_with_scripts())

    def atom_with_scripts(self) -> list[_Piece]:
        base = self.atom()
        sub = sup = None
        while self.peek() in ("_", "^", "'"):
            mark = self.take()
            if mark == "'":
                base = base[:-1] + [_Piece((base[-1].text if base else "") + "′", "ord")]
                continue
            script = self.argument()
            if mark == "_":
                sub = script
            else:
                sup = script
        if sub is None and sup is None:
            return base
        return [self.scripted(base, sub, sup)]

    def scripted(
        self, base: list[_Piece], sub: list[_Piece] | None, sup: list[_Piece] | None
    ) -> _Piece:
        kind = base[-1].kind if len(base) == 1 else "ord"
        text = _join(base)
        if len(base) > 1 or (base and base[0].compound) or kind == "frac":
            text = f"({text})"
        if sub is not None:
            self.scripts += 1
            raw = _join(sub).replace(" ", "")  # scripts are set tight: ∑_(t≥0), w_(t−1)
            word = _plainword(sub) and (word_subscript(raw) or any(p.kind == "word" for p in sub))
            small = None if word else _small(raw, SUB)
            if small is None:
                self.needs_plain = True
            plain_sub = small is None or self.style != "unicode"
            text += _script("_", raw) if plain_sub else small
        if sup is not None:
            self.scripts += 1
            raw = _join(sup).replace(" ", "")
            small = "ᵀ" if raw == "ᵀ" else _small(raw, SUP)
            if kind == "op" and sub is not None and plain_sub:
                small = None  # limits alike: ∏_(t = 1)^T, not ∏_(t = 1)ᵀ
            text += small if small is not None else _script("^", raw)
        return _Piece(text, kind if kind in ("op", "func", "close") else "ord")

    def atom(self) -> list[_Piece]:
        token = self.take()
        if token == "{":
            inner = self.sequence("}")
            self.take()
            if len(inner) == 1:
                return inner
            return [_Piece(_join(inner), "ord", compound=_has_operator(inner))]
        if token.startswith("\\"):
            return self.command(token[1:])
        if token in "+-":
            return [_Piece(BIN[token], "bin")]
        if token in REL:
            return [_Piece(REL[token], "rel")]
        if token in OPEN:
            return [_Piece(OPEN[token], "open")]
        if token in CLOSE:
            return [_Piece(CLOSE[token], "close")]
        if token in ",;":
            return [_Piece(token, "punct")]
        if token == "|":
            return [_Piece("|", "ord")]
        if token == "*":
            return [_Piece("*", "ord")]
        if token == "~":
            return [_Piece(" ", "space")]
        if token in "_^":
            raise ValueError(f"a {token} has nothing before it")
        return [_Piece(token, "ord")]

    def command(self, name: str) -> list[_Piece]:
        if name in SPACES:
            return [_Piece(SPACES[name], "space")] if SPACES[name] else []
        if name in IGNORED:
            if self.peek() == ".":  # \left. : no delimiter
                self.take()
            return []
        if name in ORD:
            return [_Piece(ORD[name], "ord")]
        if name in BIN:
            return [_Piece(BIN[name], "bin")]
        if name in REL:
            return [_Piece(REL[name], "rel")]
        if name in OPEN or f"\\{name}" in OPEN:
            return [_Piece(OPEN.get(name) or OPEN[f"\\{name}"], "open")]
        if name in CLOSE or f"\\{name}" in CLOSE:
            return [_Piece(CLOSE.get(name) or CLOSE[f"\\{name}"], "close")]
        if name in BIG:
            return [_Piece(BIG[name], "op")]
        if name in FUNCTIONS:
            text = name
            if name == "arg" and self.peek() in ("\\max", "\\min"):
                text += self.take()[1:]
            return [_Piece(text, "func")]
        if name in ("frac", "tfrac", "dfrac", "cfrac"):
            num, den = self.argument(), self.argument()
            return [_Piece(f"{_operand(num)}/{_operand(den, denominator=True)}", "frac")]
        if name == "sqrt":
            index = None
            if self.peek() == "[":
                self.take()
                index = _join(self.sequence("]"))
                self.take()
            inner = self.argument()
            root = {None: "√", "3": "∛", "4": "∜"}.get(index, f"{index}√")
            text = _join(inner)
            simple = len(inner) == 1 and not inner[0].compound and inner[0].kind == "ord"
            return [_Piece(root + (text if simple else f"({text})"), "ord")]
        if name in ACCENTS:
            inner = self.argument()
            text = _join(inner)
            mark = ACCENTS[name]
            if len(text) == 1:
                return [_Piece(text + mark, "ord")]
            if len(inner) == 1 and text.isalpha() and len(text) <= 3:
                return [_Piece("".join(c + mark for c in text), "ord")]
            return [_Piece(f"{name}({text})", "ord")]
        if name in STYLES:
            raw = self.group_tokens()
            if name in ("text", "textrm", "textit", "textbf", "texttt"):
                text = " ".join(raw.split())
                return [_Piece(text, "word" if text.isalpha() else "ord")]
            inner = _Parser(raw, self.style)
            pieces = inner.sequence()
            self.scripts += inner.scripts
            self.unknown += inner.unknown
            self.needs_plain |= inner.needs_plain
            text = _join(pieces)
            if name == "operatorname":
                return [_Piece(text, "func")]
            return [_Piece(text, "word" if text.isalpha() and len(text) > 1 else "ord")]
        if name == "mathcal":
            return [_Piece("".join(CALLIGRAPHIC.get(c, c) for c in self.group_tokens()), "ord")]
        if name == "mathbb":
            return [_Piece("".join(BLACKBOARD.get(c, c) for c in self.group_tokens()), "ord")]
        if name in ("mathrel", "mathbin", "mathop"):
            inner = self.argument()
            kind = {"mathrel": "rel", "mathbin": "bin", "mathop": "op"}[name]
            return [_Piece(_join(inner), kind)]
        if name in ("underbrace", "overbrace"):
            return self.argument()
        if name == "binom":
            n, k = self.argument(), self.argument()
            return [_Piece(f"C({_join(n)}, {_join(k)})", "ord")]
        if name in ("not",):
            return []
        self.unknown.append("\\" + name)
        return [_Piece(name, "ord")]


def _has_operator(pieces: list[_Piece]) -> bool:
    return any(p.kind in ("bin", "rel", "punct") for p in pieces) or any(p.compound for p in pieces)


def _plainword(pieces: list[_Piece]) -> bool:
    return all(p.kind in ("ord", "word") for p in pieces) and _join(pieces).isalnum()


def _small(text: str, table: dict[str, str]) -> str | None:
    if not text or any(c not in table for c in text):
        return None
    return "".join(table[c] for c in text)


def _script(mark: str, raw: str) -> str:
    """``_t``, ``_res``, ``^(t+1)``, ``^(dₖ)``: one plain word as it is, anything else
    in parentheses."""
    if re.fullmatch(r"[A-Za-z0-9]+′*|[*′]", raw) or len(raw) == 1:
        return mark + raw
    return f"{mark}({raw})"


def _operand(pieces: list[_Piece], denominator: bool = False) -> str:
    """A numerator or denominator, in parentheses when it is a sum (or, below the bar,
    a product: ``1/(3n)``, never ``1/3n``); ``∂L/∂zᵢ`` and ``P(w, c)`` stay as they are."""
    text = _join(pieces)
    if len(pieces) == 1 and not pieces[0].compound and pieces[0].kind != "frac":
        return text
    if len(pieces) == 2 and pieces[0].text == "∂" and pieces[1].kind == "ord":
        return text
    depth, factors, operators = 0, 0, False
    for p in pieces:
        if p.kind == "open":
            depth += 1
        elif p.kind == "close":
            depth -= 1
        elif depth == 0:
            if p.kind in ("bin", "rel", "punct", "space") or p.compound:
                operators = True
            elif p.kind in ("ord", "word", "func", "op", "frac"):
                factors += 1
    nested = denominator and any(p.kind == "frac" for p in pieces)
    if (
        operators
        or nested
        or (denominator and factors > 1)
        or (factors == 0 and depth == 0 and not text.startswith("("))
    ):
        return f"({text})"
    return text


def _join(pieces: list[_Piece]) -> str:
    """Pieces as text: spaces around binary operators and relations, a space after a
    comma and after a function name, fractions among factors in parentheses."""
    out: list[str] = []
    prev: _Piece | None = None
    for i, p in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        text = p.text
        if p.kind == "frac":
            alone_before = prev is None or prev.kind in ("bin", "rel", "open", "punct", "space")
            alone_after = nxt is None or nxt.kind in ("bin", "rel", "close", "punct", "space")
            if not (alone_before and alone_after):
                text = f"({text})"
        if p.kind == "bin":
            unary = prev is None or prev.kind in ("bin", "rel", "open", "punct", "op")
            suffix = nxt is None or nxt.kind in ("close", "punct")  # N_{1+}
            text = text if unary or suffix else f" {text} "
        elif p.kind == "rel":  # "+=" from \mathrel{+}= stays one relation
            before = "" if prev is not None and prev.kind == "rel" else " "
            after = "" if nxt is not None and nxt.kind == "rel" else " "
            text = f"{before}{text}{after}"
        elif p.kind == "punct":
            text = f"{text} "
        elif p.kind in ("func", "op", "word") and nxt is not None:
            if nxt.kind in ("ord", "word", "func", "op", "frac") and not nxt.text.startswith("("):
                text += " "
        elif p.kind in ("ord", "frac") and prev is not None and prev.kind == "word":
            text = " " + text
        if p.kind == "ord" and nxt is not None and nxt.kind in ("op", "word", "func"):
            if re.search(r"[_^][\w′]+$", text) or re.search(r"[_^][\w′]+$", p.text):
                text += " "
        if p.kind == "ord" and nxt is not None and nxt.kind == "ord":
            # "d_in d_out", not "d_ind_out"
            if re.search(r"[_^][\w′]*[A-Za-z0-9]$", text) and nxt.text[:1].isalnum():
                text += " "
        out.append(text)
        prev = p
    return "".join(out)


@lru_cache(maxsize=8192)
def convert(tex: str) -> Converted:
    """``tex`` as text, with the count of scripts written and the commands not known.
    Raises ``ValueError`` for source that does not parse (an unclosed ``{``)."""
    tex = re.sub(r"(?<=\d)\{,\}(?=\d)", "\x03", tex)  # 2{,}048: a thousands separator
    parser = _Parser(tex)
    text = _join(parser.sequence())
    if parser.needs_plain:  # one style for every subscript of the formula
        parser = _Parser(tex, "plain")
        text = _join(parser.sequence())
    text = re.sub(r" {2,}", " ", text).strip()
    text = re.sub(r" *(\x01+) *", lambda m: "  " * len(m.group(1)), text)  # \quad: 2 spaces
    text = unicodedata.normalize("NFC", text.replace("\x03", ","))  # ŷ: one character
    return Converted(text, parser.scripts, parser.unknown)


@lru_cache(maxsize=8192)
def latex_to_unicode(tex: str) -> str:
    """``\\frac{2}{n} X^\\top`` → ``(2/n) Xᵀ``; the source itself if it cannot parse."""
    try:
        return convert(tex).text
    except (ValueError, IndexError):
        return tex


CODE_SPANS = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]+`)", re.S)
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
# Inline math: $…$ that may follow a word ("softmax$(z)$") and wrap onto the next line,
# but does not start or end with a space (so "costs $3 and $4" stays text).
INLINE_MATH = re.compile(
    r"(?<![\\$])\$(?![\s$])((?:[^$\\\n]|\\.|\n(?!\s*\n))+?)(?<![\s\\])\$(?!\d)"
)


def math_spans(markdown: str) -> list[tuple[str, bool]]:
    """Every formula of a Markdown text outside code, as ``(tex, display)`` pairs — the
    same spans the terminal, the web app and the Anki export convert."""
    found: list[tuple[str, bool]] = []
    parts = CODE_SPANS.split(markdown)
    for i in range(0, len(parts), 2):
        for m in DISPLAY_MATH.finditer(parts[i]):
            found.append((m.group(1), True))
        rest = DISPLAY_MATH.sub(" ", parts[i])
        found.extend((m.group(1), False) for m in INLINE_MATH.finditer(rest))
    return found


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def markdown_math_to_unicode(markdown: str, *, escape: bool = True) -> str:
    """Replace the ``$$…$$`` blocks and ``$…$`` spans of a Markdown text (outside code)
    with Unicode. With ``escape`` the converted math is escaped for Markdown, so its
    brackets and underscores are never read as links or emphasis; without it (plain
    text: cards, search) it is left as it is."""
    parts = CODE_SPANS.split(markdown)
    esc = _escape if escape else (lambda t: t)
    for i in range(0, len(parts), 2):
        # a display formula becomes an indented block, which Markdown shows as it is
        # (so it is not escaped); inline math is escaped
        text = DISPLAY_MATH.sub(
            lambda m: (
                f"\n\n    {latex_to_unicode(m.group(1).strip())}\n\n"
                if escape
                else latex_to_unicode(m.group(1).strip())
            ),
            parts[i],
        )
        parts[i] = INLINE_MATH.sub(
            lambda m: esc(latex_to_unicode(" ".join(m.group(1).split()))), text
        )
    return "".join(parts)
