"""The package's layout, as the README's Layout section describes it: stage folders whose imports
point down (in-function imports count), no import cycle, few modules at the top, small modules
and functions."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "summariser"

# Lowest first. A module may import from its own stage and the stages below it, never above.
# The package root (`summariser`: __version__, and the lazy `summarise` and `check`) is exempt.
LAYERS: list[set[str]] = [
    {"errors", "config", "redaction", "gc_pause", "lazy_pattern"},
    {"articles"},
    {"validation"},  # the checker needs no model: it sits below the LLM stack
    {"llm"},
    {"prompting"},
    {"pipeline"},
    {"output", "batch", "evaluation"},
    {"commands", "cli", "__main__"},
]
MAX_TOP_MODULES = 8
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 40


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(path: Path, name: str, known: dict[str, Path]) -> set[str]:
    """Every module of the package that `path` imports, at any depth of its code (in-function
    and TYPE_CHECKING imports too): `from a import b` imports a, and a.b when that is a module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, name, known) for name, path in known.items()}


def reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(edges[start])
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo += edges.get(node, set())
    return seen


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or through others."""
    reach = {node: reachable(edges, node) for node in edges}
    groups = {tuple(sorted(n for n in reach[node] if node in reach[n]))
              for node in edges if node in reach[node]}
    return sorted(list(g) for g in groups)


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer(module: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if stage(module) in names)


def test_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_every_stage_has_a_layer() -> None:
    unplaced = {stage(m) for m in modules() if m != "summariser"} - set().union(*LAYERS)
    assert not unplaced, f"add {sorted(unplaced)} to LAYERS (and to the README's Layout)"


def test_imports_point_down() -> None:
    upward = [f"{a} imports {b}" for a, targets in graph().items() if a != "summariser"
              for b in targets if b != "summariser" and layer(b) > layer(a)]
    assert upward == []


def test_a_package_never_imports_its_own_package_root() -> None:
    """A submodule importing its own package's __init__ (`from summariser.x import name`
    inside summariser/x/) makes a cycle with any __init__ that imports its submodules."""
    edges = graph()
    inward = [f"{m} imports {p}" for m, targets in edges.items() for p in targets
              if m.startswith(p + ".") and p != "summariser"]
    assert inward == []


def test_few_modules_at_the_top() -> None:
    top = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert len(top) <= MAX_TOP_MODULES, sorted(top)


def test_no_module_is_long() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_no_function_is_long() -> None:
    long = [f"{p.relative_to(PACKAGE)}:{node.lineno} {node.name}"
            for p in PACKAGE.rglob("*.py")
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and (node.end_lineno or node.lineno) - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


def test_the_checker_finds_a_cycle() -> None:
    """The cycle finder itself: a test that could not fail would prove nothing."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
