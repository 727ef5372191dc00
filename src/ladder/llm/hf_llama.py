"""Hugging Face Llama and Mixtral weights in our models, by explicit, shape-checked maps.

Our names follow Hugging Face's inside a block (``self_attn.q_proj``, ``mlp.gate_proj``,
``input_layernorm`` …), without the ``model.`` prefix. Mixtral's experts are stored by
Hugging Face as two 3-D tensors per layer: ``experts.gate_up_proj`` (E, 2·hidden, C), the
gate rows then the up rows, and ``experts.down_proj`` (E, C, hidden); each of our experts
takes its slices. Every name and every shape is checked before anything is copied
(``ladder.transformer.weights.load_mapped``). Nothing is downloaded: pass a model you
built or loaded yourself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from torch import Tensor

from ladder.llm.llama import Llama, LlamaConfig
from ladder.llm.mixtral import Mixtral, MixtralConfig
from ladder.transformer.weights import load_mapped

__all__ = [
    "config_from_hf_llama",
    "config_from_hf_mixtral",
    "llama_name_map",
    "mixtral_name_map",
    "load_hf_llama",
    "load_hf_mixtral",
    "from_hf_llama",
    "from_hf_mixtral",
]

_ATTN = ("q_proj", "k_proj", "v_proj", "o_proj")


def _common(hf: Any) -> dict[str, Any]:
    act = getattr(hf, "hidden_act", "silu")
    if act != "silu":
        raise ValueError(f"our SwiGLU uses SiLU, the checkpoint uses hidden_act={act!r}.")
    if getattr(hf, "attention_bias", False) or getattr(hf, "mlp_bias", False):
        raise ValueError("our Llama has no biases; the checkpoint has attention or MLP biases.")
    rope = getattr(hf, "rope_parameters", None) or {}
    if rope.get("rope_type", "default") != "default":
        raise ValueError(f"only plain RoPE is supported, the checkpoint uses {rope!r}.")
    head_dim = getattr(hf, "head_dim", None) or hf.hidden_size // hf.num_attention_heads
    if head_dim * hf.num_attention_heads != hf.hidden_size:
        raise ValueError(f"head_dim={head_dim} × heads must equal hidden_size={hf.hidden_size}.")
    if getattr(hf, "sliding_window", None) is not None:
        raise ValueError("sliding-window attention is not supported; set sliding_window=None.")
    return dict(
        vocab_size=hf.vocab_size,
        block_size=hf.max_position_embeddings,
        n_layer=hf.num_hidden_layers,
        n_head=hf.num_attention_heads,
        n_kv_head=hf.num_key_value_heads,
        n_embd=hf.hidden_size,
        hidden=hf.intermediate_size,
        rope_base=float(rope.get("rope_theta", 10000.0)),
        norm_eps=hf.rms_norm_eps,
        dropout=0.0,
        tie_weights=bool(getattr(hf, "tie_word_embeddings", False)),
    )


def config_from_hf_llama(hf_config: Any) -> LlamaConfig:
    """Our ``LlamaConfig`` for a ``transformers.LlamaConfig``."""
    return LlamaConfig(**_common(hf_config))


def config_from_hf_mixtral(hf_config: Any) -> MixtralConfig:
    """Our ``MixtralConfig`` for a ``transformers.MixtralConfig``."""
    return MixtralConfig(
        **_common(hf_config),
        n_expert=hf_config.num_local_experts,
        top_k=hf_config.num_experts_per_tok,
        router_aux_loss_coef=hf_config.router_aux_loss_coef,
    )


def _shared_map(n_layer: int) -> dict[str, str]:
    m = {
        "embed_tokens.weight": "model.embed_tokens.weight",
        "norm.weight": "model.norm.weight",
        "lm_head.weight": "lm_head.weight",
    }
    for i in range(n_layer):
        for norm in ("input_layernorm", "post_attention_layernorm"):
            m[f"layers.{i}.{norm}.weight"] = f"model.layers.{i}.{norm}.weight"
        for proj in _ATTN:
            m[f"layers.{i}.self_attn.{proj}.weight"] = f"model.layers.{i}.self_attn.{proj}.weight"
    return m


def llama_name_map(n_layer: int) -> dict[str, str]:
    """Our parameter name → the ``LlamaForCausalLM`` state-dict name."""
    m = _shared_map(n_layer)
    for i in range(n_layer):
        for proj in ("gate_proj", "up_proj", "down_proj"):
            m[f"layers.{i}.mlp.{proj}.weight"] = f"model.layers.{i}.mlp.{proj}.weight"
    return m


def mixtral_name_map(n_layer: int, n_expert: int) -> dict[str, str]:
    """Our parameter name → the ``MixtralForCausalLM`` state-dict name (experts: the
    3-D tensor they are sliced from, see ``mixtral_transforms``)."""
    m = _shared_map(n_layer)
    for i in range(n_layer):
        src = f"model.layers.{i}.mlp"
        m[f"layers.{i}.mlp.gate.weight"] = f"{src}.gate.weight"
        for e in range(n_expert):
            m[f"layers.{i}.mlp.experts.{e}.gate_proj.weight"] = f"{src}.experts.gate_up_proj"
            m[f"layers.{i}.mlp.experts.{e}.up_proj.weight"] = f"{src}.experts.gate_up_proj"
            m[f"layers.{i}.mlp.experts.{e}.down_proj.weight"] = f"{src}.experts.down_proj"
    return m


def mixtral_transforms(n_layer: int, n_expert: int, hidden: int) -> dict[str, Callable]:
    """Expert e's slices of the fused tensors: gate rows [0, hidden), up rows [hidden, 2h)."""
    t: dict[str, Callable[[Tensor], Tensor]] = {}
    for i in range(n_layer):
        for e in range(n_expert):
            p = f"layers.{i}.mlp.experts.{e}"
            t[f"{p}.gate_proj.weight"] = lambda w, e=e: w[e, :hidden]
            t[f"{p}.up_proj.weight"] = lambda w, e=e: w[e, hidden:]
            t[f"{p}.down_proj.weight"] = lambda w, e=e: w[e]
    return t


