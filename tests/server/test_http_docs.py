"""docs/api.md lists every error code with its status and Russian text, as the server has them."""

from __future__ import annotations

from pathlib import Path

from annet_server.problems import codes_markdown

API_MD = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_the_codes_table_is_current() -> None:
    text = API_MD.read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- codes:start")) + 1
    end = text.index("<!-- codes:end -->")
    assert text[start:end] == codes_markdown(), (
        "docs/api.md codes table is stale: paste annet_server.problems.codes_markdown() between the markers"
    )


def test_the_manuals_texts_are_there() -> None:
    table = codes_markdown()
    for text in (
        "Доступ запрещён",
        "Смена тарифа разрешена только один раз в месяц",
        "Отказ в авторизации. Проверьте параметры платежного средства.",
    ):
        assert text in table
