r"""Byte-level byte-pair encoding (BPE): train, encode, decode, save, load, export.

Sennrich et al. (2016, arXiv:1508.07909) learn a subword vocabulary by repeatedly
**merging the most frequent adjacent pair** of symbols; GPT-2 (Radford et al., 2019) runs
it on UTF-8 **bytes**, so the 256 byte values are the base vocabulary and no text is ever
out of vocabulary. Text is first split by a regex (the *split pattern*) so merges never
cross word/number/punctuation boundaries:

* :data:`GPT2_SPLIT_PATTERN` — contractions, `` ?letters``, `` ?digits``, punctuation runs,
  whitespace;
* :data:`GPT4_SPLIT_PATTERN` (``cl100k_base``) — case-insensitive contractions, digits in
  groups of at most 3, newlines kept apart.

Training with :math:`V` merges on a corpus with :math:`W` distinct chunks: the naive loop
(:func:`train_bpe_naive`) recounts every pair after each merge, :math:`O(V \cdot N)`.
:meth:`ByteLevelBPE.train` counts each distinct chunk once (weighted by frequency),
keeps pair counts and an index pair → chunks, and after a merge updates only the chunks
that contain the pair — the same merges, much faster.

Encoding a chunk repeatedly applies the **lowest-rank** (earliest learned) merge present,
which is what Hugging Face ``tokenizers``' BPE model does; :func:`ladder.nlp.hf_bpe.to_hf_json`
writes a ``tokenizer.json`` that ``tokenizers.Tokenizer.from_file`` loads and that gives
the same ids (``tests/nlp/test_bpe.py``). Ids ``0..255`` are the bytes, ``256..`` the merges
in order, then special tokens.

>>> tok = GPT2BPETokenizer().train("low lower lowest " * 20, vocab_size=260)
>>> tok.decode(tok.encode("lowest")) == "lowest"
True
"""

from __future__ import annotations

import heapq
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise
from numbers import Integral
from pathlib import Path
from typing import Literal

import regex

__all__ = [
    "GPT2_SPLIT_PATTERN",
    "GPT4_SPLIT_PATTERN",
    "ByteLevelBPE",
    "GPT2BPETokenizer",
    "GPT4BPETokenizer",
    "train_bpe_naive",
    "bytes_to_unicode",
]

GPT2_SPLIT_PATTERN = (
    r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
)
GPT4_SPLIT_PATTERN = (
    r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*"""
    r"""|\s*[\r\n]|\s+(?!\S)|\s+"""
)
FORMAT = "ladder-bpe"
VERSION = 1
Pair = tuple[int, int]


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's printable stand-in character for each byte (used in ``tokenizer.json``).

    Printable Latin-1 bytes stand for themselves; the other 68 are shifted to
    ``chr(256 + k)`` so every token is a visible string.
    """
    keep = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    table, shift = {}, 0
    for b in range(256):
        if b in keep:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + shift)
            shift += 1
    return table


def _merge(ids: list[int], pair: Pair, new_id: int) -> list[int]:
    out, i, n = [], 0, len(ids)
    while i < n:
        if i < n - 1 and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def _pairs(ids: list[int]) -> Counter[Pair]:
    return Counter(pairwise(ids))


def _check_text(text: object, where: str) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"{where} expects a str, got {type(text).__name__} ({text!r:.60}); "
            "decode bytes first with .decode('utf-8')."
        )
    return text


def _check_vocab_size(vocab_size: object) -> int:
    if isinstance(vocab_size, bool) or not isinstance(vocab_size, Integral):
        raise TypeError(
            f"vocab_size must be an int (256 bytes + the number of merges), got "
            f"{vocab_size!r} ({type(vocab_size).__name__})."
        )
    if vocab_size < 256:
        raise ValueError(f"vocab_size must be at least 256 (the bytes), got {vocab_size}.")
    return int(vocab_size)


def _int_ids(ids: Iterable[object]) -> list[int]:
    """``ids`` as a list of Python ints; a float, bool, string or tensor element is a
    ``TypeError`` (``104.0`` would otherwise find id 104, since ``104.0 == 104``)."""
    out = []
    for i in ids:
        if isinstance(i, bool) or not isinstance(i, Integral):
            raise TypeError(
                f"token ids must be integers, got {i!r} ({type(i).__name__}); pass a list of "
                "ints (ids.tolist() for an array or a tensor)."
            )
        out.append(int(i))
    return out


