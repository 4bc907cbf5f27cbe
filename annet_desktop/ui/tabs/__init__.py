"""The tabs of the main window, one module per cabinet section, and the context each receives.

Every tab is a ``QWidget`` built as ``SomeTab(ctx: TabContext)`` and offers ``refresh()`` (F5).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
    """

    state: CabinetState
    worker: Worker
    messages: Messages
    settings: Settings
    credentials: Credentials | None = None
    window: Any = None

    @property
    def server_url(self) -> str:
        return self.worker.base_url
