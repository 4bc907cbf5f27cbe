"""Month and year selectors that offer only the months given (R-CALL-1: months that have calls).

:class:`MonthPicker` owns the two combo boxes and their captions (the tab lays them out); it emits
``chosen`` when the user picks another year or month, never when it is filled from code.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from .naming import named

#: the calls tab's translation context (the month names are translated there)
CONTEXT = "CallsTab"
_MONTHS = (
    QT_TRANSLATE_NOOP("CallsTab", "Январь"), QT_TRANSLATE_NOOP("CallsTab", "Февраль"),
    QT_TRANSLATE_NOOP("CallsTab", "Март"), QT_TRANSLATE_NOOP("CallsTab", "Апрель"),
    QT_TRANSLATE_NOOP("CallsTab", "Май"), QT_TRANSLATE_NOOP("CallsTab", "Июнь"),
    QT_TRANSLATE_NOOP("CallsTab", "Июль"), QT_TRANSLATE_NOOP("CallsTab", "Август"),
    QT_TRANSLATE_NOOP("CallsTab", "Сентябрь"), QT_TRANSLATE_NOOP("CallsTab", "Октябрь"),
    QT_TRANSLATE_NOOP("CallsTab", "Ноябрь"), QT_TRANSLATE_NOOP("CallsTab", "Декабрь"),
)  # fmt: skip


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class MonthPicker(QObject):
    """«Месяц:» and «Год:» over a list of (year, month) pairs; ``chosen`` on the user's pick."""

    chosen = Signal()

    def __init__(self, parent: QWidget, prefix: str) -> None:
        super().__init__(parent)
        self.month_caption = QLabel(QCoreApplication.translate("CallsTab", "&Месяц:"), parent)
        self.month_caption.setObjectName(f"{prefix}_month_caption")
        month_name = QCoreApplication.translate("CallsTab", "Месяц")
        self.month_combo = named(
            QComboBox(parent),
            f"{prefix}_month",
            month_name,
            QCoreApplication.translate("CallsTab", "Месяц, звонки которого показаны"),
        )
        # wide enough for the longest month name of the language (the list starts empty: «Decembe…»)
        self.month_combo.setMinimumContentsLength(max(len(_t(str(m))) for m in _MONTHS))
        self.month_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.month_caption.setBuddy(self.month_combo)
        self.year_caption = QLabel(QCoreApplication.translate("CallsTab", "&Год:"), parent)
        self.year_caption.setObjectName(f"{prefix}_year_caption")
        year_name = QCoreApplication.translate("CallsTab", "Год")
        self.year_combo = named(
            QComboBox(parent),
            f"{prefix}_year",
            year_name,
            QCoreApplication.translate("CallsTab", "Год, звонки которого показаны"),
        )
        self.year_caption.setBuddy(self.year_combo)
        self._months: list[tuple[int, int]] = []
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.month_combo.currentIndexChanged.connect(lambda _i: self.chosen.emit())

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.month_caption, self.month_combo, self.year_caption, self.year_combo)

    def selected(self) -> tuple[int, int] | None:
        """The (year, month) shown in the selectors, or ``None`` while they are empty."""
        year, month = self.year_combo.currentData(), self.month_combo.currentData()
        if year is None or month is None:
            return None
        return int(year), int(month)

    def offer(self, months: list[tuple[int, int]], *preferred: tuple[int, int] | None) -> None:
        """Offer ``months`` (newest first); show the first of ``preferred`` among them, else the newest."""
        self._months = list(months)
        with QSignalBlocker(self.year_combo):
            self.year_combo.clear()
            for year in sorted({y for y, _m in self._months}, reverse=True):
                self.year_combo.addItem(str(year), year)
        wanted = next((p for p in preferred if p is not None and p in self._months), None)
        if wanted is None and self._months:
            wanted = self._months[0]
        if wanted is not None:
            self.select(wanted)
        self._fill_months()

    def select(self, ym: tuple[int, int]) -> None:
        """Show ``ym`` (without emitting ``chosen``)."""
        with QSignalBlocker(self.year_combo):
            self.year_combo.setCurrentIndex(self.year_combo.findData(ym[0]))
        self._fill_months(ym[1])

    def clear(self) -> None:
        self._months = []
        with QSignalBlocker(self.year_combo), QSignalBlocker(self.month_combo):
            self.year_combo.clear()
            self.month_combo.clear()

    def _fill_months(self, wanted: int | None = None) -> None:
        year = self.year_combo.currentData()
        with QSignalBlocker(self.month_combo):
            keep = wanted if wanted is not None else self.month_combo.currentData()
            self.month_combo.clear()
            for y, m in sorted(self._months):
                if y == year:
                    self.month_combo.addItem(_t(str(_MONTHS[m - 1])), m)
            index = self.month_combo.findData(keep)
            self.month_combo.setCurrentIndex(index if index >= 0 else self.month_combo.count() - 1)
        enabled = bool(self._months)
        self.month_combo.setEnabled(enabled)
        self.year_combo.setEnabled(enabled)

    def _year_chosen(self, _index: int) -> None:
        self._fill_months()
        self.chosen.emit()
