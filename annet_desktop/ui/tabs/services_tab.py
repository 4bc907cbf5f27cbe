"""«Услуги»: the services table of the selected account (R-SVC-1) and «Новая».

A click on a service name (or Enter / double click on its row: the view's ``activated``; the
tab itself does not catch Enter, which the view passes on: one Enter opened two windows) emits
``serviceActivated(service)`` with the ``schema.Service``; «Новая» emits
``newServiceRequested(number)``. The actions code opens the service window and the catalogue;
the main window shows a read-only info window until then.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..messages import error_text
from ..models.rows_model import ROW_ROLE
from ..models.services_model import NAME_COLUMN, ServicesModel
from ..widgets.account_selector import AccountSelector
from ..widgets.naming import named
from ..widgets.table_panel import TablePanel
from .context import TabContext, follow_selected_account


class ServicesTab(QWidget):
    """The table «Услуга / Тариф / Блокировка / Количество / Абонентская плата» and «Новая»."""

    serviceActivated = Signal(object)
    newServiceRequested = Signal(str)

    def __init__(self, ctx: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "tab_services", self.tr("Услуги"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.selector = AccountSelector(ctx.state, "services", self)
        top.addWidget(self.selector, 1)
        self.new_button = named(QPushButton(self.tr("Н&овая"), self), "services_new", self.tr("Новая услуга"))
        self.new_button.setToolTip(self.tr("Подписаться на новую периодическую услугу"))
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.panel = TablePanel(
            "services",
            self.tr("Таблица услуг"),
            self.tr("Услуги счёта; Enter или щелчок по названию открывает окно управления услугой"),
            self,
        )
        self.model = ServicesModel(lambda: self.ctx.state.services_of() or [], self)
        self.panel.view.setModel(self.model)
        self.panel.set_widths([26, 26, 18, 11, 18])
        self.panel.stretch(0)
        layout.addWidget(self.panel, 1)
        self.hint = QLabel(self.tr("Нажмите на название услуги, чтобы открыть окно управления ею."), self)
        self.hint.setObjectName("services_hint")
        layout.addWidget(self.hint)
        self.new_button.clicked.connect(
            lambda: self.newServiceRequested.emit(self.ctx.state.selected_account)
        )
        self.panel.view.clicked.connect(self._clicked)
        self.panel.view.activated.connect(self._activated)
        state = ctx.state
        follow_selected_account(self, state, self.update_view, "services", (state.servicesChanged,))
        self.update_view()

    def update_view(self) -> None:
        state = self.ctx.state
        self.model.reset()
        rows = state.services_of()
        self.new_button.setEnabled(bool(state.selected_account))
        if rows is None:
            error = state.error("services", state.selected_account)
            if error is not None:
                self.panel.show_message(
                    self.tr("Не удалось загрузить услуги: {error}").format(
                        error=error_text(error, self.ctx.server_url)
                    )
                )
            else:
                self.panel.show_message(self.tr("Загрузка услуг…"))
        elif not rows:
            self.panel.show_message(
                self.tr("На этом счёте нет периодических услуг. Подключить услугу можно кнопкой «Новая».")
            )
        else:
            self.panel.show_table()

    def service_at(self, row: int) -> Any:
        return self.model.data(self.model.index(row, 0), ROW_ROLE)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == NAME_COLUMN:
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        service = self.model.data(index, ROW_ROLE)
        if service is not None:
            self.serviceActivated.emit(service)

    def open_service(self, service: Any) -> None:
        """Programmatic equivalent of a click on the service's name."""
        self.serviceActivated.emit(service)

    def refresh(self) -> None:
        self.ctx.state.refresh(("services",))
