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


@pytest.mark.parametrize(
    ("lang", "text", "topics"),
    [
        ("ru", "Вы сможете привезти шкаф в субботу?", {"lead_time"}),
        ("ru", "У вас есть доставка в выходные?", set()),  # a noun with a date names a service
        ("ru", "Я оплатил заказ 12 марта?", set()),  # a report of the past
        ("uk", "Ви зможете привезти шафу в суботу?", {"lead_time"}),
        ("en", "Can you deliver the sofa on Friday?", {"lead_time"}),
        ("en", "Can I pay on March 15?", {"payment_timing"}),
        ("de", "Können Sie am Freitag liefern?", {"lead_time"}),
    ],
)
def test_a_question_with_a_delivery_or_payment_verb_and_a_date_asks_when(lang, text, topics):
    assert _asked(lang, text) == topics


@pytest.mark.parametrize(
    ("lang", "option", "stock"),
    [
        ("en", "Cash on delivery is available for every order.", "The sofa is available in grey."),
        ("hu", "Részletfizetés is elérhető.", "A kanapé szürkében is elérhető."),
        ("ru", "Свободные интервалы на четверг закончились.", "Этот размер закончился."),
    ],
)
def test_an_option_or_a_slot_that_is_available_is_no_stock(lang, option, stock):
    assert "availability" not in _answered(lang, option)
    assert "availability" in _answered(lang, stock)


@pytest.mark.parametrize(
    ("lang", "text", "topics"),
    [
        ("en", "How long does shipping take and what does it cost?", {"lead_time", "delivery_cost"}),
        ("en", "Do you ship to Canada? How much is it?", {"delivery_cost"}),
        ("en", "How much is it, and do you deliver to Boston?", {"price"}),
        ("en", "How much is the table and can you deliver it?", {"price"}),
        ("ru", "Доставка в Казань есть? Сколько она стоит?", {"delivery_cost"}),
        ("ru", "Сколько стоит пересылка в Минск?", {"delivery_cost"}),
        ("uk", "Чи є гарантія на пральну машину?", {"warranty"}),
        ("uk", "Чи є ця модель на складі?", {"availability"}),
    ],
)
def test_references_and_what_is_there(lang, text, topics):
    assert _asked(lang, text) == topics


@pytest.mark.parametrize(
    ("lang", "asking", "statement"),
    [
        ("de", "Nennen Sie mir bitte den Preis für das Sofa.", "Der Preis war mir zu hoch."),
        ("ru", "Назовите, пожалуйста, цену дивана.", "Цена меня устроила."),
        ("en", "Send me the price of the sofa, please.", "The price was fine."),
    ],
)
def test_a_request_for_information_asks(lang, asking, statement):
    assert _asked(lang, asking) == {"price"}
    assert _asked(lang, statement) == set()


@pytest.mark.parametrize(
    ("lang", "text", "topic", "near_miss"),
    [
        ("ru", "Машину отдадим на следующий день.", "lead_time", "Машину покрасим."),
        ("uk", "Машину віддамо наступного дня.", "lead_time", "Машину пофарбуємо."),
        ("bg", "Колата ще е готова на следващия ден.", "lead_time", "Колата е червена."),
        ("ru", "Ближайшая свободная дата — 18 ноября.", "lead_time", "Акция действует до 18 ноября."),
        ("en", "The next available slot is on Monday.", "lead_time", "The shop is closed on Monday."),
        ("en", "The courier will deliver it this afternoon.", "lead_time", "The courier called this afternoon."),
        ("ru", "Лицензия активируется после поступления оплаты.", "payment_timing", "Лицензия активируется сразу."),
        ("ru", "В пунктах выдачи можно оплатить заказ картой.", "payment_timing", "Оплатить заказ можно картой."),
        ("de", "Wir versenden nach Zahlungseingang.", "payment_timing", "Wir versenden morgen."),
        ("ru", "Вернём полную стоимость, если товар не был в употреблении.", "warranty", "Товар не был в употреблении."),
        ("en", "We will refund you in full.", "warranty", "We will call you."),
    ],
)
def test_handover_slots_payment_received_and_refund_promises_answer(lang, text, topic, near_miss):
    assert topic in _answered(lang, text)
    assert topic not in _answered(lang, near_miss)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "При заказе от 3 000 ₽ доставка бесплатная."),
        ("uk", "При замовленні від 1 000 грн доставка безкоштовна."),
        ("en", "Free delivery on orders over $50."),
        ("de", "Ab 50 € Bestellwert ist der Versand kostenlos."),
    ],
)
def test_an_order_value_threshold_is_no_price(lang, text):
    assert _answered(lang, text) == {"delivery_cost"}


def test_a_threshold_phrase_does_not_swallow_a_price():
    assert _answered("ru", "Стол стоит 3 000 ₽.") == {"price"}
    assert _answered("en", "The table is $50.") == {"price"}


