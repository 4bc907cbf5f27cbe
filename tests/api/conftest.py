"""Fixtures of the client tests: the fault-injection server, and raw requests for bad input."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from faultserver import FaultServer, fault_server

__all__ = ["fault_server"]  # the fixture, shared with tests/ui


@pytest.fixture
def fault_client(fault_server: FaultServer) -> Iterator[Any]:
    """A CabinetClient aimed at the fault server, with a token and no backoff delay."""
    from annet_desktop.api.client import CabinetClient

    client = CabinetClient(fault_server.url, backoff=0.0, timeout=(2.0, 0.5))
    client.token = "test-token"
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def raw(server: Any) -> Callable[..., Any]:
    """Send a raw request to the real server (bad input the typed client cannot even build).

    ``raw(method, path, *, token=None, json=None, data=None, headers=None)`` → requests.Response;
    ``path`` is under /api/v1.
    """
    import requests

    session = requests.Session()
    session.trust_env = False

    def send(
        method: str,
        path: str,
        *,
        token: str | None = None,
        json: Any = None,
        data: bytes | str | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, Any] | None = None,
    ) -> requests.Response:
        all_headers = {"Accept-Language": "ru"}
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        all_headers.update(headers or {})
        return session.request(
            method,
            f"{server.url}/api/v1{path}",
            json=json,
            data=data,
            headers=all_headers,
            params=params,
            timeout=(5, 30),
        )

    server._clients.append(session)
    return send
