"""Math in the terminal (issue 16 §3): LaTeX made readable, and unambiguous, as Unicode."""

import pytest

from ladder.study.mathtext import convert, latex_to_unicode, markdown_math_to_unicode


def test_common_notation():
    assert latex_to_unicode(r"X^\top X w = X^\top y") == "XᵀXw = Xᵀy"
    assert latex_to_unicode(r"\hat y = Xw + b") == "ŷ = Xw + b"
    assert latex_to_unicode(r"\log P(c \mid x)") == "log P(c | x)"
    assert latex_to_unicode(r"\max_k z_k") == "maxₖ zₖ"
    assert latex_to_unicode(r"\hat y_i") == "ŷᵢ"  # the hat is on y, the index on ŷ
    # {,} is a thousands separator between digits, a comma with no space after it
    assert latex_to_unicode(r"d_{ff} = 2{,}048") == "d_ff = 2,048"
    assert latex_to_unicode(r"1{,}000{,}000") == "1,000,000"


def test_fractions_keep_their_grouping():
    assert latex_to_unicode(r"\frac{n-1}{n-k}") == "(n − 1)/(n − k)"
    assert latex_to_unicode(r"\frac{2}{n} X^\top (Xw - y)") == "(2/n)Xᵀ(Xw − y)"
    assert latex_to_unicode(r"\frac{1}{3 n_{in}}") == "1/(3n_in)"  # never 1/3n_in
    assert latex_to_unicode(r"\frac{\partial L}{\partial z_i}") == "∂L/∂zᵢ"
    assert latex_to_unicode(r"\frac{c(h\,w) + k}{c(h) + k|V|}") == "(c(h w) + k)/(c(h) + k|V|)"
    assert latex_to_unicode(r"H_o = \left\lfloor \frac{H + 2p - k}{s} \right\rfloor + 1") == (
        "Hₒ = ⌊(H + 2p − k)/s⌋ + 1"
    )


def test_limits_of_sums_are_scripts_of_the_sum():
    assert latex_to_unicode(r"\sum_{m=1}^{d_k} x_m") == "∑ₘ₌₁^(dₖ) xₘ"
    assert latex_to_unicode(r"\prod_{t=1}^T P(w_t)") == "∏ₜ₌₁ᵀ P(wₜ)"
    assert latex_to_unicode(r"\sum_{t \ge 0} \gamma^t r_{t+1}") == "∑_(t≥0) γᵗr_(t+1)"
    assert latex_to_unicode(r"\prod_j \theta_j") == "∏ⱼ θⱼ"


def test_subscripts_have_one_style_in_a_formula():
    # "f" has no subscript letter in Unicode: then every subscript of the formula uses _
    assert latex_to_unicode(r"i = \sigma(a_i), \quad f = \sigma(a_f)") == "i = σ(a_i),  f = σ(a_f)"
    assert latex_to_unicode(r"x_1, \dots, x_n") == "x₁, …, xₙ"
    # words are words: SS_res, λ_max, P_MLE, never ᵣₑₛ
    assert latex_to_unicode(r"R^2 = 1 - SS_{res}/SS_{tot}") == "R² = 1 − SS_res/SS_tot"
    assert latex_to_unicode(r"\lambda_{max}(X^\top X)") == "λ_max(XᵀX)"
    assert latex_to_unicode(r"d_{in} d_{out}") == "d_in d_out"  # not d_ind_out


def test_spacing_and_relations():
    assert latex_to_unicode(r"a \quad b") == "a  b"  # \quad keeps its space
    assert latex_to_unicode(r"a \qquad b") == "a    b"
    assert latex_to_unicode(r"\bar a \mathrel{+}= b\,\bar z") == "ā += b z̄"
    assert latex_to_unicode(r"y \in \{-1, +1\}") == "y ∈ {−1, +1}"
    assert latex_to_unicode(r"N_{1+}(\bullet\,w)") == "N₁₊(• w)"
    assert latex_to_unicode(r"C \in \mathbb{R}^{|V| \times m}") == "C ∈ ℝ^(|V|×m)"


def test_the_converter_reports_what_it_does_not_know():
    c = convert(r"\weird x_i")
    assert c.unknown == [r"\weird"] and c.scripts == 1
    with pytest.raises(ValueError, match="not closed"):
        convert(r"\frac{1}{")
    assert latex_to_unicode(r"\frac{") == r"\frac{"  # shown as written, never a crash


def test_markdown_spans_blocks_and_code():
    md = "Inline $R^2$ here.\n\n$$\\sum_i x_i$$\n\n```\n$not math$\n```\n"
    out = markdown_math_to_unicode(md)
    assert "Inline R² here." in out and "∑ᵢ xᵢ" in out and "$not math$" in out


def test_markdown_never_reads_math_as_links_or_emphasis():
    from rich.console import Console
    from rich.markdown import Markdown

    md = "Porter's $[C](VC)^m[V]$ and $P_{MLE}$, then $\\lambda_{max}$ end."
    console = Console(width=200, record=True)
    console.print(Markdown(markdown_math_to_unicode(md)))
    shown = console.export_text()
    assert "[C](VC)ᵐ[V]" in shown and "P_MLE" in shown and "λ_max" in shown
    assert markdown_math_to_unicode(md, escape=False).startswith("Porter's [C](VC)ᵐ[V] and")


def test_inline_math_after_a_word_and_across_lines():
    md = "softmax$(z)_i$ and $a +\nb$ but not $3 and $4."
    assert markdown_math_to_unicode(md, escape=False) == "softmax(z)ᵢ and a + b but not $3 and $4."
