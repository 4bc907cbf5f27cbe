"""A table with an empty state: the view, or a sentence saying why there is nothing to show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStackedWidget, QTableView, QWidget

from .naming import named


class TablePanel(QStackedWidget):
    """Page 0: the table; page 1: a centred message («Загрузка…», «Операций ещё не было», …)."""

    def __init__(self, name: str, accessible: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_panel")
        self.view = named(QTableView(self), f"{name}_table", accessible, description)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}_empty")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addWidget(self.view)
        self.addWidget(self.message)

    def show_table(self) -> None:
        self.setCurrentIndex(0)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentIndex(1)

    @property
    def showing_message(self) -> bool:
        return self.currentIndex() == 1

    def stretch(self, column: int) -> None:
        """Let ``column`` take the spare width instead of the last one."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def set_widths(self, widths: list[int]) -> None:
        """Column widths in characters (from a sample, never resizeColumnsToContents)."""
        char = self.view.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width * char + 16)
