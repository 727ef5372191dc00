"""Hugging Face GPT-2 weights in our GPT, by an explicit, shape-checked name map.

GPT-2 (``transformers.GPT2LMHeadModel``) has the same architecture as
``ladder.transformer.gpt.GPT``. Two things differ in the files: names carry a
``transformer.`` prefix, and GPT-2's linear layers are ``Conv1D`` modules storing the
weight as (in, out), the transpose of ``nn.Linear``'s (out, in). So four weights per block
are transposed on the way in. Nothing is downloaded here: pass a model (or its state dict)
that you built or loaded yourself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from torch import Tensor

from ladder.transformer.gpt import GPT, GPTConfig
from ladder.transformer.weights import load_mapped

__all__ = ["config_from_hf", "gpt2_name_map", "load_hf_gpt2", "from_hf_gpt2"]

# Conv1D weights, stored (in, out): transposed into nn.Linear's (out, in)
_CONV1D = ("attn.c_attn.weight", "attn.c_proj.weight", "mlp.c_fc.weight", "mlp.c_proj.weight")


def config_from_hf(hf_config: Any) -> GPTConfig:
    """Our ``GPTConfig`` for a ``transformers.GPT2Config`` (GELU, tanh or exact)."""
    act = getattr(hf_config, "activation_function", "gelu_new")
    approximate = {"gelu_new": "tanh", "gelu_pytorch_tanh": "tanh", "gelu": "none"}.get(act)
    if approximate is None:
        raise ValueError(
            f"our GPT's MLP uses a GELU, the checkpoint uses {act!r}; use a GPT-2 config "
            "with activation_function 'gelu_new' (GPT-2's tanh approximation) or 'gelu'."
        )
    n_inner = getattr(hf_config, "n_inner", None)
    if n_inner not in (None, 4 * hf_config.n_embd):
        raise ValueError(f"our MLP is 4·n_embd wide, the checkpoint has n_inner={n_inner}.")
    return GPTConfig(
        vocab_size=hf_config.vocab_size,
        block_size=hf_config.n_positions,
        n_layer=hf_config.n_layer,
        n_head=hf_config.n_head,
        n_embd=hf_config.n_embd,
        dropout=0.0,
        bias=True,
        layer_norm_eps=hf_config.layer_norm_epsilon,
        tie_weights=True,
        gelu_approximate=approximate,
    )


def gpt2_name_map(n_layer: int) -> dict[str, str]:
    """Our parameter name → the ``GPT2LMHeadModel`` state-dict name."""
    m = {
        "wte.weight": "transformer.wte.weight",
        "wpe.weight": "transformer.wpe.weight",
        "ln_f.weight": "transformer.ln_f.weight",
        "ln_f.bias": "transformer.ln_f.bias",
        "lm_head.weight": "lm_head.weight",  # tied to wte: checked by name, not copied twice
    }
    for i in range(n_layer):
        for part in ("ln_1", "ln_2", "attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"):
            for kind in ("weight", "bias"):
                m[f"h.{i}.{part}.{kind}"] = f"transformer.h.{i}.{part}.{kind}"
    return m


def load_hf_gpt2(model: GPT, state: Mapping[str, Tensor]) -> GPT:
    """Copy a ``GPT2LMHeadModel`` state dict into ``model`` (every name and shape checked)."""
    n_layer = model.config.n_layer
    transforms = {f"h.{i}.{w}": (lambda t: t.t()) for i in range(n_layer) for w in _CONV1D}
    # old checkpoints also store the causal mask as buffers; they are not weights
    ignore = [k for k in state if k.endswith((".attn.bias", ".attn.masked_bias"))]
    ignore.append("lm_head.weight")  # tied: some files omit it, some repeat wte
    load_mapped(model, state, gpt2_name_map(n_layer), transforms, ignore, what="GPT-2 weights")
    return model


def from_hf_gpt2(hf_model: Any) -> GPT:
    """Build our GPT with the same configuration as a ``GPT2LMHeadModel`` and its weights."""
    model = GPT(config_from_hf(hf_model.config))
    return load_hf_gpt2(model, hf_model.state_dict())