def test_user_mute_phrases_extend_a_topic():
    import replykit
    from replykit import Conversation, Message

    conv = Conversation(
        messages=(
            Message(role="customer", text="What is the price of the gift voucher?"),
            Message(role="agent", text="Hello! Thanks for asking."),
        )
    )
    config = {"select": ["RK401"], "bundling": {"topics": {"price": {"phrases": {"en": {"mute": ["price of .. voucher*"]}}}}}}
    assert replykit.check(conv, locale="en", config={"select": ["RK401"]}).codes() == ["RK401"]
    assert replykit.check(conv, locale="en", config=config).codes() == []


@pytest.mark.parametrize(
    ("lang", "text", "topics"),
    [
        ("en", "What payment options are available?", {"payment_method"}),
        ("en", "Is the sofa available and can I pay by card?", {"availability", "payment_method"}),
    ],
)
def test_asking_whether_an_option_is_available_asks_about_the_option(lang, text, topics):
    assert _asked(lang, text) == topics


def test_where_to_check_or_see_asks_but_a_request_to_check_an_order_does_not():
    assert _asked("en", "Where do I see your refund policy.") == {"warranty"}
    assert _asked("en", "I paid by card, please check the order.") == set()
    assert _asked("en", "I checked the price yesterday.") == set()


def test_a_referral_mutes_only_its_own_clause():
    assert _answered("ru", "Оплата картой, подробности на сайте.") == {"payment_method"}
    assert _answered("ru", "Подробности об оплате картой — на сайте.") == set()


def test_a_lemma_written_in_another_form_matches_every_form_of_its_lemma():
    from replykit.bundling.lexicon import _lemma_forms

    assert {"денег", "деньгами"} <= set(_lemma_forms("ru", "деньги"))  # lemma: деньга
    assert _asked("ru", "Сколько денег я потеряю при отмене?") == {"price"}
    assert "payment_timing" not in _asked("ru", "Большая часть заказа уже пришла?")
    assert _asked("ru", "Можно оплатить частями?") == {"payment_timing"}


def test_already_with_the_present_is_no_report():
    assert "lead_time" in _answered("en", "It is already packed and ships tomorrow.")
    assert "lead_time" in _answered("ru", "Заказ уже собран и приедет завтра.")
    assert "lead_time" not in _answered("ru", "Заказ уже передан в доставку 3 мая.")


def test_a_discount_percent_is_no_price_and_details_elsewhere_answer_nothing():
    assert "price" not in _answered("ru", "Для пенсионеров скидка 10 % по будням.")
    assert "price" not in _answered("en", "We offer 10% off on weekdays.")
    assert "payment_timing" not in _answered("ru", "Подробности о рассрочке — на сайте.")


@pytest.mark.parametrize(
    ("lang", "yes", "deferred"),
    [
        ("ru", "Да, для студентов скидка 5 % по будням.", "Да, скидку для студентов уточним завтра."),
        ("uk", "Так, для студентів знижка 5 %.", "Так, знижку для студентів уточнимо завтра."),
        ("en", "Yes, students get a discount on weekdays.", "Yes, I will check the discount for students."),
        ("de", "Ja, Studenten bekommen Rabatt.", "Ja, den Rabatt für Studenten prüfen wir."),
    ],
)
def test_yes_or_no_naming_an_asked_topic_answers_it(lang, yes, deferred):
    assert "price" in _answered(lang, yes, asked=("price",))
    assert "price" not in _answered(lang, yes)  # nothing was asked
    assert "price" not in _answered(lang, deferred, asked=("price",))


@pytest.mark.parametrize(
    ("lang", "when", "callback"),
    [
        ("ru", "Когда сможете начать ремонт?", "Когда сможете перезвонить?"),
        ("uk", "Коли зможете почати ремонт?", "Коли зможете передзвонити?"),
    ],
)
def test_when_can_you_asks_the_lead_time_but_not_a_callback(lang, when, callback):
    assert _asked(lang, when) == {"lead_time"}
    assert _asked(lang, callback) == set()


@pytest.mark.parametrize(
    ("lang", "chasing", "statement"),
    [
        ("ru", "Третий день жду ответа по гарантии!", "Гарантия меня устраивает!"),
        ("uk", "Третій день чекаю відповіді щодо гарантії!", "Гарантія мене влаштовує!"),
        ("en", "Still waiting for an answer about the warranty!", "The warranty suits me!"),
        ("de", "Ich warte noch auf eine Antwort zur Garantie!", "Die Garantie passt mir!"),
    ],
)
def test_chasing_an_answer_asks(lang, chasing, statement):
    assert _asked(lang, chasing) == {"warranty"}
    assert _asked(lang, statement) == set()
