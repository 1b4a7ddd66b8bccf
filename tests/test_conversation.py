"""RK6xx and the conversation helpers on timed conversations in several zones and across DST."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import replykit
from replykit import ConfigError, Conversation, Customer, InputError, Message
from replykit.config import make_config
from replykit.conversation.calendar import business_calendar

BERLIN, NEW_YORK, MOSCOW, TOKYO = (ZoneInfo(z) for z in ("Europe/Berlin", "America/New_York", "Europe/Moscow", "Asia/Tokyo"))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def msg(role: str, text: str, at: datetime | None, channel: str = "email") -> Message:
    return Message(role=role, text=text, sent_at=at, channel=channel)


def codes(conv: Conversation, code: str, **config: object) -> list[str]:
    report = replykit.check(conv, config={"select": [code], **config})
    return report.codes()


def calendar(**options: object):
    config = make_config({"conversation": options})
    return business_calendar(config.conversation, config.timezone)


# --- business time ---------------------------------------------------------------------------


def test_business_time_skips_the_weekend_and_holidays():
    cal = calendar()
    friday, monday = utc(2026, 3, 13, 17, 30), utc(2026, 3, 16, 9, 30)
    assert cal.business_seconds(friday, monday) == 3600
    cal = calendar(holidays=["2026-03-16"])
    assert cal.business_seconds(friday, utc(2026, 3, 17, 9, 30)) == 3600
    assert cal.business_seconds(monday, friday) == 0


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        # Spring forward in Berlin: 02:00 CET → 03:00 CEST, the local day has 23 hours.
        (datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN), 1),
        (datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN), datetime(2026, 3, 29, 12, 0, tzinfo=BERLIN), 23),
        # Fall back: the local day has 25 hours.
        (datetime(2026, 10, 25, 0, 30, tzinfo=BERLIN), datetime(2026, 10, 25, 4, 30, tzinfo=BERLIN), 5),
        (datetime(2026, 10, 24, 12, 0, tzinfo=BERLIN), datetime(2026, 10, 25, 12, 0, tzinfo=BERLIN), 25),
    ],
)
def test_round_the_clock_business_time_is_real_time_across_dst(start, end, hours):
    cal = calendar(business_hours={d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
                   business_timezone="Europe/Berlin")  # fmt: skip
    assert cal.business_seconds(start, end) == hours * 3600


def test_business_hours_in_new_york_across_the_march_change():
    cal = calendar(business_timezone="America/New_York")
    # Friday 17:00 EST → Monday 10:00 EDT: one hour on Friday, one on Monday.
    start = datetime(2026, 3, 6, 17, 0, tzinfo=NEW_YORK)
    end = datetime(2026, 3, 9, 10, 0, tzinfo=NEW_YORK)
    assert cal.business_seconds(start, end) == 2 * 3600
    assert cal.open_at(utc(2026, 3, 9, 13, 30))  # 09:30 EDT
    assert not cal.open_at(utc(2026, 3, 6, 13, 30))  # 08:30 EST


@pytest.mark.parametrize("hours", [["18:00-09:00"], ["9-18"], ["nine to six"]])
def test_bad_hours_are_a_config_error(hours):
    with pytest.raises(ConfigError, match="business_hours"):
        make_config({"conversation": {"business-hours": {"mon": hours}}})


def test_unknown_business_zone_is_a_config_error():
    with pytest.raises(ConfigError, match="business_timezone"):
        make_config({"conversation": {"business-timezone": "Mars/Olympus"}})


# --- response times ----------------------------------------------------------------------------


def _support_thread() -> Conversation:
    return Conversation(
        messages=(
            msg("customer", "Где заказ?", utc(2026, 3, 10, 10, 0)),
            msg("customer", "Алло?", utc(2026, 3, 10, 10, 30)),
            msg("agent", "Проверяю.", utc(2026, 3, 10, 10, 40)),
            msg("agent", "Заказ в пути.", utc(2026, 3, 10, 10, 45)),
            msg("customer", "Спасибо! А когда привезут?", utc(2026, 3, 10, 17, 30)),
            msg("agent", "Завтра до обеда.", utc(2026, 3, 11, 9, 45)),
            msg("customer", "Хорошо.", utc(2026, 3, 11, 10, 0)),
        )
    )


def test_response_times_figures():
    times = replykit.response_times(_support_thread())
    assert isinstance(times, replykit.ResponseTimes)
    assert [r.index for r in times.replies] == [2, 5]
    assert times.first_response == timedelta(minutes=40)
    # 17:30 → 18:00 on Tuesday, 09:00 → 09:45 on Wednesday.
    assert times.replies[1].delay == timedelta(minutes=75)
    assert times.replies[1].wall_delay == timedelta(hours=16, minutes=15)
    assert times.longest_wait == timedelta(minutes=75)
    assert times.late_replies == 1
    assert times.replies[0].late is False and times.replies[1].late is True
    assert times.unanswered_since == utc(2026, 3, 11, 10, 0)


def test_response_times_wall_clock_and_per_channel_targets():
    times = replykit.response_times(
        _support_thread(),
        config={"conversation": {"count-business-time": False, "response-target-seconds": {"email": 1800}}},
    )
    assert times.replies[1].delay == timedelta(hours=16, minutes=15)
    assert times.late_replies == 2
    with pytest.raises(InputError):
        replykit.response_times("not a conversation")  # type: ignore[arg-type]


def test_slow_reply_reports_delay_with_severity_by_tier():
    def reply_after(minutes: int) -> replykit.Report:
        conv = Conversation(messages=(msg("customer", "Где заказ?", utc(2026, 3, 10, 10, 0)),
                                      msg("agent", "Заказ в пути.", utc(2026, 3, 10, 10, minutes))))  # fmt: skip
        return replykit.check(conv, config={"select": ["RK601"]})

    assert reply_after(10).findings == ()
    info = reply_after(30).findings
    assert [f.severity for f in info] == [replykit.Severity.INFO] and "30 min" in info[0].message
    late = replykit.check(
        Conversation(messages=(msg("customer", "Где заказ?", utc(2026, 3, 10, 10, 0)),
                               msg("agent", "Заказ в пути.", utc(2026, 3, 10, 12, 5)))),
        config={"select": ["RK601"]},
    ).findings  # fmt: skip
    assert [f.severity for f in late] == [replykit.Severity.WARNING] and "2 h 05 min" in late[0].message
    night = Conversation(messages=(msg("customer", "Где заказ?", utc(2026, 3, 10, 20, 0)),
                                   msg("agent", "Заказ в пути.", utc(2026, 3, 11, 8, 0))))  # fmt: skip
    assert replykit.check(night, config={"select": ["RK601"]}).findings == ()  # no business time passed
    wall = replykit.check(night, config={"select": ["RK601"], "conversation": {"count-business-time": False}}).findings
    assert [f.message for f in wall] == ["The customer waited 12 h 00 min for this reply; the target for email is 1 h 00 min."]


def test_rules_that_need_timestamps_do_nothing_without_them():
    conv = Conversation(
        messages=(
            msg("agent", "Перезвоним в течение часа.", None),
            msg("customer", "ВЫ ИДИОТЫ!!! ГДЕ ЗАКАЗ?", None),
            msg("agent", "Заказ в пути.", None),
        ),
        customer=Customer(timezone="Europe/Moscow"),
    )
    for code in ("RK601", "RK602", "RK603", "RK605"):
        assert codes(conv, code) == []


# --- off-hours first contact -----------------------------------------------------------------


def test_off_hours_first_contact_uses_the_customers_zone_and_dst():
    text = "Hello! Your subscription renews next week."
    # Saturday 7 March (EST, UTC−5): 14:30 UTC is 09:30, before the weekend's 10:00.
    # Monday 9 March (EDT, UTC−4): 12:30 UTC is 08:30, 13:30 UTC is 09:30 (08:30 if DST were missed).
    for at, fires in ((utc(2026, 3, 7, 15, 30), False), (utc(2026, 3, 7, 14, 30), True),
                      (utc(2026, 3, 9, 13, 30), False), (utc(2026, 3, 9, 12, 30), True),
                      (utc(2026, 3, 10, 1, 30), True)):  # fmt: skip
        conv = Conversation(messages=(msg("agent", text, at),), customer=Customer(timezone="America/New_York"))
        assert (codes(conv, "RK602") == ["RK602"]) is fires, at
    tokyo = Conversation(messages=(msg("agent", text, utc(2026, 3, 9, 14, 0)),), customer=Customer(timezone="Asia/Tokyo"))
    assert codes(tokyo, "RK602") == ["RK602"]  # 23:00 in Tokyo


def test_off_hours_contact_is_fine_as_a_reply_or_with_consent_or_without_a_zone():
    night = utc(2026, 3, 14, 21, 0)  # Sunday 00:00 in Moscow
    reply = Conversation(
        messages=(msg("customer", "Вы работаете?", night - timedelta(minutes=5)), msg("agent", "Да!", night)),
        customer=Customer(timezone="Europe/Moscow"),
    )
    assert codes(reply, "RK602") == []
    late_answer = Conversation(
        messages=(msg("customer", "Вы работаете?", night - timedelta(days=3)), msg("agent", "Да!", night)),
        customer=Customer(timezone="Europe/Moscow"),
    )
    assert codes(late_answer, "RK602") == []  # late, but a reply
    stale = Conversation(
        messages=(msg("customer", "Спасибо", night - timedelta(days=3)),
                  msg("agent", "Рады помочь!", night - timedelta(days=3, minutes=-5)),
                  msg("agent", "Новая акция!", night)),
        customer=Customer(timezone="Europe/Moscow"),
    )  # fmt: skip
    assert codes(stale, "RK602") == ["RK602"]
    assert codes(stale, "RK602", conversation={"contact-consent": True}) == []
    no_zone = Conversation(messages=(msg("agent", "Новая акция!", night),))
    assert codes(no_zone, "RK602") == []
    assert codes(no_zone, "RK602", timezone="Europe/Moscow") == ["RK602"]


# --- promises -----------------------------------------------------------------------------------


def one(text: str, at: datetime, **config: object) -> replykit.Promise:
    (promise,) = replykit.extract_promises(msg("agent", text, at), config=config or None)
    return promise


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Отправим завтра.", datetime(2026, 3, 14, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Перезвоним в течение часа.", datetime(2026, 3, 13, 11, 0, tzinfo=MOSCOW)),
        ("Уточним и ответим через полчаса.", datetime(2026, 3, 13, 10, 30, tzinfo=MOSCOW)),
        ("Вернём деньги в течение двух рабочих дней.", datetime(2026, 3, 17, 18, 0, tzinfo=MOSCOW)),
        ("Пришлём документы до пятницы.", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Надішлемо номер протягом години.", datetime(2026, 3, 13, 11, 0, tzinfo=MOSCOW)),
        ("Ще ви се обадим утре.", datetime(2026, 3, 14, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("A számlát péntekig elküldjük.", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("We'll send it within 2 business days.", datetime(2026, 3, 17, 18, 0, tzinfo=MOSCOW)),
        ("I'll call you back in 30 minutes.", datetime(2026, 3, 13, 10, 30, tzinfo=MOSCOW)),
        ("Wir senden die Rechnung innerhalb von 2 Werktagen.", datetime(2026, 3, 17, 18, 0, tzinfo=MOSCOW)),
        ("Wir melden uns innerhalb einer halben Stunde.", datetime(2026, 3, 13, 10, 30, tzinfo=MOSCOW)),
        # a day with its hour is due at that hour, in either order
        ("Я напишу вам завтра до 12:00.", datetime(2026, 3, 14, 12, 0, tzinfo=MOSCOW)),
        ("Перезвоним в понедельник к 15:00.", datetime(2026, 3, 16, 15, 0, tzinfo=MOSCOW)),
        ("We will reply by 5 pm tomorrow.", datetime(2026, 3, 14, 17, 0, tzinfo=MOSCOW)),
        ("Wir melden uns morgen bis 10 Uhr.", datetime(2026, 3, 14, 10, 0, tzinfo=MOSCOW)),
        ("Holnap 12 óráig visszahívjuk.", datetime(2026, 3, 14, 12, 0, tzinfo=MOSCOW)),
        # a bare date or hour with a commitment: "Отправим 20 марта", "at 3 pm"
        ("Отправим 20 марта.", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Перезвоним в 15:00.", datetime(2026, 3, 13, 15, 0, tzinfo=MOSCOW)),
        ("Заказ от 10 марта отправим завтра.", datetime(2026, 3, 14, 23, 59, 59, 999999, tzinfo=MOSCOW)),  # an order's date
        ("Відправимо 20 березня.", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Передзвонимо вам о 15:00, дякуємо.", datetime(2026, 3, 13, 15, 0, tzinfo=MOSCOW)),
        ("Ще доставим поръчката на 20 март.", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Ще ви се обадим в 15:00 часа за поръчката.", datetime(2026, 3, 13, 15, 0, tzinfo=MOSCOW)),
        ("A csomagot március 20-án kiszállítjuk.", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("15:00-kor visszahívjuk.", datetime(2026, 3, 13, 15, 0, tzinfo=MOSCOW)),
        ("We'll call you at 3 pm.", datetime(2026, 3, 13, 15, 0, tzinfo=MOSCOW)),
        ("Wir rufen Sie um 15 Uhr an.", datetime(2026, 3, 13, 15, 0, tzinfo=MOSCOW)),
    ],
)
def test_promise_deadlines_resolve_in_the_business_zone(text, deadline):
    made = datetime(2026, 3, 13, 10, 0, tzinfo=MOSCOW)  # a Friday
    promise = one(text, made, conversation={"business-timezone": "Europe/Moscow"})
    assert promise.deadline == deadline
    assert promise.made_at == made
    assert promise.sentence.strip(" .") in text


def test_business_days_skip_holidays():
    made = datetime(2026, 3, 13, 10, 0, tzinfo=BERLIN)
    promise = one("Wir senden die Rechnung innerhalb von 2 Werktagen.", made,
                  conversation={"business-timezone": "Europe/Berlin", "holidays": ["2026-03-16"]})  # fmt: skip
    assert promise.deadline == datetime(2026, 3, 18, 18, 0, tzinfo=BERLIN)


def test_promise_deadlines_across_dst():
    config = {"conversation": {"business-timezone": "Europe/Berlin"}}
    (tomorrow,) = replykit.extract_promises(msg("agent", "We will ship it tomorrow.", datetime(2026, 3, 28, 10, 0, tzinfo=BERLIN)), config=config)
    assert tomorrow.deadline == utc(2026, 3, 29, 21, 59, 59, 999999)  # end of Sunday in CEST, not CET
    (hours,) = replykit.extract_promises(msg("agent", "We will call you in 2 hours.", datetime(2026, 3, 29, 0, 30, tzinfo=BERLIN)), config=config)
    assert hours.deadline - hours.made_at == timedelta(hours=2)
    assert hours.deadline.astimezone(BERLIN).hour == 3  # 00:30 CET + 2 h = 03:30 CEST


def test_not_promises():
    at = utc(2026, 3, 13, 10, 0)
    for text in ("Guten Morgen, wir senden Ihnen die Unterlagen.", "Заказ отправлен вчера.",
                 "Мы работаем завтра с 9 до 18.", "Здравствуйте!\n\n> Перезвоним в течение часа."):  # fmt: skip
        assert replykit.extract_promises(msg("agent", text, at), locale="de" if "Morgen" in text else "ru") == (), text
    assert replykit.extract_promises(msg("customer", "Отправьте завтра", at)) == ()


def test_a_day_and_an_hour_in_two_sentences_are_two_promises():
    made = datetime(2026, 3, 13, 10, 0, tzinfo=MOSCOW)
    first, second = replykit.extract_promises(
        msg("agent", "Ответим до 18:00. Завтра пришлём отчёт.", made), config={"conversation": {"business-timezone": "Europe/Moscow"}}
    )
    assert (first.deadline_phrase, first.deadline) == ("до 18:00", datetime(2026, 3, 13, 18, 0, tzinfo=MOSCOW))
    assert (second.deadline_phrase, second.deadline) == ("Завтра", datetime(2026, 3, 14, 23, 59, 59, 999999, tzinfo=MOSCOW))


def test_promise_without_time_has_no_deadline():
    (promise,) = replykit.extract_promises("Отправим завтра.", locale="ru")
    assert promise.deadline is None and promise.status == "unknown" and promise.deadline_phrase == "завтра"


def _promise_thread(*later: Message) -> Conversation:
    return Conversation(
        messages=(
            msg("customer", "Где заказ?", utc(2026, 3, 10, 10, 0)),
            msg("agent", "Уточним и перезвоним в течение часа.", utc(2026, 3, 10, 10, 5)),
            *later,
        )
    )


@pytest.mark.parametrize(
    ("later", "status", "fires"),
    [
        ((msg("agent", "Заказ у курьера.", utc(2026, 3, 10, 10, 50)),), "kept", False),
        ((msg("agent", "Склад ещё проверяет, ответим через 2 часа.", utc(2026, 3, 10, 10, 50)),), "renegotiated", False),
        ((msg("agent", "Заказ у курьера.", utc(2026, 3, 10, 13, 0)),), "broken", True),
        ((msg("agent", "И ещё: спасибо за терпение.", utc(2026, 3, 10, 10, 6)),
          msg("agent", "Заказ у курьера.", utc(2026, 3, 10, 13, 0))), "broken", True),  # fmt: skip
        ((msg("customer", "Ну что?", utc(2026, 3, 10, 10, 30)),), "pending", False),
    ],
)
def test_promise_status_and_rule(later, status, fires):
    conv = _promise_thread(*later)
    promises = replykit.extract_promises(conv, locale="ru")
    assert [p.status for p in promises if p.message_index == 1] == [status]
    if conv.messages[-1].role == "agent":
        assert (codes(conv, "RK603") == ["RK603"]) is fires


def test_broken_promise_is_reported_once():
    conv = _promise_thread(
        msg("agent", "Заказ у курьера.", utc(2026, 3, 10, 13, 0)),
        msg("customer", "Спасибо", utc(2026, 3, 10, 13, 5)),
        msg("agent", "Пожалуйста!", utc(2026, 3, 10, 13, 10)),
    )
    assert codes(conv, "RK603") == []
    (promise,) = replykit.extract_promises(conv, locale="ru")
    assert promise.status == "broken" and promise.follow_up_index == 2
    pending = replykit.extract_promises(_promise_thread(), locale="ru", now=utc(2026, 3, 10, 12, 0))
    assert pending[0].status == "broken"
    with pytest.raises(InputError):
        replykit.extract_promises(_promise_thread(), now=datetime(2026, 3, 10, 12, 0))


def test_promise_lexicon_extends_from_config():
    at = utc(2026, 3, 13, 10, 0)
    assert replykit.extract_promises(msg("agent", "Курьер заедет завтра.", at), locale="ru") == ()
    config = {"conversation": {"extra": {"ru": {"commit": ["заедет"]}}}}
    assert len(replykit.extract_promises(msg("agent", "Курьер заедет завтра.", at), locale="ru", config=config)) == 1
    with pytest.raises(ConfigError, match="conversation.extra"):
        make_config({"conversation": {"extra": {"ru": {"verbs": ["x"]}}}})
    with pytest.raises(ConfigError, match="conversation.extra"):
        replykit.extract_promises(msg("agent", "Курьер заедет завтра.", at), locale="ru",
                                  config={"conversation": {"extra": {"ru": {"commit": "заедет"}}}})  # fmt: skip


# --- deflection, cool-down, email steering -------------------------------------------------------


def test_bare_deflection_needs_a_written_question_and_a_bare_pointer():
    def check(question: str, reply: str, channel: str = "email", **config: object) -> list[str]:
        conv = Conversation(messages=(msg("customer", question, None, channel), msg("agent", reply, None, channel)), locale="ru")
        return codes(conv, "RK604", **config)

    assert check("Как оплатить заказ?", "Здравствуйте! Звоните: 8 800 555-35-35.\n\nС уважением, Анна") == ["RK604"]
    assert check("Как оплатить заказ", "Всё на сайте: https://shop.example/pay") == ["RK604"]
    assert check("Как оплатить заказ?", "Картой на сайте или наличными курьеру: https://shop.example/pay") == []
    assert check("Оплатил заказ.", "Позвоните нам: 8 800 555-35-35.") == []
    assert check("Где заказ?", "Номер отслеживания: 2045 1234 5678.") == []  # an answer, not a phone
    assert check("Где заказ?", "Тел. +7 (495) 123-45-67") == ["RK604"]
    assert check("Как оплатить заказ?", "Позвоните нам: 8 800 555-35-35.", channel="phone") == []
    assert check("Как оплатить заказ?", "Позвоните нам по номеру 8 800 555-35-35, поможем быстро.") == ["RK604"]
    assert check("Как оплатить заказ?", "Позвоните нам по номеру 8 800 555-35-35, поможем быстро.",
                 conversation={"deflection-max-other-words": 0}) == []  # fmt: skip


def test_cool_down_after_hostility():
    def check(text: str, minutes: float, **config: object) -> list[str]:
        at = utc(2026, 3, 10, 10, 0)
        conv = Conversation(messages=(msg("customer", text, at), msg("agent", "Здравствуйте! Разбираемся.", at + timedelta(minutes=minutes))))
        return codes(conv, "RK605", **config)

    assert check("Вы мошенники! Верните деньги.", 2) == ["RK605"]
    assert check("Вы мошенники! Верните деньги.", 6) == []
    assert check("Вы мошенники! Верните деньги.", 6, conversation={"cooldown-minutes": 10}) == ["RK605"]
    assert check("ПОДСКАЖИТЕ ПОЖАЛУЙСТА ГДЕ ЗАКАЗ", 1) == []  # caps alone is 1 point
    assert check("ПОДСКАЖИТЕ ПОЖАЛУЙСТА ГДЕ ЗАКАЗ!!!", 1) == ["RK605"]  # caps + !!!
    assert check("Это ужасно.", 1) == []
    assert check("Это ужасно.", 1, conversation={"hostility-threshold": 1}) == ["RK605"]
    assert check("You are idiots, where is my parcel?", 1) == ["RK605"]  # the customer's language, not the reply's


def test_email_steering_only_for_configured_channels_and_long_requests():
    question = "Здравствуйте! " + "Можно ли поменять адрес доставки заказа? Как вернуть товар, если он не подошёл? " * 5

    def check(reply: str, channel: str = "messenger", **options: object) -> list[str]:
        conv = Conversation(messages=(msg("customer", question, None, channel), msg("agent", reply, None, channel)))
        return codes(conv, "RK606", conversation=options) if options else codes(conv, "RK606")

    assert check("Да, можно.") == ["RK606"]
    assert check("Напишите нам: help@shop.example, ответим подробно.") == []
    assert check("Да, можно.", channel="email") == []
    assert check("Да, можно.", channel="chat", steer_channels=["chat"]) == ["RK606"]
    assert check("Да, можно.", steer_min_chars=5000) == []
    assert "RK606" not in replykit.check(Conversation(messages=(msg("customer", question, None, "messenger"),
                                                                msg("agent", "Да, можно.", None, "messenger")))).codes()  # fmt: skip


def test_import_stays_lazy():
    code = "import sys, replykit; print(any(m.startswith('replykit.conversation') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- robustness ------------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["Где заказ?", "ВЫ ИДИОТЫ!!!", "Перезвоним в течение часа.", "Позвоните нам: +7 495 123-45-67",
                     "We'll send it tomorrow.", "Wir melden uns bis Freitag.", "", "   ", "https://x.example"]),
)  # fmt: skip


@st.composite
def _conversations(draw: st.DrawFn) -> Conversation:
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 525_600)))
    zone = ZoneInfo(draw(st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"])))
    messages = []
    for _ in range(draw(st.integers(0, 5))):
        at += timedelta(minutes=draw(st.integers(0, 3000)))
        stamp = at.astimezone(zone) if draw(st.booleans()) else None
        messages.append(msg(draw(st.sampled_from(["customer", "agent"])), draw(_TEXT), stamp,
                            draw(st.sampled_from(["email", "chat", "messenger", "phone"]))))  # fmt: skip
    at += timedelta(minutes=draw(st.integers(0, 3000)))
    reply = draw(_TEXT).replace("\x00", "")  # check() rejects NUL in the reply itself, not in history
    messages.append(msg("agent", reply, at.astimezone(zone) if draw(st.booleans()) else None, "messenger"))
    return Conversation(messages=tuple(messages), customer=Customer(timezone=draw(st.sampled_from([None, "Europe/Kyiv"]))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_conversations())
def test_conversation_rules_never_crash_and_figures_are_consistent(conv):
    report = replykit.check(conv, config={"select": ["RK6"]})
    assert all(f.code.startswith("RK6") for f in report.findings)
    times = replykit.response_times(conv)
    for reply in times.replies:
        assert timedelta(0) <= reply.delay <= reply.wall_delay
        assert conv.messages[reply.index].role == "agent"
    if times.replies:
        assert times.longest_wait == max(r.delay for r in times.replies)
    for promise in replykit.extract_promises(conv, locale="ru"):
        assert conv.messages[promise.message_index].role == "agent"
        assert promise.deadline is None or promise.deadline > promise.made_at


def test_options_from_a_toml_file(tmp_path):
    (tmp_path / "replykit.toml").write_text(
        """
