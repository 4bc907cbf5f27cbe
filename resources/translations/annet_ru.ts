<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BalanceTab</name>
    <message numerus="yes">
        <source>Показано операций: %n (прокрутите вниз, чтобы загрузить более ранние)</source>
        <translation>
            <numerusform>Показана %n операция (прокрутите вниз, чтобы загрузить более ранние)</numerusform>
            <numerusform>Показаны %n операции (прокрутите вниз, чтобы загрузить более ранние)</numerusform>
            <numerusform>Показано %n операций (прокрутите вниз, чтобы загрузить более ранние)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Показано операций: %n</source>
        <translation>
            <numerusform>Показана %n операция</numerusform>
            <numerusform>Показаны %n операции</numerusform>
            <numerusform>Показано %n операций</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallsExport</name>
    <message numerus="yes">
        <source>Сохранено %Ln звонков в файл {path}.</source>
        <translation>
            <numerusform>Сохранён %Ln звонок в файл {path}.</numerusform>
            <numerusform>Сохранено %Ln звонка в файл {path}.</numerusform>
            <numerusform>Сохранено %Ln звонков в файл {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallsTab</name>
    <message numerus="yes">
        <source>Загружены все звонки месяца: %Ln</source>
        <translation>
            <numerusform>Загружены все звонки месяца: %Ln</numerusform>
            <numerusform>Загружены все звонки месяца: %Ln</numerusform>
            <numerusform>Загружены все звонки месяца: %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message numerus="yes">
        <source>%n мес.</source>
        <translation>
            <numerusform>%n мес.</numerusform>
            <numerusform>%n мес.</numerusform>
            <numerusform>%n мес.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Скидка действует с {start} по {end} (%n мес.); абонентская плата со скидкой {fee} в месяц покрывается авансом.</source>
        <translation>
            <numerusform>Скидка действует с {start} по {end} (%n месяц); абонентская плата со скидкой {fee} в месяц покрывается авансом.</numerusform>
            <numerusform>Скидка действует с {start} по {end} (%n месяца); абонентская плата со скидкой {fee} в месяц покрывается авансом.</numerusform>
            <numerusform>Скидка действует с {start} по {end} (%n месяцев); абонентская плата со скидкой {fee} в месяц покрывается авансом.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message numerus="yes">
        <source>Показано записей: %n (прокрутите вниз, чтобы загрузить более ранние)</source>
        <translation>
            <numerusform>Показана %n запись (прокрутите вниз, чтобы загрузить более ранние)</numerusform>
            <numerusform>Показаны %n записи (прокрутите вниз, чтобы загрузить более ранние)</numerusform>
            <numerusform>Показано %n записей (прокрутите вниз, чтобы загрузить более ранние)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Показано записей: %n</source>
        <translation>
            <numerusform>Показана %n запись</numerusform>
            <numerusform>Показаны %n записи</numerusform>
            <numerusform>Показано %n записей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message numerus="yes">
        <source>Слишком много неудачных попыток входа. Повторите попытку после {time} (через %n мин.).</source>
        <translation>
            <numerusform>Слишком много неудачных попыток входа. Повторите попытку после {time} (через %n минуту).</numerusform>
            <numerusform>Слишком много неудачных попыток входа. Повторите попытку после {time} (через %n минуты).</numerusform>
            <numerusform>Слишком много неудачных попыток входа. Повторите попытку после {time} (через %n минут).</numerusform>
        </translation>
    </message>
</context>
</TS>
