"""Keep the English catalogue in step with the code: ``python -m annet_desktop.tools.translations``.

Runs ``pyside6-lupdate`` over every Python file of ``annet_desktop`` into
``resources/translations/annet_en.ts`` (existing translations are kept, strings gone from the code
are dropped), then lists the strings still without an English translation. With ``--check`` it
only reports (exit 1 when something is missing) and changes nothing; ``--release`` also compiles
the ``.qm`` next to the ``.ts`` (what an editable install does; the wheel's build compiles its own).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from annet_desktop import i18n, resource_dir

PACKAGE = Path(__file__).resolve().parents[1]


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        raise SystemExit(f"{name} not found")
    return found


def lupdate(target: Path) -> None:
    """Extract every ``tr()``/``translate()`` string of the package into ``target`` (merging)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(p) for p in sources()))
        listing = lst.name
    try:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                f"@{listing}",
                "-ts",
                str(target),
            ],
            check=True,
        )
    finally:
        Path(listing).unlink(missing_ok=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """``(context, source) → translation`` (``None`` when missing or unfinished; plural forms joined
    by a newline, ``None`` when one of them is empty)."""
    out: dict[tuple[str, str], str | None] = {}
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            if tr is not None and message.get("numerus") == "yes":
                forms = [form.text or "" for form in tr.iter("numerusform")]
                text: str | None = "\n".join(forms) if forms and all(forms) else None
            else:
                text = tr.text if tr is not None else None
            unfinished = tr is not None and tr.get("type") in ("unfinished", "obsolete", "vanished")
            out[(name, source)] = None if (unfinished or not text) else text
    return out


def extracted(ts: Path | None = None) -> dict[tuple[str, str], str | None]:
    """Every string of the code as lupdate finds it now, with the catalogue's translation if any."""
    ts = ts or i18n.ts_path("en")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        if ts.exists():
            shutil.copyfile(ts, fresh)
        lupdate(fresh)
        return messages(fresh)


def missing(ts: Path | None = None) -> list[tuple[str, str]]:
    """Strings in the code that the catalogue does not translate (extracted into a temp copy)."""
    ts = ts or i18n.ts_path("en")
    found = extracted(ts)
    known = messages(ts) if ts.exists() else {}
    return sorted(key for key in found if not known.get(key))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report missing translations")
    parser.add_argument("--release", action="store_true", help="also compile the .qm next to the .ts")
    args = parser.parse_args(argv)
    ts = i18n.ts_path("en")
    if not args.check:
        lupdate(ts)
    gaps = missing(ts)
    for context, source in gaps:
        print(f"missing [{context}] {source}")
    if args.release:
        resource_dir.compile_catalogues(ts.parent, ts.parent)
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
