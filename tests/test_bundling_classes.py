"""Bundling mechanisms that cover whole classes of phrasing (issue 5): verb families, reports of
the past, mute and referral phrases, cue containment; each with a near miss."""

from __future__ import annotations

import pytest

from replykit.bundling.lexicon import _family
from tests.test_bundling import _answered, _asked


def test_a_verb_family_holds_aspect_pairs_and_safe_prefixes_only():
    pay = _family("ru", "платить")
    assert {"заплатить", "оплатить", "оплачивать", "доплатить", "расплатиться"} <= set(pay)
    assert "выплатить" not in pay  # "вы-" changes the meaning and is not in the pack's prefixes
    change = _family("ru", "менять")
    assert {"поменять", "обменять", "обменивать", "заменить", "заменять"} <= set(change)
    assert not {"отменить", "изменить", "сменить"} & set(change)
    assert {"сплатити", "оплачувати", "заплатити"} <= set(_family("uk", "платити"))
    assert "змінити" not in _family("uk", "міняти")


@pytest.mark.parametrize(
    ("lang", "text", "topics"),
    [
        ("ru", "Можно заплатить через неделю после доставки?", {"payment_timing"}),
        ("ru", "Можно заменить платье на размер меньше?", {"warranty"}),
        ("ru", "Можно поменять адрес доставки на другой?", set()),
        ("ru", "Хочу отменить заказ, это можно?", set()),
        ("uk", "Чи можна доплатити пізніше?", {"payment_timing"}),
        ("uk", "Чи можна поміняти куртку на інший колір?", {"warranty"}),
        ("uk", "Чи можна поміняти адресу доставки?", set()),
    ],
)
def test_every_verb_of_a_family_asks(lang, text, topics):
    assert _asked(lang, text) == topics


@pytest.mark.parametrize(
    ("lang", "text", "topics"),
    [
        ("ru", "Оплачу сразу или когда доставите?", {"payment_timing"}),
        ("ru", "Как оплатить и когда доставите?", {"payment_method", "lead_time"}),
        ("en", "Can I pay once it is delivered?", {"payment_timing"}),
        ("en", "Can I pay by card, and when will it arrive?", {"payment_method", "lead_time"}),
    ],
)
def test_paying_when_the_goods_come_asks_when_to_pay(lang, text, topics):
    assert _asked(lang, text) == topics


@pytest.mark.parametrize(
    ("lang", "text", "topics"),
    [
        ("en", "I expect a refund of $50 for my order, can you help?", set()),
        ("en", "Can you help me check the status of my refund?", set()),
        ("en", "Can I get a refund if the shoes do not fit?", {"warranty"}),
        ("ru", "Где посмотреть статус возврата?", set()),
        ("ru", "Как оформить возврат?", {"warranty"}),
    ],
)
def test_a_refund_claimed_or_tracked_is_not_a_question_about_returns(lang, text, topics):
    assert _asked(lang, text) == topics


@pytest.mark.parametrize(
    ("lang", "muted", "plain"),
    [
        ("ru", "Деньги вернутся на карту в течение недели.", "Оплатить можно картой."),
        ("uk", "Гроші повернуться на картку протягом тижня.", "Оплатити можна карткою."),
        ("en", "The money will be refunded to your credit card.", "We accept credit cards."),
        ("de", "Der Betrag wird auf Ihre Kreditkarte erstattet.", "Sie können mit Kreditkarte zahlen."),
    ],
)
def test_money_coming_back_to_a_card_names_no_way_to_pay(lang, muted, plain):
    assert "payment_method" not in _answered(lang, muted)
    assert "payment_method" in _answered(lang, plain)


@pytest.mark.parametrize(
    ("lang", "past", "future"),
    [
        ("ru", "Заказ передан в службу доставки 3 мая.", "Заказ доставим 3 мая."),
        ("ru", "Оплата прошла, статус обновится через час.", "Оплатить нужно в течение часа."),
        ("uk", "Замовлення передано до служби доставки 3 травня.", "Замовлення доставимо 3 травня."),
        ("en", "Your order was shipped on May 3.", "Your order will be shipped on May 3."),
        ("de", "Die Bestellung wurde am 3. Mai versandt.", "Wir versenden die Bestellung am 3. Mai."),
        ("bg", "Поръчката беше изпратена на 3 май.", "Ще изпратим поръчката на 3 май."),
    ],
)
def test_a_clause_that_reports_the_past_tells_no_time(lang, past, future):
    assert not {"lead_time", "payment_timing"} & _answered(lang, past)
    assert {"lead_time", "payment_timing"} & _answered(lang, future)


def test_a_refund_reported_still_cues_its_period():
    text = "Деньги за возврат отправлены сегодня, они поступят в течение 3 рабочих дней."
    assert _answered("ru", text) == {"warranty"}


@pytest.mark.parametrize(
    ("lang", "referral", "answer"),
    [
        ("ru", "Подробности о рассрочке смотрите на нашем сайте.", "Рассрочка доступна на 12 месяцев."),
        ("uk", "Подробиці про розстрочку дивіться на нашому сайті.", "Розстрочка доступна на 12 місяців."),
        ("en", "See the details of our installment plans on our website.", "Installments are available for 12 months."),
    ],
)
def test_a_sentence_that_points_elsewhere_only_names_the_topic(lang, referral, answer):
    assert "payment_timing" not in _answered(lang, referral)
    assert "payment_timing" in _answered(lang, answer)


@pytest.mark.parametrize(
    ("lang", "other", "online"),
    [
        ("ru", "Прайс на сайте, запишитесь онлайн.", "Оплатить можно онлайн."),
        ("en", "You can book online.", "You can pay online."),
        ("de", "Termine buchen Sie online.", "Sie können online bezahlen."),
    ],
)
def test_online_is_a_way_to_pay_only_beside_paying(lang, other, online):
    assert "payment_method" not in _answered(lang, other)
    assert "payment_method" in _answered(lang, online)


@pytest.mark.parametrize(
    ("lang", "text", "topics"),
    [
        ("ru", "Подписка с доставкой — 500 ₽.", {"price"}),
        ("ru", "Доставка — 500 ₽.", {"delivery_cost"}),
        ("en", "It is $40 including delivery.", {"price"}),
        ("en", "Delivery is $5.", {"delivery_cost"}),
        ("en", "The pizzas come to $42 and we'll deliver in 40 minutes.", {"price", "lead_time"}),
        ("de", "Auf die Montage geben wir 1 Jahr Garantie.", {"warranty"}),
    ],
)
def test_a_longer_cue_and_the_side_of_a_shadowing_cue(lang, text, topics):
    assert _answered(lang, text) == topics


@pytest.mark.parametrize(
    ("lang", "text", "topics"),
    [
        ("bg", "Колко е доставката до Бургас?", {"delivery_cost"}),
        ("bg", "Мога ли да сменя якето с друг цвят?", {"warranty"}),
        ("bg", "Мога ли да сменя адреса?", set()),
        ("de", "Kann ich die Jacke gegen ein anderes Modell tauschen?", {"warranty"}),
        ("de", "Kann ich die Lieferadresse ändern?", set()),
        ("en", "Could I switch the shoes for a smaller size?", {"warranty"}),
        ("en", "Can I swap an item in my order before it ships?", set()),
        ("en", "When will the parcel turn up?", {"lead_time"}),
    ],
)
def test_exchange_and_arrival_verbs(lang, text, topics):
    assert _asked(lang, text) == topics
