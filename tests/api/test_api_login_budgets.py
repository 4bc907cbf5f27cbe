"""Login failure budgets beyond the account number (issue 13, findings 9 and 10).

Per subscriber (all their account numbers and wrong current passwords of a password change
share one budget), per client address, overall; each answers 429 with ``Retry-After``, the same
for known and unknown account numbers. The password hash runs outside the write transaction.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from annet_contract.errors import ErrorCode
from annet_desktop.api import errors

MINUTE = dt.timedelta(minutes=1)
WRONG = "definitely-wrong-1"


def _fail(server: Any, account: str, times: int) -> None:
    client = server.client()
    for _ in range(times):
        with pytest.raises(errors.AuthFailed):
            client.login(account, WRONG)


def _numbers(server: Any, demo: Any) -> list[str]:
    return [a.number for a in server.client(login=demo).me().accounts]


# --------------------------------------------------------------------------- per subscriber


def test_all_account_numbers_of_a_subscriber_share_one_budget(server: Any) -> None:
    demo = server.by_case("multi-account")
    first, second = _numbers(server, demo)[:2]
    _fail(server, first, 3)
    _fail(server, second, 2)  # five for the subscriber, fewer than five for either number
    for number in (first, second):
        with pytest.raises(errors.Throttled) as caught:
            server.client().login(number, demo.password)
        assert caught.value.retry_after == 15 * 60
    server.clock.advance(15 * MINUTE)
    assert server.client().login(second, demo.password).token


def test_four_failures_over_two_numbers_do_not_throttle(server: Any) -> None:
    demo = server.by_case("multi-account")
    first, second = _numbers(server, demo)[:2]
    _fail(server, first, 2)
    _fail(server, second, 2)
    assert server.client().login(first, demo.password).token


# --------------------------------------------------------------------------- per client, overall


def test_one_client_guessing_across_many_numbers_is_throttled(server: Any, raw: Any) -> None:
    budget = server.state.limits.client_failures
    for i in range(budget):
        answer = raw("POST", "/session", json={"account": f"55500{i:03d}", "password": WRONG})
        assert answer.status_code == 401
    demo = server.accounts[0]
    right = raw("POST", "/session", json={"account": demo.account, "password": demo.password})
    unknown = raw("POST", "/session", json={"account": "55599999", "password": WRONG})
    assert right.status_code == unknown.status_code == 429
    assert right.content == unknown.content  # nothing tells a known number from an unknown one
    assert right.headers["Retry-After"] == "900"
    server.clock.advance(15 * MINUTE)
    assert (
        raw("POST", "/session", json={"account": demo.account, "password": demo.password}).status_code == 201
    )


@pytest.fixture
def small_budget_server(server: Any) -> Iterator[Any]:
    """A second server over the same database with an overall budget of 4 failures."""
    from annet_server.embedded import start_server
    from annet_server.limits import Limits

    running = start_server(server.db_url, server.clock, limits=Limits(global_failures=4, client_failures=100))
    try:
        yield running
    finally:
        running.stop()


def test_the_overall_failure_budget_throttles_everyone(server: Any, small_budget_server: Any) -> None:
    from annet_desktop.api.client import CabinetClient

    client = CabinetClient(small_budget_server.url, backoff=0.01)
    try:
        for i in range(4):
            with pytest.raises(errors.AuthFailed):
                client.login(f"7770{i}", WRONG)
        demo = server.accounts[0]
        with pytest.raises(errors.Throttled) as caught:
            client.login(demo.account, demo.password)
        assert caught.value.retry_after == 15 * 60
        server.clock.advance(15 * MINUTE)
        assert client.login(demo.account, demo.password).token
    finally:
        client.close()


# --------------------------------------------------------------------------- PUT /me/password


def _wrong_current(client: Any, times: int) -> None:
    for _ in range(times):
        with pytest.raises(errors.RuleViolation) as caught:
            client.change_password("Wrong-current-1", "Fresh-Pass-2026")
        assert caught.value.code is ErrorCode.PASSWORD_WRONG_CURRENT


def test_wrong_current_passwords_count_with_login_failures(server: Any) -> None:
    demo = server.by_case("no-contacts")
    client = server.client(login=demo)
    _wrong_current(client, 4)
    _fail(server, demo.account, 1)  # the fifth failure of the subscriber, a login
    with pytest.raises(errors.Throttled) as caught:
        client.change_password(demo.password, "Fresh-Pass-2026")  # even the right one waits
    assert caught.value.retry_after == 15 * 60
    with pytest.raises(errors.Throttled):
        server.client().login(demo.account, demo.password)
    server.clock.advance(15 * MINUTE)
    client = server.client(login=demo)
    client.change_password(demo.password, "Fresh-Pass-2026")
    assert server.client().login(demo.account, "Fresh-Pass-2026").token


def test_five_wrong_current_passwords_throttle_a_stolen_token(server: Any) -> None:
    demo = server.by_case("no-contacts")
    client = server.client(login=demo)
    _wrong_current(client, 5)
    with pytest.raises(errors.Throttled) as caught:
        client.change_password("Wrong-current-1", "Fresh-Pass-2026")
    assert caught.value.status == 429 and caught.value.retry_after == 15 * 60


def test_a_right_current_password_does_not_reset_the_count(server: Any) -> None:
    demo = server.by_case("no-contacts")
    client = server.client(login=demo)
    _wrong_current(client, 4)
    client.change_password(demo.password, "Fresh-Pass-2026")  # right: done, but no reset
    with pytest.raises(errors.RuleViolation):
        client.change_password("Wrong-current-1", "Other-Pass-2027")
    with pytest.raises(errors.Throttled):
        client.change_password("Fresh-Pass-2026", "Other-Pass-2027")


def test_the_same_password_never_confirms_a_wrong_guess(server: Any) -> None:
    demo = server.by_case("no-contacts")
    client = server.client(login=demo)
    with pytest.raises(errors.RuleViolation) as caught:
        client.change_password("Guess-2026-x", "Guess-2026-x")  # a guess sent as both
    assert caught.value.code is ErrorCode.PASSWORD_WRONG_CURRENT
    with pytest.raises(errors.RuleViolation) as caught:
        client.change_password(demo.password, demo.password)
    assert caught.value.code is ErrorCode.PASSWORD_SAME


def test_a_retried_password_change_replays_the_first_answer(server: Any, raw: Any) -> None:
    demo = server.by_case("no-contacts")
    token = server.client(login=demo).token
    body = {"current_password": demo.password, "new_password": "Fresh-Pass-2026"}
    headers = {"Idempotency-Key": "password-form-1"}
    first = raw("PUT", "/me/password", token=token, json=body, headers=headers)
    again = raw("PUT", "/me/password", token=token, json=body, headers=headers)  # the answer was lost
    assert first.status_code == again.status_code == 204
    assert again.headers.get("Idempotent-Replayed") == "true"
    # a retry with a new key is a new change: its current password is now wrong
    fresh = raw("PUT", "/me/password", token=token, json=body, headers={"Idempotency-Key": "password-form-2"})
    assert fresh.status_code == 422 and fresh.json()["code"] == "password.wrong_current"


def test_the_client_sends_one_key_per_form_submission(server: Any) -> None:
    demo = server.by_case("no-contacts")
    client = server.client(login=demo)
    client.change_password(demo.password, "Fresh-Pass-2026", idempotency_key="form-1")
    client.change_password(demo.password, "Fresh-Pass-2026", idempotency_key="form-1")  # replayed
    assert server.client().login(demo.account, "Fresh-Pass-2026").token


@pytest.mark.parametrize(("length", "status"), [(128, 204), (129, 422)])
def test_a_password_longer_than_128_characters_is_refused(
    server: Any, raw: Any, length: int, status: int
) -> None:
    demo = server.by_case("no-contacts")
    token = server.client(login=demo).token
    new = ("Aa1-" * 40)[:length]
    answer = raw(
        "PUT", "/me/password", token=token, json={"current_password": demo.password, "new_password": new}
    )
    assert answer.status_code == status, answer.text
    if status == 422:
        assert answer.json()["errors"][0]["field"] == "new_password"
    login = raw("POST", "/session", json={"account": demo.account, "password": ("Aa1-" * 40)[:129]})
    assert login.status_code == 422  # a 129-character password is not even tried


# --------------------------------------------------------------------------- the write lock


def test_a_login_flood_does_not_hold_the_write_lock(server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a login's hash runs, another subscriber's GET /me (which writes) completes."""
    from annet_server import passwords

    real_verify = passwords.verify_password
    hashing = threading.Event()
    release = threading.Event()
    released_in_time: list[bool] = []

    def slow_verify(password_hash: str | None, password: str) -> bool:
        if not hashing.is_set():
            hashing.set()
            released_in_time.append(release.wait(20))  # the deadlock breaker on today's main
        return real_verify(password_hash, password)

    reader = server.client(login=server.by_case("telephony"))
    monkeypatch.setattr(passwords, "verify_password", slow_verify)
    demo = server.accounts[0]
    results: list[Any] = []
    login = threading.Thread(
        target=lambda: results.append(server.client().login(demo.account, demo.password)), daemon=True
    )
    login.start()
    assert hashing.wait(30)
    assert reader.me().name  # answered while the hash is still running ...
    release.set()  # ... and only then may the hash finish
    login.join(60)
    assert released_in_time == [True]
    assert results and results[0].token
