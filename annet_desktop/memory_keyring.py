"""An in-memory keyring backend: the stand-in for the OS keyring in the self-test, the screenshot tour
and the tests — never installed on a user's run (passwords would be lost at exit, which is the point).
"""

from __future__ import annotations

import keyring
import keyring.backend


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Passwords in a dict of ``(service, username) → password``, for this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def install() -> tuple[MemoryKeyring, keyring.backend.KeyringBackend]:
    """Make a fresh in-memory keyring the process's backend; returns it and the backend it replaced."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend, previous
