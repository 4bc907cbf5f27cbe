"""Tests of annet_desktop.i18n and the English catalogue: every Russian string is translated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from annet_desktop import i18n
from annet_desktop.tools import translations


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    assert i18n.install("en")
    try:
        yield
    finally:
        i18n.install("ru")


def test_every_russian_string_has_an_english_translation() -> None:
    gaps = translations.missing()
    assert gaps == [], "untranslated (run python -m annet_desktop.tools.translations): " + "; ".join(
        f"[{c}] {s}" for c, s in gaps
    )


def test_catalogue_parses_and_is_not_empty() -> None:
    found = translations.messages(i18n.ts_path("en"))
    assert len(found) > 100
    assert found[("MainWindow", "Выход")] == "Log out"


def test_the_built_english_catalogue_is_loaded_and_used(english: None) -> None:
    assert QCoreApplication.translate("MainWindow", "Выход") == "Log out"
    assert QCoreApplication.translate("LoginDialog", "Доступ запрещён") == "Access denied"


def test_russian_is_the_source(qapp: Any) -> None:
    i18n.install("ru")
    assert QCoreApplication.translate("MainWindow", "Выход") == "Выход"
