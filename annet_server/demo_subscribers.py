"""Who the demo's subscribers are (SPEC §6): logins, contact data and the cases each one shows.

Plain data, no database: the CLI, the README and the app's demo login list read
:func:`demo_accounts`; :mod:`annet_server.seed` builds each subscriber's history from its
:class:`DemoSpec`.
"""

from __future__ import annotations

from dataclasses import dataclass

from annet_contract import schema as s

__all__ = ["CASES", "DEMO", "DemoSpec", "demo_accounts"]

#: the SPEC §6 tags
CASES = (
    "internet-discount",
    "multi-account",
    "telephony",
    "business-100k",
    "credit-available",
    "credit-banned",
    "promo-tariff",
    "admin-block",
    "discount-extendable",
    "no-contacts",
)


@dataclass(frozen=True)
class DemoSpec:
    """One demo subscriber: login, contact data and the cases it shows."""

    account: str
    password: str
    name: str
    cases: tuple[str, ...]
    address: str | None
    contract: str
    sms_phone: str | None
    email: str | None
    other_accounts: tuple[str, ...] = ()


DEMO: tuple[DemoSpec, ...] = (
    DemoSpec(
        "100001", "anna2026", "Смирнова Анна Викторовна", ("internet-discount",),
        "г. Тверь, ул. Советская, д. 12, кв. 45", "Д-2019/0451", "9051234567", "a.smirnova@example.ru",
    ),
    DemoSpec(
        "100002", "kuz7igor", "Кузнецов Игорь Петрович", ("multi-account",),
        "г. Тверь, пр-т Чайковского, д. 28, кв. 7", "Д-2017/1120", "9157654321", "kuznetsov.ip@example.ru",
        other_accounts=("100003",),
    ),
    DemoSpec(
        "100004", "volkov77", "Волков Дмитрий Сергеевич", ("telephony",),
        "г. Тверь, ул. Радищева, д. 5, кв. 19", "Д-2015/0388", "9201112233", "volkov.ds@example.ru",
    ),
    DemoSpec(
        "100005", "vlog100k", "ООО «Верхневолжская логистика»", ("business-100k",),
        "г. Тверь, Петербургское ш., д. 45, офис 210", "Б-2021/0077", "9607778899", "office@vvlog.example.ru",
    ),
    DemoSpec(
        "100006", "elena2026", "Морозова Елена Андреевна", ("credit-available",),
        "г. Тверь, ул. Склизкова, д. 84, кв. 112", "Д-2020/2231", "9035550101", None,
    ),
    DemoSpec(
        "100007", "novikov26", "Новиков Алексей Игоревич", ("credit-banned",),
        "г. Тверь, ул. Хромова, д. 21, кв. 33", "Д-2018/1502", "9109990011", "novikov.ai@example.ru",
    ),
    DemoSpec(
        "100008", "olga1rub", "Лебедева Ольга Николаевна", ("promo-tariff",),
        "г. Тверь, Октябрьский пр-т, д. 99, кв. 4", "Д-2024/0610", None, "lebedeva.on@example.ru",
    ),
    DemoSpec(
        "100009", "sokolov9", "Соколов Павел Андреевич", ("admin-block",),
        "г. Тверь, ул. Горького, д. 140, кв. 56", "Д-2016/0902", "9806665544", "sokolov.pa@example.ru",
    ),
    DemoSpec(
        "100010", "maria2026", "Попова Мария Дмитриевна", ("discount-extendable",),
        "г. Тверь, бульвар Радищева, д. 31, кв. 8", "Д-2019/1744", "9190001122", "popova.md@example.ru",
    ),
    DemoSpec(
        "100011", "fedorov11", "Фёдоров Николай Васильевич", ("no-contacts",),
        "г. Тверь, ул. Брагина, д. 7, кв. 61", "Д-2014/0215", None, None,
    ),
)  # fmt: skip


def demo_accounts() -> list[s.DemoAccount]:
    """The demo logins (SPEC §6) without a database: account, password, name, cases."""
    return [
        s.DemoAccount(account=d.account, password=d.password, name=d.name, cases=list(d.cases)) for d in DEMO
    ]
