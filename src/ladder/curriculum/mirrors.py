"""Stub code that copies the library stays equal to it.

A stub often gives the learner the parts of a class they are not asked to write (its
``__init__``, a helper). Such a copy is marked with a comment naming its source on the
line above the ``def`` (annotations may be simpler; the code may not differ)::

    # mirrors ladder.transformer.block:_EncoderLayer.__init__
    def __init__(self, d_model, n_head, ...):

:func:`mirror_problems` compares each marked definition with the library's, as syntax
trees without docstrings (so layout and comments may differ, code may not), and the
signature of the function (or class constructor) the learner writes with the
reference's. ``ladder dev check`` reports every drift.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import textwrap
from pathlib import Path

from ladder.curriculum.schema import Exercise

__all__ = ["mirror_problems", "MARKER"]

MARKER = re.compile(r"^\s*#\s*mirrors\s+([\w.]+):([\w.]+)\s*$")


def _resolve(module: str, qualname: str):
    obj = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def _strip(node: ast.AST) -> str:
    """The tree without docstrings and annotations (a stub may simplify its types)."""
    node = ast.parse(ast.unparse(node)).body[0]  # a fresh copy
    for sub in ast.walk(node):
        if isinstance(sub, ast.arg):
            sub.annotation = None
        if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)):
            sub.returns = None
        body = getattr(sub, "body", None)
        if (
            isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            sub.body = body[1:] or [ast.Pass()]
    return ast.dump(node, include_attributes=False)


def _definition(source: str) -> ast.AST:
    tree = ast.parse(textwrap.dedent(source))
    return tree.body[0]


def _parameters(node: ast.AST) -> list[tuple[str, str | None]]:
    """(name, default) of each parameter, in order (annotations may be simpler in a stub)."""
    a = node.args
    positional = [*a.posonlyargs, *a.args]
    defaults = [None] * (len(positional) - len(a.defaults)) + [ast.unparse(d) for d in a.defaults]
    out = [(p.arg, d) for p, d in zip(positional, defaults, strict=True)]
    if a.vararg:
        out.append(("*" + a.vararg.arg, None))
    out += [
        (p.arg, None if d is None else ast.unparse(d))
        for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True)
    ]
    if a.kwarg:
        out.append(("**" + a.kwarg.arg, None))
    return out


def _same_interface(stub: ast.AST, ref: ast.AST) -> bool:
    """The stub's parameters are the reference's first ones, with the same defaults; the
    reference may add optional ones the exercise leaves out."""
    mine, theirs = _parameters(stub), _parameters(ref)
    if mine != theirs[: len(mine)]:
        return False
    return all(d is not None or n.startswith("*") for n, d in theirs[len(mine) :])


def mirror_problems(ex: Exercise) -> list[tuple[Path, int | None, str]]:
    """(file, line, reason) for every marked copy that drifted from its source, and for
    a signature that differs from the reference's."""
    path = ex.stub_path
    try:
        text = path.read_text("utf-8")
        tree = ast.parse(text)
    except (OSError, SyntaxError):
        return []  # the loader reports unreadable stubs
    out: list[tuple[Path, int | None, str]] = []
    defs = {
        n.lineno: n
        for n in ast.walk(tree)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }
    firsts = {}
    for n in defs.values():  # a decorated definition starts at its first decorator
        start = min([n.lineno] + [d.lineno for d in n.decorator_list])
        firsts[start] = n
    lines = text.splitlines()
    for i, line in enumerate(lines, 1):
        m = MARKER.match(line)
        if not m:
            continue
        node = firsts.get(i + 1)
        if node is None:
            out.append((path, i, "a `# mirrors` line must sit right above a def or class"))
            continue
        try:
            source = inspect.getsource(_resolve(m.group(1), m.group(2)))
        except (ImportError, AttributeError, OSError, TypeError) as exc:
            out.append((path, i, f"the mirrored {m.group(1)}:{m.group(2)} cannot be read ({exc})"))
            continue
        if _strip(node) != _strip(_definition(source)):
            out.append(
                (
                    path,
                    i,
                    f"{node.name} no longer equals {m.group(1)}:{m.group(2)}; "
                    "copy the library's code again (or change both)",
                )
            )
    # The learner writes the reference's interface: same parameters, same defaults.
    module, _, attr = ex.solution.partition(":")
    try:
        reference = _resolve(module, attr)
        ref_node = _definition(inspect.getsource(reference))
    except (ImportError, AttributeError, OSError, TypeError, SyntaxError):
        return out
    stub_node = next(
        (n for n in tree.body if getattr(n, "name", None) == ex.entry),
        None,
    )
    if stub_node is None:
        return out
    if isinstance(stub_node, ast.ClassDef) and isinstance(ref_node, ast.ClassDef):
        pairs = []
        ref_methods = {
            n.name: n
            for n in ref_node.body
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        for n in stub_node.body:
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name in ref_methods:
                pairs.append((n, ref_methods[n.name]))
    elif isinstance(stub_node, (ast.FunctionDef, ast.AsyncFunctionDef)) and isinstance(
        ref_node, (ast.FunctionDef, ast.AsyncFunctionDef)
    ):
        pairs = [(stub_node, ref_node)]
    else:
        pairs = []
    for stub_def, ref_def in pairs:
        if not _same_interface(stub_def, ref_def):
            out.append(
                (
                    path,
                    stub_def.lineno,
                    f"the signature of {stub_def.name} differs from the reference "
                    f"{ex.solution}'s: its parameters must be the reference's first ones, "
                    "with the same defaults",
                )
            )
    return out
