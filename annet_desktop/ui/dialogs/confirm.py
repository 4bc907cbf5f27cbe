"""The confirmation every action goes through: what happens, when, and a confirm button that fires once.

``ConfirmDialog(ctx, title, text, confirm_text, action, on_done)`` shows the effect (and when it
takes effect) and, on «confirm», runs ``action(client, idempotency_key)`` through the worker. The
confirm button is a :class:`~.base.OnceButton`: a double click sends one request. On success the
dialog closes and ``on_done(result)`` runs; a refusal is shown with the server's words and the
dialog closes (retrying a refused rule changes nothing); a network failure keeps it open with the
button re-armed and the same Idempotency-Key, so a retry cannot do the action twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..widgets.naming import named
from .base import MUTED_COLOR, OnceButton, is_retryable, new_key, note_label, run, set_note

if TYPE_CHECKING:
    from ..tabs.context import TabContext


class ConfirmDialog(QDialog):
    """A window-modal confirmation that runs one action once (see the module docstring)."""

    succeeded = Signal(object)
    refused = Signal(object)

    def __init__(
        self,
        ctx: TabContext,
        title: str,
        text: str,
        confirm_text: str,
        action: Callable[[Any, str], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        name: str = "confirm_dialog",
        details: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else ctx.window)
        self.ctx = ctx
        self.action = action
        self.on_done = on_done
        self.idempotency_key = new_key()
        self.result: Any = None
        named(self, name, title)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.text = note_label(f"{name}_text", self, title)
        self.text.setText(text)
        layout.addWidget(self.text)
        self.details: dict[str, QLabel] = {}
        if details:
            from PySide6.QtWidgets import QFormLayout

            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            for i, (caption, value) in enumerate(details):
                label = note_label(f"{name}_detail_{i}", self, caption)
                label.setText(value)
                form.addRow(caption + ":", label)
                self.details[caption] = label
            layout.addLayout(form)
        self.status = note_label(f"{name}_status", self, self.tr("Состояние"))
        set_note(self.status, "")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.confirm_button = named(OnceButton(confirm_text, self), f"{name}_confirm", confirm_text)
        self.confirm_button.setDefault(True)
        self.cancel_button = named(QPushButton(self.tr("Отмена"), self), f"{name}_cancel", self.tr("Отмена"))
        row.addWidget(self.confirm_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.confirm_button.fired.connect(self._confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.running = False

    def _confirm(self) -> None:
        self.running = True
        self.cancel_button.setEnabled(False)
        set_note(self.status, self.tr("Выполняется…"), MUTED_COLOR)
        run(
            self.ctx,
            self,
            self.action,
            self.idempotency_key,
            on_done=self._done,
            on_failed=self._failed,
            parent=self.parentWidget(),  # the message outlives this dialog, which closes on a refusal
        )

    def _done(self, result: Any) -> None:
        self.running = False
        self.result = result
        self.accept()
        if self.on_done is not None:
            self.on_done(result)
        self.succeeded.emit(result)

    def _failed(self, error: Any) -> None:
        self.running = False
        self.cancel_button.setEnabled(True)
        if is_retryable(error):
            set_note(self.status, self.tr("Не выполнено. Можно повторить."), MUTED_COLOR)
            self.confirm_button.rearm()
            return
        set_note(self.status, "")
        self.refused.emit(error)
        self.reject()

    def reject(self) -> None:
        if self.running:
            return  # the action is under way: its answer decides
        super().reject()
