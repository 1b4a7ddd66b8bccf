"""Charts of an audit (matplotlib, the `plot` extra): by rule, by agent, over time."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from replykit.errors import MissingDependencyError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from replykit.auditing.result import AuditResult

_PERIODS = ("day", "week", "month")


def _axes(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingDependencyError("plots need matplotlib: pip install 'replykit[plot]'") from None
    return plt.subplots(figsize=(8, 4.5), layout="constrained")[1]


def by_rule(result: AuditResult, *, top: int, ax: Axes | None) -> Axes:
    ax = _axes(ax)
    counts = list(result.counts["by_rule"].items())[:top][::-1]
    ax.barh([f"{code} {rule}" for (code, rule), _ in counts], [n for _, n in counts], color="#d97706")
    ax.set_xlabel("findings")
    ax.set_title(f"Findings by rule ({result.counts['replies']:,} replies)")
    return ax


def by_agent(result: AuditResult, *, top: int, ax: Axes | None) -> Axes:
    ax = _axes(ax)
    replies: Counter[str] = Counter()
    found: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for reply in result.replies:
        if reply.failure is not None:
            continue
        agent = "(unknown)" if reply.agent is None else str(reply.agent)
        replies[agent] += 1
        found[agent].update(f.family for f in reply.findings)
    agents = [a for a, _ in replies.most_common(top)][::-1]
    left = [0.0] * len(agents)
    for family in result.families:
        rates = [found[a][family] / replies[a] for a in agents]
        if any(rates):
            ax.barh(agents, rates, left=left, label=family)
            left = [x + r for x, r in zip(left, rates, strict=True)]
    ax.set_xlabel("findings per reply")
    ax.set_title("Findings per reply by agent")
    _legend(ax)
    return ax


def over_time(result: AuditResult, *, period: str, ax: Axes | None) -> Axes:
    if period not in _PERIODS:
        from replykit.errors import ConfigError

        raise ConfigError(f"period must be one of {', '.join(_PERIODS)}, not {period!r}")
    ax = _axes(ax)
    replies: Counter[date] = Counter()
    found: defaultdict[date, Counter[str]] = defaultdict(Counter)
    for reply in result.replies:
        if reply.failure is not None or reply.sent_at is None:
            continue
        when = _bucket(reply.sent_at.date(), period)
        replies[when] += 1
        found[when].update(f.family for f in reply.findings)
    days = sorted(replies)
    for family in result.families:
        rates = [found[d][family] / replies[d] for d in days]
        if any(rates):
            ax.plot(days, rates, marker="o", label=family)  # type: ignore[arg-type]  # dates: matplotlib converts them
    ax.set_ylim(bottom=0)
    ax.set_ylabel("findings per reply")
    ax.set_title(f"Findings per reply by {period}")
    ax.figure.autofmt_xdate()
    _legend(ax)
    return ax


def _bucket(day: date, period: str) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def _legend(ax: Any) -> None:
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize="small")
