"""The remembered password, in the OS keyring only — never anywhere else.

``keyring`` is imported on first use (it is slow to load). When the platform has no usable
backend (``keyring.backends.fail.Keyring`` or a backend with priority < 1) nothing is stored, the
«Запомнить» box is disabled and :meth:`Credentials.why_unavailable` says why. There is no
plaintext fallback on purpose.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

SERVICE_PREFIX = "annet-desktop"


class Credentials:
    """Get, store and delete the password of one account on one server in the OS keyring."""

    def __init__(self) -> None:
        self._backend: Any = None
        self._checked = False
        self._reason: str | None = None
        self._lock = threading.Lock()

    def probe(self) -> None:
        """Load keyring and find the backend now (slow: call it off the GUI thread); thread-safe."""
        self._keyring()

    def _keyring(self) -> Any:
        with self._lock:
            return self._keyring_locked()

    def _keyring_locked(self) -> Any:
        import keyring

        if not self._checked:
            self._checked = True
            try:
                backend = keyring.get_keyring()
                from keyring.backends import fail

                priority = getattr(backend, "priority", 1)
                if isinstance(backend, fail.Keyring) or (isinstance(priority, (int, float)) and priority < 1):
                    self._reason = "no-backend"
                else:
                    self._backend = backend
            except Exception as exc:  # a broken keyring must never stop the app
                log.warning("keyring unusable: %s", type(exc).__name__)
                self._reason = "error"
        return keyring

    @property
    def available(self) -> bool:
        """True when a real keyring backend is there to hold a password."""
        self._keyring()
        return self._backend is not None

    def why_unavailable(self) -> str | None:
        """``None`` when available, else a machine reason: ``"no-backend"`` or ``"error"``."""
        self._keyring()
        return None if self._backend is not None else self._reason

    @staticmethod
    def service(server_url: str) -> str:
        return f"{SERVICE_PREFIX}:{server_url.rstrip('/')}"

    def get(self, server_url: str, account: str) -> str | None:
        """The stored password, or ``None`` (also when the keyring fails)."""
        self._keyring()
        if self._backend is None or not account:
            return None
        try:
            value = self._backend.get_password(self.service(server_url), account)
        except Exception as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None
        return str(value) if value else None

    def set(self, server_url: str, account: str, password: str) -> bool:
        """Store the password; False when there is no keyring or it refused."""
        self._keyring()
        if self._backend is None:
            return False
        try:
            self._backend.set_password(self.service(server_url), account, password)
        except Exception as exc:
            log.warning("keyring write failed: %s", type(exc).__name__)
            return False
        return True

    def delete(self, server_url: str, account: str) -> None:
        """Forget the stored password (nothing happens if there is none)."""
        self._keyring()
        if self._backend is None:
            return
        try:
            self._backend.delete_password(self.service(server_url), account)
        except Exception as exc:  # PasswordDeleteError when absent
            log.debug("keyring delete: %s", type(exc).__name__)
