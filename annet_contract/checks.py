"""The base of every input rule's refusal (a ``ValueError`` whose ``message`` is the sentence to show)
and of the outcome of checking a typed value as the user types."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar


class InputError(ValueError):
    """A value an input rule refuses; ``message`` (also ``str()``) is the Russian sentence to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Checked:
    """The outcome of checking a typed value: the normalised value, or the message, or neither (clear)."""

    value: str | None  # the normalised value when valid; None when empty (= clear) or invalid
    error: str | None = None

    @property
    def valid(self) -> bool:
        return self.error is None

    @property
    def clears(self) -> bool:
        return self.error is None and self.value is None


CheckedT = TypeVar("CheckedT", bound=Checked)


def check_with(kind: type[CheckedT], normalize: Callable[[str], str | None], text: str) -> CheckedT:
    """``normalize(text)`` without exceptions, for live feedback as the user types."""
    try:
        return kind(normalize(text))
    except InputError as exc:
        return kind(None, exc.message)
