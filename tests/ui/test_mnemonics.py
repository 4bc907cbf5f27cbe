"""The mnemonic helpers and the window check the walk uses (issue 15.4), on small windows of their own."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)
from uihelpers import plain_text

from annet_desktop.ui.widgets.mnemonics import mnemonic, mnemonic_problems, strip_mnemonic, with_mnemonic


def test_the_letter_and_the_plain_text(qapp: Any) -> None:
    assert mnemonic("&Оплатить") == "о" and mnemonic("Получить к&редит") == "р"
    assert mnemonic("Tom && Jerry") == "" and mnemonic("Tom && &Jerry") == "j" and mnemonic("end&") == ""
    assert strip_mnemonic("&Оплатить") == "Оплатить" and strip_mnemonic("Tom && &Jerry") == "Tom & Jerry"
    assert plain_text(QPushButton("Ч&ек…")) == "Чек…" and plain_text("С&чёт") == "Счёт"


def test_with_mnemonic_takes_a_free_word_start_first() -> None:
    assert with_mnemonic("Получить кредит", {"п", "о"}) == "Получить &кредит"
    assert with_mnemonic("Заблокировать", {"п", "о"}) == "&Заблокировать"
    assert with_mnemonic("Пока", {"п"}) == "П&ока"  # no word start free: the next free letter
    assert with_mnemonic("&Есть", {"е"}) == "&Есть"  # one already: kept
    assert with_mnemonic("По", {"п", "о"}) == "По"  # every letter taken: none added


def _form(qtbot: Any, caption: str, buddy: bool = True) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    edit = QLineEdit(dialog)
    edit.setObjectName("edit")
    label = QLabel(caption, dialog)
    form.addRow(label, edit)
    label.setBuddy(edit if buddy else None)
    return dialog, edit


def test_a_window_with_every_mnemonic_in_place_passes(qtbot: Any) -> None:
    dialog, _edit = _form(qtbot, "&Сумма:")
    dialog.layout().addRow(QPushButton("&Продолжить", dialog))
    dialog.layout().addRow(QCheckBox("&Запомнить", dialog))
    hidden = QPushButton("Повто&рить", dialog)  # hidden now, shown later: it counts
    hidden.hide()
    assert mnemonic_problems(dialog) == []


def test_a_clash_a_missing_letter_and_a_missing_buddy_are_reported(qtbot: Any) -> None:
    dialog, _edit = _form(qtbot, "&Сумма:")
    layout = dialog.layout()
    layout.addRow(QPushButton("&Сохранить", dialog))  # С again
    layout.addRow(QPushButton("Отмена", dialog))  # no letter
    problems = mnemonic_problems(dialog)
    assert any(p.startswith("Alt+С clashes") for p in problems), problems
    assert any("no mnemonic in 'Отмена'" in p for p in problems), problems
    loose, _edit = _form(qtbot, "&Сумма:", buddy=False)
    assert mnemonic_problems(loose) == ["label 'Сумма:' of edit: not its buddy"]
    plain, _edit = _form(qtbot, "Сумма:")
    assert mnemonic_problems(plain) == ["label 'Сумма:' of edit: no mnemonic in 'Сумма:'"]


def test_tabs_need_letters_and_only_the_page_shown_counts(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    tabs = QTabWidget(window)
    first, second = QWidget(), QWidget()
    tabs.addTab(first, "&Баланс")
    tabs.addTab(second, "Журнал")
    QPushButton("&Чек…", first)
    QPushButton("&Чек…", second)  # the same letter on another page: never on screen together
    window.show()
    qtbot.waitExposed(window)
    assert mnemonic_problems(window) == ["tab 'Журнал': no mnemonic in 'Журнал'"]
    tabs.setTabText(1, "&Журнал")
    assert mnemonic_problems(window) == []
    tabs.setTabText(1, "&Бюджет")
    assert mnemonic_problems(window) == ["Alt+Б clashes: tab 'Баланс', tab 'Бюджет'"]
