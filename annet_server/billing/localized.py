"""The Russian or English name of a catalogue row or a call zone, by the request's language."""

from __future__ import annotations


def _lang_name(ru: str, en: str | None, lang: str) -> str:
    return en if (lang == "en" and en) else ru


#: the English of the operator's call zones (each call stores its zone's Russian name)
ZONE_NAMES_EN = {
    "Тверь": "Tver",
    "Тверская область": "Tver region",
    "Мобильные Тверь": "Tver mobiles",
    "Москва": "Moscow",
    "Санкт-Петербург": "Saint Petersburg",
    "Мобильные РФ": "Russian mobiles",
    "Междугородная": "Long distance",
    "Международная": "International",
}


def zone_names(zones: list[str], lang: str) -> list[str]:
    """``zones`` as the reader reads them (a zone without an English name stays as it is)."""
    if lang != "en":
        return zones
    get = ZONE_NAMES_EN.get
    return [get(z, z) for z in zones]
