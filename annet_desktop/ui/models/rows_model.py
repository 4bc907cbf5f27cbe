"""RowsModel: a read-only QAbstractTableModel over a list of row objects owned elsewhere.

The list belongs to :class:`~annet_desktop.state.CabinetState`; the model only keeps how many of
its rows it has announced to the views, so rows appended by the state are announced with proper
``beginInsertRows``/``endInsertRows`` calls (pages of a newest-first list as the user scrolls).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column: header text, how a row shows in it, alignment, optional tooltip and colour."""

    title: str
    display: Callable[[Any], str]
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[Any], str | None] | None = None
    foreground: Callable[[Any], Any] | None = None


class RowsModel(QAbstractTableModel):
    """Rows from ``source()`` (a callable returning the state's list), columns from :class:`Column`."""

    def __init__(self, columns: list[Column], source: Callable[[], list[Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._source = source
        self._count = 0
        self._can_fetch: Callable[[], bool] = lambda: False
        self._fetch: Callable[[], None] = lambda: None

    # ------------------------------------------------------------------ feeding
    def set_source(self, source: Callable[[], list[Any]]) -> None:
        self._source = source
        self.reset()

    def set_fetcher(self, can_fetch: Callable[[], bool], fetch: Callable[[], None]) -> None:
        """Paging: the view asks for more rows when scrolled to the end."""
        self._can_fetch = can_fetch
        self._fetch = fetch

    def reset(self) -> None:
        self.beginResetModel()
        self._count = len(self._source())
        self.endResetModel()

    def rows_appended(self, start: int, count: int) -> None:
        total = len(self._source())
        if start != self._count or total < start + count:
            self.reset()
            return
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), start, start + count - 1)
        self._count = start + count
        self.endInsertRows()

    def row(self, row: int) -> Any:
        return self._source()[row]

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        rows = self._source()
        if index.row() >= len(rows):
            return None
        column = self.columns[index.column()]
        item = rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(item)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(item)
        if role == ROW_ROLE:
            return item
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._can_fetch()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch()
