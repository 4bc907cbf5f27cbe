"""The forecast of each account (``GET /accounts/{n}/forecast``), kept next to the account it follows.

Every new account answer (a refresh, the account sent back by an action) makes the forecast stale,
so :class:`Forecasts` loads it again right after; the views read it from here and re-render on
:attr:`Forecasts.changed`. A failed load keeps nothing stale: the old forecast is dropped.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from .worker import Priority


def _fetch_forecast(client: Any, number: str) -> Any:
    return client.forecast(number)


class Forecasts(QObject):
    """The latest forecast per account number; ``changed(number)`` when one arrives or is dropped."""

    changed = Signal(str)

    def __init__(self, state: Any) -> None:
        """``state`` is the :class:`~annet_desktop.state.CabinetState` that owns it (not imported: no
        circle)."""
        super().__init__(state)
        self._state = state
        self._forecasts: dict[str, Any] = {}
        self._errors: dict[str, Any] = {}
        self._given: dict[str, Any] = {}  # forecasts that came with an account (background refresh)
        state.accountChanged.connect(self.load)
        state.sessionStarted.connect(self.clear)
        state.sessionEnded.connect(self.clear)

    def of(self, number: str | None = None) -> Any:
        """The forecast of ``number`` (default: the selected account), ``None`` until it arrives."""
        return self._forecasts.get(number or self._state.selected_account)

    def error(self, number: str | None = None) -> Any:
        """The ApiError of the last failed load of ``number``'s forecast, if it failed."""
        return self._errors.get(number or self._state.selected_account)

    def give(self, number: str, forecast: Any) -> None:
        """The next account answer of ``number`` comes with this forecast (the background refresh
        asked for both): no request of its own, which would count as the subscriber's activity."""
        self._given[number] = forecast

    def load(self, number: str) -> None:
        """Ask the server for ``number``'s forecast (background priority; a newer ask replaces it)."""
        if number in self._given:
            self._apply(number, self._given.pop(number))
            return
        if not self._state.logged_in:
            return
        reply = self._state.worker.submit(
            _fetch_forecast, number, priority=Priority.BACKGROUND, key=("forecast", number)
        )
        reply.then(self, partial(self._apply, number), partial(self._fail, number))

    def clear(self) -> None:
        """Forget every forecast (logout)."""
        self._forecasts.clear()
        self._errors.clear()
        self._given.clear()

    def _apply(self, number: str, forecast: Any) -> None:
        self._forecasts[number] = forecast
        self._errors.pop(number, None)
        self.changed.emit(number)

    def _fail(self, number: str, error: Any) -> None:
        self._forecasts.pop(number, None)
        self._errors[number] = error
        self.changed.emit(number)
