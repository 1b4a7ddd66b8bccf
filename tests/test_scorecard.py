"""Scorecard arithmetic, critical failures, configuration and conversation scores."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import replykit
from replykit import ConfigError, Conversation, Finding, Message, Report, Severity
from replykit.scoring import Category, ScorecardOptions, score


def finding(code: str, severity: str = "warning") -> Finding:
    return Finding(code=code, rule="r", severity=Severity(severity), message="m", start=0, end=1, excerpt="x")


OPTIONS = ScorecardOptions(
    categories={
        "greeting": Category(codes=("RK1",), weight=1.0),
        "closing": Category(codes=("RK102",), weight=1.0),
        "tone": Category(codes=("RK2",), weight=2.0, critical=True),
    }
)


def test_weighted_mean_of_categories():
    card = score([finding("RK101"), finding("RK201", "info")], ["RK101", "RK102", "RK201"], OPTIONS)
    by_name = {c.name: c for c in card.categories}
    assert by_name["greeting"].score == 80.0  # one warning: 100 - 20
    assert by_name["closing"].score == 100.0
    assert by_name["tone"].score == 95.0  # one info: 100 - 5
    assert card.score == round((80 + 100 + 2 * 95) / 4, 1)
    assert not card.failed


def test_longest_prefix_decides_the_category():
    assert OPTIONS.category_of("RK102") == "closing"
    assert OPTIONS.category_of("RK101") == "greeting"
    assert OPTIONS.category_of("RK999") is None


def test_category_whose_rules_did_not_run_is_left_out():
    card = score([finding("RK101")], ["RK101"], OPTIONS)
    assert {c.name: c.score for c in card.categories} == {"greeting": 80.0, "closing": None, "tone": None}
    assert card.score == 80.0


def test_penalties_never_go_below_zero():
    card = score([finding("RK101", "error")] * 5, ["RK101"], OPTIONS)
    assert card.categories[0].score == 0.0 and card.categories[0].findings == 5


def test_no_applicable_category_gives_no_score():
    assert score([], [], OPTIONS).score is None


def test_error_in_critical_category_fails_the_reply():
    card = score([finding("RK201", "error")], ["RK101", "RK201"], OPTIONS)
    assert card.failed and card.score == 0.0 and card.critical == ("RK201",)


def test_warning_in_critical_category_does_not_fail():
    card = score([finding("RK201", "warning")], ["RK101", "RK201"], OPTIONS)
    assert not card.failed and card.score == round((100 + 2 * 80) / 3, 1)


def test_critical_codes_fail_at_any_severity():
    options = OPTIONS.model_copy(update={"critical_codes": ("RK107",)})
    card = score([finding("RK107", "info"), finding("RK101")], ["RK101"], options)
    assert card.failed and card.score == 0.0 and card.critical == ("RK107",)


@given(
    st.lists(
        st.tuples(st.sampled_from(["RK101", "RK102", "RK201", "RK999"]), st.sampled_from(["info", "warning", "error"])),
        max_size=12,
    ),
    st.sampled_from(["RK101", "RK102", "RK201", "RK999"]),
    st.sampled_from(["info", "warning", "error"]),
)
def test_score_is_bounded_and_a_finding_never_raises_it(raw, code, severity):
    applied = ["RK101", "RK102", "RK201"]
    findings = [finding(c, s) for c, s in raw]
    before = score(findings, applied, OPTIONS)
    after = score([*findings, finding(code, severity)], applied, OPTIONS)
    assert before.score is not None and 0 <= before.score <= 100
    assert after.score is not None and after.score <= before.score
    assert before.failed == any(f.code.startswith("RK2") and f.severity == Severity.ERROR for f in findings)


def test_check_fills_score_and_breakdown():
    report = replykit.check("Привет! Заказ отправлен.", config={"select": ["RK1", "RK71"]})
    assert report.scorecard is not None and report.score == report.scorecard.score
    by_name = {c.name: c for c in report.scorecard.categories}
    assert by_name["greeting"].findings == 1 and by_name["greeting"].score == 80.0  # RK107, a warning
    assert by_name["closing"].findings == 1 and by_name["closing"].score == 80.0  # RK102 sits in "closing"
    assert by_name["tone"].score is None  # no RK2xx rule ran
    assert report.score == round((80 + 80 + 100) / 3, 1)  # greeting, closing, readability
    assert Report.model_validate_json(report.to_json()) == report
    row = report.scorecard.row()
    assert row["score"] == report.score and row["greeting"] == 80.0 and "marker.thanks" in row


def test_team_scorecard_from_config_mapping():
    config = {
        "scorecard": {
            "critical-codes": ["RK107"],
            "penalty": {"warning": 10},
            "categories": {"opening": {"codes": ["RK101", "RK107"], "weight": 3}},
        }
    }
    failed = replykit.check("Привет! Заказ отправлен.", config=config)
    assert failed.scorecard.failed and failed.score == 0.0 and failed.scorecard.critical == ("RK107",)
    ok = replykit.check("Заказ отправлен.", config=config)
    assert [c.name for c in ok.scorecard.categories] == ["opening"] and ok.score == 90.0


@pytest.mark.parametrize(
    "bad",
    [
        {"categories": {}},
        {"categories": {"x": {"codes": ["R-1"]}}},
        {"categories": {"x": {"codes": []}}},
        {"categories": {"x": {"codes": ["RK1"], "weight": -1}}},
        {"penalty": {"warning": 150}},
        {"critical-codes": ["no such"]},
    ],
)
def test_invalid_scorecard_config(bad):
    with pytest.raises(ConfigError, match="scorecard"):
        replykit.check("Здравствуйте!", config={"scorecard": bad})


def test_conversation_score_is_the_mean_of_replies():
    conversation = Conversation(
        messages=(
            Message(role="customer", text="Где заказ?"),
            Message(role="agent", text="Привет! Проверяю.", channel="chat"),
            Message(role="customer", text="Ну что?"),
            Message(role="agent", text="Заказ отправлен.", channel="chat"),
        )
    )
    result = replykit.score_conversation(conversation)
    assert len(result.replies) == 2
    scores = [r.score for r in result.replies]
    assert result.score == round(sum(scores) / 2, 1) and not result.failed
    assert result.replies[0].codes() == ["RK107"] and result.replies[1].codes() == []
    assert result.row()["replies"] == 2


def test_conversation_fails_when_a_reply_fails():
    conversation = Conversation(
        messages=(Message(role="agent", text="Привет!"), Message(role="agent", text="Здравствуйте!")),
    )
    result = replykit.score_conversation(conversation, config={"scorecard": {"critical-codes": ["RK107"]}})
    assert result.failed and result.replies[0].score == 0.0 and result.score == round(result.replies[1].score / 2, 1)


def test_conversation_without_agent_reply_is_an_input_error():
    with pytest.raises(replykit.InputError):
        replykit.score_conversation(Conversation(messages=(Message(role="customer", text="Алло?"),)))


def test_documented_examples_hold():
    import re
    import tomllib
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "scorecard.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", doc, re.S).group(1)
    table = tomllib.loads(block)["tool"]["replykit"]
    report = replykit.check("Привет! Заказ отправлен.", config=table)
    assert report.scorecard.failed and report.scorecard.critical == ("RK107",)
    shown = replykit.check("Привет! Заказ отправлен.", config={"select": ["RK1", "RK7"]})
    assert f">>> report.score\n{shown.score}\n" in doc
    lines = [(c.name, c.score) for c in shown.scorecard.categories if c.score is not None]
    assert repr(lines) in doc and repr(shown.scorecard.markers) in doc


@pytest.mark.parametrize("code", ["RK305", "RK001", "RK505", "RK201"])
def test_default_scorecard_fails_critical_findings(code):
    """Wrong name, garbled text, unfilled placeholder, "ты" to a customer who never used it."""
    from replykit._examples import example_input
    from replykit.engine import rule_info

    example = next(e for e in rule_info(code).examples if e.fires)
    value, kwargs = example_input(example.text, example.context)
    report = replykit.check(value, locale=example.lang, **kwargs)
    assert code in report.codes()
    assert report.scorecard.failed and report.score == 0.0 and code in report.scorecard.critical


def test_nul_in_customer_history_does_not_fail_the_check():
    # Found by tests/test_conversation.py's property test after merging main.
    conversation = Conversation(messages=(Message(role="customer", text="\x00"), Message(role="agent", text="")))
    assert replykit.check(conversation).findings == ()
