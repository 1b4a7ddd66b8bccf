"""The text pipeline: HTML offsets, quoted history, signatures, slots, tokens, language."""

from __future__ import annotations

import pytest
import regex
from hypothesis import assume, given
from hypothesis import strategies as st

import replykit
from replykit.document import Document
from replykit.text.plain import to_plain
from replykit.text.slots import find_slots, is_name_slot


def test_html_spans_point_into_original():
    html = "<p>Здравствуйте,&nbsp;<b>Мария</b>!</p><p>Заказ &laquo;отправлен&raquo;.</p><p>Пока!</p>"
    report = replykit.check(html, config={"select": ["RK108"]})
    [finding] = report.findings
    assert html[finding.start : finding.end] == "Пока"
    assert finding.excerpt == "Пока"


@given(st.lists(st.sampled_from(["<p>", "</p>", "<br>", "<div>", "<b>", "word", "я", "\xa0", " ", "  \n\t", "\r\n"])))
def test_html_whitespace_collapses_and_maps_back(parts):
    source = "<html>" + "".join(parts)
    plain = to_plain(source, html=True)
    assert "  " not in plain.text and "\n " not in plain.text
    for i, char in enumerate(plain.text):
        start, end = plain.starts[i], plain.ends[i]
        if char == " ":
            assert source[start:end].strip(" \t\r\n\f\v") == ""  # a space stands for a run of them
        elif char != "\n":
            assert (source[start], end) == (char, start + 1)


def test_html_entity_maps_to_whole_entity():
    doc = Document("<p>a &amp; b</p>")
    i = doc.text.index("&")
    assert doc.to_original(i, i + 1) == (5, 10)


def test_html_blockquote_is_quoted_history():
    doc = Document("<div>Здравствуйте! Готово.</div><blockquote>Привет, ты где?</blockquote>")
    words = [t.text for t in doc.tokens]
    assert "Готово" in words and "ты" not in words


def test_invisible_characters_do_not_split_words():
    text = "При\u200bвет! Заказ отправлен."
    report = replykit.check(text, config={"select": ["RK107"]})
    [finding] = report.findings
    assert text[finding.start : finding.end] == "При\u200bвет"


@pytest.mark.parametrize(
    "history",
    [
        "> Привет, ты где?\n> Жду ответа",
        "On Mon, 3 Jun 2024 at 10:00, Ivan <i@example.com> wrote:\nПривет, ты где?",
        "Вт, 3 июня 2024 г. в 10:00, Иван <i@example.ru> пишет:\nПривет, ты где?",
        "-----Original Message-----\nFrom: Ivan\nПривет, ты где?",
        "From: Ivan <i@example.ru>\nSent: Monday\nSubject: заказ\n\nПривет, ты где?",
        "-----Исходное сообщение-----\nПривет, ты где?",
    ],
)
def test_quoted_history_is_not_checked(history):
    text = f"Здравствуйте!\n\nЗаказ отправлен.\n\nС уважением, Анна\n\n{history}"
    doc = Document(text)
    assert "ты" not in [t.text for t in doc.tokens]
    assert replykit.check(text).findings == ()


def test_signature_after_dashes():
    doc = Document("Здравствуйте! Готово.\n-- \nАнна\nslack: anna")
    kinds = {t.text: t.segment for t in doc.tokens}
    assert kinds["Готово"] == "own" and kinds["Анна"] == "signature"


def test_interleaved_quotes_keep_agent_lines():
    doc = Document("> где заказ?\nОтправили вчера.\n> а оплата?\nКартой при получении.")
    words = [t.text for t in doc.tokens]
    assert words[:2] == ["Отправили", "вчера"] and "оплата" not in words


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Здравствуйте, {{ customer.first_name | capitalize }}!", "customer.first_name"),
        ("Hi {name},", "name"),
        ("Уважаемый %NAME%,", "name"),
        ("Здравствуйте, [ИМЯ]!", "имя"),
        ("Hello *|FNAME|*", "fname"),
        ("Hi {{ticket.requester.first_name}}", "ticket.requester.first_name"),
        ("Здравствуйте, ${client_name}", "client_name"),
    ],
)
def test_slots(text, name):
    [slot] = find_slots(text)
    assert slot.name == name
    assert is_name_slot(slot, frozenset(replykit.Config().name_slots))


@given(
    st.text(alphabet="{}%$*|<>[]()#-_:. \t\naZЯяß1٣\u0301", max_size=40)
    | st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x52F), max_size=40)
)
def test_slots_are_the_same_in_both_engines(text):
    from replykit.text.charsets import is_common
    from replykit.text.slots import _SLOT, _common_slot

    assume(is_common(text))
    found = [(m.span(), m.lastgroup, m.group(m.lastgroup or 0)) for m in _common_slot().finditer(text)]
    assert found == [(m.span(), m.lastgroup, m.group(m.lastgroup or 0)) for m in _SLOT.finditer(text)]


def test_markdown_link_and_footnote_are_not_slots():
    assert find_slots("См. [инструкцию](https://x.ru) и сноску [1].") == []


