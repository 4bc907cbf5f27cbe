"""Issue 13 (5): the amount field of «Оплатить» never sticks — every input gets a message under
the field, and «Продолжить» is off with the reason until the amount can be paid.

The rule is the contract's (:func:`annet_contract.payment_amount.check_amount`), the same the
server applies. An exception in a slot fails these tests (pytest-qt captures them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_payment_helpers import bare_ctx  # noqa: F401  (the fixture)

from PySide6.QtCore import QEvent, Qt  # isort: skip
from PySide6.QtGui import QKeyEvent  # isort: skip
from PySide6.QtWidgets import QApplication  # isort: skip

from annet_contract import payment_amount as rule  # isort: skip

NOT_A_NUMBER = rule.NOT_A_NUMBER


@pytest.fixture
def dialog(qtbot: Any, bare_ctx: Any) -> Iterator[Any]:
    from annet_desktop.ui.dialogs.payment import PaymentDialog

    d = PaymentDialog(bare_ctx, "100001")
    qtbot.addWidget(d)
    d.show()
    yield d
    d.reject()


def _type(widget: Any, text: str) -> None:
    """Type ``text`` key by key (QTest cannot type non-ASCII: the key events are sent directly)."""
    for char in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        )


def _refused(dialog: Any, message: str) -> None:
    assert dialog.error.isVisible() and dialog.error.text() == message
    assert not dialog.continue_button.isEnabled()
    assert dialog.continue_button.toolTip() == message
    assert dialog.continue_button.accessibleDescription() == message


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("²", NOT_A_NUMBER),  # a digit to str.isdigit(), not to Decimal
        ("5²", NOT_A_NUMBER),
        ("1" * 30, NOT_A_NUMBER),  # past any money (and past Decimal's context)
        ("1e5", NOT_A_NUMBER),  # an exponent: not how a person types 100 000
        (",", NOT_A_NUMBER),
        ("12,345", NOT_A_NUMBER),  # a third decimal place
        ("١٢", NOT_A_NUMBER),  # Arabic-Indic digits
        ("   ", rule.EMPTY),
        ("0,99", rule.TOO_SMALL),
        ("100000,01", rule.TOO_LARGE),
    ],
)
def test_a_bad_amount_says_why_and_keeps_continue_off(dialog: Any, typed: str, message: str) -> None:
    dialog.amount.clear()
    dialog.amount.setFocus()
    _type(dialog.amount, typed)
    assert dialog.amount.text() == typed
    _refused(dialog, message)
    dialog.continue_button.click()  # a click that still arrives does nothing
    assert dialog.order is None and dialog.view is None and not dialog.amount.isReadOnly()


@pytest.mark.parametrize(
    ("typed", "edge"),
    [
        ("1", "1.00"),
        ("1,00", "1.00"),
        ("100 000", "100000.00"),
        ("100000,00", "100000.00"),
        ("499,9", "499.90"),
    ],
)
def test_an_amount_at_the_edges_turns_continue_on(dialog: Any, typed: str, edge: str) -> None:
    dialog.amount.setText("0")
    assert not dialog.continue_button.isEnabled()
    dialog.amount.setText(typed)
    assert dialog.continue_button.isEnabled() and not dialog.error.isVisible()
    assert dialog.continue_button.toolTip() == ""
    assert str(rule.check_amount(typed)) == edge


def test_an_empty_field_gives_the_reason_only_on_the_button(dialog: Any) -> None:
    """Opened without a prefill: nothing red before anything was typed, but the button says why."""
    dialog.amount.clear()
    assert not dialog.error.isVisible()
    assert not dialog.continue_button.isEnabled()
    assert dialog.continue_button.toolTip() == rule.EMPTY


def test_enter_on_a_bad_amount_shows_the_reason(dialog: Any, qtbot: Any) -> None:
    dialog.amount.setText("1e5")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    _refused(dialog, NOT_A_NUMBER)
    assert dialog.order is None and dialog.isVisible()


def test_the_reasons_are_translated(dialog: Any) -> None:
    from annet_desktop import i18n

    i18n.install("en")
    try:
        dialog.amount.setText("²")
        assert dialog.error.text() and dialog.error.text() != NOT_A_NUMBER
        assert dialog.continue_button.toolTip() == dialog.error.text()
    finally:
        i18n.install("ru")
