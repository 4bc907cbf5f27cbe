"""Which URLs the app talks to: the Cabinet API server's address and the payment pages (pure).

The server address (SPEC "server address"): ``https`` anywhere, plain ``http`` only on the
loopback (a local server). The payment pages (R-PAY-5): ``https`` anywhere, plain ``http`` only
from the one origin passed in explicitly — the embedded demo server that ``--demo`` started, whose
payment sandbox the web view then shows — never from any other address, loopback or not. The
server address must carry no user name, password, query or fragment; what is shown of a refused
address never carries them either. The Qt side words the refusals
(:func:`annet_desktop.ui.messages.server_url_error_text`).
"""

from __future__ import annotations

import ipaddress
from enum import Enum
from urllib.parse import parse_qs, urlsplit

#: schemes a page's own resources may use besides http(s)
RESOURCE_SCHEMES = ("data", "blob")
#: schemes a subframe may additionally show (blank frames the bank pages create)
SUBFRAME_SCHEMES = ("about",)


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1, with or without brackets)."""
    host = host.strip("[]").lower()
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def without_secrets(url: str) -> str:
    """The URL as it may be shown or logged: no user name, password, query or fragment."""
    if "@" in url:
        scheme, sep, rest = url.partition("://")
        url = scheme + sep + "…@" + rest.rpartition("@")[2] if sep else "…@" + url.rpartition("@")[2]
    return url.split("?", 1)[0].split("#", 1)[0]


# --------------------------------------------------------------------------- the server address


class UrlProblem(Enum):
    """Why a server address is refused."""

    INVALID = "invalid"  # not http(s)://host
    SECRETS = "secrets"  # a user name, password, query or fragment in it
    INSECURE = "insecure"  # plain http to a host that is not the loopback


class ServerUrlError(ValueError):
    """The server address is not acceptable; ``shown`` is the address without its secrets."""

    def __init__(self, problem: UrlProblem, shown: str, host: str = "") -> None:
        super().__init__(f"{problem.value}: {shown}")
        self.problem = problem
        self.shown = shown
        self.host = host


def check_server_url(url: str) -> str:
    """The normalised base URL (no trailing slash), or :class:`ServerUrlError`."""
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:  # e.g. an unclosed "[" of an IPv6 address
        raise ServerUrlError(UrlProblem.INVALID, without_secrets(url)) from None
    if parts.scheme not in ("http", "https") or not hostname:
        raise ServerUrlError(UrlProblem.INVALID, without_secrets(url))
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ServerUrlError(UrlProblem.SECRETS, without_secrets(url))
    if parts.scheme == "http" and not is_loopback(hostname):
        raise ServerUrlError(UrlProblem.INSECURE, without_secrets(url), hostname)
    return url


def has_userinfo(url: str) -> bool:
    """Does ``url`` carry a user name or password (never echo such an address)."""
    try:
        parts = urlsplit(url)
        return bool(parts.username or parts.password)
    except ValueError:
        return False


# --------------------------------------------------------------------------- the payment pages


def http_origin(url: str | None) -> str | None:
    """``http://host:port`` of a loopback ``http`` address (the embedded demo server), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return None
    if parts.scheme.lower() != "http" or not host or not is_loopback(host):
        return None
    return f"http://{_netloc(host, port or 80)}"


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def allowed_page(url: str, demo_origin: str | None = None) -> bool:
    """May a page (main frame or subframe) be opened: https anywhere; plain http only from
    ``demo_origin`` (the embedded demo server's ``http://127.0.0.1:port``; see :func:`http_origin`)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:  # not a URL at all (an unclosed "[", a bad port): refused
        return False
    scheme = parts.scheme.lower()
    if scheme == "https":
        return bool(host)
    if scheme == "http" and host:
        allowed = http_origin(demo_origin)
        return allowed is not None and f"http://{_netloc(host, port or 80)}" == allowed
    return False


def allowed_resource(url: str, main_frame: bool, demo_origin: str | None = None) -> bool:
    """May the request interceptor let ``url`` through (main frames: :func:`allowed_page`)."""
    if main_frame:
        return allowed_page(url, demo_origin)
    scheme = urlsplit(url).scheme.lower()
    return allowed_page(url, demo_origin) or scheme in RESOURCE_SCHEMES


def return_urls(payment_url: str) -> tuple[str, str]:
    """The URL_RETURN_OK and URL_RETURN_NO of a payment page address ("" when absent)."""
    query = parse_qs(urlsplit(payment_url).query)
    return query.get("URL_RETURN_OK", [""])[0], query.get("URL_RETURN_NO", [""])[0]


def same_endpoint(url: str, target: str) -> bool:
    """Same scheme, host, port and path (trailing slash aside): the return address was reached."""
    if not target:
        return False
    a, b = urlsplit(url), urlsplit(target)
    return (
        a.scheme.lower() == b.scheme.lower()
        and (a.hostname or "") == (b.hostname or "")
        and a.port == b.port
        and a.path.rstrip("/") == b.path.rstrip("/")
    )
