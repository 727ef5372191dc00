"""A Llama-style decoder (Touvron et al., 2023, arXiv:2302.13971 and arXiv:2307.09288).

The same decoder-only transformer as GPT-2 (``ladder.transformer.gpt``) with four parts
swapped for what large models settled on after 2020:

    h_0 = W_emb[idx]                                         no position table
    h = h + Attn(RMSNorm(h))       RoPE on q and k, n_kv_head ≤ n_head K/V heads (GQA)
    h = h + SwiGLU(RMSNorm(h))     gated feed-forward, about 8d/3 wide
    logits = RMSNorm(h_L) W_outᵀ                             untied output layer

No biases anywhere. ``forward(idx, targets=None, cache=None) -> (logits, loss)`` and
``generate`` work like GPT's; the KV cache (``ladder.transformer.kv_cache``) holds the
n_kv_head heads, n_head / n_kv_head times less than GPT-2's. Hugging Face's
``LlamaForCausalLM`` weights load into it (``ladder.llm.hf_llama``) and give the same
logits and the same generated tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.llm.gqa import GroupedQueryAttention, check_heads
from ladder.llm.rmsnorm import RMSNorm
from ladder.llm.rope import RotaryEmbedding
from ladder.llm.swiglu import SwiGLU
from ladder.transformer.gpt import check_token_ids, decode
from ladder.transformer.kv_cache import KVCache
from ladder.transformer.positions import check_context

__all__ = ["LlamaConfig", "LlamaBlock", "Llama", "check_config"]


@dataclass(frozen=True)
class LlamaConfig:
    vocab_size: int = 32000  # number of token ids (Llama-1/2: a 32,000-piece SentencePiece)
    block_size: int = 2048  # context length: the most positions RoPE's tables cover
    n_layer: int = 32  # number of transformer blocks
    n_head: int = 32  # query heads per block (n_embd must divide evenly)
    n_kv_head: int = 32  # key/value heads (divides n_head): n_head is MHA, 1 is MQA
    n_embd: int = 4096  # width of every token vector
    hidden: int = 11008  # SwiGLU hidden width (llama_hidden_size(n_embd): 8d/3 rounded up)
    rope_base: float = 10000.0  # RoPE's θ base (Llama-3 raised it to 500,000)
    norm_eps: float = 1e-6  # RMSNorm epsilon (Llama-1: 1e-6, Llama-2: 1e-5)
    dropout: float = 0.0  # dropout on attention weights (Llama trains without)
    tie_weights: bool = False  # output layer shares the embedding (Llama: no; small models: often)
    fused_attention: bool = True  # torch's SDPA kernel; False: repeat_kv + attention.py


def check_config(config: LlamaConfig) -> None:
    """Raise a clear ``ValueError`` for a configuration no model can be built from."""
    for name in ("vocab_size", "block_size", "n_layer", "n_embd", "hidden"):
        value = getattr(config, name)
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}.")
    check_heads(config.n_embd, config.n_head, config.n_kv_head)
    if (config.n_embd // config.n_head) % 2 != 0:
        raise ValueError(
            f"RoPE rotates channel pairs, so the head width n_embd / n_head must be even, "
            f"got {config.n_embd} / {config.n_head} = {config.n_embd // config.n_head}."
        )
    if not 0.0 <= config.dropout < 1.0:
        raise ValueError(f"dropout must lie in [0, 1), got {config.dropout}.")


class LlamaBlock(nn.Module):
    """Pre-norm block: h + Attn(RMSNorm(h)), then h + SwiGLU(RMSNorm(h))."""

    def __init__(self, config: LlamaConfig, rope: RotaryEmbedding):
        super().__init__()
        c = config
        self.input_layernorm = RMSNorm(c.n_embd, c.norm_eps)
        self.self_attn = GroupedQueryAttention(c.n_embd, c.n_head, c.n_kv_head, rope,
                                               c.dropout, c.fused_attention)  # fmt: skip
        self.post_attention_layernorm = RMSNorm(c.n_embd, c.norm_eps)
        self.mlp = SwiGLU(c.n_embd, c.hidden)

    def forward(self, x: Tensor, cache: KVCache | None = None, layer: int = 0) -> Tensor:
        x = x + self.self_attn(self.input_layernorm(x), cache, layer)
        return x + self.mlp(self.post_attention_layernorm(x))


class Llama(nn.Module):
    """The Llama-style language model. ``forward(idx, targets=None) -> (logits, loss)``.

    idx: (B, T) token ids, T ≤ block_size (counting cached positions). Returns logits
    (B, T, vocab_size) and, given ``targets`` (B, T), the mean cross-entropy (−100 ignored).
    """

    block_class: type[nn.Module] = LlamaBlock  # the mixture-of-experts model swaps it

    def __init__(self, config: LlamaConfig):
        super().__init__()
        check_config(config)
        self.config = config
        self.rope = RotaryEmbedding(config.n_embd // config.n_head, config.block_size,
                                    config.rope_base)  # fmt: skip
        self.embed_tokens = nn.Embedding(config.vocab_size, config.n_embd)
        self.layers = nn.ModuleList(
            self.block_class(config, self.rope) for _ in range(config.n_layer)
        )
        self.norm = RMSNorm(config.n_embd, config.norm_eps)
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)
        if config.tie_weights:
            self.lm_head.weight = self.embed_tokens.weight
        self.apply(self._init_weights)

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        # Hugging Face's Llama initialisation: N(0, 0.02) matrices, RMSNorm gains 1
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def num_params(self) -> int:
        """Parameter count (a tied matrix once); RoPE has none."""
        return sum(p.numel() for p in self.parameters())

    def new_cache(self, batch_size: int) -> KVCache:
        """An empty KV cache for ``batch_size`` sequences: n_kv_head heads per layer."""
        c = self.config
        p = self.embed_tokens.weight
        return KVCache(c.n_layer, batch_size, c.n_kv_head, c.block_size, c.n_embd // c.n_head,
                       dtype=p.dtype, device=p.device)  # fmt: skip

    def forward(
        self, idx: Tensor, targets: Tensor | None = None, cache: KVCache | None = None
    ) -> tuple[Tensor, Tensor | None]:
        B, T = idx.shape  # batch, time
        offset = cache.length if cache is not None else 0
        check_context(offset + T, self.config.block_size)
        check_token_ids(idx, self.config.vocab_size)
        x = self.embed_tokens(idx)
        for i, block in enumerate(self.layers):
            x = block(x, cache, i)
        if cache is not None:
            cache.advance(T)
        logits = self.lm_head(self.norm(x))
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)).float(), targets.reshape(-1))
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
        """Append ``max_new_tokens`` tokens to the (B, T) prompt; returns (B, T + n).

        As ``GPT.generate``: with the cache each step feeds one token (the cache is
        refilled from the last ``block_size`` tokens when the context is full); without
        it each step re-runs the last ``block_size`` tokens. Both give the same tokens.
        """
        return decode(
            self, idx, max_new_tokens, temperature, top_k, top_p, greedy, use_cache, generator
        )
