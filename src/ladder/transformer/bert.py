"""BERT: a bidirectional transformer encoder (Devlin et al., 2019, arXiv:1810.04805).

Every token sees every other (no causal mask). The input vector of token t is the sum of
three embeddings, then LayerNorm:

    h_0[t] = LN(E_tok[idx_t] + E_pos[t] + E_type[segment_t])
    h_l    = PostNormEncoderLayer(h_{l−1})   (attention + GELU feed-forward, post-norm)

Sentence vectors come from pooling the last layer: the [CLS] vector h_L[0], or the mean
over real (non-padding) tokens, Σ_t m_t h_L[t] / Σ_t m_t, as Sentence-BERT does (Reimers &
Gurevych, 2019, arXiv:1908.10084). Pre-training predicts masked tokens
(``ladder.transformer.mlm``) with a head tied to the token embedding.
``BertEncoder`` has the same weights, one for one, as ``transformers.BertModel``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.transformer.attention import padding_mask
from ladder.transformer.block import PostNormEncoderLayer
from ladder.transformer.gpt import as_token_ids, check_token_ids
from ladder.transformer.positions import check_context

__all__ = ["BertConfig", "BertEncoder", "BertForMaskedLM", "mean_pool", "cls_pool"]


@dataclass(frozen=True)
class BertConfig:
    vocab_size: int = 30522  # WordPiece vocabulary size (bert-base-uncased: 30522)
    n_positions: int = 512  # longest sequence (learned position table rows)
    type_vocab_size: int = 2  # segment ids: sentence A = 0, sentence B = 1
    n_layer: int = 12  # encoder layers
    n_head: int = 12  # attention heads per layer
    n_embd: int = 768  # hidden width
    d_ff: int = 3072  # feed-forward width ("intermediate_size")
    dropout: float = 0.1  # dropout on embeddings, attention weights, sub-layer outputs
    layer_norm_eps: float = 1e-12  # LayerNorm epsilon (BERT: 1e-12)
    pad_id: int = 0  # id of [PAD]


def mean_pool(hidden: Tensor, attention_mask: Tensor) -> Tensor:
    """Mean of the token vectors where ``attention_mask`` is 1: (B, T, C), (B, T) → (B, C).

    Equals sentence-transformers' ``Pooling(pooling_mode='mean')``.
    """
    m = attention_mask.to(hidden.dtype).unsqueeze(-1)  # (B, T, 1)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)


def cls_pool(hidden: Tensor) -> Tensor:
    """The vector of the first token ([CLS]): (B, T, C) → (B, C)."""
    return hidden[:, 0]


class BertEncoder(nn.Module):
    """Embeddings + a stack of post-norm encoder layers; returns the last hidden states.

    ``forward(idx, token_type_ids=None, attention_mask=None)``: idx (B, T) token ids,
    token_type_ids (B, T) segment ids (default 0), attention_mask (B, T) 1 for tokens and 0
    for padding (default: all 1). Returns (B, T, n_embd).
    """

    def __init__(self, config: BertConfig):
        super().__init__()
        self.config = config
        c = config
        self.word_embeddings = nn.Embedding(c.vocab_size, c.n_embd, padding_idx=c.pad_id)
        self.position_embeddings = nn.Embedding(c.n_positions, c.n_embd)
        self.token_type_embeddings = nn.Embedding(c.type_vocab_size, c.n_embd)
        self.emb_norm = nn.LayerNorm(c.n_embd, eps=c.layer_norm_eps)
        self.emb_dropout = nn.Dropout(c.dropout)
        self.layers = nn.ModuleList(
            PostNormEncoderLayer(c.n_embd, c.n_head, c.d_ff, c.dropout, "gelu", c.layer_norm_eps)
            for _ in range(c.n_layer)
        )
        self.apply(self._init_weights)
        with torch.no_grad():  # [PAD] starts as the zero vector (and gets no gradient)
            self.word_embeddings.weight[c.pad_id].zero_()

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def forward(
        self,
        idx: Tensor,
        token_type_ids: Tensor | None = None,
        attention_mask: Tensor | None = None,
    ) -> Tensor:
        idx = as_token_ids(idx, self.word_embeddings.weight.device)
        B, T = idx.shape  # batch, time
        check_context(T, self.config.n_positions)
        check_token_ids(idx, self.config.vocab_size)
        if token_type_ids is None:
            token_type_ids = torch.zeros_like(idx)
        pos = torch.arange(T, device=idx.device)
        x = self.word_embeddings(idx) + self.position_embeddings(pos)
        x = self.emb_dropout(self.emb_norm(x + self.token_type_embeddings(token_type_ids)))
        mask = padding_mask(attention_mask) if attention_mask is not None else None
        for layer in self.layers:
            x = layer(x, mask=mask)
        return x


class BertForMaskedLM(nn.Module):
    """BERT with the masked-language-model head: ``forward(idx, targets=None) -> (logits, loss)``.

    head(h) = LN(GELU(h W + b)) E_tokᵀ + b_vocab (output matrix tied to the embedding).
    ``targets`` (B, T) holds the original id at masked positions and −100 elsewhere
    (``ladder.transformer.mlm.mask_tokens`` makes both), so the loss is the mean
    cross-entropy over masked positions only.
    """

    def __init__(self, config: BertConfig):
        super().__init__()
        self.config = config
        self.bert = BertEncoder(config)
        self.head_dense = nn.Linear(config.n_embd, config.n_embd)
        self.head_norm = nn.LayerNorm(config.n_embd, eps=config.layer_norm_eps)
        self.head_bias = nn.Parameter(torch.zeros(config.vocab_size))

    def forward(
        self,
        idx: Tensor,
        targets: Tensor | None = None,
        token_type_ids: Tensor | None = None,
        attention_mask: Tensor | None = None,
    ) -> tuple[Tensor, Tensor | None]:
        h = self.bert(idx, token_type_ids, attention_mask)
        h = self.head_norm(F.gelu(self.head_dense(h)))
        logits = h @ self.bert.word_embeddings.weight.T + self.head_bias  # (B, T, V)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.reshape(-1))
        return logits, loss
