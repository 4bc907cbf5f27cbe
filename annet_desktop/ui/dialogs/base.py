"""Shared pieces of the action dialogs: the once-only button, running an action, notes, tables.

Every server call of a dialog goes through :func:`run` (the worker, user priority, never the
client on the GUI thread); a refusal is shown with the server's own words through the messages
bridge. :class:`OnceButton` is the confirm button that cannot fire twice: the first click disarms
and disables it before anything else happens, so a double click does the action once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QTableView, QWidget

from annet_contract.moscow import MOSCOW

from ...i18n import translate
from ...worker import Priority, Reply
from .. import colors
from ..models.rows_model import Column, RowsModel

if TYPE_CHECKING:
    from ..tabs.context import TabContext

#: colours of the notes (same family as the tabs use)
ERROR_COLOR = colors.ERROR
WARNING_COLOR = colors.WARNING
OK_COLOR = colors.OK
MUTED_COLOR = colors.MUTED

#: the clock the dialogs word dates with (tests point it at the server's FakeClock)
Clock = Callable[[], dt.datetime]


def system_now() -> dt.datetime:
    return dt.datetime.now(MOSCOW)


def tr_rules(text: str) -> str:
    """Translator handed to :mod:`annet_desktop.domain.rules` (context ``Rules``)."""
    return translate("Rules", text)


def new_key() -> str:
    """A fresh Idempotency-Key: one per confirmation, reused if the same confirmation is retried."""
    return str(uuid.uuid4())


class OnceButton(QPushButton):
    """A push button that emits :attr:`fired` at most once until :meth:`rearm` is called.

    The first click disables the button and disarms it *before* ``fired`` is emitted, so a
    second click (a double click, a key repeat, a queued event) finds it disarmed and does nothing.
    """

    fired = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._armed = True
        self.fire_count = 0
        self.clicked.connect(self._on_click)

    @property
    def armed(self) -> bool:
        return self._armed

    def _on_click(self) -> None:
        if not self._armed:
            return
        self._armed = False
        self.setEnabled(False)
        self.fire_count += 1
        self.fired.emit()

    def rearm(self, enabled: bool = True) -> None:
        """Allow one more firing (after a failure the user may retry)."""
        self._armed = True
        self.setEnabled(enabled)


def note_label(name: str, parent: QWidget, accessible: str = "") -> QLabel:
    """A word-wrapped, selectable label for explanations, reasons and previews."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleName(accessible or name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def set_note(label: QLabel, text: str, color: str | None = None) -> None:
    """Show ``text`` in ``label`` (hidden when empty), optionally coloured."""
    label.setText(text)
    label.setStyleSheet(colors.style(color) if color else "")
    label.setVisible(bool(text))


def run(
    ctx: TabContext,
    owner: QObject,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_failed: Callable[[Any], None] | None = None,
    parent: QWidget | None = None,
    show_error: bool = True,
) -> Reply:
    """Run ``fn(client, *args)`` in the API thread for a user action.

    ``on_done(result)`` runs on success. On failure the error is shown through the messages
    bridge with the server's words (parented to ``parent``, the window that stays open), then
    ``on_failed(error)`` runs. The reply is kept on ``owner`` so it lives until it answers; when
    ``owner`` is deleted first, neither runs.
    """
    reply = ctx.worker.submit(fn, *args, priority=Priority.USER)
    replies = getattr(owner, "_action_replies", None)
    if replies is None:
        replies = []
        setattr(owner, "_action_replies", replies)  # noqa: B010 - any QObject may own replies
    replies.append(reply)

    def forget() -> None:
        if reply in replies:
            replies.remove(reply)

    def finished(result: Any) -> None:
        forget()
        on_done(result)

    def failed(error: Any) -> None:
        forget()
        if show_error:
            ctx.messages.error(error, parent=parent if parent is not None else ctx.window)
        if on_failed is not None:
            on_failed(error)

    reply.then(owner, finished, failed)  # nothing runs once the owner (the dialog) is gone
    return reply


def is_retryable(error: Any) -> bool:
    """A failure worth another try of the same confirmation (network, server), not a rule refusal."""
    from ...api import errors

    return isinstance(error, (errors.NetworkError, errors.ServerError, errors.BadResponse))


class ChoiceView(QTableView):
    """A table of a dialog whose Enter activates the current row and goes no further.

    A plain item view emits ``activated`` on Enter and passes the key on to its dialog, which then
    presses its default button — found among all its children, so the confirm button of the
    confirmation the row has just opened: one Enter on an offer took the discount unasked.
    Read-only; one whole row is chosen at a time; alternating row colours, no row numbers.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.activated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class ChoiceModel(RowsModel):
    """A table of rows to choose from; rows that cannot be chosen are greyed, with the reason."""

    def __init__(
        self,
        columns: list[Column],
        rows: list[Any],
        reason: Callable[[Any], str | None],
        selectable: Callable[[Any], bool],
        parent: Any = None,
    ) -> None:
        self.items: list[Any] = list(rows)
        super().__init__(columns, lambda: self.items, parent)
        self._reason = reason
        self._selectable = selectable
        self.reset()

    def set_rows(self, rows: list[Any]) -> None:
        self.items = list(rows)
        self.reset()

    def is_selectable(self, row: int) -> bool:
        return 0 <= row < len(self.items) and self._selectable(self.items[row])

    def reason(self, row: int) -> str | None:
        return self._reason(self.items[row]) if 0 <= row < len(self.items) else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and 0 <= index.row() < len(self.items):
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.reason(index.row())
            if role == Qt.ItemDataRole.ForegroundRole and not self.is_selectable(index.row()):
                return QBrush(QColor(MUTED_COLOR))
        return super().data(index, role)


def choice_table(
    model: ChoiceModel,
    name: str,
    accessible: str,
    parent: QWidget,
    chosen: Callable[[QModelIndex], None],
    description: str = "",
) -> QTableView:
    """The read-only, row-at-a-time table of a choice dialog (tariffs, discounts): a click or Enter
    on a row calls ``chosen(index)``."""
    from ..widgets.naming import named

    view = named(
        ChoiceView(parent),
        name,
        accessible,
        description or translate("Dialogs", "Щелчок или Enter на строке выбирает её"),
    )
    view.setModel(model)
    view.clicked.connect(chosen)
    view.activated.connect(chosen)
    return view
