"""GPT: a decoder-only transformer trained to predict the next token (Radford et al., 2018;
GPT-2: Radford et al., 2019).

    h_0 = W_te[idx] + W_pe[0 … T−1]
    h_l = h_{l−1} + Attn(LN(h_{l−1}));  h_l = h_l + MLP(LN(h_l))      (pre-norm, causal)
    logits = LN_f(h_L) W_teᵀ                                          (tied output layer)
    loss = mean_t −log softmax(logits_t)[idx_{t+1}]

The architecture is GPT-2's, so Hugging Face ``GPT2LMHeadModel`` weights load into it
(``ladder.transformer.hf_gpt2``): learned positions, LayerNorm with bias, a GELU with the
tanh approximation, the output layer tied to the token embedding. ``generate`` samples
with or without a KV cache (``ladder.transformer.kv_cache``); both give the same tokens.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.transformer.attention import causal_mask, merge_heads, scaled_dot_product_attention
from ladder.transformer.kv_cache import KVCache
from ladder.transformer.positions import check_context
from ladder.transformer.sampling import check_sampling, sample_next

__all__ = ["GPTConfig", "GPT", "check_token_ids", "as_token_ids", "decode"]


@dataclass(frozen=True)
class GPTConfig:
    vocab_size: int = 50257  # number of token ids (GPT-2's BPE: 50257)
    block_size: int = 1024  # context length: the most positions the model can see
    n_layer: int = 12  # number of transformer blocks
    n_head: int = 12  # attention heads per block (n_embd must divide evenly)
    n_embd: int = 768  # width of every token vector
    dropout: float = 0.0  # dropout on embeddings, attention weights and residual branches
    bias: bool = True  # biases in Linear and LayerNorm (GPT-2: True; nanoGPT often False)
    layer_norm_eps: float = 1e-5  # LayerNorm epsilon (GPT-2: 1e-5)
    tie_weights: bool = True  # output layer shares the token-embedding matrix
    fused_attention: bool = True  # torch's fused SDPA kernel; False: attention.py, same math
    gelu_approximate: str = "tanh"  # GELU of the MLP: "tanh" (GPT-2) or "none" (exact erf)


def check_token_ids(idx: Tensor, vocab_size: int) -> None:
    """Raise a clear error if a token id lies outside [0, vocab_size)."""
    if idx.dtype not in (torch.int64, torch.int32, torch.int16, torch.uint8):
        raise TypeError(f"token ids must be an integer tensor, got dtype {idx.dtype}.")
    if idx.numel() == 0:
        return
    lo, hi = int(idx.min()), int(idx.max())
    if lo < 0 or hi >= vocab_size:
        bad = idx[(idx < 0) | (idx >= vocab_size)].unique()[:10].tolist()
        raise ValueError(
            f"token ids must lie in [0, {vocab_size}), found {bad}; encode the prompt with "
            "the tokenizer the model was trained with."
        )


def as_token_ids(idx: object, device: torch.device | None = None) -> Tensor:
    """``idx`` as a (batch, time) tensor: NumPy arrays and nested lists of ints are
    converted (to int64 on ``device``); anything else but 2-D is a clear error."""
    if not isinstance(idx, Tensor):
        try:
            arr = np.asarray(idx)
            if arr.dtype.kind in "iu":  # any NumPy integer type: int64, as embeddings want
                arr = arr.astype(np.int64)
            idx = torch.as_tensor(arr, device=device)
        except (TypeError, ValueError, RuntimeError):
            raise TypeError(
                f"token ids must be a (batch, time) tensor of integers, got "
                f"{type(idx).__name__} {idx!r:.60}; pass torch.tensor(ids) or a NumPy int array."
            ) from None
    if idx.dim() != 2:
        raise ValueError(
            f"token ids must have shape (batch, time), got {tuple(idx.shape)}; wrap one "
            "sequence as idx[None] (or idx.unsqueeze(0))."
        )
    return idx


class CausalSelfAttention(nn.Module):
    """Multi-head causal self-attention with one fused Q/K/V projection (GPT-2's c_attn)."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        if config.n_embd % config.n_head != 0:
            raise ValueError(
                f"n_embd={config.n_embd} is not divisible by n_head={config.n_head}; "
                "choose n_head so that every head gets n_embd / n_head channels."
            )
        self.n_head = config.n_head
        self.dropout = config.dropout
        self.fused = config.fused_attention
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd, bias=config.bias)
        self.c_proj = nn.Linear(config.n_embd, config.n_embd, bias=config.bias)
        self.resid_dropout = nn.Dropout(config.dropout)

    def forward(self, x: Tensor, cache: KVCache | None = None, layer: int = 0) -> Tensor:
        B, T, C = x.shape  # batch, time, channels
        q, k, v = self.c_attn(x).split(C, dim=2)
        hd = C // self.n_head
        q, k, v = (t.view(B, T, self.n_head, hd).transpose(1, 2) for t in (q, k, v))
        if cache is not None:
            k, v = cache.append(layer, k, v)  # (B, h, T_past + T, hd)
        t_k = k.size(2)
        p = self.dropout if self.training else 0.0
        if self.fused:
            if t_k == T:
                y = F.scaled_dot_product_attention(q, k, v, dropout_p=p, is_causal=True)
            elif T == 1:  # one new token may see every cached one
                y = F.scaled_dot_product_attention(q, k, v, dropout_p=p)
            else:
                mask = causal_mask(T, t_k, device=x.device)
                y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=p)
        else:
            mask = causal_mask(T, t_k, device=x.device)
            y, _ = scaled_dot_product_attention(q, k, v, mask, p, self.training)
        return self.resid_dropout(self.c_proj(merge_heads(y)))


