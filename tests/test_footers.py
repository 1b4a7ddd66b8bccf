"""Boilerplate footers: disclaimers, sent-from lines, requisites and unsubscribe notices end a reply
as a segment of their own, which no rule reads; the same phrases in the body stay the agent's."""

from __future__ import annotations

from itertools import pairwise

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import replykit
from replykit._data import read_data
from replykit.document import Document
from replykit.text.quotes import segment

# (body the agent wrote, footer appended to it) in each language
FOOTERS = {
    "ru": (
        "Здравствуйте, Мария!\n\nЗаказ № 4821 передан в доставку, курьер позвонит заранее.\n\nС уважением,\nАнна",
        ("Данное сообщение и все вложения к нему являются конфиденциальными и предназначены исключительно "
        "для адресата.\nЕсли вы получили это сообщение по ошибке, сообщите отправителю и удалите его.\n\n"
        "ООО «Ромашка», ИНН 7701234567, ОГРН 1027700132195\nwww.romashka.ru"),
    ),
    "uk": (
        "Вітаю, Олено!\n\nЗамовлення № 4821 вже передали до служби доставки.\n\nЗ повагою,\nАнна",
        ("Ця електронна пошта та будь-які вкладення є конфіденційними і призначені лише для адресата.\n"
        "ТОВ «Ромашка», код ЄДРПОУ 12345678"),
    ),
    "bg": (
        "Здравейте, Мария!\n\nПоръчка № 4821 е предадена на куриер днес.\n\nПоздрави,\nАнна",
        ("Това съобщение е поверително и е предназначено само за посочения адресат.\n"
        "Ако сте получили това съобщение по грешка, моля, изтрийте го.\nЕИК 123456789"),
    ),
    "hu": (
        "Kedves Mária!\n\nA 4821-es rendelését ma átadtuk a futárnak.\n\nÜdvözlettel,\nAnna",
        ("Ez az e-mail bizalmas információt tartalmaz, és kizárólag a címzett részére szól.\n"
        "Amennyiben nem Ön a címzett, kérjük, törölje.\nAdószám: 12345678-2-42\n\nKüldve az iPhone-omról"),
    ),
    "en": (
        "Hello Mary,\n\nyour order 4821 has left our warehouse and the courier will call you first.\n\nBest regards,\nAnna",
        ("This e-mail and any attachments are confidential and intended solely for the addressee.\n"
        "If you are not the intended recipient, please notify the sender and delete it.\n\n"
        "Please consider the environment before printing this e-mail.\n\nSent from my iPhone"),
    ),
    "de": (
        "Hallo Frau Müller,\n\nIhre Bestellung 4821 ist heute an den Kurier gegangen.\n\nMit freundlichen Grüßen\nAnna",
        ("Diese E-Mail enthält vertrauliche Informationen und ist ausschließlich für den Adressaten bestimmt.\n\n"
        "Beispiel GmbH, Registergericht: Amtsgericht München, HRB 12345\nGeschäftsführer: Max Muster\n"
        "USt-IdNr.: DE123456789"),
    ),
}


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in segment(text)]


@pytest.mark.parametrize("lang", sorted(FOOTERS))
def test_trailing_footer_is_its_own_segment_and_has_no_tokens(lang):
    body, footer = FOOTERS[lang]
    text = f"{body}\n\n{footer}"
    assert _kinds(text) == [("own", f"{body}\n\n"), ("footer", footer)]
    doc = Document(text)
    assert doc.own_end == len(body) + 2
    assert doc.tokens == Document(body).tokens
    assert doc.language == lang


@pytest.mark.parametrize("lang", sorted(FOOTERS))
def test_footer_is_not_checked(lang):
    """The rules report on the reply with its footer what they report on it without one."""
    body, footer = FOOTERS[lang]
    assert replykit.check(f"{body}\n\n{footer}").findings == replykit.check(body).findings


def test_footer_above_quoted_history_and_after_a_signature():
    body = "Hello,\nyour refund is on its way."
    footer = "This message is confidential and intended only for the addressee.\nwww.example.com\n\n"
    history = "On Mon, 3 Jun 2024, Ivan <i@example.com> wrote:\n> where is my money?"
    assert [k for k, _ in _kinds(f"{body}\n\n{footer}{history}")] == ["own", "footer", "quote"]
    signed = f"{body}\n-- \nAnna\nSent from my iPhone"
    assert _kinds(signed) == [("own", f"{body}\n"), ("signature", "-- \nAnna\n"), ("footer", "Sent from my iPhone")]


def test_hard_wrapped_disclaimer_and_html_footer():
    wrapped = (
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential\nand may be privileged. If "
        "you are not the intended recipient, please\nnotify the sender.\nAny unauthorised use is strictly prohibited."
    )
    assert _kinds(f"Hello,\nDone.\n\nBest,\nAnna\n\n{wrapped}")[-1] == ("footer", wrapped)
    html = Document(
        "<p>Заказ отправлен.</p><p>С уважением,<br>Анна</p><p style='font-size:8pt'>Данное сообщение и любые "
        "приложения к нему конфиденциальны.</p><p>Отправлено из мобильной Почты Mail.ru</p>"
    )
    [footer] = [s for s in html.segments if s.kind == "footer"]
    assert html.text[footer.start : footer.end].startswith("Данное сообщение")
    assert html.text[html.own_end - 5 : html.own_end].strip() == "Анна"


