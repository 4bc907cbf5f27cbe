"""Sessions through the typed client: login, «Доступ запрещён», throttling, expiry, logout, revocation.

R-LOGIN-1…4, on the real server with a FakeClock: time moves only when a test moves it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest

from annet_contract.schema import ErrorCode
from annet_desktop.api import errors

MINUTE = dt.timedelta(minutes=1)


def _subscriber(server: Any) -> Any:
    return server.accounts[0]


def _other(server: Any) -> Any:
    first = _subscriber(server)
    return next(a for a in server.accounts if a.name != first.name)


def test_login_answers_a_token_and_the_absolute_expiry(server: Any) -> None:
    demo = _subscriber(server)
    client = server.client()
    out = client.login(demo.account, demo.password)
    assert len(out.token) >= 43  # 32 random bytes, url-safe
    assert out.expires_at == server.clock.now() + dt.timedelta(hours=12)
    assert out.idle_timeout_s == 30 * 60
    assert client.me().name == demo.name


def test_any_account_number_of_the_subscriber_logs_in(server: Any) -> None:
    demo = server.by_case("multi-account")
    numbers = [a.number for a in server.client(login=demo).me().accounts]
    assert len(numbers) >= 2
    for number in numbers:
        client = server.client()
        client.login(number, demo.password)
        assert client.me().name == demo.name


def test_the_token_is_stored_only_as_its_hash(server: Any) -> None:
    from sqlalchemy import select

    from annet_server.models import AuthSession

    client = server.client(login=_subscriber(server))
    with server.session() as db:
        hashes = list(db.execute(select(AuthSession.token_hash)).scalars())
    assert client.token not in hashes
    assert hashlib.sha256(client.token.encode()).hexdigest() in hashes


def test_wrong_password_is_access_denied(server: Any) -> None:
    demo = _subscriber(server)
    with pytest.raises(errors.AuthFailed) as caught:
        server.client().login(demo.account, demo.password + "x")
    assert str(caught.value) == "Доступ запрещён"
    assert caught.value.code is ErrorCode.AUTH_DENIED


def test_access_denied_in_english(server: Any) -> None:
    demo = _subscriber(server)
    with pytest.raises(errors.AuthFailed) as caught:
        server.client(language="en").login(demo.account, "wrong")
    assert str(caught.value) == "Access denied"


def test_an_unknown_account_gets_exactly_the_same_answer(server: Any, raw: Any) -> None:
    demo = _subscriber(server)
    known = raw("POST", "/session", json={"account": demo.account, "password": "wrong-one"})
    unknown = raw("POST", "/session", json={"account": "987654321", "password": "wrong-one"})
    assert known.status_code == unknown.status_code == 401
    assert known.content == unknown.content
    assert known.headers["content-type"] == unknown.headers["content-type"] == "application/problem+json"


def _fail(server: Any, account: str, times: int) -> None:
    client = server.client()
    for _ in range(times):
        with pytest.raises(errors.AuthFailed):
            client.login(account, "definitely-wrong-1")


@pytest.mark.parametrize("known", [True, False], ids=["known-account", "unknown-account"])
def test_five_failures_in_15_minutes_throttle_the_account(server: Any, known: bool) -> None:
    demo = _subscriber(server)
    account = demo.account if known else "99999999"
    _fail(server, account, 4)
    server.clock.advance(10 * MINUTE)
    _fail(server, account, 1)  # the fifth within 15 minutes
    client = server.client()
    with pytest.raises(errors.Throttled) as caught:
        client.login(account, demo.password)  # even the right password waits
    assert caught.value.code is ErrorCode.AUTH_THROTTLED
    assert caught.value.status == 429
    assert caught.value.retry_after == 5 * 60  # the first failure leaves the window in 5 minutes
    server.clock.advance(5 * MINUTE - dt.timedelta(seconds=1))
    with pytest.raises(errors.Throttled) as caught:
        client.login(account, demo.password)
    assert caught.value.retry_after == 1
    server.clock.advance(dt.timedelta(seconds=1))
    if known:
        assert client.login(account, demo.password).token
    else:
        with pytest.raises(errors.AuthFailed):
            client.login(account, demo.password)


def test_throttled_answers_are_identical_for_known_and_unknown_accounts(server: Any, raw: Any) -> None:
    demo = _subscriber(server)
    answers = []
    for account in (demo.account, "99999999"):
        for _ in range(5):
            raw("POST", "/session", json={"account": account, "password": "wrong-one"})
        answers.append(raw("POST", "/session", json={"account": account, "password": "wrong-one"}))
    known, unknown = answers
    assert known.status_code == unknown.status_code == 429
    assert known.content == unknown.content
    assert known.headers["retry-after"] == unknown.headers["retry-after"] == "900"


def test_failures_spread_over_more_than_15_minutes_do_not_throttle(server: Any) -> None:
    demo = _subscriber(server)
    _fail(server, demo.account, 4)
    server.clock.advance(15 * MINUTE)  # the four leave the window
    _fail(server, demo.account, 4)
    assert server.client().login(demo.account, demo.password).token


def test_a_success_resets_the_count(server: Any) -> None:
    demo = _subscriber(server)
    _fail(server, demo.account, 4)
    server.client().login(demo.account, demo.password)
    _fail(server, demo.account, 4)
    assert server.client().login(demo.account, demo.password).token


def test_throttling_is_per_account_number(server: Any) -> None:
    demo, other = _subscriber(server), _other(server)
    _fail(server, demo.account, 5)
    assert server.client().login(other.account, other.password).token


def test_idle_expiry_after_30_minutes_without_a_call(server: Any) -> None:
    client = server.client(login=_subscriber(server))
    server.clock.advance(29 * MINUTE)
    client.me()  # 29 minutes idle: alive, and the idle timer starts again
    server.clock.advance(29 * MINUTE)
    client.me()
    server.clock.advance(30 * MINUTE)
    with pytest.raises(errors.SessionExpired) as caught:
        client.me()
    assert caught.value.code is ErrorCode.SESSION_EXPIRED
    server.clock.advance(-60 * MINUTE)  # turning the clock back does not revive it
    with pytest.raises(errors.SessionExpired):
        client.me()


def test_absolute_expiry_after_12_hours_even_when_active(server: Any) -> None:
    client = server.client(login=_subscriber(server))
    for _ in range(12 * 3 - 1):  # a call every 20 minutes for 11 h 40 min
        server.clock.advance(20 * MINUTE)
        client.me()
    server.clock.advance(19 * MINUTE)
    client.me()  # 11 h 59 min
    server.clock.advance(1 * MINUTE)
    with pytest.raises(errors.SessionExpired):
        client.me()


def test_logout_revokes_the_token(server: Any, raw: Any) -> None:
    client = server.client(login=_subscriber(server))
    token = client.token
    client.logout()
    assert client.token is None
    answer = raw("GET", "/me", token=token)
    assert answer.status_code == 401
    assert answer.json()["code"] == "auth.required"


def test_no_token_or_a_made_up_one_is_401(server: Any, raw: Any) -> None:
    for token in (None, "made-up-token"):
        answer = raw("GET", "/me", token=token)
        assert answer.status_code == 401
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["code"] == "auth.required"
    client = server.client()
    with pytest.raises(errors.SessionExpired):
        client.me()


def test_password_change_revokes_every_other_session(server: Any) -> None:
    demo = _subscriber(server)
    mine, elsewhere = server.client(login=demo), server.client(login=demo)
    other_subscriber = server.client(login=_other(server))
    mine.change_password(demo.password, "NewPass123")
    assert mine.me().name == demo.name  # the session that changed it stays
    with pytest.raises(errors.SessionExpired):
        elsewhere.me()
    assert other_subscriber.me()  # nobody else is touched
    with pytest.raises(errors.AuthFailed):
        server.client().login(demo.account, demo.password)  # the memo's password no longer works
    assert server.client().login(demo.account, "NewPass123").token


def test_login_with_a_repeated_idempotency_key_opens_one_session(server: Any, raw: Any) -> None:
    from sqlalchemy import func, select

    from annet_server.models import AuthSession

    demo = _subscriber(server)
    body = {"account": demo.account, "password": demo.password}
    headers = {"Idempotency-Key": "login-key-1"}
    first = raw("POST", "/session", json=body, headers=headers)
    second = raw("POST", "/session", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert first.json()["expires_at"] == second.json()["expires_at"]
    with server.session() as db:
        assert db.execute(select(func.count()).select_from(AuthSession)).scalar() == 1
    assert raw("GET", "/me", token=second.json()["token"]).status_code == 200
    other = raw("POST", "/session", json={**body, "password": "x"}, headers=headers)
    assert other.status_code == 422 and other.json()["code"] == "idempotency.mismatch"


def test_a_repeated_failed_login_counts_once(server: Any, raw: Any) -> None:
    demo = _subscriber(server)
    body = {"account": demo.account, "password": "wrong-one"}
    for _ in range(10):
        answer = raw("POST", "/session", json=body, headers={"Idempotency-Key": "same-try"})
        assert answer.status_code == 401
    assert server.client().login(demo.account, demo.password).token


def test_a_login_key_is_scoped_by_the_account_number(server: Any, raw: Any) -> None:
    """The same Idempotency-Key on another account number is a login of its own, not a replay."""
    demo, other = _subscriber(server), _other(server)
    headers = {"Idempotency-Key": "shared-login-key"}
    first = raw(
        "POST", "/session", json={"account": demo.account, "password": demo.password}, headers=headers
    )
    second = raw(
        "POST", "/session", json={"account": other.account, "password": other.password}, headers=headers
    )
    assert first.status_code == second.status_code == 201, second.text
    assert "Idempotent-Replayed" not in second.headers
    assert raw("GET", "/me", token=second.json()["token"]).json()["name"] == other.name
    assert raw("GET", "/me", token=first.json()["token"]).json()["name"] == demo.name
