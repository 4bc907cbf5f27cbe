"""One error-text table and one status table: every ErrorCode has both languages, a title and a status."""

from __future__ import annotations

import re
import string

import pytest

from annet_contract.errors import ErrorCode
from annet_server import messages, problems
from annet_server.billing import RuleError

CYRILLIC = re.compile("[А-Яа-яЁё]")


def _placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda c: c.value)
def test_every_code_has_russian_and_english_texts(code: ErrorCode) -> None:
    ru, en = messages.TEXTS[code]
    assert CYRILLIC.search(ru), f"{code.value}: the Russian detail is not Russian: {ru!r}"
    assert not CYRILLIC.search(en), f"{code.value}: the English detail has Russian in it: {en!r}"
    assert ru != en
    assert _placeholders(ru) == _placeholders(en)
    title_ru, title_en = messages.TITLES[code]
    assert CYRILLIC.search(title_ru) and not CYRILLIC.search(title_en)
    assert problems.status_of(code) in {401, 404, 405, 409, 422, 429, 500}


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda c: c.value)
def test_a_refusal_is_worded_in_the_language_asked(code: ErrorCode) -> None:
    params = {name: messages.Key("block.financial") for name in _placeholders(messages.TEXTS[code][0])}
    refusal = RuleError(code, params, fields=("field",))
    ru, en = refusal.detail("ru"), refusal.detail("en")
    assert CYRILLIC.search(ru) and not CYRILLIC.search(en) and ru != en
    assert [e.message for e in refusal.field_errors("en")] == [en]
    assert problems.rule_problem(refusal, "en").detail == en
    assert problems.rule_problem(refusal, "ru").detail == ru
    assert refusal.status == problems.status_of(code)
