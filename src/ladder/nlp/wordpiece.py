r"""BERT's tokenizer: a *basic* tokenizer, then WordPiece greedy longest match.

Devlin et al. (2019, arXiv:1810.04805); WordPiece from Schuster & Nakajima (2012) and
Wu et al. (2016, arXiv:1609.08144).

**Basic tokenizer** (as BERT's ``BasicTokenizer`` and HF's ``BertNormalizer`` +
``BertPreTokenizer``):

1. clean: drop NUL, U+FFFD and control characters; every whitespace becomes a space;
2. put spaces around each CJK ideograph (Chinese has no spaces: one character, one word);
3. for uncased models: strip accents (NFD, drop ``Mn`` marks) and lower-case;
4. split on whitespace, and make every punctuation character its own token (ASCII
   symbols count as punctuation too: ``$``, ``^``, `````).

"Control", "punctuation", "mark", NFD, lower case and the CJK ranges are those of HF's
Rust tokenizer, which mixes Unicode versions (8.0 classes, 12 NFD, 17 case) and skips
U+2B820–U+2B91F; :mod:`ladder.nlp._bert_unicode` holds its tables, so rare and recent
characters tokenize as ``BertTokenizerFast`` does on every code point.

**WordPiece** splits each word greedily: the longest prefix in the vocabulary, then the
longest ``##``-prefixed continuation, and so on. If some position has no match, the
whole word becomes ``[UNK]`` (as does a word longer than 100 characters).

``tests/nlp/test_wordpiece.py`` checks identical ids against HF ``BertTokenizerFast``
with the all-MiniLM-L6-v2 vocabulary on more than 1 MB of real text.

>>> tok = WordPieceTokenizer({"[UNK]": 0, "un": 1, "##aff": 2, "##able": 3, "!": 4})
>>> tok.tokenize("Unaffable!")
['un', '##aff', '##able', '!']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from numbers import Integral
from pathlib import Path

from ladder.nlp._bert_unicode import (
    is_cjk,
    is_control,
    is_nonspacing_mark,
    is_punctuation,
    is_whitespace,
    lower,
    nfd,
)

__all__ = ["basic_tokenize", "wordpiece", "WordPieceTokenizer", "load_vocab"]


class _CharMap(dict):
    """A ``str.translate`` table filled on first sight of each character (fast: the
    per-character rule runs once per distinct character, the loop runs in C)."""

    def __init__(self, rule: Callable[[str], str]) -> None:
        super().__init__()
        self.rule = rule

    def __missing__(self, cp: int) -> str:
        out = self[cp] = self.rule(chr(cp))
        return out


def _clean(ch: str) -> str:
    """Steps 1–2 for one character: dropped, a space, a spaced CJK ideograph, or itself."""
    cp = ord(ch)
    if cp == 0 or cp == 0xFFFD or is_control(ch):
        return ""
    if is_whitespace(ch):
        return " "
    return f" {ch} " if is_cjk(cp) else ch


def _strip_and_lower(ch: str) -> str:
    """Step 3 for one character of the NFD text: marks go, the rest is lower-cased."""
    return "" if is_nonspacing_mark(ch) else lower(ch)


def _isolate(ch: str) -> str:
    """Step 4: punctuation becomes a word of its own."""
    return f" {ch} " if is_punctuation(ch) else ch


_CLEAN, _STRIP_AND_LOWER, _ISOLATE = (
    _CharMap(_clean),
    _CharMap(_strip_and_lower),
    _CharMap(_isolate),
)


def basic_tokenize(text: str, lowercase: bool = True) -> list[str]:
    """Steps 1–4 of the module docstring: words and punctuation, before WordPiece.

    >>> basic_tokenize("Héllo, WORLD!中文")
    ['hello', ',', 'world', '!', '中', '文']
    """
    if not isinstance(text, str):
        raise TypeError(f"basic_tokenize expects a str, got {type(text).__name__} ({text!r:.60}).")
    text = text.translate(_CLEAN)
    if lowercase:
        text = nfd(text).translate(_STRIP_AND_LOWER)
    return [w for w in text.translate(_ISOLATE).split(" ") if w]


def wordpiece(
    word: str,
    vocab: dict[str, int] | set[str],
    unk_token: str = "[UNK]",
    prefix: str = "##",
    max_chars: int = 100,
) -> list[str]:
    """Greedy longest-match-first split of one word (``[unk_token]`` if impossible).

    >>> wordpiece("unaffable", {"un", "##aff", "##able"})
    ['un', '##aff', '##able']
    """
    if len(word) > max_chars:
        return [unk_token]
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else prefix + word[start:end]
            if piece in vocab:
                break
            end -= 1
        else:
            return [unk_token]
        pieces.append(piece)
        start = end
    return pieces


def load_vocab(path: str | Path) -> dict[str, int]:
    """Read a BERT ``vocab.txt`` (one token a line; the line number is the id)."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or "\t" in lines[0] or lines[0].lstrip().startswith("{"):
        raise ValueError(
            f"{path} does not look like a WordPiece vocab.txt (first line {lines[:1]!r}); "
            "expected one token per line, e.g. BERT's vocab.txt."
        )
    return {tok: i for i, tok in enumerate(lines)}


class WordPieceTokenizer:
    """BERT tokenizer: :func:`basic_tokenize` then :func:`wordpiece` on each word.

    ``encode(text, add_special_tokens=True)`` gives ``[CLS] … [SEP]`` ids like
    ``BertTokenizerFast(text)["input_ids"]``.
    """

    def __init__(
        self,
        vocab: dict[str, int],
        lowercase: bool = True,
        unk_token: str = "[UNK]",
        cls_token: str = "[CLS]",
        sep_token: str = "[SEP]",
    ) -> None:
        if unk_token not in vocab:
            raise ValueError(f"the unknown token {unk_token!r} is not in the vocabulary.")
        self.vocab = vocab
        self.lowercase = lowercase
        self.unk_token = unk_token
        self.cls_token = cls_token
        self.sep_token = sep_token
        self.inverse = {i: t for t, i in vocab.items()}
        self._cache: dict[str, list[str]] = {}

    @classmethod
    def from_file(cls, path: str | Path, **kwargs: object) -> WordPieceTokenizer:
        return cls(load_vocab(path), **kwargs)  # type: ignore[arg-type]

    def tokenize(self, text: str) -> list[str]:
        out: list[str] = []
        for word in basic_tokenize(text, self.lowercase):
            pieces = self._cache.get(word)
            if pieces is None:
                pieces = wordpiece(word, self.vocab, self.unk_token)
                self._cache[word] = pieces
            out.extend(pieces)
        return out

    def encode(self, text: str, add_special_tokens: bool = True) -> list[int]:
        ids = [self.vocab[t] for t in self.tokenize(text)]
        if add_special_tokens:
            for name, tok in (("cls_token", self.cls_token), ("sep_token", self.sep_token)):
                if tok not in self.vocab:
                    raise ValueError(
                        f"the vocabulary has no {tok!r} ({name}), which add_special_tokens "
                        f"needs; pass {name}= with your vocabulary's token, or "
                        "encode(text, add_special_tokens=False)."
                    )
            ids = [self.vocab[self.cls_token], *ids, self.vocab[self.sep_token]]
        return ids

    def decode(self, ids: Iterable[int], skip_special_tokens: bool = True) -> str:
        """Join pieces (``##`` glues to the previous piece); lossy: case, accents, spaces."""
        special = {self.cls_token, self.sep_token, "[PAD]", "[MASK]"}
        words: list[str] = []
        for i in ids:
            if isinstance(i, bool) or not isinstance(i, Integral):
                raise TypeError(
                    f"token ids must be integers, got {i!r} ({type(i).__name__}); pass a "
                    "list of ints (ids.tolist() for an array or a tensor)."
                )
            if i not in self.inverse:
                raise ValueError(
                    f"token id {i} is not in the vocabulary of {len(self.vocab)} tokens; "
                    "were these ids made by another tokenizer?"
                )
            tok = self.inverse[i]
            if skip_special_tokens and tok in special:
                continue
            if tok.startswith("##") and words:
                words[-1] += tok[2:]
            else:
                words.append(tok)
        return " ".join(words)
