"""LoRA: low-rank adaptation of a frozen linear layer (Hu et al., 2021, arXiv:2106.09685).

A pretrained ``W`` (out × in) stays frozen; the update is a product of two thin matrices,

    h = W x + b + (α / r) · B A x,      A: r × in,  B: out × r,  r ≪ min(in, out)

A starts random (Kaiming-uniform, as PEFT), B at zero, so training starts from the
pretrained function exactly. Only A and B (r · (in + out) numbers per layer) learn.
After training the update folds into the weight, ``W ← W + (α / r) B A`` ("merge"), so
inference costs nothing extra; ``unmerge`` subtracts it again.

:func:`apply_lora` swaps the named ``nn.Linear`` layers of any model for
:class:`LoRALinear` and freezes everything else, like PEFT's
``get_peft_model(model, LoraConfig(r, lora_alpha, target_modules, modules_to_save))``: a
target matches a module whose dotted name equals it or ends with ``"." + target``.
:func:`save_adapter` / :func:`load_adapter` write and read PEFT's adapter folder
(``adapter_config.json`` + ``adapter_model.safetensors``, tensors named
``base_model.model.<module>.lora_A.weight``), so PEFT loads our adapters and we load its.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from ladder.transformer.weights import WeightMismatchError

__all__ = [
    "LoRALinear",
    "lora_linear",
    "merge_weight",
    "match_targets",
    "apply_lora",
    "lora_layers",
    "merge_lora",
    "unmerge_lora",
    "merge_and_unload",
    "count_parameters",
    "adapter_state_dict",
    "save_adapter",
    "load_adapter",
    "load_adapter_weights",
    "ADAPTER_CONFIG",
    "ADAPTER_WEIGHTS",
]

ADAPTER_CONFIG = "adapter_config.json"
ADAPTER_WEIGHTS = "adapter_model.safetensors"
PREFIX = "base_model.model."  # PEFT's prefix of every tensor name in an adapter file


def _check_rank(r: int, alpha: float) -> None:
    if not isinstance(r, int) or isinstance(r, bool) or r <= 0:
        raise ValueError(f"the LoRA rank r must be a positive integer, got {r!r}; try r=8.")
    if alpha <= 0:
        raise ValueError(f"lora_alpha must be positive, got {alpha!r}; PEFT's default is 8.")


def lora_linear(
    x: Tensor, weight: Tensor, bias: Tensor | None, lora_A: Tensor, lora_B: Tensor, scaling: float
) -> Tensor:
    """y = x Wᵀ + b + scaling · (x Aᵀ) Bᵀ, computed without forming B A.

    x (…, in), weight (out, in), lora_A (r, in), lora_B (out, r) → (…, out).
    """
    y = x @ weight.T + (bias if bias is not None else 0)
    return y + (x @ lora_A.T @ lora_B.T) * scaling


def merge_weight(weight: Tensor, lora_A: Tensor, lora_B: Tensor, scaling: float) -> Tensor:
    """The merged weight W + scaling · B A, shape (out, in) — a new tensor."""
    return weight + scaling * (lora_B @ lora_A)


class LoRALinear(nn.Module):
    """``base(x) + (alpha / r) · lora_B(lora_A(dropout(x)))`` with ``base`` frozen.

    ``lora_A`` (r, in_features) and ``lora_B`` (out_features, r) are the only parameters
    that learn. ``merge()`` adds ``scaling · B A`` into ``base.weight`` (then the forward is
    the plain linear layer); ``unmerge()`` takes it out again.

    >>> layer = LoRALinear(nn.Linear(16, 8), r=2, alpha=4)
    >>> sum(p.numel() for p in layer.parameters() if p.requires_grad)  # 2·16 + 8·2
    48
    """

    def __init__(self, base: nn.Linear, r: int = 8, alpha: float = 8, dropout: float = 0.0):
        super().__init__()
        if not isinstance(base, nn.Linear):
            raise TypeError(f"LoRALinear wraps an nn.Linear, got {type(base).__name__}.")
        _check_rank(r, alpha)
        if r > min(base.in_features, base.out_features):
            raise ValueError(
                f"the LoRA rank r={r} exceeds the layer's smaller side "
                f"({base.in_features} → {base.out_features}); choose r ≤ "
                f"{min(base.in_features, base.out_features)}."
            )
        self.base = base
        for p in base.parameters():
            p.requires_grad_(False)
        self.r, self.alpha = r, alpha
        self.scaling = alpha / r
        w = base.weight
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, dtype=w.dtype, device=w.device))
        self.lora_B = nn.Parameter(
            torch.zeros(base.out_features, r, dtype=w.dtype, device=w.device)
        )
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))  # PEFT's (and nn.Linear's) init
        self.dropout = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
        self.merged = False

    @property
    def in_features(self) -> int:
        return self.base.in_features

    @property
    def out_features(self) -> int:
        return self.base.out_features

    def delta_weight(self) -> Tensor:
        """The update the adapter makes to the weight: (alpha / r) · B A, shape (out, in)."""
        return merge_weight(
            torch.zeros_like(self.base.weight), self.lora_A, self.lora_B, self.scaling
        )

    def forward(self, x: Tensor) -> Tensor:
        y = self.base(x)
        if self.merged:
            return y
        # x Aᵀ Bᵀ: two thin products, never the full out × in update (F.linear flattens the
        # leading dimensions into one matrix product, faster than a batched @)
        return y + F.linear(F.linear(self.dropout(x), self.lora_A), self.lora_B) * self.scaling

    @torch.no_grad()
    def merge(self) -> None:
        """Fold the update into the frozen weight: W ← W + (alpha / r) B A."""
        if not self.merged:
            self.base.weight += self.delta_weight().to(self.base.weight.dtype)
            self.merged = True

    @torch.no_grad()
    def unmerge(self) -> None:
        """Undo :meth:`merge`: W ← W − (alpha / r) B A."""
        if self.merged:
            self.base.weight -= self.delta_weight().to(self.base.weight.dtype)
            self.merged = False

    def extra_repr(self) -> str:
        return f"r={self.r}, alpha={self.alpha}, merged={self.merged}"


def _matches(name: str, target: str) -> bool:
    return name == target or name.endswith("." + target)


def match_targets(names: Sequence[str], targets: Sequence[str]) -> list[str]:
    """The module names a LoRA target list selects, in the order of ``names``.

    A target selects a name equal to it or ending with ``"." + target`` (PEFT's rule for a
    list of strings): ``"q_proj"`` selects ``"layers.0.self_attn.q_proj"`` but neither
    ``"layers.0.xq_proj"`` nor ``"q_proj.base"``. A target that selects nothing is an error.

    >>> match_targets(["a.q_proj", "a.k_proj", "b.q_proj"], ["q_proj"])
    ['a.q_proj', 'b.q_proj']
    """
    for target in targets:
        if not any(_matches(n, target) for n in names):
            raise ValueError(f"target module {target!r} matches no module name.")
    return [n for n in names if any(_matches(n, t) for t in targets)]


def _set_submodule(model: nn.Module, name: str, new: nn.Module) -> None:
    parent_name, _, child = name.rpartition(".")
    parent = model.get_submodule(parent_name) if parent_name else model
    setattr(parent, child, new)


def apply_lora(
    model: nn.Module,
    target_modules: Sequence[str],
    r: int = 8,
    alpha: float = 8,
    dropout: float = 0.0,
    modules_to_save: Sequence[str] = (),
) -> nn.Module:
    """Replace the targeted ``nn.Linear`` layers by :class:`LoRALinear`; freeze the rest.

    ``target_modules``: names such as ``["q_proj", "v_proj"]``; each must match at least one
    ``nn.Linear`` (its full dotted name, or the name's last parts). ``modules_to_save``:
    modules trained in full beside the adapters (a new classification head). Changes
    ``model`` in place and returns it. Errors name what was asked and what exists.
    """
    _check_rank(r, alpha)
    if isinstance(target_modules, str) or not target_modules:
        raise ValueError(
            f"target_modules must be a non-empty list of module names, got {target_modules!r}; "
            "for example ['q_proj', 'v_proj']."
        )
    linears = [n for n, m in model.named_modules() if isinstance(m, nn.Linear)]
    every = [n for n, _ in model.named_modules() if n]
    chosen: list[str] = []
    for target in target_modules:
        hits = [n for n in every if _matches(n, target)]
        if not hits:
            sample = ", ".join(linears[:6]) + (" …" if len(linears) > 6 else "")
            raise ValueError(
                f"target module {target!r} matches no module of the model; its Linear "
                f"layers are named like: {sample}."
            )
        not_linear = [n for n in hits if n not in linears]
        if not_linear:
            kind = type(model.get_submodule(not_linear[0])).__name__
            raise TypeError(
                f"target module {target!r} matches {not_linear[0]!r}, a {kind}; LoRA here "
                "adapts nn.Linear layers only, so name a Linear layer."
            )
        chosen.extend(h for h in hits if h not in chosen)
    for p in model.parameters():
        p.requires_grad_(False)
    for name in chosen:
        _set_submodule(model, name, LoRALinear(model.get_submodule(name), r, alpha, dropout))
    for target in modules_to_save:
        hits = [n for n in every if _matches(n, target)]
        if not hits:
            raise ValueError(f"modules_to_save entry {target!r} matches no module of the model.")
        for n in hits:
            for p in model.get_submodule(n).parameters():
                p.requires_grad_(True)
    model.lora_config = {  # type: ignore[assignment]
        "r": r,
        "lora_alpha": alpha,
        "lora_dropout": dropout,
        "target_modules": sorted(set(target_modules)),
        "modules_to_save": list(modules_to_save),
    }
    return model


def lora_layers(model: nn.Module) -> dict[str, LoRALinear]:
    """Every :class:`LoRALinear` in ``model``, by dotted name."""
    return {n: m for n, m in model.named_modules() if isinstance(m, LoRALinear)}


def merge_lora(model: nn.Module) -> nn.Module:
    """Merge every adapter into its base weight (in place)."""
    for layer in lora_layers(model).values():
        layer.merge()
    return model


def unmerge_lora(model: nn.Module) -> nn.Module:
    """Undo :func:`merge_lora` (in place)."""
    for layer in lora_layers(model).values():
        layer.unmerge()
    return model


def merge_and_unload(model: nn.Module) -> nn.Module:
    """Merge, then put the plain ``nn.Linear`` back in place of each :class:`LoRALinear`.

    Equals PEFT's ``PeftModel.merge_and_unload()``: the result has the original module
    names and no adapter parameters.
    """
    for name, layer in lora_layers(model).items():
        layer.merge()
        _set_submodule(model, name, layer.base)
    return model


def count_parameters(model: nn.Module) -> tuple[int, int]:
    """(trainable, total) parameter counts, each shared tensor counted once."""
    seen: dict[int, nn.Parameter] = {id(p): p for p in model.parameters()}
    total = sum(p.numel() for p in seen.values())
    trainable = sum(p.numel() for p in seen.values() if p.requires_grad)
    return trainable, total


def adapter_state_dict(model: nn.Module) -> dict[str, Tensor]:
    """The adapter's tensors under PEFT's file names (``base_model.model.<name>.lora_A.weight``),
    plus the full weights of ``modules_to_save``."""
    out: dict[str, Tensor] = {}
    for name, layer in lora_layers(model).items():
        out[f"{PREFIX}{name}.lora_A.weight"] = layer.lora_A.detach().clone()
        out[f"{PREFIX}{name}.lora_B.weight"] = layer.lora_B.detach().clone()
    for target in getattr(model, "lora_config", {}).get("modules_to_save", []):
        for n, m in model.named_modules():
            if n and _matches(n, target):
                for pn, p in m.named_parameters():
                    out[f"{PREFIX}{n}.{pn}"] = p.detach().clone()
    return out


def save_adapter(model: nn.Module, folder: str | Path) -> Path:
    """Write the adapter as PEFT does: ``adapter_config.json`` and ``adapter_model.safetensors``.

    ``peft.PeftModel.from_pretrained(base_model, folder)`` loads it.
    """
    from safetensors.torch import save_file

    config = getattr(model, "lora_config", None)
    if config is None or not lora_layers(model):
        raise ValueError("the model has no LoRA adapters; call apply_lora(model, ...) first.")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    peft_config = {
        "peft_type": "LORA",
        "task_type": None,
        "r": config["r"],
        "lora_alpha": config["lora_alpha"],
        "lora_dropout": config["lora_dropout"],
        "target_modules": config["target_modules"],
        "modules_to_save": config["modules_to_save"] or None,
        "bias": "none",
        "fan_in_fan_out": False,
        "init_lora_weights": True,
        "inference_mode": True,
        "base_model_name_or_path": None,
    }
    (folder / ADAPTER_CONFIG).write_text(json.dumps(peft_config, indent=2) + "\n")
    state = {k: v.contiguous() for k, v in adapter_state_dict(model).items()}
    save_file(state, str(folder / ADAPTER_WEIGHTS), metadata={"format": "pt"})
    return folder


def _read_adapter_config(folder: Path) -> dict:
    path = folder / ADAPTER_CONFIG
    if not path.is_file():
        raise FileNotFoundError(
            f"no {ADAPTER_CONFIG} in {folder}; pass the folder written by save_adapter "
            "or PEFT's save_pretrained."
        )
    cfg = json.loads(path.read_text())
    if cfg.get("peft_type") != "LORA":
        raise ValueError(f"{path} describes a {cfg.get('peft_type')!r} adapter, not LORA.")
    unsupported = {k: cfg[k] for k in ("use_dora", "use_rslora", "fan_in_fan_out") if cfg.get(k)}
    if cfg.get("bias", "none") != "none":
        unsupported["bias"] = cfg["bias"]
    if cfg.get("rank_pattern") or cfg.get("alpha_pattern"):
        unsupported["rank_pattern/alpha_pattern"] = True
    if unsupported:
        raise ValueError(f"{path} uses LoRA options this module does not implement: {unsupported}.")
    targets = cfg["target_modules"]
    if isinstance(targets, str):
        raise ValueError(
            f"{path}: a regular-expression target_modules ({targets!r}) is not supported."
        )
    return cfg


def load_adapter(model: nn.Module, folder: str | Path) -> nn.Module:
    """Add the adapter saved in ``folder`` (by us or by PEFT) to ``model`` and load its weights.

    Every tensor name and shape is checked before anything is copied: a mismatch raises
    ``WeightMismatchError`` listing the missing, extra and mis-shaped adapter tensors.
    """
    from safetensors.torch import load_file

    folder = Path(folder)
    cfg = _read_adapter_config(folder)
    apply_lora(
        model,
        cfg["target_modules"],
        cfg["r"],
        cfg["lora_alpha"],
        cfg.get("lora_dropout", 0.0),
        cfg.get("modules_to_save") or (),
    )
    weights = folder / ADAPTER_WEIGHTS
    if not weights.is_file():
        raise FileNotFoundError(f"no {ADAPTER_WEIGHTS} in {folder}.")
    load_adapter_weights(model, load_file(str(weights)))
    return model


def load_adapter_weights(model: nn.Module, state: dict[str, Tensor]) -> None:
    """Copy adapter tensors (PEFT file names) into the model's adapters; all names and shapes
    are checked first."""
    expected = adapter_state_dict(model)
    missing = [k for k in expected if k not in state]
    extra = [k for k in state if k not in expected]
    mis_shaped = [
        (k, tuple(expected[k].shape), tuple(state[k].shape))
        for k in expected
        if k in state and state[k].shape != expected[k].shape
    ]
    if missing or extra or mis_shaped:
        raise WeightMismatchError(missing, extra, mis_shaped, what="adapter weights")
    targets = _targets(model)
    with torch.no_grad():
        for key, value in state.items():
            targets[key].copy_(value)


def _targets(model: nn.Module) -> dict[str, Tensor]:
    out: dict[str, Tensor] = {}
    for name, layer in lora_layers(model).items():
        out[f"{PREFIX}{name}.lora_A.weight"] = layer.lora_A
        out[f"{PREFIX}{name}.lora_B.weight"] = layer.lora_B
    for target in getattr(model, "lora_config", {}).get("modules_to_save", []):
        for n, m in model.named_modules():
            if n and _matches(n, target):
                for pn, p in m.named_parameters():
                    out[f"{PREFIX}{n}.{pn}"] = p
    return out
