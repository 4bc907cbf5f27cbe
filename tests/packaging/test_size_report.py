"""``packaging/size_report.py`` (issue 16): every file in exactly one component, duplicates found by
content, the table written between its markers and nowhere else."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import size_report  # noqa: E402


def _file(root: Path, rel: str, data: bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_components_sizes_and_duplicates(tmp_path: Path) -> None:
    bundle = tmp_path / "annet-desktop"
    _file(bundle, "_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6", b"w" * 5000)
    _file(bundle, "_internal/PySide6/Qt/lib/libQt6Gui.so.6", b"g" * 3000)
    _file(bundle, "_internal/PySide6/Qt/resources/icudtl.dat", b"i" * 2000)
    _file(bundle, "_internal/annet_desktop/resources/icons/annet-256.png", b"p" * 1500)
    _file(bundle, "icons/annet-256.png", b"p" * 1500)  # the same content twice
    _file(bundle, "_internal/a.dist-info/INSTALLER", b"pip\n")
    _file(bundle, "_internal/b.dist-info/INSTALLER", b"pip\n")  # tiny: not reported
    (bundle / "_internal" / "libQt6Gui.so.6").symlink_to("PySide6/Qt/lib/libQt6Gui.so.6")
    components, duplicates = size_report.scan(bundle)
    sizes = {name: comp.size for name, comp in components.items()}
    assert sizes["Qt WebEngine: libQt6WebEngineCore (Chromium)"] == 5000
    assert sizes["Qt Gui, Widgets, Core"] == 3000  # the symlink is not counted again
    assert sizes["Qt WebEngine: ICU data (icudtl.dat)"] == 2000
    assert sum(sizes.values()) == 5000 + 3000 + 2000 + 1500 + 1500 + 4 + 4
    assert duplicates == [["_internal/annet_desktop/resources/icons/annet-256.png", "icons/annet-256.png"]]
    table = size_report.table(bundle, components, duplicates)
    assert "| **total** | 7 |" in table and "Same content under two names" in table


def test_the_table_goes_between_the_markers(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"head\n{size_report.START}\nold table\n{size_report.END}\ntail\n", encoding="utf-8")
    size_report.write_into(readme, "new table\n")
    assert readme.read_text(encoding="utf-8") == (
        f"head\n{size_report.START}\nnew table\n{size_report.END}\ntail\n"
    )
