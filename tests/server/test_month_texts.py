"""Issue 11 finding 9: «за 31 дн. декабря 2026» — the genitive month after «дн.» (contract names)."""

from __future__ import annotations

from decimal import Decimal

from annet_server import messages


def test_days_of_a_month_take_the_genitive() -> None:
    text = messages.message("balance.first_charge", service="IPTV", days=31, month=(2026, 12))
    assert text == "Подключение «IPTV»: абонентская плата за 31 дн. декабря 2026"
    text = messages.message("balance.unblock_charge", service="Интернет", days=12, month=(2027, 5))
    assert text == "Абонентская плата за 12 дн. мая 2027 после разблокировки: Интернет"


def test_a_whole_month_keeps_the_nominative_and_english_has_one_form() -> None:
    assert messages.message("balance.charge", service="Интернет", month=(2026, 12)) == (
        "Абонентская плата за декабрь 2026: Интернет"
    )
    assert messages.message("balance.first_charge", "en", service="IPTV", days=31, month=(2026, 12)) == (
        "New «IPTV»: fee for 31 days of December 2026"
    )


def test_money_in_texts_is_the_contract_format() -> None:
    assert messages._render(Decimal("-1234.5"), "ru") == "\u22121\u00a0234,50\u00a0₽"
    assert messages._render(Decimal("1234.5"), "en") == "1,234.50\u00a0₽"
