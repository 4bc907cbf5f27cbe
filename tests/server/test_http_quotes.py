"""The quote endpoints over HTTP on the demo data (issue 11 item 3): same answer as the action, scoped
to the session's subscriber, refusals as problem+json in the request's language, idempotent actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import requests

from annet_contract.schema import BlockQuote, PaymentOrder, Service, TariffChangeQuote, UnblockQuote


class Api:
    """Raw requests to the reference server as one demo subscriber."""

    def __init__(self, server: Any, demo: Any) -> None:
        self.base = f"{server.url}/api/v1"
        self.http = requests.Session()
        self.http.trust_env = False
        server._clients.append(self.http)
        token = self.http.post(
            f"{self.base}/session", json={"account": demo.account, "password": demo.password}, timeout=30
        ).json()["token"]
        self.http.headers["Authorization"] = f"Bearer {token}"
        self.number = demo.account

    def send(self, method: str, path: str, lang: str = "ru", **kw: Any) -> requests.Response:
        headers = {"Accept-Language": lang, **kw.pop("headers", {})}
        return self.http.request(
            method, f"{self.base}/accounts/{self.number}{path}", headers=headers, timeout=30, **kw
        )

    def internet(self) -> dict[str, Any]:
        return next(x for x in self.send("GET", "/services").json() if x["kind"] == "internet")

    def tariff_id(self, service_id: int, name: str) -> int:
        options = self.send("GET", f"/services/{service_id}/tariffs").json()
        return int(next(t["id"] for t in options["tariffs"] if t["name"] == name))


def test_finding_1_on_the_demo_extend_then_switch_to_social_30(server: Any) -> None:
    api = Api(server, server.by_case("discount-extendable"))  # 100010, 10 % through 30.11
    svc = api.internet()
    offers = api.send("GET", f"/services/{svc['id']}/discounts").json()
    six = next(o for o in offers["offers"] if o["months"] == 6)
    key = {"Idempotency-Key": "extend-1"}
    assert api.send("POST", f"/services/{svc['id']}/discount", json={"offer_id": six["id"]}, headers=key).ok
    social = api.tariff_id(svc["id"], "Социальный 30")
    answer = api.send("GET", f"/services/{svc['id']}/tariffs/{social}/quote")
    assert answer.status_code == 200
    quote = TariffChangeQuote.model_validate_json(answer.content)
    # 17…30 November of the discount in force (14/30 of 675) and the whole extension (4 050) come back
    assert quote.discount_ends and quote.advance_returned == Decimal("4365.00")
    assert quote.new_fee == Decimal("350.00") and quote.charge_now == Decimal("163.33")
    key = {"Idempotency-Key": "switch-1"}
    first = api.send("PUT", f"/services/{svc['id']}/tariff", json={"tariff_id": social}, headers=key)
    again = api.send("PUT", f"/services/{svc['id']}/tariff", json={"tariff_id": social}, headers=key)
    assert first.status_code == again.status_code == 200 and first.content == again.content
    service = Service.model_validate_json(first.content)
    assert service.fee == Decimal("350.00") and service.discount is None
    assert Decimal(api.send("GET", "").json()["balance"]) == quote.balance_after  # done once


def test_block_and_unblock_quotes_match_their_actions(server: Any) -> None:
    api = Api(server, server.by_case("internet-discount"))
    svc = api.internet()
    block = BlockQuote.model_validate_json(api.send("GET", f"/services/{svc['id']}/block/quote").content)
    done = api.send("POST", f"/services/{svc['id']}/block", headers={"Idempotency-Key": "b-1"})
    assert done.status_code == 200
    assert Decimal(api.send("GET", "").json()["balance"]) == block.balance_after
    history = api.send("GET", "/balance-history").json()["items"]
    assert [(Decimal(h["amount"]), h["description"], h["kind"]) for h in history[: len(block.rows)]] == [
        (r.amount, r.text, "recalculation") for r in block.rows
    ]
    server.clock.advance(dt.timedelta(days=3))
    api = Api(server, server.by_case("internet-discount"))  # the session idled out: log in again
    unblock = UnblockQuote.model_validate_json(
        api.send("GET", f"/services/{svc['id']}/unblock/quote").content
    )
    assert unblock.charge_now > 0 and unblock.rows[0].text.startswith("Разблокировка с ")
    done = api.send("DELETE", f"/services/{svc['id']}/block", headers={"Idempotency-Key": "u-1"})
    again = api.send("DELETE", f"/services/{svc['id']}/block", headers={"Idempotency-Key": "u-1"})
    assert done.content == again.content
    assert Decimal(api.send("GET", "").json()["balance"]) == unblock.balance_after


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_refused_quote_is_the_actions_problem_in_the_requests_language(server: Any, lang: str) -> None:
    api = Api(server, server.by_case("internet-discount"))
    svc = api.internet()
    quote = api.send("GET", f"/services/{svc['id']}/unblock/quote", lang)
    action = api.send(
        "DELETE", f"/services/{svc['id']}/block", lang, headers={"Idempotency-Key": f"x-{lang}"}
    )
    assert quote.status_code == action.status_code == 409
    assert quote.headers["content-type"].startswith("application/problem+json")
    assert quote.json()["code"] == action.json()["code"] and quote.json()["detail"] == action.json()["detail"]
    assert ("блокировки" in quote.json()["detail"]) == (lang == "ru")


@pytest.mark.parametrize(("lang", "name"), [("ru", "Доступ в интернет"), ("en", "Internet access")])
def test_a_quote_names_the_service_in_the_requests_language(server: Any, lang: str, name: str) -> None:
    """The rows «Баланс» will show name the catalogue service as the reader reads it (the tariff's
    name is the same in both languages)."""
    api = Api(server, server.by_case("internet-discount"))
    svc = api.internet()
    rows = api.send("GET", f"/services/{svc['id']}/block/quote", lang).json()["rows"]
    assert rows and all(row["text"].endswith(f"{name} «{svc['tariff']['name']}»") for row in rows), rows


def test_quotes_of_someone_elses_service_are_404(server: Any) -> None:
    mine = Api(server, server.by_case("internet-discount"))
    theirs = Api(server, server.by_case("discount-extendable"))
    their_svc = theirs.internet()
    their_tariff = theirs.tariff_id(their_svc["id"], "Социальный 30")
    for path in (
        f"/services/{their_svc['id']}/block/quote",
        f"/services/{their_svc['id']}/unblock/quote",
        f"/services/{their_svc['id']}/tariffs/{their_tariff}/quote",
    ):
        assert mine.send("GET", path).status_code == 404, path
        mine.number, number = theirs.number, mine.number
        assert mine.send("GET", path).status_code == 404, path
        mine.number = number


def test_finding_7_on_the_demo_a_partial_payment_says_what_is_missing(server: Any) -> None:
    from annet_server import billing

    api = Api(server, server.by_case("credit-banned"))  # 100007: financially blocked
    before = Decimal(api.send("GET", "").json()["balance"])
    order = api.send(
        "POST", "/payments", json={"amount": "100.00"}, headers={"Idempotency-Key": "p-1"}
    ).json()
    with server.session() as db:
        billing.confirm_payment(db, server.clock, order["order_number"], approved=True, billnumber="1" * 16)
        db.commit()
    paid = PaymentOrder.model_validate_json(api.send("GET", f"/payments/{order['order_number']}").content)
    assert paid.financial_block_after is True and paid.missing == -(before + Decimal("100.00"))
