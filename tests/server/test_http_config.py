"""The operator's server vs the demo (issue 13, finding 7): the payment sandbox only in the demo;
outside it, no start without a merchant secret and a public URL."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import requests

SECRET = "operator-merchant-secret-0123456789abcdef"
PUBLIC_URL = "https://lk.annet.example"


@pytest.fixture(autouse=True)
def _no_operator_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ANNET_PAY_SECRET", "ANNET_PUBLIC_URL", "ANNET_SERVER_SECRET"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"public_url": PUBLIC_URL}, "ANNET_PAY_SECRET"),
        ({"secret": SECRET}, "ANNET_PUBLIC_URL"),
        ({"secret": "short", "public_url": PUBLIC_URL}, "at least 32"),
        ({"secret": "annet-sandbox-merchant-secret", "public_url": PUBLIC_URL}, "private"),
        ({"secret": SECRET, "public_url": "javascript:alert(1)"}, "http(s)"),
        ({"secret": SECRET, "public_url": "https://user@lk.annet.example"}, "http(s)"),
    ],
)
def test_the_operators_server_refuses_to_start_unconfigured(
    server: Any, kwargs: dict[str, str], says: str
) -> None:
    from annet_server.app import ConfigError, create_app

    with pytest.raises(ConfigError, match=says.replace("(", r"\(").replace(")", r"\)")):
        create_app(server.db_url, server.clock, **kwargs)


def test_configuration_from_the_environment(server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from annet_server.app import create_app

    monkeypatch.setenv("ANNET_PAY_SECRET", SECRET)
    monkeypatch.setenv("ANNET_PUBLIC_URL", PUBLIC_URL + "/")
    app = create_app(server.db_url, server.clock)
    try:
        assert app.state.annet.secret == SECRET and app.state.annet.public_url == PUBLIC_URL
        assert not app.state.annet.sandbox
    finally:
        app.state.annet.dispose()


@pytest.fixture
def operator(server: Any) -> Iterator[Any]:
    """The operator's server (no sandbox) over the test's database."""
    from annet_server.app import create_app
    from annet_server.embedded import start_app

    app = create_app(server.db_url, server.clock, secret=SECRET, public_url=PUBLIC_URL)
    running = start_app(app)
    try:
        yield running
    finally:
        running.stop()


def test_the_operators_server_has_no_payment_sandbox(server: Any, operator: Any) -> None:
    from annet_desktop.api.client import CabinetClient

    client = CabinetClient(operator.url, backoff=0.01)
    try:
        demo = server.by_case("internet-discount")
        client.login(demo.account, demo.password)
        number = client.me().accounts[0].number
        order = client.create_payment(number, Decimal("500.00"))
        assert order.payment_url.startswith(PUBLIC_URL + "/pay/?")
        query = order.payment_url.split("?", 1)[1]
        for path in (f"/pay/?{query}", "/pay/return/ok", "/pay/result?t=x"):
            assert requests.get(operator.url + path, timeout=10).status_code == 404, path
        card = requests.post(
            operator.url + "/pay/card", data={"t": "x", "number": "4111111111111111"}, timeout=10
        )
        assert card.status_code == 404
    finally:
        client.close()


def test_the_test_server_and_the_embedded_demo_keep_the_sandbox(server: Any) -> None:
    assert server.state.sandbox
    assert server.state.public_url == server.url
    assert requests.get(f"{server.url}/pay/return/ok", timeout=10).status_code == 200


def test_each_use_of_the_server_secret_has_its_own_key(server: Any) -> None:
    state = server.state
    keys = {state.idempotency_secret, state.flow_secret, state.server_secret, state.secret.encode()}
    assert len(keys) == 4
