"""The machine of the generated histories: the actions, the clock, the comparison with the oracle.

What it checks after every step: see test_histories.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from .model import MSK, Model, Service, add_months, half_up, midnight, next_first
from .world import INTERNET, IPTV, Catalogue, Row, World, money

START = dt.datetime(2026, 11, 1, tzinfo=MSK)
END = midnight(add_months(START.date(), 14))
PAYMENT_KINDS = {"payment", "correction"}
#: a file to append one line per finished history to (``ANNET_ORACLE_PROGRESS``), for a long run's figures
PROGRESS = os.environ.get("ANNET_ORACLE_PROGRESS")

@dataclass
class Sent:
    """A change sent with an Idempotency-Key, to repeat later."""

    action: str
    args: tuple[Any, ...]
    key: str
    request: tuple[str, str, Any]  # method, path, body
    status: int
    content: bytes
    at: dt.datetime  # when it was sent


class Histories(RuleBasedStateMachine):
    """One subscriber, one account, the internet service (quantity 1–3), IPTV on demand."""

    catalogue: Catalogue
    client: Any

    def __init__(self) -> None:
        super().__init__()
        self.world: World | None = None

    def teardown(self) -> None:
        if self.world is not None:
            self.world.close()
            if PROGRESS:  # figures of a long run: one line per history (checks, changes sent, months
                # of fake clock, a digest of what was sent and when it ended: two runs of one seed match)
                trace = repr([(s.action, s.args, s.status) for s in self.sent] + [self.now.isoformat()])
                digest = hashlib.sha256(trace.encode()).hexdigest()[:12]
                months = (self.now - START).days / 30.4
                with open(PROGRESS, "a", encoding="utf-8") as log:
                    log.write(f"{self.checks} {len(self.sent)} {months:.1f} {digest}\n")

    # ------------------------------------------------------------------ setup and time

    @initialize(quantity=st.integers(1, 3), tariff=st.integers(0, 2))
    def start(self, quantity: int, tariff: int) -> None:
        chosen = self.catalogue.tariffs[INTERNET][tariff]
        self.world = World(self.catalogue, self.client, START, quantity, chosen)
        self.model = Model(now=START - dt.timedelta(minutes=1))
        sid = self.world.service_id
        self.model.services[sid] = Service(sid, INTERNET, quantity, START, True, [(START.date(), chosen)])
        self.sent: list[Sent] = []
        #: the keys whose change was done, with the answer the server stored (docs/api.md
        #: «Idempotency»: only successful answers are stored; a refused key asks anew until granted)
        self.granted: dict[str, Sent] = {}
        self.seen_events = 0
        self.tick(START)

    @property
    def now(self) -> dt.datetime:
        return self.model.now

    def tick(self, when: dt.datetime) -> None:
        assert self.world is not None
        self.world.clock.set(when)
        self.check(advance_to=when)

    @precondition(lambda self: self.now < END)
    @rule(hours=st.integers(1, 72))
    def hours_pass(self, hours: int) -> None:
        self.tick(self.now + dt.timedelta(hours=hours))

    @precondition(lambda self: self.now < END)
    @rule(days=st.integers(1, 75), minute=st.sampled_from([0, 1, 600, 1439]))
    def days_pass(self, days: int, minute: int) -> None:
        day = self.now.date() + dt.timedelta(days=days)
        self.tick(midnight(day) + dt.timedelta(minutes=minute))

    @precondition(lambda self: self.now < END)
    @rule()
    def to_first(self) -> None:
        self.tick(midnight(next_first(self.now.date())))

    @precondition(lambda self: self.now < END)
    @rule(months=st.one_of(st.just(12), st.integers(1, 11)), last_day=st.booleans(),
          minute=st.sampled_from([0, 600, 1439]))
    def months_pass(self, months: int, last_day: bool, minute: int) -> None:
        """Whole months at once: 12 reaches the same month of the next year (the monthly limits)."""
        day = add_months(self.now.date(), months)
        if last_day:
            day = next_first(day) - dt.timedelta(days=1)
        self.tick(midnight(day) + dt.timedelta(minutes=minute))

    @precondition(lambda self: self.now < END)
    @rule(minute=st.sampled_from([0, 600, 1439]))
    def to_month_end(self, minute: int) -> None:
        """The month's last day (a block begun on it makes the next 1st the first day wholly blocked)."""
        last = next_first(self.now.date()) - dt.timedelta(days=1)
        if last == self.now.date():
            last = next_first(last + dt.timedelta(days=1)) - dt.timedelta(days=1)
        self.tick(max(self.now, midnight(last) + dt.timedelta(minutes=minute)))

    @precondition(lambda self: self.now < END)
    @rule()
    def to_eleventh(self) -> None:
        day = self.now.date()
        target = day.replace(day=11) if day.day < 11 else next_first(day).replace(day=11)
        self.tick(midnight(target))

    # ------------------------------------------------------------------ actions

    def send(self, action: str, args: tuple[Any, ...], method: str, path: str, body: Any, why: set[str],
             key: str | None = None) -> Any:
        """Send a change; a refusal must be one of the oracle's reasons and change nothing."""
        assert self.world is not None
        key = key or self.world.new_key()
        answer = self.world.call(method, path, body, key)
        if why:
            assert answer.status_code in (409, 422), (action, args, why, answer.status_code, answer.text)
            assert answer.json()["code"] in why, (action, args, why, answer.text)
            assert self.world.new_rows() == [], "a refused action moved money"
            sent = Sent(action, args, key, (method, path, body), answer.status_code, answer.content, self.now)
            self.sent.append(sent)
            return None
        assert answer.status_code in (200, 201), (action, args, self.now, answer.text)
        sent = Sent(action, args, key, (method, path, body), answer.status_code, answer.content, self.now)
        self.sent.append(sent)
        self.granted[key] = sent
        return answer.json()

    def balance(self) -> int:
        assert self.world is not None
        return self.world.balance_at(self.now)

    def after(self) -> None:
        assert self.world is not None
        self.world.new_rows()
        self.model.settle(self.now, self.world.balance_at)
        self.check()

    @rule(roubles=st.integers(1, 4000), recommended=st.booleans())
    def pay(self, roubles: int, recommended: bool, key: str | None = None) -> None:
        assert self.world is not None
        if recommended:
            roubles = max(1, money(self.world.account()["recommended_payment"]) // 100)
        order = self.send("pay", (roubles, False), "POST", f"/accounts/{World.NUMBER}/payments",
                          {"amount": f"{roubles}.00"}, set(), key)
        self.world.confirm(order["order_number"])
        self.world.new_rows()
        self.model.pay(roubles * 100, self.world.balance_at)
        self.after()

    def svc(self, index: int) -> Service:
        services = sorted(self.model.services.values(), key=lambda s: s.id)
        return services[index % len(services)]

    @rule(index=st.integers(0, 1))
    def block(self, index: int, key: str | None = None) -> None:
        svc = self.svc(index)
        why = self.model.block_refusals(svc)
        if self.send("block", (index,), "POST", f"/accounts/{World.NUMBER}/services/{svc.id}/block",
                     None, why, key) is not None:
            self.model.block(svc)
        self.after()

    @rule(index=st.integers(0, 1))
    def unblock(self, index: int, key: str | None = None) -> None:
        svc = self.svc(index)
        why = self.model.unblock_refusals(svc)
        if self.send("unblock", (index,), "DELETE", f"/accounts/{World.NUMBER}/services/{svc.id}/block",
                     None, why, key) is not None:
            self.model.unblock(svc)
        self.after()

    @rule(index=st.integers(0, 1), choice=st.integers(0, 2))
    def change_tariff(self, index: int, choice: int, key: str | None = None) -> None:
        svc = self.svc(index)
        tariffs = self.catalogue.tariffs[svc.name]
        target = tariffs[choice % len(tariffs)]
        why = self.model.tariff_refusals(svc, target)
        if self.send("change_tariff", (index, choice), "PUT",
                     f"/accounts/{World.NUMBER}/services/{svc.id}/tariff", {"tariff_id": target.id},
                     why, key) is not None:
            self.model.change_tariff(svc, target)
        self.after()

    @rule(choice=st.integers(0, 3))
    def take_discount(self, choice: int, key: str | None = None) -> None:
        svc = self.svc(0)  # the internet service is the first
        offers = sorted(svc.tariff.offers) or sorted(self.catalogue.tariffs[INTERNET][0].offers)
        offer = offers[choice % len(offers)] if choice < 3 else offers[0] + 1000
        why = self.model.discount_refusals(svc, offer, self.balance())
        if self.send("take_discount", (choice,), "POST",
                     f"/accounts/{World.NUMBER}/services/{svc.id}/discount", {"offer_id": offer},
                     why, key) is not None:
            self.model.take_discount(svc, offer)
        self.after()

    @rule(choice=st.integers(0, 2), extra=st.sampled_from([0, 1, 1000]))
    def pay_for_discount(self, choice: int, extra: int) -> None:
        """Pay what the discount ``choice`` still lacks (its advance − the balance, + ``extra`` ₽),
        then take it.

        A discount needs a balance of its whole advance: paid at random it is rarely reached, and
        with it the rules that end or pause a paid discount (a tariff change, a block).
        """
        svc = self.svc(0)
        offers = sorted(svc.tariff.offers)
        lacking = 0
        if offers:
            lacking = self.model.advance_of(svc, offers[choice % len(offers)]) - self.balance()
        self.pay(max(1, -(-lacking // 100)) + extra, False)
        self.take_discount(choice)

    @rule()
    def take_credit(self, key: str | None = None) -> None:
        why = self.model.credit_refusals()
        if self.send("take_credit", (), "POST", f"/accounts/{World.NUMBER}/credit", None, why,
                     key) is not None:
            self.model.take_credit()
        self.after()

    @rule(choice=st.integers(0, 1))
    def add_iptv(self, choice: int, key: str | None = None) -> None:
        assert self.world is not None
        tariff = self.catalogue.tariffs[IPTV][choice]
        have = any(s.name == IPTV for s in self.model.services.values())
        why = {"service.already"} if have else self.model.add_refusals(tariff, self.balance())
        body = {"catalog_id": self.catalogue.catalog_ids[IPTV], "tariff_id": tariff.id}
        made = self.send("add_iptv", (choice,), "POST", f"/accounts/{World.NUMBER}/services", body, why, key)
        if made is not None:
            self.world.new_rows()
            self.model.add_service(made["service"]["id"], IPTV, tariff, False, self.world.balance_at)
        self.after()

    @precondition(lambda self: bool(getattr(self, "sent", None)))
    @rule(pick=st.integers(0, 10**6))
    def repeat(self, pick: int) -> None:
        """The same Idempotency-Key again: the stored answer, nothing done twice (a refusal asks anew).

        A key refused earlier and granted on a later repeat has its grant stored: from then on it
        only replays (finding O-5 in FINDINGS.md).
        """
        assert self.world is not None
        picked = self.sent[pick % len(self.sent)]
        sent = self.granted.get(picked.key)
        if sent is None:
            getattr(self, picked.action)(*picked.args, key=picked.key)
            return
        method, path, body = sent.request
        answer = self.world.call(method, path, body, sent.key)
        assert answer.status_code == sent.status, (sent, answer.text)
        assert answer.content == sent.content, "a repeated key answered differently"
        assert answer.headers.get("Idempotent-Replayed") == "true"
        if sent.action == "pay":
            self.world.confirm(answer.json()["order_number"])  # the gateway repeats its answer too
        assert self.world.new_rows() == [], f"a repeated {sent.action} moved money again"
        self.check()

    @precondition(lambda self: self.now < END and bool(getattr(self, "sent", None)))
    @rule(pick=st.integers(0, 10**6))
    def a_year_later(self, pick: int) -> None:
        """An earlier tariff change or block asked again with a new key, a year after it was sent.

        These two are allowed once a calendar month, and the limits count the month and the year:
        this reaches the same month of the next year, which random clock moves between two changes
        of one kind almost never do (any earlier change when there was none of them; now when a
        year after it has passed already).
        """
        limited = [s for s in self.sent if s.action in ("change_tariff", "block")] or self.sent
        picked = limited[pick % len(limited)]
        day = add_months(picked.at.date(), 12)
        when = midnight(day) + (picked.at - midnight(picked.at.date()))
        if when > self.now:
            self.tick(when)
        getattr(self, picked.action)(*picked.args)

    # ------------------------------------------------------------------ the invariants

    def check(self, advance_to: dt.datetime | None = None) -> None:
        """Compare the server with the oracle (see the module docstring).

        With ``advance_to`` the clock has just moved: the account's GET is the request whose
        catch-up applies what time made due, and the oracle lets the same time pass.
        """
        assert self.world is not None
        self.checks = getattr(self, "checks", 0) + 1
        account = self.world.account()
        self.world.new_rows()
        if advance_to is not None:
            self.model.advance(advance_to, self.world.balance_at)
        rows = self.world.rows
        balance = money(account["balance"])
        assert balance == sum(r.amount for r in rows), "balance ≠ sum of the «Баланс» rows"
        self.compare_money()
        m = self.model
        assert account["financial_block"] == m.financial_block, ("financial block", self.now, balance)
        credit = account["credit"]
        assert credit["in_force"] == (m.credit_ends is not None), ("credit in force", self.now)
        if m.credit_ends is not None:
            assert dt.datetime.fromisoformat(credit["ends_at"]) == m.credit_ends, "credit is not 120 h"
        banned = m.ban_until if m.ban_until and self.now.date() < m.ban_until else None
        got_ban = credit.get("banned_until")
        assert (dt.date.fromisoformat(got_ban) if got_ban else None) == banned, ("credit ban", self.now)
        assert credit["available"] == (not m.credit_refusals()), ("credit offered", self.now)
        self.check_recommended(money(account["recommended_payment"]), balance)
        self.check_services()

    def check_recommended(self, got: int, balance: int) -> None:
        due, _ = self.model.recommended(Fraction(balance))
        slack = Fraction(len(self.model.services), 2)
        low = max(Fraction(0), due - slack - balance)
        high = max(Fraction(0), due + slack - balance)
        ceil = lambda v: -((-v) // 100) * 100  # noqa: E731
        assert ceil(low) <= got <= ceil(high), ("recommended payment", self.now, got, float(due), balance)

    def check_services(self) -> None:
        assert self.world is not None
        got = {s["id"]: s for s in self.world.services()}
        assert set(got) == set(self.model.services)
        for sid, svc in self.model.services.items():
            row = got[sid]
            assert row["tariff"]["id"] == svc.tariff.id, ("tariff", sid, self.now)
            block = "voluntary" if svc.blocked else ("financial" if self.model.financial_block else None)
            assert row["block"] == block, ("block", sid, self.now)
            live = svc.live_run(self.now.date())
            end = svc.run_end(live) if live is not None else None
            if end is not None:
                assert row["discount"] is not None, ("discount", sid, self.now)
                assert dt.date.fromisoformat(row["discount"]["ends_on"]) == end, ("discount end", self.now)

    def attribute(self, row: Row) -> int | None:
        if row.kind in PAYMENT_KINDS:
            return None
        named = [s.id for s in self.model.services.values() if s.name in row.text]
        if len(named) == 1:
            return named[0]
        if len(self.model.services) == 1:
            return next(iter(self.model.services))
        return -1  # not attributable: compared for the whole account

    def compare_money(self) -> None:
        """Rows vs the oracle's events, grouped by (moment, service): single rows exact, n rows ± n/2.

        A single row is the truth rounded half up (R-BILL-2), by either reading where the SPEC is
        silent, or the truth rounded per (month, daily share) group as docs/decisions.md does
        (``Event.grouped``, finding O-6); n rows are within one kopeck per row of the truth.
        """
        assert self.world is not None
        rows = [r for r in self.world.rows if r.id > getattr(self, "_compared_row", 0)]
        events = self.model.events[self.seen_events :]
        got: dict[tuple[dt.datetime, int | None], list[int]] = defaultdict(list)
        for r in rows:
            got[(r.at, self.attribute(r))].append(r.amount)
        want: dict[tuple[dt.datetime, int | None], list[Fraction]] = defaultdict(lambda: [Fraction(0)] * 3)
        for e in events:
            triple = want[(e.at, e.service)]
            triple[0] += e.amount
            triple[1] += e.amount if e.other is None else e.other
            triple[2] += half_up(e.amount) if e.grouped is None else e.grouped
        for at in {k[0] for k in got if k[1] == -1}:  # merge an unattributable moment
            for key in [k for k in list(got) if k[0] == at and k[1] is not None]:
                got[(at, -1)].extend(got.pop(key))
            for key in [k for k in list(want) if k[0] == at and k[1] is not None]:
                triple = want.pop(key)
                merged = want[(at, -1)]
                for i in range(3):
                    merged[i] += triple[i]
        for key in set(got) | set(want):
            amounts, exact = got.get(key, []), want.get(key, [Fraction(0)] * 3)
            if len(amounts) <= 1 and key[1] != -1:  # one row: the truth rounded half up, exactly
                ok = sum(amounts) in {half_up(x) for x in exact[:2]} | {exact[2]}
            else:  # n rows: within one kopeck per row
                ok = any(abs(sum(amounts) - x) <= len(amounts) for x in exact[:2])
            service = self.model.services.get(key[1] or 0)
            assert ok, ("money", key, amounts, [float(x) for x in exact], service)
        self.seen_events = len(self.model.events)
        if rows:
            self._compared_row = rows[-1].id
        self.check_refunds()

    def check_refunds(self) -> None:
        assert self.world is not None
        back: dict[int | None, int] = defaultdict(int)
        paid: dict[int | None, int] = defaultdict(int)
        for r in self.world.rows:
            sid = self.attribute(r)
            if sid is None:
                continue
            (back if r.amount > 0 else paid)[sid] += abs(r.amount)
        for sid in back:
            assert back[sid] <= paid[sid], ("refund larger than paid", sid, back[sid], paid[sid])
