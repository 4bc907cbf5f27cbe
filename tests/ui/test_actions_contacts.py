"""«Сменить № для SMS» and «Сменить e-mail» (R-SUB-2/3) through the real widgets and server.

Every test: the click path from the «Абонент» tab, the server's changed data and its journal
entry; bad input says why and sends nothing; the server's own refusal is shown as it says it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from uihelpers import wait_loaded

from annet_contract.email import MSG_AT, MSG_DOMAIN
from annet_contract.phone import MSG_LENGTH, MSG_LETTERS, MSG_MOBILE
from annet_contract.schema import JournalAction
from annet_desktop.ui.dialogs.contacts import ContactsDialog


def _open(qtbot: Any, window: Any, button: Any) -> ContactsDialog:
    button.click()
    dialog = window.actions.last
    assert isinstance(dialog, ContactsDialog) and dialog.isVisible()
    return dialog


def _journal(server: Any, demo: Any) -> list[Any]:
    return server.client(demo).journal(limit=100).items


def _save(qtbot: Any, controller: Any, dialog: ContactsDialog) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        dialog.save_button.click()
    wait_loaded(qtbot, controller)


def test_sms_number_pasted_is_normalised_shown_and_saved(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("no-contacts")
    before = len(_journal(server, demo))
    dialog = _open(qtbot, window, window.subscriber.sms_button)
    assert dialog.windowTitle() == "Сменить № для SMS"
    assert not dialog.save_button.isEnabled()  # nothing typed yet = no change
    qtbot.keyClicks(dialog.edit, "+7 (910) 123-45-67")
    assert dialog.preview.text() == "Будет сохранён номер: +7 910 123-45-67 (9101234567)"
    assert dialog.save_button.isEnabled()
    loads: list[str] = []
    controller.state.loadStarted.connect(lambda part, _n: loads.append(part))
    _save(qtbot, controller, dialog)
    assert sorted(set(loads)) == ["journal"]  # «me» came back with the answer; nothing else changed
    me = server.client(demo).me()
    assert me.sms_phone == "9101234567"
    entries = _journal(server, demo)
    assert len(entries) == before + 1
    assert entries[0].action is JournalAction.CONTACT_SMS and "9101234567" in (entries[0].new_value or "")
    # the tab shows it at once, and the no-notifications note is gone (R-SUB-4)
    assert window.subscriber.values["sms_phone"].text() == "+7 910 123-45-67"
    assert window.subscriber.note.isHidden()
    # the journal tab got the entry without a manual refresh
    assert controller.state.journal.items[0].action is JournalAction.CONTACT_SMS


def test_sms_number_cleared(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, window, demo = logged_in("no-contacts")
    dialog = _open(qtbot, window, window.subscriber.sms_button)
    qtbot.keyClicks(dialog.edit, "89101234567")
    _save(qtbot, controller, dialog)
    assert server.client(demo).me().sms_phone == "9101234567"
    dialog = _open(qtbot, window, window.subscriber.sms_button)
    assert dialog.edit.text() == "9101234567"
    dialog.clear_button.click()
    assert dialog.edit.text() == ""
    assert "будет удалён" in dialog.preview.text()
    _save(qtbot, controller, dialog)
    assert server.client(demo).me().sms_phone is None
    assert "sms_phone" not in window.subscriber.values
    assert not window.subscriber.note.isHidden()
    entry = _journal(server, demo)[0]
    assert entry.action is JournalAction.CONTACT_SMS and "9101234567" in (entry.old_value or "")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("910 123 45", MSG_LENGTH),
        ("8 910 123 45 67 89", MSG_LENGTH),
        ("910-ABC-4567", MSG_LETTERS),
        ("8 (4822) 12-34-56", MSG_MOBILE),  # a Tver landline: SMS go to a mobile number only
        ("0000000000", MSG_MOBILE),
    ],
)
def test_bad_sms_number_says_why_and_sends_nothing(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, typed: str, message: str
) -> None:
    controller, window, demo = logged_in("no-contacts")
    before = len(_journal(server, demo))
    dialog = _open(qtbot, window, window.subscriber.sms_button)
    qtbot.keyClicks(dialog.edit, typed)
    assert dialog.preview.text() == message
    assert not dialog.save_button.isEnabled()
    dialog.save_button.click()  # disabled: nothing happens
    wait_loaded(qtbot, controller)
    assert dialog.isVisible() and dialog.edit.text() == typed  # nothing lost
    assert server.client(demo).me().sms_phone is None
    assert len(_journal(server, demo)) == before


def test_server_refusal_of_a_number_is_shown_in_its_words(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    """Should the server refuse what the app let through, its detail is what the user reads."""
    controller, window, demo = logged_in("no-contacts")
    from annet_desktop.api import errors

    with pytest.raises(errors.RuleViolation) as refused:
        server.client(demo).update_contacts(sms_phone="12345")
    dialog = _open(qtbot, window, window.subscriber.sms_button)
    qtbot.keyClicks(dialog.edit, "12345")
    dialog.value = "12345"  # bypass the app's own check to reach the server's
    dialog.save_button.setEnabled(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: any(m.kind == "error" for m in controller.messages.history), timeout=20000)
    shown = [m for m in controller.messages.history if m.kind == "error"][-1]
    assert shown.text == str(refused.value) and shown.text
    assert dialog.isVisible() and dialog.edit.text() == "12345"  # nothing lost, may correct
    assert server.client(demo).me().sms_phone is None


def test_email_saved_and_cleared(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, window, demo = logged_in("no-contacts")
    dialog = _open(qtbot, window, window.subscriber.email_button)
    assert dialog.windowTitle() == "Сменить e-mail"
    qtbot.keyClicks(dialog.edit, " Ivanov@Mail.RU ")
    assert dialog.preview.text() == "Будет сохранён адрес: Ivanov@mail.ru"
    _save(qtbot, controller, dialog)
    assert server.client(demo).me().email == "Ivanov@mail.ru"
    entry = _journal(server, demo)[0]
    assert entry.action is JournalAction.CONTACT_EMAIL and entry.new_value == "Ivanov@mail.ru"
    assert window.subscriber.values["email"].text() == "Ivanov@mail.ru"
    dialog = _open(qtbot, window, window.subscriber.email_button)
    dialog.clear_button.click()
    _save(qtbot, controller, dialog)
    assert server.client(demo).me().email is None
    assert "email" not in window.subscriber.values


@pytest.mark.parametrize(("typed", "message"), [("ivanov", MSG_AT), ("ivanov@mail", MSG_DOMAIN)])
def test_bad_email_says_why_and_sends_nothing(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, typed: str, message: str
) -> None:
    _controller, window, demo = logged_in("no-contacts")
    before = len(_journal(server, demo))
    dialog = _open(qtbot, window, window.subscriber.email_button)
    qtbot.keyClicks(dialog.edit, typed)
    assert dialog.preview.text() == message
    assert not dialog.save_button.isEnabled()
    assert server.client(demo).me().email is None
    assert len(_journal(server, demo)) == before
    assert dialog.edit.text() == typed
