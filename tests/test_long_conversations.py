"""Scoring a conversation checks each reply as `check` would with only the messages before it.

`score_conversation` and `audit` share what they compute about earlier messages between the
replies of one conversation (so a long conversation costs about linear time); these tests pin
that sharing to the semantics: the reports equal those of `check` on every prefix.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

import replykit
from replykit import Conversation, Customer, Message

# Per language: customer questions, name preferences (a request, a signature), familiar or
# hostile customer messages; agent answers, promises (with deadlines), greetings and pointers.
TEXTS: dict[str, dict[str, list[str]]] = {
    "ru": {
        "named": ["Мария, добрый день! Заказ №{n} в пути.", "Уважаемый клиент, заказ №{n} в пути.", "Здравствуйте, Маша! Доставка завтра.", "Ольга, здравствуйте! Оплата картой возможна."],
        "ask": ["Сколько стоит доставка и когда привезёте?", "Можно оплатить картой? Какая гарантия?",
                "Где мой заказ №{n}?", "Как вернуть товар?", "Когда привезёте?", "Есть свободное окно на четверг?"],
        "name": ["Можно просто Оля.", "С уважением,\nМария Ивановна", "Меня зовут Ольга Петровна. Обращайтесь ко мне по имени."],
        "other": ["Привет, ты можешь помочь?", "ВЫ ТАМ ВСЕ ИДИОТЫ? ГДЕ ЗАКАЗ!!!", "Спасибо, понятно."],
        "answer": ["Здравствуйте! Доставка стоит 500 ₽, привезём завтра.", "Оплата картой при получении. Гарантия 12 месяцев.",
                   "Заказ №{n} передан в доставку.", "Привет! Ты можешь вернуть товар в течение 14 дней."],
        "promise": ["Здравствуйте! Напишу вам завтра до 12:00.", "Уточним на складе и перезвоним в течение часа.",
                    "Отправим трек-номер до пятницы."],
        "point": ["Позвоните нам: +7 495 123-45-67.", "Подробнее по ссылке: https://shop.example/faq"],
        "bare": ["Будет в четверг.", "Есть.", "Через 3 дня."],  # answers only to a question asked
    },
    "uk": {
        "named": ["Маріє, добрий день! Замовлення №{n} в дорозі.", "Шановний клієнте, замовлення в дорозі."],
        "ask": ["Скільки коштує доставка до Львова?", "Де моє замовлення №{n}?", "Чи можна оплатити карткою?"],
        "name": ["Можна просто Оля.", "З повагою,\nМарія Іванівна"],
        "other": ["Ви шахраї! Де мої гроші?!!", "Дякую."],
        "answer": ["Вітаю! Доставка до Львова коштує 80 гривень.", "Замовлення №{n} передано в доставку."],
        "promise": ["Вітаю! Надішлемо номер відстеження завтра.", "Перевіримо і зателефонуємо протягом години."],
        "point": ["Зателефонуйте нам: +380 44 123 45 67."],
    },
    "bg": {
        "named": ["Уважаеми клиенти, поръчката е изпратена.", "Здравейте, Мария! Поръчката е изпратена."],
        "ask": ["Колко струва доставката до Варна?", "Къде е поръчката ми №{n}?"],
        "name": ["Поздрави,\nМария Иванова"],
        "other": ["Вие сте измамници! Къде са парите ми?", "Благодаря."],
        "answer": ["Здравейте! Доставката до Варна струва 6 лева.", "Поръчка №{n} е изпратена."],
        "promise": ["Здравейте! Ще ви се обадим в рамките на 2 часа.", "Ще изпратим номера утре."],
        "point": ["Обадете ни се на +359 888 123 456."],
    },
    "hu": {
        "named": ["Kedves Ügyfelünk! A csomagot feladtuk.", "Kedves Anna! A csomagot feladtuk."],
        "ask": ["Mennyibe kerül a szállítás Debrecenbe?", "Hol van a {n}. számú rendelésem?"],
        "name": ["Üdvözlettel,\nKovács Anna"],
        "other": ["Csalók vagytok!!! Hol a pénzem?", "Köszönöm."],
        "answer": ["Jó napot! A szállítás 1490 forint.", "A {n}. számú csomagot feladtuk."],
        "promise": ["Jó napot! A számlát 2 munkanapon belül elküldjük.", "Holnap visszahívjuk."],
        "point": ["Hívjon minket: +36 1 234 5678"],
    },
    "en": {
        "named": ["Dear customer, your order #{n} has shipped.", "Hi Kate, your order has shipped.", "Hi Jon, your order has shipped."],
        "ask": ["How much is shipping to Leeds and when will it arrive?", "Where is my order #{n}?",
                "Can I pay by card? What is the warranty?"],
        "name": ["Please call me Kate.", "Kind regards,\nJohn Smith"],
        "other": ["This is RIDICULOUS. You are useless!!!", "Hey mate, can you help?", "Thanks."],
        "answer": ["Hi! Shipping to Leeds is £4.99 and arrives tomorrow.", "Order #{n} has shipped.",
                   "You can pay by card. The warranty is 12 months."],
        "promise": ["Hi! We will send the refund confirmation within 2 business days.", "I'll call you back in 30 minutes.",
                    "I will email you by 5 pm tomorrow."],
        "point": ["Please call us at +44 20 7946 0958.", "See our FAQ: https://shop.example/faq"],
        "bare": ["On Thursday.", "In 3 days."],
    },
    "de": {
        "named": ["Sehr geehrter Kunde, Ihre Bestellung ist unterwegs.", "Hallo Anna, Ihre Bestellung ist unterwegs."],
        "ask": ["Was kostet der Versand nach Graz?", "Wo ist meine Bestellung Nr. {n}?"],
        "name": ["Mit freundlichen Grüßen\nAnna Schmidt"],
        "other": ["Was für ein Saftladen! Wo bleibt mein Geld?!", "Danke.", "Hallo, kannst du mir helfen?"],
        "answer": ["Guten Tag! Der Versand nach Graz kostet 5,90 Euro.", "Ihre Bestellung Nr. {n} ist unterwegs.", "Hallo! Du kannst die Ware zurückschicken."],
        "promise": ["Guten Tag! Wir melden uns bis Freitag mit einer Lösung.", "Wir senden die Rechnung innerhalb von 2 Werktagen."],
        "point": ["Rufen Sie uns an: +49 30 1234567"],
    },
}
ZONES = ("Europe/Moscow", "Europe/Kyiv", "Europe/Berlin", "America/New_York", "Asia/Tokyo")
CHANNELS = ("email", "chat", "messenger", "social", "sms", "phone")
DELAYS = (1, 30, 90, 300, 1800, 5400, 4 * 3600, 20 * 3600, 3 * 86400)


def generated(rng: random.Random, lang: str, n: int, switch_to: str | None = None) -> Conversation:
    """A timed conversation of `n` messages: runs of customer messages and of agent replies,
    each run in `lang` or (when given, and then without a locale) in `switch_to`."""
    words = TEXTS[lang]
    channel = rng.choice(CHANNELS)
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(365 * 86400))
    messages: list[Message] = []
    role = rng.choice(("customer", "customer", "agent"))
    while len(messages) < n:
        if switch_to is not None:
            words = TEXTS[rng.choice((lang, switch_to))]
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            if role == "customer":
                kind = rng.choices(("ask", "name", "other"), (6, 2, 2))[0]
            else:
                kind = rng.choices(("answer", "promise", "point", "named", "bare"), (5, 3, 1, 2, 2 * ("bare" in words)))[0]
            text = rng.choice(words[kind]).format(n=rng.randrange(1000, 9999))
            at += timedelta(seconds=rng.choice(DELAYS))
            if rng.random() < 0.1:
                channel = rng.choice(CHANNELS)
            sent_at = None if rng.random() < 0.05 else at
            messages.append(Message(role=role, text=text, sent_at=sent_at, channel=channel))
        role = "agent" if role == "customer" else "customer"
    customer = rng.choice((None, Customer(timezone=rng.choice(ZONES)), Customer(first_name="Мария", timezone=rng.choice(ZONES))))
    locale = None if switch_to else rng.choice((lang, None))
    return Conversation(messages=tuple(messages[:n]), customer=customer, locale=locale)


def _conversations() -> list[Conversation]:
    rng = random.Random(14)
    return [generated(rng, lang, rng.randint(30, 60)) for lang in TEXTS for _ in range(2)] + [
        generated(rng, lang, rng.randint(30, 60), other) for lang, other in (("ru", "en"), ("uk", "de"), ("en", "bg"), ("hu", "ru"))
    ]


CONVERSATIONS = _conversations()


def _one_by_one(conversation: Conversation, config: replykit.Config | None = None) -> list[replykit.Report]:
    messages = conversation.messages
    return [
        replykit.check(conversation.model_copy(update={"messages": messages[: i + 1]}), config=config)
        for i, m in enumerate(messages)
        if m.role == "agent"
    ]


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: f"{c.locale}-{len(c.messages)}")
def test_score_conversation_equals_checking_each_prefix(conversation: Conversation) -> None:
    scored = replykit.score_conversation(conversation)
    expected = _one_by_one(conversation)
    assert len(scored.replies) == len(expected)
    for i, (got, want) in enumerate(zip(scored.replies, expected, strict=True)):
        assert got == want, f"reply {i}"


def test_the_generated_conversations_exercise_the_conversation_rules() -> None:
    """The comparison above means something only if the shared work shows in the findings."""
    codes = {f.code for c in CONVERSATIONS for r in replykit.score_conversation(c).replies for f in r.findings}
    assert {"RK601", "RK603", "RK605"} <= codes, codes
    assert any(code.startswith("RK4") for code in codes), codes
    assert any(code.startswith("RK3") for code in codes), codes
    assert any(code.startswith("RK2") for code in codes), codes


def test_score_conversation_with_options_equals_checking_each_prefix() -> None:
    config = replykit.Config.model_validate({"bundling": {"lookback": 2}, "conversation": {"count_business_time": False}})
    for conversation in CONVERSATIONS[::3]:
        assert list(replykit.score_conversation(conversation, config=config).replies) == _one_by_one(conversation, config)


def test_audit_of_rows_equals_checking_each_prefix() -> None:
    rows = [
        {"conversation_id": k, "role": m.role, "text": m.text, "sent_at": m.sent_at, "channel": m.channel,
         "locale": c.locale, "timezone": c.customer.timezone if c.customer else None}
        for k, c in enumerate(CONVERSATIONS[:4])
        for m in c.messages
    ]  # fmt: skip
    audited = replykit.audit(rows, workers=1).replies
    expected = []
    for c in CONVERSATIONS[:4]:
        customer = Customer(timezone=c.customer.timezone) if c.customer and c.customer.timezone else None
        expected += _one_by_one(c.model_copy(update={"customer": customer}))
    assert [(a.language, a.score, tuple((f.code, f.start, f.end, f.message) for f in a.findings)) for a in audited] == [
        (r.language, r.score, tuple((f.code, f.start, f.end, f.message) for f in r.findings)) for r in expected
    ]
