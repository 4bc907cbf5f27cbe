"""Tests of annet_desktop.settings: one typed registry over an INI file, no secrets in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray

from annet_desktop.settings import DEFAULT_SERVER, REGISTRY, Settings, config_dir


def test_defaults_and_config_dir(tmp_path: Path) -> None:
    assert config_dir() == tmp_path / "config"  # from ANNET_DESKTOP_CONFIG_DIR (conftest)
    settings = Settings()
    assert settings.server_url == DEFAULT_SERVER == "https://my.an-net.ru"
    assert settings.language == "ru"
    assert settings.last_account == ""
    assert settings.get("window/geometry").isEmpty()


def test_round_trip_through_the_file(qapp: Any) -> None:
    settings = Settings()
    settings.set("login/last_account", "100001")
    settings.set("ui/language", "en")
    settings.set("window/geometry", QByteArray(b"\x01\x02geometry"))
    settings.sync()
    again = Settings()
    assert again.last_account == "100001" and again.language == "en"
    assert bytes(again.get("window/geometry").data()) == b"\x01\x02geometry"


def test_wrong_type_and_unknown_key_are_programming_errors() -> None:
    settings = Settings()
    with pytest.raises(TypeError):
        settings.set("login/last_account", 100001)
    with pytest.raises(KeyError):
        settings.get("password")


def test_bad_stored_values_fall_back_to_defaults() -> None:
    settings = Settings()
    settings.path.write_text("[ui]\nlanguage=klingon\n[window]\ngeometry=garbage\n", encoding="utf-8")
    again = Settings()
    assert again.language == "ru"
    assert again.get("window/geometry").isEmpty()


def test_registry_declares_no_secret() -> None:
    for key in REGISTRY:
        assert not any(word in key.lower() for word in ("password", "token", "secret"))
    for setting in REGISTRY.values():
        assert setting.doc
