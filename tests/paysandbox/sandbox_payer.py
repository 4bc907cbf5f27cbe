"""A payer that walks the sandbox's hosted pages over HTTP like a browser without JavaScript."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import requests

APPROVED = "4111 1111 1111 1111"
DECLINED = "4000 0000 0000 0002"
THREE_DS = "5555 5555 5555 4444"
TIMEOUT = "4000 0000 0000 0119"
GOOD_CARD = {"expiry": "12/29", "holder": "IVAN IVANOV", "cvc": "123"}


class Payer:
    """A browser without JavaScript: GET the payment page, POST the forms, follow redirects."""

    def __init__(self, url: str) -> None:
        self.http = requests.Session()
        self.response = self.http.get(url, timeout=30)
        self.url = self.response.url

    @property
    def html(self) -> str:
        return self.response.text

    @property
    def status(self) -> int:
        return self.response.status_code

    def token(self, form_id: str | None = None) -> str:
        html = self.html
        if form_id is not None:
            start = html.index(f'id="{form_id}"')
            html = html[start:]
        match = re.search(r'name="t" value="([^"]+)"', html)
        assert match, "no form token on the page"
        return unescape(match.group(1))

    def post(
        self, action: str, fields: dict[str, str], form_id: str | None = None, token: str | None = None
    ) -> Payer:
        data = {"t": token if token is not None else self.token(form_id), **fields}
        self.response = self.http.post(urljoin(self.url, action), data=data, timeout=30)
        self.url = self.response.url
        return self

    def has(self, element_id: str) -> bool:
        return f'id="{element_id}"' in self.html

    def text_of(self, element_id: str) -> str:
        match = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', self.html)
        assert match, f"no #{element_id}"
        return unescape(match.group(1))

    def card(self, number: str, **overrides: str) -> Payer:
        if self.has("methodform"):
            self.post("method", {"method": "card"}, "methodform")
        return self.post("card", {"number": number, **GOOD_CARD, **overrides}, "cardform")

    def close(self) -> None:
        self.http.close()
