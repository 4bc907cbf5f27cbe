"""The confirmation every action goes through: what happens, when, and a confirm button that fires once.

``ConfirmDialog(ctx, title, text, confirm_text, action, on_done)`` shows the effect (and when it
takes effect) and, on «confirm», runs ``action(client, idempotency_key)`` through the worker. The
confirm button is a :class:`~.base.OnceButton`: a double click sends one request. On success the
dialog closes and ``on_done(result)`` runs; a refusal is shown with the server's words and the
dialog closes (retrying a refused rule changes nothing); a network failure keeps it open with the
button re-armed and the same Idempotency-Key, so a retry cannot do the action twice.

With ``quote=(fetch, describe)`` the money comes first (R-BILL-1): ``fetch(client)`` runs through
the worker as the dialog opens (never on the GUI thread) while the confirm button waits disabled
with «Расчёт сумм…»; ``describe(quote)`` words the answer (:mod:`.quote_texts`) and only then can
the user confirm. A refusal of the quote is the server's sentence and nothing to confirm; a
network failure says so and offers «Повторить расчёт».
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..widgets.mnemonics import mnemonic, with_mnemonic
from ..widgets.naming import named
from .base import (
    ERROR_COLOR,
    MUTED_COLOR,
    WARNING_COLOR,
    OnceButton,
    is_retryable,
    new_key,
    note_label,
    run,
    set_note,
)
from .quote_texts import QuoteText

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
        quote: tuple[Callable[[Any], Any], Callable[[Any], QuoteText]] | None = None,
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
        self.setMinimumWidth(520 if quote is not None else 440)
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
        self.quote: Any = None  # the server's quote, once it came
        self.quote_text = note_label(f"{name}_quote", self, self.tr("Суммы"))
        set_note(self.quote_text, "")
        layout.addWidget(self.quote_text)
        self.quote_warning = note_label(f"{name}_quote_warning", self, self.tr("Предупреждение"))
        set_note(self.quote_warning, "")
        layout.addWidget(self.quote_warning)
        self.status = note_label(f"{name}_status", self, self.tr("Состояние"))
        set_note(self.status, "")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.retry_quote_button = named(
            QPushButton(self.tr("&Повторить расчёт"), self),
            f"{name}_retry_quote",
            self.tr("Повторить расчёт"),
            self.tr("Запросить расчёт у сервера ещё раз"),
        )
        self.retry_quote_button.hide()
        row.addWidget(self.retry_quote_button)
        row.addStretch(1)
        cancel_text = self.tr("&Отмена")
        # the confirm text is the action's name (also the title): its letter is one the others leave
        taken = {mnemonic(self.retry_quote_button.text()), mnemonic(cancel_text)}
        confirm_text = with_mnemonic(confirm_text, taken)
        self.confirm_button = named(
            OnceButton(confirm_text, self),
            f"{name}_confirm",
            confirm_text,
            self.tr("Подтвердить действие на условиях, показанных в окне"),
        )
        self.confirm_button.setDefault(True)
        self.cancel_button = named(  # after the confirm button: the focus starts on that one
            QPushButton(cancel_text, self),
            f"{name}_cancel",
            self.tr("Отмена"),
            self.tr("Закрыть окно, ничего не меняя"),
        )
        row.addWidget(self.confirm_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.confirm_button.fired.connect(self._confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.running = False
        self._quote_spec = quote
        self.retry_quote_button.clicked.connect(self.load_quote)
        if quote is not None:
            self.load_quote()

    # ------------------------------------------------------------------ the quote
    def load_quote(self) -> None:
        """Ask the server what the action will do to the money (through the worker)."""
        if self._quote_spec is None:
            return
        fetch, _describe = self._quote_spec
        self.quote = None
        self.retry_quote_button.hide()
        self.confirm_button.rearm(enabled=False)
        set_note(self.status, self.tr("Расчёт сумм…"), MUTED_COLOR)
        run(self.ctx, self, fetch, on_done=self._quoted, on_failed=self._quote_failed, show_error=False)

    def _quoted(self, quote: Any) -> None:
        assert self._quote_spec is not None
        self.quote = quote
        words = self._quote_spec[1](quote)
        set_note(self.quote_text, words.text)
        set_note(self.quote_warning, words.warning, WARNING_COLOR)
        set_note(self.status, "")
        self.confirm_button.rearm()
        if self.focusWidget() in (None, self.cancel_button, self.retry_quote_button):
            # the focus went on while the button waited disabled: Enter confirms, as without a quote
            self.confirm_button.setFocus()
        self.adjustSize()  # the amounts came after the window was laid out

    def _quote_failed(self, error: Any) -> None:
        from ..messages import error_text

        reason = error_text(error, self.ctx.messages.server_url)
        if is_retryable(error):
            text = self.tr("Не удалось рассчитать суммы: {reason} Подтвердить можно после расчёта.")
            set_note(self.status, text.format(reason=reason), ERROR_COLOR)
            self.retry_quote_button.show()
            self.adjustSize()
            return
        # a refusal: the action would be refused with the same words, so there is nothing to confirm
        refused = self.tr("Сейчас это сделать нельзя: {reason}")
        set_note(self.status, refused.format(reason=reason), ERROR_COLOR)
        self.adjustSize()

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
