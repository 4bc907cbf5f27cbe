"""«Пароль» (R-PWD): live strength and match feedback, «Изменить», the memo note, the keyring."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from uihelpers import wait_loaded

from annet_contract import password as pw
from annet_contract.schema import JournalAction
from annet_desktop.api import errors

NEW = "Tvr5kmzQ9w"


def _fill(qtbot: Any, tab: Any, current: str, new: str, confirm: str) -> None:
    for edit, text in ((tab.current, current), (tab.new, new), (tab.confirm, confirm)):
        edit.clear()
        qtbot.keyClicks(edit, text)


def _shown(controller: Any, kind: str) -> list[str]:
    return [m.text for m in controller.messages.history if m.kind == kind]


def _journal_passwords(server: Any, demo: Any, password: str) -> int:
    client = server.client()
    client.login(demo.account, password)
    return sum(1 for e in client.journal(limit=100).items if e.action is JournalAction.PASSWORD)


def test_live_strength_and_match_feedback(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    _controller, window, _demo = logged_in("internet-discount")
    tab = window.password
    qtbot.keyClicks(tab.new, "abc")
    assert "Надёжность" in tab.strength.text() and pw.MSG_SHORT in tab.strength.text()
    tab.new.clear()
    qtbot.keyClicks(tab.new, "tvr5kmz")
    assert "Средний" in tab.strength.text() and pw.TIP_CASE in tab.strength.text()
    tab.new.clear()
    qtbot.keyClicks(tab.new, NEW)
    assert "Надёжный" in tab.strength.text()
    qtbot.keyClicks(tab.confirm, NEW[:-1] + "x")
    assert pw.MSG_MISMATCH in tab.strength.text()
    tab.confirm.clear()
    qtbot.keyClicks(tab.confirm, NEW)
    assert pw.MSG_MATCH in tab.strength.text()
    assert pw.MSG_MATCH in tab.strength.accessibleDescription()


def test_change_password_memo_note_keyring_updated(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("internet-discount")
    url = controller.worker.base_url
    controller.credentials.set(url, demo.account, demo.password)  # «Запомнить» was ticked
    tab = window.password
    _fill(qtbot, tab, demo.password, NEW, NEW)
    loads: list[str] = []
    controller.state.loadStarted.connect(lambda part, _n: loads.append(part))
    tab.change_button.click()
    qtbot.waitUntil(lambda: bool(_shown(controller, "info")), timeout=20000)
    wait_loaded(qtbot, controller)
    assert sorted(set(loads)) == ["journal"]
    info = _shown(controller, "info")[-1]
    assert "Памятки абонента больше не действует" in info
    assert "заменён новым" in info
    assert controller.credentials.get(url, demo.account) == NEW
    assert tab.current.text() == tab.new.text() == tab.confirm.text() == ""
    # the server: the new password works, the memo's does not, the journal has the change
    with pytest.raises(errors.AuthFailed):
        server.client().login(demo.account, demo.password)
    assert _journal_passwords(server, demo, NEW) == 1
    assert controller.state.journal.items[0].action is JournalAction.PASSWORD
    assert _shown(controller, "error") == []


def test_change_password_nothing_stored_stays_not_stored(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("internet-discount")
    url = controller.worker.base_url
    controller.credentials.delete(url, demo.account)
    tab = window.password
    _fill(qtbot, tab, demo.password, NEW, NEW)
    tab.change_button.click()
    qtbot.waitUntil(lambda: bool(_shown(controller, "info")), timeout=20000)
    assert "заменён новым" not in _shown(controller, "info")[-1]
    assert controller.credentials.get(url, demo.account) is None


@pytest.mark.parametrize(
    ("new", "confirm", "expected"),
    [
        ("abcdefgh", "abcdefgh", pw.MSG_DIGIT),  # weak: no digit
        ("abc12", "abc12", pw.MSG_SHORT),  # weak: 5 characters
        (NEW, NEW + "x", pw.MSG_MISMATCH),  # mismatched confirmation
        (NEW, "", pw.MSG_CONFIRM_EMPTY),
    ],
)
def test_refused_locally_says_why_and_sends_nothing(
    qtbot: Any, logged_in: Callable[..., Any], server: Any, new: str, confirm: str, expected: str
) -> None:
    controller, window, demo = logged_in("internet-discount")
    tab = window.password
    _fill(qtbot, tab, demo.password, new, confirm)
    tab.change_button.click()
    warnings = _shown(controller, "warning")
    assert len(warnings) == 1 and expected in warnings[0]
    wait_loaded(qtbot, controller)
    assert tab.new.text() == new and tab.confirm.text() == confirm  # nothing lost
    assert _journal_passwords(server, demo, demo.password) == 0  # the old one still works


def test_wrong_current_password_shows_the_server_words(
    qtbot: Any, logged_in: Callable[..., Any], server: Any
) -> None:
    controller, window, demo = logged_in("internet-discount")
    with pytest.raises(errors.ApiError) as refused:
        server.client(demo).change_password("wrong" + demo.password, NEW)
    tab = window.password
    _fill(qtbot, tab, "wrong" + demo.password, NEW, NEW)
    tab.change_button.click()
    qtbot.waitUntil(lambda: bool(_shown(controller, "error")), timeout=20000)
    assert _shown(controller, "error") == [str(refused.value)]
    assert tab.new.text() == NEW and tab.change_button.isEnabled()
    assert controller.window is window  # still logged in: not taken for an expired session
    assert _journal_passwords(server, demo, demo.password) == 0


def test_double_click_on_change_changes_once(qtbot: Any, logged_in: Callable[..., Any], server: Any) -> None:
    controller, window, demo = logged_in("internet-discount")
    tab = window.password
    _fill(qtbot, tab, demo.password, NEW, NEW)
    qtbot.mouseDClick(tab.change_button, Qt.MouseButton.LeftButton)
    tab.change_button.click()
    qtbot.waitUntil(lambda: bool(_shown(controller, "info")), timeout=20000)
    wait_loaded(qtbot, controller)
    assert window.actions.password.changed == 1
    assert _shown(controller, "error") == [] and len(_shown(controller, "info")) == 1
    assert _journal_passwords(server, demo, NEW) == 1


def test_one_idempotency_key_per_typed_form(
    qtbot: Any, logged_in: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same form sent again carries the same key (a retry replays); an edited form a new one."""
    from annet_desktop.api.client import CabinetClient

    keys: list[str | None] = []
    real = CabinetClient.change_password

    def recording(self: Any, current: str, new: str, *, idempotency_key: str | None = None) -> None:
        keys.append(idempotency_key)
        real(self, current, new, idempotency_key=idempotency_key)

    monkeypatch.setattr(CabinetClient, "change_password", recording)
    controller, window, demo = logged_in("internet-discount")
    tab = window.password
    _fill(qtbot, tab, "wrong" + demo.password, NEW, NEW)
    for sent in (1, 2):
        tab.change_button.click()
        qtbot.waitUntil(lambda sent=sent: len(_shown(controller, "error")) == sent, timeout=20000)
    _fill(qtbot, tab, demo.password, NEW, NEW)
    tab.change_button.click()
    qtbot.waitUntil(lambda: bool(_shown(controller, "info")), timeout=20000)
    assert len(keys) == 3 and all(keys)
    assert keys[0] == keys[1] != keys[2]
