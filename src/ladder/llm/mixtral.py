"""A sparse mixture-of-experts Llama: Mixtral's architecture (Jiang et al., 2024,
arXiv:2401.04088).

Each block's SwiGLU feed-forward becomes a ``MoEFeedForward``: n_expert SwiGLU experts and
a top-k router (``ladder.llm.moe``); attention, RoPE, RMSNorm and the KV cache are the
Llama model's. ``forward(idx, targets)`` returns ``(logits, loss)`` where the loss is

    cross-entropy + router_aux_loss_coef · L_aux

and ``aux_loss`` holds the last forward's load-balancing loss L_aux over every layer's
router (what Hugging Face's ``MixtralForCausalLM`` returns as ``aux_loss``).
"""

from __future__ import annotations

from dataclasses import dataclass

from torch import Tensor, nn

from ladder.llm.gqa import GroupedQueryAttention
from ladder.llm.llama import Llama, LlamaConfig
from ladder.llm.moe import MoEFeedForward, load_balancing_loss
from ladder.llm.rmsnorm import RMSNorm
from ladder.llm.rope import RotaryEmbedding
from ladder.transformer.kv_cache import KVCache

__all__ = ["MixtralConfig", "MixtralBlock", "Mixtral"]


@dataclass(frozen=True)
class MixtralConfig(LlamaConfig):
    n_expert: int = 8  # feed-forward experts per block (Mixtral 8x7B: 8)
    top_k: int = 2  # experts each token is sent to (Mixtral: 2)
    router_aux_loss_coef: float = 0.001  # weight of the load-balancing loss (HF's default)


class MixtralBlock(nn.Module):
    """Pre-norm block with a mixture-of-experts feed-forward."""

    def __init__(self, config: MixtralConfig, rope: RotaryEmbedding):
        super().__init__()
        c = config
        self.input_layernorm = RMSNorm(c.n_embd, c.norm_eps)
        self.self_attn = GroupedQueryAttention(c.n_embd, c.n_head, c.n_kv_head, rope,
                                               c.dropout, c.fused_attention)  # fmt: skip
        self.post_attention_layernorm = RMSNorm(c.n_embd, c.norm_eps)
        self.mlp = MoEFeedForward(c.n_embd, c.hidden, c.n_expert, c.top_k)

    def forward(self, x: Tensor, cache: KVCache | None = None, layer: int = 0) -> Tensor:
        x = x + self.self_attn(self.input_layernorm(x), cache, layer)
        return x + self.mlp(self.post_attention_layernorm(x))


class Mixtral(Llama):
    """The Llama model with ``MixtralBlock``s; the loss includes the router's aux loss."""

    block_class = MixtralBlock

    def __init__(self, config: MixtralConfig):
        if not isinstance(config, MixtralConfig):
            raise TypeError(
                f"Mixtral needs a MixtralConfig (with n_expert and top_k), got "
                f"{type(config).__name__}."
            )
        if not 1 <= config.top_k <= config.n_expert:
            raise ValueError(
                f"top_k must lie in [1, n_expert={config.n_expert}], got {config.top_k}."
            )
        super().__init__(config)
        self.aux_loss: Tensor | None = None

    def forward(
        self, idx: Tensor, targets: Tensor | None = None, cache: KVCache | None = None
    ) -> tuple[Tensor, Tensor | None]:
        logits, loss = super().forward(idx, targets, cache)
        routers = [block.mlp.router_logits for block in self.layers]
        self.aux_loss = load_balancing_loss(routers, self.config.top_k)
        if loss is not None:
            loss = loss + self.config.router_aux_loss_coef * self.aux_loss
        return logits, loss
