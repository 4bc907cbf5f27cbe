"""Tests of annet_desktop.i18n and the English catalogue: every Russian string is translated."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from annet_desktop import i18n
from annet_desktop.tools import translations
from annet_desktop.ui.widgets.naming import strip_mnemonic


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    assert i18n.install("en")
    try:
        yield
    finally:
        i18n.install("ru")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_string_has_its_translation(lang: str) -> None:
    """English for every source; the three Russian plural forms for every counted one."""
    gaps = translations.missing(lang)
    assert gaps == [], "untranslated (run python -m annet_desktop.tools.translations): " + "; ".join(
        f"[{c}] {s}" for c, s in gaps
    )


def test_catalogue_parses_and_is_not_empty() -> None:
    found = translations.messages(i18n.ts_path("en"))
    assert len(found) > 100
    assert found[("MainWindow", "Выход")] == "Log out"


def test_the_catalogues_carry_no_attribute_notes_as_translator_notes(tmp_path: Any) -> None:
    """``#:`` documents attributes here; lupdate would hand those lines to the translator."""
    for lang in ("en", "ru"):
        assert "<extracomment>" not in i18n.ts_path(lang).read_text(encoding="utf-8"), lang
    ts = tmp_path / "x.ts"
    ts.write_text(
        "<TS>\n    <message>\n        <source>Да</source>\n"
        "        <extracomment>marker diameter\nin pixels</extracomment>\n"
        "        <translation>Yes</translation>\n    </message>\n</TS>\n",
        encoding="utf-8",
    )
    assert translations.drop_translator_notes(ts) == 1
    assert ts.read_text(encoding="utf-8") == (
        "<TS>\n    <message>\n        <source>Да</source>\n        <translation>Yes</translation>\n"
        "    </message>\n</TS>\n"
    )


def test_the_built_english_catalogue_is_loaded_and_used(english: None) -> None:
    assert QCoreApplication.translate("MainWindow", "Выход") == "Log out"
    assert QCoreApplication.translate("Messages", "Доступ запрещён") == "Access denied"


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
COUNT = re.compile(r"%L?n")


def fragment_problems(source: str) -> list[str]:
    """Why ``source`` looks like a piece of a sentence glued with ``+`` (empty when it is whole)."""
    problems = []
    if source != source.strip():
        problems.append("starts or ends with a space")
    if source.startswith((":", "»", ",", ".")) or source.endswith("«"):
        problems.append("starts or ends inside a sentence")
    if source.endswith(":") and strip_mnemonic(source) not in FORM_LABELS:  # «&Месяц:» is «Месяц:»
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


@pytest.mark.parametrize(("lang", "forms"), [("en", 2), ("ru", 3)])
def test_catalogue_is_complete_with_the_same_placeholders(lang: str, forms: int) -> None:
    ts = i18n.ts_path(lang)
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and 'type="vanished"' not in text
    found = translations.messages(ts)
    assert found
    for (context, source), translation in found.items():
        assert translation, f"[{context}] {source}: no translation"
        counted = bool(COUNT.search(source))
        assert counted or lang == "en", (
            f"[{context}] {source}: the Russian catalogue holds counted strings only"
        )
        variants = [translation] if not counted else translation.split("\n")
        if counted and "\n" not in source:
            assert len(variants) == forms, (context, source, variants)
        for form in variants:
            assert set(PLACEHOLDER.findall(form)) == set(PLACEHOLDER.findall(source)), (context, source, form)
            assert COUNT.findall(form) == COUNT.findall(source), (context, source, form)


SAVED = "Сохранено %Ln звонков в файл {path}."


@pytest.mark.parametrize(
    ("n", "english", "russian"),
    [
        (1, "1 call saved to the file {path}.", "Сохранён 1 звонок в файл {path}."),
        (2, "2 calls saved to the file {path}.", "Сохранено 2 звонка в файл {path}."),
        (5, "5 calls saved to the file {path}.", "Сохранено 5 звонков в файл {path}."),
        (21, "21 calls saved to the file {path}.", "Сохранён 21 звонок в файл {path}."),
    ],
)
def test_plural_forms_follow_the_count(qapp: Any, n: int, english: str, russian: str) -> None:
    """Qt's %n picks the form from the loaded catalogue: two English forms, three Russian ones."""
    try:
        assert i18n.install("en")
        assert QCoreApplication.translate("CallsExport", SAVED, "", n) == english
        assert QCoreApplication.translate("JournalTab", "Показано записей: %n", "", n) == (
            f"{n} entry shown" if n == 1 else f"{n} entries shown"
        )
    finally:
        assert not i18n.install("ru")
    assert QCoreApplication.translate("CallsExport", SAVED, "", n) == russian
    journal = {
        1: "Показана 1 запись",
        2: "Показаны 2 записи",
        5: "Показано 5 записей",
        21: "Показана 21 запись",
    }
    assert QCoreApplication.translate("JournalTab", "Показано записей: %n", "", n) == journal[n]


def test_thousands_are_grouped_in_the_count(qapp: Any) -> None:
    i18n.install("ru")
    assert QCoreApplication.translate("CallsTab", "Загружены все звонки месяца: %Ln", "", 100_000) == (
        "Загружены все звонки месяца: 100\u00a0000"
    )


# --------------------------------------------------------------------------- no glued sentences in the code

PACKAGE = Path(i18n.__file__).resolve().parent


def _is_tr(node: ast.AST) -> bool:
    """``self.tr(…)``, ``translate(…)``, ``tr_rules(…)`` or any of them followed by ``.format(…)``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        node = node.func.value
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in ("tr", "translate", "tr_rules")


def glued_translations(source: str) -> list[int]:
    """Lines where a translated text is glued to something with ``+`` (or ``+=``): a sentence in pieces."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Add)
            and (_is_tr(node.left) or _is_tr(node.right))
        ):
            lines.append(node.lineno)
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
            if any(_is_tr(part) for part in ast.walk(node.value)):
                lines.append(node.lineno)
    return lines


def test_no_translated_text_is_glued_with_plus() -> None:
    """Each sentence is one ``tr()`` with named placeholders; ``tr(…) + "."`` or «🔒 » + tr(…) is not."""
    glued = {
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in PACKAGE.rglob("*.py")
        for line in glued_translations(path.read_text(encoding="utf-8"))
    }
    assert glued == set(), "one translatable string per sentence, with {named} placeholders"


@pytest.mark.parametrize(
    "code",
    [
        'x = self.tr("Не требуется") + "."',
        'x = "🔒 " + self.tr("Защищено")',
        'x = self.tr("Доступ запрещён") + "\\n" + self.tr("Проверьте раскладку.")',
        'x = self.tr("С {date}").format(date=d) + "."',
        'text += " " + translate("Password", "Пароль заменён.")',
    ],
)
def test_the_glue_check_catches_plus(code: str) -> None:
    assert glued_translations(code)


def test_the_glue_check_passes_whole_sentences() -> None:
    assert glued_translations('x = self.tr("Кредит снова будет доступен с {date}.").format(date=d)') == []
    assert glued_translations('n = count + 1\ntitle = self.tr("Баланс")') == []