class MLP(nn.Module):
    """Feed-forward network, 4× wide, GELU (GPT-2: the tanh approximation)."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=config.bias)
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd, bias=config.bias)
        self.dropout = nn.Dropout(config.dropout)
        if config.gelu_approximate not in ("tanh", "none"):
            raise ValueError(
                f"gelu_approximate must be 'tanh' or 'none', got {config.gelu_approximate!r}."
            )
        self.approximate = config.gelu_approximate

    def forward(self, x: Tensor) -> Tensor:
        return self.dropout(self.c_proj(F.gelu(self.c_fc(x), approximate=self.approximate)))


class Block(nn.Module):
    """Pre-norm block: x + Attn(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.n_embd, eps=config.layer_norm_eps, bias=config.bias)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = nn.LayerNorm(config.n_embd, eps=config.layer_norm_eps, bias=config.bias)
        self.mlp = MLP(config)

    def forward(self, x: Tensor, cache: KVCache | None = None, layer: int = 0) -> Tensor:
        x = x + self.attn(self.ln_1(x), cache, layer)
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    """The decoder-only language model. ``forward(idx, targets=None) -> (logits, loss)``.

    idx: (B, T) token ids with T ≤ block_size. Returns logits (B, T, vocab_size) for every
    position and, when ``targets`` (B, T) is given, the mean cross-entropy (targets equal to
    −100 are ignored, as in ``F.cross_entropy``).
    """

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.config = config
        self.wte = nn.Embedding(config.vocab_size, config.n_embd)
        self.wpe = nn.Embedding(config.block_size, config.n_embd)
        self.drop = nn.Dropout(config.dropout)
        self.h = nn.ModuleList(Block(config) for _ in range(config.n_layer))
        self.ln_f = nn.LayerNorm(config.n_embd, eps=config.layer_norm_eps, bias=config.bias)
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        if config.tie_weights:
            self.lm_head.weight = self.wte.weight  # one matrix to embed and to un-embed
        self.apply(self._init_weights)
        # GPT-2: scale the residual projections by 1/√(2·n_layer) so the sum stays O(1)
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layer))

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def num_params(self, non_embedding: bool = True) -> int:
        """Parameter count (tied weights once); without the position table by default."""
        n = sum(p.numel() for p in self.parameters())
        return n - self.wpe.weight.numel() if non_embedding else n

    def new_cache(self, batch_size: int) -> KVCache:
        c = self.config
        p = self.wte.weight
        return KVCache(c.n_layer, batch_size, c.n_head, c.block_size, c.n_embd // c.n_head,
                       dtype=p.dtype, device=p.device)  # fmt: skip

    def forward(
        self, idx: Tensor, targets: Tensor | None = None, cache: KVCache | None = None
    ) -> tuple[Tensor, Tensor | None]:
        idx = as_token_ids(idx, self.wte.weight.device)
        B, T = idx.shape  # batch, time
        offset = cache.length if cache is not None else 0
        check_context(offset + T, self.config.block_size)
        check_token_ids(idx, self.config.vocab_size)
        pos = torch.arange(offset, offset + T, device=idx.device)
        x = self.drop(self.wte(idx) + self.wpe(pos))
        for i, block in enumerate(self.h):
            x = block(x, cache, i)
        if cache is not None:
            cache.advance(T)
        logits = self.lm_head(self.ln_f(x))
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.reshape(-1))
        return logits, loss

    @torch.no_grad()
    def generate(
        self,
        idx: Tensor,
        max_new_tokens: int,
        temperature: float = 1.0,
        top_k: int | None = None,
        top_p: float | None = None,
        greedy: bool = False,
        use_cache: bool = True,
        generator: torch.Generator | None = None,
    ) -> Tensor:
        """Append ``max_new_tokens`` sampled tokens to the (B, T) prompt; returns (B, T + n).

        Without the cache each step re-runs the last ``block_size`` tokens. With it, each
        step feeds one token; when the context is full the cache is refilled from the last
        ``block_size`` tokens, which is exactly what the uncached step computes. Put the
        model in ``eval()`` mode first for deterministic results.
        """
        return decode(
            self, idx, max_new_tokens, temperature, top_k, top_p, greedy, use_cache, generator
        )


