"""The Unigram language-model tokenizer of SentencePiece (Kudo, 2018, arXiv:1804.10959;
Kudo & Richardson, 2018, arXiv:1808.06226): Viterbi encoding and byte fallback.

BPE (stage 4) builds a vocabulary by merging; Unigram starts from many candidate pieces
and keeps those that best explain the text under a unigram model: each piece x has a
probability p(x), pieces are independent, and a text's segmentation x₁ … x_n has

    log P(x₁ … x_n) = Σ_i log p(x_i)

Encoding picks the most probable segmentation by dynamic programming over the characters
(Viterbi): best[j] = max over pieces text[i:j] of best[i] + log p(text[i:j]). Training
(``ladder.llm.unigram_train``) learns the p(x) by EM and prunes the vocabulary.

SentencePiece works on raw text: spaces become the visible character "▁" (U+2581) and a
"▁" is put in front of the text, so "Hello world" is "▁Hello▁world" and decoding is exact.
A character that is not in the vocabulary becomes <unk>, or with **byte fallback** (Llama,
Mistral, Gemma) the pieces <0x..> of its UTF-8 bytes, so no text is ever unknown.

``UnigramTokenizer.from_sentencepiece(path)`` reads a ``.model`` file written by the
``sentencepiece`` library (a small protobuf, parsed here) and encodes to the same ids.
Normalisation is SentencePiece's "identity" rule (no Unicode rewriting) plus its
whitespace handling; models trained with NFKC normalisation are refused.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "WS",
    "Piece",
    "normalize",
    "split_into_words",
    "viterbi",
    "UnigramTokenizer",
    "read_sentencepiece_model",
]

WS = "\u2581"  # "▁": SentencePiece's visible space
UNK_PENALTY = 10.0  # an unknown character scores min(log p) − 10, as in SentencePiece

# SentencePiece's piece types (sentencepiece_model.proto)
NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE = 1, 2, 3, 4, 5, 6


@dataclass(frozen=True)
class Piece:
    text: str  # the piece, "▁" for a space; "<0x41>" for the byte 0x41
    score: float  # log probability (0 for special pieces)
    kind: int = NORMAL  # NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED or BYTE


def normalize(text: str, add_dummy_prefix: bool = True, remove_extra_whitespaces: bool = True):
    """SentencePiece's whitespace handling: trim and collapse spaces, prefix "▁", spaces → "▁".

    >>> normalize("  Hello   world ")
    '▁Hello▁world'
    """
    if remove_extra_whitespaces:
        text = " ".join(w for w in text.split(" ") if w)
    if not text:
        return ""
    if add_dummy_prefix:
        text = " " + text
    return text.replace(" ", WS)


def split_into_words(normalized: str) -> list[str]:
    """Split before every "▁": "▁to▁be" → ["▁to", "▁be"] (training counts these words)."""
    words: list[str] = []
    for ch in normalized:
        if ch == WS or not words:
            words.append(ch)
        else:
            words[-1] += ch
    return words


def viterbi(
    text: str,
    vocab: dict[str, tuple[int, float]],
    max_len: int,
    unk_score: float,
    unk_id: int = -1,
) -> list[tuple[int, int, int]]:
    """The most probable segmentation of ``text``: a list of (piece id, start, end).

    ``vocab`` maps a piece to (id, log p). A position that no one-character piece covers
    gets an unknown node (``unk_id``, score ``unk_score``), so a path always exists.
    Candidates are visited by start, then by length, and a later one wins only when it
    is strictly better: SentencePiece's order, hence its choice between equal scores.

    >>> v = {"▁a": (0, -1.0), "b": (1, -2.0), "▁ab": (2, -2.5), "▁": (3, -3.0), "a": (4, -3.0)}
    >>> viterbi("▁ab", v, 3, -13.0)
    [(2, 0, 3)]
    """
    n = len(text)
    best = [-math.inf] * (n + 1)
    back: list[tuple[int, int] | None] = [None] * (n + 1)  # (start, piece id) of the best
    best[0] = 0.0
    for start in range(n):
        base = best[start]
        has_single = False
        for end in range(start + 1, min(n, start + max_len) + 1):
            entry = vocab.get(text[start:end])
            if entry is None:
                continue
            cand = base + entry[1]
            if back[end] is None or cand > best[end]:
                best[end], back[end] = cand, (start, entry[0])
            has_single = has_single or end == start + 1
        if not has_single:
            cand = base + unk_score
            if back[start + 1] is None or cand > best[start + 1]:
                best[start + 1], back[start + 1] = cand, (start, unk_id)
    path = []
    end = n
    while end > 0:
        start, pid = back[end]  # type: ignore[misc]
        path.append((pid, start, end))
        end = start
    return path[::-1]


class UnigramTokenizer:
    """A Unigram LM tokenizer: ``encode(text) -> ids``, ``decode(ids) -> text``.

    ``pieces`` lists every vocabulary entry in id order. With ``byte_fallback`` the 256
    pieces <0x00> … <0xFF> must be present, and unknown characters become their bytes.
    """

    def __init__(
        self,
        pieces: Iterable[Piece],
        byte_fallback: bool = True,
        add_dummy_prefix: bool = True,
        remove_extra_whitespaces: bool = True,
    ):
        self.pieces = list(pieces)
        self.byte_fallback = byte_fallback
        self.add_dummy_prefix = add_dummy_prefix
        self.remove_extra_whitespaces = remove_extra_whitespaces
        unk = [i for i, p in enumerate(self.pieces) if p.kind == UNKNOWN]
        if len(unk) != 1:
            raise ValueError(f"the vocabulary needs exactly one <unk> piece, found {len(unk)}.")
        self.unk_id = unk[0]
        normal = [p.score for p in self.pieces if p.kind == NORMAL]
        if not normal:
            raise ValueError("the vocabulary has no normal pieces to encode text with.")
        self.min_score, self.max_score = min(normal), max(normal)
        self.vocab: dict[str, tuple[int, float]] = {}
        for i, p in enumerate(self.pieces):
            if p.kind == NORMAL:
                self.vocab[p.text] = (i, p.score)
            elif p.kind == USER_DEFINED:  # always preferred, as in SentencePiece
                self.vocab[p.text] = (i, len(p.text) * self.max_score - 0.1)
        self.max_len = max(len(t) for t in self.vocab)
        self.byte_ids: dict[int, int] = {}
        for i, p in enumerate(self.pieces):
            if p.kind == BYTE:
                self.byte_ids[int(p.text[3:5], 16)] = i
        if byte_fallback and len(self.byte_ids) != 256:
            raise ValueError(
                f"byte_fallback needs the 256 pieces <0x00> … <0xFF>, found "
                f"{len(self.byte_ids)}; train with byte_fallback=True or turn it off."
            )

    @property
    def vocab_size(self) -> int:
        return len(self.pieces)

    def normalize(self, text: str) -> str:
        return normalize(text, self.add_dummy_prefix, self.remove_extra_whitespaces)

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text`` (SentencePieceProcessor.encode with the same model)."""
        if not isinstance(text, str):
            raise TypeError(f"encode expects a str, got {type(text).__name__}.")
        norm = self.normalize(text)
        unk_score = self.min_score - UNK_PENALTY
        ids: list[int] = []
        for pid, start, end in viterbi(norm, self.vocab, self.max_len, unk_score, self.unk_id):
            if pid == self.unk_id and self.byte_fallback:
                ids.extend(self.byte_ids[b] for b in norm[start:end].encode("utf-8"))
            elif pid == self.unk_id and ids and ids[-1] == self.unk_id:
                continue  # SentencePiece merges a run of unknown characters into one <unk>
            else:
                ids.append(pid)
        return ids

    def encode_as_pieces(self, text: str) -> list[str]:
        return [self.pieces[i].text for i in self.encode(text)]

    def decode(self, ids: Iterable[int]) -> str:
        """Text of ``ids``: pieces joined, byte pieces re-assembled as UTF-8, "▁" → space."""
        out, pending = [], bytearray()
        for i in ids:
            if not 0 <= i < len(self.pieces):
                raise ValueError(f"token id {i} is outside the vocabulary [0, {len(self.pieces)}).")
            p = self.pieces[i]
            if p.kind == BYTE:
                pending.append(int(p.text[3:5], 16))
                continue
            if pending:
                out.append(pending.decode("utf-8", errors="replace"))
                pending.clear()
            if p.kind == UNKNOWN:
                out.append(" \u2047 ")  # SentencePiece's rendering of <unk>
            elif p.kind in (NORMAL, USER_DEFINED):
                out.append(p.text)
        if pending:
            out.append(pending.decode("utf-8", errors="replace"))
        text = "".join(out).replace(WS, " ")
        return text[1:] if self.add_dummy_prefix and text.startswith(" ") else text

    @classmethod
    def from_sentencepiece(cls, path: str | Path) -> UnigramTokenizer:
        """Read a ``.model`` file written by the ``sentencepiece`` library."""
        pieces, trainer, normalizer = read_sentencepiece_model(path)
        if trainer.get(3, 1) != 1:
            raise ValueError(f"{path} is not a Unigram model (model_type {trainer.get(3)}).")
        name = normalizer.get(1, "")
        if name not in ("identity", "") or normalizer.get(2, b""):
            raise ValueError(
                f"{path} uses the normalisation rule {name!r}; only 'identity' is supported: "
                "train it with normalization_rule_name='identity'."
            )
        return cls(
            pieces,
            byte_fallback=bool(trainer.get(35, 0)),
            add_dummy_prefix=bool(normalizer.get(3, 1)),
            remove_extra_whitespaces=bool(normalizer.get(4, 1)),
        )


