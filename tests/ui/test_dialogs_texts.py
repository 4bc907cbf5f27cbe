"""The contract's and the domain's Russian messages are all marked for translation
(ui/dialogs/texts.py), and used so."""

from __future__ import annotations

from annet_contract import email, password, phone
from annet_desktop.domain import rules
from annet_desktop.ui.dialogs.texts import DOMAIN_TEXTS


def _domain() -> set[str]:
    found = {getattr(phone, n) for n in dir(phone) if n.startswith("MSG_")}
    found |= {getattr(email, n) for n in dir(email) if n.startswith("MSG_")}
    found |= {getattr(password, n) for n in dir(password) if n.startswith(("MSG_", "TIP_"))}
    found |= set(password.LABELS) | set(rules.TEXTS) | set(rules.CAPTIONS.values())
    return found


def test_every_domain_message_is_marked_for_translation() -> None:
    assert set(DOMAIN_TEXTS) == _domain()


def test_english_translation_is_applied_when_present(qtbot: object) -> None:
    """The UI passes domain texts through Qt's translator with the marked context."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Fake(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
            return "EN:" + source if context == "Rules" else ""

    app = QCoreApplication.instance()
    assert app is not None
    fake = Fake()
    app.installTranslator(fake)
    try:
        from annet_desktop.ui.dialogs.base import tr_rules

        assert tr_rules(rules.T_READ_ONLY) == "EN:" + rules.T_READ_ONLY
    finally:
        app.removeTranslator(fake)