[conversation]
business-timezone = "Europe/Moscow"
business-hours = { mon = ["09:00-13:00", "14:00-18:00"], tue = ["09:00-18:00"], sat = ["10:00-14:00"] }
holidays = [2026-03-09]
response-target-seconds = { email = 1800 }
contact-consent = true
[conversation.extra.ru]
commit = ["заедет"]
""",
        encoding="utf-8",
    )
    config = replykit.load_config(start=tmp_path)
    options = config.conversation
    assert options.business_hours["mon"] == ["09:00-13:00", "14:00-18:00"]
    assert options.response_target_seconds == {"email": 1800} and options.contact_consent
    cal = business_calendar(options, config.timezone)
    # Saturday 13:00 → Monday (a holiday) → Tuesday 09:30 Moscow: 1 h on Saturday + 30 min.
    start = datetime(2026, 3, 7, 13, 0, tzinfo=MOSCOW)
    assert cal.business_seconds(start, datetime(2026, 3, 10, 9, 30, tzinfo=MOSCOW)) == 90 * 60
    # The lunch break does not count.
    assert cal.business_seconds(datetime(2026, 3, 16, 12, 30, tzinfo=MOSCOW), datetime(2026, 3, 16, 14, 30, tzinfo=MOSCOW)) == 3600
    assert len(replykit.extract_promises(msg("agent", "Курьер заедет завтра.", start), locale="ru", config=config)) == 1


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [("Деньги вернём в течение 3–5 рабочих дней.", "ru", 16), ("We will refund you within 3-5 business days.", "en", 16),
     ("Wir erstatten den Betrag innerhalb von 2 - 3 Werktagen.", "de", 12)],
)  # fmt: skip
def test_ranges_take_the_later_end(text, lang, day):
    made = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)  # a Monday: 5 business days later is the next Monday
    (promise,) = replykit.extract_promises(msg("agent", text, made), locale=lang)
    assert promise.deadline == utc(2026, 3, day, 18, 0)


def test_a_time_of_day_is_not_a_duration():
    made = utc(2026, 3, 9, 10, 0)
    (promise,) = replykit.extract_promises(msg("agent", "Ще ви се обадим до 18 часа.", made), locale="bg")
    assert promise.deadline == utc(2026, 3, 9, 18, 0)  # 18:00 today, not 18 hours from now


def test_statements_about_others_are_not_promises():
    at = utc(2026, 3, 10, 10, 0)
    assert replykit.extract_promises(msg("agent", "The store will be closed tomorrow.", at), locale="en") == ()
    assert replykit.extract_promises(msg("agent", "Das Lager wird morgen geschlossen.", at), locale="de") == ()
    assert len(replykit.extract_promises(msg("agent", "Your parcel will be delivered tomorrow.", at), locale="en")) == 1


@pytest.mark.parametrize(
    ("text", "lang", "made", "deadline"),
    [
        ("Перезвоним до 18:00.", "ru", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 10, 18, 0, tzinfo=BERLIN)),
        ("Перезвоним до 18:00.", "ru", datetime(2026, 3, 10, 19, 0, tzinfo=BERLIN), datetime(2026, 3, 11, 18, 0, tzinfo=BERLIN)),
        ("We'll call you back by 5 pm.", "en", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 10, 17, 0, tzinfo=BERLIN)),
        ("17:30-ig visszahívjuk.", "hu", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 10, 17, 30, tzinfo=BERLIN)),
        ("Wir melden uns bis 16.30 Uhr.", "de", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 10, 16, 30, tzinfo=BERLIN)),
        ("Ще ви се обадим до 18 ч.", "bg", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 10, 18, 0, tzinfo=BERLIN)),
        ("Перезвоним до 18 часов.", "ru", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 10, 18, 0, tzinfo=BERLIN)),
        ("Wir rufen Sie bis 15 Uhr zurück.", "de", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 10, 15, 0, tzinfo=BERLIN)),
        ("Перезвоним через 18 часов.", "ru", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 11, 4, 0, tzinfo=BERLIN)),
        ("Мы работаем до 18:00.", "ru", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), None),
        ("Ще ви се обадим до 18:00 часа.", "bg", datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN), datetime(2026, 3, 10, 18, 0, tzinfo=BERLIN)),
        # Said late on Saturday 28 March: 09:00 on Sunday is already summer time (07:00 UTC).
        ("Надішлемо до 9:00.", "uk", datetime(2026, 3, 28, 22, 0, tzinfo=BERLIN), utc(2026, 3, 29, 7, 0)),
    ],
)
def test_clock_time_deadlines(text, lang, made, deadline):
    promises = replykit.extract_promises(msg("agent", text, made), locale=lang, config={"conversation": {"business-timezone": "Europe/Berlin"}})
    assert [p.deadline for p in promises] == ([deadline] if deadline else [])


@pytest.mark.parametrize(
    ("text", "lang", "deadline"),
    [
        ("Вернём деньги до 15 марта.", "ru", datetime(2026, 3, 15, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Отправим до 15.03.", "ru", datetime(2026, 3, 15, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Отправим до 16.30.", "ru", datetime(2026, 3, 10, 16, 30, tzinfo=MOSCOW)),  # no month 30: a time
        ("Надішлемо до 20 березня.", "uk", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Ще изпратим до 2 април.", "bg", datetime(2026, 4, 2, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Március 20-ig elküldjük.", "hu", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("We will ship it by March 20th.", "en", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Wir senden die Ware bis zum 20. März.", "de", datetime(2026, 3, 20, 23, 59, 59, 999999, tzinfo=MOSCOW)),
        ("Отправим до 5 января.", "ru", datetime(2027, 1, 5, 23, 59, 59, 999999, tzinfo=MOSCOW)),  # next year
        ("Отправим до 31 февраля.", "ru", None),
    ],
)
def test_date_deadlines(text, lang, deadline):
    made = datetime(2026, 3, 10, 10, 0, tzinfo=MOSCOW)
    promises = replykit.extract_promises(msg("agent", text, made), locale=lang, config={"conversation": {"business-timezone": "Europe/Moscow"}})
    assert [p.deadline for p in promises] == ([deadline] if deadline else [])
