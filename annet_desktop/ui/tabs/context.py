"""What every tab and dialog receives (:class:`TabContext`), and following the selected account.

Every tab is a ``QWidget`` built as ``SomeTab(ctx: TabContext)`` and offers ``refresh()`` (F5).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from ...credentials import Credentials
    from ...settings import Settings
    from ...state import CabinetState
    from ...worker import Worker
    from ..messages import Messages


@dataclass
class TabContext:
    """What every tab (and dialog) needs, handed over once by the main window.

    * ``state`` — :class:`~annet_desktop.state.CabinetState`: the data to show and its signals
      (``selectedAccountChanged(str)``, ``accountChanged(str)``, ``servicesChanged(str)``, …);
      ``state.selected_account`` is the one account every tab shows; ``state.refresh(parts)``
      after an action; ``state.apply_*`` with objects the server sent back.
    * ``worker`` — :class:`~annet_desktop.worker.Worker`: ``worker.submit(fn, *args, priority=,
      key=, context=)`` runs ``fn(client, *args)`` in the API thread and returns a ``Reply``
      (``finished``/``failed``). Give month-dependent loads a context such as
      ``("calls", (account, year, month))`` and call ``worker.set_current("calls", (...))`` when
      the selection changes: answers for an old selection are then dropped.
    * ``messages`` — :class:`~annet_desktop.ui.messages.Messages`: ``error(err, parent=)`` for a
      failed action, ``error(err, action=False)`` for a failed refresh, ``info(text, parent=)``.
    * ``settings`` — :class:`~annet_desktop.settings.Settings` (e.g. ``export/folder``).
    * ``credentials`` — :class:`~annet_desktop.credentials.Credentials` (keyring).
    * ``window`` — the main window (parent for dialogs), set once it exists.
    * ``demo_origin`` — with ``--demo``, the embedded demo server's ``http://127.0.0.1:port``:
      the one place the payment web view accepts plain-http pages from (its sandbox); else None.
    """

    state: CabinetState
    worker: Worker
    messages: Messages
    settings: Settings
    credentials: Credentials | None = None
    window: Any = None
    demo_origin: str | None = None

    @property
    def server_url(self) -> str:
        return self.worker.base_url


class _AccountFollower(QObject):
    """Child of a tab: its slots die with the tab, so the state never calls into a deleted widget."""

    def __init__(self, tab: QObject, state: CabinetState, render: Callable[[], None], part: str) -> None:
        super().__init__(tab)
        self._state = state
        self._render = render
        self._part = part

    def changed(self, number: str) -> None:
        if number == self._state.selected_account:
            self._render()

    def selected(self, _number: str) -> None:
        self._render()

    def failed(self, part: str, number: str, _error: object) -> None:
        if part == self._part:
            self.changed(number)


def follow_selected_account(
    tab: QObject, state: CabinetState, render: Callable[[], None], part: str, changed: tuple[Any, ...]
) -> None:
    """Re-render a per-account tab when its data changes, its load fails, or another account is chosen.

    ``changed`` are the state's ``…Changed(str number)`` signals the tab shows; ``part`` is the name
    ``loadFailed(part, number, error)`` uses for the tab's data. Events of an account that is not
    the selected one are ignored.
    """
    follower = _AccountFollower(tab, state, render, part)
    for signal in changed:
        signal.connect(follower.changed)
    state.selectedAccountChanged.connect(follower.selected)
    state.loadFailed.connect(follower.failed)
