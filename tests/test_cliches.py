"""RK5xx behaviour beyond the documented examples: spans, fixes, config, score, templates."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import replykit
from replykit import ConfigError, InputError
from replykit.cliches.templates import TemplateCluster

RK5 = {"select": ["RK5"]}


def _codes(text: str, **kwargs) -> list[str]:
    return replykit.check(text, config=kwargs.pop("config", RK5), **kwargs).codes()


def test_inflected_and_reordered_variants_match_with_exact_span():
    text = "Здравствуйте! За доставленные неудобства приносим свои извинения. Заказ приедет завтра."
    report = replykit.check(text, locale="ru", config={"select": ["RK501"]})
    [finding] = report.findings
    assert finding.excerpt == "За доставленные неудобства приносим свои извинения"
    assert text[finding.start : finding.end] == finding.excerpt


def test_quoted_customer_words_are_not_flagged():
    text = "Вы написали: «ваше обращение очень важно для нас — так мне ответили вчера». Разберёмся сегодня."
    assert "RK501" not in _codes(text, locale="ru")


def test_fix_suggests_alternative_in_matching_case():
    report = replykit.check("В случае возникновения вопросов звоните.", locale="ru", config={"select": ["RK502"]})
    [finding] = report.findings
    assert [f.replacement for f in finding.fixes] == ["Если будут вопросы"]
    assert not finding.fixes[0].safe


def test_intensifier_fix_drops_the_word():
    text = "Мы непременно разберёмся."
    report = replykit.check(text, locale="ru", config={"select": ["RK503"]})
    from replykit.fixes import apply_fixes

    fixed = apply_fixes(text, report.findings, unsafe=True)
    assert fixed == "Мы разберёмся."


def test_placeholders_error_in_sent_but_not_in_template_mode():
    text = "Здравствуйте, {{first_name}}! Ваш заказ {order_id} готов."
    report = replykit.check(text, locale="ru", config=RK5)
    assert [f.code for f in report.findings] == ["RK505", "RK505"]
    assert all(f.severity == replykit.Severity.ERROR for f in report.findings)
    assert replykit.check(text, locale="ru", config=RK5, template=True).findings == ()


def test_debris_in_quoted_history_is_ignored():
    text = "Заказ отправлен.\n\n> Здравствуйте, {name}! Lorem ipsum XXX"
    assert _codes(text, locale="ru") == []


def test_user_can_add_override_and_remove_entries():
    config = {
        "select": ["RK5"],
        "cliches": {
            "add": {"ru": [
                {"phrase": "в разрезе", "category": "bureaucratese", "alternative": "по"},
                {"phrase": "данный", "category": "intensifier"},  # overrides the built-in category
            ]},
            "remove": {"ru": ["в ближайший время"]},
        },
    }  # fmt: skip
    report = replykit.check("В разрезе данного заказа ответим в ближайшее время.", locale="ru", config=config)
    assert [(f.code, f.excerpt) for f in report.findings] == [("RK502", "В разрезе"), ("RK503", "данного")]


def test_user_placeholders_from_config():
    config = {"select": ["RK506"], "cliches": {"placeholders": [r"ПРОМО-0{4}"]}}
    assert _codes("Код купона: ПРОМО-0000", locale="ru", config=config) == ["RK506"]
    assert _codes("Код купона: ПРОМО-2024", locale="ru", config=config) == []


@pytest.mark.parametrize(
    "cliches",
    [
        {"add": {"xx": []}},
        {"add": {"ru": [{"phrase": "в разрезе", "category": "nonsense"}]}},
        {"add": {"ru": [{"phrase": "   ", "category": "service"}]}},
        {"placeholders": ["(unclosed"]},
        {"unknown": 1},
    ],
)
def test_invalid_options_raise_config_error(cliches):
    with pytest.raises(ConfigError):
        replykit.check("Текст.", config={"cliches": cliches})


def test_options_from_a_toml_file(tmp_path):
    (tmp_path / "replykit.toml").write_text(
        '[cliches]\nplaceholders = ["ZZZ+"]\n[cliches.remove]\nru = ["данный"]\n', encoding="utf-8"
    )
    config = replykit.load_config(start=tmp_path)
    assert config.cliches.placeholders == ("ZZZ+",)
    assert config.cliches.remove == {"ru": ["данный"]}


def test_score_formula():
    plain = "Здравствуйте, Анна! Ваш заказ отправлен, трек-номер пришлём завтра утром."
    assert replykit.cliche_score(plain, locale="ru") == 10.0
    heavy = "Уважаемый клиент! Приносим извинения за доставленные неудобства. Ваше обращение очень важно для нас."
    report = replykit.check(heavy, locale="ru", config=RK5)
    # 3 findings of weight 1, 13 words → D = 100·3/20 = 15 → 10 / (1 + 1.5) = 4.0
    assert [f.code for f in report.findings] == ["RK504", "RK501", "RK501"]
    assert replykit.cliche_score(report) == replykit.cliche_score(heavy, locale="ru") == 4.0
    with pytest.raises(InputError):
        replykit.cliche_score(42)  # type: ignore[arg-type]


def test_find_templates_reports_size_members_and_what_varies():
    names = ["Анна", "Иван Петрович", "Мария", "Ольга", "Пётр"]
    replies = [f"Здравствуйте, {n}! Ваш заказ № {100 + i} отправлен, трек-номер пришлём завтра." for i, n in enumerate(names)]
    replies.insert(2, "Совсем другой ответ про возврат денег на карту через банк.")
    replies.append("Спасибо!")
    [cluster] = replykit.find_templates(replies)
    assert isinstance(cluster, TemplateCluster)
    assert cluster.size == 5 and cluster.members == (0, 1, 3, 4, 5)
    assert [v.kind for v in cluster.varies] == ["name", "number"]
    assert cluster.pattern == "Здравствуйте, {name}! Ваш заказ № {number} отправлен, трек-номер пришлём завтра."


def test_find_templates_keeps_distinct_replies_apart_and_streams():
    replies = (f"Ответ номер {w} про совершенно разные вещи: {w} {w}" for w in ("доставку", "возврат", "гарантию"))
    assert replykit.find_templates(replies, min_words=3) == []


def _random_reply(rnd, vocabulary):
    return " ".join(rnd.choice(vocabulary) for _ in range(15)).capitalize() + "."


QUOTED = "\n\nOn Mon, 3 Jun 2024, Maria Ivanova <maria@example.com> wrote:\n" + "\n".join(
    f"> {line}" for line in [
        "Hello, I ordered a blue kettle two weeks ago and it has still not arrived,",
        "the tracking page says it left the warehouse but nothing has changed since then,",
        "could you please check what happened with my parcel and when I will get it,",
        "I also want to know whether I can change the delivery address to my office",
        "because I am not at home during the day and the courier cannot reach me there.",
    ]
)  # fmt: skip


def test_find_templates_compares_own_words_not_quoted_history_or_signature():
    rnd = random.Random(5)
    vocabulary = "order parcel refund courier warehouse address invoice card week today soon check team".split()
    own = [_random_reply(rnd, vocabulary) for _ in range(60)]
    signature = "\n-- \nAnna Petrova\nCustomer Care, Example Ltd.\nThis e-mail and any attachments are confidential " * 2
    quoted = [text + signature + QUOTED for text in own]
    # the same thread quoted under 60 unrelated answers makes them look alike as whole strings
    assert replykit.find_templates(quoted, own_text=False)
    assert replykit.find_templates(quoted) == []
    # and one canned answer is found whatever history is quoted under it, in HTML too
    canned = "Hello {}, we have sent your refund today, it will reach your card within five working days."
    threads = [canned.format(n) + f"\n\nOn Tue, {n} wrote:\n> " + _random_reply(rnd, vocabulary) for n in ("Ann", "Bob", "Eve")]
    threads.append(f"<p>{canned.format('Max')}</p><blockquote>{_random_reply(rnd, vocabulary)}</blockquote>")
    [cluster] = replykit.find_templates([*threads, *own[:5]])
    assert cluster.members == (0, 1, 2, 3)
    assert cluster.pattern.startswith("Hello {name}, we have sent your refund today")


LEGAL_FOOTER = (
    "This e-mail and any attachments are confidential and intended solely for the addressee. If you are not the "
    "intended recipient, please notify the sender immediately and delete it; any use, copying or disclosure of its "
    "contents is prohibited.\nPlease consider the environment before printing this e-mail."
)


def test_find_templates_leaves_out_a_legal_footer():
    """One disclaimer under unrelated replies, with no "-- " above it, does not make them copies."""
    rnd = random.Random(11)
    vocabulary = "order parcel refund courier warehouse address invoice card week today soon check team".split()
    footed = [f"{_random_reply(rnd, vocabulary)}\n\nAnna Petrova\n\n{LEGAL_FOOTER}" for _ in range(80)]
    assert replykit.find_templates(footed, own_text=False)  # as whole strings the footer pulls them together
    assert replykit.find_templates(footed) == []
    canned = "Hello {}, we have sent your refund today, it will reach your card within five working days."
    footers = [LEGAL_FOOTER, "Sent from my iPhone", "Registergericht: Amtsgericht München, HRB 12345", ""]
    replies = [f"{canned.format(n)}\n\n{f}" for n, f in zip(("Ann", "Bob", "Eve", "Max"), footers)]
    [cluster] = replykit.find_templates([*replies, *footed[:5]])
    assert cluster.members == (0, 1, 2, 3)


@pytest.mark.parametrize("bad", [None, "text", ["ok", 5]])
def test_find_templates_rejects_bad_input(bad):
    with pytest.raises(InputError):
        replykit.find_templates(bad)


def test_find_templates_rejects_bad_parameters():
    with pytest.raises(ConfigError):
        replykit.find_templates([], threshold=0)
    with pytest.raises(ConfigError):
        replykit.find_templates([], min_size=1)


@pytest.mark.parametrize(
    ("text", "replacement"),
    [("Данного товара нет.", "Этого"), ("Доставку осуществляет курьер.", "делает"), ("Мы не можем осуществить доставку.", "сделать")],
)
def test_one_word_alternative_takes_the_replaced_word_form(text, replacement):
    [finding] = replykit.check(text, locale="ru", config={"select": ["RK502"]}).findings
    assert [f.replacement for f in finding.fixes] == [replacement]


def test_mail_separator_line_is_not_debris_but_a_blank_is():
    assert _codes("Заказ отправлен.\n\n________________\nООО «Ромашка»", locale="ru") == []
    assert _codes("Подпишите договор: ________ и пришлите скан.", locale="ru") == ["RK506"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяABCXYZ{}[]<>_ .,!?\n-'")), max_size=200))
def test_random_text_never_crashes(text):
    for lang in ("ru", "uk", "en"):
        report = replykit.check(text, locale=lang, config=RK5)
        for f in report.findings:
            assert 0 <= f.start <= f.end <= len(text)
    clusters = replykit.find_templates([text, text, text.upper()], min_words=1)
    assert all(c.size >= 2 and len(c.members) == c.size for c in clusters)


def test_compact_table_behaves_like_a_dict_across_growth():
    from replykit.cliches.templates import _Table

    table, reference = _Table(capacity=8), {}  # 8: grows many times
    for n in range(5000):
        key = ((n * 0x9E3779B97F4A7C15) & (2**64 - 1)) | 1
        if n % 7 == 0 and reference:
            key = next(iter(reference))  # repeat an old key
        assert table.setdefault(key, n) == reference.setdefault(key, n)
    assert table.used == len(reference)


def test_alternative_with_a_blank_is_advice_not_a_fix():
    [finding] = replykit.check("We will fix it as soon as possible.", locale="en", config={"select": ["RK501"]}).findings
    assert "by [a date]" in finding.message and finding.fixes == ()




@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("We were, as it were, out of stock.", "We were out of stock."),
        ("It's the best charger, bar none.", "It's the best charger."),
        ("We thank you from the bottom of our hearts.", "We thank you."),
        ("To be honest, we missed it.", "We missed it."),
        ("We will absolutely refund you.", "We will refund you."),
    ],
)
def test_dropping_a_phrase_takes_its_commas_and_space_with_it(text, fixed):
    from replykit.fixes import apply_fixes

    report = replykit.check(text, locale="en", config={"select": ["RK503", "RK507"]})
    assert apply_fixes(text, report.findings, unsafe=True) == fixed

def test_typographic_apostrophe_matches_like_the_plain_one():
    for text in ("Don't hesitate to call us.", "Don’t hesitate to call us."):
        assert _codes(text, locale="en", config={"select": ["RK501"]}) == ["RK501"]


def test_stale_idiom_rule_and_a_user_entry_that_must_open_its_sentence():
    [finding] = replykit.check("Last but not least, check the cable.", locale="en", config={"select": ["RK507"]}).findings
    assert finding.excerpt == "Last but not least" and finding.severity == "info"
    assert [f.replacement for f in finding.fixes] == ["Finally"]
    config = {"select": ["RK507"], "cliches": {"add": {"de": [{"phrase": "unterm Strich", "category": "idiom", "start": True}]}}}
    assert _codes("Unterm Strich zahlen Sie weniger.", locale="de", config=config) == ["RK507"]
    assert _codes("Die Summe steht unterm Strich.", locale="de", config=config) == []

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="XХxх TODBFIME#$AZ_9a(<[.\n", max_size=40))
def test_patterns_of_a_debris_kind_never_match_at_the_same_place(text):
    """A kind written as one pattern per first character: where one matches, no other can, so the
    kind finds what one alternation of its patterns would (see data/placeholders.toml)."""
    from replykit.cliches.rules import _debris

    pattern, kinds = _debris(())
    assert pattern.parts is not None
    for kind in set(kinds):
        parts = [p for p, k in zip(pattern.parts, kinds) if k == kind]
        for start in range(len(text)):
            assert sum(p.match(text, start) is not None for p in parts) <= 1
