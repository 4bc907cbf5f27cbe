"""The arrows point one way: no Qt in the pure layers; the server knows only the wire contract."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE = ["annet_desktop/api", "annet_desktop/domain", "annet_desktop/export"]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", PURE)
def test_pure_layers_import_no_qt(folder: str) -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _files(folder)
        for name in _imports(p)
        if name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("annet_desktop.ui")
    ]
    assert offenders == []


def test_server_imports_only_the_contract_of_the_desktop() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _files("annet_server")
        for name in _imports(p)
        if name.startswith("annet_desktop")
    ]
    assert offenders == []


def test_ui_never_imports_the_network_library() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in _files("annet_desktop/ui")
        for name in _imports(p)
        if name.split(".")[0] in {"requests", "urllib3", "http"}
    ]
    assert offenders == []
