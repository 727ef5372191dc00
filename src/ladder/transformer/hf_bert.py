"""Hugging Face BERT weights in our BERT, by an explicit, shape-checked name map.

``transformers.BertModel`` and ``ladder.transformer.bert.BertEncoder`` hold the same
tensors under different names (HF: ``encoder.layer.3.attention.self.query.weight``; ours:
``layers.3.self_attn.q_proj.weight``). The map below lists every pair; ``load_mapped``
checks that nothing is missing, extra or mis-shaped before copying.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from torch import Tensor

from ladder.transformer.bert import BertConfig, BertEncoder, BertForMaskedLM
from ladder.transformer.weights import load_mapped

__all__ = ["config_from_hf", "bert_name_map", "load_bert_weights", "load_bert_mlm_weights"]

# tensors in a BertModel file that our encoder does not use: the fixed position-index buffer
# and the [CLS] "pooler" (trained for next-sentence prediction; mean pooling ignores it)
UNUSED = ("embeddings.position_ids", "pooler.dense.weight", "pooler.dense.bias")


def config_from_hf(hf: Mapping[str, Any]) -> BertConfig:
    """Our ``BertConfig`` from a Hugging Face BERT ``config.json`` dictionary."""
    if hf.get("hidden_act", "gelu") != "gelu":
        raise ValueError(f"our BERT uses the exact GELU, the config says {hf['hidden_act']!r}.")
    return BertConfig(
        vocab_size=hf["vocab_size"],
        n_positions=hf["max_position_embeddings"],
        type_vocab_size=hf["type_vocab_size"],
        n_layer=hf["num_hidden_layers"],
        n_head=hf["num_attention_heads"],
        n_embd=hf["hidden_size"],
        d_ff=hf["intermediate_size"],
        dropout=0.0,
        layer_norm_eps=hf["layer_norm_eps"],
        pad_id=hf.get("pad_token_id", 0),
    )


def bert_name_map(n_layer: int, prefix: str = "") -> dict[str, str]:
    """Our ``BertEncoder`` parameter name → the Hugging Face ``BertModel`` name."""
    e = f"{prefix}embeddings."
    m = {
        "word_embeddings.weight": e + "word_embeddings.weight",
        "position_embeddings.weight": e + "position_embeddings.weight",
        "token_type_embeddings.weight": e + "token_type_embeddings.weight",
        "emb_norm.weight": e + "LayerNorm.weight",
        "emb_norm.bias": e + "LayerNorm.bias",
    }
    for i in range(n_layer):
        ours, theirs = f"layers.{i}.", f"{prefix}encoder.layer.{i}."
        pairs = {
            "self_attn.q_proj": "attention.self.query",
            "self_attn.k_proj": "attention.self.key",
            "self_attn.v_proj": "attention.self.value",
            "self_attn.out_proj": "attention.output.dense",
            "norm1": "attention.output.LayerNorm",
            "ff.linear1": "intermediate.dense",
            "ff.linear2": "output.dense",
            "norm2": "output.LayerNorm",
        }
        for a, b in pairs.items():
            for kind in ("weight", "bias"):
                m[f"{ours}{a}.{kind}"] = f"{theirs}{b}.{kind}"
    return m


def load_bert_weights(model: BertEncoder, state: Mapping[str, Tensor]) -> BertEncoder:
    """Copy a Hugging Face ``BertModel`` state dict into ``model``; every name and shape checked."""
    name_map = bert_name_map(model.config.n_layer)
    load_mapped(model, state, name_map, ignore_source=UNUSED, what="BERT weights")
    return model


def load_bert_mlm_weights(model: BertForMaskedLM, state: Mapping[str, Tensor]) -> BertForMaskedLM:
    """Copy a ``BertForMaskedLM`` state dict (encoder + MLM head) into ``model``."""
    p = "cls.predictions."
    name_map = {f"bert.{k}": v for k, v in bert_name_map(model.config.n_layer, "bert.").items()}
    name_map |= {
        "head_dense.weight": p + "transform.dense.weight",
        "head_dense.bias": p + "transform.dense.bias",
        "head_norm.weight": p + "transform.LayerNorm.weight",
        "head_norm.bias": p + "transform.LayerNorm.bias",
        "head_bias": p + "bias",
    }
    # the decoder matrix is tied to the word embeddings, its bias to ``cls.predictions.bias``
    tied = (p + "decoder.weight", p + "decoder.bias")
    ignore = tied + tuple(f"bert.{u}" for u in UNUSED)
    load_mapped(model, state, name_map, ignore_source=ignore, what="BERT MLM weights")
    return model
