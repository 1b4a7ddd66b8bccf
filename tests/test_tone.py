"""RK7xx: marker presence, syllables and the readability formulas, computed once per reply."""

from __future__ import annotations

import pytest

import replykit
from replykit.tone.lexicon import tone_data


@pytest.mark.parametrize(
    ("lang", "word", "syllables"),
    [
        ("ru", "молоко", 3),
        ("ru", "высококвалифицированный", 10),
        ("ru", "СМС", 1),  # no vowel: still one syllable
        ("en", "make", 1),  # silent final e
        ("en", "table", 2),  # ...but not in -le
        ("en", "beautiful", 3),  # vowel groups
        ("en", "administration", 5),
    ],
)
def test_syllables(lang, word, syllables):
    data = tone_data(lang)
    assert data is not None and data.readability is not None
    assert data.readability.syllables(word) == syllables


def test_oborneva_formula_for_russian():
    # 3 words, 6 syllables, 1 sentence: 206.835 - 1.3*3 - 60.1*2 and 0.5*3 + 8.4*2 - 15.59
    card = replykit.check("Мама мыла раму.", locale="ru").scorecard
    assert card.readability.reading_ease == round(206.835 - 1.3 * 3 - 60.1 * 2, 1)
    assert card.readability.grade == round(0.5 * 3 + 8.4 * 2 - 15.59, 1)
    assert (card.readability.words, card.readability.syllables, card.readability.sentences) == (3, 6, 1)
    assert "Oborneva" in card.readability.index


def test_flesch_formula_for_english():
    card = replykit.check("The cat sat on the mat. It was a big cat.", locale="en").scorecard
    words, sentences, syllables = 11, 2, 11
    expected = 206.835 - 1.015 * words / sentences - 84.6 * syllables / words
    assert card.readability.reading_ease == round(expected, 1)


def test_amstad_and_wiener_sachtextformel_for_german():
    # Counted by hand: 8 words in 2 sentences; syllables Wir 1, schicken 2, die 1, Rechnung 2,
    # morgen 2, Sie 1, bekommen 3, Zahlungsbestätigung 6 = 18; 3+ syllables: 2 (25 %);
    # one syllable: 3 (37.5 %); 7+ letters: schicken, Rechnung, bekommen, Zahlungsbestätigung (50 %).
    card = replykit.check("Wir schicken die Rechnung morgen. Sie bekommen Zahlungsbestätigung.", locale="de").scorecard
    r = card.readability
    assert (r.words, r.sentences, r.syllables) == (8, 2, 18)
    assert r.reading_ease == round(180 - 8 / 2 - 58.5 * 18 / 8, 1)
    assert r.grade == round(0.1935 * 25 + 0.1672 * 4 + 0.1297 * 50 - 0.0327 * 37.5 - 0.875, 1)
    assert "Amstad" in r.index


def test_grade_formula_rejects_unknown_terms():
    from replykit.errors import ConfigError
    from replykit.tone.lexicon import _readability

    raw = {"vowels": "aeiou", "index": "x", "ease": [1, 1, 1], "grade": {"letters_per_word": 1.0}, "long_word_syllables": 4}
    with pytest.raises(ConfigError, match="letters_per_word"):
        _readability(raw, "xx")


def test_no_readability_index_without_data():
    assert replykit.check("Jó napot! A rendelését feladtuk.", locale="hu").scorecard.readability is None


def test_markers_present_and_absent():
    card = replykit.check(
        "Здравствуйте! Спасибо, что написали. Понимаю, как неприятно ждать. Заказ отправлен.", locale="ru"
    ).scorecard
    assert card.markers == {"thanks": True, "apology": False, "acknowledgement": True, "further_help": False}


def test_marker_in_quoted_history_does_not_count():
    text = "Здравствуйте! Заказ отправлен.\n\n> Спасибо заранее, извините за беспокойство!"
    card = replykit.check(text, locale="ru").scorecard
    assert card.markers["thanks"] is False and card.markers["apology"] is False


def test_gap_phrase_allows_a_few_words_between():
    found = replykit.check("Hello! If you have any other questions, reply here.", locale="en").scorecard.markers
    assert found["further_help"] is True
    far = replykit.check("Hello! If the parcel is late we refund it; no questions.", locale="en").scorecard.markers
    assert far["further_help"] is False  # more than four words between "if" and "questions"


