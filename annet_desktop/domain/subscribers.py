"""The subscribers remembered on this computer («Абоненты»): account number and name, never a password.

Stored as one JSON setting (``subscribers/remembered``: a list of ``{"account", "name"}``, the most
recently used first); passwords stay in the OS keyring, one entry per subscriber
(:mod:`annet_desktop.credentials`). Pure functions over that list: a damaged value reads as an
empty list, adding moves a subscriber to the top, forgetting drops it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

#: how many subscribers the menu keeps (a family's contracts, not a directory)
MAX_REMEMBERED = 20


@dataclass(frozen=True)
class Subscriber:
    """One remembered subscriber: the account number typed at login and the name the server gave."""

    account: str
    name: str = ""


def parse(text: str) -> list[Subscriber]:
    """The list stored in the settings; anything unreadable is skipped (never an exception)."""
    try:
        raw = json.loads(text) if text else []
    except ValueError:
        return []
    found: list[Subscriber] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        account, name = item.get("account"), item.get("name", "")
        if isinstance(account, str) and account.isdigit() and isinstance(name, str):
            if all(s.account != account for s in found):
                found.append(Subscriber(account, name))
    return found[:MAX_REMEMBERED]


def dump(subscribers: list[Subscriber]) -> str:
    """The JSON text stored in the settings."""
    return json.dumps([{"account": s.account, "name": s.name} for s in subscribers], ensure_ascii=False)


def remember(subscribers: list[Subscriber], account: str, name: str) -> list[Subscriber]:
    """``account`` at the top of the list (with its current name), the others after it."""
    rest = [s for s in subscribers if s.account != account]
    return [Subscriber(account, name), *rest][:MAX_REMEMBERED]


def forget(subscribers: list[Subscriber], account: str) -> list[Subscriber]:
    """The list without ``account``."""
    return [s for s in subscribers if s.account != account]
