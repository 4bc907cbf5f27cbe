"""The app's settings, declared once: key, type, default and doc, stored with QSettings (INI).

The file lives in the platform's config folder (``platformdirs.user_config_dir``) or in
``$ANNET_DESKTOP_CONFIG_DIR`` when set (tests, portable installs). No secrets here: passwords
live only in the OS keyring (:mod:`annet_desktop.credentials`), tokens only in memory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_SERVER = "https://my.an-net.ru"
ORGANIZATION = "Annet"
APPLICATION = "annet-desktop"


@dataclass(frozen=True)
class Setting:
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
        Setting("window/geometry", QByteArray, QByteArray(), "Main window geometry (saveGeometry)"),
        Setting("window/last_tab", str, "", "objectName of the tab shown when the window closed"),
        Setting("export/folder", str, "", "Folder offered first when exporting (empty: Documents)"),
    )
}


def config_dir() -> Path:
    """The folder of the settings file (created on first write)."""
    override = os.environ.get("ANNET_DESKTOP_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APPLICATION, ORGANIZATION))


class Settings:
    """Typed access to the registry over one INI file; unknown keys are a programming error."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.ini"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

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