def decode(
    model: nn.Module,
    idx: object,
    max_new_tokens: int,
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
    greedy: bool = False,
    use_cache: bool = True,
    generator: torch.Generator | None = None,
) -> Tensor:
    """The decoding loop of :meth:`GPT.generate`, shared by every causal model with a
    ``config`` (``vocab_size``, ``block_size``), ``new_cache(batch)`` and
    ``model(idx, cache=...) -> (logits, loss)`` (``ladder.llm.llama.Llama`` too)."""
    device = next(model.parameters()).device
    check_sampling(temperature, top_k, top_p)
    if isinstance(max_new_tokens, bool) or not isinstance(max_new_tokens, (int, np.integer)):
        raise TypeError(
            f"max_new_tokens must be an int, got {max_new_tokens!r}; pass the number of "
            "tokens to append."
        )
    if max_new_tokens < 0:
        raise ValueError(
            f"max_new_tokens must be >= 0 (the number of tokens to append), got {max_new_tokens}."
        )
    idx = as_token_ids(idx, device)
    check_token_ids(idx, model.config.vocab_size)
    if idx.dim() != 2 or idx.size(1) == 0:
        raise ValueError(
            f"the prompt must have shape (batch, time) with time ≥ 1, got "
            f"{tuple(idx.shape)}; wrap a single sequence as idx[None]."
        )
    bs = model.config.block_size
    cache = model.new_cache(idx.size(0)) if use_cache else None
    for _ in range(max_new_tokens):
        if cache is None:
            logits, _ = model(idx[:, -bs:])
        elif cache.length == 0 or cache.length + 1 > bs:
            cache.reset()
            logits, _ = model(idx[:, -bs:], cache=cache)
        else:
            logits, _ = model(idx[:, -1:], cache=cache)
        nxt = sample_next(logits[:, -1, :], temperature, top_k, top_p, greedy, generator)
        idx = torch.cat([idx, nxt], dim=1)
    return idx