def _ignore(state: Mapping[str, Tensor], model: Llama) -> list[str]:
    # RoPE's inverse frequencies are recomputed, not weights; a tied head may be omitted
    ignore = [k for k in state if k.endswith("rotary_emb.inv_freq")]
    if model.config.tie_weights:
        ignore.append("lm_head.weight")
    return ignore


def load_hf_llama(model: Llama, state: Mapping[str, Tensor]) -> Llama:
    """Copy a ``LlamaForCausalLM`` state dict into ``model`` (every name and shape checked)."""
    load_mapped(model, state, llama_name_map(model.config.n_layer), None,
                _ignore(state, model), what="Llama weights")  # fmt: skip
    return model


def load_hf_mixtral(model: Mixtral, state: Mapping[str, Tensor]) -> Mixtral:
    """Copy a ``MixtralForCausalLM`` state dict into ``model`` (every name and shape checked)."""
    c = model.config
    load_mapped(model, state, mixtral_name_map(c.n_layer, c.n_expert),
                mixtral_transforms(c.n_layer, c.n_expert, c.hidden),
                _ignore(state, model), what="Mixtral weights")  # fmt: skip
    return model


def from_hf_llama(hf_model: Any) -> Llama:
    """Our Llama with the configuration and weights of a ``LlamaForCausalLM``."""
    return load_hf_llama(Llama(config_from_hf_llama(hf_model.config)), hf_model.state_dict())


def from_hf_mixtral(hf_model: Any) -> Mixtral:
    """Our Mixtral with the configuration and weights of a ``MixtralForCausalLM``."""
    model = Mixtral(config_from_hf_mixtral(hf_model.config))
    return load_hf_mixtral(model, hf_model.state_dict())
