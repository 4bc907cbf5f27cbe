"""Every error of the server is RFC 9457 problem+json: unknown paths, wrong methods, bad bodies, crashes."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from annet_contract.schema import ErrorCode, Problem
from annet_desktop.api import errors

PROBLEM = "application/problem+json"


def _problem(answer: requests.Response) -> Problem:
    assert answer.headers["content-type"] == PROBLEM
    return Problem.model_validate_json(answer.content)


def test_unknown_path_is_a_404_problem(server: Any, raw: Any) -> None:
    answer = raw("GET", "/no/such/thing")
    assert answer.status_code == 404
    problem = _problem(answer)
    assert problem.code is ErrorCode.NOT_FOUND and problem.detail == "Не найдено."
    outside = requests.get(f"{server.url}/nothing-here", timeout=5)
    assert outside.status_code == 404 and _problem(outside).code is ErrorCode.NOT_FOUND


def test_wrong_method_is_a_405_problem(server: Any, raw: Any) -> None:
    answer = raw("PATCH", "/me")
    assert answer.status_code == 405
    assert _problem(answer).code is ErrorCode.METHOD_NOT_ALLOWED
    assert "GET" in answer.headers.get("allow", "")


def test_english_problems_with_accept_language(server: Any, raw: Any) -> None:
    ru = _problem(raw("GET", "/no/such/thing", headers={"Accept-Language": "ru-RU,ru;q=0.9"}))
    en = _problem(raw("GET", "/no/such/thing", headers={"Accept-Language": "en-GB,en;q=0.9,ru;q=0.5"}))
    other = _problem(raw("GET", "/no/such/thing", headers={"Accept-Language": "de"}))
    assert (ru.detail, en.detail, other.detail) == ("Не найдено.", "Not found.", "Не найдено.")


def test_validation_problem_lists_fields_and_never_echoes_a_password(server: Any, raw: Any) -> None:
    secret = "S3cret-" + "x" * 200
    answer = raw("POST", "/session", json={"account": "12ab", "password": secret, "remember": True})
    assert answer.status_code == 422
    problem = _problem(answer)
    assert problem.code is ErrorCode.VALIDATION
    fields = {e.field: e.message for e in problem.errors}
    assert fields == {
        "account": "Допустимы только цифры.",
        "password": "Не длиннее 128 символов.",
        "remember": "Неизвестное поле.",
    }
    assert "S3cret" not in answer.text and "12ab" not in answer.text


def test_validation_messages_in_english(server: Any, raw: Any) -> None:
    answer = raw("POST", "/session", json={}, headers={"Accept-Language": "en"})
    problem = _problem(answer)
    assert problem.detail == "Please check the data entered."
    assert {e.field: e.message for e in problem.errors} == {
        "account": "This field is required.",
        "password": "This field is required.",
    }


@pytest.mark.parametrize(
    ("data", "content_type"),
    [(b"{not json", "application/json"), (b"", "application/json"), (b"[1, 2]", "application/json")],
    ids=["broken-json", "empty", "array"],
)
def test_a_body_that_is_not_an_object_is_422(server: Any, raw: Any, data: bytes, content_type: str) -> None:
    answer = raw("POST", "/session", data=data, headers={"Content-Type": content_type})
    assert answer.status_code == 422
    assert _problem(answer).code is ErrorCode.VALIDATION


def test_a_crash_is_a_500_problem_without_a_traceback(server: Any) -> None:
    from annet_server.app import create_app
    from annet_server.embedded import start_app

    app = create_app(server.db_url, server.clock, sandbox=True)

    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    app.add_api_route("/api/v1/boom", boom, methods=["GET"])
    running = start_app(app)
    try:
        answer = requests.get(f"{running.url}/api/v1/boom", timeout=5)
        assert answer.status_code == 500
        problem = _problem(answer)
        assert problem.code is ErrorCode.INTERNAL
        assert "Traceback" not in answer.text and "secret internals" not in answer.text
        from annet_desktop.api.client import CabinetClient

        client = CabinetClient(running.url, backoff=0.0)
        try:
            with pytest.raises(errors.ServerError) as caught:
                client.request("GET", "/boom")
            assert caught.value.code is ErrorCode.INTERNAL
        finally:
            client.close()
    finally:
        running.stop()


def test_the_server_being_down_is_a_network_error(server: Any) -> None:
    client = server.client(login=server.accounts[0], retries=2)
    client.me()
    server.running.stop()
    with pytest.raises(errors.NetworkError):
        client.me()


def test_small_answers_are_plain_and_big_ones_gzip(server: Any, raw: Any) -> None:
    demo = server.accounts[0]
    token = raw("POST", "/session", json={"account": demo.account, "password": demo.password}).json()["token"]
    small = raw("GET", "/no/such/thing", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers
    big = raw("GET", "/openapi.json", token=token, headers={"Accept-Encoding": "gzip"})
    assert big.headers.get("content-encoding") == "gzip"
    assert int(big.headers["content-length"]) < len(big.content)  # compressed on the wire


def test_answers_say_their_language(server: Any, raw: Any) -> None:
    demo = server.accounts[0]
    token = raw("POST", "/session", json={"account": demo.account, "password": demo.password}).json()["token"]
    assert raw("GET", "/me", token=token).headers["content-language"] == "ru"
    english = raw("GET", "/me", token=token, headers={"Accept-Language": "en"})
    assert english.headers["content-language"] == "en"
    assert raw("GET", "/nowhere", headers={"Accept-Language": "en"}).headers["content-language"] == "en"
