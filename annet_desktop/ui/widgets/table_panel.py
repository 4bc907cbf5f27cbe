"""A table with an empty state: the view, or a sentence saying why there is nothing to show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStackedWidget, QTableView, QWidget

from .naming import named

if TYPE_CHECKING:
    from ...state import PagedList


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

    def show_list(self, lst: PagedList, failed: str | None, *, loading: str, empty: str) -> None:
        """A paged list's state: the table, or why not — ``failed`` (the load's error, if any, in a
        sentence), still ``loading``, or ``empty``."""
        if not lst.loaded:
            self.show_message(failed or loading)
        elif not lst.items:
            self.show_message(empty)
        else:
            self.show_table()

    @staticmethod
    def footer_text(lst: PagedList, more: str, shown: str) -> str:
        """The line under a paged list: ``more`` while earlier pages remain, ``shown`` at the end."""
        if not (lst.loaded and lst.items):
            return ""
        return more if lst.next_cursor else shown

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
