"""`fix`: safe fixes only, to a fixed point, never inside slots or markup; the CLI `fix` command."""

from __future__ import annotations

import codecs
import re
from datetime import datetime, timezone

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import replykit
from replykit import Customer, Message
from replykit.autofix import _protected, _safe_outside, fix_report
from replykit.cli import main
from replykit.document import Document
from replykit.text.slots import find_slots

POOLS = {
    "ru": {
        "greeting": ["Привет", "Здравствуйте", "Добрый день", "Доброе утро", "Добрый вечер", "Хай", "Уважаемая", "Дорогой"],
        "name": ["", ", Мария", ", Мария Ивановна", ", Иванова", ", Марии", ", {{ name }}", " {{ name }}", " %NAME%", ", [ИМЯ]"],
        "body": [
            "Ваш заказ №{n} отправлен сегодня.",
            "Курьер позвонит за час до приезда, {{ first_name }}.",
            "Стоимость доставки — {n} ₽.",
            "Спасибо, что написали нам!",
            "Если возникнут вопросы, пишите.",
            "Деньги вернутся на карту {{ card | mask }} в течение 3 дней.",
            "{% if vip %}Доставка бесплатна.{% endif %}",
            "Можешь написать нам в любое время.",
            "Напиши, если остались вопросы, {{ name }}.",
            "Твой заказ уже у курьера.",
        ],
        "farewell": ["Пока!", "Бывай!", "С уважением,\nАнна", "Всего доброго!", ""],
    },
    "en": {
        "greeting": ["Hi", "Hey", "Hello", "Good morning", "Good evening", "Yo"],
        "name": ["", " Maria", " {{ name }}", " *|FNAME|*"],
        "body": [
            "Your order #{n} has shipped today.",
            "The courier will call you an hour before, {{ first_name }}.",
            "Thank you for your patience!",
            "If you have any questions, let us know.",
            "Your refund of ${n} is on its way.",
        ],
        "farewell": ["Bye!", "See ya!", "Kind regards,\nAnna", "Best,\n{{ agent }}", ""],
    },
    "de": {
        "greeting": ["Hi", "Hey", "Guten Tag", "Guten Morgen", "Servus"],
        "name": ["", " Frau Müller", " {{ name }}"],
        "body": [
            "Ihre Bestellung {n} wurde versandt.",
            "Vielen Dank für Ihre Geduld!",
            "Bei Fragen melden Sie sich gerne.",
            "Kannst du uns schreiben?",
            "bei fragen melden sie sich.",
        ],
        "farewell": ["Tschüss!", "Bis bald!", "Mit freundlichen Grüßen\nAnna", ""],
    },
}


@st.composite
def replies(draw):
    lang = draw(st.sampled_from(sorted(POOLS)))
    pool = POOLS[lang]
    html = draw(st.booleans())
    greeting = draw(st.sampled_from(pool["greeting"]))
    if html and draw(st.booleans()):
        greeting = f"<b>{greeting}</b>"
    opening = f"{greeting}{draw(st.sampled_from(pool['name']))}!"
    bodies = [b.replace("{n}", str(draw(st.integers(1, 99999)))) for b in draw(st.lists(st.sampled_from(pool["body"]), min_size=1, max_size=3))]
    farewell = draw(st.sampled_from(pool["farewell"]))
    paragraphs = [opening, " ".join(bodies)] + ([farewell] if farewell else [])
    if html:
        text = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    else:
        text = draw(st.sampled_from(["\n\n", "\n", " "])).join(paragraphs)
    hour = draw(st.none() | st.integers(0, 23))
    sent_at = datetime(2026, 3, 2, hour, 10, tzinfo=timezone.utc) if hour is not None else None
    channel = draw(st.sampled_from(["email", "chat"]))
    message = Message(role="agent", text=text, sent_at=sent_at, channel=channel)
    named = lang == "ru" and draw(st.booleans())
    customer = None
    if hour is not None or named:
        customer = Customer(
            timezone="Europe/Moscow" if hour is not None else None,
            first_name="Мария" if named else None,
            patronymic="Ивановна" if named else None,
            last_name="Иванова" if named else None,
            gender="female" if named else None,
        )
    return message, dict(locale=lang, customer=customer, template=draw(st.booleans()), html=html)


