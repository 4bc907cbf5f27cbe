"""The Russian or English name of a catalogue row, by the request's language."""

from __future__ import annotations


def _lang_name(ru: str, en: str | None, lang: str) -> str:
    return en if (lang == "en" and en) else ru
