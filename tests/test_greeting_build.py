"""Greeting and farewell builders: time of day, names, channels, locales — and their output passes the checks."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

import replykit
from replykit import Customer, InputError, Message

UTC = timezone.utc


@pytest.mark.parametrize(
    ("hour_utc", "expected"),
    [(5, "Доброе утро, Мария Ивановна!"), (10, "Добрый день, Мария Ивановна!"), (16, "Добрый вечер, Мария Ивановна!"), (22, "Здравствуйте, Мария Ивановна!")],
)
def test_time_of_day_in_customer_zone(hour_utc, expected):
    customer = Customer(first_name="Мария", patronymic="Ивановна", timezone="Europe/Moscow")
    assert replykit.greeting(customer, at=datetime(2026, 3, 10, hour_utc, tzinfo=UTC)) == expected


def test_without_time_is_neutral():
    assert replykit.greeting(locale="ru") == "Здравствуйте!"
    assert replykit.greeting(Customer(first_name="Ольга"), locale="uk") == "Вітаю, Ольго!"  # Ukrainian addresses in the vocative


@pytest.mark.parametrize(
    ("locale", "customer", "hour", "zone", "expected"),
    [
        ("en", Customer(last_name="Smith", gender="female"), 9, "Europe/London", "Good morning Ms Smith,"),
        ("de", Customer(last_name="Müller", gender="female"), 19, "Europe/Berlin", "Guten Abend, Frau Müller,"),
        ("hu", Customer(first_name="Anna", last_name="Kovács"), 14, "Europe/Budapest", "Jó napot kívánok, Kovács Anna!"),
        ("bg", Customer(last_name="Петрова", gender="female"), 8, "Europe/Sofia", "Добро утро, г-жо Петрова!"),
    ],
)
def test_other_languages(locale, customer, hour, zone, expected):
    at = datetime(2026, 3, 10, hour, tzinfo=ZoneInfo(zone))
    assert replykit.greeting(customer, at=at, locale=locale) == expected


def test_chat_punctuation():
    assert replykit.greeting(Customer(first_name="Anna"), channel="chat", locale="en") == "Hello Anna!"


def test_farewell_forms():
    assert replykit.farewell(locale="ru") == "С уважением"
    assert replykit.farewell(locale="ru", signature="Анна") == "С уважением,\nАнна"
    assert replykit.farewell(locale="de", signature="Anna") == "Mit freundlichen Grüßen\nAnna"
    evening = datetime(2026, 3, 10, 17, tzinfo=UTC)
    assert replykit.farewell(Customer(timezone="Europe/Moscow"), at=evening, channel="chat", locale="ru") == "Хорошего вечера!"


def test_naive_time_rejected():
    with pytest.raises(InputError):
        replykit.greeting(at=datetime(2026, 1, 1, 10))


def test_greeting_name_survives_family_import():
    replykit.check("Здравствуйте!")
    assert callable(replykit.greeting) and callable(replykit.farewell)


@pytest.mark.parametrize("locale", ["ru", "uk", "bg", "hu", "en", "de"])
@pytest.mark.parametrize("hour", [3, 8, 13, 19, 23])
def test_built_reply_passes_greeting_checks(locale, hour):
    customer = Customer(first_name="Anna", last_name="Kovács", gender="female", timezone="Europe/Budapest", locale=locale)
    at = datetime(2026, 6, 1, hour, tzinfo=ZoneInfo("Europe/Budapest"))
    body = {"ru": "Заказ отправлен.", "uk": "Замовлення відправлено.", "bg": "Поръчката е изпратена.",
            "hu": "A rendelést feladtuk.", "en": "Your order has shipped.", "de": "Ihre Bestellung ist unterwegs."}[locale]
    text = f"{replykit.greeting(customer, at=at)}\n\n{body}\n\n{replykit.farewell(customer, at=at, signature='Anna')}"
    report = replykit.check(Message(role="agent", text=text, sent_at=at), customer=customer, config={"select": ["RK1"]})
    assert report.findings == (), text