# --- a minimal protobuf reader for SentencePiece's ModelProto --------------------------------


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def _fields(buf: bytes) -> list[tuple[int, int | bytes | float]]:
    """(field number, value) pairs of one protobuf message (wire types 0, 1, 2, 5)."""
    out, pos = [], 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 1:
            value, pos = buf[pos : pos + 8], pos + 8
        elif wire == 2:
            length, pos = _varint(buf, pos)
            value, pos = buf[pos : pos + length], pos + length
        elif wire == 5:
            value, pos = struct.unpack("<f", buf[pos : pos + 4])[0], pos + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}: not a SentencePiece model.")
        out.append((number, value))
    return out


def read_sentencepiece_model(path: str | Path) -> tuple[list[Piece], dict, dict]:
    """Pieces, trainer spec and normaliser spec (field number → value) of a ``.model``."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no SentencePiece model at {path}.")
    pieces: list[Piece] = []
    trainer: dict[int, object] = {}
    normalizer: dict[int, object] = {}
    try:
        for number, value in _fields(path.read_bytes()):
            if number == 1:
                f = dict(_fields(value))  # type: ignore[arg-type]
                text = f.get(1, b"").decode("utf-8")  # type: ignore[union-attr]
                pieces.append(Piece(text, float(f.get(2, 0.0)), int(f.get(3, NORMAL))))
            elif number == 2:
                trainer = dict(_fields(value))  # type: ignore[arg-type]
            elif number == 3:
                normalizer = dict(_fields(value))  # type: ignore[arg-type]
    except (IndexError, UnicodeDecodeError, struct.error) as exc:
        raise ValueError(f"{path} is not a SentencePiece model file ({exc}).") from None
    if 1 in normalizer:
        normalizer[1] = normalizer[1].decode("utf-8")  # type: ignore[union-attr]
    if not pieces:
        raise ValueError(f"{path} holds no pieces: not a SentencePiece model file.")
    return pieces, trainer, normalizer
