"""The month selector of «Звонки»: wide enough for every month name of the interface language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QWidget

from annet_desktop import i18n


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_month_name_fits_before_the_list_is_filled(qtbot: Any, lang: str) -> None:
    """The tour in English showed «Decembe»: the combo took its width from an empty list."""
    from annet_desktop.ui.widgets import month_picker

    try:
        i18n.install(lang)
        parent = QWidget()
        qtbot.addWidget(parent)
        picker = month_picker.MonthPicker(parent, "test")
        combo = picker.month_combo
        names = [month_picker._t(str(m)) for m in month_picker._MONTHS]
        assert ("September" in names) == (lang == "en")
        option = QStyleOptionComboBox()
        combo.resize(combo.sizeHint())  # what a layout gives it at the least
        combo.initStyleOption(option)
        text = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        widest = max(combo.fontMetrics().horizontalAdvance(name) for name in names)
        assert text.width() >= widest, (text.width(), widest)
    finally:
        i18n.install("ru")
