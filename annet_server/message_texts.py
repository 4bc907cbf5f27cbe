"""The texts the server shows to a subscriber, as data: every key with its Russian and English.

The manual's own words where it has them: «Доступ запрещён», «Смена тарифа разрешена только один
раз в месяц», «Отказ в авторизации. Проверьте параметры платежного средства.». Keys are the
:class:`~annet_contract.schema.ErrorCode` values (``detail`` of a problem; ``title`` for its
title) and dotted keys for journal titles, block names, statuses, disabled-button reasons and
balance descriptions. Texts take ``str.format`` parameters, filled in by
:func:`annet_server.messages.message`.
"""

from __future__ import annotations

from annet_contract.errors import ErrorCode

__all__ = ["TEXTS", "TITLES"]

# key: (russian, english)
TEXTS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- error details (ErrorCode)
    ErrorCode.AUTH_DENIED: ("Доступ запрещён", "Access denied"),
    ErrorCode.AUTH_THROTTLED: (
        "Слишком много неудачных попыток входа. Повторите через {minutes} мин.",
        "Too many failed login attempts. Try again in {minutes} min.",
    ),
    ErrorCode.AUTH_REQUIRED: ("Войдите в личный кабинет.", "Please log in to the cabinet."),
    ErrorCode.SESSION_EXPIRED: (
        "Сеанс завершён. Войдите снова.",
        "Your session has ended. Please log in again.",
    ),
    ErrorCode.NOT_FOUND: ("Не найдено.", "Not found."),
    ErrorCode.METHOD_NOT_ALLOWED: (
        "Этот метод не поддерживается для данного адреса.",
        "This method is not allowed for this address.",
    ),
    ErrorCode.VALIDATION: ("Проверьте введённые данные.", "Please check the data entered."),
    ErrorCode.IDEMPOTENCY_MISMATCH: (
        "Запрос с этим ключом повтора уже был выполнен с другими данными.",
        "A request with this idempotency key was already made with other data.",
    ),
    ErrorCode.CONTACTS_BAD_PHONE: (
        "Номер для SMS — мобильный: 10 цифр, первая — 9, без 8 или +7 в начале, например 9051234567.",
        "The SMS number is a mobile one: 10 digits starting with 9, without a leading 8 or +7, "
        "e.g. 9051234567.",
    ),
    ErrorCode.CONTACTS_BAD_EMAIL: (
        "Неверный адрес электронной почты.",
        "Invalid e-mail address.",
    ),
    ErrorCode.PASSWORD_WRONG_CURRENT: ("Текущий пароль введён неверно.", "The current password is wrong."),
    ErrorCode.PASSWORD_WEAK: (
        "Пароль должен содержать буквы и цифры (0–9), без пробелов, и быть не короче 6 символов.",
        "The password must contain letters and digits (0–9), no spaces, and be at least 6 characters long.",
    ),
    ErrorCode.PASSWORD_SAME: (
        "Новый пароль совпадает с текущим.",
        "The new password is the same as the current one.",
    ),
    ErrorCode.CREDIT_NOT_BLOCKED: (
        "Кредит предоставляется только при финансовой блокировке.",
        "A credit is only available under a financial block.",
    ),
    ErrorCode.CREDIT_IN_FORCE: (
        "Кредит уже предоставлен и действует до {until}.",
        "A credit is already in force until {until}.",
    ),
    ErrorCode.CREDIT_BANNED: (
        "Последний кредит не был погашен в срок. Получить кредит можно будет с {date}.",
        "The last credit was not repaid in time. A credit will be available again from {date}.",
    ),
    ErrorCode.SERVICE_SHORT_BALANCE: (
        "Недостаточно средств: первое списание за услугу {amount}, на балансе {balance}. "
        "Пополните баланс на {missing}.",
        "Insufficient funds: the first charge is {amount}, the balance is {balance}. "
        "Please top up {missing}.",
    ),
    ErrorCode.SERVICE_ALREADY: ("Эта услуга уже подключена.", "This service is already subscribed."),
    ErrorCode.TARIFF_MONTHLY_LIMIT: (
        "Смена тарифа разрешена только один раз в месяц",
        "The tariff may be changed only once a month",
    ),
    ErrorCode.TARIFF_PROMO: (
        "Действует специальный (акционный) тариф: сменить его может только Оператор в офисе обслуживания.",
        "A special (promotional) tariff is in force: only the operator's office can change it.",
    ),
    ErrorCode.TARIFF_SAME: ("Этот тариф уже действует.", "This tariff is already in force."),
    ErrorCode.TARIFF_UNKNOWN: ("Нет такого тарифа для этой услуги.", "No such tariff for this service."),
    ErrorCode.TARIFF_BLOCKED: (
        "Услуга под административной блокировкой: смену тарифа выполняет офис обслуживания.",
        "The service is under an administrative block: the service office changes the tariff.",
    ),
    ErrorCode.BLOCK_MONTHLY_LIMIT: (
        "Добровольной блокировкой можно воспользоваться не чаще одного раза в месяц.",
        "A voluntary block may be used at most once a month.",
    ),
    ErrorCode.BLOCK_NOT_ALLOWED: (
        "Услуга под блокировкой «{block}»: добровольная блокировка недоступна.",
        "The service is under the «{block}» block: a voluntary block is not possible.",
    ),
    ErrorCode.BLOCK_ALREADY: (
        "Услуга уже добровольно заблокирована.",
        "The service is already voluntarily blocked.",
    ),
    ErrorCode.BLOCK_NONE: (
        "У услуги нет добровольной блокировки.",
        "The service has no voluntary block.",
    ),
    ErrorCode.DISCOUNT_NOT_ALLOWED: (
        "Скидка доступна только для активной услуги «Доступ в интернет» на тарифе со скидками.",
        "Discounts are only for an active Internet access service on a tariff with discounts.",
    ),
    ErrorCode.DISCOUNT_SHORT_BALANCE: (
        "Для получения скидки необходим авансовый платёж {advance}. На балансе {balance}, "
        "не хватает {missing}.",
        "The discount needs an advance payment of {advance}. The balance is {balance}, {missing} is missing.",
    ),
    ErrorCode.DISCOUNT_READ_ONLY: (
        "Таблица скидок только для ознакомления: {reason}",
        "The discounts table is for information only: {reason}",
    ),
    ErrorCode.DISCOUNT_IN_FORCE: (
        "Скидка уже действует до {until}; продлить её можно с {from_date}.",
        "A discount is in force until {until}; it can be extended from {from_date}.",
    ),
    ErrorCode.DISCOUNT_NOT_EXTENDABLE: (
        "Продлить скидку можно за месяц до окончания её срока.",
        "A discount can be extended within the month before it ends.",
    ),
    ErrorCode.DISCOUNT_UNKNOWN_OFFER: ("Нет такого предложения скидки.", "No such discount offer."),
    ErrorCode.PAYMENT_AMOUNT: (
        "Сумма платежа — от 1 до 100 000 ₽.",
        "The payment amount is from 1 to 100,000 ₽.",
    ),
    ErrorCode.PAYMENT_DECLINED: (
        "Отказ в авторизации. Проверьте параметры платежного средства.",
        "Authorization declined. Check the parameters of the payment method.",
    ),
    ErrorCode.INTERNAL: (
        "Сервер временно не может выполнить запрос. Повторите позже.",
        "The server cannot complete the request right now. Try again later.",
    ),
    # ---------------------------------------------------------------- journal titles (JournalAction)
    "journal.contacts.sms_phone": ("Смена № для SMS", "SMS number changed"),
    "journal.contacts.email": ("Смена e-mail", "E-mail changed"),
    "journal.password": ("Смена пароля", "Password changed"),
    "journal.tariff": ("Смена тарифа", "Tariff changed"),
    "journal.block": ("Блокировка услуги", "Service blocked"),
    "journal.unblock": ("Разблокировка услуги", "Service unblocked"),
    "journal.credit": ("Получение кредита", "Credit taken"),
    "journal.credit.end": ("Окончание кредита", "Credit ended"),
    "journal.discount": ("Получение скидки", "Discount taken"),
    "journal.discount.extend": ("Продление скидки", "Discount extended"),
    "journal.service.new": ("Подключение услуги", "New service"),
    "journal.payment": ("Онлайн-оплата", "Online payment"),
    "journal.login": ("Вход в личный кабинет", "Login to the cabinet"),
    # ---------------------------------------------------------------- journal values (stored as "@key")
    "value.none": ("нет", "none"),
    "value.password_hidden": ("пароль изменён", "password changed"),
    "value.credit_in_force": ("кредит до {until}", "credit until {until}"),
    "value.credit_repaid": ("погашен", "repaid"),
    "value.credit_unrepaid": ("не погашен, финансовая блокировка", "not repaid, financial block"),
    "value.active": ("работает", "works"),
    "value.discount": ("{percent}% с {start} по {end}", "{percent}% from {start} to {end}"),
    "value.service_new": ("{tariff}, первое списание {amount}", "{tariff}, first charge {amount}"),
    "value.payment": ("{amount}, заказ № {order}", "{amount}, order No. {order}"),
    "value.financial_block": ("финансовая блокировка", "financial block"),
    # ---------------------------------------------------------------- blocks, statuses
    "block.administrative": ("Административная", "Administrative"),
    "block.financial": ("Финансовая", "Financial"),
    "block.voluntary": ("Добровольная", "Voluntary"),
    "status.active": ("Активен", "Active"),
    "status.blocked": ("Блокировка", "Blocked"),
    "order.pending": ("Ожидает оплаты", "Awaiting payment"),
    "order.paid": ("Оплачен", "Paid"),
    "order.declined": ("Отклонён", "Declined"),
    "order.timeout": ("Время ожидания истекло", "Timed out"),
    # ---------------------------------------------------------------- reasons of disabled buttons
    "reason.credit_not_blocked": (
        "Кредит доступен только при финансовой блокировке.",
        "A credit is only available under a financial block.",
    ),
    "reason.credit_in_force": ("Кредит действует до {until}.", "A credit is in force until {until}."),
    "reason.credit_banned": (
        "Последний кредит не был погашен в срок; новый можно получить с {date}.",
        "The last credit was not repaid in time; a new one is available from {date}.",
    ),
    "reason.tariff_promo": (
        "Специальный (акционный) тариф может сменить только Оператор в офисе обслуживания.",
        "A special (promotional) tariff can only be changed by the operator's office.",
    ),
    "reason.tariff_monthly_limit": (
        "Смена тарифа разрешена только один раз в месяц. Следующая смена — с {date}.",
        "The tariff may be changed only once a month. Next change from {date}.",
    ),
    "reason.tariff_blocked": (
        "Услуга под административной блокировкой: смену тарифа выполняет офис обслуживания.",
        "The service is under an administrative block: the service office changes the tariff.",
    ),
    "reason.tariff_no_other": (
        "Других тарифов для этой услуги нет.",
        "There are no other tariffs for this service.",
    ),
    "reason.block_monthly_limit": (
        "Добровольная блокировка уже была в этом месяце. Следующая — с {date}.",
        "A voluntary block was already used this month. Next one from {date}.",
    ),
    "reason.block_admin": (
        "Услуга под административной блокировкой.",
        "The service is under an administrative block.",
    ),
    "reason.block_financial": (
        "Услуга под финансовой блокировкой.",
        "The service is under a financial block.",
    ),
    "reason.block_already": (
        "Услуга уже добровольно заблокирована.",
        "The service is already voluntarily blocked.",
    ),
    "reason.unblock_none": ("Добровольной блокировки нет.", "There is no voluntary block."),
    "reason.discount_blocked": (
        "Скидка доступна только для незаблокированной услуги.",
        "A discount is only available for a service that is not blocked.",
    ),
    "reason.discount_in_force": (
        "Скидка действует до {until}; продлить её можно с {from_date}.",
        "A discount is in force until {until}; it can be extended from {from_date}.",
    ),
    "reason.discount_balance_nonpositive": (
        "баланс лицевого счёта меньше или равен 0.",
        "the account balance is 0 or less.",
    ),
    "reason.discount_credit": (
        "выдан кредит.",
        "a credit is in force.",
    ),
    "reason.payment_blocked_hint": (
        "Услуги возобновятся в течение 1–10 минут после успешной оплаты.",
        "Services come back within 1–10 minutes after a successful payment.",
    ),
    # ---------------------------------------------------------------- misc
    "tariff.effective_now": (
        "Новый тариф действует сразу после смены.",
        "The new tariff takes effect at once.",
    ),
    "account.title.internet": ("Интернет", "Internet"),
    "account.title.telephony": ("Телефония", "Telephony"),
    "account.title.mixed": ("Интернет и телефония", "Internet and telephony"),
    # ---------------------------------------------------------------- balance descriptions
    "balance.payment_online": (
        "Онлайн-оплата картой, заказ № {order}",
        "Online card payment, order No. {order}",
    ),
    "balance.payment_cash": ("Оплата в офисе обслуживания", "Payment at the service office"),
    "balance.payment_bank": ("Оплата через банк", "Bank payment"),
    "balance.charge": ("Абонентская плата за {month}: {service}", "Monthly fee for {month}: {service}"),
    "balance.first_charge": (
        "Подключение «{service}»: абонентская плата за {days} дн. {month_of}",
        "New «{service}»: fee for {days} days of {month}",
    ),
    "balance.unblock_charge": (
        "Абонентская плата за {days} дн. {month_of} после разблокировки: {service}",
        "Fee for {days} days of {month} after unblocking: {service}",
    ),
    "balance.discount_advance": (
        "Аванс по скидке {percent}% на {months} мес.: {service}",
        "Advance for a {percent}% discount for {months} months: {service}",
    ),
    "balance.recalc_block": (
        "Перерасчёт: добровольная блокировка с {since}: {service}",
        "Recalculation: voluntary block from {since}: {service}",
    ),
    "balance.recalc_unblock": (
        "Разблокировка с {since}: абонентская плата по {until}: {service}",
        "Unblocked from {since}: fee through {until}: {service}",
    ),
    "balance.recalc_tariff_old": (
        "Перерасчёт: смена тарифа с {since}: возврат платы по тарифу «{tariff}»: {service}",
        "Recalculation: tariff change from {since}: fee of «{tariff}» returned: {service}",
    ),
    "balance.recalc_tariff_advance": (
        "Перерасчёт: смена тарифа с {since}: возврат аванса скидки по тарифу «{tariff}»: {service}",
        "Recalculation: tariff change from {since}: discount advance of «{tariff}» returned: {service}",
    ),
    "balance.recalc_tariff_new": (
        "Перерасчёт: смена тарифа с {since}: плата по тарифу «{tariff}»: {service}",
        "Recalculation: tariff change from {since}: fee of «{tariff}»: {service}",
    ),
    "balance.calls": (
        "Междугородние и мобильные звонки за {month}",
        "Long-distance and mobile calls for {month}",
    ),
    "balance.opening": ("Входящий остаток", "Opening balance"),
    "balance.correction": ("Корректировка оператором", "Operator's correction"),
}

