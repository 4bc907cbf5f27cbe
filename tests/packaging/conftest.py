"""Packaging tests run headless: offscreen Qt for the in-process icon rendering."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
