"""Qt Core's ICU data trimmed to what a Russian/English app uses: a smaller ``libicudata.so.<N>`` (issue 16).

    python packaging/trim_icu.py LIBICUDATA OUT_DIR      # prints the path of the trimmed library

PySide6's Qt Core links ICU (``libicuuc``, ``libicui18n``, ``libicudata``); the data library is
32 MB: every locale's names of languages, regions, currencies, units and time zones, the
collations of every language, word-break dictionaries for Chinese/Japanese, Thai, Lao, Khmer and
Burmese, and ~190 legacy code pages. Qt Core asks ICU for collation (``QCollator``), named legacy
encodings (``QStringDecoder("windows-1251")``), case mapping (in ``libicuuc``'s own code) and
time-zone display names; Chromium does not use this copy at all (it has its own ICU in
``icudtl.dat``). The app is Russian and English, and uses none of those Qt classes today.

What stays: every item that is not per-locale (normalisation, properties, break rules, the
collation root table, time-zone and plural rules, the converter alias table, …), the per-locale
items of ``root``, ``en*`` and ``ru*`` in every tree (other locales fall back to ``root``, as ICU
does for a locale it has no data for), and the single-byte Cyrillic and Western code pages.
What goes: the other locales, the word-break dictionaries (text in those scripts still breaks,
by the rules, without a dictionary), the other code pages.

The library is rebuilt with the same soname and its one symbol ``icudt<N>_dat``: the data blob is
cut out of the ELF file (the symbol's address and size from ``nm``, its file offset from the
section table), trimmed with ICU's own ``icupkg`` and linked back with ``gcc`` (``.incbin``).
Needs binutils, gcc and ``icupkg`` (Debian/Ubuntu: ``icu-devtools``) on the build machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

#: languages whose per-locale items stay (root: the fallback of every locale)
LANGUAGES = ("root", "en", "ru")
#: per-locale items: ``<lang>[_<script/region/variant>…].res`` (``de__PHONEBOOK.res`` included)
_LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(?:_[A-Za-z0-9]*)*\.res$")
#: not locales though named like one
_NOT_LOCALES = {"res_index.res"}
#: legacy code pages kept (windows-1251, KOI8-R, KOI8-U, IBM866, ISO-8859-5, mac-cyrillic,
#: windows-1252, ISO-8859-15); UTF-*, ASCII and ISO-8859-1 are ICU code, not data
CONVERTERS_KEPT = {
    "ibm-5347_P100-1998.cnv", "ibm-878_P100-1996.cnv", "ibm-1168_P100-2002.cnv",
    "ibm-866_P100-1995.cnv", "ibm-915_P100-1995.cnv", "macos-7_3-10.2.cnv",
    "ibm-5348_P100-1997.cnv", "ibm-923_P100-1998.cnv",
}  # fmt: skip
_DICTIONARY_DEPENDENCY = re.compile(r"depends on missing item brkitr/\w+\.dict$")
TOOLS = ("nm", "readelf", "gcc", "icupkg")


def keep_item(name: str) -> bool:
    """True for an item of the ICU package that stays (``name`` without the ``icudt73l/`` prefix)."""
    base = name.rpartition("/")[2]
    if base.endswith(".dict"):
        return False
    if base.endswith(".cnv"):
        return base in CONVERTERS_KEPT
    match = _LOCALE_ITEM.match(base)
    if match is None or base in _NOT_LOCALES:
        return True
    return match.group(1) in LANGUAGES or base == "root.res"


def run(*argv: str) -> str:
    """stdout of a command that must succeed."""
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def data_symbol(lib: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the library's ``icudt<N>_dat`` symbol."""
    for line in run("nm", "-D", "-S", "--defined-only", str(lib)).splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            address, size, name = int(fields[0], 16), int(fields[1], 16), fields[3]
            break
    else:
        raise SystemExit(f"trim_icu: no icudt<N>_dat symbol in {lib}")
    for line in run("readelf", "-W", "-S", str(lib)).splitlines():
        match = re.search(r"\]\s+\S+\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if match:
            start, offset, length = (int(match.group(i), 16) for i in (1, 2, 3))
            if start <= address and address + size <= start + length:
                return name, offset + address - start, size
    raise SystemExit(f"trim_icu: {name} of {lib} is in no PROGBITS section")


def trim(lib: Path, out_dir: Path) -> Path:
    """Write the trimmed library to ``out_dir/<lib's name>`` and return its path."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        hint = "Debian/Ubuntu: apt install binutils gcc icu-devtools"
        raise SystemExit(f"trim_icu: {', '.join(missing)} missing ({hint})")
    symbol, offset, size = data_symbol(lib)
    dynamic = run("readelf", "-d", str(lib)).splitlines()
    soname = next((line.split("[")[1].rstrip("]") for line in dynamic if "(SONAME)" in line), lib.name)
    work = out_dir / "icu-trim"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    full = work / f"{symbol[:-4]}l.dat"  # icudt73l.dat: ICU's name for the little-endian package
    with lib.open("rb") as fh:
        fh.seek(offset)
        full.write_bytes(fh.read(size))
    items = run("icupkg", "-l", str(full)).split()
    removed = [item for item in items if not keep_item(item)]
    (work / "removed.txt").write_text("\n".join(removed) + "\n", encoding="ascii")
    small = work / "trimmed" / full.name  # icupkg names the items after the output file: keep it
    small.parent.mkdir()
    remove = ["icupkg", "-r", str(work / "removed.txt"), str(full), str(small)]
    done = subprocess.run(remove, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        # brkitr/root.res names the dictionaries (ICU runs without them: no dictionary, no
        # dictionary engine); any other missing dependency is an error of the keep rules
        complaints = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
        if not complaints or not all(_DICTIONARY_DEPENDENCY.search(line) for line in complaints):
            raise SystemExit("trim_icu: icupkg -r failed:\n" + "\n".join(complaints))
        run("icupkg", "--ignore-deps", *remove[1:])
    asm = work / "icudata.S"
    asm.write_text(
        f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n'
        f'\t.incbin "{small}"\n\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    target = out_dir / lib.name
    link = ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-z,noexecstack"]
    run(*link, "-o", str(target), str(asm))
    print(
        f"trim_icu: {lib.name} {lib.stat().st_size / 1e6:.1f} MB -> {target.stat().st_size / 1e6:.1f} MB "
        f"({len(items) - len(removed)} of {len(items)} items kept)",
        file=sys.stderr,
    )
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.splitlines()[2].strip())
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