@pytest.mark.parametrize(
    "footer",
    [
        "View in browser | Unsubscribe | Manage preferences",
        "You are receiving this email because you signed up at example.com.\nUnsubscribe",
        "Вы получили это письмо, так как подписаны на рассылку.\nОтписаться",
        "Wenn Sie diesen Newsletter nicht mehr erhalten möchten, klicken Sie hier.",
    ],
)
def test_unsubscribe_notice_is_a_footer(footer):
    assert _kinds(f"Hi,\nthanks.\n\n{footer}")[-1] == ("footer", footer)


# A phrase of a footer inside the agent's own text, followed by more of it, or the whole reply.
NEAR_MISSES = [
    "Здравствуйте!\n\nВаши данные конфиденциальны и не передаются третьим лицам.\nЗаказ придёт завтра.",
    (
        "Здравствуйте!\n\nДанное сообщение является конфиденциальным, поэтому отвечаю лично.\n\nЗаказ придёт завтра, "
        "курьер позвонит за час до приезда и уточнит удобное время доставки."
    ),
    "Спасибо!\nВаш ИНН 7701234567 мы внесли в договор.",
    "Здравствуйте!\n\nВы можете отписаться от рассылки в письме.",
    "Здравствуйте!\n\nЧтобы отписаться от рассылки, нажмите ссылку внизу письма.",
    "Здравствуйте!\n\nОтписаться от рассылки можно в личном кабинете",
    "Hi,\nyour order shipped.\n\nTo unsubscribe, click the link at the bottom of any of our emails.",
    "Данное сообщение и все вложения к нему являются конфиденциальными.",
    "Вітаю!\n\nЦей лист конфіденційний, тому надсилаю його лише вам.\nЗамовлення прийде завтра, кур'єр зателефонує за годину.",
    "Здравейте!\n\nЕИК на фирмата ни е 123456789, той е посочен и във фактурата.\nПратката пристига утре.",
    "Üdvözöljük!\n\nEz az e-mail bizalmas adatot tartalmaz, ezért ne továbbítsa.\nA csomag holnap érkezik, a futár előtte telefonál.",
    "Hello,\n\nif you are not the intended recipient of the parcel, just refuse it at the door.\nWe will then refund you in full.",
    "Thanks!\n\nI sent from my office the documents you asked for yesterday and will check they arrived.",
    "Hallo,\n\ndiese E-Mail ist vertraulich, bitte leiten Sie sie nicht weiter.\nIhre Bestellung kommt morgen, der Kurier ruft vorher an.",
    "Hallo,\n\nbitte nennen Sie uns Ihre USt-IdNr. DE123456789 erneut.\nDann stellen wir die Rechnung sofort neu aus.",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_footer_phrases_in_the_body_stay_the_agents(text):
    assert [k for k, _ in _kinds(text)] == ["own"]


def test_footer_data_compiles_and_covers_every_language():
    data = read_data("replykit.text", "footers")
    assert set(data) == {"ru", "uk", "bg", "hu", "en", "de"}
    for lang, cues in data.items():
        assert set(cues) == {"starts", "lines"} and all(cues.values()), lang
        for pattern in (*cues["starts"], *cues["lines"]):
            regex.compile(pattern, regex.I)


_LINES = st.sampled_from(
    [
        "Здравствуйте!",
        "Заказ отправлен, трек-номер пришлём завтра.",
        "",
        "  ",
        "-- ",
        "Анна",
        "> где заказ?",
        "Вт, 3 июня 2024 г. в 10:00, Иван <i@example.ru> пишет:",
        "Данное сообщение является конфиденциальным и предназначено только для адресата.",
        "предназначено исключительно для адресата, копирование запрещено.",
        "ООО «Ромашка», ИНН 7701234567",
        "Sent from my iPhone",
        "This e-mail is confidential",
        "www.example.com",
        "Diese E-Mail ist vertraulich.",
    ]
)


@given(st.lists(_LINES, max_size=12), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_segments_tile_the_text(lines, newline, trailing):
    text = newline.join(lines) + (newline if trailing else "")
    segments = segment(text)
    assert "".join(text[s.start : s.end] for s in segments) == text
    assert all(a.end == b.start and a.kind != b.kind for a, b in pairwise(segments))
    assert all(s.start < s.end for s in segments)
    kinds = [s.kind for s in segments]
    assert kinds[:1] != ["footer"]
    if "footer" in kinds:  # only quoted history (and blank lines) follows a footer
        assert set(kinds[kinds.index("footer") :]) <= {"quote", "footer"}
    doc = Document(text, html=False)
    footer = next((s.start for s in segments if s.kind == "footer"), len(text))
    assert doc.own_end <= footer and all(t.end <= doc.own_end for t in doc.tokens)
