"""The signed form token of the sandbox flow: forged, altered or expired tokens are refused."""

from __future__ import annotations

import pytest

from annet_server.paysandbox import flow
from annet_server.paysandbox.flow import BadToken, Flow


def test_round_trip() -> None:
    state = Flow(order="A-1", email="a@b.ru", step="card", last4="1111")
    token = flow.dump(state, b"secret", now=1000)
    back = flow.load(token, b"secret", now=1000 + flow.TOKEN_TTL_S)
    assert back.order == "A-1" and back.step == "card" and back.last4 == "1111"


def test_expired_token_refused() -> None:
    token = flow.dump(Flow(order="A-1"), b"secret", now=1000)
    with pytest.raises(BadToken):
        flow.load(token, b"secret", now=1000 + flow.TOKEN_TTL_S + 1)


def test_other_secret_refused() -> None:
    token = flow.dump(Flow(order="A-1"), b"secret", now=1000)
    with pytest.raises(BadToken):
        flow.load(token, b"other", now=1000)


def test_altered_body_refused() -> None:
    token = flow.dump(Flow(order="A-1"), b"secret", now=1000)
    body, sig = token.split(".")
    forged = flow.dump(Flow(order="A-2"), b"secret", now=1000).split(".")[0]
    with pytest.raises(BadToken):
        flow.load(forged + "." + sig, b"secret", now=1000)
    with pytest.raises(BadToken):
        flow.load(body + "x." + sig, b"secret", now=1000)


@pytest.mark.parametrize("token", [None, "", "abc", "a.b.c"])
def test_garbage_refused(token: str | None) -> None:
    with pytest.raises(BadToken):
        flow.load(token, b"secret")


def test_token_never_holds_a_card_number() -> None:
    assert not {"number", "cvc", "pan"} & set(Flow.__dataclass_fields__)


def test_language_travels_in_the_token() -> None:
    token = flow.dump(Flow(order="A-1", step="card", lang="en"), b"secret", now=1000)
    assert flow.load(token, b"secret", now=1000).lang == "en"
    assert Flow(order="A-1").lang == "ru"  # a pay request without Language=en


def test_expired_token_keeps_its_language_forged_one_does_not() -> None:
    token = flow.dump(Flow(order="A-1", lang="en"), b"secret", now=1000)
    with pytest.raises(BadToken) as expired:
        flow.load(token, b"secret", now=1000 + flow.TOKEN_TTL_S + 1)
    assert expired.value.lang == "en"
    with pytest.raises(BadToken) as forged:
        flow.load(token, b"other", now=1000)
    assert forged.value.lang == "ru"
