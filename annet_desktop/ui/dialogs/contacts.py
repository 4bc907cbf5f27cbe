"""«Сменить № для SMS» and «Сменить e-mail» (R-SUB-2, R-SUB-3): one field, a live preview, clearable.

The SMS number is normalised as it is typed (pasted +7/8, spaces, dashes, parentheses go) and the
10 digits that will be saved are shown before saving; a bad value says why and «Сохранить» stays
disabled. «Очистить» empties the field: saving then removes the value (the preview says that no
notifications of that kind will come). The server's refusal is shown as it says it, and the typed
text stays in the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from annet_contract.email import check_email
from annet_contract.phone import check_phone, format_phone

from ...i18n import translate
from ..widgets.naming import named
from .base import ERROR_COLOR, MUTED_COLOR, OK_COLOR, WARNING_COLOR, OnceButton, note_label, run, set_note

if TYPE_CHECKING:
    from ..tabs.context import TabContext

SMS = "sms_phone"
EMAIL = "email"


def _save_sms(client: Any, value: str | None, key: str) -> Any:
    return client.update_contacts(sms_phone=value, idempotency_key=key)


def _save_email(client: Any, value: str | None, key: str) -> Any:
    return client.update_contacts(email=value, idempotency_key=key)


class ContactsDialog(QDialog):
    """Change (or clear) the SMS number or the e-mail of the subscriber."""

    def __init__(self, ctx: TabContext, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else ctx.window)
        if field not in (SMS, EMAIL):
            raise ValueError(field)
        self.ctx = ctx
        self.field = field
        self.saved: Any = None
        me = ctx.state.me
        self.current: str | None = getattr(me, field, None) if me is not None else None
        sms = field == SMS
        title = self.tr("Сменить № для SMS") if sms else self.tr("Сменить e-mail")
        named(self, "contacts_sms_dialog" if sms else "contacts_email_dialog", title)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.hint = note_label("contacts_hint", self, self.tr("Подсказка"))
        if sms:
            self.hint.setText(
                self.tr(
                    "Номер мобильного телефона для SMS-уведомлений: 10 цифр без 8 или +7 в начале. "
                    "Можно вставить номер в любом виде — лишние знаки будут убраны."
                )
            )
        else:
            self.hint.setText(self.tr("Адрес электронной почты для уведомлений оператора."))
        layout.addWidget(self.hint)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        current_text = (format_phone(self.current) if sms else self.current) or self.tr("не указан")
        self.current_label = note_label("contacts_current", self, self.tr("Сейчас"))
        self.current_label.setText(self.tr("Сейчас: {value}").format(value=current_text))
        layout.addWidget(self.current_label)
        caption = self.tr("Новый номер") if sms else self.tr("Новый e-mail")
        self.edit = named(QLineEdit(self), "contacts_value", caption)
        self.edit.setMaxLength(64 if sms else 254)
        self.edit.setMinimumWidth(260)
        self.edit.setPlaceholderText("9101234567" if sms else "ivanov@mail.ru")
        if self.current:
            self.edit.setText(self.current)
        form.addRow(self.tr("&Новый номер:") if sms else self.tr("&Новый e-mail:"), self.edit)
        layout.addLayout(form)
        self.preview = note_label("contacts_preview", self, self.tr("Что будет сохранено"))
        layout.addWidget(self.preview)
        row = QHBoxLayout()
        self.clear_button = named(
            QPushButton(self.tr("О&чистить"), self),
            "contacts_clear",
            self.tr("Очистить поле"),
            self.tr("Очистить поле, чтобы удалить сохранённое значение"),
        )
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self.save_button = named(
            OnceButton(self.tr("&Сохранить"), self),
            "contacts_save",
            self.tr("Сохранить"),
            self.tr("Сохранить новое значение в личном кабинете"),
        )
        self.save_button.setDefault(True)
        self.cancel_button = named(
            QPushButton(self.tr("&Отмена"), self),
            "contacts_cancel",
            self.tr("Отмена"),
            self.tr("Закрыть окно, ничего не меняя"),
        )
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.edit.textChanged.connect(self.update_preview)
        self.clear_button.clicked.connect(self._clear)
        self.save_button.fired.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        self.value: str | None = self.current
        self.update_preview()

    # ------------------------------------------------------------------ feedback
    def _clear(self) -> None:
        self.edit.clear()
        self.edit.setFocus()

    def update_preview(self) -> None:
        """Check the text as typed and say what will be saved, or why not."""
        text = self.edit.text()
        if self.field == SMS:
            phone = check_phone(text)
            error = phone.error
            value = phone.digits
        else:
            mail = check_email(text)
            error = mail.error
            value = mail.address
        if error is not None:
            context = "Phone" if self.field == SMS else "Email"
            set_note(self.preview, translate(context, error), ERROR_COLOR)
            self.value = None
            self.save_button.setEnabled(False)
            return
        self.value = value
        if value == self.current:
            set_note(self.preview, self.tr("Значение не изменилось."), MUTED_COLOR)
            self.save_button.setEnabled(False)
            return
        if value is None:
            if self.field == SMS:
                text = self.tr("Номер для SMS будет удалён: уведомления этим способом приходить не будут.")
            else:
                text = self.tr("E-mail будет удалён: уведомления этим способом приходить не будут.")
            set_note(self.preview, text, WARNING_COLOR)
        elif self.field == SMS:
            set_note(
                self.preview,
                self.tr("Будет сохранён номер: {phone} ({digits})").format(
                    phone=format_phone(value), digits=value
                ),
                OK_COLOR,
            )
        else:
            set_note(self.preview, self.tr("Будет сохранён адрес: {email}").format(email=value), OK_COLOR)
        self.save_button.setEnabled(self.save_button.armed)

    # ------------------------------------------------------------------ saving
    def _save(self) -> None:
        self.edit.setReadOnly(True)
        self.clear_button.setEnabled(False)
        from .base import new_key

        fn = _save_sms if self.field == SMS else _save_email
        run(
            self.ctx, self, fn, self.value, new_key(), on_done=self._done, on_failed=self._failed, parent=self
        )

    def _done(self, me: Any) -> None:
        self.saved = me
        self.ctx.state.apply_me(me)
        self.ctx.state.refresh(("journal",))
        self.accept()
        self.ctx.messages.status(
            self.tr("Номер для SMS сохранён.") if self.field == SMS else self.tr("E-mail сохранён.")
        )

    def _failed(self, error: Any) -> None:
        # nothing lost: the typed text stays; the user may correct it and save again
        self.edit.setReadOnly(False)
        self.clear_button.setEnabled(True)
        self.save_button.rearm(False)
        self.update_preview()
        self.edit.setFocus()
