"""The app's few text colours, in one place. Plain strings, no Qt: the login window uses them
before its first paint."""

from __future__ import annotations

ERROR = "#b00020"
WARNING = "#a15c00"
OK = "#1b7f2a"
MUTED = "#6b6b6b"


def style(color: str) -> str:
    """The style sheet that gives a label's text ``color``."""
    return f"color: {color};"
