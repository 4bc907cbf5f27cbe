"""docs/openapi.json is what ``annet-server openapi`` prints, and it has every path of the contract."""

from __future__ import annotations

import json
from pathlib import Path

from annet_server.cli import openapi_text

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "openapi.json"

#: issue 2's table (plus the first-charge quote the client calls)
CONTRACT = [
    ("post", "/api/v1/session"),
    ("delete", "/api/v1/session"),
    ("get", "/api/v1/me"),
    ("put", "/api/v1/me/contacts"),
    ("put", "/api/v1/me/password"),
    ("get", "/api/v1/accounts/{number}"),
    ("post", "/api/v1/accounts/{number}/credit"),
    ("get", "/api/v1/accounts/{number}/services"),
    ("get", "/api/v1/accounts/{number}/catalog"),
    ("get", "/api/v1/accounts/{number}/catalog/{catalog_id}/tariffs/{tariff_id}/first-charge"),
    ("post", "/api/v1/accounts/{number}/services"),
    ("get", "/api/v1/accounts/{number}/services/{service_id}/tariffs"),
    ("put", "/api/v1/accounts/{number}/services/{service_id}/tariff"),
    ("post", "/api/v1/accounts/{number}/services/{service_id}/block"),
    ("delete", "/api/v1/accounts/{number}/services/{service_id}/block"),
    ("get", "/api/v1/accounts/{number}/services/{service_id}/discounts"),
    ("post", "/api/v1/accounts/{number}/services/{service_id}/discount"),
    ("get", "/api/v1/accounts/{number}/balance-history"),
    ("get", "/api/v1/accounts/{number}/calls"),
    ("get", "/api/v1/journal"),
    ("post", "/api/v1/accounts/{number}/payments"),
    ("get", "/api/v1/accounts/{number}/payments/{order}"),
    ("get", "/api/v1/accounts/{number}/payments/{order}/receipt"),
    ("get", "/api/v1/accounts/{number}/services/{service_id}/tariffs/{tariff_id}/quote"),
    ("get", "/api/v1/accounts/{number}/services/{service_id}/block/quote"),
    ("get", "/api/v1/accounts/{number}/services/{service_id}/unblock/quote"),
    ("get", "/api/v1/accounts/{number}/forecast"),
    ("get", "/api/v1/accounts/{number}/calls/summary"),
]


def test_committed_openapi_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == openapi_text(), (
        "docs/openapi.json is stale: run `annet-server openapi -o docs/openapi.json`"
    )


def test_every_contract_path_is_documented() -> None:
    paths = json.loads(openapi_text())["paths"]
    documented = {(method, path) for path, item in paths.items() for method in item}
    assert set(CONTRACT) <= documented
    assert documented - set(CONTRACT) == set(), "a path outside the contract table"


def test_changes_document_the_idempotency_key_and_reads_do_not() -> None:
    paths = json.loads(openapi_text())["paths"]
    for method, path in CONTRACT:
        names = {p["name"] for p in paths[path][method].get("parameters", [])}
        if method == "get" or (method, path) == ("delete", "/api/v1/session"):
            assert "Idempotency-Key" not in names, (method, path)
        else:
            assert "Idempotency-Key" in names, (method, path)


def test_error_answers_are_documented_as_problem_json() -> None:
    """Issue 11: the server sends problems as application/problem+json, so the document must say so."""
    paths = json.loads(openapi_text())["paths"]
    documented = []
    for path, item in paths.items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status[0] in "45":
                    assert list(response.get("content", {})) == ["application/problem+json"], (
                        method,
                        path,
                        status,
                    )
                    documented.append((method, path))
    assert len(set(documented)) >= 19
