<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>О программе</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;b&gt;Аннет — личный кабинет&lt;/b&gt;</source>
        <translation>&lt;b&gt;Annet — personal cabinet&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Версия {version}, сборка: {build}</source>
        <translation>Version {version}, build: {build}</translation>
    </message>
    <message>
        <source>Программа построена на Qt {qt} и PySide6 {pyside}, которые распространяются по лицензии GNU LGPL версии 3: вы вправе заменить их своей сборкой этих библиотек; их исходные тексты доступны на &lt;a href=&quot;https://www.qt.io/download-open-source&quot;&gt;qt.io&lt;/a&gt;.</source>
        <translation>The application is built on Qt {qt} and PySide6 {pyside}, distributed under the GNU LGPL version 3: you may replace them with your own build of these libraries; their source code is available at &lt;a href=&quot;https://www.qt.io/download-open-source&quot;&gt;qt.io&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>&amp;Библиотеки в составе программы и их лицензии</source>
        <translation>&amp;Libraries shipped with the application and their licences</translation>
    </message>
    <message>
        <source>Название, версия и лицензия каждой библиотеки, собранные из данных установленных пакетов</source>
        <translation>The name, version and licence of each library, gathered from the installed packages&apos; metadata</translation>
    </message>
    <message>
        <source>&amp;Закрыть</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Закрыть окно «О программе»</source>
        <translation>Close the About window</translation>
    </message>
    <message>
        <source>не указана</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>Библиотека</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Версия</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Лицензия</source>
        <translation>Licence</translation>
    </message>
