"""HTML for notebooks: a reply with its findings highlighted (hover explains), an audit's summary."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from replykit.models import Finding, Report, Severity

if TYPE_CHECKING:
    from replykit.auditing.result import AuditResult

_COLOURS = {Severity.ERROR: "#f8b4b4", Severity.WARNING: "#fde68a", Severity.INFO: "#bfdbfe"}
_BOX = "font-family:system-ui,sans-serif;font-size:13px;max-width:60em"
_TEXT = "white-space:pre-wrap;border:1px solid #ddd;border-radius:4px;padding:8px;margin:4px 0"
_CELL = "text-align:left;padding:2px 8px;vertical-align:top;font-size:inherit"


def _title(findings: list[Finding]) -> str:
    return "\n".join(f"{f.code} {f.rule} ({f.severity.value}): {f.message}" for f in findings)


def _mark(body: str, findings: list[Finding]) -> str:
    worst = max(f.severity for f in findings)
    return (
        f'<mark style="background:{_COLOURS[worst]};border-radius:2px" '
        f'title="{escape(_title(findings))}">{body}</mark>'
    )


def report_html(report: Report) -> str:
    """The reply text, each finding's span highlighted, its message in the hover title."""
    text = report.text
    spans = [f for f in report.findings if f.start < f.end]
    points = [f for f in report.findings if f.start >= f.end]  # insertions: shown as a caret
    cuts = sorted({0, len(text), *(f.start for f in spans), *(f.end for f in spans), *(f.start for f in points)})
    parts = []
    for a, b in zip(cuts, cuts[1:] + [None], strict=True):
        here = [f for f in points if f.start == a]
        if here:
            parts.append(_mark("⁁", here))
        if b is None:
            break
        body = escape(text[a:b])
        covering = [f for f in spans if f.start <= a and b <= f.end]
        parts.append(_mark(body, covering) if covering else body)
    rows = "".join(
        f'<tr><td style="{_CELL}"><code>{escape(f.code)}</code></td><td style="{_CELL}">{escape(f.rule)}</td>'
        f'<td style="{_CELL};background:{_COLOURS[f.severity]}">{escape(f.severity.value)}</td>'
        f'<td style="{_CELL}">{escape(f.message)}</td></tr>'
        for f in report.findings
    )
    table = f'<table style="border-collapse:collapse">{rows}</table>' if rows else "<p>No findings.</p>"
    return (
        f'<div class="replykit-report" style="{_BOX}"><div style="{_TEXT}">{"".join(parts)}</div>'
        f"<small>language: {escape(report.language)} · {len(report.findings)} finding(s)"
        f"{'' if report.score is None else f' · score {report.score:.1f}'}</small>{table}</div>"
    )


def audit_html(result: AuditResult) -> str:
    """Totals, findings by family and the most frequent rules, compact."""
    c = result.counts
    head = (
        f"<b>replykit audit</b>: {c['replies']:,} replies, {c['findings']:,} findings in "
        f"{c['with_findings']:,} replies; {c['passed']:,} passed, {c['failed']:,} could not be checked"
        + (f"; mean score {c['mean_score']:.1f}" if c["mean_score"] is not None else "")
    )
    families = "".join(
        f'<tr><td style="{_CELL}">{escape(name)}</td><td style="{_CELL}">{n:,}</td></tr>'
        for name, n in c["by_family"].items()
    )
    rules = "".join(
        f'<tr><td style="{_CELL}"><code>{escape(code)}</code></td><td style="{_CELL}">{escape(rule)}</td>'
        f'<td style="{_CELL}">{n:,}</td></tr>'
        for (code, rule), n in list(c["by_rule"].items())[:10]
    )
    return (
        f'<div class="replykit-audit" style="{_BOX}"><p>{head}</p>'
        f'<table style="display:inline-table;border-collapse:collapse;margin-right:2em">'
        f'<tr><th style="{_CELL}">family</th><th style="{_CELL}">findings</th></tr>{families}</table>'
        f'<table style="display:inline-table;border-collapse:collapse">'
        f'<tr><th style="{_CELL}">code</th><th style="{_CELL}">rule</th><th style="{_CELL}">findings</th></tr>{rules}'
        "</table></div>"
    )
