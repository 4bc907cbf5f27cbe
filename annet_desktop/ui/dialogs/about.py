"""«О программе»: the version and build, the Qt/PySide6 LGPL notice, the licences of every shipped library.

The list of libraries is generated from the installed packages' metadata
(:func:`annet_desktop.licences.bundled`), never typed by hand.
"""

from __future__ import annotations

import html
import platform
import sys

import PySide6
from PySide6.QtCore import QSize, qVersion
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ... import __version__
from ...licences import bundled
from ..widgets.fit import fit_screen
from ..widgets.naming import named


def build_text() -> str:
    """How this copy was built: the frozen bundle or the source tree, the platform and Python."""
    kind = "bundle" if getattr(sys, "frozen", False) else "source"
    return f"{kind}, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


class AboutDialog(QDialog):
    """The About box of Annet Desktop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "about_dialog", self.tr("О программе"))
        self.setWindowTitle(self.tr("О программе"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("<b>Аннет — личный кабинет</b>"), self)
        self.heading.setObjectName("about_heading")
        layout.addWidget(self.heading)
        self.version = QLabel(
            self.tr("Версия {version}, сборка: {build}").format(version=__version__, build=build_text()),
            self,
        )
        self.version.setObjectName("about_version")
        self.version.setWordWrap(True)
        layout.addWidget(self.version)
        self.notice = QLabel(
            self.tr(
                "Программа построена на Qt {qt} и PySide6 {pyside}, которые распространяются по лицензии "
                "GNU LGPL версии 3: вы вправе заменить их своей сборкой этих библиотек; их исходные тексты "
                'доступны на <a href="https://www.qt.io/download-open-source">qt.io</a>.'
            ).format(qt=qVersion(), pyside=PySide6.__version__),
            self,
        )
        self.notice.setObjectName("about_lgpl")
        self.notice.setWordWrap(True)
        self.notice.setOpenExternalLinks(True)
        layout.addWidget(self.notice)
        caption = QLabel(self.tr("&Библиотеки в составе программы и их лицензии"), self)
        caption.setObjectName("about_licences_caption")
        layout.addWidget(caption)
        self.libraries = bundled()
        self.table = named(
            QTextBrowser(self),
            "about_licences",
            caption.text(),
            self.tr(
                "Название, версия и лицензия каждой библиотеки, собранные из данных установленных пакетов"
            ),
        )
        caption.setBuddy(self.table)
        unknown = self.tr("не указана")
        head = (self.tr("Библиотека"), self.tr("Версия"), self.tr("Лицензия"))
        rows = "".join(
            f"<tr><td>{html.escape(lib.name)}</td><td>{html.escape(lib.version)}</td>"
            f"<td>{html.escape(lib.licence or unknown)}</td></tr>"
            for lib in self.libraries
        )
        self.table.setHtml(
            '<table cellspacing="0" cellpadding="3"><tr>'
            + "".join(f'<th align="left">{html.escape(h)}</th>' for h in head)
            + f"</tr>{rows}</table>"
        )
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Закрыть"))
        named(close, "about_close", close.text(), self.tr("Закрыть окно «О программе»"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("0") * 72
        fit_screen(self, QSize(width, int(width * 0.9)))  # no taller than a 1366 × 768 screen at 200 %

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_screen(self)  # the frame is known now: the window with it stays on the screen
