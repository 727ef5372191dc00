"""Probe Hugging Face's Rust BERT normaliser and pre-tokenizer one code point at a time.

Used by ``tests/nlp/test_wordpiece_unicode.py`` and, run as a script, to regenerate the
tables in ``src/ladder/nlp/_bert_unicode.py``::

    PYTHONPATH=src python tests/nlp/bert_unicode_probe.py [DIR_WITH_unicodedata2 ...]

Each extra directory holds a ``unicodedata2`` release (``pip install --target DIR
unicodedata2==16.0.0``) whose Unicode version a later Python may have; a code point goes
into a table when the tokenizer disagrees with Python's ``unicodedata`` under *any* of
the versions seen, so the tables stay right on Python 3.11–3.14.
"""

from __future__ import annotations

import sys
import unicodedata

SEP = "|"  # ASCII punctuation: untouched by every normaliser step probed here


def all_code_points() -> list[int]:
    """Every scalar value except the surrogates (not encodable) and the separator."""
    return [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and c != ord(SEP)]


def _batch(normalizer, cps: list[int]) -> dict[int, str]:
    out = normalizer.normalize_str(SEP.join(chr(c) for c in cps)).split(SEP)
    assert len(out) == len(cps)
    return dict(zip(cps, out, strict=True))


def probe(cps: list[int]) -> dict[str, dict[int, object]]:
    """What each step of ``BertNormalizer`` / ``BertPreTokenizer`` does to each code point.

    ``control``: removed by ``clean_text``; ``space``: turned into a space by it;
    ``cjk``: spaced by ``handle_chinese_chars``; ``nfd``: the tokenizer's NFD;
    ``mark``: removed by ``strip_accents`` although its own NFD; ``lower``: the
    lower-casing; ``punct``: isolated by the pre-tokenizer (in ``a{c}b``);
    ``split``: whitespace to the pre-tokenizer.
    """
    from tokenizers import normalizers as N
    from tokenizers import pre_tokenizers as P

    def bert(**kw):
        base = {
            "clean_text": False,
            "handle_chinese_chars": False,
            "strip_accents": False,
            "lowercase": False,
        }
        return N.BertNormalizer(**{**base, **kw})

    clean = _batch(bert(clean_text=True), cps)
    cjk = _batch(bert(handle_chinese_chars=True), cps)
    strip = _batch(bert(strip_accents=True), cps)
    lower = _batch(bert(lowercase=True), cps)
    nfd = _batch(N.NFD(), cps)
    toks = [
        w for w, _ in P.BertPreTokenizer().pre_tokenize_str(" ".join(f"a{chr(c)}b" for c in cps))
    ]
    punct, split, i = {}, {}, 0
    for c in cps:
        ch = chr(c)
        if toks[i] == f"a{ch}b":
            punct[c], split[c], i = False, False, i + 1
        elif toks[i] == "a" and toks[i + 1] == ch and toks[i + 2] == "b":
            punct[c], split[c], i = True, False, i + 3
        elif toks[i] == "a" and toks[i + 1] == "b":
            punct[c], split[c], i = False, True, i + 2
        else:
            raise AssertionError(f"unexpected pre-tokens for U+{c:04X}: {toks[i : i + 3]}")
    assert i == len(toks)
    return {
        "control": {c: clean[c] == "" for c in cps},
        "space": {c: clean[c] == " " and c != 0x20 for c in cps},
        "cjk": {c: cjk[c] != chr(c) for c in cps},
        "nfd": nfd,
        "mark": {c: nfd[c] == chr(c) and strip[c] == "" for c in cps},
        "lower": lower,
        "punct": punct,
        "split": split,
    }


# --- what Python's tables say, for one unicodedata module -------------------------------
def _py_classes(ud, c: int) -> dict[str, bool]:
    cat = ud.category(chr(c))
    ascii_punct = 33 <= c <= 47 or 58 <= c <= 64 or 91 <= c <= 96 or 123 <= c <= 126
    return {
        "control": cat in ("Cc", "Cf", "Co", "Cs"),
        "mark": cat == "Mn",
        "punct": ascii_punct or cat.startswith("P"),
    }


def _ranges(cps: list[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for c in sorted(cps):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [(a, b) for a, b in out]


def _fmt(name: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return f"{name}: tuple[tuple[int, int], ...] = ()\n"
    items = [f"(0x{a:04X}, 0x{b:04X})" for a, b in ranges]
    lines, line = [], "    "
    for it in items:
        if len(line) + len(it) + 2 > 92:
            lines.append(line.rstrip())
            line = "    "
        line += it + ", "
    lines.append(line.rstrip())
    return f"{name} = (\n" + "\n".join(lines) + "\n)\n"


def tables(extra_unicodedata: list) -> str:
    cps = all_code_points()
    hf = probe(cps)
    uds = [unicodedata, *extra_unicodedata]
    out = []
    for key in ("control", "mark", "punct"):
        add, drop = [], []
        for c in cps:
            if c in (0, 0xFFFD) or chr(c) in "\t\n\r":
                continue  # handled explicitly by the tokenizer, not by the tables
            if key == "mark" and hf["nfd"][c] != chr(c):
                continue  # decomposed before the marks are dropped: never tested itself
            py = [_py_classes(ud, c)[key] for ud in uds]
            if hf[key][c] and not all(py):
                add.append(c)
            elif not hf[key][c] and any(py):
                drop.append(c)
        out.append(_fmt(f"_{key.upper()}_ADD", _ranges(add)))
        out.append(_fmt(f"_{key.upper()}_DROP", _ranges(drop)))
    no_nfd = [
        c
        for c in cps
        if hf["nfd"][c] == chr(c) and any(ud.normalize("NFD", chr(c)) != chr(c) for ud in uds)
    ]
    out.append(_fmt("_NFD_KEEP", _ranges(no_nfd)))
    lower = {c: hf["lower"][c] for c in cps if hf["lower"][c] != chr(c).lower()}
    assert all(len(v) == 1 for v in lower.values())  # one letter to one letter
    runs: list[list[int]] = []  # (first, last, offset of the lower-case letter)
    for c in sorted(lower):
        delta = ord(lower[c]) - c
        if runs and runs[-1][1] == c - 1 and runs[-1][2] == delta:
            runs[-1][1] = c
        else:
            runs.append([c, c, delta])
    out.append(
        "_LOWER = (\n" + "".join(f"    (0x{a:04X}, 0x{b:04X}, {d}),\n" for a, b, d in runs) + ")\n"
    )
    return "\n".join(out)


if __name__ == "__main__":
    mods = []
    for path in sys.argv[1:]:
        import importlib

        sys.path.insert(0, path)
        mod = importlib.import_module("unicodedata2")
        mods.append(mod)
        sys.modules.pop("unicodedata2")
        sys.path.pop(0)
        print(f"# with unicodedata2 {mod.unidata_version} from {path}", file=sys.stderr)
    print(tables(mods))
