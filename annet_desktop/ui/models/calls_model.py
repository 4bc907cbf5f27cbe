"""CallsModel: the calls of a month as columnar Python lists, sorted and filtered inside the model.

Built for a business line's month of 100,000 calls (R-CALL-4):

* rows are held as one list per column (as the API sends them, :class:`~annet_contract.schema.CallsPage`)
  and pages are appended with ``beginInsertRows`` so the view shows rows as they arrive; a page is
  first made ready by :func:`~annet_desktop.domain.calls.prepare_page` (pure, run in the API thread);
* what is shown is ``order``, a list of row numbers into the columns: sorting replaces it by a
  permutation computed once per column and direction (the sort keys too are computed once per
  column) and cached until new rows arrive (:class:`~annet_desktop.domain.calls_order.CallsOrder`);
  :meth:`CallsModel.precompute_next` computes them one at a time in idle time, so a header click
  is then only a re-layout;
* the number filter (:class:`~annet_desktop.domain.calls_filter.NumberFilter`) keeps a digits-only
  index of both numbers of every row, built once, and narrows the previous result when the new text
  extends the old one (typing), so no per-row Python ``filterAcceptsRow`` and no
  ``QSortFilterProxyModel`` sort over 100,000 rows;
* display strings are made only in :meth:`data`, for the cells the view paints;
* :meth:`summary` (count, total duration, total cost) is kept for what is shown;
* :meth:`export_rows` hands a snapshot of what is shown, in the order shown, to an export thread
  (the column lists are only ever appended to; a new month gets new lists).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from annet_contract.money import format_money

from ...domain.calls import (
    CALLEE,
    CALLER,
    COLUMN_COUNT,
    COST,
    DIRECTION,
    DURATION,
    START,
    CallsSummary,
    PreparedPage,
    format_call_duration,
    format_call_time,
    format_hms,
    prepare_page,
    thousands,
)
from ...domain.calls_filter import NumberFilter
from ...domain.calls_order import CallsOrder
from ...export import Column, Kind

Index = QModelIndex | QPersistentModelIndex

RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's value as sent by the server

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class CallsModel(QAbstractTableModel):
    """A read-only table of one month's calls; see the module docstring."""

    summaryChanged = Signal()
    loadedChanged = Signal(int, int)  # rows loaded, rows the month has

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._new_columns()
        self.total = 0
        translate = QCoreApplication.translate
        self._titles = [
            translate("CallsModel", "Дата и время"),
            translate("CallsModel", "С номера"),
            translate("CallsModel", "На номер"),
            translate("CallsModel", "Направление"),
            translate("CallsModel", "Длительность"),
            translate("CallsModel", "Стоимость, ₽"),
            translate("CallsModel", "Зона"),
        ]
        self._direction_text = {
            "in": translate("CallsModel", "Входящий"),
            "out": translate("CallsModel", "Исходящий"),
        }

    # ------------------------------------------------------------------ storage
    def _new_columns(self, query: str = "") -> None:
        # new list objects (never .clear()): an export thread may still read the old ones
        self._start: list[dt.datetime] = []
        self._caller: list[str] = []
        self._callee: list[str] = []
        self._direction: list[str] = []
        self._duration: list[int] = []
        self._cost: list[Decimal] = []
        self._zone: list[str] = []
        self._order: list[int] = []
        self._ints: list[int] = []  # 0 … n-1, one int object per row shared by every permutation
        self._cost_keys: list[float] = []  # made as pages arrive: the one key worth computing
        self._sorting = CallsOrder(self._columns(), self._cost_keys, self._ints)
        self._sort_column = -1
        self._descending = False
        self._filter = NumberFilter(self._caller, self._callee, query)
        self._all_duration = 0
        self._all_cost = Decimal(0)
        self._summary = CallsSummary(0, 0, Decimal(0))

    def _columns(self) -> tuple[list[Any], ...]:
        return (
            self._start,
            self._caller,
            self._callee,
            self._direction,
            self._duration,
            self._cost,
            self._zone,
        )

    @property
    def loaded(self) -> int:
        """Rows received so far (shown or not)."""
        return len(self._start)

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    @property
    def filter_text(self) -> str:
        return self._filter.query

    def clear(self, total: int = 0) -> None:
        """Forget the rows (another month or account); sorting is kept, the filter text too."""
        column, descending, query = self._sort_column, self._descending, self._filter.query
        self.beginResetModel()
        self._new_columns(query)
        self._sort_column, self._descending = column, descending
        self.total = total
        self.endResetModel()
        self._update_summary()
        self.loadedChanged.emit(0, total)

    # ------------------------------------------------------------------ appending pages
    def append_page(self, page: Any) -> None:
        """Append one page: a :class:`PreparedPage` or an API ``CallsPage`` (prepared here then)."""
        if not isinstance(page, PreparedPage):
            page = prepare_page(page)
        self.total = max(page.total, self.total)
        self._append(page)

    def append_columns(
        self,
        started_at: Sequence[dt.datetime],
        caller: Sequence[str],
        callee: Sequence[str],
        direction: Sequence[Any],
        duration_s: Sequence[int],
        cost: Sequence[Decimal],
        zone: Sequence[str],
    ) -> None:
        """Append rows given column by column (all sequences of the same length)."""
        page = SimpleNamespace(total=self.total, started_at=started_at, caller=caller, callee=callee,
                               direction=direction, duration_s=duration_s, cost=cost, zone=zone)  # fmt: skip
        self._append(prepare_page(page))

    def _append(self, page: PreparedPage) -> None:
        count = len(page)
        if count == 0:
            self.loadedChanged.emit(self.loaded, self.total)
            return
        first = self.loaded
        self._start.extend(page.started_at)
        self._caller.extend(page.caller)
        self._callee.extend(page.callee)
        self._direction.extend(page.direction)  # "in"/"out" (CallDirection is a str enum)
        self._duration.extend(page.duration_s)
        self._cost.extend(page.cost)
        self._cost_keys.extend(page.cost_keys)
        self._zone.extend(page.zone)
        self._ints.extend(range(first, first + count))
        self._all_duration += page.duration_sum
        self._all_cost += page.cost_sum
        self.total = max(self.total, self.loaded)
        new_rows = range(first, first + count)
        self._sorting.rows_added(new_rows)
        added = self._filter.rows_added(new_rows)
        if added is None:  # nothing filtered: every new row is shown
            added = self._ints[first:]
        if added:
            start = len(self._order)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._order.extend(added)
            self.endInsertRows()
            if self._sort_column >= 0:
                self._relayout(self._sorted_shown(merge_from=start))
        self._update_summary()
        self.loadedChanged.emit(self.loaded, self.total)

    # ------------------------------------------------------------------ sorting
    def precompute_next(self) -> bool:
        """Compute one missing sort order in idle time (see :meth:`CallsOrder.precompute_next`);
        False when every column and direction is done."""
        return self._sorting.precompute_next()

    def _sorted_shown(self, merge_from: int | None = None) -> list[int]:
        """The shown rows in the current sort order (a new list)."""
        return self._sorting.sorted_rows(
            self._order,
            self._sort_column,
            self._descending,
            filtered=self._filter.matches is not None,
            merge_from=merge_from,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (−1: the order the calls were made); keeps selection and current row."""
        if not -1 <= column < COLUMN_COUNT:
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._relayout(self._sorted_shown())

    def _relayout(self, new_order: list[int]) -> None:
        """Replace the shown order by a permutation of it, moving persistent indexes along."""
        if new_order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        if persistent:
            old_order = self._order
            wanted = {old_order[p.row()] for p in persistent if 0 <= p.row() < len(old_order)}
            if len(wanted) <= 16:  # the usual case (current row, a selection): a few C-level scans
                position = {row: new_order.index(row) for row in wanted}
            else:
                position = {row: pos for pos, row in enumerate(new_order)}
            moved = [
                self.index(position[old_order[p.row()]], p.column())
                if 0 <= p.row() < len(old_order)
                else QModelIndex()
                for p in persistent
            ]
            self.changePersistentIndexList(persistent, moved)
        self._order = new_order
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ filtering
    def set_filter(self, text: str) -> None:
        """Show only calls whose caller or callee number contains the digits of ``text``."""
        if not self._filter.set_query(text):
            return
        matches = self._filter.matches
        self.beginResetModel()
        self._order = list(self._ints) if matches is None else list(matches)
        if self._sort_column >= 0:
            self._order = self._sorted_shown()
        self.endResetModel()
        self._update_summary()

    # ------------------------------------------------------------------ summary
    def _update_summary(self) -> None:
        rows = self._filter.matches
        if rows is None:
            summary = CallsSummary(self.loaded, self._all_duration, self._all_cost)
        else:
            duration, cost = self._duration, self._cost
            summary = CallsSummary(
                len(rows),
                sum(map(duration.__getitem__, rows)),
                sum(map(cost.__getitem__, rows), Decimal(0)),
            )
        if summary != self._summary:
            self._summary = summary
            self.summaryChanged.emit()

    def summary(self) -> CallsSummary:
        """Count, total duration and total cost of the rows shown."""
        return self._summary

    # ------------------------------------------------------------------ reading rows
    def shown_rows(self) -> list[int]:
        """Row numbers (into the month) of what is shown, in the order shown (a copy)."""
        return list(self._order)

    def row_values(self, row: int) -> tuple[Any, ...]:
        """The typed values of shown row ``row``: (start, caller, callee, direction, seconds, cost, zone).

        The start is a naive datetime on Moscow time.
        """
        i = self._order[row]
        return tuple(col[i] for col in self._columns())

    def title(self, column: int) -> str:
        return self._titles[column]

    def export_header(self) -> list[Column]:
        """The columns of an export, with kinds (types) and widths in characters."""
        kinds = [Kind.DATETIME, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.DURATION, Kind.MONEY, Kind.TEXT]
        widths = [20, 16, 16, 12, 13, 13, 24]
        return [Column(t, k, w) for t, k, w in zip(self._titles, kinds, widths, strict=True)]

    def export_rows(self) -> Iterator[tuple[Any, ...]]:
        """What is shown now, in the order shown, as typed rows; safe to consume in another thread."""
        order = list(self._order)
        start, caller, callee, direction, duration, cost, zone = self._columns()
        names = dict(self._direction_text)

        def rows() -> Iterator[tuple[Any, ...]]:
            for i in order:
                yield (start[i], caller[i], callee[i], names.get(direction[i], direction[i]),
                       duration[i], cost[i], zone[i])  # fmt: skip

        return rows()

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def display(self, row: int, column: int) -> str:
        """The text of a shown cell (what :meth:`data` gives for DisplayRole)."""
        i = self._order[row]
        if column == START:
            return format_call_time(self._start[i])
        if column == CALLER:
            return self._caller[i]
        if column == CALLEE:
            return self._callee[i]
        if column == DIRECTION:
            value = self._direction[i]
            return self._direction_text.get(value, value)
        if column == DURATION:
            return format_call_duration(self._duration[i])
        if column == COST:
            return format_money(self._cost[i], currency=False)
        return self._zone[i]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._order) and 0 <= column < COLUMN_COUNT):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (DURATION, COST) else _LEFT
        if role == RAW_ROLE:
            return self._columns()[column][self._order[row]]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _LEFT  # the sort arrow sits on the right
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


#: the summary line's text, for tabs and tests
def summary_text(summary: CallsSummary) -> str:
    """«Звонков: 1 234, общая длительность 12:34:56, общая стоимость 1 234,50 ₽»."""
    count = thousands(summary.count)
    text = QCoreApplication.translate(
        "CallsModel", "Звонков: {count}, общая длительность {duration}, общая стоимость {cost}"
    )
    return text.format(count=count, duration=format_hms(summary.duration_s), cost=format_money(summary.cost))
