"""«Настройки» (issue 6): server address rules, language, forgetting the saved password, the export
folder, and a corrupt settings file that must never crash the dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from uihelpers import MemoryKeyring

from annet_desktop.credentials import Credentials
from annet_desktop.settings import DEFAULT_SERVER, Settings
from annet_desktop.ui.dialogs.settings_dialog import SettingsDialog
from annet_desktop.ui.widgets.naming import unnamed_widgets

SERVER = "https://my.an-net.ru"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config" / "settings.ini")


def _dialog(qtbot: Any, settings: Settings, credentials: Any = None, **kw: Any) -> SettingsDialog:
    dialog = SettingsDialog(settings, credentials, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_every_widget_is_named(qtbot: Any, settings: Settings, memory_keyring: MemoryKeyring) -> None:
    dialog = _dialog(qtbot, settings, Credentials())
    assert unnamed_widgets(dialog) == []
    assert dialog.server.text() == DEFAULT_SERVER
    assert dialog.language.currentData() == "ru"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://cabinet.example.ru", True),
        ("https://cabinet.example.ru/", True),
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("http://[::1]:8000", True),
        ("http://cabinet.example.ru", False),
        ("http://10.0.0.5", False),
        ("ftp://cabinet.example.ru", False),
        ("cabinet.example.ru", False),
        ("https://user:secret@cabinet.example.ru", False),
    ],
)
def test_server_address_https_only_loopback_excepted(
    qtbot: Any, settings: Settings, url: str, ok: bool
) -> None:
    dialog = _dialog(qtbot, settings)
    dialog.server.setText(url)
    assert dialog.save() is ok
    if ok:
        assert settings.get("server/url") == url.rstrip("/")
        assert not dialog.isVisible()
    else:
        assert dialog.isVisible()
        assert dialog.error.isVisible() and dialog.error.text()
        assert settings.get("server/url") == DEFAULT_SERVER  # nothing written
        assert "secret" not in dialog.error.text()


def test_language_and_folder_saved_and_reported(qtbot: Any, settings: Settings, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, settings)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.export_folder.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()
    assert sorted(saved.args[0]) == ["export/folder", "ui/language"]
    reread = Settings(settings.path)
    assert reread.language == "en"
    assert reread.get("export/folder") == str(tmp_path)


def test_missing_export_folder_is_refused(qtbot: Any, settings: Settings, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, settings)
    dialog.export_folder.setText(str(tmp_path / "no-such-folder"))
    assert not dialog.save()
    assert "no-such-folder" in dialog.error.text()
    assert settings.get("export/folder") == ""


def test_cancel_writes_nothing(qtbot: Any, settings: Settings) -> None:
    dialog = _dialog(qtbot, settings)
    dialog.server.setText("https://other.example.ru")
    dialog.cancel_button.click()
    assert Settings(settings.path).get("server/url") == DEFAULT_SERVER


def test_forget_saved_password(qtbot: Any, settings: Settings, memory_keyring: MemoryKeyring) -> None:
    settings.set("login/last_account", "100001")
    creds = Credentials()
    assert creds.set(SERVER, "100001", "anna2026")
    assert creds.set(SERVER, "100002", "kuz7igor")
    dialog = _dialog(qtbot, settings, creds)
    assert dialog.forget.isEnabled()
    assert "100001" in dialog.password_note.text()
    dialog.forget.click()
    assert creds.get(SERVER, "100001") is None
    assert creds.get(SERVER, "100002") == "kuz7igor"  # only that account's password
    assert not dialog.forget.isEnabled()
    assert "удалён" in dialog.password_note.text()


def test_forget_disabled_without_saved_password(
    qtbot: Any, settings: Settings, memory_keyring: MemoryKeyring
) -> None:
    dialog = _dialog(qtbot, settings, Credentials(), account="100001")
    assert not dialog.forget.isEnabled()
    assert dialog.password_note.text() == "Сохранённого пароля нет."


def test_forget_disabled_without_keyring(qtbot: Any, settings: Settings, no_keyring: None) -> None:
    dialog = _dialog(qtbot, settings, Credentials(), account="100001")
    assert not dialog.forget.isEnabled()
    assert "keyring" in dialog.forget.toolTip()


@pytest.mark.parametrize(
    "garbage",
    [
        b"[server\nurl=https://x\n",  # FormatError in QSettings
        b"\x00\xff\xfe\x89PNG\r\n\x1a\n\x00\x00",
        b"[server]\nurl=@ByteArray(\x00\x01)\n[ui]\nlanguage=@Variant(\x00\x00junk)\n",
    ],
)
def test_corrupt_settings_file_opens_with_defaults_and_saves(
    qtbot: Any, tmp_path: Path, garbage: bytes
) -> None:
    path = tmp_path / "config" / "settings.ini"
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    settings = Settings(path)
    dialog = _dialog(qtbot, settings)
    assert dialog.language.currentData() in ("ru", "en")
    dialog.server.setText("https://cabinet.example.ru")
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert dialog.save()
    assert Settings(path).get("server/url") == "https://cabinet.example.ru"


def test_unwritable_settings_file_is_reported(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "config"
    settings = Settings(folder / "settings.ini")
    # a folder where the file should be, made after the start (at the start it would be moved aside)
    (folder / "settings.ini").mkdir(parents=True)
    dialog = _dialog(qtbot, settings)
    dialog.server.setText("https://cabinet.example.ru")
    assert not dialog.save()
    assert dialog.isVisible()
    assert "settings.ini" in dialog.error.text()


def test_the_tray_the_refresh_and_each_notification_can_be_set(qtbot: Any) -> None:
    """Issue 14: keep running in the tray, refresh every N minutes, each notification kind off."""
    from annet_desktop.settings import NOTICE_KINDS, Settings
    from annet_desktop.ui.dialogs.settings_dialog import SettingsDialog

    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    watch = dialog.watch
    assert watch.minutes.value() == 15
    assert [k.value for k in watch.kinds] == list(NOTICE_KINDS)
    for box in [watch.keep, watch.minutes, *watch.kinds.values()]:
        assert box.objectName() and box.accessibleName()
    watch.minutes.setValue(5)
    watch.kinds[next(iter(watch.kinds))].setChecked(False)
    assert dialog.save()
    assert settings.get("refresh/minutes") == 5
    assert settings.get(f"notify/{NOTICE_KINDS[0]}") is False
    assert all(settings.get(f"notify/{k}") is True for k in NOTICE_KINDS[1:])


def test_without_a_tray_the_keep_running_box_is_off(qtbot: Any) -> None:
    from annet_desktop.settings import Settings
    from annet_desktop.ui.dialogs.watch_settings import WatchSettings

    box = WatchSettings(Settings(), tray=False)
    qtbot.addWidget(box)
    assert not box.keep.isEnabled() and not box.keep.isChecked()
    assert "tray/keep_running" not in box.values()
    with_tray = WatchSettings(Settings(), tray=True)
    qtbot.addWidget(with_tray)
    assert with_tray.keep.isChecked() and with_tray.values()["tray/keep_running"] is True
