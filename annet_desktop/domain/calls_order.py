"""The sort orders of one month's calls: sort keys and permutations per column, cached (pure).

:class:`CallsOrder` serves :class:`~annet_desktop.ui.models.calls_model.CallsModel` (R-CALL-2,
R-CALL-4): the keys of a column are computed once and extended as pages arrive; the order of every
row by a column and direction (a permutation of row numbers) is computed once and kept until new
rows arrive, so a header click on 100,000 calls is a lookup; :meth:`CallsOrder.precompute_next`
computes the missing ones one at a time in idle time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .calls import COLUMN_COUNT, COST, START


class CallsOrder:
    """Sort keys and whole-month permutations of the model's column lists (which only grow)."""

    def __init__(self, columns: Sequence[list[Any]], cost_keys: list[float], ints: list[int]) -> None:
        # the model's own lists, read as they grow: the columns in table order, the cost keys
        # made as pages arrive, and 0 … n-1 (one int object per row shared by every permutation)
        self._columns = columns
        self._cost_keys = cost_keys
        self._ints = ints
        self.keys: dict[int, list[Any]] = {}
        self.perms: dict[tuple[int, bool], list[int]] = {}

    @property
    def loaded(self) -> int:
        return len(self._ints)

    def rows_added(self, rows: range) -> None:
        """Rows ``rows`` were appended: extend the keys made so far, forget the permutations."""
        for column, keys in self.keys.items():
            keys.extend(self._make_keys(column, rows))
        self.perms.clear()

    def forget(self) -> None:
        """Drop every key and permutation (they are made again when asked for)."""
        self.keys.clear()
        self.perms.clear()

    def _make_keys(self, column: int, rows: range) -> list[Any]:
        if column == START:
            # the datetimes themselves: all on one offset, and the month arrives in time order,
            # so sorting them is one linear pass of Timsort over an existing run
            return self._columns[START][rows.start : rows.stop]
        if column == COST:
            return self._cost_keys[rows.start : rows.stop]
        return self._columns[column][rows.start : rows.stop]

    def key_list(self, column: int) -> list[Any]:
        """The sort key of every row by ``column``."""
        keys = self.keys.get(column)
        if keys is None:
            keys = self._make_keys(column, range(self.loaded))
            self.keys[column] = keys
        return keys

    def permutation(self, column: int, descending: bool) -> list[int]:
        """Every row, ordered by ``column`` (stable: ties keep the order the calls were made)."""
        perm = self.perms.get((column, descending))
        if perm is None:
            keys = self.key_list(column)
            other = self.perms.get((column, not descending))
            # the other direction, when known, is one sorted run already: Timsort then only
            # checks it (stable either way: ties stay in the order the calls were made)
            source = other if other is not None else self._ints
            perm = sorted(source, key=keys.__getitem__, reverse=descending)
            self.perms[(column, descending)] = perm
        return perm

    def precompute_next(self) -> bool:
        """Compute one missing permutation (a slice of idle time, ≤ ~30 ms at 100,000 rows), so
        that a later header click only reorders; False when every column and direction is done."""
        for column in range(COLUMN_COUNT):
            for descending in (False, True):
                if (column, descending) not in self.perms:
                    self.permutation(column, descending)
                    return True
        return False

    def sorted_rows(
        self,
        order: list[int],
        column: int,
        descending: bool,
        *,
        filtered: bool,
        merge_from: int | None = None,
    ) -> list[int]:
        """The rows ``order`` (all rows unless ``filtered``) by ``column`` (−1: the order the calls
        were made), as a new list; ``merge_from``: ``order[:merge_from]`` is sorted already."""
        if column < 0:
            return sorted(order)
        key = self.key_list(column).__getitem__
        if merge_from is not None:
            # rows were appended to a sorted order: sort the new ones, then let Timsort merge the
            # two sorted runs (linear, and the same stable result as sorting everything again)
            head = order[:merge_from]
            tail = sorted(order[merge_from:], key=key, reverse=descending)
            return sorted(head + tail, key=key, reverse=descending)
        if not filtered:
            return list(self.permutation(column, descending))
        if len(order) * 8 < self.loaded:  # few rows shown: sort just them
            return sorted(order, key=key, reverse=descending)
        shown = bytearray(self.loaded)
        for i in order:
            shown[i] = 1
        return [i for i in self.permutation(column, descending) if shown[i]]
