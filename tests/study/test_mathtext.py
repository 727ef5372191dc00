"""Lesson math in the terminal: LaTeX made readable as Unicode."""

from ladder.study.mathtext import latex_to_unicode, markdown_math_to_unicode


def test_common_notation():
    assert latex_to_unicode(r"X^\top X w = X^\top y") == "XᵀXw = Xᵀy"
    assert latex_to_unicode(r"\hat y = Xw + b") == "ŷ = Xw + b"
    assert latex_to_unicode(r"\frac{2}{n} X^\top (Xw - y)") == "(2/n)Xᵀ(Xw − y)"
    assert latex_to_unicode(r"\log P(c \mid x)") == "log\u2009P(c\u2009|\u2009x)"
    assert latex_to_unicode(r"\arg\min_f L(f)") == "argmin[f]L(f)"
    assert latex_to_unicode(r"\max_k z_k") == "max[k]z[k]"


def test_markdown_spans_blocks_and_code():
    md = "Inline $R^2$ here.\n\n$$\\sum_i x_i$$\n\n```\n$not math$\n```\n"
    out = markdown_math_to_unicode(md)
    assert "Inline R² here." in out and "∑ᵢxᵢ" in out and "$not math$" in out


def test_unparseable_source_is_shown_as_is():
    assert latex_to_unicode(r"\frac{") == r"\frac{"
