"""Clocks of the reference server: the system clock and a settable fake one for tests.

Everything in billing asks an injected :class:`Clock` for ``now()`` (aware, Moscow time), so a
test can walk a subscriber through month ends, credit expiry and the 2-month ban without waiting.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Protocol

from annet_contract.moscow import MOSCOW, to_moscow

__all__ = ["MOSCOW", "Clock", "FakeClock", "SystemClock"]


class Clock(Protocol):
    """Anything with ``now()`` returning an aware datetime in Moscow time."""

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The real time, in Moscow time (UTC+3, no DST)."""

    def now(self) -> dt.datetime:
        """The current moment, aware, Moscow time."""
        return dt.datetime.now(MOSCOW)


class FakeClock:
    """A clock that stands still until a test moves it; thread-safe (the server reads it from its thread)."""

    def __init__(self, start: dt.datetime) -> None:
        self._lock = threading.Lock()
        self._now = to_moscow(start)

    def now(self) -> dt.datetime:
        """The fake current moment."""
        with self._lock:
            return self._now

    def set(self, when: dt.datetime) -> None:
        """Jump to ``when`` (a naive datetime is taken as Moscow time)."""
        with self._lock:
            self._now = to_moscow(when)

    def advance(self, delta: dt.timedelta) -> None:
        """Move forward (or back, with a negative ``delta``)."""
        with self._lock:
            self._now = self._now + delta
