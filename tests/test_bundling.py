"""The bundling family: detection, rules on conversations, options, and the bundle() builder."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import replykit
from replykit.bundling.lexicon import normalize
from replykit import ConfigError, Conversation, Message, Offer, bundle, farewell, greeting

QUESTIONS = {
    "ru": "Здравствуйте! Сколько стоит шкаф и когда сможете привезти?",
    "uk": "Добрий день! Скільки коштує шафа і коли зможете привезти?",
    "bg": "Здравейте! Колко струва гардеробът и кога ще го доставите?",
    "hu": "Jó napot! Mennyibe kerül a szekrény, és mikor tudják szállítani?",
    "en": "Hello! How much is the wardrobe and when can you deliver it?",
    "de": "Guten Tag! Was kostet der Schrank und wann können Sie liefern?",
}
CURRENCY = {"ru": "RUB", "uk": "UAH", "bg": "BGN", "hu": "HUF", "en": "USD", "de": "EUR"}


def conversation(question: str, reply: str, *earlier: Message) -> Conversation:
    return Conversation(messages=(*earlier, Message(role="customer", text=question), Message(role="agent", text=reply)))


def codes(value, lang: str, **kwargs) -> list[str]:
    return replykit.check(value, locale=lang, config={"select": ["RK4"], **kwargs}).codes()


def _answered(lang: str, text: str, asked: tuple[str, ...] = ()) -> set[str]:
    from replykit.bundling.detect import answers
    from replykit.bundling.lexicon import pack

    p = pack(lang)
    assert p is not None
    return set(answers(p, text, asked=asked))


def _asked(lang: str, text: str) -> set[str]:
    from replykit.bundling.detect import questions
    from replykit.bundling.lexicon import pack
    from replykit.document import Document

    p = pack(lang)
    assert p is not None
    return {m.topic for m in questions(p, Document(text, language=lang)).asked}


FULL = Offer(
    price=Decimal(1500),
    lead_time=timedelta(days=2),
    payment_timing="on_delivery",
    payment_methods=("card", "cash", "transfer"),
)


def test_builder_matches_the_issue_example():
    # babel puts no-break spaces inside amounts, as the locale wants
    assert bundle(FULL, locale="ru") == (
        "Стоимость — 1\u00a0500\u00a0₽, доставим через 2 дня. Оплата при получении: картой, наличными или переводом."
    )


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
@pytest.mark.parametrize(
    "offer",
    [
        FULL,
        Offer(
            price=Decimal("12990.5"),
            delivery_date=date(2026, 3, 2),
            delivery_cost=Decimal(0),
            payment_timing="prepayment",
            payment_methods=("card", "online"),
        ),
        Offer(
            price=Decimal(249),
            lead_time=timedelta(days=21),
            delivery_cost=Decimal(300),
            payment_timing="invoice",
            invoice_due=timedelta(days=14),
            payment_methods=("transfer",),
        ),
        Offer(
            price=Decimal(5), lead_time=timedelta(days=1), payment_timing="after_delivery", payment_methods=("cash",)
        ),
        Offer(
            price=Decimal(80), lead_time=timedelta(days=3), payment_timing="invoice", payment_methods=("invoice", "transfer")
        ),
    ],
)
def test_builder_output_passes_every_check(lang, offer):
    offer = offer.model_copy(update={"currency": CURRENCY[lang]})
    body = bundle(offer, locale=lang)
    reply = f"{greeting(locale=lang)}\n\n{body}\n\n{farewell(locale=lang, signature='Anna')}"
    report = replykit.check(conversation(QUESTIONS[lang], reply), locale=lang)
    assert report.findings == (), (body, report.findings)
    assert codes(conversation(QUESTIONS[lang], "OK."), lang), "the question itself must be detected"


@pytest.mark.parametrize(
    ("locale", "currency", "price"),
    [
        ("en", "CHF", "CHF\u00a01,500"),  # a code of letters is set off from the digits
        ("de_AT", "RUB", "RUB\u00a01.500"),
        ("en", "EUR", "€1,500"),  # a symbol is not
        ("en_CA", "USD", "US$1,500"),
        ("ru", "RUB", "1\u00a0500\u00a0₽"),
    ],
)
def test_builder_spaces_currency_codes_as_cldr_says(locale, currency, price):
    assert price in bundle(Offer(price=Decimal(1500), currency=currency), locale=locale)


def test_builder_does_not_list_the_invoice_twice():
    text = bundle(Offer(payment_timing="invoice", payment_methods=("invoice",)), locale="en")
    assert text.lower().count("invoice") == 1, text
    both = bundle(Offer(payment_timing="invoice", payment_methods=("invoice", "card")), locale="en")
    assert both.lower().count("invoice") == 1 and "card" in both, both


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_builder_plural_forms_follow_the_locale(lang):
    texts = {n: bundle(Offer(lead_time=timedelta(days=n)), locale=lang) for n in (1, 2, 5)}
    assert len(set(texts.values())) == 3
    assert all(str(n) in texts[n] for n in (2, 5))


def test_builder_rejects_bad_input():
    with pytest.raises(ValueError):
        Offer(currency="XXQ", price=1)
    with pytest.raises(ValueError):
        Offer()
    with pytest.raises(ValueError):
        Offer(lead_time=timedelta(days=1), delivery_date=date(2026, 1, 1))
    with pytest.raises(ValueError):
        Offer(price=-1)
    with pytest.raises(ConfigError):
        bundle(FULL, locale="xx_YY")
    with pytest.raises(ConfigError):
        bundle(FULL, locale="fr")
    with pytest.raises(ConfigError):
        bundle({"price": 1}, locale="ru")  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(
    price=st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False),
    days=st.integers(min_value=1, max_value=120),
    methods=st.lists(st.sampled_from(["card", "cash", "transfer", "invoice", "online"]), unique=True, max_size=5),
    lang=st.sampled_from(sorted(QUESTIONS)),
)
def test_builder_always_answers_what_it_was_given(price, days, methods, lang):
    offer = Offer(
        price=price,
        currency=CURRENCY[lang],
        lead_time=timedelta(days=days),
        payment_timing="prepayment",
        payment_methods=tuple(methods),
    )
    question = QUESTIONS[lang]
    assert "RK401" not in codes(conversation(question, bundle(offer, locale=lang)), lang)


def test_bare_reply_never_fires():
    assert codes("Всё есть на сайте.", "ru") == []
    assert codes(Message(role="agent", text="Звоните по телефону."), "ru") == []


def test_unanswered_question_names_topic_and_quotes_customer():
    report = replykit.check(
        conversation("Подскажите, пожалуйста, сколько стоит доставка в Тверь?", "Здравствуйте! Заказ оформлен."),
        locale="ru",
        config={"select": ["RK401"]},
    )
    (finding,) = report.findings
    assert "delivery cost" in finding.message and "стоит доставка" in finding.message
    assert finding.excerpt == "Здравствуйте! Заказ оформлен."


def test_bundle_lists_exactly_the_missing_members():
    report = replykit.check(
        conversation("Сколько стоит стол?", "Стол стоит 4 500 ₽, доставим завтра."),
        locale="ru",
        config={"select": ["RK402"]},
    )
    (finding,) = report.findings
    assert "cover: payment timing, payment method." in finding.message
    assert "“стоит”" in finding.message
    assert "lead time" not in finding.message.split(":", 1)[1]
    assert finding.excerpt == "Стол стоит 4 500 ₽, доставим завтра."


def test_earlier_agent_messages_and_customer_statements_cover_members():
    earlier = Message(role="agent", text="Оплата при получении, картой или наличными.")
    first = Message(role="customer", text="Хочу заказать стол.")
    conv = Conversation(
        messages=(
            first,
            earlier,
            Message(role="customer", text="Сколько стоит стол?"),
            Message(role="agent", text="Стол стоит 4 500 ₽, доставим через 3 дня."),
        )
    )
    assert codes(conv, "ru") == []
    stated = conversation("Оплачу картой при получении. Сколько стоит стол?", "Стол стоит 4 500 ₽, привезём завтра.")
    assert codes(stated, "ru") == []


def test_points_elsewhere_only_without_an_answer():
    question = "Добрый день! Почём у вас диван «Лира»?"
    assert "RK403" in codes(conversation(question, "Здравствуйте! Все цены есть на нашем сайте."), "ru")
    answered = "Здравствуйте! Диван стоит 29 900 ₽, фото есть на нашем сайте."
    assert "RK403" not in codes(conversation(question, answered), "ru")


def test_user_topic_and_bundle_from_config():
    config = {
        "bundling": {
            "topics": {
                "assembly": {
                    "label": "assembly",
                    "phrases": {
                        "ru": {
                            "ask": ["~сборка", "~собрать"],
                            "answer": ["~сборка ~бесплатный", "~собрать .. ~бесплатно"],
                        }
                    },
                }
            },
            "bundles": {"furniture": {"members": ["price", "assembly"], "triggers": ["price"]}},
            "builtin-bundles": False,
        }
    }
    conv = conversation("Сколько стоит шкаф?", "Шкаф стоит 20 000 ₽.")
    report = replykit.check(conv, locale="ru", config={"select": ["RK4"], **config})
    assert [f.code for f in report.findings] == ["RK402"]
    assert "assembly" in report.findings[0].message
    conv = conversation("А собрать сможете?", "Да.")
    assert codes(conv, "ru", **config) == ["RK401"]


@pytest.mark.parametrize(
    "bad",
    [
        {"bundles": {"x": {"members": ["price", "nope"]}}},
        {"bundles": {"x": {"members": []}}},
        {"bundles": {"x": {"members": ["price"], "triggers": ["lead_time"]}}},
        {"topics": {"price": {"label": "cost"}}},
        {"topics": {"assembly": {"label": "assembly"}}},
        {"topics": {"assembly": {"phrases": {"ru": {"ask": [" "]}}}}},
        {"topics": {"assembly": {"phrases": {"fr": {"ask": ["montage"]}}}}},
        {"deflect": {"xx": ["site"]}},
    ],
)
def test_bad_options_are_config_errors(bad):
    with pytest.raises(ConfigError):
        replykit.check("x", config={"bundling": bad})


@pytest.mark.parametrize("phrase", ["~montage", "montage ...", "wann .."])
def test_bad_phrase_syntax_is_a_config_error(phrase):
    config = {"bundling": {"topics": {"assembly": {"phrases": {"de": {"ask": [phrase]}}}}}}
    with pytest.raises(ConfigError):
        replykit.check(conversation("Montage?", "Ja."), locale="de", config=config)


def test_config_file_from_the_docs(tmp_path):
    docs = (Path(__file__).resolve().parent.parent / "docs" / "bundling.md").read_text("utf-8")
    toml = docs.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    config = replykit.load_config(start=tmp_path)
    conv = conversation("Здравствуйте! Сколько стоит стол «Лофт»?", "Здравствуйте! Стол «Лофт» стоит 14 500 ₽.")
    (finding,) = replykit.check(conv, locale="ru", config=config.merged(select=["RK402"])).findings
    assert finding.message.endswith("lead time, payment timing, payment method, assembly. Answer it now.")
    deflecting = conversation("Сколько стоит?", "Напишите нам в телеграм.")
    assert "RK403" in codes(deflecting, "ru", **config.model_dump(include={"bundling"}))
    validity = conversation("How long is the voucher valid?", "Hello! Thanks for asking.")
    assert "RK401" not in codes(validity, "en", **config.model_dump(include={"bundling"}))
    voucher = conversation("What is the price of the gift voucher?", "Hello! Thanks for asking.")
    assert "RK401" in codes(voucher, "en")
    assert "RK401" not in codes(voucher, "en", **config.model_dump(include={"bundling"}))


def test_a_statement_in_an_earlier_message_settles_a_member():
    conv = Conversation(
        messages=(
            Message(role="customer", text="Оплачу картой."),
            Message(role="agent", text="Хорошо, спасибо."),
            Message(role="customer", text="А сколько стоит стол и когда доставите?"),
            Message(role="agent", text="Стол стоит 4 500 ₽, доставим завтра."),
        )
    )
    (finding,) = replykit.check(conv, locale="ru", config={"select": ["RK402"]}).findings
    assert finding.message.endswith("cover: payment timing. Answer it now.")


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300), lang=st.sampled_from(sorted(QUESTIONS)))
def test_any_text_gives_findings_not_crashes(text, lang):
    conv = conversation(text or "?", text.replace("\x00", "") + " 1 500 ₽ 12.03 3–5 дней")
    for finding in replykit.check(conv, locale=lang, config={"select": ["RK4"]}).findings:
        assert 0 <= finding.start <= finding.end <= len(conv.messages[-1].text)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("У вас есть доставка в выходные? И сколько она стоит?", "delivery_cost"),
        ("Доставляете в Тверь? Сколько это стоит?", "delivery_cost"),
        ("Хочу диван с доставкой. Сколько он стоит?", "price"),
        ("Сколько стоит диван и когда доставка?", "price"),
    ],
)
def test_a_pronoun_refers_back_to_the_topic_named_before(question, topic):
    asked = _asked("ru", question)
    assert topic in asked and ({"price", "delivery_cost"} - {topic}).isdisjoint(asked)


def test_lookback_limits_what_earlier_messages_settle():
    history = (
        Message(role="customer", text="Оплачу картой."),
        Message(role="agent", text="Хорошо."),
        Message(role="customer", text="Понял."),
        Message(role="agent", text="Отлично."),
    )
    conv = conversation("Сколько стоит стол и когда доставите?", "Стол стоит 4 500 ₽, доставим завтра.", *history)
    assert (
        codes(conv, "ru") == ["RK402"]
        and "payment timing." in replykit.check(conv, locale="ru", config={"select": ["RK402"]}).findings[0].message
    )
    (finding,) = replykit.check(conv, locale="ru", config={"select": ["RK402"], "bundling": {"lookback": 1}}).findings
    assert finding.message.endswith("payment timing, payment method. Answer it now.")
    with pytest.raises(ConfigError):
        replykit.check(conv, config={"bundling": {"lookback": 0}})


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_bare_builder_output_passes_every_check_in_a_running_chat(lang):
    """In a chat the agent already greeted in, the paragraph alone is a complete reply."""
    offer = FULL.model_copy(update={"currency": CURRENCY[lang]})
    conv = Conversation(
        messages=(
            Message(role="customer", text=QUESTIONS[lang], channel="chat"),
            Message(role="agent", text=greeting(locale=lang, channel="chat"), channel="chat"),
            Message(role="customer", text=QUESTIONS[lang], channel="chat"),
            Message(role="agent", text=bundle(offer, locale=lang), channel="chat"),
        )
    )
    report = replykit.check(conv, locale=lang)
    assert report.findings == (), report.findings


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Акция действует до 30 апреля."),
        ("ru", "Аренда зала — 3 500 ₽ в час, за 4 часа — 14 000 ₽."),
        ("ru", "Да, счёт выставим сегодня."),
        ("bg", "Ягодите днес са по 8 лв. за килограм."),
        ("hu", "Az eper ma 1 800 Ft kilója."),
        ("en", "Our spring sale runs until April 30."),
        ("de", "Unser Sommerschlussverkauf läuft bis zum 31. August."),
    ],
)
def test_a_date_or_duration_without_a_delivery_cue_answers_no_lead_time(lang, text):
    assert "lead_time" not in _answered(lang, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Посылка придёт через 3 дня."),
        ("uk", "Диван виготовимо за 3 тижні."),
        ("bg", "Техникът ще дойде в четвъртък сутринта."),
        ("hu", "A szerelő csütörtökön érkezik."),
        ("en", "The courier will deliver it this afternoon, it takes about two hours."),
        ("de", "Der Techniker kommt am Donnerstag."),
    ],
)
def test_a_delivery_or_production_cue_makes_a_date_a_lead_time(lang, text):
    assert "lead_time" in _answered(lang, text)


def test_a_bare_date_answers_the_lead_time_only_when_it_was_asked():
    reply = "Можем в пятницу с 18 до 22."
    assert "lead_time" not in _answered("ru", reply)
    assert "lead_time" in _answered("ru", reply, asked=("lead_time",))
    # and so in a conversation: asked "when", answered with a bare day
    assert "RK401" not in codes(conversation("Когда сможете привезти?", "Здравствуйте! В пятницу с 18 до 22."), "ru")
    assert "RK401" in codes(conversation("Когда сможете привезти?", "Здравствуйте! Спасибо за заказ."), "ru")


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("ru", "Дети до 7 лет проходят бесплатно.", "price"),
        ("ru", "Курьер заберёт товар бесплатно.", "delivery_cost"),
        ("en", "Shipping is free of charge.", "delivery_cost"),
        ("de", "Die Montage ist kostenlos.", "price"),
    ],
)
def test_free_is_an_amount_owned_like_money(lang, text, topic):
    other = "price" if topic == "delivery_cost" else "delivery_cost"
    assert topic in _answered(lang, text)
    assert other not in _answered(lang, text)


def test_an_amount_after_a_delivery_clause_is_the_delivery_cost():
    assert _answered("ru", "Да, доставляем в пункты выдачи, стоимость — 99 ₽.") == {"delivery_cost"}
    # an amount of its own in between keeps the total a price
    assert _answered("ru", "Плитка — 6 600 ₽, доставка — 900 ₽, итого 7 500 ₽.") == {"price", "delivery_cost"}
    # a cue after the amount does not take it over
    assert "price" in _answered("de", "Drei Pizzen kosten 36 €, wir liefern in 40 Minuten.")


def test_hungarian_case_endings_after_a_hyphen_belong_to_the_word():
    assert _asked("hu", "Lehet Google Pay-jel fizetni?") == {"payment_method"}
    assert "payment_method" in _answered("hu", "Igen, PayPal-lal is fizethet.")
    assert "lead_time" in _answered("hu", "A csomag március 12-ig megérkezik.")
    # other languages keep a hyphenated word whole
    assert "payment_method" not in _asked("ru", "Это сплит-система?")


def test_a_lemma_inside_a_hyphenated_phrase_matches_every_form():
    assert _asked("ru", "Можно ли расплатиться по QR-коду?") == {"payment_method"}


def test_a_longer_phrase_wins_and_shadows_what_it_holds():
    assert _asked("bg", "Какъв е срокът за доставка до Бургас?") == {"lead_time"}
    assert _asked("hu", "Mennyi a garancia a mosógépre?") == {"warranty"}


def test_a_short_follow_up_question_asks_what_the_sentence_before_stated():
    assert _asked("ru", "Закажу у вас, если привезёте до субботы. Реально?") == {"lead_time"}
    assert _asked("ru", "Закажу у вас, если привезёте до субботы.") == set()
    assert _asked("ru", "Закажу у вас, если привезёте до субботы. Спасибо.") == set()


def test_exclude_phrases_keep_validity_periods_out_of_lead_time():
    assert _asked("ru", "Уточните, пожалуйста, срок действия сертификата.") == set()
    assert _asked("ru", "Уточните, пожалуйста, срок изготовления.") == {"lead_time"}
    assert _asked("uk", "Який термін придатності крему?") == set()
    config = {"bundling": {"topics": {"lead_time": {"phrases": {"en": {"exclude": ["how long .. valid"]}}}}}}
    conv = conversation("How long is the voucher valid?", "Hello! Thanks for asking.")
    assert "RK401" in codes(conversation("How long does delivery take?", "Hello! Thanks for asking."), "en")
    assert "RK401" not in codes(conv, "en", **config)


def test_a_german_verb_at_the_clause_end_is_found_far_from_wann():
    assert _asked("de", "Wann kann ich meinen Laptop aus der Reparatur abholen?") == {"lead_time"}


def test_an_earlier_bare_date_covers_the_lead_time_asked_then():
    history = (
        Message(role="customer", text="Когда сможете привезти шкаф?"),
        Message(role="agent", text="Здравствуйте! В пятницу с 18 до 22."),
    )
    assert "RK402" not in codes(conversation("А сколько он стоит?", "Шкаф стоит 14 500 ₽, оплата при получении картой.", *history), "ru")
    history = (Message(role="customer", text="Добрый день."), Message(role="agent", text="Здравствуйте! В пятницу с 18 до 22."))
    assert "RK402" in codes(conversation("А сколько он стоит?", "Шкаф стоит 14 500 ₽, оплата при получении картой.", *history), "ru")


def _pack_patterns(lang: str) -> list:
    from dataclasses import fields

    from replykit.bundling.lexicon import PhrasePattern, pack

    p = pack(lang)
    assert p is not None
    holders = [p, *p.topics.values()]
    found = [getattr(h, f.name) for h in holders for f in fields(h)]
    return [x for x in found if isinstance(x, PhrasePattern)]


def _labelled_texts(lang: str) -> list[str]:
    import tomllib

    folder = Path(__file__).parent / "data" / "bundling"
    texts = []
    for path in sorted(folder.glob(f"**/{lang}.toml")):
        for pair in tomllib.loads(path.read_text(encoding="utf-8"))["pair"]:
            texts += [pair["customer"], pair["reply"]]
    return texts


def _joined(phrases):
    """The one alternation of all groups that a PhrasePattern stands for."""
    return regex.compile(f"{phrases._prefix}(?:{'|'.join(phrases._bodies)}){phrases._end}", regex.IGNORECASE)


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_pattern_groups_find_what_the_joined_pattern_finds(lang):
    """Each pack pattern searches only the groups of phrases whose first word begins a run of
    the text; on every labelled text, in three letter cases, it finds what one alternation of
    all its groups finds (on a third of the texts): the same matches by `finditer`, `search` from a later place, `match`
    and `fullmatch` at every word."""
    texts = [normalize(t) for t in _labelled_texts(lang)][::3]  # a third of them: the test takes seconds
    variants = [v for t in texts for v in (t, t.upper())] + [t.title() for t in texts[:100]]
    variants += [f"X-{t}1{t[::-1]}" for t in texts[:40]]
    patterns = _pack_patterns(lang)
    assert len(patterns) > 25 and len(texts) >= 100
    joined = [_joined(p) for p in patterns]
    for text in variants:
        for phrases, whole in zip(patterns, joined):
            assert [m.span() for m in phrases.finditer(text)] == [m.span() for m in whole.finditer(text)]
            middle = len(text) // 2
            assert _span(phrases.search(text, middle)) == _span(whole.search(text, middle))
    words = [(t, m.start(), m.end()) for t in variants[:120] for m in regex.finditer(r"\w+", t)]
    for phrases, whole in zip(patterns, joined):
        for text, start, end in words:
            assert _span(phrases.match(text, start)) == _span(whole.match(text, start))
            assert _span(phrases.fullmatch(text, start, end)) == _span(whole.fullmatch(text, start, end))


def _span(found):
    return None if found is None else found.span()


def test_pattern_groups_compile_when_a_text_may_need_them():
    from replykit.bundling.lexicon import PhrasePattern, compile_phrases

    phrases = compile_phrases("ru", ["~+платить .. ~заранее", "предоплат*", "аванс"])
    assert isinstance(phrases, PhrasePattern)
    assert phrases.search("Сколько стоит доставка?") is None
    assert phrases._compiled == [None, None, None]
    assert phrases.search("А ПРЕДОПЛАТА нужна?") is not None
    assert sum(c is not None for c in phrases._compiled) == 1
    assert [m.group() for m in phrases.finditer("Аванс или оплатить заранее? Предоплата?")] == [
        "Аванс",
        "оплатить заранее",
        "Предоплата",
    ]
    amounts = compile_phrases("ru", ["# ~штука"])
    assert amounts is not None and amounts.search("Осталось 3 штуки") is not None
    assert compile_phrases("ru", ["$ сверху"]).search("ещё $5 сверху") is not None
    assert compile_phrases("ru", ["в ~наличие"]).search("Есть В НАЛИЧИИ") is not None
    assert compile_phrases("uk", ["п'ять ~день"]).search("За п'ять днів") is not None
