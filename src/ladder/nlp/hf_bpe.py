"""Our byte-level BPE as a Hugging Face ``tokenizer.json``: the adapter that proves the
two tokenizers equal (``tokenizers.Tokenizer`` loads it and gives our ids)."""

from __future__ import annotations

import json
from pathlib import Path

from ladder.nlp.bpe import ByteLevelBPE, bytes_to_unicode

__all__ = ["to_hf_json", "save_hf"]


def to_hf_json(tok: ByteLevelBPE) -> dict:
    """The tokenizer as a Hugging Face ``tokenizer.json`` (``BPE`` model, byte level).

    Pre-tokenizer: ``Split`` by our pattern (isolated) then ``ByteLevel`` without its
    own regex; decoder ``ByteLevel``; ``ignore_merges`` off so HF applies merges by
    rank exactly as :meth:`ByteLevelBPE.encode` does.
    """
    b2u = bytes_to_unicode()

    def show(i: int) -> str:
        return "".join(b2u[b] for b in tok.vocab_[i])

    vocab: dict[str, int] = {}
    for i in sorted(tok.vocab_):
        s = show(i)
        if s in vocab:
            raise ValueError(
                f"tokens {vocab[s]} and {i} are the same bytes {tok.vocab_[i]!r}; the "
                "HF format needs unique token strings. Train with a different size."
            )
        vocab[s] = i
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {
                "id": i,
                "content": t,
                "single_word": False,
                "lstrip": False,
                "rstrip": False,
                "normalized": False,
                "special": True,
            }
            for t, i in tok.special_tokens_.items()
        ],
        "normalizer": None,
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {
                    "type": "Split",
                    "pattern": {"Regex": tok.pattern},
                    "behavior": "Isolated",
                    "invert": False,
                },
                {
                    "type": "ByteLevel",
                    "add_prefix_space": False,
                    "trim_offsets": True,
                    "use_regex": False,
                },
            ],
        },
        "post_processor": None,
        "decoder": {
            "type": "ByteLevel",
            "add_prefix_space": True,
            "trim_offsets": True,
            "use_regex": True,
        },
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": None,
            "end_of_word_suffix": None,
            "fuse_unk": False,
            "byte_fallback": False,
            "ignore_merges": False,
            "vocab": vocab,
            "merges": [[show(a), show(b)] for (a, b) in tok.merges_],
        },
    }


def save_hf(tok: ByteLevelBPE, path: str | Path) -> None:
    """Write :func:`to_hf_json` to ``path`` (load it with ``Tokenizer.from_file``)."""
    Path(path).write_text(json.dumps(to_hf_json(tok), ensure_ascii=False), encoding="utf-8")
