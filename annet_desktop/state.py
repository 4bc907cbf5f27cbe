"""CabinetState: the latest server data of the logged-in subscriber, one copy for every view.

Views read from here and re-render on its signals; they never keep their own copy. Loading goes
through the :class:`~annet_desktop.worker.Worker` (background priority); per-account loads carry
the context ``("account", number)`` so an answer for an account no longer selected is dropped.

After an action, call :meth:`CabinetState.refresh` with what the action changed (``"me"``,
``"account"``, ``"services"``, ``"balance"``, ``"journal"``) — or hand the returned object to
``apply_me`` / ``apply_account`` / ``apply_service`` when the server already sent it back. An
action that moves money calls :meth:`CabinetState.money_moved`: the state knows what money shows in.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from annet_contract.moscow import MOSCOW

from .forecasts import Forecasts
from .worker import Priority, Reply, Worker

log = logging.getLogger(__name__)

PARTS = ("me", "account", "services", "balance", "journal")
ACCOUNT_PARTS = ("account", "services", "balance")
#: everything an action that moves money makes stale (R-BILL-1: its rows appear in «Баланс» at once)
MONEY_PARTS = ("account", "services", "balance", "journal")
PAGE_SIZE = 50


@dataclass
class PagedList:
    """A newest-first list loaded page by page (balance history, journal)."""

    items: list[Any] = field(default_factory=list)
    next_cursor: str | None = None
    loaded: bool = False  # the first page arrived
    loading: bool = False
    error: Any = None  # the ApiError of the last failed load

    @property
    def can_fetch_more(self) -> bool:
        return self.loaded and self.next_cursor is not None and not self.loading


def _fetch_balance(client: Any, number: str, cursor: str | None) -> Any:
    return client.balance_history(number, limit=PAGE_SIZE, cursor=cursor)


def _fetch_journal(client: Any, cursor: str | None) -> Any:
    return client.journal(limit=PAGE_SIZE, cursor=cursor)


def _fetch_account(client: Any, number: str) -> Any:
    return client.account(number)


def _fetch_services(client: Any, number: str) -> Any:
    return client.services(number)


def _fetch_me(client: Any) -> Any:
    return client.me()


class CabinetState(QObject):
    """The subscriber's data (me, accounts, services, balance pages, journal) and its signals."""

    sessionStarted = Signal()
    sessionEnded = Signal()
    meChanged = Signal()
    selectedAccountChanged = Signal(str)
    accountChanged = Signal(str)
    servicesChanged = Signal(str)
    balanceReset = Signal(str)
    balanceAppended = Signal(str, int, int)  # number, first new row, count
    journalReset = Signal()
    journalAppended = Signal(int, int)
    loadStarted = Signal(str, str)  # part, account number ("" for me/journal)
    loadFailed = Signal(str, str, object)  # part, account number, ApiError
    refreshed = Signal(object)  # datetime of the last successful load
    onlineChanged = Signal(bool)

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.me: Any = None
        self.login_account = ""
        self._selected = ""
        self.accounts: dict[str, Any] = {}
        self.services: dict[str, list[Any]] = {}
        self.balance: dict[str, PagedList] = {}
        self.journal = PagedList()
        self.call_months: dict[str, list[tuple[int, int]]] = {}
        self.errors: dict[tuple[str, str], Any] = {}
        self.loading: set[tuple[str, str]] = set()
        self.last_refresh: dt.datetime | None = None
        self.online = True
        worker.replyDropped.connect(self._on_dropped)
        self.forecasts = Forecasts(self)  # follows accountChanged

    # ------------------------------------------------------------------ session
    def start_session(self, me: Any, login_account: str) -> None:
        """A subscriber logged in: keep ``me``, select the account typed at login, load it."""
        self.clear(emit=False)
        self.me = me
        self.login_account = login_account
        numbers = self.account_numbers()
        self._selected = login_account if login_account in numbers else (numbers[0] if numbers else "")
        self.worker.set_current("account", self._selected)
        self._mark_success()
        self.sessionStarted.emit()
        self.meChanged.emit()
        self.selectedAccountChanged.emit(self._selected)
        self.refresh(("account", "services", "balance", "journal"))

    def clear(self, *, emit: bool = True) -> None:
        """Forget everything (logout)."""
        self.me = None
        self._selected = ""
        self.accounts.clear()
        self.services.clear()
        self.balance.clear()
        self.journal = PagedList()
        self.call_months.clear()
        self.errors.clear()
        self.loading.clear()
        self.last_refresh = None
        self.online = True
        if emit:
            self.sessionEnded.emit()

    @property
    def logged_in(self) -> bool:
        return self.me is not None

    # ------------------------------------------------------------------ reading
    def account_refs(self) -> list[Any]:
        return list(self.me.accounts) if self.me is not None else []

    def account_numbers(self) -> list[str]:
        return [a.number for a in self.account_refs()]

    @property
    def several_accounts(self) -> bool:
        return len(self.account_refs()) > 1

    @property
    def has_telephony(self) -> bool:
        return any(a.has_telephony for a in self.account_refs())

    @property
    def selected_account(self) -> str:
        return self._selected

    def account(self, number: str | None = None) -> Any:
        return self.accounts.get(number or self._selected)

    def services_of(self, number: str | None = None) -> list[Any] | None:
        return self.services.get(number or self._selected)

    def balance_of(self, number: str | None = None) -> PagedList:
        return self.balance.setdefault(number or self._selected, PagedList())

    def months_with_calls(self, number: str) -> list[tuple[int, int]]:
        """The (year, month) pairs in which account ``number`` has calls, newest first ([] unknown)."""
        return self.call_months.get(number, [])

    def set_months_with_calls(self, number: str, months: Iterable[tuple[int, int]]) -> None:
        """The months with calls as the server listed them (``CallsPage.months``)."""
        self.call_months[number] = sorted(set(months), reverse=True)

    def error(self, part: str, number: str = "") -> Any:
        return self.errors.get((part, number))

    def is_loading(self, part: str, number: str = "") -> bool:
        return (part, number) in self.loading

    # ------------------------------------------------------------------ selecting
    def select_account(self, number: str) -> None:
        """Make ``number`` the account every tab shows; loads what is not loaded yet."""
        if number == self._selected or number not in self.account_numbers():
            return
        self._selected = number
        self.worker.set_current("account", number)
        self.selectedAccountChanged.emit(number)
        missing = [p for p in ACCOUNT_PARTS if not self._has(p, number)]
        if missing:
            self.refresh(missing, number)

    def _has(self, part: str, number: str) -> bool:
        if part == "account":
            return number in self.accounts
        if part == "services":
            return number in self.services
        return self.balance_of(number).loaded

    # ------------------------------------------------------------------ loading
    def refresh(self, what: str | Iterable[str] | None = None, account: str | None = None) -> None:
        """Reload the named parts (default: all) of ``account`` (default: the selected one)."""
        if self.me is None:
            return
        parts = PARTS if what is None else ((what,) if isinstance(what, str) else tuple(what))
        number = account or self._selected
        for part in parts:
            if part not in PARTS:
                raise ValueError(f"unknown part {part!r}")
            if part == "me":
                self._submit("me", "", _fetch_me, (), self.apply_me)
            elif part == "journal":
                self._load_journal(reset=True)
            elif not number:
                continue
            elif part == "account":
                self._submit("account", number, _fetch_account, (number,), self.apply_account)
            elif part == "services":
                apply = partial(self.apply_services, number)
                self._submit("services", number, _fetch_services, (number,), apply)
            elif part == "balance":
                self._load_balance(number, reset=True)

    def _submit(
        self,
        part: str,
        number: str,
        fn: Any,
        args: tuple[Any, ...],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Any], None] | None = None,
    ) -> Reply:
        """Queue one load of ``part``; the answer reaches ``on_done`` (after the common bookkeeping)."""
        # loads for the selected account are dropped if another one is selected meanwhile; an
        # explicit refresh of another account (after an action on it) is kept
        context = ("account", number) if number and number == self._selected else None
        self.loading.add((part, number))
        self.loadStarted.emit(part, number)
        reply = self.worker.submit(
            fn, *args, priority=Priority.BACKGROUND, key=(part, number), context=context
        )

        def done(result: Any) -> None:
            self.loading.discard((part, number))
            self.errors.pop((part, number), None)
            on_done(result)
            self._mark_success()

        def failed(error: Any) -> None:
            self._failed(part, number, error)
            if on_failed is not None:
                on_failed(error)

        reply.then(self, done, failed)
        return reply

    def _on_dropped(self, reply: Reply) -> None:
        if reply.context is not None and isinstance(reply.key, tuple) and reply.key[0] in PARTS:
            part = reply.key[0]
            number = reply.context[1]
            self.loading.discard((part, str(number)))
            if part == "balance":
                self.balance_of(str(number)).loading = False

    def _load_pages(
        self,
        part: str,
        number: str,
        paged: Callable[[], PagedList],
        fetch: Callable[..., Any],
        args: tuple[Any, ...],
        *,
        reset: bool,
        announce_reset: Callable[[], None],
        announce_appended: Callable[[int, int], None],
    ) -> None:
        """The first page of a newest-first list (``reset``), or its next one: balance, journal.

        ``paged()`` gives the list as it is when the answer comes; ``fetch(client, *args, cursor)``
        loads a page; ``announce_*`` emit the state's signals for the list.
        """
        lst = paged()
        cursor = None if reset else lst.next_cursor
        if not reset and (cursor is None or lst.loading):
            return
        lst.loading = True

        def done(page: Any) -> None:
            lst = paged()
            lst.loading = False
            lst.error = None
            if reset:
                lst.items = list(page.items)
                lst.next_cursor = page.next_cursor
                lst.loaded = True
                announce_reset()
            else:
                start = len(lst.items)
                lst.items.extend(page.items)
                lst.next_cursor = page.next_cursor
                announce_appended(start, len(page.items))

        def failed(err: Any) -> None:
            lst = paged()
            lst.loading = False
            lst.error = err

        self._submit(part, number, fetch, (*args, cursor), done, failed)

    def _load_balance(self, number: str, *, reset: bool) -> None:
        self._load_pages(
            "balance",
            number,
            lambda: self.balance_of(number),
            _fetch_balance,
            (number,),
            reset=reset,
            announce_reset=lambda: self.balanceReset.emit(number),
            announce_appended=lambda start, count: self.balanceAppended.emit(number, start, count),
        )

    def _load_journal(self, *, reset: bool) -> None:
        self._load_pages(
            "journal",
            "",
            lambda: self.journal,
            _fetch_journal,
            (),
            reset=reset,
            announce_reset=self.journalReset.emit,
            announce_appended=self.journalAppended.emit,
        )

    def fetch_more_balance(self, number: str | None = None) -> None:
        """Load the next (older) page of the balance history, if there is one."""
        self._load_balance(number or self._selected, reset=False)

    def fetch_more_journal(self) -> None:
        """Load the next (older) page of the journal, if there is one."""
        self._load_journal(reset=False)

    def _failed(self, part: str, number: str, error: Any) -> None:
        self.loading.discard((part, number))
        self.errors[(part, number)] = error
        from .api import errors

        if isinstance(error, errors.NetworkError) and self.online:
            self.online = False
            self.onlineChanged.emit(False)
        self.loadFailed.emit(part, number, error)

    def _mark_success(self) -> None:
        self.last_refresh = dt.datetime.now(MOSCOW)
        if not self.online:
            self.online = True
            self.onlineChanged.emit(True)
        self.refreshed.emit(self.last_refresh)

    # ------------------------------------------------------------------ applying results
    def apply_me(self, me: Any) -> None:
        """New subscriber data (``GET /me`` or the answer of a contacts change)."""
        self.me = me
        self.meChanged.emit()

    def apply_account(self, account: Any) -> None:
        """New data of one account (``GET /accounts/{n}``, or ``CreditOut.account``)."""
        self.accounts[account.number] = account
        self.accountChanged.emit(account.number)

    def apply_services(self, number: str, services: list[Any]) -> None:
        """The services table of one account."""
        self.services[number] = list(services)
        self.servicesChanged.emit(number)

    def apply_service(self, number: str, service: Any) -> None:
        """One changed or new service (the answer of a tariff change, block, discount, «Новая»)."""
        rows = self.services.setdefault(number, [])
        for i, row in enumerate(rows):
            if row.id == service.id:
                rows[i] = service
                break
        else:
            rows.append(service)
            self.refresh("me")  # a new service: the account may have gained telephony («Звонки»)
        self.servicesChanged.emit(number)

    def money_moved(self, number: str, *, service: Any = None, account: Any = None) -> None:
        """Money moved on ``number``: apply what the server sent back, reload :data:`MONEY_PARTS`."""
        if service is not None:
            self.apply_service(number, service)
        if account is not None:
            self.apply_account(account)
        self.refresh(MONEY_PARTS, number)