def train_bpe_naive(
    text: str, vocab_size: int, pattern: str = GPT2_SPLIT_PATTERN
) -> dict[Pair, int]:
    """Reference trainer: after every merge, recount all pairs of all chunks.

    Simple and slow (the benchmark's baseline). Ties go to the smallest pair, as in
    :meth:`ByteLevelBPE.train`, so both learn the same merges.
    """
    chunks = [list(c.encode("utf-8")) for c in regex.findall(pattern, _check_text(text, "train"))]
    vocab_size = _check_vocab_size(vocab_size)
    merges: dict[Pair, int] = {}
    for new_id in range(256, vocab_size):
        counts: Counter[Pair] = Counter()
        for ids in chunks:
            counts.update(pairwise(ids))
        if not counts:
            break
        pair = max(counts, key=lambda p: (counts[p], -p[0], -p[1]))
        merges[pair] = new_id
        chunks = [_merge(ids, pair, new_id) for ids in chunks]
    return merges


class ByteLevelBPE:
    """Byte-level BPE with a regex split pattern and special tokens.

    Attributes after :meth:`train` or :meth:`load`: ``merges_`` (pair → new id, in
    rank order), ``vocab_`` (id → bytes), ``special_tokens_`` (str → id).
    """

    pattern: str = GPT2_SPLIT_PATTERN

    def __init__(self, pattern: str | None = None) -> None:
        if pattern is not None:
            self.pattern = pattern
        self._split = regex.compile(self.pattern)
        self.merges_: dict[Pair, int] = {}
        self.special_tokens_: dict[str, int] = {}
        self.vocab_: dict[int, bytes] = {i: bytes([i]) for i in range(256)}
        self._cache: dict[str, list[int]] = {}

    # ----------------------------------------------------------------- training
    def train(self, text: str, vocab_size: int, special_tokens: Iterable[str] = ()) -> ByteLevelBPE:
        """Learn ``vocab_size - 256`` merges from ``text``; returns ``self``.

        Ties between equally frequent pairs go to the smallest pair ``(a, b)``.
        """
        _check_text(text, "train")
        vocab_size = _check_vocab_size(vocab_size)
        freq = Counter(self._split.findall(text))
        words = [list(w.encode("utf-8")) for w in freq]
        counts = list(freq.values())
        pair_count: defaultdict[Pair, int] = defaultdict(int)
        where: defaultdict[Pair, set[int]] = defaultdict(set)
        for k, ids in enumerate(words):
            for p in pairwise(ids):
                pair_count[p] += counts[k]
                where[p].add(k)
        heap = [(-c, p) for p, c in pair_count.items()]
        heapq.heapify(heap)
        merges: dict[Pair, int] = {}
        vocab = {i: bytes([i]) for i in range(256)}
        new_id = 256
        while new_id < vocab_size and heap:
            neg, pair = heapq.heappop(heap)
            if pair_count.get(pair, 0) != -neg:  # stale heap entry
                continue
            if -neg <= 0:
                break
            merges[pair] = new_id
            vocab[new_id] = vocab[pair[0]] + vocab[pair[1]]
            changed: set[Pair] = set()
            for k in where.pop(pair):
                ids, c = words[k], counts[k]
                for p in pairwise(ids):
                    pair_count[p] -= c
                    changed.add(p)
                ids = _merge(ids, pair, new_id)
                words[k] = ids
                for p in pairwise(ids):
                    pair_count[p] += c
                    where[p].add(k)
                    changed.add(p)
            pair_count.pop(pair, None)
            for p in changed:
                c = pair_count.get(p, 0)
                if c > 0 and p != pair:
                    heapq.heappush(heap, (-c, p))
                elif c <= 0:
                    pair_count.pop(p, None)
            new_id += 1
        self.merges_ = merges
        self.vocab_ = vocab
        self.special_tokens_ = {}
        self._cache = {}
        self.register_special_tokens(special_tokens)
        return self

    def register_special_tokens(self, tokens: Iterable[str]) -> None:
        """Give each special token the next free id (after the merges)."""
        for tok in tokens:
            if tok not in self.special_tokens_:
                self.special_tokens_[tok] = 256 + len(self.merges_) + len(self.special_tokens_)

    @property
    def vocab_size(self) -> int:
        return 256 + len(self.merges_) + len(self.special_tokens_)

    # ----------------------------------------------------------------- encoding
    def _encode_chunk(self, chunk: str) -> list[int]:
        cached = self._cache.get(chunk)
        if cached is not None:
            return cached
        ids = list(chunk.encode("utf-8"))
        merges = self.merges_
        while len(ids) >= 2:
            pair = min(pairwise(ids), key=lambda p: merges.get(p, 1 << 62))
            if pair not in merges:
                break
            ids = _merge(ids, pair, merges[pair])
        if len(self._cache) < 200_000:
            self._cache[chunk] = ids
        return ids

    def encode_ordinary(self, text: str) -> list[int]:
        """Ids of ``text`` with special tokens treated as ordinary text."""
        _check_text(text, "encode")
        out: list[int] = []
        for chunk in self._split.findall(text):
            out.extend(self._encode_chunk(chunk))
        return out

    def encode(
        self, text: str, allowed_special: Literal["all", "none"] | set[str] = "all"
    ) -> list[int]:
        """Ids of ``text``; special tokens in ``allowed_special`` map to their ids."""
        _check_text(text, "encode")
        if allowed_special == "all":
            special = self.special_tokens_
        elif allowed_special == "none":
            special = {}
        else:
            unknown = set(allowed_special) - set(self.special_tokens_)
            if unknown:
                raise ValueError(
                    f"unknown special tokens {sorted(unknown)}; registered: "
                    f"{sorted(self.special_tokens_)}. Call register_special_tokens first."
                )
            special = {k: self.special_tokens_[k] for k in allowed_special}
        if not special:
            return self.encode_ordinary(text)
        splitter = (
            "(" + "|".join(regex.escape(k) for k in sorted(special, key=len, reverse=True)) + ")"
        )
        out: list[int] = []
        for part in regex.split(splitter, text):
            if part in special:
                out.append(special[part])
            elif part:
                out.extend(self.encode_ordinary(part))
        return out

    def decode(self, ids: Iterable[int]) -> str:
        """Text of ``ids``; invalid UTF-8 (a cut multi-byte character) becomes U+FFFD."""
        inverse = {v: k.encode("utf-8") for k, v in self.special_tokens_.items()}
        parts = []
        for i in _int_ids(ids):
            if i in self.vocab_:
                parts.append(self.vocab_[i])
            elif i in inverse:
                parts.append(inverse[i])
            else:
                raise KeyError(
                    f"token id {i} is not in the vocabulary (size {self.vocab_size}); "
                    "were these ids made by another tokenizer?"
                )
        return b"".join(parts).decode("utf-8", errors="replace")

    # ----------------------------------------------------------------- persistence
    def save(self, path: str | Path) -> None:
        """Write merges, pattern and special tokens as JSON (format ``ladder-bpe`` v1)."""
        data = {
            "format": FORMAT,
            "version": VERSION,
            "pattern": self.pattern,
            "merges": [[a, b] for (a, b) in self.merges_],
            "special_tokens": self.special_tokens_,
        }
        Path(path).write_text(json.dumps(data), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> ByteLevelBPE:
        """Read a file written by :meth:`save`; other formats or versions are refused."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} is not a JSON tokenizer file ({exc}).") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            got = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise ValueError(
                f"{path} is not a ladder BPE file (format {got!r}, expected {FORMAT!r}); "
                "a Hugging Face tokenizer.json loads with tokenizers.Tokenizer.from_file."
            )
        if data.get("version") != VERSION:
            raise ValueError(
                f"{path} has ladder-bpe version {data.get('version')!r}; this code reads "
                f"version {VERSION}. Re-train or re-save it with this version of ladder."
            )
        tok = cls(pattern=data["pattern"])
        for k, (a, b) in enumerate(data["merges"]):
            tok.merges_[(a, b)] = 256 + k
            tok.vocab_[256 + k] = tok.vocab_[a] + tok.vocab_[b]
        tok.special_tokens_ = {str(k): int(v) for k, v in data["special_tokens"].items()}
        return tok


class GPT2BPETokenizer(ByteLevelBPE):
    """Byte-level BPE splitting text with GPT-2's pattern."""

    pattern = GPT2_SPLIT_PATTERN


class GPT4BPETokenizer(ByteLevelBPE):
    """Byte-level BPE splitting text with GPT-4's ``cl100k_base`` pattern."""

    pattern = GPT4_SPLIT_PATTERN
