"""CallsTableView: the table of a month's calls, set up for 100,000 rows (R-CALL-2, R-CALL-4).

Fixed row heights, one row selected at a time, a header click sorts inside the model; column
widths come from the header and a sample of the first rows, never ``resizeColumnsToContents``
over the whole month.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...domain.calls import COLUMN_COUNT
from ..models.calls_model import CallsModel

#: rows used to size the columns, and the least width of each column in digits
WIDTH_SAMPLE = 200
_MIN_CHARS = (19, 15, 15, 9, 7, 9, 12)
#: the widths in digits before any row has arrived
_DEFAULT_CHARS = (19, 14, 14, 11, 9, 10, 18)


class CallsTableView(QTableView):
    """A read-only, sortable view of a :class:`CallsModel` whose columns are sized from a sample."""

    def __init__(self, model: CallsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls_model = model
        self.widths_set = False  # sized from rows (else from the defaults)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)  # a header click calls model.sort (R-CALL-2)
        self.default_widths()

    def default_widths(self) -> None:
        """Widths for an empty table."""
        char = self.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate(_DEFAULT_CHARS):
            self.setColumnWidth(column, width * char + 16)

    def widths_from_sample(self) -> None:
        """Column widths from the header and the first rows (never from all 100,000)."""
        model = self.calls_model
        metrics = self.fontMetrics()
        header_metrics = self.horizontalHeader().fontMetrics()
        digit = metrics.horizontalAdvance("0")
        sample = range(min(WIDTH_SAMPLE, model.rowCount()))
        for column in range(COLUMN_COUNT - 1):  # the last one stretches
            texts = [model.display(r, column) for r in sample]
            text_width = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            title_width = header_metrics.horizontalAdvance(model.title(column)) + 24  # sort arrow
            floor = _MIN_CHARS[column] * digit  # e.g. an international number later in the month
            self.setColumnWidth(column, max(text_width + 18, title_width, floor + 18))
        self.widths_set = True
