"""Tests of annet_desktop.i18n and the English catalogue: every Russian string is translated."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from annet_desktop import i18n
from annet_desktop.tools import translations


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    assert i18n.install("en")
    try:
        yield
    finally:
        i18n.install("ru")


def test_every_russian_string_has_an_english_translation() -> None:
    gaps = translations.missing()
    assert gaps == [], "untranslated (run python -m annet_desktop.tools.translations): " + "; ".join(
        f"[{c}] {s}" for c, s in gaps
    )


def test_catalogue_parses_and_is_not_empty() -> None:
    found = translations.messages(i18n.ts_path("en"))
    assert len(found) > 100
    assert found[("MainWindow", "Выход")] == "Log out"


def test_the_built_english_catalogue_is_loaded_and_used(english: None) -> None:
    assert QCoreApplication.translate("MainWindow", "Выход") == "Log out"
    assert QCoreApplication.translate("LoginDialog", "Доступ запрещён") == "Access denied"


def test_russian_is_the_source(qapp: Any) -> None:
    i18n.install("ru")
    assert QCoreApplication.translate("MainWindow", "Выход") == "Выход"


#: form labels: a whole unit that ends with a colon by design (the field follows it)
FORM_LABELS = {
    "Лицевой счёт:",
    "Месяц:",
    "Год:",
    "Демо-абонент:",
    "№ счёта:",
    "Пароль:",
    "Текущий пароль:",
    "Новый пароль:",
    "Подтверждение пароля:",
    "Новый номер:",
    "Новый e-mail:",
    "Сумма платежа, ₽:",
    "Адрес сервера:",
    "Язык интерфейса:",
    "Папка для экспорта:",
}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def fragment_problems(source: str) -> list[str]:
    """Why ``source`` looks like a piece of a sentence glued with ``+`` (empty when it is whole)."""
    problems = []
    if source != source.strip():
        problems.append("starts or ends with a space")
    if source.startswith((":", "»", ",", ".")) or source.endswith("«"):
        problems.append("starts or ends inside a sentence")
    if source.endswith(":") and source not in FORM_LABELS:
        problems.append("ends with a colon (a value glued after it?)")
    if source.count("«") != source.count("»"):
        problems.append("a dangling quote")
    return problems


def test_every_source_is_a_whole_sentence() -> None:
    found = translations.extracted()
    glued = {f"[{c}] {s!r}": fragment_problems(s) for (c, s) in found if fragment_problems(s)}
    assert glued == {}, "one translatable string per sentence, with {named} placeholders"


@pytest.mark.parametrize(
    "fragment",
    ["Сервер: ", " (через ", "Тариф изменён на «", "» будет изменён: «", "Текущий тариф:", ": ок"],
)
def test_the_fragment_check_catches_glued_pieces(fragment: str) -> None:
    assert fragment_problems(fragment)


def test_whole_sentences_pass_the_fragment_check() -> None:
    assert fragment_problems("Тариф услуги «{service}» будет изменён: «{old}» → «{new}».") == []
    assert fragment_problems("Пароль:") == []


def test_english_is_complete_with_the_same_placeholders() -> None:
    ts = i18n.ts_path("en")
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and 'type="vanished"' not in text
    for (context, source), english in translations.messages(ts).items():
        assert english, f"[{context}] {source}: no English"
        for form in english.split("\n") if "%n" in source else [english]:
            assert set(PLACEHOLDER.findall(form)) == set(PLACEHOLDER.findall(source)), (context, source, form)
            assert ("%n" in form) == ("%n" in source), (context, source, form)


def test_plural_forms_follow_the_count(english: None) -> None:
    one = QCoreApplication.translate("JournalTab", "Показано записей: %n", "", 1)
    many = QCoreApplication.translate("JournalTab", "Показано записей: %n", "", 21)
    assert (one, many) == ("1 entry shown", "21 entries shown")
