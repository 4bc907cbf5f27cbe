"""The part of «Настройки» about keeping watch: the tray, the background refresh, each notification.

``tray/keep_running`` (closing the window keeps the app in the tray — only where the platform has a
tray; elsewhere the box is off and says why), ``refresh/minutes`` (0 — never) and one box per
notification kind (``notify/<kind>``). Nothing is written here: :meth:`WatchSettings.values` gives
the keys and values the dialog stores on «Сохранить».
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QSpinBox,
    QSystemTrayIcon,
    QWidget,
)

from ...domain.watch import NoticeKind
from ..notifications import kind_title
from ..widgets.naming import named


class WatchSettings(QGroupBox):
    """«Область уведомлений»: keep running in the tray, refresh every N minutes, the notifications."""

    def __init__(self, settings: Any, parent: QWidget | None = None, *, tray: bool | None = None) -> None:
        super().__init__(parent)
        named(self, "settings_watch", self.tr("Область уведомлений"))
        self.setTitle(self.tr("Область уведомлений"))
        self.settings = settings
        has_tray = QSystemTrayIcon.isSystemTrayAvailable() if tray is None else tray
        form = QFormLayout(self)
        self.keep = named(
            QCheckBox(self.tr("При закрытии окна &оставаться в области уведомлений"), self),
            "settings_keep_in_tray",
            self.tr("Оставаться в области уведомлений"),
        )
        self.keep.setChecked(bool(settings.get("tray/keep_running")) and has_tray)
        self.keep.setEnabled(has_tray)
        if not has_tray:
            self.keep.setToolTip(
                self.tr("В этой системе нет области уведомлений: закрытие окна завершает программу")
            )
        form.addRow(self.keep)
        self.minutes = named(
            QSpinBox(self),
            "settings_refresh_minutes",
            self.tr("Обновлять данные в фоне, минут"),
            self.tr("Как часто программа сама обновляет баланс и прогноз, пока вы вошли; 0 — никогда"),
        )
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSpecialValueText(self.tr("никогда"))
        self.minutes.setValue(int(settings.get("refresh/minutes")))
        form.addRow(self.tr("Обновлять &данные в фоне, минут"), self.minutes)
        self.kinds: dict[NoticeKind, QCheckBox] = {}
        grid = QGridLayout()  # two columns: the dialog fits a 1366 × 768 screen at 200 %
        for index, kind in enumerate(NoticeKind):
            title = kind_title(kind)
            description = self.tr("Показывать уведомление «{kind}»").format(kind=title)
            box = named(QCheckBox(self.switch_text(kind), self), f"settings_notify_{kind.value}", title,
                        description)  # fmt: skip
            box.setChecked(bool(settings.get(f"notify/{kind.value}")))
            self.kinds[kind] = box
            grid.addWidget(box, index // 2, index % 2)
        form.addRow(grid)
        self._has_tray = has_tray

    def switch_text(self, kind: NoticeKind) -> str:
        """The kind's name on its switch, with a mnemonic (the dialog's letters never clash)."""
        return {
            NoticeKind.SHORT: self.tr("Не &хватит на ежемесячное списание"),
            NoticeKind.BLOCK_SOON: self.tr("С&коро финансовая блокировка"),
            NoticeKind.BLOCK: self.tr("&Финансовая блокировка"),
            NoticeKind.CREDIT_ENDS: self.tr("К&редит заканчивается"),
            NoticeKind.BAN_LIFTED: self.tr("Кредит снова дос&тупен"),
            NoticeKind.DISCOUNT_ENDS: self.tr("Скидка &заканчивается"),
            NoticeKind.PAYMENT: self.tr("&Платёж зачислен"),
            NoticeKind.ADMIN_BLOCK: self.tr("Адм&инистративная блокировка"),
        }[kind]

    def values(self) -> dict[str, Any]:
        """The settings' keys and the values shown (the tray box only where a tray exists)."""
        values: dict[str, Any] = {"refresh/minutes": self.minutes.value()}
        if self._has_tray:
            values["tray/keep_running"] = self.keep.isChecked()
        for kind, box in self.kinds.items():
            values[f"notify/{kind.value}"] = box.isChecked()
        return values
