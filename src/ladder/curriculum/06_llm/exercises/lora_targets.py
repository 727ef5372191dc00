"""Select the modules LoRA adapts, by name, the way PEFT does.

``names`` are a model's dotted module names (``"layers.0.self_attn.q_proj"``); ``targets``
are short names (``["q_proj", "v_proj"]``). A target selects a name that **equals** it or
**ends with "." + target** — so ``"q_proj"`` selects ``"layers.0.self_attn.q_proj"`` and
``"q_proj"`` but not ``"layers.0.xq_proj"`` or ``"layers.0.q_proj_gate"``.

Return the selected names in the order of ``names`` (each once). A target that selects
nothing is almost certainly a typo: raise ValueError naming it.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def match_targets(names: list[str], targets: list[str]) -> list[str]:
    # TODO: keep each name some target selects; check every target selects something.
    raise NotImplementedError
