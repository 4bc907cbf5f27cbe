"""Money arithmetic in whole kopecks: rounding half up, whole roubles, the schema's Decimal."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..db import from_kopecks


def _money(kopecks: int) -> Decimal:
    return from_kopecks(kopecks)


def _ceil_roubles(kopecks: int) -> int:
    return -((-kopecks) // 100) * 100


def _percent_of(kopecks: int, numerator: int, denominator: int) -> int:
    """``kopecks × numerator / denominator`` rounded half up to the kopeck."""
    value = (Decimal(kopecks) * numerator / denominator).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(value)
