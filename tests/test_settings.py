"""Tests of annet_desktop.settings: one typed registry over an INI file, no secrets in it."""

from __future__ import annotations

import sys
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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt stands in for platformdirs on Linux")
@pytest.mark.parametrize("xdg", [None, "", "relative/config", "/abs/xdg config", "/abs/trailing/"])
def test_the_linux_config_dir_is_platformdirs_own(
    xdg: str | None, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without ANNET_DESKTOP_CONFIG_DIR: where platformdirs puts it ($XDG_CONFIG_HOME when absolute,
    else ~/.config), as the app always had it — from Qt, to spare platformdirs' import at start."""
    import platformdirs

    from annet_desktop.settings import APPLICATION, ORGANIZATION

    monkeypatch.delenv("ANNET_DESKTOP_CONFIG_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    expected = Path(platformdirs.user_config_dir(APPLICATION, ORGANIZATION))
    names = qapp.organizationName(), qapp.applicationName()
    qapp.setOrganizationName(ORGANIZATION)  # as app.main names the application
    qapp.setApplicationName(APPLICATION)
    try:
        assert config_dir() == expected
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert expected.parent == (Path(xdg) if xdg and xdg.startswith("/") else tmp_path / "home" / ".config")


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


# ----------------------------------------------------------------------------- unusable files

BROKEN = {
    "not INI": b"[ui\nlanguage\n===\n[[[\n",
    "binary": bytes(range(256)) * 4,
    "NUL bytes": b"\x00\x00[ui]\nlanguage=en\n",
    "not UTF-8": b"[ui]\nlanguage=\xff\xfe\n",
    "too large": b"[ui]\nlanguage=" + b"x" * 1_000_001 + b"\n",
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_an_unusable_file_is_moved_aside_and_the_defaults_apply(qapp: Any, content: bytes) -> None:
    path = config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    settings = Settings()
    assert settings.reset_reason in ("format", "too-large")
    assert settings.moved_to is not None and settings.moved_to.name.startswith("settings.ini.broken-")
    assert settings.moved_to.read_bytes() == content  # kept for a look, nothing lost
    assert settings.language == "ru" and settings.server_url == DEFAULT_SERVER
    settings.set("login/last_account", "100001")  # and the fresh file works
    settings.sync()
    assert settings.write_error() is None
    again = Settings()
    assert again.reset_reason is None and again.last_account == "100001"


def test_a_folder_in_place_of_the_file_is_moved_aside(qapp: Any) -> None:
    path = config_dir() / "settings.ini"
    (path / "inside").mkdir(parents=True)
    settings = Settings()
    assert settings.reset_reason == "not-a-file"
    assert settings.moved_to is not None and (settings.moved_to / "inside").is_dir()
    settings.set("ui/language", "en")
    settings.sync()
    assert Settings().language == "en"


def test_an_unusable_folder_runs_on_defaults_and_says_saving_fails(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ANNET_DESKTOP_CONFIG_DIR", str(blocker / "config"))
    settings = Settings()  # no exception
    assert settings.reset_reason == "folder" and settings.moved_to is None
    assert settings.language == "ru"
    settings.set("ui/language", "en")
    settings.sync()
    assert settings.write_error() == str(blocker / "config" / "settings.ini")


def test_the_last_good_file_is_not_touched(qapp: Any) -> None:
    path = config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    settings = Settings()
    assert settings.reset_reason is None and settings.moved_to is None and settings.language == "en"
    assert [p.name for p in path.parent.iterdir()] == ["settings.ini"]


def test_hand_edited_lists_and_byte_arrays_read_as_defaults(qapp: Any) -> None:
    path = config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[server]\nurl=https://a.example, https://b.example\n[export]\nfolder=@ByteArray(/tmp)\n",
        encoding="utf-8",
    )
    settings = Settings()
    assert settings.reset_reason is None
    assert settings.server_url == DEFAULT_SERVER and settings.get("export/folder") == ""


def test_the_app_says_the_settings_were_reset(qtbot: Any, make_app: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    path = config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(BROKEN["not INI"])
    controller = make_app("https://my.an-net.ru")
    box = controller.login_dialog.findChild(QMessageBox, "settings_reset_message")
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Настройки сброшены" and box.accessibleName() == "Настройки сброшены"
    assert "сброшены к исходным" in box.text()
    assert box.informativeText() == f"Старый файл сохранён как {controller.settings.moved_to}"
    assert controller.login_dialog.isVisible()  # not blocked by it: the window is usable
    box.accept()


def test_no_message_when_the_settings_are_fine(qtbot: Any, make_app: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    controller = make_app("https://my.an-net.ru")
    assert controller.login_dialog.findChild(QMessageBox, "settings_reset_message") is None


def test_two_resets_in_the_same_second_keep_both_files(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setattr(time, "strftime", lambda _fmt: "20261125-120000")
    path = config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = []
    for content in (BROKEN["binary"], BROKEN["not INI"]):
        path.write_bytes(content)
        moved = Settings().moved_to
        assert moved is not None
        kept.append(moved)
    assert kept[0] != kept[1] and kept[1].name == "settings.ini.broken-20261125-120000-2"
    assert kept[0].read_bytes() == BROKEN["binary"] and kept[1].read_bytes() == BROKEN["not INI"]


def test_an_unreadable_file_is_moved_aside(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a normal user a file without read permission (root reads anything, so it is simulated)."""
    path = config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    settings = Settings()
    assert settings.reset_reason == "access" and settings.moved_to is not None
    assert settings.language == "ru"
