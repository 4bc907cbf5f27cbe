<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountSelector</name>
    <message>
        <source>Текущий лицевой счёт</source>
        <translation>Current account</translation>
    </message>
    <message>
        <source>Лицевой счёт:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Выбор лицевого счёта</source>
        <translation>Choose the account</translation>
    </message>
    <message>
        <source>Номер лицевого счёта</source>
        <translation>Account number</translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>Счёт</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Информационная область</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Баланс</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Рекомендуемая сумма к оплате</source>
        <translation>Recommended payment</translation>
    </message>
    <message>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Кредит</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Получить кредит</source>
        <translation>Get credit</translation>
    </message>
    <message>
        <source>Не удалось загрузить данные счёта: </source>
        <translation>Could not load the account: </translation>
    </message>
    <message>
        <source>Загрузка данных счёта…</source>
        <translation>Loading the account…</translation>
    </message>
    <message>
        <source>Блокировка</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Активен</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>По счёту действует финансовая блокировка. Пополните баланс: после оплаты услуги возобновятся в течение 1–10 минут.</source>
        <translation>The account is under a financial block. Top up the balance: services resume within 1–10 minutes after the payment.</translation>
    </message>
    <message>
        <source>Действует до </source>
        <translation>In force until </translation>
    </message>
    <message>
        <source>Можно получить кредит на 5 дней</source>
        <translation>A 5-day credit can be taken</translation>
    </message>
    <message>
        <source>Кредит снова будет доступен с </source>
        <translation>Credit available again from </translation>
    </message>
    <message>
        <source>Не требуется: финансовой блокировки нет</source>
        <translation>Not needed: there is no financial block</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Неверный адрес сервера: </source>
        <translation>Invalid server address: </translation>
    </message>
    <message>
        <source> (нужен вид https://имя-сервера).</source>
        <translation> (expected https://server-name).</translation>
    </message>
    <message>
        <source>Адрес сервера не должен содержать имени, пароля или параметров: </source>
        <translation>The server address must not contain a user name, password or parameters: </translation>
    </message>
    <message>
        <source>Незащищённое соединение (http://) с сервером </source>
        <translation>An unencrypted connection (http://) to the server </translation>
    </message>
    <message>
        <source> запрещено: пароль и данные передавались бы открыто. Используйте адрес https://.</source>
        <translation> is not allowed: the password and data would travel in the clear. Use an https:// address.</translation>
    </message>
    <message>
        <source>Запускается демонстрационный сервер…</source>
        <extracomment>the address shown in the login window: the one in use, or a refused one (without its secrets) until the user fixes it in the settings</extracomment>
        <translation>Starting the demo server…</translation>
    </message>
    <message>
        <source>Папка настроек недоступна: </source>
        <translation>The settings folder is not available: </translation>
    </message>
    <message>
        <source>. Программа работает с настройками по умолчанию, изменения не сохранятся.</source>
        <translation>. The program runs with the default settings; changes will not be saved.</translation>
    </message>
    <message>
        <source>Файл настроек повреждён или недоступен, поэтому настройки сброшены к исходным.</source>
        <translation>The settings file was damaged or unreadable, so the settings were reset to the defaults.</translation>
    </message>
    <message>
        <source>Старый файл сохранён как </source>
        <translation>The old file was kept as </translation>
    </message>
    <message>
        <source>Настройки сброшены</source>
        <translation>Settings reset</translation>
    </message>
    <message>
        <source>Не удалось запустить демонстрационный сервер: </source>
        <translation>Could not start the demo server: </translation>
    </message>
    <message>
        <source>Завершается сеанс на прежнем сервере…</source>
        <translation>Ending the session on the previous server…</translation>
    </message>
    <message>
        <source>Аннет — личный кабинет</source>
        <translation>Annet — personal cabinet</translation>
    </message>
</context>
<context>
    <name>BalanceModel</name>
    <message>
        <source>Дата и время</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Операция</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Баланс после</source>
        <translation>Balance after</translation>
    </message>
</context>
<context>
    <name>BalanceTab</name>
    <message>
        <source>Баланс</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Таблица изменений баланса</source>
        <translation>Balance changes</translation>
    </message>
    <message>
        <source>Не удалось загрузить историю баланса: </source>
        <translation>Could not load the balance history: </translation>
    </message>
    <message>
        <source>Загрузка истории баланса…</source>
        <translation>Loading the balance history…</translation>
    </message>
    <message>
        <source>По этому счёту ещё не было ни пополнений, ни списаний.</source>
        <translation>There have been no top-ups or write-offs on this account yet.</translation>
    </message>
    <message>
        <source> (прокрутите вниз, чтобы загрузить более ранние)</source>
        <translation> (scroll down to load earlier ones)</translation>
    </message>
    <message>
        <source>Показано операций: </source>
        <translation>Operations shown: </translation>
    </message>
</context>
<context>
    <name>CallsExport</name>
    <message>
        <source>Экспортировать</source>
        <extracomment>&quot;ok&quot;, &quot;cancelled&quot; or &quot;failed&quot;</extracomment>
        <translation>Export</translation>
    </message>
    <message>
        <source>Экспортировать таблицу звонков в файл</source>
        <translation>Export the calls table to a file</translation>
    </message>
    <message>
        <source>звонки</source>
        <translation>calls</translation>
    </message>
    <message>
        <source>XML Spreadsheet 2003 (*.xml)</source>
        <translation>XML Spreadsheet 2003 (*.xml)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV для Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Экспорт звонков</source>
        <translation>Export calls</translation>
    </message>
    <message>
        <source>Сохранение звонков в файл…</source>
        <translation>Saving the calls to a file…</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ход экспорта</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>Экспорт</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Сохранено звонков: {n} в файл {path}</source>
        <translation>Calls saved: {n} to the file {path}</translation>
    </message>
    <message>
        <source>Экспорт отменён, файл не создан.</source>
        <translation>Export cancelled, no file was created.</translation>
    </message>
    <message>
        <source>Не удалось сохранить файл {path}: {reason}</source>
        <translation>Could not save the file {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <source>Дата и время</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>С номера</source>
        <translation>From</translation>
    </message>
    <message>
        <source>На номер</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Направление</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Длительность</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Стоимость, ₽</source>
        <translation>Cost, ₽</translation>
    </message>
    <message>
        <source>Зона</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Входящий</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Исходящий</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Звонков: {count}, общая длительность {duration}, общая стоимость {cost}</source>
        <extracomment>the summary line&apos;s text, for tabs and tests</extracomment>
        <translation>Calls: {count}, total duration {duration}, total cost {cost}</translation>
    </message>
</context>
<context>
    <name>CallsTab</name>
    <message>
        <source>Январь</source>
        <extracomment>the calls tab&apos;s translation context (the month names are translated there)</extracomment>
        <translation>January</translation>
    </message>
    <message>
        <source>Февраль</source>
        <translation>February</translation>
    </message>
    <message>
        <source>Март</source>
        <translation>March</translation>
    </message>
    <message>
        <source>Апрель</source>
        <translation>April</translation>
    </message>
    <message>
        <source>Май</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Июнь</source>
        <translation>June</translation>
    </message>
    <message>
        <source>Июль</source>
        <translation>July</translation>
    </message>
    <message>
        <source>Август</source>
        <translation>August</translation>
    </message>
    <message>
        <source>Сентябрь</source>
        <translation>September</translation>
    </message>
    <message>
        <source>Октябрь</source>
        <translation>October</translation>
    </message>
    <message>
        <source>Ноябрь</source>
        <translation>November</translation>
    </message>
    <message>
        <source>Декабрь</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Звонки</source>
        <extracomment>rows per request: small enough that parsing a page never holds the GUI back for long rows used to size the columns, and the least width of each column in digits</extracomment>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Месяц:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Месяц</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Год:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Год</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Поиск по номеру</source>
        <translation>Search by number</translation>
    </message>
    <message>
        <source>Ход загрузки звонков</source>
        <translation>Calls loading progress</translation>
    </message>
    <message>
        <source>Таблица звонков</source>
        <translation>Calls table</translation>
    </message>
    <message>
        <source>Итоги по показанным звонкам</source>
        <translation>Totals of the calls shown</translation>
    </message>
    <message>
        <source>По этому лицевому счёту нет телефонных услуг.</source>
        <translation>This account has no telephone services.</translation>
    </message>
    <message>
        <source>Не удалось загрузить звонки: </source>
        <translation>Could not load the calls: </translation>
    </message>
    <message>
        <source>Звонков за этот месяц нет.</source>
        <translation>No calls in this month.</translation>
    </message>
    <message>
        <source>Загружены все звонки месяца: {n}</source>
        <translation>All calls of the month loaded: {n}</translation>
    </message>
    <message>
        <source>загружено {loaded} из {total}</source>
        <translation>loaded {loaded} of {total}</translation>
    </message>
    <message>
        <source>Загрузка звонков…</source>
        <translation>Loading the calls…</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Выполняется…</source>
        <translation>In progress…</translation>
    </message>
    <message>
        <source>Не выполнено. Можно повторить.</source>
        <translation>Not done. You may try again.</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>Сменить № для SMS</source>
        <translation>Change SMS number</translation>
    </message>
    <message>
        <source>Сменить e-mail</source>
        <translation>Change e-mail</translation>
    </message>
    <message>
        <source>Подсказка</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>Номер мобильного телефона для SMS-уведомлений: 10 цифр без 8 или +7 в начале. Можно вставить номер в любом виде — лишние знаки будут убраны.</source>
        <translation>Mobile number for SMS notifications: 10 digits without 8 or +7 in front. You may paste the number in any form — extra characters are removed.</translation>
    </message>
    <message>
        <source>Адрес электронной почты для уведомлений оператора.</source>
        <translation>E-mail address for the operator&apos;s notifications.</translation>
    </message>
    <message>
        <source>не указан</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Сейчас</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Сейчас: </source>
        <translation>Now: </translation>
    </message>
    <message>
        <source>Новый номер</source>
        <translation>New number</translation>
    </message>
    <message>
        <source>Новый e-mail</source>
        <translation>New e-mail</translation>
    </message>
    <message>
        <source>Что будет сохранено</source>
        <translation>What will be saved</translation>
    </message>
    <message>
        <source>Очистить</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Очистить поле</source>
        <translation>Clear the field</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Значение не изменилось.</source>
        <translation>The value has not changed.</translation>
    </message>
    <message>
        <source>Номер для SMS</source>
        <translation>SMS number</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source> будет удалён: уведомления этим способом приходить не будут.</source>
        <translation> will be removed: no notifications will come this way.</translation>
    </message>
    <message>
        <source>Будет сохранён номер: </source>
        <translation>The number to be saved: </translation>
    </message>
    <message>
        <source>Будет сохранён адрес: </source>
        <translation>The address to be saved: </translation>
    </message>
    <message>
        <source>Номер для SMS сохранён.</source>
        <translation>The SMS number has been saved.</translation>
    </message>
    <message>
        <source>E-mail сохранён.</source>
        <translation>The e-mail has been saved.</translation>
    </message>
</context>
<context>
    <name>CreditDialog</name>
    <message>
        <source>Лицевой счёт</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Баланс</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Получить кредит</source>
        <translation>Get credit</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Продлить скидку</source>
        <extracomment>what taking a discount changes besides the service row</extracomment>
        <translation>Extend the discount</translation>
    </message>
    <message>
        <source>Получить скидку</source>
        <translation>Get a discount</translation>
    </message>
    <message>
        <source>Акция</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Акция «Больше платишь — меньше тратишь!»: авансовый платёж списывается сразу, </source>
        <translation>The «Pay more — spend less!» offer: the advance payment is written off at once, </translation>
    </message>
    <message>
        <source>и на весь период скидки абонентская плата покрывается им.</source>
        <translation>and it covers the monthly fee for the whole discount period.</translation>
    </message>
    <message>
        <source>Пояснение</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Загрузка таблицы скидок…</source>
        <translation>Loading the discounts table…</translation>
    </message>
    <message>
        <source>Скидка</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Период</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Плата со скидкой</source>
        <translation>Fee with discount</translation>
    </message>
    <message>
        <source>Авансовый платёж</source>
        <translation>Advance payment</translation>
    </message>
    <message>
        <source>Не хватает</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Таблица скидок</source>
        <translation>Discounts table</translation>
    </message>
    <message>
        <source>Абонентская плата с учётом скидки и авансовый платёж для её получения</source>
        <translation>The monthly fee with the discount and the advance payment to get it</translation>
    </message>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Не удалось загрузить таблицу скидок.</source>
        <translation>Could not load the discounts table.</translation>
    </message>
    <message>
        <source>На балансе: </source>
        <translation>Balance: </translation>
    </message>
    <message>
        <source>Продлённая скидка начнёт действовать с </source>
        <translation>The extended discount starts on </translation>
    </message>
    <message>
        <source>Скидка начнёт действовать с </source>
        <translation>The discount starts on </translation>
    </message>
    <message>
        <source>Действует скидка </source>
        <translation>Discount in force: </translation>
    </message>
    <message>
        <source>Щёлкните строку, чтобы выбрать скидку.</source>
        <translation>Click a row to choose the discount.</translation>
    </message>
    <message>
        <source>Пополните баланс, и скидку можно будет получить.</source>
        <translation>Top up the balance and the discount can be taken.</translation>
    </message>
    <message>
        <source>Оплатить </source>
        <translation>Pay </translation>
    </message>
    <message>
        <source>продлена</source>
        <translation>extended</translation>
    </message>
    <message>
        <source>подключена</source>
        <translation>taken</translation>
    </message>
    <message>
        <source>Скидка </source>
        <translation>Discount </translation>
    </message>
    <message>
        <source>на услугу «</source>
        <translation>on the service «</translation>
    </message>
    <message>
        <source>будет </source>
        <translation>will be </translation>
    </message>
    <message>
        <source>С баланса сразу будет списан авансовый платёж </source>
        <translation>The advance payment written off the balance at once: </translation>
    </message>
    <message>
        <source>Скидка действует </source>
        <translation>The discount runs </translation>
    </message>
    <message>
        <source>абонентская плата со скидкой </source>
        <translation>monthly fee with the discount </translation>
    </message>
    <message>
        <source> в месяц покрывается авансом.</source>
        <translation> a month is covered by the advance.</translation>
    </message>
    <message>
        <source>Абонентская плата со скидкой</source>
        <translation>Monthly fee with the discount</translation>
    </message>
    <message>
        <source>Баланс после списания</source>
        <translation>Balance after the write-off</translation>
    </message>
    <message>
        <source>действует </source>
        <translation>runs </translation>
    </message>
    <message>
        <source>Списан авансовый платёж </source>
        <translation>Advance payment written off: </translation>
    </message>
</context>
<context>
    <name>Email</name>
    <message>
        <source>В адресе e-mail должен быть ровно один знак «@», например ivanov@mail.ru.</source>
        <translation>An e-mail address has exactly one «@», e.g. ivanov@mail.ru.</translation>
    </message>
    <message>
        <source>Неверный домен после «@»: нужен вид mail.ru или почта.рф.</source>
        <translation>Invalid domain after «@»: expected something like mail.ru or почта.рф.</translation>
    </message>
    <message>
        <source>Неверная часть адреса до «@»: допустимы латинские буквы, цифры и знаки . _ - +.</source>
        <translation>Invalid part before «@»: Latin letters, digits and . _ - + are allowed.</translation>
    </message>
    <message>
        <source>Адрес e-mail слишком длинный.</source>
        <translation>The e-mail address is too long.</translation>
    </message>
    <message>
        <source>Адрес e-mail не может содержать пробелов.</source>
        <translation>An e-mail address cannot contain spaces.</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>Абонент</source>
        <translation>Subscriber</translation>
    </message>
    <message>
        <source>Оператор</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Система</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Абонент через личный кабинет</source>
        <translation>The subscriber, via the cabinet</translation>
    </message>
    <message>
        <source>Оператор «Аннет»</source>
        <translation>The Annet operator</translation>
    </message>
    <message>
        <source>Биллинг: начисления, блокировки, окончание кредита</source>
        <translation>Billing: charges, blocks, end of credit</translation>
    </message>
    <message>
        <source>Дата и время</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Кто</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Изменение</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Счёт</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Услуга</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Было</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Стало</source>
        <translation>After</translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <source>Журнал</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Журнал изменений</source>
        <translation>Journal of changes</translation>
    </message>
    <message>
        <source>Не удалось загрузить журнал: </source>
        <translation>Could not load the journal: </translation>
    </message>
    <message>
        <source>Загрузка журнала…</source>
        <translation>Loading the journal…</translation>
    </message>
    <message>
        <source>Изменений ваших данных пока не было.</source>
        <translation>Your data has not been changed yet.</translation>
    </message>
    <message>
        <source> (прокрутите вниз, чтобы загрузить более ранние)</source>
        <translation> (scroll down to load earlier ones)</translation>
    </message>
    <message>
        <source>Показано записей: </source>
        <translation>Entries shown: </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Вход в личный кабинет</source>
        <extracomment>what waits until the window is on screen (keyring, the Qt namespace): see _after_first_paint</extracomment>
        <translation>Log in to the personal cabinet</translation>
    </message>
    <message>
        <source>Аннет — личный кабинет</source>
        <translation>Annet — personal cabinet</translation>
    </message>
    <message>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Настройки…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Адрес сервера, язык, сохранённый пароль</source>
        <translation>Server address, language, saved password</translation>
    </message>
    <message>
        <source>Демо-абонент</source>
        <translation>Demo subscriber</translation>
    </message>
    <message>
        <source>Демо-абонент:</source>
        <translation>Demo subscriber:</translation>
    </message>
    <message>
        <source>№ счёта</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>только цифры</source>
        <translation>digits only</translation>
    </message>
    <message>
        <source>№ счёта:</source>
        <translation>Account number:</translation>
    </message>
    <message>
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Показать пароль</source>
        <translation>Show the password</translation>
    </message>
    <message>
        <source>Показать</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Показать или скрыть пароль</source>
        <translation>Show or hide the password</translation>
    </message>
    <message>
        <source>Пароль:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Запомнить</source>
        <translation>Remember</translation>
    </message>
    <message>
        <source>Запомнить пароль</source>
        <translation>Remember the password</translation>
    </message>
    <message>
        <source>Сохранить пароль в защищённом хранилище паролей системы</source>
        <translation>Keep the password in the system&apos;s secure password store</translation>
    </message>
    <message>
        <source>Повторить</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Принять</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Сервер: </source>
        <translation>Server: </translation>
    </message>
    <message>
        <source>— выберите демо-абонента —</source>
        <translation>— choose a demo subscriber —</translation>
    </message>
    <message>
        <source>В демонстрационном режиме пароль не запоминается: его подставляет выбор демо-абонента.</source>
        <translation>In demo mode the password is not remembered: choosing a demo subscriber fills it in.</translation>
    </message>
    <message>
        <source>В системе нет хранилища паролей (keyring), поэтому пароль нельзя запомнить. На диск пароль не записывается.</source>
        <translation>This system has no password store (keyring), so the password cannot be remembered. It is never written to disk.</translation>
    </message>
    <message>
        <source>Скрыть</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Скрыть пароль</source>
        <translation>Hide the password</translation>
    </message>
    <message>
        <source>Включён Caps Lock.</source>
        <translation>Caps Lock is on.</translation>
    </message>
    <message>
        <source>Включена русская раскладка клавиатуры.</source>
        <translation>The Russian keyboard layout is on.</translation>
    </message>
    <message>
        <source>Адрес сервера не задан. Укажите его в настройках.</source>
        <translation>No server address is set. Enter it in the settings.</translation>
    </message>
    <message>
        <source>Введите номер счёта и пароль.</source>
        <translation>Enter the account number and the password.</translation>
    </message>
    <message>
        <source>Доступ запрещён</source>
        <translation>Access denied</translation>
    </message>
    <message>
        <source>Проверьте, не нажата ли клавиша Caps Lock и выбрана ли правильная раскладка клавиатуры, и повторите попытку.</source>
        <translation>Check that Caps Lock is off and the right keyboard layout is chosen, then try again.</translation>
    </message>
    <message>
        <source>Слишком много неудачных попыток входа. Повторите попытку после </source>
        <translation>Too many failed login attempts. Try again after </translation>
    </message>
    <message>
        <source> (через </source>
        <translation> (in </translation>
    </message>
    <message>
        <source> мин.).</source>
        <translation> min).</translation>
    </message>
    <message>
        <source>Не удалось связаться с сервером </source>
        <translation>Could not reach the server </translation>
    </message>
    <message>
        <source>Проверьте подключение к интернету и нажмите «Повторить».</source>
        <translation>Check the Internet connection and press «Retry».</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Звонки</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Личный кабинет абонента «Аннет»</source>
        <translation>Annet subscriber&apos;s personal cabinet</translation>
    </message>
    <message>
        <source>Аннет — личный кабинет</source>
        <translation>Annet — personal cabinet</translation>
    </message>
    <message>
        <source>Разделы личного кабинета</source>
        <translation>Sections of the personal cabinet</translation>
    </message>
    <message>
        <source>Закладки разделов</source>
        <translation>Section tabs</translation>
    </message>
    <message>
        <source>Выход</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Завершить сеанс и вернуться к окну входа</source>
        <translation>End the session and return to the login window</translation>
    </message>
    <message>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Настройки…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Сервер, язык, сохранённый пароль, папка для экспорта</source>
        <translation>Server, language, saved password, export folder</translation>
    </message>
    <message>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Идёт обмен данными с сервером</source>
        <translation>Talking to the server</translation>
    </message>
    <message>
        <source>Абонент</source>
        <translation>Subscriber</translation>
    </message>
    <message>
        <source>Счета</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Счёт</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Услуги</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Балансы</source>
        <translation>Balances</translation>
    </message>
    <message>
        <source>Баланс</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Журнал</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Обновление…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>Абонент: </source>
        <translation>Subscriber: </translation>
    </message>
    <message>
        <source>Обновлено в </source>
        <translation>Updated at </translation>
    </message>
    <message>
        <source>Сервер: </source>
        <translation>Server: </translation>
    </message>
    <message>
        <source>Нет связи с сервером </source>
        <translation>No connection to the server </translation>
    </message>
    <message>
        <source>данные абонента</source>
        <translation>the subscriber data</translation>
    </message>
    <message>
        <source>данные счёта</source>
        <translation>the account</translation>
    </message>
    <message>
        <source>услуги</source>
        <translation>the services</translation>
    </message>
    <message>
        <source>историю баланса</source>
        <translation>the balance history</translation>
    </message>
    <message>
        <source>журнал</source>
        <translation>the journal</translation>
    </message>
    <message>
        <source>Не удалось обновить </source>
        <translation>Could not refresh </translation>
    </message>
    <message>
        <source>Показаны последние полученные данные; нажмите F5, чтобы повторить.</source>
        <translation>The last data received is shown; press F5 to try again.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Не удалось связаться с сервером</source>
        <translation>Could not reach the server</translation>
    </message>
    <message>
        <source>Проверьте подключение к интернету.</source>
        <translation>Check the Internet connection.</translation>
    </message>
    <message>
        <source>Доступ запрещён</source>
        <translation>Access denied</translation>
    </message>
    <message>
        <source>Сеанс завершён. Войдите снова.</source>
        <translation>The session has ended. Log in again.</translation>
    </message>
    <message>
        <source>Слишком много попыток. Повторите позже.</source>
        <translation>Too many attempts. Try again later.</translation>
    </message>
    <message>
        <source>Не найдено.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <source>Сервер временно не может выполнить запрос. Повторите позже.</source>
        <translation>The server cannot serve the request right now. Try again later.</translation>
    </message>
    <message>
        <source>Сервер прислал неверный ответ. Повторите позже.</source>
        <translation>The server sent an invalid answer. Try again later.</translation>
    </message>
    <message>
        <source>Ошибка обращения к серверу.</source>
        <translation>Error talking to the server.</translation>
    </message>
    <message>
        <source>Ошибка</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Внимание</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Сообщение</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>NewServiceDialog</name>
    <message>
        <source>Новая услуга</source>
        <extracomment>what a new service changes besides its row: the balance (first charge), the account, the journal</extracomment>
        <translation>New service</translation>
    </message>
    <message>
        <source>Новая услуга — счёт </source>
        <translation>New service — account </translation>
    </message>
    <message>
        <source>Услуга</source>
        <translation>Service</translation>
    </message>
    <message>
        <source> (уже подключена)</source>
        <translation> (already subscribed)</translation>
    </message>
    <message>
        <source>Описание</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Уже подключена на этом счёте</source>
        <translation>Already on this account</translation>
    </message>
    <message>
        <source>Каталог услуг</source>
        <translation>Service catalogue</translation>
    </message>
    <message>
        <source>Тариф</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <source>Абонентская плата</source>
        <translation>Monthly fee</translation>
    </message>
    <message>
        <source>Тарифы услуги</source>
        <translation>Tariffs of the service</translation>
    </message>
    <message>
        <source>Подтверждение</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Недостаточно средств</source>
        <translation>Not enough money</translation>
    </message>
    <message>
        <source>Пояснение</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Далее</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Подключить</source>
        <translation>Subscribe</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Загрузка каталога услуг…</source>
        <translation>Loading the service catalogue…</translation>
    </message>
    <message>
        <source>Не удалось загрузить каталог.</source>
        <translation>Could not load the catalogue.</translation>
    </message>
    <message>
        <source>Шаг 1 из 3. Выберите услугу</source>
        <translation>Step 1 of 3. Choose a service</translation>
    </message>
    <message>
        <source>Шаг 2 из 3. Выберите тариф</source>
        <translation>Step 2 of 3. Choose a tariff</translation>
    </message>
    <message>
        <source>Шаг 3 из 3. Подтверждение</source>
        <translation>Step 3 of 3. Confirmation</translation>
    </message>
    <message>
        <source>Для этого счёта нет услуг, которые можно подключить.</source>
        <translation>There are no services to subscribe to on this account.</translation>
    </message>
    <message>
        <source>Выберите услугу и нажмите «Далее».</source>
        <translation>Choose a service and press «Next».</translation>
    </message>
    <message>
        <source>Выберите услугу в таблице.</source>
        <translation>Choose a service in the table.</translation>
    </message>
    <message>
        <source>Выберите тариф в таблице.</source>
        <translation>Choose a tariff in the table.</translation>
    </message>
    <message>
        <source>Расчёт первого списания…</source>
        <translation>Calculating the first charge…</translation>
    </message>
    <message>
        <source>Услуга: «</source>
        <translation>Service: «</translation>
    </message>
    <message>
        <source>», тариф «</source>
        <translation>», tariff «</translation>
    </message>
    <message>
        <source>Сразу будет списано </source>
        <translation>Written off at once: </translation>
    </message>
    <message>
        <source> — плата за остаток текущего месяца </source>
        <translation> — the fee for the rest of the current month </translation>
    </message>
    <message>
        <source>С </source>
        <translation>From </translation>
    </message>
    <message>
        <source> — полная абонентская плата </source>
        <translation> — the full monthly fee </translation>
    </message>
    <message>
        <source> в месяц.
</source>
        <translation> a month.
</translation>
    </message>
    <message>
        <source>На балансе: </source>
        <translation>Balance: </translation>
    </message>
    <message>
        <source>Пополните баланс, чтобы подключить услугу.</source>
        <translation>Top up the balance to subscribe to the service.</translation>
    </message>
    <message>
        <source>Оплатить </source>
        <translation>Pay </translation>
    </message>
    <message>
        <source>Нажмите «Подключить», чтобы подключить услугу.</source>
        <translation>Press «Subscribe» to subscribe to the service.</translation>
    </message>
    <message>
        <source>Подключение…</source>
        <translation>Subscribing…</translation>
    </message>
    <message>
        <source>Услуга «</source>
        <translation>Service «</translation>
    </message>
    <message>
        <source>» подключена. Списано </source>
        <translation>» subscribed. Written off: </translation>
    </message>
</context>
<context>
    <name>Password</name>
    <message>
        <source>Надёжность: </source>
        <extracomment>colours of the strength scores 0…4</extracomment>
        <translation>Strength: </translation>
    </message>
    <message>
        <source>Введите текущий пароль.</source>
        <translation>Enter the current password.</translation>
    </message>
    <message>
        <source>Введите новый пароль.</source>
        <translation>Enter the new password.</translation>
    </message>
    <message>
        <source>Новый пароль не подходит: </source>
        <translation>The new password does not fit: </translation>
    </message>
    <message>
        <source>Пароль не изменён</source>
        <translation>Password not changed</translation>
    </message>
    <message>
        <source>Пароль изменён. Пароль из Памятки абонента больше не действует: для входа используйте новый пароль. Если вы его забудете, восстановить доступ можно только в офисе обслуживания «Аннет» (с документом, удостоверяющим личность).</source>
        <translation>The password has been changed. The password from the subscriber memo no longer works: log in with the new one. If you forget it, access can be restored only at an Annet office (with an identity document).</translation>
    </message>
    <message>
        <source>Сохранённый на этом компьютере пароль заменён новым.</source>
        <translation>The password saved on this computer has been replaced with the new one.</translation>
    </message>
    <message>
        <source>Пароль изменён</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Повторите новый пароль в поле «Подтверждение пароля».</source>
        <translation>Repeat the new password in «Confirm the password».</translation>
    </message>
    <message>
        <source>Нужна хотя бы одна цифра.</source>
        <translation>At least one digit is needed.</translation>
    </message>
    <message>
        <source>Нужна хотя бы одна буква.</source>
        <translation>At least one letter is needed.</translation>
    </message>
    <message>
        <source>Не длиннее 128 символов.</source>
        <translation>No longer than 128 characters.</translation>
    </message>
    <message>
        <source>Пароль и подтверждение совпадают.</source>
        <translation>The password and the confirmation match.</translation>
    </message>
    <message>
        <source>Пароль и подтверждение не совпадают.</source>
        <translation>The password and the confirmation do not match.</translation>
    </message>
    <message>
        <source>Новый пароль совпадает с текущим.</source>
        <translation>The new password is the same as the current one.</translation>
    </message>
    <message>
        <source>Не короче 6 символов.</source>
        <translation>At least 6 characters.</translation>
    </message>
    <message>
        <source>Пробелы в пароле не допускаются.</source>
        <translation>Spaces are not allowed in the password.</translation>
    </message>
    <message>
        <source>Используйте и строчные, и заглавные буквы.</source>
        <translation>Use both lower and upper case letters.</translation>
    </message>
    <message>
        <source>Слишком простая комбинация: такие пароли подбирают первыми.</source>
        <translation>Too simple a combination: such passwords are guessed first.</translation>
    </message>
    <message>
        <source>Длиннее — надёжнее: лучше 10 символов и больше.</source>
        <translation>Longer is stronger: 10 characters or more is better.</translation>
    </message>
    <message>
        <source>Добавьте знак препинания или другой символ.</source>
        <translation>Add a punctuation mark or another symbol.</translation>
    </message>
    <message>
        <source>Недопустимый</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>Слабый</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>Средний</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Хороший</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Надёжный</source>
        <translation>Strong</translation>
    </message>
</context>
<context>
    <name>PasswordTab</name>
    <message>
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Смена пароля от личного кабинета</source>
        <translation>Change the personal cabinet password</translation>
    </message>
    <message>
        <source>Текущий пароль</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Новый пароль</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Подтверждение пароля</source>
        <translation>Confirm the password</translation>
    </message>
    <message>
        <source>Новый пароль должен содержать буквы и цифры и быть не короче 6 символов; лучше использовать и строчные, и заглавные буквы. После смены пароль из Памятки абонента перестанет действовать.</source>
        <translation>The new password must contain letters and digits and be at least 6 characters long; mixing lower and upper case is better. After the change the password from the subscriber memo no longer works.</translation>
    </message>
    <message>
        <source>Изменить</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Введите сумму платежа.</source>
        <extracomment>the amount messages of :mod:`annet_contract.payment_amount`, for lupdate (translated by _t)</extracomment>
        <translation>Enter the amount to pay.</translation>
    </message>
    <message>
        <source>Сумма — число рублей с копейками через запятую, например 499,90.</source>
        <translation>The amount is roubles with kopecks after a comma, e.g. 499,90.</translation>
    </message>
    <message>
        <source>Минимальная сумма платежа — 1 ₽.</source>
        <translation>The minimum payment is 1 ₽.</translation>
    </message>
    <message>
        <source>Максимальная сумма платежа — 100 000 ₽.</source>
        <translation>The maximum payment is 100 000 ₽.</translation>
    </message>
    <message>
        <source>Оплатить</source>
        <extracomment>the order was created (schema.PaymentOrder) the return address was caught (ok address or not); the dialog then closes</extracomment>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Оплата — счёт </source>
        <translation>Payment — account </translation>
    </message>
    <message>
        <source>Оплата услуг связи банковской картой, счёт № </source>
        <translation>Paying for services by bank card, account No. </translation>
    </message>
    <message>
        <source>Сумма платежа</source>
        <translation>Amount to pay</translation>
    </message>
    <message>
        <source>Сумма платежа, ₽:</source>
        <translation>Amount to pay, ₽:</translation>
    </message>
    <message>
        <source>Пояснение</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Рекомендуемый платёж: </source>
        <translation>Recommended payment: </translation>
    </message>
    <message>
        <source>От 1 до 100 000 ₽, можно с копейками. Комиссии нет: на счёт поступит ровно эта сумма.</source>
        <translation>From 1 to 100 000 ₽, kopecks allowed. No commission: exactly this amount reaches the account.</translation>
    </message>
    <message>
        <source>Финансовая блокировка</source>
        <translation>Financial block</translation>
    </message>
    <message>
        <source>Ошибка суммы</source>
        <translation>Amount error</translation>
    </message>
    <message>
        <source>Продолжить</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Оплата доступна и при финансовой блокировке. После успешной оплаты услуги возобновятся в течение 1–10 минут.</source>
        <translation>Payment works under a financial block too. After a successful payment the services resume within 1–10 minutes.</translation>
    </message>
    <message>
        <source>Защищённое соединение</source>
        <translation>Secure connection</translation>
    </message>
    <message>
        <source>Адрес страницы оплаты</source>
        <translation>Payment page address</translation>
    </message>
    <message>
        <source>Открыть в браузере</source>
        <translation>Open in the browser</translation>
    </message>
    <message>
        <source>Та же страница оплаты в системном браузере: там работают Apple Pay и Google Pay</source>
        <translation>The same payment page in the system browser: Apple Pay and Google Pay work there</translation>
    </message>
    <message>
        <source>Предупреждение страницы</source>
        <translation>Page warning</translation>
    </message>
    <message>
        <source>Страница оплаты</source>
        <translation>Payment page</translation>
    </message>
    <message>
        <source>Защищено</source>
        <translation>Secure</translation>
    </message>
    <message>
        <source>Защищённое соединение (https)</source>
        <translation>Secure connection (https)</translation>
    </message>
    <message>
        <source>Не защищено</source>
        <translation>Not secure</translation>
    </message>
    <message>
        <source>Соединение не защищено (http)</source>
        <translation>The connection is not secure (http)</translation>
    </message>
    <message>
        <source>Соединение не защищено</source>
        <translation>The connection is not secure</translation>
    </message>
    <message>
        <source>Страница {host} не защищена (http) и заблокирована: оплата только по защищённому соединению.</source>
        <translation>The page {host} is not secure (http) and was blocked: payments go over a secure connection only.</translation>
    </message>
    <message>
        <source>Переход заблокирован: </source>
        <translation>Navigation blocked: </translation>
    </message>
    <message>
        <source>Сертификат сайта </source>
        <translation>The certificate of </translation>
    </message>
    <message>
        <source> недействителен — страница не открыта.</source>
        <translation> is invalid — the page was not opened.</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <source>Номер для SMS — 10 цифр без 8 или +7 в начале, например 9101234567.</source>
        <translation>The SMS number is 10 digits without 8 or +7 in front, e.g. 9101234567.</translation>
    </message>
    <message>
        <source>SMS приходят только на мобильный номер: 10 цифр, первая — 9, например 9101234567.</source>
        <translation>SMS go to a mobile number only: 10 digits, the first one 9, e.g. 9101234567.</translation>
    </message>
    <message>
        <source>Номер может содержать только цифры (пробелы, дефисы и скобки не мешают).</source>
        <translation>The number may contain digits only (spaces, dashes and brackets are ignored).</translation>
    </message>
    <message>
        <source>Знак «+» допустим только в начале номера, в виде +7.</source>
        <translation>«+» is allowed only at the start of the number, as +7.</translation>
    </message>
</context>
<context>
    <name>ReloginDialog</name>
    <message>
        <source>Сеанс завершён</source>
        <translation>Session ended</translation>
    </message>
    <message>
        <source>Сеанс работы с личным кабинетом завершён. Введите пароль, чтобы продолжить с того же места.</source>
        <translation>Your session has ended. Enter the password to continue where you were.</translation>
    </message>
    <message>
        <source>№ счёта:</source>
        <translation>Account number:</translation>
    </message>
    <message>
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Пароль:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Выход</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Принять</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Введите пароль.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>Доступ запрещён</source>
        <translation>Access denied</translation>
    </message>
    <message>
        <source>Проверьте, не нажата ли клавиша Caps Lock и выбрана ли правильная раскладка клавиатуры.</source>
        <translation>Check that Caps Lock is off and the right keyboard layout is chosen.</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Кредит снова будет доступен с {date}.</source>
        <translation>Credit will be available again from {date}.</translation>
    </message>
    <message>
        <source>Доступ к услугам будет восстановлен сразу после получения кредита, на {days} дней — по {last_day} включительно (до {until}). Пополните баланс до этого срока: иначе услуги снова заблокируются, а новый кредит можно будет взять не раньше чем через 2 месяца.</source>
        <translation>Access to the services is restored as soon as the credit is taken, for {days} days — through {last_day} (until {until}). Top up the balance before then: otherwise the services are blocked again and a new credit can be taken no sooner than in 2 months.</translation>
    </message>
    <message>
        <source>Кредит получен. Доступ к услугам восстановлен до {until}.</source>
        <translation>Credit taken. Access to the services is restored until {until}.</translation>
    </message>
    <message>
        <source>Не хватает {missing}: на балансе {balance}, а нужно {needed}.</source>
        <translation>{missing} is missing: the balance is {balance}, {needed} is needed.</translation>
    </message>
    <message>
        <source>Для этой скидки нужен авансовый платёж {advance}. На балансе {balance} — не хватает {missing}.</source>
        <translation>This discount needs an advance payment of {advance}. The balance is {balance} — {missing} is missing.</translation>
    </message>
    <message>
        <source>с {start} по {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <source>{n} мес.</source>
        <translation>{n} mo.</translation>
    </message>
    <message>
        <source>Это текущий тариф.</source>
        <translation>This is the current tariff.</translation>
    </message>
    <message>
        <source>Акционный тариф подключается только в офисе обслуживания.</source>
        <translation>A promotional tariff is changed only at an Annet office.</translation>
    </message>
    <message>
        <source>Таблица скидок доступна только для ознакомления.</source>
        <translation>The discounts table is for information only.</translation>
    </message>
    <message>
        <source>Абонентская плата: {old} → {new} в месяц.</source>
        <translation>Monthly fee: {old} → {new}.</translation>
    </message>
    <message>
        <source>Сменить тариф</source>
        <translation>Change tariff</translation>
    </message>
    <message>
        <source>Заблокировать</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Разблокировать</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>Получить скидку</source>
        <translation>Get a discount</translation>
    </message>
    <message>
        <source>Продлить скидку</source>
        <translation>Extend the discount</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Услуга</source>
        <extracomment>what a block or unblock changes besides the service row: the account&apos;s status and recommended payment (no money moves: billing.block_service/unblock_service post nothing to the balance)</extracomment>
        <translation>Service</translation>
    </message>
    <message>
        <source>Лицевой счёт</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Текущий тариф</source>
        <translation>Current tariff</translation>
    </message>
    <message>
        <source>Абонентская плата</source>
        <translation>Monthly fee</translation>
    </message>
    <message>
        <source>Блокировка</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Скидка</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Почему кнопки недоступны</source>
        <translation>Why the buttons are unavailable</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source> (акционный)</source>
        <translation> (promotional)</translation>
    </message>
    <message>
        <source> в месяц</source>
        <translation> a month</translation>
    </message>
    <message>
        <source>нет, услуга работает</source>
        <translation>none, the service works</translation>
    </message>
    <message>
        <source>абонентская плата со скидкой </source>
        <translation>monthly fee with the discount </translation>
    </message>
    <message>
        <source>нет</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Услуга «</source>
        <translation>Service «</translation>
    </message>
    <message>
        <source>» будет переведена в добровольную блокировку сразу после подтверждения: </source>
        <translation>» goes into a voluntary block as soon as you confirm: </translation>
    </message>
    <message>
        <source>услуга и начисления по ней приостановятся.
</source>
        <translation>the service and its charges stop.
</translation>
    </message>
    <message>
        <source>Снять блокировку можно в любой момент кнопкой «Разблокировать». </source>
        <translation>The block can be lifted at any time with «Unblock». </translation>
    </message>
    <message>
        <source>Добровольная блокировка доступна не чаще одного раза в месяц.</source>
        <translation>A voluntary block is available at most once a month.</translation>
    </message>
    <message>
        <source>Заблокировать</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>» будет разблокирована сразу после подтверждения: </source>
        <translation>» is unblocked as soon as you confirm: </translation>
    </message>
    <message>
        <source>услуга снова заработает, и начисления по ней возобновятся.</source>
        <translation>the service works again and its charges resume.</translation>
    </message>
    <message>
        <source>Разблокировать</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>Услуга заблокирована.</source>
        <translation>The service is blocked.</translation>
    </message>
    <message>
        <source>Услуга разблокирована.</source>
        <translation>The service is unblocked.</translation>
    </message>
</context>
<context>
    <name>ServicesModel</name>
    <message>
        <source>Административная</source>
        <translation>Administrative</translation>
    </message>
    <message>
        <source>Финансовая</source>
        <translation>Financial</translation>
    </message>
    <message>
        <source>Добровольная</source>
        <translation>Voluntary</translation>
    </message>
    <message>
        <source>Услуга</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Открыть окно услуги</source>
        <translation>Open the service window</translation>
    </message>
    <message>
        <source>Тариф</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <source>Блокировка</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Количество</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Абонентская плата</source>
        <translation>Monthly fee</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>Услуги</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Новая</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Новая услуга</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>Подписаться на новую периодическую услугу</source>
        <translation>Subscribe to a new periodic service</translation>
    </message>
    <message>
        <source>Таблица услуг</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Нажмите на название услуги, чтобы открыть окно управления ею.</source>
        <translation>Click a service name to open its window.</translation>
    </message>
    <message>
        <source>Не удалось загрузить услуги: </source>
        <translation>Could not load the services: </translation>
    </message>
    <message>
        <source>Загрузка услуг…</source>
        <translation>Loading the services…</translation>
    </message>
    <message>
        <source>На этом счёте нет периодических услуг. Подключить услугу можно кнопкой «Новая».</source>
        <translation>This account has no periodic services. Subscribe to one with «New».</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Настройки</source>
        <extracomment>the server whose saved password «Забыть» removes: the one in use, else the stored one</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Адрес сервера</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Адрес сервера:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>Язык интерфейса</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Язык интерфейса:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>Папка для экспорта</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <source>папка «Документы»</source>
        <translation>the Documents folder</translation>
    </message>
    <message>
        <source>Выбрать…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Выбрать папку</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>Папка для экспорта:</source>
        <translation>Export folder:</translation>
    </message>
    <message>
        <source>Забыть сохранённый пароль</source>
        <translation>Forget the saved password</translation>
    </message>
    <message>
        <source>Адрес сервера действует со следующего входа, язык — со следующего запуска программы.</source>
        <translation>The server address applies from the next login, the language from the next start of the program.</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>В системе нет хранилища паролей (keyring): сохранённых паролей нет.</source>
        <translation>This system has no password store (keyring): no passwords are saved.</translation>
    </message>
    <message>
        <source>Хранилище паролей недоступно.</source>
        <translation>The password store is unavailable.</translation>
    </message>
    <message>
        <source>Удалить пароль счёта </source>
        <translation>Remove the password of account </translation>
    </message>
    <message>
        <source> из хранилища паролей системы</source>
        <translation> from the system password store</translation>
    </message>
    <message>
        <source>Сохранён пароль счёта </source>
        <translation>Saved password of account </translation>
    </message>
    <message>
        <source>Сохранённого пароля нет.</source>
        <translation>No password is saved.</translation>
    </message>
    <message>
        <source>Сохранённый пароль счёта </source>
        <translation>The saved password of account </translation>
    </message>
    <message>
        <source> удалён.</source>
        <translation> has been removed.</translation>
    </message>
    <message>
        <source>Не удалось удалить пароль из хранилища паролей системы.</source>
        <translation>Could not remove the password from the system password store.</translation>
    </message>
    <message>
        <source>Адрес сервера не должен содержать имени и пароля.</source>
        <translation>The server address must not contain a user name and password.</translation>
    </message>
    <message>
        <source>Папка не найдена: </source>
        <translation>Folder not found: </translation>
    </message>
    <message>
        <source>Не удалось записать файл настроек: </source>
        <translation>Could not write the settings file: </translation>
    </message>
</context>
<context>
    <name>SubscriberTab</name>
    <message>
        <source>Абонент</source>
        <translation>Subscriber</translation>
    </message>
    <message>
        <source>Текущие данные</source>
        <translation>Current data</translation>
    </message>
    <message>
        <source>Сменить № для SMS</source>
        <translation>Change SMS number</translation>
    </message>
    <message>
        <source>Сменить e-mail</source>
        <translation>Change e-mail</translation>
    </message>
    <message>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Адрес подключения</source>
        <translation>Connection address</translation>
    </message>
    <message>
        <source>Номер договора</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <source>№ для SMS</source>
        <translation>SMS number</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Номер для SMS и e-mail не указаны: уведомления от «Аннет» приходить не будут. Укажите хотя бы одно из них, чтобы получать сообщения оператора.</source>
        <translation>Neither an SMS number nor an e-mail is given: Annet will send you no notifications. Give at least one of them to receive the operator&apos;s messages.</translation>
    </message>
</context>
<context>
    <name>TariffDialog</name>
    <message>
        <source>Сменить тариф</source>
        <extracomment>what a tariff change makes stale besides the service row (the fee changes the recommended payment)</extracomment>
        <translation>Change tariff</translation>
    </message>
    <message>
        <source>Текущий тариф</source>
        <translation>Current tariff</translation>
    </message>
    <message>
        <source>Текущий тариф: </source>
        <translation>Current tariff: </translation>
    </message>
    <message>
        <source>в месяц</source>
        <translation>a month</translation>
    </message>
    <message>
        <source>Пояснение</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Загрузка тарифов…</source>
        <translation>Loading the tariffs…</translation>
    </message>
    <message>
        <source>Тариф</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <source>Абонентская плата</source>
        <translation>Monthly fee</translation>
    </message>
    <message>
        <source>Описание</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Таблица тарифов</source>
        <translation>Tariffs table</translation>
    </message>
    <message>
        <source>Подсказка</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>Щёлкните строку с нужным тарифом, чтобы выбрать его.</source>
        <translation>Click the row of the tariff you want to choose it.</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Не удалось загрузить тарифы.</source>
        <translation>Could not load the tariffs.</translation>
    </message>
    <message>
        <source>Сменить тариф сейчас нельзя.</source>
        <translation>The tariff cannot be changed now.</translation>
    </message>
    <message>
        <source>Смена тарифа: </source>
        <translation>Tariff change: </translation>
    </message>
    <message>
        <source> (текущий)</source>
        <translation> (current)</translation>
    </message>
    <message>
        <source> (акционный)</source>
        <translation> (promotional)</translation>
    </message>
    <message>
        <source>Тариф услуги «</source>
        <translation>The tariff of the service «</translation>
    </message>
    <message>
        <source>» будет изменён: «</source>
        <translation>» changes: «</translation>
    </message>
    <message>
        <source>Когда вступит в силу: </source>
        <translation>Takes effect: </translation>
    </message>
    <message>
        <source>Сменить тариф можно не чаще одного раза в месяц.</source>
        <translation>The tariff can be changed at most once a month.</translation>
    </message>
    <message>
        <source>Тариф изменён на «</source>
        <translation>Tariff changed to «</translation>
    </message>
</context>
</TS>