def test_template_slot_is_a_single_token():
    doc = Document("Здравствуйте, {{ name }}! Ваш заказ готов.", template=True)
    slot_tokens = [t for t in doc.tokens if t.kind == "slot"]
    assert [t.text for t in slot_tokens] == ["{{ name }}"]


def test_sentences_and_abbreviations():
    doc = Document("Сумма 5 тыс. руб. уже списана. Спасибо!")
    assert len(doc.sentences) == 2


def test_quoted_speech_marks_tokens():
    doc = Document("Клиент написал: «ты где?». Ответили сразу.")
    quoted = {t.text for t in doc.tokens if t.quoted}
    assert quoted == {"ты", "где", "?"}


# What a token is, read match by match: the tokenizer finds the same tokens by splitting.
_TOKEN_SPEC = regex.compile(
    r"(?P<word>\p{L}[\p{L}\p{M}]*(?:[\-'’]\p{L}[\p{L}\p{M}]*)*)|(?P<number>\d+(?:[.,:]\d+)*)|(?P<punct>[.!?…]+|\S)"
)


@given(
    st.text(alphabet="aZяЁß\u0301\u0903٣7.,:!?…-'’ \t\n\u3000\x1c«»\"", max_size=60)
    | st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x52F), max_size=60)  # split by `re`
    | st.text(alphabet=st.characters(min_codepoint=0x2000, max_codepoint=0x214F), max_size=20)
)
def test_tokens_are_the_matches_of_the_token_pattern(text):
    doc = Document(text, html=False)
    assume(not doc.slots and all(s.kind != "quote" for s in doc.segments))
    expected = [(m.group(), m.start(), m.end(), m.lastgroup) for m in _TOKEN_SPEC.finditer(doc.text)]
    assert [(t.text, t.start, t.end, t.kind) for t in doc.tokens] == expected
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence)
        assert (sentence.start, sentence.end) == (tokens[0].start, tokens[-1].end)


# Where a sentence starts, as plainly written; the tokenizer's patterns reorder it for speed.
_BOUNDARY_SPEC = regex.compile(r"\n[^\S\n]*\n\s*|\n\s*(?=[^\s\p{Ll}])|[.!?…][^\S\n]+(?=[^\s\p{Ll}])")


@given(
    st.text(alphabet="aZяЁ.!?…,- \t\n\r\x1c\u2028\u3000\xa0", max_size=60)
    | st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x52F), max_size=60)
    | st.text(alphabet=st.characters(min_codepoint=0x2000, max_codepoint=0x214F), max_size=20)
)
def test_sentence_boundaries_are_the_same_in_both_engines(text):
    from replykit.text.charsets import is_common
    from replykit.text.tokens import _BOUNDARY, _common

    expected = [m.end() for m in _BOUNDARY_SPEC.finditer(text)]
    assert [m.end() for m in _BOUNDARY.finditer(text)] == expected
    if is_common(text):
        assert [m.end() for m in _common().boundary.finditer(text)] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Здравствуйте! Ваш заказ уже отправлен, спасибо за ожидание.", "ru"),
        ("Вітаю! Ваше замовлення вже відправлено, дякуємо за очікування.", "uk"),
        ("Здравейте! Поръчката ви вече е изпратена, благодарим за търпението.", "bg"),
        ("Jó napot kívánok! A rendelését már feladtuk, köszönjük a türelmét.", "hu"),
        ("Hello! Your order has already shipped, thank you for waiting.", "en"),
        ("Guten Tag! Ihre Bestellung wurde bereits versandt, vielen Dank für Ihre Geduld.", "de"),
    ],
)
def test_language_detection(text, lang):
    assert replykit.check(text).language == lang


def test_locale_overrides_detection():
    assert replykit.check("Hello! Your order has shipped.", locale="de_DE").language == "de"


def test_mixed_scripts_and_emoji_do_not_crash():
    report = replykit.check("Здравствуйте 👋! Order №5 отправлен 🚚 today.\n\nС уважением")
    assert report.language == "ru"


def test_links_do_not_decide_the_language_and_customer_language_is_the_fallback():
    from replykit import Conversation, Message

    conv = Conversation(
        messages=(
            Message(role="customer", text="Здравствуйте! Сколько стоит доставка?"),
            Message(role="agent", text="https://shop.example.com/delivery info@shop.example.com"),
        )
    )
    assert replykit.check(conv).language == "ru"
    assert replykit.check("Hallo! Siehe https://example.com/ru/privet-kak-dela").language == "de"


def test_both_morphology_dictionaries_work_side_by_side():
    """pymorphy3 shares one Tag class between dictionaries; loading one must not break the other."""
    from replykit.morph import inflect, parse

    assert inflect("uk", "зробити", frozenset({"impr", "plur"}))
    assert inflect("ru", "напиши", frozenset({"impr", "plur"})) == "напишите"
    assert all("indc" in p.tag or "impr" in p.tag or "infn" in p.tag for p in parse("ru", "сделаешь"))
    with pytest.raises(replykit.ReplykitError):
        inflect("ru", "заказ", frozenset({"no-such-grammeme"}))
