"""Tests of annet_desktop.domain.urls: which addresses the app talks to (server and payment pages)."""

from __future__ import annotations

import pytest

from annet_desktop.domain.urls import (
    ServerUrlError,
    UrlProblem,
    allowed_page,
    check_server_url,
    has_userinfo,
    is_loopback,
    without_secrets,
)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.255.255.255", True),  # the last address of 127.0.0.0/8
        ("128.0.0.1", False),  # the first one after it
        ("126.255.255.255", False),  # the last one before it
        ("::1", True),
        ("[::1]", True),
        ("::2", False),
        ("localhost", True),
        ("LOCALHOST", True),
        ("localhost.localdomain", True),
        ("localhost.example.ru", False),
        ("my.an-net.ru", False),
        ("", False),
    ],
)
def test_loopback_is_127_slash_8_and_localhost(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://10.0.0.1", UrlProblem.INSECURE),
        ("http://128.0.0.1:8000", UrlProblem.INSECURE),
        ("ftp://my.an-net.ru", UrlProblem.INVALID),
        ("my.an-net.ru", UrlProblem.INVALID),
        ("https://", UrlProblem.INVALID),
        ("https://anna:pw@my.an-net.ru", UrlProblem.SECRETS),
        ("https://my.an-net.ru/?token=x", UrlProblem.SECRETS),
        ("https://my.an-net.ru/#x", UrlProblem.SECRETS),
        ("http://[::1", UrlProblem.INVALID),  # urlsplit raises ValueError: still a clear refusal
    ],
)
def test_refused_server_addresses_say_why(url: str, problem: UrlProblem) -> None:
    with pytest.raises(ServerUrlError) as info:
        check_server_url(url)
    assert info.value.problem is problem
    assert "pw" not in info.value.shown and "token" not in info.value.shown


@pytest.mark.parametrize(
    "url", ["https://my.an-net.ru/", "  https://my.an-net.ru  ", "http://127.0.0.1:8000/", "http://[::1]:1"]
)
def test_accepted_server_addresses_are_normalised(url: str) -> None:
    assert check_server_url(url) == url.strip().rstrip("/")


def test_the_server_policy_and_the_payment_policy_agree_on_the_loopback() -> None:
    """One is_loopback for both (they had drifted: localhost.localdomain was a server only). Since
    issue 13 (6) a payment page over http needs the demo server's origin passed in as well."""
    for host in ("localhost.localdomain", "127.0.0.2", "[::1]", "10.0.0.1"):
        server_ok = True
        try:
            check_server_url(f"http://{host}:8000")
        except ServerUrlError:
            server_ok = False
        assert allowed_page(f"http://{host}:8000/pay/", f"http://{host}:8000") is server_ok
        assert not allowed_page(f"http://{host}:8000/pay/")


def test_secrets_never_shown() -> None:
    assert without_secrets("https://anna:s3cret@host/x?token=t#f") == "https://…@host/x"
    assert has_userinfo("https://anna@host") and not has_userinfo("https://host")
    assert not has_userinfo("http://[::1")  # unparsable: no user name to hide


def test_an_unparsable_page_address_is_refused_not_raised() -> None:
    assert not allowed_page("https://[::1/pay")
