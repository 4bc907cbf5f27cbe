"""Keep the catalogues in step with the code: ``python -m annet_desktop.tools.translations``.

Runs ``pyside6-lupdate`` over every Python file of ``annet_desktop`` into
``resources/translations/annet_en.ts`` (existing translations are kept, strings gone from the code
are dropped), and the counted strings (``%n``) alone into ``annet_ru.ts``: the source is Russian,
but Qt applies the three Russian plural forms only from a catalogue. Then it lists the strings
still without a translation. With ``--check`` it
only reports (exit 1 when something is missing) and changes nothing; ``--release`` also compiles
the ``.qm`` next to the ``.ts`` (what an editable install does; the wheel's build compiles its own).

lupdate reads a Python comment starting with ``#:`` as a note for the translator; in this code
``#:`` documents the attribute below it (Sphinx's convention), so those notes — about colours,
caches and tests, glued to whichever string comes next — are removed from the catalogues
(:func:`drop_translator_notes`).
"""

from __future__ import annotations

import argparse
import re
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


#: catalogue → what lupdate extracts into it (the Russian one holds only the plural forms)
PLURAL_ONLY = {"ru": True, "en": False}
LANGUAGE = {"ru": "ru_RU", "en": "en_US"}


def lupdate(target: Path, lang: str = "en") -> None:
    """Extract every ``tr()``/``translate()`` string of the package into ``target`` (merging);
    for Russian only the counted ones."""
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
                "-target-language",
                LANGUAGE[lang],
                *(["-pluralonly"] if PLURAL_ONLY[lang] else []),
                f"@{listing}",
                "-ts",
                str(target),
            ],
            check=True,
        )
    finally:
        Path(listing).unlink(missing_ok=True)
    drop_translator_notes(target)


#: an ``<extracomment>`` element on its own line, as lupdate writes it
_NOTE = re.compile(r"^[ \t]*<extracomment>.*?</extracomment>\n", re.M | re.S)


def drop_translator_notes(ts: Path) -> int:
    """Remove every ``<extracomment>`` from the catalogue ``ts`` (module docstring); how many."""
    text = ts.read_text(encoding="utf-8")
    cleaned, count = _NOTE.subn("", text)
    if count:
        ts.write_text(cleaned, encoding="utf-8")
    return count


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


def extracted(lang: str = "en") -> dict[tuple[str, str], str | None]:
    """Every string of the code as lupdate finds it now for ``lang``'s catalogue, with its translation."""
    ts = i18n.ts_path(lang)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        if ts.exists():
            shutil.copyfile(ts, fresh)
        lupdate(fresh, lang)
        return messages(fresh)


def missing(lang: str = "en") -> list[tuple[str, str]]:
    """Strings in the code that ``lang``'s catalogue does not translate (extracted into a temp copy)."""
    ts = i18n.ts_path(lang)
    found = extracted(lang)
    known = messages(ts) if ts.exists() else {}
    return sorted(key for key in found if not known.get(key))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report missing translations")
    parser.add_argument("--release", action="store_true", help="also compile the .qm next to the .ts")
    args = parser.parse_args(argv)
    gaps = []
    for lang in ("en", "ru"):
        ts = i18n.ts_path(lang)
        if not args.check:
            lupdate(ts, lang)
        for context, source in missing(lang):
            print(f"missing {lang} [{context}] {source}")
            gaps.append((lang, context, source))
    if args.release:
        resource_dir.compile_catalogues(ts.parent, ts.parent)
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
