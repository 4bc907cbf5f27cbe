"""The arrows point one way: no Qt in the pure layers; the server knows only the contract.

Every import is read, relative ones too: ``from ..ui import x`` in ``annet_desktop/api/client.py``
is resolved against the file's package to ``annet_desktop.ui.x`` before the rules look at it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: folders that must not import Qt (nor the app's widgets)
PURE = ["annet_contract", "annet_desktop/api", "annet_desktop/domain", "annet_desktop/export"]
QT = ("PySide6", "shiboken6")


def _package_of(path: Path) -> list[str]:
    """The dotted package a module file belongs to, as a list (``annet_desktop/api/x.py`` → api's)."""
    return list(path.relative_to(ROOT).with_suffix("").parts)[:-1]  # a/b/__init__.py and a/b/c.py: a.b


def imports_of(path: Path, source: str | None = None) -> list[str]:
    """Every module ``path`` imports, absolute names; ``from X import y`` gives both X and X.y."""
    text = path.read_text(encoding="utf-8") if source is None else source
    tree = ast.parse(text, filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = _package_of(path)
                if node.level - 1 >= len(package):
                    raise AssertionError(f"{path}: relative import beyond the top-level package")
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            else:
                module = node.module or ""
            names.append(module)
            names += [f"{module}.{a.name}" for a in node.names if a.name != "*"]
    return names


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _is_qt_or_ui(name: str) -> bool:
    return name.split(".")[0] in QT or name == "annet_desktop.ui" or name.startswith("annet_desktop.ui.")


@pytest.mark.parametrize("folder", PURE)
def test_pure_layers_import_no_qt(folder: str) -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _files(folder)
        for name in imports_of(p)
        if _is_qt_or_ui(name)
    ]
    assert offenders == []


def test_server_imports_nothing_of_the_desktop() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _files("annet_server")
        for name in imports_of(p)
        if name.split(".")[0] == "annet_desktop"
    ]
    assert offenders == []


def test_contract_imports_neither_app_nor_server() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _files("annet_contract")
        for name in imports_of(p)
        if name.split(".")[0] in {"annet_desktop", "annet_server"}
    ]
    assert offenders == []


def test_ui_never_imports_the_network_library() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _files("annet_desktop/ui")
        for name in imports_of(p)
        if name.split(".")[0] in {"requests", "urllib3", "http"}
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("file", "line", "resolved"),
    [
        ("annet_desktop/api/client.py", "from ..ui import x", "annet_desktop.ui.x"),
        ("annet_desktop/api/client.py", "from ..ui.widgets import named", "annet_desktop.ui.widgets.named"),
        ("annet_desktop/api/__init__.py", "from ..ui import x", "annet_desktop.ui.x"),
        ("annet_desktop/domain/rules.py", "from . import x", "annet_desktop.domain.x"),
        ("annet_server/routes/me.py", "from ...annet_desktop import y", None),
    ],
)
def test_relative_imports_are_resolved(file: str, line: str, resolved: str | None) -> None:
    """The rules see relative imports (issue 11: every internal import is relative)."""
    path = ROOT / file
    if resolved is None:
        with pytest.raises(AssertionError):
            imports_of(path, line)
        return
    assert resolved in imports_of(path, line)
    if resolved.startswith("annet_desktop.ui"):
        assert _is_qt_or_ui(resolved)
