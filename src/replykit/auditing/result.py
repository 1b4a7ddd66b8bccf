"""What an audit returns: a row per finding, a row per reply, and views of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from replykit.models import Severity

if TYPE_CHECKING:
    from matplotlib.axes import Axes

_SEVERITIES = tuple(s.value for s in sorted(Severity, reverse=True))  # error, warning, info


class FindingRow(NamedTuple):
    """One finding of one reply; offsets index that reply's original text."""

    reply_id: Any
    conversation_id: Any
    code: str
    rule: str
    family: str
    severity: str
    start: int
    end: int
    excerpt: str
    message: str


@dataclass(frozen=True, slots=True)
class ReplyAudit:
    """One checked reply: where it came from and what was found, or why it could not be checked."""

    reply_id: Any
    conversation_id: Any
    agent: Any
    channel: str | None
    sent_at: datetime | None
    language: str | None
    score: float | None  # the scorecard's 0–100, when one applies
    findings: tuple[FindingRow, ...]
    failure: str | None = None

    def passed(self, fail_on: Severity) -> bool:
        """Checked, with nothing at or above `fail_on`."""
        return self.failure is None and not any(Severity(f.severity) >= fail_on for f in self.findings)


def families() -> tuple[str, ...]:
    """Every registered rule family, in catalogue order."""
    from replykit.api import rules

    return tuple(dict.fromkeys(info.family for info in rules()))


FINDING_COLUMNS = FindingRow._fields


def summary_columns(family_names: tuple[str, ...]) -> tuple[str, ...]:
    return ("reply_id", "conversation_id", "agent", "channel", "sent_at", "language", "score", "total",
            *_SEVERITIES, *family_names, "passed", "failure")  # fmt: skip


def summary_row(reply: ReplyAudit, family_names: tuple[str, ...], fail_on: Severity) -> tuple[Any, ...]:
    """The reply's values in `summary_columns(family_names)` order."""
    severities = Counter(f.severity for f in reply.findings)
    by_family = Counter(f.family for f in reply.findings)
    return (
        reply.reply_id, reply.conversation_id, reply.agent, reply.channel, reply.sent_at, reply.language,
        reply.score, len(reply.findings), *(severities[s] for s in _SEVERITIES), *(by_family[f] for f in family_names),
        reply.passed(fail_on), reply.failure,
    )  # fmt: skip


class AuditResult:
    """The findings of an audit (`.findings`, one row each) and a row per reply (`.summary`).

    Both are pandas DataFrames when pandas is installed, else lists of `FindingRow` and of
    dicts with the same columns. `.replies` keeps the typed per-reply results.
    """

    def __init__(self, replies: list[ReplyAudit], *, families: tuple[str, ...], fail_on: Severity) -> None:
        self.replies = replies
        self.families = families
        self.fail_on = fail_on

    def __len__(self) -> int:
        return len(self.replies)

    @cached_property
    def findings(self) -> Any:
        rows = [f for r in self.replies for f in r.findings]
        return _frame(rows, FINDING_COLUMNS, _FINDING_TYPES) if _pandas() else rows

    @cached_property
    def summary(self) -> Any:
        columns = summary_columns(self.families)
        rows = [summary_row(r, self.families, self.fail_on) for r in self.replies]
        if not _pandas():
            return [dict(zip(columns, row, strict=True)) for row in rows]
        types = {**_SUMMARY_TYPES, **dict.fromkeys(self.families, "int64")}
        return _frame(rows, columns, types)


    @cached_property
    def counts(self) -> dict[str, Any]:
        """Totals: replies, mean score, failed, passed, findings, and findings by family, severity and rule."""
        rules: Counter[tuple[str, str]] = Counter()
        by_family: Counter[str] = Counter(dict.fromkeys(self.families, 0))
        by_severity: Counter[str] = Counter(dict.fromkeys(_SEVERITIES, 0))
        for reply in self.replies:
            for f in reply.findings:
                rules[(f.code, f.rule)] += 1
                by_family[f.family] += 1
                by_severity[f.severity] += 1
        scores = [r.score for r in self.replies if r.score is not None]
        return {
            "replies": len(self.replies),
            "mean_score": sum(scores) / len(scores) if scores else None,
            "failed": sum(r.failure is not None for r in self.replies),
            "passed": sum(r.passed(self.fail_on) for r in self.replies),
            "with_findings": sum(bool(r.findings) for r in self.replies),
            "findings": sum(by_severity.values()),
            "by_family": dict(by_family),
            "by_severity": dict(by_severity),
            "by_rule": dict(rules.most_common()),
        }

    def __repr__(self) -> str:
        c = self.counts
        return (
            f"<AuditResult {c['replies']:,} replies: {c['findings']:,} findings in {c['with_findings']:,} replies, "
            f"{c['passed']:,} passed, {c['failed']:,} could not be checked>"
        )

    def _repr_html_(self) -> str:
        from replykit.auditing.html import audit_html

        return audit_html(self)

    def plot_by_rule(self, *, top: int = 15, ax: Axes | None = None) -> Axes:
        """Bar chart: how often each rule fired (the `top` most frequent)."""
        from replykit.auditing.plot import by_rule

        return by_rule(self, top=top, ax=ax)

    def plot_by_agent(self, *, top: int = 15, ax: Axes | None = None) -> Axes:
        """Bar chart: findings per reply for each agent, by family (agents with most replies)."""
        from replykit.auditing.plot import by_agent

        return by_agent(self, top=top, ax=ax)

    def plot_over_time(self, *, period: str = "week", ax: Axes | None = None) -> Axes:
        """Line chart: findings per reply by family per day, week or month (replies with a time)."""
        from replykit.auditing.plot import over_time

        return over_time(self, period=period, ax=ax)


_FINDING_TYPES = {"reply_id": "object", "conversation_id": "object", "start": "int64", "end": "int64"}
_SUMMARY_TYPES = {"reply_id": "object", "conversation_id": "object", "agent": "object", "score": "float64", "total": "int64",
                  "passed": "bool", **dict.fromkeys(_SEVERITIES, "int64")}  # fmt: skip


def _pandas() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def _frame(rows: Sequence[tuple[Any, ...]], columns: tuple[str, ...], types: dict[str, str]) -> Any:
    """A DataFrame whose dtypes do not depend on the values (so empty ones match full ones)."""
    import pandas as pd

    data: dict[str, Any] = {}
    for i, name in enumerate(columns):
        values = [row[i] for row in rows]
        if name == "sent_at":
            data[name] = pd.Series(pd.to_datetime(values, utc=True), dtype="datetime64[ns, UTC]")
        else:
            data[name] = pd.Series(values, dtype=types.get(name, "string"))
    return pd.DataFrame(data, columns=list(columns))
