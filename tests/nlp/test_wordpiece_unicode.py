"""WordPiece's basic tokenizer against HF's Rust ``BertNormalizer`` + ``BertPreTokenizer``,
one code point at a time.

Each code point is asked about separately (what ``clean_text`` does to it, whether it
is spaced as CJK, stripped as a mark, how it lower-cases, whether the pre-tokenizer
isolates it) and then inside ``a{c}b`` through the whole pipeline, cased and uncased.
The default run covers planes 0 and 1 without the large uniform blocks (Hangul
syllables, CJK ideographs, private use, Tangut), every table entry and every CJK range
edge; the tests marked slow cover all 1,112,062 code points (surrogates excluded).
Exact comparison: strings.
"""

from __future__ import annotations

import os

import pytest

pytest.importorskip("tokenizers")

from ladder.nlp import _bert_unicode as bu  # noqa: E402
from ladder.nlp.wordpiece import WordPieceTokenizer, basic_tokenize  # noqa: E402
from tests.nlp.bert_unicode_probe import SEP, all_code_points, probe  # noqa: E402

_UNIFORM = [(0xAC00, 0xD7A3), (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xE000, 0xF8FF)]
_UNIFORM += [(0x17000, 0x18CFF)]


def _edges() -> set[int]:
    """Every table entry and range edge, ±2, and the whole of U+2B800–U+2B9FF."""
    ranges = [*bu._CJK_RANGES, *bu._CONTROL_DROP, *bu._MARK_ADD, *bu._MARK_DROP]
    ranges += [*bu._PUNCT_ADD, *bu._PUNCT_DROP, *bu._NFD_KEEP]
    ranges += [(lo, hi) for lo, hi, _ in bu._LOWER]
    out = set(range(0x2B800, 0x2BA00))
    for lo, hi in ranges:
        out.update(range(lo - 2, lo + 3))
        out.update(range(hi - 2, hi + 3))
        if hi - lo < 200:
            out.update(range(lo, hi + 1))
    return out


def _default_code_points() -> list[int]:
    keep = set(range(0x20000)) | _edges()
    for lo, hi in _UNIFORM:
        keep -= set(range(lo + 3, hi - 2))
    allowed = set(all_code_points())
    return sorted(keep & allowed)


def _ours(cps: list[int]) -> dict[str, dict[int, object]]:
    return {
        "control": {c: c in (0, 0xFFFD) or bu.is_control(chr(c)) for c in cps},
        "space": {
            c: bu.is_whitespace(chr(c)) and not bu.is_control(chr(c)) and c != 32 for c in cps
        },
        "cjk": {c: bu.is_cjk(c) for c in cps},
        "nfd": {c: bu.nfd(chr(c)) for c in cps},
        "mark": {c: bu.nfd(chr(c)) == chr(c) and bu.is_nonspacing_mark(chr(c)) for c in cps},
        "lower": {c: bu.lower(chr(c)) for c in cps},
        "punct": {c: bu.is_punctuation(chr(c)) and not bu.is_whitespace(chr(c)) for c in cps},
        "split": {c: bu.is_whitespace(chr(c)) for c in cps},
    }


def _compare_classes(cps: list[int]) -> None:
    theirs, ours = probe(cps), _ours(cps)
    for key in theirs:
        bad = [c for c in cps if theirs[key][c] != ours[key][c]]
        assert not bad, f"{key}: {len(bad)} code points differ, first " + ", ".join(
            f"U+{c:04X} (tokenizer {theirs[key][c]!r}, ours {ours[key][c]!r})" for c in bad[:5]
        )


def _pipeline(lowercase: bool):
    from tokenizers import normalizers as N
    from tokenizers import pre_tokenizers as P

    norm = N.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=lowercase
    )
    pre = P.BertPreTokenizer()
    return lambda s: [w for w, _ in pre.pre_tokenize_str(norm.normalize_str(s))]


def _compare_pipeline(cps: list[int], lowercase: bool) -> None:
    hf = _pipeline(lowercase)
    # One probe per line; lines are compared one by one only if the whole batch differs.
    probes = [f"a{chr(c)}b" for c in cps]
    if hf(" ".join(probes)) == basic_tokenize(" ".join(probes), lowercase=lowercase):
        return
    bad = [(c, hf(p), basic_tokenize(p, lowercase)) for c, p in zip(cps, probes, strict=True)]
    bad = [b for b in bad if b[1] != b[2]]
    assert not bad, f"{len(bad)} code points differ, first: " + ", ".join(
        f"U+{c:04X} tokenizer {h!r} ours {o!r}" for c, h, o in bad[:5]
    )


def test_each_step_matches_the_tokenizer_on_planes_0_and_1():
    _compare_classes(_default_code_points())


@pytest.mark.parametrize("lowercase", [True, False])
def test_whole_basic_tokenizer_matches_on_planes_0_and_1(lowercase):
    _compare_pipeline(_default_code_points(), lowercase)


@pytest.mark.slow
def test_each_step_matches_the_tokenizer_on_every_code_point():
    _compare_classes(all_code_points())


@pytest.mark.slow
def test_whole_uncased_basic_tokenizer_matches_on_every_code_point():
    _compare_pipeline(all_code_points(), lowercase=True)


def test_the_issues_code_points(minilm_folder):
    # U+2B820–U+2B91F: CJK Extension E ideographs the Rust tokenizer does not space;
    # U+0890: a format character (Unicode 14) it keeps; U+061D: punctuation (Unicode 14)
    # it does not split; U+1C89: a capital (Unicode 16) it lower-cases.
    transformers = pytest.importorskip("transformers")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    hf = transformers.BertTokenizerFast.from_pretrained(str(minilm_folder))
    ours = WordPieceTokenizer.from_file(minilm_folder / "vocab.txt")
    samples = [
        "x\U0002b820y \U0002b91f\U0002b920 \U0002b81f中",
        "price\u0890 10 a\u061db, end\u061d",
        "\u1c89\u1c8a CAFÉ \u166d \U00011938 \u1734a",
        f"{SEP}ｆｕｌｌ ℌ\u2028ℝ\u0085x\u00ady",
    ]
    for text in samples:
        assert ours.encode(text) == hf(text)["input_ids"], text
        assert basic_tokenize(text) == _pipeline(True)(text), text
