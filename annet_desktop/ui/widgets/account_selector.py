"""The account selector of a tab: a drop-down with several accounts, a plain label with one (R-ACC-1).

Every selector is bound to ``CabinetState.selected_account``, so choosing an account in one tab
switches every tab.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...state import CabinetState
from .naming import named


class AccountSelector(QWidget):
    """«Лицевой счёт: [100001 ▾]» — or «Лицевой счёт: 100001» when there is only one account."""

    def __init__(self, state: CabinetState, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        named(self, f"{name}_account_selector", self.tr("Текущий лицевой счёт"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("&Лицевой счёт:"), self)
        self.caption.setObjectName(f"{name}_account_caption")
        self.combo = named(
            QComboBox(self),
            f"{name}_account_combo",
            self.tr("Выбор лицевого счёта"),
            self.tr("Лицевой счёт, данные которого показаны в этом разделе"),
        )
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}_account_label")
        self.label.setAccessibleName(self.tr("Номер лицевого счёта"))
        self.caption.setBuddy(self.combo)
        layout.addWidget(self.caption)
        layout.addWidget(self.combo)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self._chosen)
        state.sessionStarted.connect(self.rebuild)
        state.meChanged.connect(self.rebuild)
        state.selectedAccountChanged.connect(self._follow)
        self.rebuild()

    def rebuild(self) -> None:
        refs = self.state.account_refs()
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for ref in refs:
                self.combo.addItem(f"{ref.number} — {ref.title}", ref.number)
        several = len(refs) > 1
        self.combo.setVisible(several)
        self.label.setVisible(not several)
        self._follow(self.state.selected_account)

    def _follow(self, number: str) -> None:
        index = self.combo.findData(number)
        if index >= 0 and index != self.combo.currentIndex():
            with QSignalBlocker(self.combo):
                self.combo.setCurrentIndex(index)
        ref = next((r for r in self.state.account_refs() if r.number == number), None)
        self.label.setText(f"{number} — {ref.title}" if ref is not None else number)

    def _chosen(self, index: int) -> None:
        number = self.combo.itemData(index)
        if number:
            self.state.select_account(str(number))
