"""Every text of the sandbox pages in Russian and English: one table, ``key → (ru, en)``.

The pay request chooses the language (``Language=en``, as Assist's does); :func:`language_of`
turns any value into ``"ru"`` or ``"en"``: the code is case-insensitive and may carry blanks
around it (``EN``, `` en `` → English, like the ISO 639 codes it stands for); anything else,
or nothing, is Russian. The Russian texts are the originals: tests and the docs quote them.

The texts are plain text: the pages pass every one through ``pages.esc`` (the values filled in
by :func:`text` too). Money and dates stay in the Russian formats on English pages («1 234,50 ₽»,
dd.mm.yyyy), as Assist shows RUB orders.
"""

from __future__ import annotations

from annet_contract.errors import ErrorCode

from ..messages import TEXTS

#: the languages of the pages; the first is the default
LANGUAGES: tuple[str, ...] = ("ru", "en")

_TEXTS: dict[str, tuple[str, str]] = {
    # layout and order box
    "site": ("Assist (песочница)", "Assist (sandbox)"),
    "brand": ("ASSIST · песочница", "ASSIST · sandbox"),
    "secure": (
        "Платёжная страница провайдера электронных платежей",
        "Payment page of the e-payment provider",
    ),
    "footer": (
        "Учебная копия страниц АПК Assist для Annet Desktop. Настоящие деньги не списываются.",
        "A training copy of the Assist payment pages for Annet Desktop. No real money is charged.",
    ),
    "merchant": ("Интернет-провайдер «Аннет», Тверь", "Internet provider Annet, Tver"),
    "order.recipient": ("Получатель", "Recipient"),
    "order.number": ("Заказ № ", "Order No. "),
    "order.to_pay": ("К оплате", "Amount due"),
    "order.no_fee": ("без комиссии", "no commission"),
    "pay": ("Оплатить", "Pay"),
    "next": ("Продолжить", "Continue"),
    # refused requests and stale pages
    "refused.title": ("Запрос отклонён", "Request refused"),
    "refused.head": ("Запрос на оплату отклонён", "The payment request was refused"),
    "refused.hint": (
        "Вернитесь в личный кабинет и начните оплату заново.",
        "Go back to your account and start the payment again.",
    ),
    "refused.missing": (
        "В запросе на оплату нет обязательных полей: {fields}",
        "Required fields are missing from the payment request: {fields}",
    ),
    "refused.checkvalue": (
        "Неверная контрольная подпись запроса (Checkvalue).",
        "The request's signature (Checkvalue) is wrong.",
    ),
    "refused.merchant": ("Неизвестный магазин или валюта.", "Unknown merchant or currency."),
    "refused.return_url": (
        "Адрес возврата не принадлежит магазину.",
        "The return address does not belong to the merchant.",
    ),
    "refused.no_order": ("Заказ не найден.", "Order not found."),
    "refused.amount": ("Сумма не совпадает с суммой заказа.", "The amount differs from the order's amount."),
    "refused.stale": (
        "Страница оплаты устарела или открыта не из личного кабинета.",
        "The payment page has expired or was not opened from your account.",
    ),
    "refused.pending": (
        "Платёж ещё обрабатывается. Обновите страницу позже.",
        "The payment is still being processed. Reload the page later.",
    ),
    # e-mail
    "email.title": ("Электронная почта", "E-mail"),
    "email.head": ("Адрес электронной почты", "E-mail address"),
    "email.about": (
        "На этот адрес придёт информация о статусе платежа и кассовый чек.",
        "The payment status and the receipt will be sent to this address.",
    ),
    "email.label": ("E-mail", "E-mail"),
    "err.email": (
        "Введите адрес электронной почты, например name@example.ru.",
        "Enter an e-mail address, for example name@example.com.",
    ),
    # payment method
    "method.title": ("Способ оплаты", "Payment method"),
    "method.mobile": ("Мобильные платежи:", "Mobile payments:"),
    "method.or_card": (
        "Или банковская карта VISA, MasterCard, МИР:",
        "Or a VISA, MasterCard or MIR bank card:",
    ),
    "method.card": ("Банковская карта", "Bank card"),
    "wallet.pay": ("Оплатить {name}", "Pay with {name}"),
    "wallet.note": (
        "Оплата через {name} работает в браузере или на телефоне, где настроено приложение. "
        "Нажмите «Открыть в браузере» над страницей или откройте личный кабинет на смартфоне. "
        "Здесь можно оплатить банковской картой.",
        "Paying with {name} works in a browser or on a phone where the app is set up. "
        "Press “Open in the browser” above the page or open your account on a smartphone. "
        "Here you can pay with a bank card.",
    ),
    "oneclick.head": ("ONECLICK: оплата сохранённой картой", "ONECLICK: pay with a saved card"),
    "oneclick.card": ("Карта ", "Card "),
    "oneclick.cvc_only": (": достаточно ввести CVC2/CVV2.", ": just enter the CVC2/CVV2."),
    "err.no_saved_card": ("Сохранённая карта не найдена.", "The saved card was not found."),
    # card form
    "card.title": ("Оплата картой", "Card payment"),
    "card.head": ("Реквизиты банковской карты", "Bank card details"),
    "card.number": ("Номер карты (16 цифр)", "Card number (16 digits)"),
    "card.expiry": ("Срок действия (ММ/ГГ)", "Expiry date (MM/YY)"),
    "card.expiry_placeholder": ("ММ/ГГ", "MM/YY"),
    "card.holder": ("Имя и фамилия держателя (латиницей)", "Cardholder's name (in Latin letters)"),
    "err.number_digits": ("Номер карты — 16 цифр.", "The card number has 16 digits."),
    "err.number_luhn": ("Номер карты введён с ошибкой.", "The card number has a typo."),
    "err.expiry_format": ("Срок действия — в формате ММ/ГГ.", "Enter the expiry date as MM/YY."),
    "err.expiry_month": ("Месяц — от 01 до 12.", "The month is from 01 to 12."),
    "err.expiry_past": ("Срок действия карты истёк.", "The card has expired."),
    "err.expiry_far": ("Срок действия введён с ошибкой.", "The expiry date has a typo."),
    "err.holder": ("Имя и фамилия — латиницей, как на карте.", "The name in Latin letters, as on the card."),
    "err.cvc": (
        "CVC2/CVV2 — три цифры с обратной стороны карты.",
        "CVC2/CVV2 is the three digits on the back of the card.",
    ),
    # ONECLICK offer
    "offer.title": ("ONECLICK", "ONECLICK"),
    "offer.head": ("Программа ONECLICK", "The ONECLICK programme"),
    "offer.before": ("Вы уже платили картой ", "You have paid with the card "),
    "offer.after": (
        ". Подключите ONECLICK — в следующий раз достаточно будет ввести только CVC2/CVV2. "
        "Отказавшись, вы больше не увидите это приглашение.",
        ". Join ONECLICK, and next time you will only need to enter the CVC2/CVV2. "
        "If you decline, you will not see this offer again.",
    ),
    "offer.yes": ("Участвовать в ONECLICK", "Join ONECLICK"),
    "offer.no": ("Нет, спасибо", "No, thanks"),
    # 3-D Secure
    "3ds.title": ("3-D Secure", "3-D Secure"),
    "3ds.head": ("Банк-эмитент · 3-D Secure", "Issuing bank · 3-D Secure"),
    "3ds.confirm": ("Подтвердите оплату ", "Confirm the payment of "),
    "3ds.of_order": (" по заказу № {order} картой {card}.", " for order No. {order} with the card {card}."),
    "3ds.sms": (
        "Введите код из SMS, отправленного банком на ваш телефон.",
        "Enter the code from the SMS the bank has sent to your phone.",
    ),
    "3ds.sandbox_code": (
        "Песочница: код подтверждения — {code}.",
        "Sandbox: the confirmation code is {code}.",
    ),
    "3ds.label": ("Код подтверждения", "Confirmation code"),
    "3ds.wrong": ("Неверный код. Осталось попыток: {left}.", "Wrong code. Attempts left: {left}."),
    "3ds.submit": ("Подтвердить", "Confirm"),
    # the bank's reasons (stored with the order in Russian; shown in the page's language)
    # the manual's words, kept once: the server's own payment.declined text
    "reason.declined": TEXTS[ErrorCode.PAYMENT_DECLINED],
    "reason.timeout": (
        "Превышено время ожидания ответа банка-эмитента. Платёж не проведён.",
        "The issuing bank did not answer in time. The payment has not been made.",
    ),
    "reason.wrong_3ds": (
        "Платёж не подтверждён: неверный код 3-D Secure.",
        "The payment is not confirmed: wrong 3-D Secure code.",
    ),
    # result
    "result.title": ("Результат оплаты", "Payment result"),
    "result.paid": ("Оплата прошла успешно", "Payment successful"),
    "result.failed": ("Оплата не проведена", "Payment failed"),
    "result.order": ("Номер заказа", "Order number"),
    "result.bill": ("Номер платежа", "Payment number"),
    "result.sum": ("Сумма", "Amount"),
    "result.back": ("Вернуться в личный кабинет", "Return to your account"),
    "result.mail": (
        "Письмо с результатом отправлено на указанный адрес электронной почты. "
        "Вопросы по оплате: my@an-net.ru, укажите номер заказа и номер платежа.",
        "The result has been sent to the e-mail address given. "
        "Questions about the payment: my@an-net.ru; give the order number and the payment number.",
    ),
    "receipt.head": ("Кассовый чек (54-ФЗ)", "Receipt (54-FZ)"),
    "receipt.kind": ("Признак расчёта", "Type of settlement"),
    "receipt.income": ("Приход", "Income"),
    "receipt.subject": ("Предмет расчёта", "Subject of settlement"),
    "receipt.services": ("Оплата услуг связи", "Payment for communication services"),
    "receipt.vat_rate": ("Ставка НДС", "VAT rate"),
    "receipt.vat_sum": ("Сумма НДС", "VAT amount"),
    "receipt.at": ("Дата и время", "Date and time"),
    "receipt.inn": ("ИНН", "INN"),
    "receipt.fn": ("ФН", "FN"),
    "receipt.fd": ("ФД", "FD"),
    "receipt.fp": ("ФП", "FP"),
    # the return address opened in a browser (the shop's page: no Language there, always Russian)
    "returned.title": ("Возврат в личный кабинет", "Back to your account"),
    "returned.ok": ("Оплата завершена.", "Payment complete."),
    "returned.no": ("Оплата не проведена.", "Payment failed."),
    "returned.hint": (
        "Вернитесь в приложение Annet Desktop или в личный кабинет: состояние платежа и баланс "
        "обновятся там.",
        "Go back to Annet Desktop or to your account: the payment's state and the balance are updated there.",
    ),
}

#: the bank's reasons as billing stores them (Russian) → their key
_REASONS = {ru: key for key, (ru, _en) in _TEXTS.items() if key.startswith("reason.")}


def language_of(value: str | None) -> str:
    """``"en"`` for an English pay request (``en`` in any case, blanks around allowed), else ``"ru"``."""
    return "en" if (value or "").strip().lower() == "en" else "ru"


def text(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang`` (Russian unless ``"en"``), ``params`` filled in."""
    ru, en = _TEXTS[key]
    found = en if lang == "en" else ru
    return found.format(**params) if params else found


def reason(stored: str | None, lang: str) -> str:
    """A decline reason stored with the order, in ``lang`` when it is one of the sandbox bank's."""
    if not stored:
        return ""
    key = _REASONS.get(stored)
    return text(key, lang) if key else stored


def vat(rate: str, lang: str) -> str:
    """The receipt's VAT rate as billing writes it («НДС 20%») in ``lang``."""
    return "VAT" + rate[3:] if lang == "en" and rate.startswith("НДС") else rate


def keys() -> list[str]:
    """Every key of the table (for the tests)."""
    return list(_TEXTS)
