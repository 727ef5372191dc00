"""Imports run one way: shells → study → curriculum and labs → libraries (in roadmap
order) → data.

Read from the source (AST), function-level imports included, so a lazy import cannot
hide a wrong direction. A module may import from its own package or from a lower layer;
``ladder.cli`` may start the web server; nothing imports a shell. Cycles are allowed only
inside ``ladder.autograd`` (its tensor and functional modules define each other's ops).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# The stage libraries follow the roadmap: a later stage builds on the earlier ones.
LAYERS = {
    "ladder": 0,
    "ladder.data": 0,
    "ladder.ml": 1,
    "ladder.autograd": 2,
    "ladder.nn": 3,
    "ladder.nlp": 4,
    "ladder.transformer": 5,
    "ladder.llm": 6,
    "ladder.ethics": 7,
    "ladder.labs.context": 8,  # what a lab reports through: the runner (study) uses it
    "ladder.curriculum": 8,
    "ladder.study": 9,
    "ladder.projects": 10,
    "ladder.labs": 10.5,  # the labs run every library, stage 8's tools included
    "ladder.web": 11,
    "ladder.cli": 12,
    "ladder.__main__": 13,
}


def _package(module: str) -> str:
    """The layer a module belongs to: its own entry in LAYERS, else its package's."""
    if module in LAYERS:
        return module
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else parts[0]


def _modules() -> dict[str, Path]:
    out = {}
    for path in (SRC / "ladder").rglob("*.py"):
        rel = path.relative_to(SRC).with_suffix("")
        parts = list(rel.parts)
        if any(p[:1].isdigit() for p in parts):  # course data (checks, stubs, mutants)
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path, module: str, known: set[str]) -> set[str]:
    """Modules ``path`` imports. ``from pkg import sub`` counts as importing ``pkg.sub``
    alone when ``sub`` is a module (the package is only its container)."""
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level or None]
                if path.name == "__init__.py":
                    base = module.split(".")[: len(module.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            subs = {f"{name}.{a.name}" for a in node.names}
            modules = subs & known
            found |= modules
            if modules != subs:
                found.add(name)
    return {f for f in found if f == "ladder" or f.startswith("ladder.")}


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    graph = {}
    for name, path in mods.items():
        targets = set()
        for imp in _imports(path, name, set(mods)):
            while imp and imp not in mods:  # "ladder.x.y.Name" -> "ladder.x.y"
                imp = imp.rpartition(".")[0]
            if imp and imp != name:
                targets.add(imp)
        graph[name] = targets
    return graph


def test_every_package_has_a_layer():
    missing = {_package(m) for m in _graph()} - set(LAYERS)
    assert not missing, f"give these packages a layer in tests/test_layers.py: {missing}"


def test_imports_point_down():
    wrong = []
    for module, targets in _graph().items():
        here = _package(module)
        for target in targets:
            there = _package(target)
            if there == here or there == "ladder":
                continue
            if here == "ladder.cli" and target == "ladder.web.server":
                continue  # `ladder serve` starts the web app
            if LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "imports that point up or sideways:\n" + "\n".join(sorted(wrong))


def test_no_cycles_outside_autograd():
    graph = {
        m: {t for t in ts if not t.startswith("ladder.autograd")}
        for m, ts in _graph().items()
        if not m.startswith("ladder.autograd")
    }
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" → ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)