#: Problem titles (short); a code without one uses its detail.
TITLES: dict[str, tuple[str, str]] = {
    ErrorCode.AUTH_DENIED: ("Доступ запрещён", "Access denied"),
    ErrorCode.AUTH_THROTTLED: ("Слишком много попыток", "Too many attempts"),
    ErrorCode.AUTH_REQUIRED: ("Требуется вход", "Login required"),
    ErrorCode.SESSION_EXPIRED: ("Сеанс завершён", "Session expired"),
    ErrorCode.NOT_FOUND: ("Не найдено", "Not found"),
    ErrorCode.METHOD_NOT_ALLOWED: ("Метод не поддерживается", "Method not allowed"),
    ErrorCode.VALIDATION: ("Неверные данные", "Invalid data"),
    ErrorCode.IDEMPOTENCY_MISMATCH: ("Повтор с другими данными", "Repeat with other data"),
    ErrorCode.CONTACTS_BAD_PHONE: ("Неверный номер для SMS", "Invalid SMS number"),
    ErrorCode.CONTACTS_BAD_EMAIL: ("Неверный e-mail", "Invalid e-mail"),
    ErrorCode.PASSWORD_WRONG_CURRENT: ("Неверный текущий пароль", "Wrong current password"),
    ErrorCode.PASSWORD_WEAK: ("Слабый пароль", "Weak password"),
    ErrorCode.PASSWORD_SAME: ("Пароль не изменён", "Password unchanged"),
    ErrorCode.CREDIT_NOT_BLOCKED: ("Кредит недоступен", "Credit not available"),
    ErrorCode.CREDIT_IN_FORCE: ("Кредит уже действует", "Credit already in force"),
    ErrorCode.CREDIT_BANNED: ("Кредит временно недоступен", "Credit temporarily unavailable"),
    ErrorCode.SERVICE_SHORT_BALANCE: ("Недостаточно средств", "Insufficient funds"),
    ErrorCode.SERVICE_ALREADY: ("Услуга уже подключена", "Service already subscribed"),
    ErrorCode.TARIFF_MONTHLY_LIMIT: ("Смена тарифа недоступна", "Tariff change not available"),
    ErrorCode.TARIFF_PROMO: ("Акционный тариф", "Promotional tariff"),
    ErrorCode.TARIFF_SAME: ("Тариф не изменён", "Tariff unchanged"),
    ErrorCode.TARIFF_UNKNOWN: ("Неизвестный тариф", "Unknown tariff"),
    ErrorCode.TARIFF_BLOCKED: ("Услуга заблокирована", "Service blocked"),
    ErrorCode.BLOCK_MONTHLY_LIMIT: ("Блокировка недоступна", "Block not available"),
    ErrorCode.BLOCK_NOT_ALLOWED: ("Блокировка недоступна", "Block not available"),
    ErrorCode.BLOCK_ALREADY: ("Услуга уже заблокирована", "Service already blocked"),
    ErrorCode.BLOCK_NONE: ("Блокировки нет", "No block"),
    ErrorCode.DISCOUNT_NOT_ALLOWED: ("Скидка недоступна", "Discount not available"),
    ErrorCode.DISCOUNT_SHORT_BALANCE: ("Необходим авансовый платёж", "Advance payment needed"),
    ErrorCode.DISCOUNT_READ_ONLY: ("Скидка недоступна", "Discount not available"),
    ErrorCode.DISCOUNT_IN_FORCE: ("Скидка уже действует", "Discount already in force"),
    ErrorCode.DISCOUNT_NOT_EXTENDABLE: ("Продление недоступно", "Extension not available"),
    ErrorCode.DISCOUNT_UNKNOWN_OFFER: ("Неизвестное предложение", "Unknown offer"),
    ErrorCode.PAYMENT_AMOUNT: ("Неверная сумма", "Invalid amount"),
    ErrorCode.PAYMENT_DECLINED: ("Платёж отклонён", "Payment declined"),
    ErrorCode.INTERNAL: ("Ошибка сервера", "Server error"),
}
