"""Notifications from the tray: each event once, remembered across restarts (issue 14.6).

:class:`Notifier` looks at every background refresh (:class:`~annet_desktop.refresher.Snapshot`),
asks :mod:`annet_desktop.domain.watch` what to tell (the forecast's coming events and what changed
since the last look), and shows each notice whose kind is on in the settings and whose key was
never shown, through the tray port's ``show_message``. The keys shown and the last look at each
account are kept in the settings (``notify/sent``, ``notify/seen``), so a restart repeats nothing.
A click on the message opens the tab that deals with it.

Nothing sensitive: amounts, dates and a service name — never the account holder's name, the
password, the token or card data (a notification shows on a locked screen).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from annet_contract.money import format_money
from annet_contract.moscow import format_date, format_datetime, to_moscow

from ..domain.watch import Notice, NoticeKind, Seen, changed, coming, look
from ..i18n import translate
from .forecast_texts import block_text
from .widgets.naming import named

log = logging.getLogger(__name__)

#: how many shown keys are kept (oldest forgotten first; an event's key is never met again by then)
KEEP_SENT = 400


def kind_title(kind: NoticeKind) -> str:
    """The kind's name: the notification's title and its switch in the settings."""
    return {
        NoticeKind.SHORT: translate("Notifications", "Не хватит на ежемесячное списание"),
        NoticeKind.BLOCK_SOON: translate("Notifications", "Скоро финансовая блокировка"),
        NoticeKind.BLOCK: translate("Notifications", "Финансовая блокировка"),
        NoticeKind.CREDIT_ENDS: translate("Notifications", "Кредит заканчивается"),
        NoticeKind.BAN_LIFTED: translate("Notifications", "Кредит снова доступен"),
        NoticeKind.DISCOUNT_ENDS: translate("Notifications", "Скидка заканчивается"),
        NoticeKind.PAYMENT: translate("Notifications", "Платёж зачислен"),
        NoticeKind.ADMIN_BLOCK: translate("Notifications", "Административная блокировка"),
    }[kind]


def notice_text(notice: Notice) -> tuple[str, str]:
    """(title, text) of a notice: amounts and dates only."""
    amount = format_money(notice.amount) if notice.amount is not None else ""
    kind = notice.kind
    title = kind_title(kind)
    if kind is NoticeKind.SHORT:
        text = translate(
            "Notifications", "Денег на счёте не хватит на списание {date}: пополните счёт на {amount}."
        ).format(date=format_date(notice.at), amount=amount)
    elif kind in (NoticeKind.BLOCK_SOON, NoticeKind.BLOCK):
        event = _Event(notice.at, notice.amount, kind is NoticeKind.BLOCK)
        text = block_text(event) + "."
    elif kind is NoticeKind.CREDIT_ENDS:
        text = translate(
            "Notifications",
            "Кредит действует до {moment}: чтобы услуги не заблокировались, пополните счёт на {amount}.",
        )
        text = text.format(moment=format_datetime(notice.at), amount=amount)
    elif kind is NoticeKind.BAN_LIFTED:
        text = translate("Notifications", "С {date} снова можно взять кредит.").format(
            date=format_date(notice.at)
        )
    elif kind is NoticeKind.DISCOUNT_ENDS:
        last_day = to_moscow(notice.at) - dt.timedelta(days=1) if notice.at is not None else None
        text = translate(
            "Notifications", "Скидка на услугу «{service}» действует до {date}; её уже можно продлить."
        ).format(service=notice.service or "", date=format_date(last_day))
    elif kind is NoticeKind.PAYMENT:
        text = translate("Notifications", "На счёт зачислено {amount} ({date}).").format(
            amount=amount, date=format_date(notice.at)
        )
    elif notice.ended:
        title = translate("Notifications", "Административная блокировка снята")
        text = translate("Notifications", "Услуга «{service}» снова работает.").format(
            service=notice.service or ""
        )
    else:
        text = translate("Notifications", "Услуга «{service}» заблокирована администратором.").format(
            service=notice.service or ""
        )
    return title, text


class _Event:
    """The shape :func:`~annet_desktop.ui.forecast_texts.block_text` reads (at, amount, in_force)."""

    def __init__(self, at: Any, amount: Any, in_force: bool) -> None:
        self.at = at
        self.amount = amount
        self.in_force = in_force


class Notifier(QObject):
    """Shows each notice once (see the module docstring); ``shown(notice)`` after each."""

    shown = Signal(object)  # Notice
    tabRequested = Signal(str, str)  # tab objectName, account number

    def __init__(self, port: Any, settings: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.port = port
        self.settings = settings
        self.last: Notice | None = None
        port.messageClicked.connect(self._clicked)

    # ------------------------------------------------------------------ memory (settings)
    def _load(self, key: str, default: Any) -> Any:
        try:
            value = json.loads(self.settings.get(key) or "null")
        except ValueError:
            value = None
        return value if isinstance(value, type(default)) else default

    def sent(self) -> list[str]:
        return [k for k in self._load("notify/sent", []) if isinstance(k, str)]

    def _remember(self, keys: list[str], seen: dict[str, Any]) -> None:
        self.settings.set("notify/sent", json.dumps(keys[-KEEP_SENT:]))
        self.settings.set("notify/seen", json.dumps(seen))
        self.settings.sync()

    def enabled(self, kind: NoticeKind) -> bool:
        return bool(self.settings.get(f"notify/{kind.value}"))

    # ------------------------------------------------------------------ looking
    def check(self, snapshot: Any) -> list[Notice]:
        """Show what ``snapshot`` (a background refresh) calls for; returns the notices shown."""
        sent = self.sent()
        done = set(sent)
        seen_all: dict[str, Any] = self._load("notify/seen", {})
        out = []
        for number, account in snapshot.accounts.items():
            before = Seen.from_json(seen_all.get(number))
            now_seen = look(account.forecast, account.services, account.rows, before)
            notices = coming(number, account.forecast) + changed(
                number, account.forecast, before, now_seen, account.rows
            )
            seen_all[number] = now_seen.to_json()
            for notice in notices:
                if notice.key in done:
                    continue
                done.add(notice.key)
                sent.append(notice.key)  # a kind turned off is not told later either
                if self.enabled(notice.kind):
                    self.show(notice)
                    out.append(notice)
        self._remember(sent, seen_all)
        return out

    def show(self, notice: Notice) -> None:
        title, text = notice_text(notice)
        self.last = notice
        self.port.show_message(title, text)
        log.info("notification %s shown", notice.kind.value)
        self.shown.emit(notice)

    def _clicked(self) -> None:
        if self.last is not None:
            self.tabRequested.emit(self.last.tab, self.last.number)


class NotificationPreview(QFrame):
    """A notification as the desktop shows it (icon, title, text): for the screenshots and the
    settings, where the platform's own bubble cannot be grabbed."""

    def __init__(self, title: str, text: str, icon: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "notification_preview", title)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#notification_preview { background: palette(base); border-radius: 6px; }")
        grid = QGridLayout(self)
        picture = QLabel(self)
        picture.setPixmap(QPixmap(icon).scaled(32, 32, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        heading = QLabel(f"<b>{title}</b>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        body = QLabel(text, self)
        body.setWordWrap(True)
        grid.addWidget(picture, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(heading, 0, 1)
        grid.addWidget(body, 1, 1)
        grid.setColumnStretch(1, 1)
        self.setFixedWidth(380)
