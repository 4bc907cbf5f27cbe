"""Tests of annet_desktop.state against the real server: one copy of the data, refresh by part,
stale answers of an account no longer selected dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from uihelpers import wait_loaded


def test_answers_for_an_account_no_longer_selected_are_dropped(
    qtbot: Any, logged_in: Callable[..., Any]
) -> None:
    controller, window, _demo = logged_in("multi-account")
    state, worker = controller.state, controller.worker
    # the tray's background refresh reads every account once after the login (issue 14): let it
    # finish and stop, so that only the answers of the selection below can reach the state
    qtbot.waitUntil(lambda: bool(controller.watch and controller.watch.refresher.last), timeout=20000)
    controller.watch.refresher.stop()
    wait_loaded(qtbot, controller)
    first = state.selected_account
    other = next(n for n in state.account_numbers() if n != first)
    applied: list[str] = []
    state.servicesChanged.connect(applied.append)
    state.accountChanged.connect(applied.append)
    dropped: list[Any] = []
    worker.replyDropped.connect(dropped.append)
    state.balance.pop(other, None)  # as if never loaded: select_account asks for its pages again
    state.select_account(other)  # queues the balance of `other`
    state.select_account(first)  # …and the user is back before any answer came
    assert {r.context for r in dropped} == {("account", other)} and len(dropped) == 1
    wait_loaded(qtbot, controller)
    assert other not in applied and not state.balance_of(other).loaded
    assert window.account.values["title"].text().startswith(first)


def test_apply_service_updates_the_views(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    controller, window, _demo = logged_in("internet-discount")
    state = controller.state
    service = state.services_of()[0]
    changed = service.model_copy(update={"name": "Доступ в интернет (изменено)"})
    with qtbot.waitSignal(state.servicesChanged, timeout=1000):
        state.apply_service(state.selected_account, changed)
    assert window.services.model.data(window.services.model.index(0, 0)) == "Доступ в интернет (изменено)"
    assert len(state.services_of()) == len(state.services[state.selected_account])


def test_refresh_named_parts_only(qtbot: Any, logged_in: Callable[..., Any]) -> None:
    controller, _window, _demo = logged_in("internet-discount")
    state = controller.state
    started: list[tuple[str, str]] = []
    state.loadStarted.connect(lambda part, number: started.append((part, number)))
    state.refresh(("account", "journal"))
    wait_loaded(qtbot, controller)
    assert sorted(p for p, _n in started) == ["account", "journal"]
    with pytest.raises(ValueError):
        state.refresh("bogus")
