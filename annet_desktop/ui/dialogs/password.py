"""The action of the «Пароль» tab (R-PWD): live strength and match feedback, «Изменить», the memo note.

:class:`PasswordAction` attaches to the shell's ``PasswordTab`` (its ``current``, ``new``,
``confirm`` fields, ``strength`` label and ``changeRequested`` signal). As the user types, the
strength (0…4 with a label and tips, R-PWD-2) and whether the confirmation matches are shown.
«Изменить» checks the form (a weak password or a mismatched confirmation is explained and nothing
is sent), then sends it through the worker — the button fires once. Afterwards the app says that
the password from the Памятка абонента no longer works (R-PWD-3) and, if a password is stored in
the keyring for this account, replaces it with the new one.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLineEdit

from annet_contract import password as pw

from ...i18n import translate
from .base import ERROR_COLOR, MUTED_COLOR, OK_COLOR, WARNING_COLOR, run

if TYPE_CHECKING:
    from ..tabs.context import TabContext

#: colours of the strength scores 0…4
SCORE_COLORS = (ERROR_COLOR, ERROR_COLOR, WARNING_COLOR, OK_COLOR, OK_COLOR)


def _change(client: Any, current: str, new: str, key: str) -> None:
    client.change_password(current, new, idempotency_key=key)


class PasswordAction(QObject):
    """Live feedback on the password tab and the change itself."""

    def __init__(self, ctx: TabContext, tab: Any) -> None:
        super().__init__(tab)
        self.ctx = ctx
        self.tab = tab
        self.running = False
        self.changed = 0  # successful changes (for tests)
        self.keyring_updated = False
        #: the Idempotency-Key of the typed form: sent again when the same form is sent again
        #: (a retry after a lost answer replays the first answer); a new one once a field changes
        self.form_key: str | None = None
        for edit in (tab.current, tab.new, tab.confirm):
            edit.textChanged.connect(self._form_edited)
            edit.textChanged.connect(self.update_feedback)
        tab.changeRequested.connect(self.submit)
        tab.strength.setWordWrap(True)
        tab.strength.setTextFormat(Qt.TextFormat.RichText)
        self.update_feedback()

    # ------------------------------------------------------------------ feedback
    def feedback_lines(self) -> list[tuple[str, str]]:
        """(text, colour) lines under the fields: strength, tips, confirmation."""
        tab = self.tab
        new, confirm = tab.new.text(), tab.confirm.text()
        lines: list[tuple[str, str]] = []
        if new:
            strength = pw.strength(new)
            bar = "■" * strength.score + "□" * (4 - strength.score)
            lines.append(
                (
                    translate("Password", "Надёжность: {bar} {level}").format(
                        bar=bar, level=translate("Password", strength.label)
                    ),
                    SCORE_COLORS[strength.score],
                )
            )
            form = pw.check_form(tab.current.text(), new, confirm)
            for problem in form.new_problems:
                lines.append((translate("Password", problem), ERROR_COLOR))
            if not form.new_problems:
                for tip in strength.tips[:2]:
                    lines.append((translate("Password", tip), MUTED_COLOR))
        form = pw.check_form(tab.current.text(), new, confirm)
        if form.confirm_message and (confirm or new):
            color = OK_COLOR if form.confirm_ok else (ERROR_COLOR if confirm else MUTED_COLOR)
            lines.append((translate("Password", form.confirm_message), color))
        return lines

    def _form_edited(self) -> None:
        self.form_key = None

    def update_feedback(self) -> None:
        from html import escape

        lines = self.feedback_lines()
        html = "<br>".join(f'<span style="color:{c}">{escape(t)}</span>' for t, c in lines)
        self.tab.strength.setText(html)
        self.tab.strength.setAccessibleDescription(" ".join(t for t, _c in lines))
        if not self.running:
            self.tab.change_button.setEnabled(True)

    # ------------------------------------------------------------------ change
    def problem(self) -> tuple[str, QLineEdit] | None:
        """The first reason not to send the form, and the field to fix, or ``None``."""
        tab = self.tab
        current, new, confirm = tab.current.text(), tab.new.text(), tab.confirm.text()
        if not current:
            return translate("Password", "Введите текущий пароль."), tab.current
        if not new:
            return translate("Password", "Введите новый пароль."), tab.new
        problems = pw.problems(new)
        if problems:
            return (
                "\n".join(  # whole sentences: what is wrong, then each problem
                    [
                        translate("Password", "Новый пароль не подходит."),
                        *(translate("Password", p) for p in problems),
                    ]
                ),
                tab.new,
            )
        if new == current:
            return translate("Password", pw.MSG_SAME), tab.new
        if confirm != new:
            return translate(
                "Password", pw.MSG_CONFIRM_EMPTY if not confirm else pw.MSG_MISMATCH
            ), tab.confirm
        return None

    def submit(self) -> None:
        """«Изменить»: check, then send once; a second click while it runs does nothing."""
        if self.running:
            return
        problem = self.problem()
        if problem is not None:
            text, field = problem
            self.ctx.messages.warning(text, parent=self.tab, title=translate("Password", "Пароль не изменён"))
            field.setFocus()
            return
        self.running = True
        self.tab.change_button.setEnabled(False)
        if self.form_key is None:
            self.form_key = str(uuid.uuid4())
        run(
            self.ctx,
            self,
            _change,
            self.tab.current.text(),
            self.tab.new.text(),
            self.form_key,
            on_done=self._done,
            on_failed=self._failed,
            parent=self.tab,
        )

    def _done(self, _result: Any) -> None:
        self.running = False
        self.form_key = None
        self.changed += 1
        new = self.tab.new.text()
        self.keyring_updated = self._update_keyring(new)
        self.tab.clear()
        self.tab.change_button.setEnabled(True)
        self.ctx.state.refresh(("journal",))
        sentences = [
            translate(
                "Password",
                "Пароль изменён. Пароль из Памятки абонента больше не действует: "
                "для входа используйте новый пароль. Если вы его забудете, восстановить доступ можно "
                "только в офисе обслуживания «Аннет» (с документом, удостоверяющим личность).",
            )
        ]
        if self.keyring_updated:  # one more whole sentence
            sentences.append(translate("Password", "Сохранённый на этом компьютере пароль заменён новым."))
        text = " ".join(sentences)
        self.ctx.messages.info(text, parent=self.tab, title=translate("Password", "Пароль изменён"))

    def _update_keyring(self, new: str) -> bool:
        """Replace a remembered password (any account number of this subscriber) with ``new``."""
        credentials = self.ctx.credentials
        if credentials is None:
            return False
        state = self.ctx.state
        numbers = [state.login_account, *state.account_numbers()]
        url = self.ctx.worker.base_url
        updated = False
        for account in dict.fromkeys(n for n in numbers if n):
            if credentials.get(url, account) is None:
                continue  # nothing remembered: do not start remembering now
            updated = bool(credentials.set(url, account, new)) or updated
        return updated

    def _failed(self, _error: Any) -> None:
        # the server's words were shown; the fields stay as typed so nothing is lost
        self.running = False
        self.tab.change_button.setEnabled(True)
        self.tab.current.setFocus()
