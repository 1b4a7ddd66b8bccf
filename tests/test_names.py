"""RK3xx and the name builders: hard names, every case, both genders, parsing, preferences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import replykit
from replykit import Conversation, Customer, InputError, Message
from replykit.fixes import apply_fixes
from replykit.names.inflect import CASES, inflect_part
from replykit.names.person import parse_person
from replykit.names.prefer import infer_preference

# --- inflection ------------------------------------------------------------------------------

HARD = [
    # word, part, gender, gent, datv, accs, ablt, loct
    ("Любовь", "first", "female", "Любови", "Любови", "Любовь", "Любовью", "Любови"),
    ("Илья", "first", "male", "Ильи", "Илье", "Илью", "Ильей", "Илье"),
    ("Никита", "first", "male", "Никиты", "Никите", "Никиту", "Никитой", "Никите"),
    ("Лев", "first", "male", "Льва", "Льву", "Льва", "Львом", "Льве"),
    ("Павел", "first", "male", "Павла", "Павлу", "Павла", "Павлом", "Павле"),
    ("Кармен", "first", "female", "Кармен", "Кармен", "Кармен", "Кармен", "Кармен"),
    ("Шевченко", "last", "male", "Шевченко", "Шевченко", "Шевченко", "Шевченко", "Шевченко"),
    ("Шевченко", "last", "female", "Шевченко", "Шевченко", "Шевченко", "Шевченко", "Шевченко"),
    ("Кузьмич", "middle", "male", "Кузьмича", "Кузьмичу", "Кузьмича", "Кузьмичом", "Кузьмиче"),
    ("Ильинична", "middle", "female", "Ильиничны", "Ильиничне", "Ильиничну", "Ильиничной", "Ильиничне"),
    ("Мамед оглы", "middle", "male", "Мамед оглы", "Мамед оглы", "Мамед оглы", "Мамед оглы", "Мамед оглы"),
    (
        "Алиевна кызы",
        "middle",
        "female",
        "Алиевна кызы",
        "Алиевна кызы",
        "Алиевна кызы",
        "Алиевна кызы",
        "Алиевна кызы",
    ),
    (
        "Римский-Корсаков",
        "last",
        "male",
        "Римского-Корсакова",
        "Римскому-Корсакову",
        "Римского-Корсакова",
        "Римским-Корсаковым",
        "Римском-Корсакове",
    ),
    (
        "Иванова-Петрова",
        "last",
        "female",
        "Ивановой-Петровой",
        "Ивановой-Петровой",
        "Иванову-Петрову",
        "Ивановой-Петровой",
        "Ивановой-Петровой",
    ),
    ("Смит", "last", "female", "Смит", "Смит", "Смит", "Смит", "Смит"),
    ("Смит", "last", "male", "Смита", "Смиту", "Смита", "Смитом", "Смите"),
    ("Дюма", "last", "male", "Дюма", "Дюма", "Дюма", "Дюма", "Дюма"),
    ("Гюго", "last", "male", "Гюго", "Гюго", "Гюго", "Гюго", "Гюго"),
    ("Толстой", "last", "male", "Толстого", "Толстому", "Толстого", "Толстым", "Толстом"),
    ("Толстая", "last", "female", "Толстой", "Толстой", "Толстую", "Толстой", "Толстой"),
    ("Черных", "last", "female", "Черных", "Черных", "Черных", "Черных", "Черных"),
    ("ИВАНОВА", "last", "female", "ИВАНОВОЙ", "ИВАНОВОЙ", "ИВАНОВУ", "ИВАНОВОЙ", "ИВАНОВОЙ"),
    ("Петр", "first", "male", "Петра", "Петру", "Петра", "Петром", "Петре"),
]


@pytest.mark.parametrize(("word", "part", "gender", *CASES[1:]), HARD)
def test_hard_names_in_every_case(word, part, gender, gent, datv, accs, ablt, loct):
    got = [inflect_part(word, part, gender, case) for case in CASES]
    assert got == [word, gent, datv, accs, ablt, loct]


def test_rules_alone_decline_unknown_names():
    from replykit.names.inflect import by_rules

    assert by_rules("зюзюкин", "last", "male", "ablt") == "зюзюкиным"
    assert by_rules("зюзюкина", "last", "female", "accs") == "зюзюкину"
    assert by_rules("кваквалевич", "middle", "male", "datv") == "кваквалевичу"


def test_unknown_case_is_a_typed_error():
    with pytest.raises(InputError):
        inflect_part("Мария", "first", "female", "dative")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТ- ", min_size=1, max_size=20))
def test_inflection_never_crashes_and_keeps_nominative(word):
    for case in CASES:
        assert isinstance(inflect_part(word, "last", "male", case), str)
    assert inflect_part(word, "first", "female", "nomn") == word


# --- parsing and gender ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "middle", "last", "gender"),
    [
        ("Иванов Иван Петрович", "Иван", "Петрович", "Иванов", "male"),
        ("Иван Петрович Иванов", "Иван", "Петрович", "Иванов", "male"),
        ("ИВАНОВА М.И.", "М.", "И.", "Иванова", "female"),
        ("М. И. Иванова", "М.", "И.", "Иванова", "female"),
        ("Мария Ивановна", "Мария", "Ивановна", None, "female"),
        ("Иванова Мария", "Мария", None, "Иванова", "female"),
        ("Алиев Гейдар Мамед оглы", "Гейдар", "Мамед оглы", "Алиев", "male"),
        ("Римский-Корсаков Николай Андреевич", "Николай", "Андреевич", "Римский-Корсаков", "male"),
        ("Шевченко Тарас Григорьевич", "Тарас", "Григорьевич", "Шевченко", "male"),
    ],
)
def test_parse_person_in_any_order(text, first, middle, last, gender):
    p = parse_person(text)
    assert (p.first, p.middle, p.last, p.gender) == (first, middle, last, gender)


def test_gender_from_patronymic_before_first_name_before_surname():
    assert replykit.parse_name("Саша Ивановна Петров").gender == "female"  # patronymic wins
    assert replykit.parse_name("Никита Шевченко").gender == "male"  # first name: Никита is male
    assert replykit.parse_name("Шевченко").gender is None  # the surname alone does not tell
    assert replykit.parse_name("Кузнецова").gender == "female"


def test_parse_name_rejects_empty():
    with pytest.raises(InputError):
        replykit.parse_name("  ")


# --- the builder -----------------------------------------------------------------------------

MARIA = Customer(first_name="Мария", patronymic="Ивановна", last_name="Иванова")
IVAN = Customer(first_name="Иван", patronymic="Петрович", last_name="Иванов")


@pytest.mark.parametrize(
    ("customer", "forms"),
    [
        (
            MARIA,
            [
                "Уважаемая Мария Ивановна",
                "Марии Ивановны",
                "Марии Ивановне",
                "Марию Ивановну",
                "Марией Ивановной",
                "Марии Ивановне",
            ],
        ),
        (
            IVAN,
            [
                "Уважаемый Иван Петрович",
                "Ивана Петровича",
                "Ивану Петровичу",
                "Ивана Петровича",
                "Иваном Петровичем",
                "Иване Петровиче",
            ],
        ),
    ],
)
def test_address_in_every_case_both_genders(customer, forms):
    assert [replykit.address(customer, case) for case in CASES] == forms


def test_address_forms():
    assert replykit.address(MARIA, "gent", form="initials") == "Ивановой М. И."
    assert replykit.address("ИВАНОВА М.И.", "datv", form="initials") == "Ивановой М. И."
    assert replykit.address(MARIA, "ablt", form="full") == "Ивановой Марией Ивановной"
    assert replykit.address(MARIA, form="surname") == "Уважаемая госпожа Иванова"
    assert replykit.address(MARIA, "datv", form="surname") == "госпоже Ивановой"
    assert replykit.address(MARIA, honorific=False) == "Мария Ивановна"
    assert replykit.address(Customer(first_name="Любовь"), "gent") == "Любови"
    assert replykit.address(Customer(first_name="Никита"), "datv") == "Никите"
    assert replykit.address(Customer(first_name="Илья", patronymic="Кузьмич"), "ablt") == "Ильей Кузьмичом"


def test_address_without_gender_has_no_polite_word():
    assert replykit.address(Customer(last_name="Шевченко")) == "Шевченко"
    assert replykit.address(Customer(first_name="Anna", last_name="Müller"), locale="de") == "Anna Müller"


def test_address_other_languages():
    anna = dict(first_name="Anna", gender="female")
    assert replykit.address(Customer(first_name="Мария", last_name="Петрова", locale="bg")) == "Уважаема г-жо Петрова"
    assert replykit.address(Customer(first_name="Иван", last_name="Петров", locale="bg")) == "Уважаеми г-н Петров"
    assert replykit.address(Customer(last_name="Kovács", locale="hu", **anna)) == "Tisztelt Kovács Anna"
    assert replykit.address(Customer(locale="hu", **anna)) == "Kedves Anna"
    assert replykit.address(Customer(last_name="Müller", locale="de", **anna)) == "Sehr geehrte Frau Müller"
    assert replykit.address(Customer(first_name="Hans", gender="male", locale="de")) == "Lieber Hans"
    assert replykit.address(Customer(last_name="Smith", locale="en", **anna)) == "Dear Ms Smith"
    assert (
        replykit.address(Customer(first_name="Марія", patronymic="Іванівна", locale="uk")) == "Шановна Маріє Іванівно"
    )
    assert (
        replykit.address(Customer(first_name="Марія", patronymic="Іванівна", locale="uk"), "datv") == "Марії Іванівні"
    )


def test_preferred_address_wins_in_the_builder():
    customer = MARIA.model_copy(update={"preferred_address": "Маша"})
    assert replykit.address(customer) == "Уважаемая Маша"
    assert replykit.address(customer, "datv") == "Маше"
    assert replykit.address(customer, form="name_patronymic") == "Уважаемая Мария Ивановна"


@pytest.mark.parametrize(("kwargs", "match"), [({"case": "dative"}, "case"), ({"form": "nick"}, "form")])
def test_address_bad_arguments(kwargs, match):
    with pytest.raises(InputError, match=match):
        replykit.address(MARIA, **kwargs)
    with pytest.raises(InputError):
        replykit.address(Customer())


def test_greeting_uses_the_builder():
    from replykit.greetings.build import greeting

    assert greeting(MARIA) == "Здравствуйте, Мария Ивановна!"
    assert (
        greeting(Customer(first_name="Anna", last_name="Müller", gender="female"), locale="de")
        == "Guten Tag, Frau Müller,"
    )
    assert greeting(Customer(first_name="Мария", last_name="Петрова"), locale="bg") == "Здравейте, г-жо Петрова!"


# --- preferred address -----------------------------------------------------------------------


def test_preference_explicit_beats_signature_and_later_beats_earlier():
    assert infer_preference(["С уважением,\nМария Ивановна"], "ru").name == "Мария Ивановна"
    got = infer_preference(["Можно просто Оля.", "С уважением, Ольга Петровна"], "ru")
    assert (got.name, got.explicit) == ("Оля", True)
    got = infer_preference(["Можно просто Оля.", "Зовите меня Ольга Петровна."], "ru")
    assert got.name == "Ольга Петровна"
    got = infer_preference(["Меня зовут Мария Ивановна. Обращайтесь ко мне по имени."], "ru")
    assert (got.name, got.form) == ("Мария Ивановна", "first")
    assert infer_preference(["Где мой заказ?"], "ru") is None


def test_preferred_address_public():
    msgs = (Message(role="customer", text="Меня зовут Ольга Петровна. Можно просто Оля."),)
    assert replykit.preferred_address(Conversation(messages=msgs)) == "Оля"
    stated = Customer(first_name="Ольга", preferred_address="Ольга Петровна")
    assert replykit.preferred_address(Conversation(messages=msgs, customer=stated)) == "Ольга Петровна"


# --- rules -----------------------------------------------------------------------------------


def _check(text, customer=None, history=(), template=False, config=None):
    cfg = {"select": ["RK3"], **(config or {})}
    if history:
        msgs = (*(Message(role="customer", text=h) for h in history), Message(role="agent", text=text))
        return replykit.check(Conversation(messages=msgs, customer=customer), config=cfg, template=template)
    return replykit.check(text, customer=customer, config=cfg, template=template, locale="ru")


def _fixed(report, unsafe=False):
    return apply_fixes(report.text, report.findings, unsafe=unsafe)


def test_rk301_fix_adds_the_patronymic_in_the_same_case():
    report = _check("Здравствуйте, Мария! Ваш заказ отправлен.", MARIA)
    assert report.codes() == ["RK301"]
    assert _fixed(report) == "Здравствуйте, Мария Ивановна! Ваш заказ отправлен."


def test_rk301_explicit_request_and_crm_preference_turn_it_off():
    assert "RK301" not in _check("Здравствуйте, Мария!", MARIA, ["Обращайтесь ко мне по имени."]).codes()
    stated = MARIA.model_copy(update={"preferred_address": "Мария"})
    assert "RK301" not in _check("Здравствуйте, Мария!", stated).codes()
    # later explicit request wins over an earlier one
    history = ["Можно просто Мария.", "Всё-таки лучше по имени и отчеству."]
    assert "RK301" in _check("Здравствуйте, Мария!", MARIA, history).codes()


def test_rk302_user_diminutives_from_config():
    customer = Customer(first_name="Людмила")
    text = "Здравствуйте, Милаша! Ваш заказ отправлен."
    assert "RK302" not in _check(text, customer).codes()
    cfg = {"names": {"diminutives": {"ru": {"Людмила": ["Милаша"]}}}}
    assert "RK302" in _check(text, customer, config=cfg).codes()


def test_rk302_declined_diminutive_and_customer_signature():
    assert "RK302" in _check("Спасибо Маше, что дождалась ответа, Маша!", MARIA).codes()
    assert "RK302" not in _check("Здравствуйте, Маша!", MARIA, ["Спасибо!\n\nС уважением,\nМаша"]).codes()


def test_rk305_wrong_name_precision():
    assert _check("Здравствуйте, Олег Петрович! Заказ отправлен.", MARIA).codes() == ["RK305"]
    for text in (
        "Здравствуйте, Мария Ивановна! Курьер Олег привезёт заказ завтра.",
        "Здравствуйте, Мария Ивановна! Надежда Сергеевна, наш менеджер, свяжется с вами.",
        "Здравствуйте, Мария Ивановна! Роза, которую вы заказали, приедет завтра.",
        "Здравствуйте, Мария Ивановна!\n\nС уважением,\nОлег",
    ):
        assert "RK305" not in _check(text, MARIA).codes(), text
    assert "RK305" not in _check("Hello Team,\n\nplease see below.", Customer(first_name="Anna")).codes()


def test_rk306_misspelling_not_a_different_word():
    lev = Customer(first_name="Лев", patronymic="Николаевич")
    assert "RK306" not in _check("Здравствуйте, Лев Николаевич! Лес рядом с домом.", lev).codes()
    report = _check("Здравствуйте, Мария Ивановна! Заказ на имя Иваовой готов.", MARIA)
    assert report.codes() == ["RK306"]
    assert _fixed(report, unsafe=True).endswith("на имя Ивановой готов.")


def test_rk307_fixes_case_and_agreement():
    assert _fixed(_check("Спасибо Ивану Петрович за ожидание.", IVAN)) == "Спасибо Ивану Петровичу за ожидание."
    assert _fixed(_check("Уважаемый Мария Ивановна! Заказ готов.")) == "Уважаемая Мария Ивановна! Заказ готов."
    assert _fixed(_check("Дорогая Сергей! Заказ готов.")) == "Дорогой Сергей! Заказ готов."
    assert _fixed(_check("Документы для Любовь Андреевна готовы.")) == "Документы для Любови Андреевны готовы."
    assert _check("Документы для Любови Андреевны готовы.").codes() == []


def test_rk308_suggests_the_built_address():
    report = _check("Уважаемый клиент! Заказ отправлен.", MARIA)
    assert report.codes() == ["RK308"]
    assert _fixed(report, unsafe=True) == "Уважаемая Мария Ивановна! Заказ отправлен."
    en = replykit.check(
        "Dear customer,\n\nShipped.",
        customer=Customer(last_name="Smith", gender="female"),
        locale="en",
        config={"select": ["RK308"]},
    )
    assert _fixed(en, unsafe=True).startswith("Dear Ms Smith,")


def test_rk309_template_gets_a_neutral_greeting():
    report = _check("Уважаемый {{name}}! Ваш заказ отправлен.", template=True)
    assert report.codes() == ["RK309"]
    assert _fixed(report) == "Здравствуйте, {{name}}! Ваш заказ отправлен."
    de = replykit.check(
        "Sehr geehrter Herr {{name}},\n\nIhre Bestellung.", locale="de", template=True, config={"select": ["RK309"]}
    )
    assert _fixed(de) == "Guten Tag {{name}},\n\nIhre Bestellung."
    assert _check("Уважаемый {{name}}!", template=True, config={"name_slots": ["client"]}).codes() == []


# --- the benchmark script ------------------------------------------------------------------


def test_benchmark_script_on_a_tiny_list(tmp_path, capsys):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "names_eval.py"
    spec = importlib.util.spec_from_file_location("names_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "firstnames.misc.tsv").write_text(
        "\ufefflemma\tword\tgrammemes\nЛЮБОВЬ\tЛЮБОВИ\tжр,ед,рд\nЛЮБОВЬ\tЛЮБОВЬЮ\tжр,ед,тв\nКАРМЕН\tКАРМЕН\tжр,0\n",
        encoding="utf-8",
    )
    (tmp_path / "surnames.misc.tsv").write_text(
        "lemma\tword\tgrammemes\nИванов\tИвановым\tмр,ед,тв\nИванов\tИвановых\tмр,мн,рд\n", encoding="utf-8"
    )
    assert module.main(["--data", str(tmp_path), "--no-petrovich"]) == 0
    out = capsys.readouterr().out
    assert "8 (name, gender, case) items" in out  # 2 Любовь + 5 Кармен + 1 Иванов; plural skipped
    assert "overall replykit: 8/8 = 100.00%" in out
    assert module.main(["--data", str(tmp_path / "absent")]) == 0
    assert "skipping" in capsys.readouterr().out


def test_whole_name_in_one_crm_field_and_bad_customers():
    assert replykit.address(Customer(first_name="Иванов Иван Петрович"), "datv") == "Ивану Петровичу"
    with pytest.raises(InputError):
        replykit.address(Customer(first_name="М.", last_name=None))
    with pytest.raises(InputError):
        replykit.address(42)  # type: ignore[arg-type]


_NAMEISH = st.text(alphabet="АБВИМабвгдеиклмнорстуья-. 1!", min_size=0, max_size=15)


@settings(max_examples=40, deadline=None)
@given(
    _NAMEISH,
    _NAMEISH,
    _NAMEISH,
    st.sampled_from(["Здравствуйте, {}! Заказ готов.", "Уважаемый {}, для {} всё готово.", "{}, спасибо!"]),
)
def test_checks_never_crash_on_odd_customers(first, middle, last, shape):
    customer = Customer(first_name=first or None, patronymic=middle or None, last_name=last or None)
    text = shape.format(first or "Мария", middle or "Ивановна")
    report = replykit.check(text, customer=customer, locale="ru", config={"select": ["RK3"]})
    assert all(f.code.startswith("RK3") for f in report.findings)


def test_crm_preferred_address_wins_over_what_the_customer_wrote():
    history = ["Можно просто Маша."]
    assert "RK302" not in _check("Здравствуйте, Маша!", MARIA, history).codes()
    stated = MARIA.model_copy(update={"preferred_address": "Мария Ивановна"})
    assert "RK302" in _check("Здравствуйте, Маша!", stated, history).codes()
