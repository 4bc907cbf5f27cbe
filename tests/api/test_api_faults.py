"""The typed client against a misbehaving server: retries for GETs only, and every failure typed."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from faultserver import FaultServer, Reply

from annet_desktop.api import errors
from annet_desktop.api.client import CabinetClient

ME = {
    "name": "Иванов Иван",
    "accounts": [{"number": "1", "kind": "internet", "title": "Интернет", "has_telephony": False}],
}


def _json(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


def _problem(status: int, code: str, detail: str, **extra: Any) -> Reply:
    body = {"title": "t", "status": status, "detail": detail, "code": code, **extra}
    return Reply(status=status, body=_json(body), content_type="application/problem+json")


def test_get_is_retried_on_503_and_then_succeeds(
    fault_server: FaultServer, fault_client: CabinetClient
) -> None:
    fault_server.answer(Reply(503, b"busy"), Reply(503, b"busy"), Reply(200, _json(ME)))
    me = fault_client.me()
    assert me.name == "Иванов Иван"
    assert fault_server.hit_count("/api/v1/me") == 3


def test_get_gives_up_after_the_retries(fault_server: FaultServer, fault_client: CabinetClient) -> None:
    fault_server.answer(*(Reply(502, b"<html>bad gateway</html>", "text/html") for _ in range(5)))
    with pytest.raises(errors.ServerError):
        fault_client.me()
    assert fault_server.hit_count("/api/v1/me") == fault_client.retries == 3


def test_get_is_retried_when_the_connection_drops(
    fault_server: FaultServer, fault_client: CabinetClient
) -> None:
    fault_server.answer(Reply(action="drop"), Reply(200, _json(ME)))
    assert fault_client.me().name == "Иванов Иван"
    assert fault_server.hit_count("/api/v1/me") == 2


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda c: c.take_credit("1"), "/api/v1/accounts/1/credit"),
        (lambda c: c.create_payment("1", Decimal("100.00")), "/api/v1/accounts/1/payments"),
        (lambda c: c.block("1", 5), "/api/v1/accounts/1/services/5/block"),
        (lambda c: c.change_tariff("1", 5, 7), "/api/v1/accounts/1/services/5/tariff"),
    ],
)
def test_changes_are_never_retried(
    fault_server: FaultServer, fault_client: CabinetClient, call: Any, path: str
) -> None:
    fault_server.answer(Reply(503, b"busy"), Reply(503, b"busy"), Reply(503, b"busy"))
    with pytest.raises(errors.ServerError):
        call(fault_client)
    assert fault_server.hit_count(path) == 1


def test_a_dropped_change_is_a_network_error_sent_once(
    fault_server: FaultServer, fault_client: CabinetClient
) -> None:
    fault_server.answer(Reply(action="drop"), Reply(action="drop"))
    with pytest.raises(errors.NetworkError):
        fault_client.take_credit("1")
    assert fault_server.hit_count("/api/v1/accounts/1/credit") == 1


def test_every_change_carries_an_idempotency_key(
    fault_server: FaultServer, fault_client: CabinetClient
) -> None:
    fault_server.answer(Reply(503), Reply(503), Reply(200, _json(ME)))
    with pytest.raises(errors.ServerError):
        fault_client.take_credit("1")
    with pytest.raises(errors.ServerError):
        fault_client.take_credit("1", idempotency_key="my-key")
    fault_client.me()
    (_, _, first), (_, _, second), (_, _, get) = fault_server.requests
    assert len(first["Idempotency-Key"]) >= 32
    assert second["Idempotency-Key"] == "my-key"
    assert "Idempotency-Key" not in get


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, b"<html>not json</html>", "text/html"),
        Reply(200, b'{"name": "\xd0\x98\xd0\xb2'),  # JSON cut in the middle (length matches)
        Reply(200, _json({"name": "no accounts field"})),  # valid JSON, wrong shape
        Reply(200, _json([1, 2, 3])),
        Reply(200, b""),
    ],
    ids=["html", "truncated-json", "wrong-shape", "array", "empty"],
)
def test_garbage_is_a_bad_response(
    fault_server: FaultServer, fault_client: CabinetClient, reply: Reply
) -> None:
    fault_server.answer(reply)
    with pytest.raises(errors.BadResponse) as caught:
        fault_client.me()
    assert str(caught.value) == errors.BadResponse.default_message
    assert fault_server.hit_count("/api/v1/me") == 1  # garbage is not retried: it would be garbage again


def test_broken_gzip_is_a_bad_response(fault_server: FaultServer, fault_client: CabinetClient) -> None:
    fault_server.answer(Reply(200, b"definitely not gzip", headers={"Content-Encoding": "gzip"}))
    with pytest.raises(errors.BadResponse):
        fault_client.me()


def test_gzip_answers_are_decoded(fault_server: FaultServer, fault_client: CabinetClient) -> None:
    fault_server.answer(Reply(200, _json(ME), action="gzip"))
    assert fault_client.me().accounts[0].number == "1"


def test_a_body_cut_short_on_the_wire_is_retried_then_a_network_error(
    fault_server: FaultServer, fault_client: CabinetClient
) -> None:
    fault_server.answer(*(Reply(200, _json(ME)[:20], action="short") for _ in range(3)))
    with pytest.raises(errors.NetworkError):
        fault_client.me()
    assert fault_server.hit_count("/api/v1/me") == 3


def test_a_hanging_server_times_out_as_a_network_error_without_another_try(
    fault_server: FaultServer, fault_client: CabinetClient
) -> None:
    """Issue 13 (3): a read timeout is not retried (it was: 3 tries × 30 s for one GET) — the
    server is slow, and asking again only makes the user wait longer."""
    fault_client.retries = 2
    fault_server.answer(Reply(action="hang"), Reply(action="hang"))
    with pytest.raises(errors.NetworkError) as caught:
        fault_client.me()
    assert "Timeout" in caught.value.debug
    assert fault_server.hit_count("/api/v1/me") == 1


def test_nobody_listening_is_a_network_error() -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago and nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = CabinetClient(f"http://127.0.0.1:{port}", backoff=0.0)
    try:
        with pytest.raises(errors.NetworkError) as caught:
            client.me()
        assert str(caught.value) == errors.NetworkError.default_message
    finally:
        client.close()


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (_problem(401, "auth.denied", "Доступ запрещён"), errors.AuthFailed),
        (_problem(401, "auth.session_expired", "Сеанс завершён."), errors.SessionExpired),
        (_problem(401, "auth.required", "Войдите."), errors.SessionExpired),
        (_problem(404, "not_found", "Не найдено."), errors.NotFound),
        (
            _problem(409, "tariff.monthly_limit", "Смена тарифа разрешена только один раз в месяц"),
            errors.RuleViolation,
        ),
        (
            _problem(422, "validation", "Проверьте.", errors=[{"field": "email", "message": "Плохо"}]),
            errors.ValidationFailed,
        ),
        (_problem(422, "idempotency.mismatch", "Другие данные."), errors.ValidationFailed),
        (_problem(500, "internal", "Ошибка сервера."), errors.ServerError),
        (Reply(404, b"Not Found", "text/plain"), errors.NotFound),
        (Reply(401, b"", "text/plain"), errors.SessionExpired),
        (Reply(400, b"what", "text/plain"), errors.BadResponse),
        (_problem(409, "no.such.code", "Что-то новое"), errors.BadResponse),
    ],
)
def test_problems_map_to_the_error_tree(
    fault_server: FaultServer, fault_client: CabinetClient, reply: Reply, error: type[errors.ApiError]
) -> None:
    fault_server.answer(reply)
    with pytest.raises(errors.ApiError) as caught:
        fault_client.take_credit("1")
    assert type(caught.value) is error
    if reply.content_type == "application/problem+json" and error is not errors.BadResponse:
        assert str(caught.value) == json.loads(reply.body)["detail"]
        assert caught.value.status == reply.status
    if error is errors.ValidationFailed and caught.value.code == "validation":
        assert caught.value.errors[0].field == "email"


def test_throttled_carries_retry_after(fault_server: FaultServer, fault_client: CabinetClient) -> None:
    fault_server.answer(_problem(429, "auth.throttled", "Слишком много попыток.", retry_after=600))
    with pytest.raises(errors.Throttled) as caught:
        fault_client.login("1", "x")
    assert caught.value.retry_after == 600
    fault_server.answer(
        Reply(
            429,
            _json({"title": "t", "status": 429, "detail": "Подождите.", "code": "auth.throttled"}),
            "application/problem+json",
            headers={"Retry-After": "42"},
        )
    )
    with pytest.raises(errors.Throttled) as caught:
        fault_client.login("1", "x")
    assert caught.value.retry_after == 42


def test_the_token_never_shows_in_an_error(fault_server: FaultServer, fault_client: CabinetClient) -> None:
    fault_server.answer(Reply(500, b"Traceback (most recent call last): secret", "text/plain"))
    with pytest.raises(errors.ServerError) as caught:
        fault_client.me()
    for text in (str(caught.value), caught.value.debug):
        assert "test-token" not in text and "Traceback" not in text
