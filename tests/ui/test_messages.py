"""Tests of annet_desktop.ui.messages: one bridge, the server's words, what the user saw recorded."""

from __future__ import annotations

from typing import Any

from annet_contract.schema import ErrorCode
from annet_desktop.api import errors
from annet_desktop.ui.messages import Messages, error_text


def test_server_detail_is_shown_as_is(qapp: Any) -> None:
    err = errors.RuleViolation(
        "Смена тарифа разрешена только один раз в месяц", code=ErrorCode.TARIFF_MONTHLY_LIMIT
    )
    assert error_text(err) == "Смена тарифа разрешена только один раз в месяц"


def test_fixed_sentences_and_the_server_address(qapp: Any) -> None:
    assert error_text(errors.BadResponse()) == "Сервер прислал неверный ответ. Повторите позже."
    text = error_text(errors.NetworkError(debug="GET /me: ConnectionError"), "https://my.an-net.ru")
    assert "https://my.an-net.ru" in text and "ConnectionError" not in text
    assert error_text(ValueError("boom")) == "Ошибка обращения к серверу."


def test_actions_get_a_box_refreshes_a_status_line(qtbot: Any) -> None:
    messages = Messages()
    lines: list[str] = []
    messages.statusMessage.connect(lines.append)
    messages.error(errors.ServerError(), action=False)
    assert lines == ["Сервер временно не может выполнить запрос. Повторите позже."]
    assert messages.last().kind == "error" and not messages.open_boxes()
    messages.error(errors.RuleViolation("Недостаточно средств на балансе"))
    boxes = messages.open_boxes()
    assert len(boxes) == 1 and boxes[0].text() == "Недостаточно средств на балансе"
    assert boxes[0].objectName() == "message_error" and boxes[0].accessibleName()
    messages.info("Готово")
    assert messages.texts()[-1] == "Готово"
    messages.close_all()
    assert not messages.open_boxes()
