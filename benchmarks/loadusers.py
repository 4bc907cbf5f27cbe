"""The simulated users of benchmarks/load.py: a Cabinet subscriber, and the bare ceiling's client.

A :class:`Subscriber` logs in to one load account (the users' logins spread over the first
seconds, :data:`LOGIN_STEP_S` apart) and then acts: reads the tabs, pages calls, changes
contacts, blocks and unblocks a service, or pays through the sandbox's HTML form flow with the
test card, thinking :data:`THINK_S` seconds between actions as a person at the app does. A
:class:`SaturatingSubscriber` does the same without thinking (the saturation phase: the most the
server does, no goal). Every change carries an Idempotency-Key; after a 503 or a lost connection
the same request is repeated with the same key (after ``Retry-After``) until :data:`DEADLINE_S`.
What the run saw is kept in :class:`Ledger` for the database checks.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import time
import uuid
from dataclasses import dataclass, field
from html import unescape
from typing import Any, ClassVar
from urllib.parse import urljoin

import requests
from locust import HttpUser, between, constant, task

#: one request gives up after this (connect, read); a hang past it is counted
CLIENT_TIMEOUT = (3.0, 10.0)
#: a change is repeated with its key until this many seconds after the first try
DEADLINE_S = 40.0
#: the users' logins are spread this far apart (20 users: over the first 4.75 s): each login is
#: a deliberately slow argon2 hash (~150 ms of a quiet server), and 20 at once took 2-4 s each on
#: two cores; 0.1 s apart they queued to 4 s each
LOGIN_STEP_S = 0.25
#: a subscriber thinks this long (uniform, seconds) between two actions (an action: read the tabs,
#: page the calls, change the SMS number, block and unblock, pay)
THINK_S = (1.0, 3.0)
#: requests per action of the mix below, weighted (4.45 counted in a run: 6 for the tabs, ~2 call
#: pages, 1, 3, ~5 to pay)
REQUESTS_PER_ACTION = 4.45
APPROVED = "4111 1111 1111 1111"
CARD = {"expiry": "12/29", "holder": "IVAN IVANOV", "cvc": "123"}
PROBLEM_JSON = "application/problem+json"


@dataclass
class Ledger:
    """What the users saw: approved orders, each key's answers, 5xx and hangs."""

    approved: dict[str, str] = field(default_factory=dict)  # order number → account number
    answers: dict[str, set[str]] = field(default_factory=dict)  # payment key → order numbers seen
    keys_tried: int = 0
    orders_before: int = 0  # the load accounts' orders before the traffic (the seed's paid ones)
    server_errors: int = 0
    unavailable: int = 0
    bad_503: int = 0
    hangs: int = 0
    dropped: int = 0


def pick_stats(stats: Any) -> list[tuple[str, Any]]:
    """Locust's per-endpoint entries as ``("METHOD name", entry)``, sorted."""
    return sorted((f"{method} {name}", entry) for (name, method), entry in stats.entries.items())


class BareUser(HttpUser):
    """The ceiling: one tiny JSON GET after another."""

    wait_time = constant(0)

    @task
    def ping(self) -> None:
        self.client.get("/ping", name="/ping", timeout=CLIENT_TIMEOUT)


def users_for(requests_per_s: float) -> int:
    """How many thinking subscribers offer about ``requests_per_s``.

    One sends :data:`REQUESTS_PER_ACTION` per mean think time plus the action's own time, taken as
    0.4 s (measured 1.65–1.85 requests/s per subscriber)."""
    per_user = REQUESTS_PER_ACTION / (sum(THINK_S) / 2 + 0.4)
    return max(1, round(requests_per_s / per_user))


