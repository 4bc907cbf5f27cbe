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
    first = state.selected_account
    other = next(n for n in state.account_numbers() if n != first)
    assert state.services_of(other) is None  # never loaded
    dropped: list[Any] = []
    worker.replyDropped.connect(dropped.append)
    state.select_account(other)  # queues account/services/balance of `other`
    state.select_account(first)  # …and the user is back before any answer came
    assert {r.context for r in dropped} == {("account", other)} and len(dropped) == 3
    wait_loaded(qtbot, controller)
    assert state.services_of(other) is None and other not in state.accounts
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
