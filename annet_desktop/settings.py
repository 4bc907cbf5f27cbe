"""The app's settings, declared once: key, type, default and doc, stored with QSettings (INI).

The file lives in the platform's config folder (``platformdirs.user_config_dir``) or in
``$ANNET_DESKTOP_CONFIG_DIR`` when set (tests, portable installs). No secrets here: passwords
live only in the OS keyring (:mod:`annet_desktop.credentials`), tokens only in memory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_SERVER = "https://my.an-net.ru"
ORGANIZATION = "Annet"
APPLICATION = "annet-desktop"
#: the notification kinds (annet_desktop.domain.watch.NoticeKind), each with an on/off setting
NOTICE_KINDS = (
    "short", "block_soon", "block", "credit_ends", "ban_lifted", "discount_ends", "payment", "admin_block",
)  # fmt: skip


class Setting(NamedTuple):
    """One declared setting: its key in the file, Python type, default value and what it is for."""

    key: str
    type: type
    default: Any
    doc: str


#: Every setting of the app. Add new ones here, never as loose strings in widgets.
REGISTRY: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("server/url", str, DEFAULT_SERVER, "Cabinet API server (https; http only on loopback)"),
        Setting("ui/language", str, "ru", "Interface language: ru or en"),
        Setting("login/last_account", str, "", "Account number typed at the last successful login"),
        Setting(
            "subscribers/remembered",
            str,
            "",
            "JSON list of the subscribers logged in here ({account, name}; never a password)",
        ),
        Setting("window/geometry", QByteArray, QByteArray(), "Main window geometry (saveGeometry)"),
        Setting("window/last_tab", str, "", "objectName of the tab shown when the window closed"),
        Setting("export/folder", str, "", "Folder offered first when exporting (empty: Documents)"),
        Setting("tray/keep_running", bool, True, "Closing the window keeps the app in the tray (if any)"),
        Setting("refresh/minutes", int, 15, "Background refresh while logged in, minutes (0: never)"),
        Setting("notify/sent", str, "", "JSON list of the notifications already shown (each once)"),
        Setting("notify/seen", str, "", "JSON: each account as last seen (credit ban, blocks, payment)"),
        *(
            Setting(f"notify/{kind}", bool, True, f"Show the «{kind}» notification")
            for kind in NOTICE_KINDS
        ),
    )
}


def config_dir() -> Path:
    """The folder of the settings file (created on first write): platformdirs' ``user_config_dir``.

    On Linux that is the XDG rule — ``$XDG_CONFIG_HOME`` when it is an absolute path, else
    ``~/.config`` — plus the app's name, and Qt's ``QStandardPaths`` (loaded anyway) gives the same
    base folder: importing platformdirs cost 10–15 ms before the login window's first paint.
    ``tests/test_settings.py`` holds the two to the same answer.
    """
    override = os.environ.get("ANNET_DESKTOP_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        from PySide6.QtCore import QStandardPaths

        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
        return Path(base) / APPLICATION
    import platformdirs

    return Path(platformdirs.user_config_dir(APPLICATION, ORGANIZATION))


#: a settings file larger than this is not ours (ours is a few hundred bytes): it is reset
MAX_FILE_BYTES = 1_000_000


class Settings:
    """Typed access to the registry over one INI file; unknown keys are a programming error.

    A settings file that cannot be used — not INI, binary, too large, not a file, unreadable — is
    moved aside as ``settings.ini.broken-<date>-<time>`` and the app starts from the defaults;
    :attr:`reset_reason` then says why and :attr:`moved_to` where the old file went, for the
    message the app shows. Nothing here raises for a bad file or folder.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.ini"
        #: None, or why the file was reset: "format", "access", "too-large", "not-a-file", "folder"
        self.reset_reason: str | None = None
        #: where the unusable file was moved (None when it was not there or could not be moved)
        self.moved_to: Path | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.reset_reason = "folder"
        if self.reset_reason is None:
            self.reset_reason = self._check_file()
            if self.reset_reason is not None:
                self._move_aside()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self.reset_reason is None and self._qs.status() != QSettings.Status.NoError:
            self.reset_reason = "format" if self._qs.status() == QSettings.Status.FormatError else "access"
            self._move_aside()
            self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _check_file(self) -> str | None:
        """Why the file cannot be our settings file, or None (also when it does not exist yet)."""
        try:
            if not self.path.exists():
                return None
            if not self.path.is_file():
                return "not-a-file"
            if self.path.stat().st_size > MAX_FILE_BYTES:
                return "too-large"
            data = self.path.read_bytes()
        except OSError:
            return "access"
        if b"\x00" in data:
            return "format"
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return "format"
        return None

    def _move_aside(self) -> None:
        """Rename the unusable file so the defaults start clean and the old one can be looked at."""
        import time

        stem = f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}"
        target = self.path.with_name(stem)
        n = 1
        while target.exists():  # never over an earlier kept file
            n += 1
            target = self.path.with_name(f"{stem}-{n}")
        try:
            os.replace(self.path, target)
        except OSError:
            return  # still there: read as far as it goes, and a save reports the write error
        self.moved_to = target

    def write_error(self) -> str | None:
        """After :meth:`sync`: the file's path when it could not be written, else None."""
        if self._qs.status() == QSettings.Status.AccessError:
            return str(self.path)
        return None

    def get(self, key: str) -> Any:
        """The stored value converted to the declared type, or the default if absent or bad."""
        setting = REGISTRY[key]
        raw = self._qs.value(key)
        if raw is None:
            return setting.default
        try:
            if setting.type is QByteArray:
                return raw if isinstance(raw, QByteArray) else setting.default
            if setting.type is bool:
                return raw in (True, "true", "1", 1)
            if setting.type is int:
                return int(raw)
            if setting.type is str:  # a hand-edited "a,b" reads as a list, @ByteArray as bytes
                return raw if isinstance(raw, str) else setting.default
            return setting.type(raw)
        except (TypeError, ValueError):
            return setting.default

    def set(self, key: str, value: Any) -> None:
        """Store a value of the declared type."""
        setting = REGISTRY[key]
        if setting.type is not QByteArray and not isinstance(value, setting.type):
            raise TypeError(f"{key} takes {setting.type.__name__}, not {type(value).__name__}")
        self._qs.setValue(key, value)

    def reset(self, key: str) -> None:
        """Forget a stored value (the default applies again)."""
        REGISTRY[key]
        self._qs.remove(key)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()

    # shortcuts for the common ones -------------------------------------------------------
    @property
    def server_url(self) -> str:
        return str(self.get("server/url"))

    @property
    def language(self) -> str:
        lang = str(self.get("ui/language"))
        return lang if lang in ("ru", "en") else "ru"

    @property
    def last_account(self) -> str:
        return str(self.get("login/last_account"))
