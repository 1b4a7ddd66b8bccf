"""Notebook views of reports and audits: HTML with highlighted findings, and plots."""

from __future__ import annotations

import html
import re
import sys
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import replykit
from replykit import Finding, Report, Severity

_TAG = re.compile(r"<[^>]*>")


def _visible(markup: str) -> str:
    """The text a browser shows from the reply box (tags dropped, entities decoded)."""
    box = markup.split("</div>", 1)[0]
    return html.unescape(_TAG.sub("", box))


def _finding(start: int, end: int, text: str, code: str = "RK101", severity: Severity = Severity.WARNING) -> Finding:
    return Finding(code=code, rule="missing-greeting", severity=severity, message=f"msg {code} <&> \"q\"",
                   start=start, end=end, excerpt=text[start:end])  # fmt: skip


def test_report_html_highlights_findings_and_explains_on_hover():
    report = replykit.check("Привет! Заказ отправлен.")
    markup = report._repr_html_()
    marks = re.findall(r'<mark [^>]*title="([^"]*)">([^<]*)</mark>', markup)
    assert [m[1] for m in marks] == ["Привет", "Заказ отправлен."]
    assert html.unescape(marks[0][0]).startswith("RK107 familiar-greeting (warning): “Привет” is too familiar")
    assert _visible(markup) == report.text
    assert f"score {report.score:.1f}" in markup


def test_report_html_escapes_the_reply_and_messages():
    text = 'Hi <script>alert("x")</script> & bye'
    markup = Report(findings=(_finding(0, 2, text),), language="en", text=text)._repr_html_()
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert 'title="RK101 missing-greeting (warning): msg RK101 &lt;&amp;&gt; &quot;q&quot;"' in markup


def test_overlapping_and_empty_spans():
    text = "abcdef"
    findings = (
        _finding(0, 4, text, "RK101"),
        _finding(2, 6, text, "RK102", Severity.ERROR),
        _finding(6, 6, text, "RK103", Severity.INFO),  # an insertion at the end
    )
    markup = Report(findings=findings, language="en", text=text)._repr_html_()
    marks = re.findall(r'<mark style="background:([^;]*);[^"]*" title="([^"]*)">([^<]*)</mark>', markup)
    assert [m[2] for m in marks] == ["ab", "cd", "ef", "⁁"]
    assert "RK101" in marks[1][1] and "RK102" in marks[1][1]  # the overlap explains both
    assert marks[1][0] == "#f8b4b4"  # coloured by the worse severity


@given(
    text=st.text(alphabet=st.sampled_from("ab <>&\"'\n"), max_size=30),
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=5),
)
def test_html_shows_exactly_the_reply_text(text, spans):
    findings = tuple(
        _finding(min(a, b, len(text)), min(max(a, b), len(text)), text) for a, b in spans
    )
    markup = Report(findings=findings, language="en", text=text)._repr_html_()
    assert _visible(markup).replace("⁁", "") == text


def test_audit_html_is_a_compact_summary():
    texts = ["Привет! Заказ отправлен.", "Здравствуйте!\n\nГотово.\n\nС уважением, Анна"]
    result = replykit.audit(texts, workers=1, config={"select": ["RK1"]})  # greetings only: known counts
    markup = result._repr_html_()
    assert "2 replies, 2 findings in 1 replies" in markup
    assert "<code>RK107</code>" in markup and "familiar-greeting" in markup
    scores = [replykit.check(t, config={"select": ["RK1"]}).score for t in texts]
    assert f"mean score {sum(scores) / len(scores):.1f}" in markup
    assert repr(result).startswith("<AuditResult 2 replies: 2 findings")


# --- plots --------------------------------------------------------------------------------------------


def _chat_rows():
    rows = []
    for day in range(1, 15):
        for agent, text in (("anna", "Привет! Заказ в пути."), ("boris", "Здравствуйте! Заказ в пути.")):
            rows.append({"conversation_id": f"{agent}{day}", "role": "agent", "text": text, "agent": agent,
                         "channel": "chat", "sent_at": f"2024-03-{day:02d}T10:00:00Z"})  # fmt: skip
    return rows


@pytest.fixture
def plt():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")


def test_plot_by_rule(plt):
    texts = ["Привет! Заказ отправлен.", "Привет!", "Здравствуйте!"]
    ax = replykit.audit(texts, workers=1).plot_by_rule()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in ax.patches]
    expected = Counter(f"{f.code} {f.rule}" for t in texts for f in replykit.check(t).findings)
    assert dict(zip(labels, widths, strict=True)) == expected
    assert labels[-1] == expected.most_common(1)[0][0]  # the most frequent rule on top


def test_plot_by_agent_and_over_time(plt):
    result = replykit.audit(_chat_rows(), workers=1, config={"select": ["RK1"]})  # greetings only: known rates
    ax = result.plot_by_agent()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    rates = dict(zip(labels, [p.get_width() for p in ax.patches], strict=True))
    assert rates == {"anna": 1.0, "boris": 0.0}  # anna says "Привет" every time
    _, ax = plt.subplots()
    assert result.plot_over_time(period="week", ax=ax) is ax
    [line] = ax.get_lines()
    assert len(line.get_xdata()) == 3  # 1–14 March 2024 spans three ISO weeks
    assert list(line.get_ydata()) == [0.5, 0.5, 0.5]
    with pytest.raises(replykit.ConfigError):
        result.plot_over_time(period="year")


def test_plots_without_matplotlib_say_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    result = replykit.audit(["Привет!"], workers=1)
    with pytest.raises(replykit.MissingDependencyError, match=r"replykit\[plot\]"):
        result.plot_by_rule()
