"""Public API contract: models, errors, config, bad input."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import replykit
from replykit import (
    ConfigError,
    Conversation,
    Customer,
    InputError,
    InputTooLargeError,
    Message,
    ReplykitError,
    Report,
    UnknownRuleError,
)


def test_models_round_trip_json():
    conv = Conversation(
        messages=(
            Message(role="customer", text="Где заказ?", sent_at=datetime(2026, 1, 1, 9, tzinfo=timezone.utc)),
            Message(role="agent", text="Здравствуйте!", sent_at=datetime(2026, 1, 1, 9, 5, tzinfo=timezone.utc), channel="chat"),
        ),
        customer=Customer(first_name="Мария", patronymic="Ивановна", gender="female", timezone="Europe/Moscow"),
    )
    assert Conversation.model_validate_json(conv.model_dump_json()) == conv
    report = replykit.check("Привет! Готово.")
    assert Report.model_validate_json(report.to_json()) == report
    assert report.to_dict()["findings"][0]["code"] == "RK107"


def test_models_are_immutable():
    message = Message(role="agent", text="x")
    with pytest.raises(Exception):
        message.text = "y"  # type: ignore[misc]


def test_naive_datetime_rejected():
    with pytest.raises(ValueError, match="timezone-aware"):
        Message(role="agent", text="x", sent_at=datetime(2026, 1, 1))


def test_unknown_timezone_rejected():
    with pytest.raises(ValueError, match="time zone"):
        Customer(timezone="Mars/Olympus")


def test_out_of_order_conversation_rejected():
    with pytest.raises(ValueError, match="order"):
        Conversation(
            messages=(
                Message(role="customer", text="a", sent_at=datetime(2026, 1, 2, tzinfo=timezone.utc)),
                Message(role="agent", text="b", sent_at=datetime(2026, 1, 1, tzinfo=timezone.utc)),
            )
        )


@pytest.mark.parametrize("bad", [None, 42, object(), b"\xff\xfe\x00junk"])
def test_bad_input_gives_input_error(bad):
    with pytest.raises(InputError):
        replykit.check(bad)


def test_binary_junk_in_str():
    with pytest.raises(InputError, match="NUL"):
        replykit.check("abc\x00\x01\x02")


def test_empty_and_whitespace_text_give_clean_report():
    for text in ("", "   \n\t "):
        assert replykit.check(text).findings == ()


def test_huge_text_over_limit():
    with pytest.raises(InputTooLargeError):
        replykit.check("а" * 1_000_001)
    assert isinstance(replykit.check("а" * 1000, config={"max_chars": 2000}), Report)


def test_one_megabyte_text_is_checked():
    text = "Здравствуйте! " + "Ваш заказ отправлен. " * 50_000
    report = replykit.check(text[:1_000_000])
    assert report.language == "ru"


def test_customer_message_is_not_a_reply():
    with pytest.raises(InputError, match="agent"):
        replykit.check(Message(role="customer", text="Привет"))


def test_conversation_without_agent_message():
    with pytest.raises(InputError):
        replykit.check(Conversation(messages=(Message(role="customer", text="Привет"),)))


def test_conversation_checks_last_agent_message():
    conv = Conversation(
        messages=(
            Message(role="agent", text="Привет!"),
            Message(role="customer", text="Здравствуйте"),
            Message(role="agent", text="Здравствуйте! Готово.\n\nС уважением, Анна"),
            Message(role="customer", text="Спасибо"),
        )
    )
    assert replykit.check(conv).findings == ()


def test_errors_share_one_base():
    for cls in (InputError, InputTooLargeError, ConfigError, UnknownRuleError):
        assert issubclass(cls, ReplykitError)


@pytest.mark.parametrize(
    ("config", "match"),
    [
        ({"select": ["RK999"]}, "RK999"),
        ({"ignore": "XX1"}, "XX1"),
        ({"severity": {"RK1": "fatal"}}, "severity"),
        ({"no_such_key": 1}, "no_such_key"),
        ({"greeting": {"greeting": {"email": "sometimes"}}}, "greeting"),
        ({"timezone": "Nowhere/City"}, "time zone"),
        ("select=RK1", "mapping"),
    ],
)
def test_bad_config_names_the_problem(config, match):
    with pytest.raises(ConfigError, match=match):
        replykit.check("Здравствуйте!", config=config)


def test_unknown_locale():
    with pytest.raises(ConfigError, match="locale"):
        replykit.check("Hello", locale="xx_YY_ZZ")


def test_select_ignore_and_severity_override():
    text = "Привет! Готово."
    assert replykit.check(text, config={"select": ["RK107"]}).codes() == ["RK107"]
    assert "RK107" not in replykit.check(text, config={"ignore": ["RK107"]}).codes()
    report = replykit.check(text, config={"select": ["RK1"], "severity": {"RK1": "info", "RK107": "error"}})
    severities = {f.code: f.severity for f in report.findings}
    assert severities == {"RK107": replykit.Severity.ERROR, "RK102": replykit.Severity.INFO}


def test_kebab_case_keys_accepted():
    cfg = replykit.check("Привет! Готово.", config={"fail-on": "error", "greeting": {"time-of-day-grace-minutes": 10}})
    assert cfg.codes()


def test_config_from_files(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.replykit]\nignore = ["RK102"]\n', encoding="utf-8")
    assert replykit.load_config(start=tmp_path).ignore == ("RK102",)
    (tmp_path / "replykit.toml").write_text('select = ["RK107"]\n', encoding="utf-8")
    assert replykit.load_config(start=tmp_path).select == ("RK107",)
    (tmp_path / "bad.toml").write_text("select = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="TOML"):
        replykit.load_config(tmp_path / "bad.toml")


def test_inline_suppression_in_template():
    text = "Привет! {# replykit: ignore RK107 #}\nГотово.\n\nС уважением, Анна"
    assert "RK107" not in replykit.check(text, template=True).codes()
    text = "{# replykit: ignore-file RK1 #}\nПривет! Готово."
    assert replykit.check(text, template=True).codes() == []
    assert "RK107" in replykit.check("Привет! Готово.\n\nС уважением, Анна", template=True).codes()


def test_rules_catalogue():
    codes = [r.code for r in replykit.rules()]
    assert codes == sorted(codes) and "RK101" in codes
    assert all(r.why and r.summary for r in replykit.rules())


def test_fixes_apply_and_pass():
    from replykit.fixes import apply_fixes

    report = replykit.check("Привет! Готово.\n\nПока!")
    fixed = apply_fixes(report.text, report.findings)
    assert fixed == "Здравствуйте! Готово.\n\nВсего доброго!"
    assert replykit.check(fixed).findings == ()


def test_kebab_case_keys_at_every_depth(tmp_path):
    (tmp_path / "replykit.toml").write_text(
        '[conversation]\ncooldown-minutes = 7\n[conversation.business-hours]\nmon = ["09:00-18:00"]\n'
        '[greeting]\ntime-of-day-grace-minutes = 5\n[greeting.greeting]\nemail = "first"\n'
        '[severity]\nRK1 = "info"\n',
        encoding="utf-8",
    )
    config = replykit.load_config(tmp_path / "replykit.toml")
    assert config.conversation.cooldown_minutes == 7
    assert config.conversation.business_hours == {"mon": ["09:00-18:00"]}
    assert config.greeting.greeting["email"] == "first" and config.greeting.time_of_day_grace_minutes == 5
    assert config.severity == {"RK1": replykit.Severity.INFO}


def test_public_names_resolve_and_are_not_shadowed_by_subpackages():
    replykit.check("Привет, ты где? Сколько стоит доставка?")  # imports every rule family
    for name in replykit.__all__:
        value = getattr(replykit, name)
        assert not isinstance(value, type(replykit)), f"replykit.{name} is a module, not the public object"


def test_junk_in_customer_history_does_not_break_the_check():
    conv = Conversation(messages=(Message(role="customer", text="\x00\x01 где заказ?"), Message(role="agent", text="Здравствуйте!")))
    assert replykit.check(conv).language == "ru"


@pytest.mark.parametrize("family", ["formality", "names", "bundling", "cliches", "conversation", "tone"])
def test_family_options_import_first_in_a_fresh_interpreter(family):
    import subprocess
    import sys

    code = f"import replykit.{family}.options, replykit.config; print(replykit.config.Config().{'address' if family == 'formality' else family})"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_known_name_gives_one_generic_salutation_finding_not_two():
    customer = replykit.Customer(first_name="Мария", patronymic="Ивановна")
    text = "Уважаемый клиент! Ваш заказ отправлен."
    codes = [f.code for f in replykit.check(text, customer=customer, locale="ru").findings]
    assert "RK308" in codes and "RK504" not in codes
    assert "RK504" in [f.code for f in replykit.check(text, locale="ru").findings]  # no name: the cliché rule
    ignored = replykit.check(text, customer=customer, locale="ru", config={"ignore": ["RK308"]})
    assert "RK504" in [f.code for f in ignored.findings]  # RK308 off: RK504 reports it again
    suppressed = replykit.check(text + " <!-- replykit: ignore RK308 -->", customer=customer, locale="ru")
    assert [f.code for f in suppressed.findings if f.code in ("RK308", "RK504")] == ["RK504"]


def test_rule_names_are_unique():
    names = [info.name for info in replykit.rules()]
    assert len(names) == len(set(names))
