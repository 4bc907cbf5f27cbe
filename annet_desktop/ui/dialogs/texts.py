"""The Russian source strings of the pure contract and domain modules, marked for the translation tool.

:mod:`annet_contract` and :mod:`annet_desktop.domain` know no Qt, so ``lupdate`` cannot see their
messages there; they are repeated here as literals with the context the UI translates them in (``Phone``, ``Email``,
``Password``, ``Rules``). ``tests/ui/test_dialogs_texts.py`` keeps this list equal to theirs.
"""

# ruff: noqa: E501  (the messages stay one literal each, for lupdate)
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

DOMAIN_TEXTS = (
    QT_TRANSLATE_NOOP("Phone", "Номер для SMS — 10 цифр без 8 или +7 в начале, например 9101234567."),
    QT_TRANSLATE_NOOP(
        "Phone", "SMS приходят только на мобильный номер: 10 цифр, первая — 9, например 9101234567."
    ),
    QT_TRANSLATE_NOOP("Phone", "Номер может содержать только цифры (пробелы, дефисы и скобки не мешают)."),
    QT_TRANSLATE_NOOP("Phone", "Знак «+» допустим только в начале номера, в виде +7."),
    QT_TRANSLATE_NOOP("Email", "В адресе e-mail должен быть ровно один знак «@», например ivanov@mail.ru."),
    QT_TRANSLATE_NOOP("Email", "Неверный домен после «@»: нужен вид mail.ru или почта.рф."),
    QT_TRANSLATE_NOOP(
        "Email", "Неверная часть адреса до «@»: допустимы латинские буквы, цифры и знаки . _ - +."
    ),
    QT_TRANSLATE_NOOP("Email", "Адрес e-mail слишком длинный."),
    QT_TRANSLATE_NOOP("Email", "Адрес e-mail не может содержать пробелов."),
    QT_TRANSLATE_NOOP("Password", "Повторите новый пароль в поле «Подтверждение пароля»."),
    QT_TRANSLATE_NOOP("Password", "Нужна хотя бы одна цифра."),
    QT_TRANSLATE_NOOP("Password", "Нужна хотя бы одна буква."),
    QT_TRANSLATE_NOOP("Password", "Не длиннее 128 символов."),
    QT_TRANSLATE_NOOP("Password", "Пароль и подтверждение совпадают."),
    QT_TRANSLATE_NOOP("Password", "Пароль и подтверждение не совпадают."),
    QT_TRANSLATE_NOOP("Password", "Новый пароль совпадает с текущим."),
    QT_TRANSLATE_NOOP("Password", "Не короче 6 символов."),
    QT_TRANSLATE_NOOP("Password", "Пробелы в пароле не допускаются."),
    QT_TRANSLATE_NOOP("Password", "Используйте и строчные, и заглавные буквы."),
    QT_TRANSLATE_NOOP("Password", "Слишком простая комбинация: такие пароли подбирают первыми."),
    QT_TRANSLATE_NOOP("Password", "Длиннее — надёжнее: лучше 10 символов и больше."),
    QT_TRANSLATE_NOOP("Password", "Добавьте знак препинания или другой символ."),
    QT_TRANSLATE_NOOP("Password", "Недопустимый"),
    QT_TRANSLATE_NOOP("Password", "Слабый"),
    QT_TRANSLATE_NOOP("Password", "Средний"),
    QT_TRANSLATE_NOOP("Password", "Хороший"),
    QT_TRANSLATE_NOOP("Password", "Надёжный"),
    QT_TRANSLATE_NOOP("Rules", "Кредит снова будет доступен с {date}."),
    QT_TRANSLATE_NOOP(
        "Rules",
        "Доступ к услугам будет восстановлен сразу после получения кредита, на {days} дней — ровно {hours} часов, до {until}. Пополните баланс до этого срока: иначе услуги снова заблокируются, а новый кредит можно будет взять не раньше чем через 2 месяца.",
    ),
    QT_TRANSLATE_NOOP("Rules", "Кредит получен. Доступ к услугам восстановлен до {until}."),
    QT_TRANSLATE_NOOP("Rules", "Не хватает {missing}: на балансе {balance}, а нужно {needed}."),
    QT_TRANSLATE_NOOP(
        "Rules",
        "Для этой скидки нужен авансовый платёж {advance}. На балансе {balance} — не хватает {missing}.",
    ),
    QT_TRANSLATE_NOOP("Rules", "с {start} по {end}"),
    QT_TRANSLATE_NOOP("Rules", "Это текущий тариф."),
    QT_TRANSLATE_NOOP("Rules", "Акционный тариф подключается только в офисе обслуживания."),
    QT_TRANSLATE_NOOP("Rules", "Таблица скидок доступна только для ознакомления."),
    QT_TRANSLATE_NOOP("Rules", "Абонентская плата: {old} → {new} в месяц."),
    QT_TRANSLATE_NOOP("Rules", "Сменить тариф"),
    QT_TRANSLATE_NOOP("Rules", "Заблокировать"),
    QT_TRANSLATE_NOOP("Rules", "Разблокировать"),
    QT_TRANSLATE_NOOP("Rules", "Получить скидку"),
    QT_TRANSLATE_NOOP("Rules", "Продлить скидку"),
)
