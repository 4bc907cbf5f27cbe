"""Months on both sides: their names in Russian (nominative and genitive) and English, and the bounds
of a (year, month) that the calls selectors and ``GET …/calls`` accept.

Russian needs two forms: «за декабрь 2026» (nominative, also the accusative of «за …») and «за 31 дн.
декабря 2026» (genitive, "of December"). English has one.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MONTHS_RU = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip
MONTHS_RU_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

#: The years a month of calls may be asked for.
MIN_YEAR = 2000
MAX_YEAR = 2100

#: A year and a month number as query parameters and fields accept them.
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
Month = Annotated[int, Field(ge=1, le=12)]


def month_in_bounds(year: int, month: int) -> bool:
    """True when (``year``, ``month``) is a month one may ask for."""
    return MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12


def month_name(year: int, month: int, lang: str = "ru", *, genitive: bool = False) -> str:
    """«ноябрь 2026» / «ноября 2026» (``genitive=True``) / "November 2026"."""
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    if (lang or "ru").lower().startswith("en"):
        names = MONTHS_EN
    else:
        names = MONTHS_RU_GENITIVE if genitive else MONTHS_RU
    return f"{names[month - 1]} {year}"