</context>
<context>
    <name>AccountSelector</name>
    <message>
        <source>Текущий лицевой счёт</source>
        <translation>Current account</translation>
    </message>
    <message>
        <source>&amp;Лицевой счёт:</source>
        <translation>Accou&amp;nt:</translation>
    </message>
    <message>
        <source>Выбор лицевого счёта</source>
        <translation>Choose the account</translation>
    </message>
    <message>
        <source>Лицевой счёт, данные которого показаны в этом разделе</source>
        <translation>The account whose data this section shows</translation>
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
        <source>Прогноз</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>Следующее списание</source>
        <translation>Next charge</translation>
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
        <source>Впереди</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <source>&amp;Оплатить</source>
        <translation>Pa&amp;y</translation>
    </message>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Пополнить баланс счёта банковской картой</source>
        <translation>Top up the account&apos;s balance by bank card</translation>
    </message>
    <message>
        <source>Получить к&amp;редит</source>
        <translation>&amp;Get credit</translation>
    </message>
    <message>
        <source>Получить кредит</source>
        <translation>Get credit</translation>
    </message>
    <message>
        <source>Взять кредит, когда счёт заблокирован за неуплату</source>
        <translation>Take a credit when the account is blocked for non-payment</translation>
    </message>
    <message>
        <source>Не удалось загрузить данные счёта: {error}</source>
        <translation>Could not load the account: {error}</translation>
    </message>
    <message>
        <source>Прогноз недоступен</source>
        <translation>The forecast is not available</translation>
    </message>
    <message>
        <source>Загрузка прогноза…</source>
        <translation>Loading the forecast…</translation>
    </message>
    <message>
        <source>Ничего не ожидается</source>
        <translation>Nothing coming up</translation>
    </message>
    <message>
        <source>Действует до {end}</source>
        <translation>In force until {end}</translation>
    </message>
    <message>
        <source>Кредит снова будет доступен с {date}.</source>
        <translation>Credit will be available again from {date}.</translation>
    </message>
    <message>
        <source>Не требуется: финансовой блокировки нет.</source>
        <translation>Not needed: there is no financial block.</translation>
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
        <source>Можно получить кредит на 5 дней</source>
        <translation>A 5-day credit can be taken</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Услуга будет переведена в добровольную блокировку сразу после подтверждения.</source>
        <translation>The service will be put under a voluntary block as soon as you confirm.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Запускается демонстрационный сервер…</source>
        <translation>Starting the demo server…</translation>
    </message>
    <message>
        <source>Файл настроек повреждён или недоступен, поэтому настройки сброшены к исходным.</source>
        <translation>The settings file was damaged or unreadable, so the settings were reset to the defaults.</translation>
    </message>
    <message>
        <source>Настройки сброшены</source>
        <translation>Settings reset</translation>
    </message>
    <message>
        <source>Папка настроек недоступна: {folder}. Программа работает с настройками по умолчанию, изменения не сохранятся.</source>
        <translation>The settings folder is not available: {folder}. The program runs with the default settings; changes will not be saved.</translation>
    </message>
    <message>
        <source>Старый файл сохранён как {path}</source>
        <translation>The old file was kept as {path}</translation>
    </message>
    <message>
        <source>Не удалось запустить демонстрационный сервер: {error}</source>
        <translation>Could not start the demo server: {error}</translation>
    </message>
    <message>
        <source>Завершается сеанс на прежнем сервере…</source>
        <translation>Ending the session on the previous server…</translation>
    </message>
    <message>
        <source>Аннет — личный кабинет</source>
        <translation>Annet — personal cabinet</translation>
    </message>
    <message>
        <source>Неверный адрес сервера: {address} (нужен вид https://имя-сервера).</source>
        <translation>Invalid server address: {address} (expected https://server-name).</translation>
    </message>
    <message>
        <source>Адрес сервера не должен содержать имени, пароля или параметров: {address}</source>
        <translation>The server address must not contain a user name, password or parameters: {address}</translation>
    </message>
    <message>
        <source>Незащищённое соединение (http://) с сервером {host} запрещено: пароль и данные передавались бы открыто. Используйте адрес https://.</source>
        <translation>An unencrypted connection (http://) to the server {host} is not allowed: the password and data would travel in the clear. Use an https:// address.</translation>
    </message>
    <message>
        <source>Абонент {account} забыт.</source>
        <translation>Subscriber {account} forgotten.</translation>
    </message>
</context>
<context>
    <name>BalanceChart</name>
    <message>
        <source>График баланса</source>
        <translation>Balance chart</translation>
    </message>
    <message>
        <source>Баланс</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Пополнения</source>
        <translation>Top-ups</translation>
    </message>
    <message>
        <source>Списания</source>
        <translation>Write-offs</translation>
    </message>
    <message>
        <source>Прогноз</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>Баланс за 12 месяцев: от {low} до {high}, сейчас {now}; пополнений: {payments}, списаний: {charges}.</source>
        <translation>Balance over 12 months: from {low} to {high}, now {now}; top-ups: {payments}, write-offs: {charges}.</translation>
    </message>
    <message>
        <source>Прогноз после следующих списаний: {amount}.</source>
        <translation>Forecast after the next charges: {amount}.</translation>
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
        <source>Пополнения и списания: дата, сумма, операция и баланс после неё</source>
        <translation>Top-ups and write-offs: date, amount, operation and the balance after it</translation>
    </message>
    <message>
        <source>Ч&amp;ек…</source>
        <translation>&amp;Receipt…</translation>
    </message>
    <message>
        <source>Чек…</source>
        <translation>Receipt…</translation>
    </message>
    <message>
        <source>Кассовый чек выбранного онлайн-платежа</source>
        <translation>The cash receipt of the selected online payment</translation>
    </message>
    <message>
        <source>Не удалось загрузить историю баланса: {error}</source>
        <translation>Could not load the balance history: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Показано операций: %n (прокрутите вниз, чтобы загрузить более ранние)</source>
        <translation>
            <numerusform>%n operation shown (scroll down to load earlier ones)</numerusform>
            <numerusform>%n operations shown (scroll down to load earlier ones)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Показано операций: %n</source>
        <translation>
            <numerusform>%n operation shown</numerusform>
            <numerusform>%n operations shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Загрузка истории баланса…</source>
        <translation>Loading the balance history…</translation>
    </message>
    <message>
        <source>По этому счёту ещё не было ни пополнений, ни списаний.</source>
        <translation>There have been no top-ups or write-offs on this account yet.</translation>
    </message>
</context>
<context>
    <name>CallsExport</name>
    <message>
        <source>&amp;Экспортировать</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>Экспортировать таблицу звонков в файл</source>
        <translation>Export the calls table to a file</translation>
    </message>
    <message>
        <source>Сохранить звонки выбранного месяца в файл</source>
        <translation>Save the calls of the chosen month to a file</translation>
    </message>
    <message>
        <source>звонки_{number}_{year}-{month}.{extension}</source>
        <translation>calls_{number}_{year}-{month}.{extension}</translation>
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
    <message numerus="yes">
        <source>Сохранено %Ln звонков в файл {path}.</source>
        <translation>
            <numerusform>%Ln call saved to the file {path}.</numerusform>
            <numerusform>%Ln calls saved to the file {path}.</numerusform>
        </translation>
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
        <translation>Calls: {count}, total duration {duration}, total cost {cost}</translation>
    </message>
</context>
<context>
    <name>CallsMonthSummary</name>
    <message>
        <source>Входящие</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Исходящие</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Зона</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Направление</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Звонков</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Минут</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Стоимость</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Итоги месяца по зонам</source>
        <translation>Month totals by zone</translation>
    </message>
    <message>
        <source>Число звонков, минуты и сумма за месяц по каждой зоне</source>
        <translation>Calls, minutes and cost of the month by zone</translation>
    </message>
    <message>
        <source>Стоимость звонков за 12 месяцев: {costs}.</source>
        <translation>Cost of calls over 12 months: {costs}.</translation>
    </message>
</context>
<context>
    <name>CallsTab</name>
    <message>
        <source>Январь</source>
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
        <source>&amp;Месяц:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <source>&amp;Год:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Год, звонки которого показаны</source>
        <translation>The year whose calls are shown</translation>
    </message>
    <message>
        <source>Звонки</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Месяц</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Месяц, звонки которого показаны</source>
        <translation>The month whose calls are shown</translation>
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
        <source>Звонки выбранного месяца: дата, номер, зона, длительность и стоимость</source>
        <translation>Calls of the chosen month: date, number, zone, duration and cost</translation>
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
        <source>Не удалось загрузить звонки: {error}</source>
        <translation>Could not load the calls: {error}</translation>
    </message>
    <message>
        <source>Звонков за этот месяц нет.</source>
        <translation>No calls in this month.</translation>
    </message>
    <message numerus="yes">
        <source>Загружены все звонки месяца: %Ln</source>
        <translation>
            <numerusform>All calls of the month loaded: %Ln</numerusform>
            <numerusform>All calls of the month loaded: %Ln</numerusform>
        </translation>
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
        <source>Суммы</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <source>Предупреждение</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Повторить расчёт</source>
        <translation>Calculate &amp;again</translation>
    </message>
    <message>
        <source>Повторить расчёт</source>
        <translation>Calculate again</translation>
    </message>
    <message>
        <source>Запросить расчёт у сервера ещё раз</source>
        <translation>Ask the server for the calculation again</translation>
    </message>
    <message>
        <source>&amp;Отмена</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Подтвердить действие на условиях, показанных в окне</source>
        <translation>Confirm the action on the terms shown in the window</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Закрыть окно, ничего не меняя</source>
        <translation>Close the window without changing anything</translation>
    </message>
    <message>
        <source>Расчёт сумм…</source>
        <translation>Calculating the amounts…</translation>
    </message>
    <message>
        <source>Не удалось рассчитать суммы: {reason} Подтвердить можно после расчёта.</source>
        <translation>Could not calculate the amounts: {reason} You can confirm once they are calculated.</translation>
    </message>
    <message>
        <source>Сейчас это сделать нельзя: {reason}</source>
        <translation>This cannot be done now: {reason}</translation>
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
        <source>Сейчас: {value}</source>
        <translation>Now: {value}</translation>
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
        <source>&amp;Новый номер:</source>
        <translation>&amp;New number:</translation>
    </message>
    <message>
        <source>&amp;Новый e-mail:</source>
        <translation>&amp;New e-mail:</translation>
    </message>
    <message>
        <source>О&amp;чистить</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <source>Очистить поле</source>
        <translation>Clear the field</translation>
    </message>
    <message>
        <source>Очистить поле, чтобы удалить сохранённое значение</source>
        <translation>Clear the field to remove the saved value</translation>
    </message>
    <message>
        <source>&amp;Сохранить</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Сохранить новое значение в личном кабинете</source>
        <translation>Save the new value in the cabinet</translation>
    </message>
    <message>
        <source>&amp;Отмена</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Закрыть окно, ничего не меняя</source>
        <translation>Close the window without changing anything</translation>
    </message>
    <message>
        <source>Значение не изменилось.</source>
        <translation>The value has not changed.</translation>
    </message>
    <message>
        <source>Номер для SMS будет удалён: уведомления этим способом приходить не будут.</source>
        <translation>The SMS number will be removed: no notifications will come this way.</translation>
    </message>
    <message>
        <source>E-mail будет удалён: уведомления этим способом приходить не будут.</source>
        <translation>The e-mail will be removed: no notifications will come this way.</translation>
    </message>
    <message>
        <source>Будет сохранён номер: {phone} ({digits})</source>
        <translation>The number to be saved: {phone} ({digits})</translation>
    </message>
    <message>
        <source>Будет сохранён адрес: {email}</source>
        <translation>The address to be saved: {email}</translation>
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
    <name>CostBars</name>
    <message>
        <source>Стоимость звонков по месяцам</source>
        <translation>Cost of calls by month</translation>
    </message>
    <message>
        <source>Стоимость, ₽</source>
        <translation>Cost, ₽</translation>
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
    <name>Dialogs</name>
    <message>
        <source>Щелчок или Enter на строке выбирает её</source>
        <translation>Click a row or press Enter on it to choose it</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Продлить скидку</source>
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
        <source>Акция «Больше платишь — меньше тратишь!»: авансовый платёж списывается сразу, и на весь период скидки абонентская плата покрывается им.</source>
        <translation>The «Pay more — spend less!» offer: the advance payment is written off at once, and it covers the monthly fee for the whole discount period.</translation>
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
    <message numerus="yes">
        <source>%n мес.</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
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
        <source>&amp;Оплатить</source>
        <translation>&amp;Pay</translation>
    </message>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Пополнить баланс, чтобы хватило на скидку</source>
        <translation>Top up the balance to cover the discount</translation>
    </message>
    <message>
        <source>&amp;Закрыть</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Закрыть окно, не выбирая скидку</source>
        <translation>Close the window without choosing a discount</translation>
    </message>
    <message>
        <source>Не удалось загрузить таблицу скидок.</source>
        <translation>Could not load the discounts table.</translation>
    </message>
    <message>
        <source>Продлённая скидка начнёт действовать с {date}.</source>
        <translation>The extended discount starts on {date}.</translation>
    </message>
    <message>
        <source>Скидка начнёт действовать с {date}.</source>
        <translation>The discount starts on {date}.</translation>
    </message>
    <message>
        <source>На балансе: {balance}.</source>
        <translation>Balance: {balance}.</translation>
    </message>
    <message>
        <source>Действует скидка {percent}% с {start} по {end}.</source>
        <translation>Discount in force: {percent}% from {start} to {end}.</translation>
    </message>
    <message>
        <source>&amp;Оплатить {amount}</source>
        <translation>&amp;Pay {amount}</translation>
    </message>
    <message>
        <source>Скидка {percent}% действует с {start} по {end}. Списан авансовый платёж {amount}.</source>
        <translation>The {percent}% discount runs from {start} to {end}. Advance payment written off: {amount}.</translation>
    </message>
    <message>
        <source>{reason} Пополните баланс, и скидку можно будет получить.</source>
        <translation>{reason} Top up the balance and the discount can be taken.</translation>
    </message>
    <message>
        <source>Скидка {percent}% на услугу «{service}» будет продлена.</source>
        <translation>The {percent}% discount on the service «{service}» will be extended.</translation>
    </message>
    <message>
        <source>Скидка {percent}% на услугу «{service}» будет подключена.</source>
        <translation>The {percent}% discount on the service «{service}» will be taken.</translation>
    </message>
    <message>
        <source>С баланса сразу будет списан авансовый платёж {amount}.</source>
        <translation>The advance payment written off the balance at once: {amount}.</translation>
    </message>
    <message>
        <source>Щёлкните строку, чтобы выбрать скидку.</source>
        <translation>Click a row to choose the discount.</translation>
    </message>
    <message numerus="yes">
        <source>Скидка действует с {start} по {end} (%n мес.); абонентская плата со скидкой {fee} в месяц покрывается авансом.</source>
        <translation>
            <numerusform>The discount runs from {start} to {end} (%n month); the monthly fee with the discount, {fee} a month, is covered by the advance.</numerusform>
            <numerusform>The discount runs from {start} to {end} (%n months); the monthly fee with the discount, {fee} a month, is covered by the advance.</numerusform>
        </translation>
    </message>
    <message>
        <source>Абонентская плата со скидкой</source>
        <translation>Monthly fee with the discount</translation>
    </message>
    <message>
        <source>Баланс после списания</source>
        <translation>Balance after the write-off</translation>
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
    <name>Forecast</name>
    <message>
        <source>Блокировка с {date}: пополните на {amount}, чтобы её снять</source>
        <translation>Blocked since {date}: top up with {amount} to lift the block</translation>
    </message>
    <message>
        <source>Пополните до {last_day} на {amount}, иначе с {block_day} блокировка</source>
        <translation>Top up by {last_day} with {amount}, or the account is blocked from {block_day}</translation>
    </message>
    <message>
        <source>Пополните на {amount} до {moment}, иначе с этого момента блокировка</source>
        <translation>Top up with {amount} before {moment}, or the account is blocked from then</translation>
    </message>
    <message>
        <source>Хватит больше чем на год</source>
        <translation>Enough for more than a year</translation>
    </message>
    <message>
        <source>Хватит до {date}</source>
        <translation>Enough until {date}</translation>
    </message>
    <message>
        <source>Баланс отрицательный: текущий месяц не оплачен</source>
        <translation>The balance is negative: this month is not paid for</translation>
    </message>
    <message>
        <source>{amount} — {date}</source>
        <translation>{amount} on {date}</translation>
    </message>
    <message>
        <source>Кредит заканчивается {moment}: пополните на {amount}, чтобы блокировка не вернулась</source>
        <translation>The credit ends at {moment}: top up with {amount} so that the block does not come back</translation>
    </message>
    <message>
        <source>Кредит снова можно будет получить с {date}</source>
        <translation>A credit can be taken again from {date}</translation>
    </message>
    <message>
        <source>Скидка на «{service}» действует по {date}; её уже можно продлить</source>
        <translation>The discount on “{service}” runs through {date}; it can be extended now</translation>
    </message>
    <message>
        <source>Скидка на «{service}» действует по {date}</source>
        <translation>The discount on “{service}” runs through {date}</translation>
    </message>
    <message>
        <source>Продлить скидку на «{service}» можно с {date}</source>
        <translation>The discount on “{service}” can be extended from {date}</translation>
    </message>
    <message>
        <source>Добровольную блокировку «{service}» можно будет включить с {date}</source>
        <translation>A voluntary block of “{service}” can be started again from {date}</translation>
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
        <source>Изменения по счёту: дата, что изменилось и кто изменил</source>
        <translation>Changes to the account: date, what changed and who changed it</translation>
    </message>
    <message>
        <source>Не удалось загрузить журнал: {error}</source>
        <translation>Could not load the journal: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Показано записей: %n (прокрутите вниз, чтобы загрузить более ранние)</source>
        <translation>
            <numerusform>%n entry shown (scroll down to load earlier ones)</numerusform>
            <numerusform>%n entries shown (scroll down to load earlier ones)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Показано записей: %n</source>
        <translation>
            <numerusform>%n entry shown</numerusform>
            <numerusform>%n entries shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Загрузка журнала…</source>
        <translation>Loading the journal…</translation>
    </message>
    <message>
        <source>Изменений ваших данных пока не было.</source>
        <translation>Your data has not been changed yet.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Вход в личный кабинет</source>
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
        <source>Адрес сервера, язык, сохранённый пароль</source>
        <translation>Server address, language, saved password</translation>
    </message>
    <message>
        <source>Демо-абонент</source>
        <translation>Demo subscriber</translation>
    </message>
    <message>
        <source>Выбор демо-абонента заполняет номер счёта и пароль</source>
        <translation>Choosing a demo subscriber fills in the account number and password</translation>
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
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Пароль от личного кабинета; Enter — войти</source>
        <translation>The cabinet password; Enter logs in</translation>
    </message>
    <message>
        <source>Показать пароль</source>
        <translation>Show the password</translation>
    </message>
    <message>
        <source>Показать или скрыть пароль</source>
        <translation>Show or hide the password</translation>
    </message>
    <message>
        <source>Если пароль утерян, восстановить его можно будет только после обращения абонента к Оператору в офис обслуживания (при наличии документа, удостоверяющего личность, Оператор выдаст дубликат Памятки абонента с действующим паролем).</source>
        <translation>If the password is lost, it can only be restored by coming to one of the Operator&apos;s service offices (with an identity document, the Operator will issue a duplicate of the Subscriber&apos;s Memo with the valid password).</translation>
    </message>
    <message>
        <source>&amp;Настройки…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Демо-абонент:</source>
        <translation>&amp;Demo subscriber:</translation>
    </message>
    <message>
        <source>№ &amp;счёта:</source>
        <translation>&amp;Account number:</translation>
    </message>
    <message>
        <source>&amp;Пароль:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Запомнить</source>
        <translation>&amp;Remember</translation>
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
        <source>Повто&amp;рить</source>
        <translation>Re&amp;try</translation>
    </message>
    <message>
        <source>Повторить</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Повторить вход после ошибки связи с сервером</source>
        <translation>Try to log in again after a connection error</translation>
    </message>
    <message>
        <source>Пр&amp;инять</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Принять</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Войти в личный кабинет с этим номером счёта и паролем</source>
        <translation>Log in to the cabinet with this account number and password</translation>
    </message>
    <message>
        <source>Сервер: {url}</source>
        <translation>Server: {url}</translation>
    </message>
    <message>
        <source>С&amp;крыть</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>По&amp;казать</source>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <source>Адрес сервера не задан. Укажите его в настройках.</source>
        <translation>No server address is set. Enter it in the settings.</translation>
    </message>
    <message>
        <source>Доступ запрещён.
Проверьте, не нажата ли клавиша Caps Lock и выбрана ли правильная раскладка клавиатуры, и повторите попытку.</source>
        <translation>Access denied.
Check that Caps Lock is off and the right keyboard layout is chosen, then try again.</translation>
    </message>
    <message numerus="yes">
        <source>Слишком много неудачных попыток входа. Повторите попытку после {time} (через %n мин.).</source>
        <translation>
            <numerusform>Too many failed login attempts. Try again after {time} (in %n minute).</numerusform>
            <numerusform>Too many failed login attempts. Try again after {time} (in %n minutes).</numerusform>
        </translation>
    </message>
    <message>
        <source>Не удалось связаться с сервером {server}.
{detail}
Проверьте подключение к интернету и нажмите «Повторить».</source>
        <translation>Could not reach the server {server}.
{detail}
Check the Internet connection and press «Retry».</translation>
    </message>
    <message>
        <source>Не удалось связаться с сервером {server}.
Проверьте подключение к интернету и нажмите «Повторить».</source>
        <translation>Could not reach the server {server}.
Check the Internet connection and press «Retry».</translation>
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
        <source>Введите номер счёта и пароль.</source>
        <translation>Enter the account number and the password.</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>Главное меню</source>
        <translation>Main menu</translation>
    </message>
    <message>
        <source>&amp;Кабинет</source>
        <translation>&amp;Cabinet</translation>
    </message>
    <message>
        <source>&amp;Оплатить…</source>
        <translation>&amp;Pay…</translation>
    </message>
    <message>
        <source>&amp;Экспортировать звонки…</source>
        <translation>&amp;Export calls…</translation>
    </message>
    <message>
        <source>&amp;Настройки…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Выйти из кабинета</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Закрыть</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Справка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Онлайн-оплата услуг (Энциклопедия сети «Аннет»)</source>
        <translation>Online payment for services (the Annet network encyclopedia)</translation>
    </message>
    <message>
        <source>Другие способы оплаты</source>
        <translation>Other ways to pay</translation>
    </message>
    <message>
        <source>Условия программы лояльности «Больше платишь — меньше тратишь!»</source>
        <translation>Terms of the loyalty programme “Pay more — spend less!”</translation>
    </message>
    <message>
        <source>Инструкция по IPTVPORTAL</source>
        <translation>IPTVPORTAL guide</translation>
    </message>
    <message>
        <source>Написать в поддержку…</source>
        <translation>Write to support…</translation>
    </message>
    <message>
        <source>&amp;О программе</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>О &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>Звонков нет: ни на одном счёте нет телефонии.</source>
        <translation>No calls: none of the accounts has telephony.</translation>
    </message>
    <message>
        <source>Экспортировать можно, когда на закладке «Звонки» показан загруженный месяц со звонками.</source>
        <translation>Calls can be exported when the Calls tab shows a loaded month with calls.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Разделы личного кабинета; Ctrl+Tab — следующий раздел</source>
        <translation>Sections of the cabinet; Ctrl+Tab goes to the next one</translation>
    </message>
    <message>
        <source>Выход</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>&amp;Выход</source>
        <translation>L&amp;og out</translation>
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
        <source>Нас&amp;тройки…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <source>Або&amp;нент</source>
        <translation>S&amp;ubscriber</translation>
    </message>
    <message>
        <source>С&amp;чета</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <source>С&amp;чёт</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>&amp;Услуги</source>
        <translation>Ser&amp;vices</translation>
    </message>
    <message>
        <source>&amp;Балансы</source>
        <translation>&amp;Balances</translation>
    </message>
    <message>
        <source>&amp;Баланс</source>
        <translation>&amp;Balance</translation>
    </message>
    <message>
        <source>&amp;Журнал</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>&amp;Пароль</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Звонки</source>
        <translation>Ca&amp;lls</translation>
    </message>
    <message>
        <source>Обновление…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>Абонент: {name}</source>
        <translation>Subscriber: {name}</translation>
    </message>
    <message>
        <source>Обновлено в {time}</source>
        <translation>Updated at {time}</translation>
    </message>
    <message>
        <source>Сервер: {url}</source>
        <translation>Server: {url}</translation>
    </message>
    <message>
        <source>Нет связи с сервером {url}</source>
        <translation>No connection to the server {url}</translation>
    </message>
    <message>
        <source>Не удалось обновить данные абонента: {error} Показаны последние полученные данные; нажмите F5, чтобы повторить.</source>
        <translation>Could not refresh the subscriber&apos;s data: {error} The last data received are shown; press F5 to try again.</translation>
    </message>
    <message>
        <source>Не удалось обновить данные счёта: {error} Показаны последние полученные данные; нажмите F5, чтобы повторить.</source>
        <translation>Could not refresh the account: {error} The last data received are shown; press F5 to try again.</translation>
    </message>
    <message>
        <source>Не удалось обновить услуги: {error} Показаны последние полученные данные; нажмите F5, чтобы повторить.</source>
        <translation>Could not refresh the services: {error} The last data received are shown; press F5 to try again.</translation>
    </message>
    <message>
        <source>Не удалось обновить историю баланса: {error} Показаны последние полученные данные; нажмите F5, чтобы повторить.</source>
        <translation>Could not refresh the balance history: {error} The last data received are shown; press F5 to try again.</translation>
    </message>
    <message>
        <source>Не удалось обновить журнал: {error} Показаны последние полученные данные; нажмите F5, чтобы повторить.</source>
        <translation>Could not refresh the journal: {error} The last data received are shown; press F5 to try again.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Не удалось связаться с сервером. Проверьте подключение к интернету.</source>
        <translation>Could not reach the server. Check the Internet connection.</translation>
    </message>
    <message>
        <source>Не удалось связаться с сервером {server}. Проверьте подключение к интернету.</source>
        <translation>Could not reach the server {server}. Check the Internet connection.</translation>
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
        <translation>New service</translation>
    </message>
    <message>
        <source>Услуга</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Новая услуга — счёт {account}</source>
        <translation>New service — account {account}</translation>
    </message>
    <message>
        <source>{service} (уже подключена)</source>
        <translation>{service} (already subscribed)</translation>
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
        <source>Услуги, которые можно подключить; Enter — выбрать тариф</source>
        <translation>Services you can subscribe to; Enter chooses a tariff</translation>
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
        <source>Тарифы выбранной услуги и их абонентская плата; Enter — далее</source>
        <translation>Tariffs of the chosen service and their monthly fees; Enter goes on</translation>
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
        <source>&amp;Назад</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Вернуться к выбору услуги</source>
        <translation>Go back to choosing the service</translation>
    </message>
    <message>
        <source>&amp;Оплатить</source>
        <translation>&amp;Pay</translation>
    </message>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Пополнить баланс, чтобы хватило на подключение</source>
        <translation>Top up the balance to cover the subscription</translation>
    </message>
    <message>
        <source>&amp;Далее</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Далее</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Перейти к следующему шагу</source>
        <translation>Go to the next step</translation>
    </message>
    <message>
        <source>&amp;Подключить</source>
        <translation>&amp;Subscribe</translation>
    </message>
    <message>
        <source>Подключить</source>
        <translation>Subscribe</translation>
    </message>
    <message>
        <source>Подключить услугу с выбранным тарифом</source>
        <translation>Subscribe to the service with the chosen tariff</translation>
    </message>
    <message>
        <source>О&amp;тмена</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Закрыть окно, ничего не подключая</source>
        <translation>Close the window without subscribing to anything</translation>
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
        <source>{shortfall} Пополните баланс, чтобы подключить услугу.</source>
        <translation>{shortfall} Top up the balance to subscribe to the service.</translation>
    </message>
    <message>
        <source>Услуга «{service}» подключена. Списано {amount}.</source>
        <translation>Service «{service}» subscribed. Written off: {amount}.</translation>
    </message>
    <message>
        <source>Нажмите «Подключить», чтобы подключить услугу.</source>
        <translation>Press «Subscribe» to subscribe to the service.</translation>
    </message>
    <message>
        <source>Услуга: «{service}», тариф «{tariff}».
Сразу будет списано {amount} — плата за остаток текущего месяца с {start} по {end}.
С {next_month} — полная абонентская плата {fee} в месяц.
На балансе: {balance}.</source>
        <translation>Service: «{service}», tariff «{tariff}».
Written off at once: {amount} — the fee for the rest of the current month, from {start} to {end}.
From {next_month} — the full monthly fee {fee} a month.
Balance: {balance}.</translation>
    </message>
    <message>
        <source>&amp;Оплатить {amount}</source>
        <translation>&amp;Pay {amount}</translation>
    </message>
    <message>
        <source>Подключение…</source>
        <translation>Subscribing…</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>Не хватит на ежемесячное списание</source>
        <translation>Not enough for the monthly charge</translation>
    </message>
    <message>
        <source>Скоро финансовая блокировка</source>
        <translation>Financial block soon</translation>
    </message>
    <message>
        <source>Финансовая блокировка</source>
        <translation>Financial block</translation>
    </message>
    <message>
        <source>Кредит заканчивается</source>
        <translation>The credit is ending</translation>
    </message>
    <message>
        <source>Кредит снова доступен</source>
        <translation>Credit available again</translation>
    </message>
    <message>
        <source>Скидка заканчивается</source>
        <translation>The discount is ending</translation>
    </message>
    <message>
        <source>Платёж зачислен</source>
        <translation>Payment credited</translation>
    </message>
    <message>
        <source>Административная блокировка</source>
        <translation>Administrative block</translation>
    </message>
    <message>
        <source>Денег на счёте не хватит на списание {date}: пополните счёт на {amount}.</source>
        <translation>The balance will not cover the charge of {date}: top up the account by {amount}.</translation>
    </message>
    <message>
        <source>Кредит действует до {moment}: чтобы услуги не заблокировались, пополните счёт на {amount}.</source>
        <translation>The credit lasts until {moment}: to keep the services from being blocked, top up the account by {amount}.</translation>
    </message>
    <message>
        <source>С {date} снова можно взять кредит.</source>
        <translation>A credit can be taken again from {date}.</translation>
    </message>
    <message>
        <source>Скидка на услугу «{service}» действует до {date}; её уже можно продлить.</source>
        <translation>The discount on «{service}» lasts until {date}; it can be extended now.</translation>
    </message>
    <message>
        <source>На счёт зачислено {amount} ({date}).</source>
        <translation>{amount} credited to the account ({date}).</translation>
    </message>
    <message>
        <source>Административная блокировка снята</source>
        <translation>Administrative block lifted</translation>
    </message>
    <message>
        <source>Услуга «{service}» снова работает.</source>
        <translation>«{service}» works again.</translation>
    </message>
    <message>
        <source>Услуга «{service}» заблокирована администратором.</source>
        <translation>«{service}» has been blocked by the administrator.</translation>
    </message>
</context>
<context>
    <name>Password</name>
    <message>
        <source>Введите текущий пароль.</source>
        <translation>Enter the current password.</translation>
    </message>
    <message>
        <source>Введите новый пароль.</source>
        <translation>Enter the new password.</translation>
    </message>
    <message>
        <source>Надёжность: {bar} {level}</source>
        <translation>Strength: {bar} {level}</translation>
    </message>
    <message>
        <source>Новый пароль не подходит.</source>
        <translation>The new password does not fit.</translation>
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
        <source>Т&amp;екущий пароль:</source>
        <translation>Cu&amp;rrent password:</translation>
    </message>
    <message>
        <source>Н&amp;овый пароль:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>По&amp;дтверждение пароля:</source>
        <translation>Con&amp;firm the password:</translation>
    </message>
    <message>
        <source>Новый пароль должен содержать буквы и цифры и быть не короче 6 символов; лучше использовать и строчные, и заглавные буквы. После смены пароль из Памятки абонента перестанет действовать.</source>
        <translation>The new password must contain letters and digits and be at least 6 characters long; mixing lower and upper case is better. After the change the password from the subscriber memo no longer works.</translation>
    </message>
    <message>
        <source>&amp;Изменить</source>
        <translation>Chan&amp;ge</translation>
    </message>
    <message>
        <source>Изменить</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Сменить пароль от личного кабинета на новый</source>
        <translation>Change the cabinet password to the new one</translation>
    </message>
    <message>
        <source>Поле пароля; символы скрыты</source>
        <translation>Password field; the characters are hidden</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Введите сумму платежа.</source>
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
        <translation>Pay</translation>
    </message>
    <message>
        <source>Сумма платежа</source>
        <translation>Amount to pay</translation>
    </message>
    <message>
        <source>Пояснение</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Оплата — счёт {account}</source>
        <translation>Payment — account {account}</translation>
    </message>
    <message>
        <source>Оплата услуг связи банковской картой, счёт № {account}</source>
        <translation>Paying for services by bank card, account No. {account}</translation>
    </message>
    <message>
        <source>Сумма пополнения в рублях</source>
        <translation>Top-up amount in roubles</translation>
    </message>
    <message>
        <source>&amp;Сумма платежа, ₽:</source>
        <translation>&amp;Amount to pay, ₽:</translation>
    </message>
    <message>
        <source>Рекомендуемый платёж: {amount}.</source>
        <translation>Recommended payment: {amount}.</translation>
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
        <source>Перейти на страницу оплаты банковской картой</source>
        <translation>Go to the card payment page</translation>
    </message>
    <message>
        <source>&amp;Продолжить</source>
        <translation>C&amp;ontinue</translation>
    </message>
    <message>
        <source>Продолжить</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>&amp;Отмена</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Закрыть окно, ничего не оплачивая</source>
        <translation>Close the window without paying</translation>
    </message>
    <message>
        <source>Оплата доступна и при финансовой блокировке. Блокировка снимется, когда баланс станет не меньше нуля: для этого нужно внести не меньше {missing}. После такой оплаты услуги возобновятся в течение 1–10 минут.</source>
        <translation>Payment is possible under a financial block too. The block is lifted once the balance is zero or more: pay at least {missing} for that. After such a payment the services resume within 1–10 minutes.</translation>
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
        <source>Адрес открытой страницы оплаты и защищено ли соединение</source>
        <translation>Address of the payment page and whether the connection is secure</translation>
    </message>
    <message>
        <source>Открыть в &amp;браузере</source>
        <translation>Open in the &amp;browser</translation>
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
        <source>🔒 Защищено</source>
        <translation>🔒 Secure</translation>
    </message>
    <message>
        <source>⚠ Не защищено</source>
        <translation>⚠ Not secure</translation>
    </message>
    <message>
        <source>Защищённое соединение (https)</source>
        <translation>Secure connection (https)</translation>
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
        <source>Переход по ссылке «{scheme}:» заблокирован.</source>
        <translation>A link to «{scheme}:» was blocked.</translation>
    </message>
    <message>
        <source>Сертификат сайта {host} недействителен — страница не открыта.</source>
        <translation>The certificate of {host} is invalid — the page was not opened.</translation>
    </message>
    <message>
        <source>Финансовая блокировка сохраняется: чтобы услуги возобновились, пополните счёт ещё на {missing}.</source>
        <translation>The financial block stays: to resume the services, top up the account by another {missing}.</translation>
    </message>
    <message>
        <source>Ждём оплату в браузере: программа сообщит, когда платёж поступит. {numbers}</source>
        <translation>Waiting for the payment in the browser: the app will say when it arrives. {numbers}</translation>
    </message>
    <message>
        <source>Оплата в браузере не завершена за 30 минут: заказ не оплачен. {numbers}</source>
        <translation>The payment in the browser was not finished within 30 minutes: the order is not paid. {numbers}</translation>
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
    <name>Quotes</name>
    <message>
        <source>В «Баланс» будут записаны эти строки.</source>
        <translation>These rows will be written to «Balance».</translation>
    </message>
    <message>
        <source>Внимание: после этого баланс станет {balance}, счёт попадёт в финансовую блокировку и услуги будут приостановлены до пополнения счёта.</source>
        <translation>Warning: the balance will then be {balance}, the account will be financially blocked and the services suspended until it is topped up.</translation>
    </message>
    <message>
        <source>Сейчас будет списано {charge}: абонентская плата с {since} до конца месяца.</source>
        <translation>{charge} will be written off now: the monthly fee from {since} to the end of the month.</translation>
    </message>
    <message>
        <source>Сейчас ничего не будет списано.</source>
        <translation>Nothing will be written off now.</translation>
    </message>
    <message>
        <source>Баланс после разблокировки: {balance}.</source>
        <translation>Balance after the unblock: {balance}.</translation>
    </message>
    <message>
        <source>Сейчас на счёт вернётся {refund}: абонентская плата за дни блокировки до конца месяца.</source>
        <translation>{refund} comes back to the account now: the monthly fee for the blocked days to the end of the month.</translation>
    </message>
    <message>
        <source>Сейчас на счёт ничего не вернётся.</source>
        <translation>Nothing comes back to the account now.</translation>
    </message>
    <message>
        <source>Баланс после блокировки: {balance}.</source>
        <translation>Balance after the block: {balance}.</translation>
    </message>
    <message>
        <source>Оплаченная скидка на время блокировки приостанавливается: сейчас она действует по {date}, и каждый полный день блокировки продлевает её на один день.</source>
        <translation>A paid discount pauses during the block: it now runs until {date}, and every whole day under the block extends it by one day.</translation>
    </message>
    <message>
        <source>Новая абонентская плата: {fee} в месяц.</source>
        <translation>New monthly fee: {fee} a month.</translation>
    </message>
    <message>
        <source>Действующая скидка закончится, неиспользованный аванс {advance} вернётся на счёт.</source>
        <translation>The current discount will end; its unused advance of {advance} comes back to the account.</translation>
    </message>
    <message>
        <source>Сейчас на счёт вернётся {refund}.</source>
        <translation>{refund} comes back to the account now.</translation>
    </message>
    <message>
        <source>Сейчас будет списано {charge}.</source>
        <translation>{charge} will be written off now.</translation>
    </message>
    <message>
        <source>Сейчас ничего не будет списано и ничего не вернётся.</source>
        <translation>Nothing will be written off or returned now.</translation>
    </message>
    <message>
        <source>Баланс после смены тарифа: {balance}.</source>
        <translation>Balance after the tariff change: {balance}.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Продавец</source>
        <translation>Seller</translation>
    </message>
    <message>
        <source>ИНН</source>
        <translation>INN (taxpayer number)</translation>
    </message>
    <message>
        <source>СНО</source>
        <translation>Taxation system</translation>
    </message>
    <message>
        <source>Признак расчёта</source>
        <translation>Type of settlement</translation>
    </message>
    <message>
        <source>Предмет расчёта</source>
        <translation>Subject of settlement</translation>
    </message>
    <message>
        <source>Итого</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Форма оплаты</source>
        <translation>Payment form</translation>
    </message>
    <message>
        <source>Дата и время</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Смена №</source>
        <translation>Shift No.</translation>
    </message>
    <message>
        <source>Чек №</source>
        <translation>Receipt No.</translation>
    </message>
    <message>
        <source>РН ККТ</source>
        <translation>Cash register reg. No.</translation>
    </message>
    <message>
        <source>ФН</source>
        <translation>Fiscal drive No. (FN)</translation>
    </message>
    <message>
        <source>ФД</source>
        <translation>Fiscal document No. (FD)</translation>
    </message>
    <message>
        <source>ФП</source>
        <translation>Fiscal sign (FP)</translation>
    </message>
    <message>
        <source>Сайт ФНС</source>
        <translation>FNS website</translation>
    </message>
    <message>
        <source>Эл. адрес покупателя</source>
        <translation>Buyer&apos;s e-mail</translation>
    </message>
    <message>
        <source>Лицевой счёт</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Заказ №</source>
        <translation>Order No.</translation>
    </message>
    <message>
        <source>Кассовый чек</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <source>Проверить чек можно на сайте ФНС по QR-коду.</source>
        <translation>The receipt can be checked on the FNS website by its QR code.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Сохранить чек в PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <source>Документ PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Кассовый чек</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <source>Чек по заказу № {order}</source>
        <translation>Receipt of order No. {order}</translation>
    </message>
    <message>
        <source>&amp;Сохранить в PDF</source>
        <translation>&amp;Save as PDF</translation>
    </message>
    <message>
        <source>&amp;Печать…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Закрыть</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Чек {order}.pdf</source>
        <translation>Receipt {order}.pdf</translation>
    </message>
    <message>
        <source>Не удалось сохранить чек в {path}: {reason}</source>
        <translation>Could not save the receipt to {path}: {reason}</translation>
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
        <source>Пароль от личного кабинета, чтобы продолжить сеанс</source>
        <translation>The cabinet password, to continue the session</translation>
    </message>
    <message>
        <source>&amp;Пароль:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Выход</source>
        <translation>Log &amp;out</translation>
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
        <source>Пр&amp;инять</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Принять</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Войти снова и продолжить работу</source>
        <translation>Log in again and carry on</translation>
    </message>
    <message>
        <source>Введите пароль.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>Доступ запрещён.
Проверьте, не нажата ли клавиша Caps Lock и выбрана ли правильная раскладка клавиатуры.</source>
        <translation>Access denied.
Check that Caps Lock is off and the right keyboard layout is chosen.</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Кредит снова будет доступен с {date}.</source>
        <translation>Credit will be available again from {date}.</translation>
    </message>
    <message>
        <source>Доступ к услугам будет восстановлен сразу после получения кредита, на {days} дней — ровно {hours} часов, до {until}. Пополните баланс до этого срока: иначе услуги снова заблокируются, а новый кредит можно будет взять не раньше чем через 2 месяца.</source>
        <translation>Access to the services is restored as soon as the credit is taken, for {days} days — exactly {hours} hours, until {until}. Top up the balance before then: otherwise the services are blocked again and a new credit can be taken no sooner than in 2 months.</translation>
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
        <source>Выбрать другой тариф этой услуги</source>
        <translation>Choose another tariff for this service</translation>
    </message>
    <message>
        <source>Приостановить услугу добровольной блокировкой</source>
        <translation>Suspend the service with a voluntary block</translation>
    </message>
    <message>
        <source>Снять добровольную блокировку услуги</source>
        <translation>Lift the service&apos;s voluntary block</translation>
    </message>
    <message>
        <source>Выбрать скидку на эту услугу</source>
        <translation>Choose a discount for this service</translation>
    </message>
    <message>
        <source>Продлить действующую скидку на эту услугу</source>
        <translation>Extend the current discount on this service</translation>
    </message>
    <message>
        <source>Сменить &amp;тариф</source>
        <translation>Change &amp;tariff</translation>
    </message>
    <message>
        <source>За&amp;блокировать</source>
        <translation>&amp;Block</translation>
    </message>
    <message>
        <source>&amp;Разблокировать</source>
        <translation>&amp;Unblock</translation>
    </message>
    <message>
        <source>Получить &amp;скидку</source>
        <translation>Get a &amp;discount</translation>
    </message>
    <message>
        <source>Про&amp;длить скидку</source>
        <translation>&amp;Extend the discount</translation>
    </message>
    <message>
        <source>Почему кнопки недоступны</source>
        <translation>Why the buttons are unavailable</translation>
    </message>
    <message>
        <source>&amp;Закрыть</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Закрыть окно управления услугой</source>
        <translation>Close the service window</translation>
    </message>
    <message>
        <source>{tariff} (акционный)</source>
        <translation>{tariff} (promotional)</translation>
    </message>
    <message>
        <source>{fee} в месяц</source>
        <translation>{fee} a month</translation>
    </message>
    <message>
        <source>Услуга «{service}» будет переведена в добровольную блокировку сразу после подтверждения: услуга и начисления по ней приостановятся.
Снять блокировку можно в любой момент кнопкой «Разблокировать». Добровольная блокировка доступна не чаще одного раза в месяц.</source>
        <translation>Service «{service}» goes into a voluntary block as soon as you confirm: the service and its charges stop.
The block can be lifted at any time with «Unblock». A voluntary block is available at most once a month.</translation>
    </message>
    <message>
        <source>Услуга «{service}» будет разблокирована сразу после подтверждения: услуга снова заработает, и начисления по ней возобновятся.</source>
        <translation>Service «{service}» is unblocked as soon as you confirm: the service works again and its charges resume.</translation>
    </message>
    <message>
        <source>нет, услуга работает</source>
        <translation>none, the service works</translation>
    </message>
    <message>
        <source>{percent}% с {start} по {end}, абонентская плата со скидкой {fee}</source>
        <translation>{percent}% from {start} to {end}, monthly fee with the discount {fee}</translation>
    </message>
    <message>
        <source>нет</source>
        <translation>none</translation>
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
        <source>Новая услуга</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>Н&amp;овая</source>
        <translation>N&amp;ew</translation>
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
        <source>Услуги счёта; Enter или щелчок по названию открывает окно управления услугой</source>
        <translation>Services of the account; Enter or a click on a name opens the service window</translation>
    </message>
    <message>
        <source>Нажмите на название услуги, чтобы открыть окно управления ею.</source>
        <translation>Click a service name to open its window.</translation>
    </message>
    <message>
        <source>Не удалось загрузить услуги: {error}</source>
        <translation>Could not load the services: {error}</translation>
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
        <translation>Settings</translation>
    </message>
    <message>
        <source>Адрес сервера</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Язык интерфейса</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Язык интерфейса; применяется при следующем запуске</source>
        <translation>Interface language; applies from the next start</translation>
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
        <source>Выбрать папку</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>Выбрать папку, куда сохраняются экспортированные звонки</source>
        <translation>Choose the folder exported calls are saved to</translation>
    </message>
    <message>
        <source>Забыть сохранённый пароль</source>
        <translation>Forget the saved password</translation>
    </message>
    <message>
        <source>Удалить пароль этого счёта из хранилища паролей системы</source>
        <translation>Delete this account&apos;s password from the system password store</translation>
    </message>
    <message>
        <source>Область уведомлений</source>
        <translation>Notification area</translation>
    </message>
    <message>
        <source>Адрес сервера действует со следующего входа, язык — со следующего запуска программы.</source>
        <translation>The server address applies from the next login, the language from the next start of the program.</translation>
    </message>
    <message>
        <source>&amp;Сохранить</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Сохранить</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Сохранить настройки и закрыть окно</source>
        <translation>Save the settings and close the window</translation>
    </message>
    <message>
        <source>Отм&amp;ена</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Закрыть окно, не сохраняя изменений</source>
        <translation>Close the window without saving changes</translation>
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
        <source>Удалить пароль счёта {account} из хранилища паролей системы</source>
        <translation>Remove the password of account {account} from the system password store</translation>
    </message>
    <message>
        <source>Сохранён пароль счёта {account}.</source>
        <translation>Saved password of account {account}.</translation>
    </message>
    <message>
        <source>Сохранённый пароль счёта {account} удалён.</source>
        <translation>The saved password of account {account} has been removed.</translation>
    </message>
    <message>
        <source>Папка не найдена: {folder}</source>
        <translation>Folder not found: {folder}</translation>
    </message>
    <message>
        <source>Не удалось записать файл настроек: {error}</source>
        <translation>Could not write the settings file: {error}</translation>
    </message>
    <message>
        <source>Сохранённого пароля нет.</source>
        <translation>No password is saved.</translation>
    </message>
    <message>
        <source>&amp;Адрес сервера:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <source>&amp;Язык интерфейса:</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <source>&amp;Выбрать…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Папка для &amp;экспорта:</source>
        <translation>&amp;Export folder:</translation>
    </message>
    <message>
        <source>За&amp;быть сохранённый пароль</source>
        <translation>&amp;Forget the saved password</translation>
    </message>
    <message>
        <source>Не удалось удалить пароль из хранилища паролей системы.</source>
        <translation>Could not remove the password from the system password store.</translation>
    </message>
    <message>
        <source>Адрес сервера не должен содержать имени и пароля.</source>
        <translation>The server address must not contain a user name and password.</translation>
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
        <source>Сменить № &amp;для SMS</source>
        <translation>Change SMS &amp;number</translation>
    </message>
    <message>
        <source>Сменить № для SMS</source>
        <translation>Change SMS number</translation>
    </message>
    <message>
        <source>Изменить номер телефона для SMS-уведомлений</source>
        <translation>Change the phone number for SMS notifications</translation>
    </message>
    <message>
        <source>С&amp;менить e-mail</source>
        <translation>Change e-&amp;mail</translation>
    </message>
    <message>
        <source>Сменить e-mail</source>
        <translation>Change e-mail</translation>
    </message>
    <message>
        <source>Изменить адрес электронной почты для уведомлений</source>
        <translation>Change the e-mail address for notifications</translation>
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
    <name>SubscribersMenu</name>
    <message>
        <source>&amp;Абоненты</source>
        <translation>&amp;Subscribers</translation>
    </message>
    <message>
        <source>Абоненты</source>
        <translation>Subscribers</translation>
    </message>
    <message>
        <source>Переключиться на другого абонента, запомненного на этом компьютере</source>
        <translation>Switch to another subscriber remembered on this computer</translation>
    </message>
    <message>
        <source>&amp;Забыть абонента</source>
        <translation>&amp;Forget subscriber</translation>
    </message>
    <message>
        <source>Забыть абонента</source>
        <translation>Forget subscriber</translation>
    </message>
    <message>
        <source>{account} — {name}</source>
        <translation>{account} — {name}</translation>
    </message>
    <message>
        <source>Вы вошли как этот абонент</source>
        <translation>You are logged in as this subscriber</translation>
    </message>
    <message>
        <source>Выйти из кабинета и войти как этот абонент</source>
        <translation>Log out and log in as this subscriber</translation>
    </message>
    <message>
        <source>&amp;Другой абонент…</source>
        <translation>&amp;Another subscriber…</translation>
    </message>
</context>
<context>
    <name>TariffDialog</name>
    <message>
        <source>Сменить тариф</source>
        <translation>Change tariff</translation>
    </message>
    <message>
        <source>Сменить тариф — {service}</source>
        <translation>Change tariff — {service}</translation>
    </message>
    <message>
        <source>Текущий тариф</source>
        <translation>Current tariff</translation>
    </message>
    <message>
        <source>Текущий тариф: «{tariff}», {fee} в месяц</source>
        <translation>Current tariff: «{tariff}», {fee} a month</translation>
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
        <source>&amp;Закрыть</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Закрыть окно, не меняя тариф</source>
        <translation>Close the window without changing the tariff</translation>
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
        <source>Смена тарифа: {when}</source>
        <translation>Tariff change: {when}</translation>
    </message>
    <message>
        <source>{tariff} (текущий)</source>
        <translation>{tariff} (current)</translation>
    </message>
    <message>
        <source>{tariff} (акционный)</source>
        <translation>{tariff} (promotional)</translation>
    </message>
    <message>
        <source>«{tariff}»: {reason}</source>
        <translation>«{tariff}»: {reason}</translation>
    </message>
    <message>
        <source>Тариф услуги «{service}» будет изменён: «{old}» → «{new}».</source>
        <translation>The tariff of the service «{service}» changes: «{old}» → «{new}».</translation>
    </message>
    <message>
        <source>Когда вступит в силу: {when}</source>
        <translation>Takes effect: {when}</translation>
    </message>
    <message>
        <source>Тариф изменён на «{tariff}». {when}</source>
        <translation>Tariff changed to «{tariff}». {when}</translation>
    </message>
    <message>
        <source>Сменить тариф можно не чаще одного раза в месяц.</source>
        <translation>The tariff can be changed at most once a month.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Аннет — личный кабинет</source>
        <translation>Annet — personal cabinet</translation>
    </message>
    <message>
        <source>Войдите, чтобы видеть баланс</source>
        <translation>Log in to see the balance</translation>
    </message>
    <message>
        <source>Счёт {account}: баланс загружается</source>
        <translation>Account {account}: loading the balance</translation>
    </message>
    <message>
        <source>Счёт {account}: {balance}</source>
        <translation>Account {account}: {balance}</translation>
    </message>
    <message>
        <source>Всё в порядке</source>
        <translation>All is well</translation>
    </message>
    <message>
        <source>Скоро нужно пополнить счёт</source>
        <translation>Top up the account soon</translation>
    </message>
    <message>
        <source>Услуги заблокированы: пополните счёт</source>
        <translation>Services blocked: top up the account</translation>
    </message>
    <message>
        <source>Меню значка в области уведомлений</source>
        <translation>Menu of the notification area icon</translation>
    </message>
    <message>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Оплатить…</source>
        <translation>Pay…</translation>
    </message>
    <message>
        <source>Обновить</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Выход</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>WatchSettings</name>
    <message>
        <source>Область уведомлений</source>
        <translation>Notification area</translation>
    </message>
    <message>
        <source>При закрытии окна &amp;оставаться в области уведомлений</source>
        <translation>Stay in the notification area when the &amp;window is closed</translation>
    </message>
    <message>
        <source>Оставаться в области уведомлений</source>
        <translation>Stay in the notification area</translation>
    </message>
    <message>
        <source>В этой системе нет области уведомлений: закрытие окна завершает программу</source>
        <translation>This system has no notification area: closing the window ends the app</translation>
    </message>
    <message>
        <source>Обновлять данные в фоне, минут</source>
        <translation>Refresh the data in the background, minutes</translation>
    </message>
    <message>
        <source>Как часто программа сама обновляет баланс и прогноз, пока вы вошли; 0 — никогда</source>
        <translation>How often the app refreshes the balance and the forecast by itself while you are logged in; 0 — never</translation>
    </message>
    <message>
        <source>никогда</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Обновлять &amp;данные в фоне, минут</source>
        <translation>&amp;Refresh the data in the background, minutes</translation>
    </message>
    <message>
        <source>Показывать уведомление «{kind}»</source>
        <translation>Show the notification “{kind}”</translation>
    </message>
    <message>
        <source>Не &amp;хватит на ежемесячное списание</source>
        <translation>&amp;Not enough for the monthly charge</translation>
    </message>
    <message>
        <source>С&amp;коро финансовая блокировка</source>
        <translation>Financial block s&amp;oon</translation>
    </message>
    <message>
        <source>&amp;Финансовая блокировка</source>
        <translation>Financial &amp;block</translation>
    </message>
    <message>
        <source>К&amp;редит заканчивается</source>
        <translation>The credi&amp;t is ending</translation>
    </message>
    <message>
        <source>Кредит снова дос&amp;тупен</source>
        <translation>Credit available a&amp;gain</translation>
    </message>
    <message>
        <source>Скидка &amp;заканчивается</source>
        <translation>The &amp;discount is ending</translation>
    </message>
    <message>
        <source>&amp;Платёж зачислен</source>
        <translation>&amp;Payment credited</translation>
    </message>
    <message>
        <source>Адм&amp;инистративная блокировка</source>
        <translation>Ad&amp;ministrative block</translation>
    </message>
</context>
</TS>
