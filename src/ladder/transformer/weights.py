"""Loading weights by an explicit name map, checking every name and every shape.

A pretrained checkpoint is a dictionary ``name -> tensor`` written by someone else's code.
To load it into ours, say for each of our parameters which of theirs it is (and how to
reshape it, e.g. a transpose), then check before copying anything:

- *missing*: one of our parameters has no source (or its source is not in the file);
- *extra*: a tensor in the file that nothing maps to (a sign the map is wrong);
- *mis-shaped*: a mapped tensor whose shape is not our parameter's shape.

Any of these raises ``WeightMismatchError`` listing the offending names, so a wrong
checkpoint fails loudly instead of loading half-random weights — unlike
``nn.Module.load_state_dict(strict=False)``, which only returns the lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import torch
from torch import Tensor, nn

__all__ = ["WeightMismatchError", "load_mapped", "load_state_checked"]

Transform = Callable[[Tensor], Tensor]


class WeightMismatchError(ValueError):
    """Raised when source weights do not fit a model; lists the names that disagree."""

    def __init__(
        self,
        missing: list[str],
        extra: list[str],
        mis_shaped: list[tuple[str, tuple[int, ...], tuple[int, ...]]],
        what: str = "weights",
    ):
        self.missing, self.extra, self.mis_shaped = missing, extra, mis_shaped
        lines = [f"the {what} do not fit the model:"]
        if missing:
            lines.append(f"  missing ({len(missing)}): {', '.join(missing[:20])}")
        if extra:
            lines.append(f"  extra ({len(extra)}): {', '.join(extra[:20])}")
        for name, ours, theirs in mis_shaped[:20]:
            lines.append(f"  mis-shaped: {name} is {list(ours)} in the model, {list(theirs)} given")
        lines.append(
            "Build the model with the configuration the weights were saved with "
            "(or fix the name map)."
        )
        super().__init__("\n".join(lines))


def load_mapped(
    model: nn.Module,
    source: Mapping[str, Tensor],
    name_map: Mapping[str, str],
    transforms: Mapping[str, Transform] | None = None,
    ignore_source: Iterable[str] = (),
    what: str = "weights",
) -> None:
    """Copy ``source[name_map[ours]]`` (after ``transforms[ours]``) into each of our tensors.

    ``name_map`` must name every entry of ``model.state_dict()`` except tied aliases (a
    parameter object already reached under another name). Source names in
    ``ignore_source`` (e.g. fixed buffers such as BERT's ``position_ids``) may go unused.
    Raises ``WeightMismatchError`` before copying anything if a name or shape disagrees.
    """
    transforms = transforms or {}
    ours = model.state_dict(keep_vars=True)
    seen: set[int] = set()
    missing, mis_shaped, plan = [], [], []
    for name, tensor in ours.items():
        if id(tensor) in seen:  # a tied alias (e.g. lm_head.weight is wte.weight)
            continue
        seen.add(id(tensor))
        src_name = name_map.get(name)
        if src_name is None or src_name not in source:
            missing.append(name if src_name is None else f"{name} (← {src_name})")
            continue
        value = source[src_name]
        if name in transforms:
            value = transforms[name](value)
        if tuple(value.shape) != tuple(tensor.shape):
            mis_shaped.append((name, tuple(tensor.shape), tuple(value.shape)))
            continue
        plan.append((tensor, value))
    used = {name_map[n] for n in ours if n in name_map}
    ignored = set(ignore_source)
    extra = [s for s in source if s not in used and s not in ignored]
    if missing or extra or mis_shaped:
        raise WeightMismatchError(missing, extra, mis_shaped, what)
    with torch.no_grad():
        for tensor, value in plan:
            tensor.copy_(value.to(dtype=tensor.dtype, device=tensor.device))


def load_state_checked(model: nn.Module, state: Mapping[str, Tensor], what: str = "weights"):
    """Load a state dict saved from the same model class: identity map, every shape checked."""
    names = model.state_dict().keys()
    load_mapped(model, state, {n: n for n in names}, what=what)