def test_user_extends_markers_from_config():
    config = {"select": ["RK701"], "tone": {"extra": {"ru": {"thanks": ["мерси"]}}}}
    assert replykit.check("Мерси за ожидание! Заказ отправлен.", locale="ru", config=config).codes() == []
    assert replykit.check("Заказ отправлен.", locale="ru", config=config).codes() == ["RK701"]


def test_absent_marker_rules_are_off_by_default_and_quiet_on_empty_text():
    assert "RK701" not in replykit.check("Заказ отправлен.", locale="ru").codes()
    assert replykit.check("", locale="ru", config={"select": ["RK7"]}).findings == ()


def test_thresholds_are_configurable():
    text = "Мы проверили ваш заказ и отправили его сегодня утром курьерской службой."  # 11 words
    assert replykit.check(text, locale="ru", config={"select": ["RK711"]}).codes() == []
    tight = {"select": ["RK711"], "tone": {"max-sentence-words": 10}}
    assert replykit.check(text, locale="ru", config=tight).codes() == ["RK711"]


def test_short_reply_is_not_judged_by_the_index():
    text = "Осуществление возврата невозможно."  # hard, but three words
    assert replykit.check(text, locale="ru", config={"select": ["RK713"]}).codes() == []


def test_hard_to_read_reports_only_the_hard_sentences():
    easy = "Мы вернём деньги завтра."
    hard = (
        "Информируем о невозможности осуществления незамедлительной обработки обращения вследствие "
        "технологических работ, проводимых специалистами технической поддержки."
    )
    report = replykit.check(f"{easy} {hard} {easy}", locale="ru", config={"select": ["RK713"]})
    assert [f.excerpt for f in report.findings] == [hard]


def test_tone_facts_are_computed_once_per_reply(monkeypatch):
    from replykit.tone import analysis

    calls = []
    original = analysis.tone_data
    monkeypatch.setattr(analysis, "tone_data", lambda *a: calls.append(a) or original(*a))
    replykit.check("Здравствуйте! Спасибо. " * 10, locale="ru", config={"select": ["RK7"]})
    assert len(calls) == 1


@pytest.mark.parametrize("phrase", ["", "...", "если ...", "  "])
def test_empty_marker_phrase_is_a_config_error(phrase):
    with pytest.raises(replykit.ConfigError, match="marker"):
        replykit.check("Здравствуйте!", locale="ru", config={"tone": {"extra": {"ru": {"thanks": [phrase]}}}})


def test_unknown_marker_kind_is_a_config_error():
    with pytest.raises(replykit.ConfigError, match="tone"):
        replykit.check("Здравствуйте!", config={"tone": {"extra": {"ru": {"hugs": ["обнимаю"]}}}})



def _exchange(customer_text, reply, lang="ru"):
    from replykit import Conversation, Message

    conv = Conversation(messages=(Message(role="customer", text=customer_text), Message(role="agent", text=reply)))
    return replykit.check(conv, locale=lang, config={"select": ["RK705"]})


def test_upset_customer_quoted_in_the_finding():
    (finding,) = _exchange("Заказ так и не пришёл!", "Здравствуйте! Заказ у курьера.").findings
    assert "так и не" in finding.message and finding.excerpt == "Здравствуйте!"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Вы работаете в субботу? Хочу забрать заказ."),  # «работаете», not «не работает»
        ("en", "Do you still have the blue one in stock?"),  # "still" alone is no complaint
        ("de", "Ist der Artikel noch lieferbar?"),
        ("ru", "Спасибо, всё пришло, всё отлично!"),
    ],
)
def test_a_calm_customer_needs_no_apology(lang, text):
    assert _exchange(text, "OK, we will check.", lang).findings == ()


def test_upset_words_in_the_history_the_customer_quotes_do_not_count():
    text = "Here is the photo you asked for.\n\n> We are sorry the kettle arrived broken.\n> Please send a photo."
    assert _exchange(text, "Thank you, a replacement is on its way.", "en").findings == ()


def test_upset_phrases_extend_from_config():
    from replykit import Conversation, Message

    conv = Conversation(messages=(Message(role="customer", text="Это беспредел."), Message(role="agent", text="Заказ у курьера.")))
    assert replykit.check(conv, locale="ru", config={"select": ["RK705"]}).findings == ()
    extended = {"select": ["RK705"], "tone": {"extra": {"ru": {"upset": ["беспредел"]}}}}
    assert replykit.check(conv, locale="ru", config=extended).codes() == ["RK705"]
