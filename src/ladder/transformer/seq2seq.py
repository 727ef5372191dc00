"""The original encoder–decoder transformer (Vaswani et al., 2017, arXiv:1706.03762).

The encoder reads the whole source with bidirectional self-attention; the decoder writes
the target one token at a time, attending causally to what it has written and, through
cross-attention, to the encoder's output (the "memory"):

    memory = LN_enc(EncoderLayer_N(… EncoderLayer_1(src)))
    out    = LN_dec(DecoderLayer_N(… DecoderLayer_1(tgt, memory)))

``EncoderDecoder`` is that core, equal to ``torch.nn.Transformer(batch_first=True)`` (which
also ends each stack with a LayerNorm). ``Seq2SeqTransformer`` adds what a translation
model needs: token embeddings scaled by √d_model, sinusoidal positions, and a linear head
to target-vocabulary logits, with ``forward(src, tgt, targets=None) -> (logits, loss)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.transformer.attention import causal_mask, padding_mask
from ladder.transformer.block import (
    PostNormDecoderLayer,
    PostNormEncoderLayer,
    PreNormDecoderLayer,
    PreNormEncoderLayer,
)
from ladder.transformer.positions import SinusoidalPositions

__all__ = ["Seq2SeqConfig", "EncoderDecoder", "Seq2SeqTransformer"]


@dataclass(frozen=True)
class Seq2SeqConfig:
    src_vocab_size: int  # number of source token ids
    tgt_vocab_size: int  # number of target token ids
    d_model: int = 512  # width of every token vector
    n_head: int = 8  # attention heads per layer (d_model must divide evenly)
    n_encoder_layers: int = 6  # depth of the encoder stack
    n_decoder_layers: int = 6  # depth of the decoder stack
    d_ff: int = 2048  # hidden width of the feed-forward network
    dropout: float = 0.1  # dropout on attention weights, sub-layer outputs, embeddings
    activation: str = "relu"  # feed-forward non-linearity ("relu", "gelu", "gelu_tanh")
    norm_first: bool = False  # False: post-norm (the paper); True: pre-norm
    layer_norm_eps: float = 1e-5  # LayerNorm epsilon (torch's default)
    n_positions: int = 512  # longest source or target sequence
    pad_id: int = 0  # padding id in both vocabularies (ignored by the loss and the masks)


class EncoderDecoder(nn.Module):
    """Encoder stack + LayerNorm, decoder stack + LayerNorm, on (B, T, C) vectors.

    Masks are boolean keep masks: ``src_mask`` over source positions (e.g. padding, shape
    (B, 1, 1, T_src)), ``tgt_mask`` over target self-attention (causal, (T_tgt, T_tgt)),
    ``memory_mask`` over cross-attention (usually the same padding mask as the source).
    """

    def __init__(
        self,
        d_model: int,
        n_head: int,
        n_encoder_layers: int,
        n_decoder_layers: int,
        d_ff: int,
        dropout: float = 0.0,
        activation: str = "relu",
        norm_first: bool = False,
        layer_norm_eps: float = 1e-5,
    ):
        super().__init__()
        enc_cls = PreNormEncoderLayer if norm_first else PostNormEncoderLayer
        dec_cls = PreNormDecoderLayer if norm_first else PostNormDecoderLayer
        args = (d_model, n_head, d_ff, dropout, activation, layer_norm_eps)
        self.encoder_layers = nn.ModuleList(enc_cls(*args) for _ in range(n_encoder_layers))
        self.decoder_layers = nn.ModuleList(dec_cls(*args) for _ in range(n_decoder_layers))
        self.encoder_norm = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.decoder_norm = nn.LayerNorm(d_model, eps=layer_norm_eps)

    def encode(self, src: Tensor, src_mask: Tensor | None = None) -> Tensor:
        for layer in self.encoder_layers:
            src = layer(src, mask=src_mask)
        return self.encoder_norm(src)

    def decode(
        self,
        tgt: Tensor,
        memory: Tensor,
        tgt_mask: Tensor | None = None,
        memory_mask: Tensor | None = None,
    ) -> Tensor:
        for layer in self.decoder_layers:
            tgt = layer(tgt, memory, self_mask=tgt_mask, memory_mask=memory_mask)
        return self.decoder_norm(tgt)

    def forward(
        self,
        src: Tensor,
        tgt: Tensor,
        src_mask: Tensor | None = None,
        tgt_mask: Tensor | None = None,
        memory_mask: Tensor | None = None,
    ) -> Tensor:
        return self.decode(tgt, self.encode(src, src_mask), tgt_mask, memory_mask)


class Seq2SeqTransformer(nn.Module):
    """A complete sequence-to-sequence transformer over token ids.

    ``forward(src, tgt, targets=None)``: src (B, T_src) and tgt (B, T_tgt) are token ids
    (tgt is the shifted-right target, starting with a BOS id); returns logits
    (B, T_tgt, tgt_vocab_size) and, when ``targets`` (B, T_tgt) is given, the mean
    cross-entropy over non-padding targets.
    """

    def __init__(self, config: Seq2SeqConfig):
        super().__init__()
        self.config = config
        c = config
        self.src_embed = nn.Embedding(c.src_vocab_size, c.d_model)
        self.tgt_embed = nn.Embedding(c.tgt_vocab_size, c.d_model)
        self.positions = SinusoidalPositions(c.n_positions, c.d_model)
        self.dropout = nn.Dropout(c.dropout)
        self.core = EncoderDecoder(
            c.d_model, c.n_head, c.n_encoder_layers, c.n_decoder_layers, c.d_ff, c.dropout,
            c.activation, c.norm_first, c.layer_norm_eps,
        )  # fmt: skip
        self.head = nn.Linear(c.d_model, c.tgt_vocab_size)

    def _embed(self, ids: Tensor, table: nn.Embedding) -> Tensor:
        if ids.numel() and (int(ids.min()) < 0 or int(ids.max()) >= table.num_embeddings):
            raise ValueError(
                f"token ids must lie in [0, {table.num_embeddings}), got min {int(ids.min())} "
                f"and max {int(ids.max())}; encode the text with this model's vocabulary."
            )
        # the paper scales embeddings by √d_model so they are not drowned by the positions
        x = table(ids) * math.sqrt(self.config.d_model)
        return self.dropout(self.positions(x))

    def encode(self, src: Tensor) -> tuple[Tensor, Tensor]:
        """Return the memory (B, T_src, C) and the source keep mask (B, 1, 1, T_src)."""
        src_mask = padding_mask(src != self.config.pad_id)
        return self.core.encode(self._embed(src, self.src_embed), src_mask), src_mask

    def decode(self, tgt: Tensor, memory: Tensor, src_mask: Tensor) -> Tensor:
        T = tgt.size(1)
        tgt_mask = causal_mask(T, device=tgt.device)
        out = self.core.decode(self._embed(tgt, self.tgt_embed), memory, tgt_mask, src_mask)
        return self.head(out)

    def forward(
        self, src: Tensor, tgt: Tensor, targets: Tensor | None = None
    ) -> tuple[Tensor, Tensor | None]:
        memory, src_mask = self.encode(src)
        logits = self.decode(tgt, memory, src_mask)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(
                logits.reshape(-1, logits.size(-1)), targets.reshape(-1),
                ignore_index=self.config.pad_id,
            )  # fmt: skip
        return logits, loss

    @torch.no_grad()
    def greedy_decode(self, src: Tensor, bos_id: int, eos_id: int, max_len: int) -> Tensor:
        """Translate by always taking the most likely next token; returns (B, ≤ max_len + 1)."""
        memory, src_mask = self.encode(src)
        out = torch.full((src.size(0), 1), bos_id, dtype=torch.long, device=src.device)
        done = torch.zeros(src.size(0), dtype=torch.bool, device=src.device)
        for _ in range(max_len):
            nxt = self.decode(out, memory, src_mask)[:, -1].argmax(-1)
            nxt = torch.where(done, torch.full_like(nxt, self.config.pad_id), nxt)
            out = torch.cat([out, nxt[:, None]], dim=1)
            done |= nxt == eos_id
            if bool(done.all()):
                break
        return out
