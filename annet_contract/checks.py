"""The base of every input rule's refusal: a ``ValueError`` whose ``message`` is the sentence to show."""

from __future__ import annotations


class InputError(ValueError):
    """A value an input rule refuses; ``message`` (also ``str()``) is the Russian sentence to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