class Subscriber(HttpUser):
    """One subscriber of the load accounts, thinking between actions."""

    wait_time = between(*THINK_S)
    numbers: ClassVar[list[str]] = []
    password = "load2026pass"
    ledger = Ledger()
    _next = itertools.count()
    #: users of this phase that have tried to log in (the ramp ends when all have)
    logged_in = 0

    @classmethod
    def new_phase(cls) -> None:
        """The next users start from the first account and the first login slot again."""
        Subscriber._next = itertools.count()
        Subscriber.logged_in = 0

    def on_start(self) -> None:
        index = next(self._next)
        self.number = self.numbers[index % len(self.numbers)]
        self.token = ""
        # a crowd does not log in within one second: user i logs in LOGIN_STEP_S × i after the start
        time.sleep(index * LOGIN_STEP_S)
        self.login()
        Subscriber.logged_in += 1

    # ------------------------------------------------------------------ one request, repeated
    def call(
        self, method: str, path: str, name: str, *, key: str | None = None, **kwargs: Any
    ) -> requests.Response | None:
        """Send; repeat (same key) after a 503 or a lost connection until the deadline; None if given up."""
        headers = {"Accept-Language": "ru"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if key:
            headers["Idempotency-Key"] = key
        end = time.monotonic() + DEADLINE_S
        while True:
            with self.client.request(
                method,
                path,
                name=name,
                headers=headers,
                timeout=CLIENT_TIMEOUT,
                catch_response=True,
                **kwargs,
            ) as r:
                wait = self._judge(r)
                if wait is None:
                    return r
            if time.monotonic() + wait > end:
                return None
            time.sleep(wait)

    def _judge(self, r: Any) -> float | None:
        """Mark the answer; seconds to wait before a repeat, or None when it is final."""
        ledger = self.ledger
        status = r.status_code
        if status == 0 or (r.error is not None and status == 0):
            if isinstance(r.error, requests.Timeout) and "Read" in type(r.error).__name__:
                ledger.hangs += 1
            ledger.dropped += 1
            r.failure(f"no answer: {type(r.error).__name__}")
            return 0.5
        if status >= 500:
            ledger.server_errors += 1
            if status == 503:
                ledger.unavailable += 1
                if not r.headers.get("Content-Type", "").startswith(PROBLEM_JSON):
                    ledger.bad_503 += 1
                r.failure("503")
                return float(r.headers.get("Retry-After") or 1)
            r.failure(str(status))
            return None
        if status in (200, 201, 204, 409, 422, 429):
            r.success()  # a rule's refusal or a throttle is a right answer
        else:
            r.failure(str(status))
        return None

    def login(self) -> None:
        self.token = ""
        r = self.call(
            "POST",
            "/api/v1/session",
            "/session",
            key=str(uuid.uuid4()),
            json={"account": self.number, "password": self.password},
        )
        if (r is not None and r.status_code == 201) or (r is not None and r.status_code == 200):
            self.token = r.json()["token"]

    def get(self, path: str, name: str, **params: Any) -> Any:
        if not self.token:
            self.login()
        r = self.call("GET", path, name, params=params or None)
        if r is not None and r.status_code == 401:
            self.login()
            return None
        return r.json() if r is not None and r.status_code == 200 else None

    # ------------------------------------------------------------------ what a subscriber does
    @task(10)
    def read_tabs(self) -> None:
        acc = f"/api/v1/accounts/{self.number}"
        self.get("/api/v1/me", "/me")
        self.get(acc, "/accounts/{n}")
        self.get(f"{acc}/services", "/accounts/{n}/services")
        self.get(f"{acc}/catalog", "/accounts/{n}/catalog")
        self.get(f"{acc}/balance-history", "/accounts/{n}/balance-history", limit=50)
        self.get("/api/v1/journal", "/journal", limit=50)

    @task(5)
    def page_calls(self) -> None:
        today = dt.date.today()
        first = today.replace(day=1) - dt.timedelta(days=random.choice((0, 1, 35)))
        cursor = None
        for _ in range(3):
            params: dict[str, Any] = {"year": first.year, "month": first.month, "limit": 50}
            if cursor:
                params["cursor"] = cursor
            page = self.get(f"/api/v1/accounts/{self.number}/calls", "/accounts/{n}/calls", **params)
            cursor = page.get("next_cursor") if page else None
            if not cursor:
                break

    @task(1)
    def change_contacts(self) -> None:
        phone = f"9{random.randrange(10**9):09d}"
        contacts = {"sms_phone": phone}
        self.call("PUT", "/api/v1/me/contacts", "/me/contacts", key=str(uuid.uuid4()), json=contacts)

    @task(1)
    def block_and_unblock(self) -> None:
        services = self.get(f"/api/v1/accounts/{self.number}/services", "/accounts/{n}/services")
        if not services:
            return
        sid = services[-1]["id"]
        path = f"/api/v1/accounts/{self.number}/services/{sid}/block"
        self.call("POST", path, "/accounts/{n}/services/{id}/block", key=str(uuid.uuid4()))
        self.call("DELETE", path, "/accounts/{n}/services/{id}/block", key=str(uuid.uuid4()))

    @task(2)
    def pay(self) -> None:
        if not self.token:
            self.login()
        key = str(uuid.uuid4())
        self.ledger.keys_tried += 1
        r = self.call(
            "POST",
            f"/api/v1/accounts/{self.number}/payments",
            "/accounts/{n}/payments",
            key=key,
            json={"amount": f"{random.randint(1, 30) * 10}.00"},
        )
        if r is None or r.status_code != 201:
            return
        order = r.json()
        self.ledger.answers.setdefault(key, set()).add(order["order_number"])
        if self._pay_page(order["payment_url"]):
            self.ledger.approved[order["order_number"]] = self.number
            self.get(
                f"/api/v1/accounts/{self.number}/payments/{order['order_number']}",
                "/accounts/{n}/payments/{order}",
            )

    def _pay_page(self, url: str) -> bool:
        """Walk the sandbox's pages with the test card; True when the bank approved."""
        page = self.call("GET", url, "/pay (page)")
        if page is None or page.status_code != 200:
            return False
        if 'id="methodform"' in page.text:
            page = self._post_form(page, "method", {"method": "card"}, "methodform", "/pay/method")
            if page is None:
                return False
        page = self._post_form(page, "card", {"number": APPROVED, **CARD}, "cardform", "/pay/card")
        if page is not None and 'id="oneclickoffer"' in page.text:  # the second card payment: say no
            page = self._post_form(page, "oneclick", {"choice": "no"}, "oneclickoffer", "/pay/oneclick")
        return page is not None and "Оплата прошла успешно" in page.text

    def _post_form(self, page: Any, action: str, fields: dict[str, str], form: str, name: str) -> Any:
        html = page.text
        start = html.find(f'id="{form}"')
        match = re.search(r'name="t" value="([^"]+)"', html[max(start, 0) :])
        if not match:
            return None
        data = {"t": unescape(match.group(1)), **fields}
        r = self.call("POST", urljoin(page.url, action), name, data=data)
        return r if r is not None and r.status_code == 200 else None


class SaturatingSubscriber(Subscriber):
    """The same subscriber without thinking: the next action as soon as the last one is answered."""

    wait_time = constant(0)