def _tags(text: str) -> list[str]:
    return re.findall(r"<[^<>]*>", text)


_SLOT_SALUTATION = (
    Message(role="agent", text="<p>Дорогой %NAME%!</p><p>Ваш заказ №1 отправлен сегодня.</p><p>Пока!</p>"),
    dict(locale="ru", customer=None, template=True, html=True),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(replies())
@example(_SLOT_SALUTATION)  # RK309 rewrites around a slot it keeps
@example(  # ...but not across a tag it would drop: that fix is left out, RK309 stays reported
    (
        Message(role="agent", text="<p><b>Уважаемая</b> {{ name }}!</p><p>Ваш заказ №1 отправлен сегодня.</p>"),
        dict(locale="ru", customer=None, template=True, html=True),
    )
)
def test_fix_is_safe_idempotent_and_fixes_what_it_claims(case):
    message, kwargs = case
    before = replykit.check(message, **kwargs)
    fixed, after = fix_report(message, kwargs["locale"], kwargs["customer"], None, kwargs["template"], kwargs["html"])
    # Idempotent: a second pass changes nothing more.
    assert replykit.fix(message.model_copy(update={"text": fixed}), **kwargs) == fixed
    # Slots and markup are intact and in the same order.
    assert [s.text for s in find_slots(fixed)] == [s.text for s in find_slots(message.text)]
    assert _tags(fixed) == _tags(message.text)
    # Nothing safe is left to apply, and every rule whose safe fix was applied is now satisfied.
    doc = Document(fixed, template=kwargs["template"], html=kwargs["html"], language=kwargs["locale"])
    assert _safe_outside(after.findings, _protected(doc), fixed) == []
    # Rules whose safe fix could be applied (not dropped for touching a slot or tag) are satisfied.
    original = Document(message.text, template=kwargs["template"], html=kwargs["html"], language=kwargs["locale"])
    fixed_codes = {f.code for f in _safe_outside(before.findings, _protected(original), message.text)}
    assert not fixed_codes & set(after.codes()), (message.text, fixed, after.codes())
    # Unsafe suggestions are never applied: only safe-fix rules changed the text.
    if not fixed_codes:
        assert fixed == message.text


def test_familiar_greeting_and_farewell_fixed():
    text = "Привет, {{ name }}!\n\nЗаказ отправлен.\n\nПока!"
    fixed = replykit.fix(text, template=True)
    assert fixed == "Здравствуйте, {{ name }}!\n\nЗаказ отправлен.\n\nВсего доброго!"
    assert {"RK107", "RK108"}.isdisjoint(replykit.check(fixed, template=True).codes())


def test_unsafe_fix_is_only_suggested():
    text = "Заказ отправлен."
    assert replykit.fix(text) == text
    report = replykit.check(text)
    assert any(not fx.safe for f in report.findings for fx in f.fixes)


def test_fix_touching_a_slot_or_tag_is_dropped():
    text = "<p><b>При</b>вет, {{ name }}!</p>"
    doc = Document(text, template=True)
    spans = _protected(doc)
    assert (text.index("{{"), text.index("}}") + 2) in spans
    assert any(a <= text.index("<b>") < b for a, b in spans)
    from replykit import Finding, Fix

    def finding(start: int, end: int) -> Finding:
        return Finding(code="RK107", rule="r", severity="warning", message="m", start=start, end=end, excerpt="",
                       fixes=(Fix(start=start, end=end, replacement="X"),))

    across_tag = finding(text.index("При"), text.index("вет") + 3)
    in_slot = finding(text.index("name"), text.index("name") + 4)
    outside = finding(text.index("вет"), text.index("вет") + 3)
    assert _safe_outside((across_tag, in_slot, outside), spans, text) == [outside]
    assert replykit.fix(text, template=True) == text  # the greeting is split by a tag: left alone


def test_fix_may_cover_a_slot_it_keeps_verbatim():
    from replykit import Finding, Fix

    text = "Уважаемый {{ name }}! Заказ отправлен."
    spans = _protected(Document(text, template=True))
    end = text.index("}}") + 2

    def finding(replacement: str) -> Finding:
        return Finding(code="RK309", rule="r", severity="warning", message="m", start=0, end=end, excerpt="",
                       fixes=(Fix(start=0, end=end, replacement=replacement),))

    keeps, drops, alters = finding("Здравствуйте, {{ name }}"), finding("Здравствуйте"), finding("Здравствуйте, {{name}}")
    assert _safe_outside((keeps, drops, alters), spans, text) == [keeps]
    fixed = replykit.fix(text, template=True)
    assert fixed.startswith("Здравствуйте, {{ name }}!") and "RK309" not in replykit.check(fixed, template=True).codes()


def test_fix_uses_conversation_context():
    from replykit import Conversation

    conversation = Conversation(
        messages=(
            Message(role="customer", text="Привет! Ты где?"),
            Message(role="agent", text="Привет! Сейчас посмотрю.", channel="chat"),
        )
    )
    assert replykit.fix(conversation) == "Привет! Сейчас посмотрю."  # the customer was familiar first


def test_cli_fix_diff_and_rewrite(tmp_path, capsys):
    path = tmp_path / "reply.txt"
    original = "Привет, {{ name }}!\r\n\r\nЗаказ отправлен.\r\n\r\nПока!"
    path.write_bytes(codecs.BOM_UTF8 + original.encode("utf-8"))
    assert main(["fix", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "-Привет, {{ name }}!" in out and "+Здравствуйте, {{ name }}!" in out
    assert path.read_bytes() == codecs.BOM_UTF8 + original.encode("utf-8")  # --diff writes nothing
    assert main(["fix", str(path)]) == 0
    assert path.read_bytes() == codecs.BOM_UTF8 + original.replace("Привет", "Здравствуйте").replace(
        "Пока!", "Всего доброго!"
    ).encode("utf-8")
    assert main(["fix", "--diff", str(path)]) == 0 and capsys.readouterr().out == ""


def test_cli_fix_stdin(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("Hey! Your order has shipped."))
    assert main(["fix", "-", "--locale", "en"]) == 0
    assert capsys.readouterr().out == "Hello! Your order has shipped."


def test_cli_fix_missing_file(tmp_path, capsys):
    assert main(["fix", str(tmp_path / "nope.txt")]) == 2


def test_word_that_only_looks_like_a_greeting_is_not_rewritten():
    # Found by benchmarks/scorecard_eval.py: "Здорово, что…" ("great that…") is no greeting.
    text = "Здорово, что вам понравилось! Заказ отправлен."
    assert replykit.fix(text, locale="ru") == text


def test_docs_fix_list_is_current():
    from pathlib import Path

    from replykit.catalogue import fixes_markdown

    doc = (Path(__file__).resolve().parents[1] / "docs" / "autofix.md").read_text(encoding="utf-8")
    assert doc.endswith(fixes_markdown()), "docs/autofix.md is stale: regenerate its table with `replykit rules --format fixes`"


def test_cli_rules_fixes_format(capsys):
    from replykit.catalogue import fixes_markdown

    assert main(["rules", "--format", "fixes"]) == 0
    out = capsys.readouterr().out
    assert out == fixes_markdown() and "| RK107 | familiar-greeting | applied |" in out


def test_fix_rejects_bad_input_like_check():
    import pytest

    with pytest.raises(replykit.InputError):
        replykit.fix(None)  # type: ignore[arg-type]
    with pytest.raises(replykit.InputError):
        replykit.fix("abc\x00")


def test_cli_diff_marks_missing_final_newline(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text("Привет!", encoding="utf-8")
    assert main(["fix", "--diff", str(path)]) == 1
    assert "+Здравствуйте!\n\\ No newline at end of file\n" in capsys.readouterr().out
