"""No import circle among the app's modules (issue 12, item 3).

The graph is drawn from the source, not from what happens to be imported at run time: every
``import`` and ``from … import`` anywhere in a module of ``annet_desktop`` (at the top, inside
functions and methods, under ``if TYPE_CHECKING:``), absolute and relative, becomes an edge to the
module it names (``from .pkg import name`` points at ``pkg.name`` when that is a module, else at
``pkg``). Any strongly connected component with more than one module, or a module importing
itself, fails the test with the circle spelled out.

Run it alone: ``.venv/bin/python -m pytest tests/test_import_cycles.py -q``;
print the graph's circles without pytest: ``.venv/bin/python tests/test_import_cycles.py``.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "annet_desktop"


def module_files(root: Path = ROOT, package: str = PACKAGE) -> dict[str, Path]:
    """Every module of ``package`` by dotted name (packages by their own name)."""
    found: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute dotted name of a (possibly relative) import target."""
    if level == 0:
        return name or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([name] if name else [])])


def imports_of(module: str, path: Path, modules: Iterable[str]) -> set[str]:
    """The modules of the package that ``module`` (at ``path``) imports, anywhere in its code."""
    known = set(modules)
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node.level, node.module)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in known else base)
    return {t for t in targets if t in known and t != module} | ({module} & targets)


def import_graph(root: Path = ROOT, package: str = PACKAGE) -> dict[str, set[str]]:
    files = module_files(root, package)
    return {name: imports_of(name, path, files) for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components that are circles (Tarjan, iterative), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterable[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in graph.get(node, ()):
                        found.append(sorted(component))
    return sorted(found)


def test_the_app_has_no_import_circle() -> None:
    graph = import_graph()
    assert len(graph) > 50 and graph["annet_desktop.app"], "the graph was not drawn"
    circles = cycles(graph)
    assert circles == [], "import circles: " + "; ".join(" <-> ".join(c) for c in circles)


def test_function_level_and_relative_imports_are_edges(tmp_path: Path) -> None:
    """The checker itself: a circle closed by a relative import inside a function is found."""
    pkg = tmp_path / "pkg"
    (pkg / "ui").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "ui" / "__init__.py").write_text("")
    (pkg / "app.py").write_text("from .ui import login\n")
    (pkg / "ui" / "login.py").write_text("from . import settings\n")
    (pkg / "ui" / "settings.py").write_text("def check():\n    from ..app import x\n")
    (pkg / "lonely.py").write_text("import pkg.app\nfrom pkg.ui.login import y\n")
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.lonely"] == {"pkg.app", "pkg.ui.login"}
    assert cycles(graph) == [["pkg.app", "pkg.ui.login", "pkg.ui.settings"]]
    (pkg / "ui" / "settings.py").write_text("def check():\n    pass\n")
    assert cycles(import_graph(tmp_path, "pkg")) == []


@pytest.mark.parametrize(
    ("module", "is_package", "level", "name", "expected"),
    [
        ("a.b.c", False, 1, "d", "a.b.d"),
        ("a.b.c", False, 2, None, "a"),
        ("a.b", True, 1, "c", "a.b.c"),
        ("a.b", True, 2, "x", "a.x"),
        ("a.b.c", False, 0, "z.y", "z.y"),
    ],
)
def test_relative_names_resolve(
    module: str, is_package: bool, level: int, name: str | None, expected: str
) -> None:
    assert _resolve(module, is_package, level, name) == expected


if __name__ == "__main__":
    circles = cycles(import_graph())
    for circle in circles:
        print(" <-> ".join(circle))
    sys.exit(1 if circles else 0)
