"""Scorecards: findings add up to a 0–100 score per reply and per conversation.

A category covers rule codes or prefixes (the longest matching prefix wins, so "RK102" can sit
in "closing" while "RK1" is "greeting"). A category scores 100 minus a penalty per finding by
severity, never below 0, and is left out when none of its rules applied to the reply. The reply
scores the weighted mean of its categories, or 0 when a critical finding fails it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from replykit._scorecard import Category, Penalties, ScorecardOptions
from replykit.models import (
    CategoryScore,
    ConversationScore,
    Finding,
    Readability,
    Report,
    Scorecard,
)

__all__ = ["Category", "Penalties", "ScorecardOptions", "combine", "score", "score_reply"]

if TYPE_CHECKING:
    from replykit.engine import Context, RuleInfo


def score(
    findings: Sequence[Finding],
    applied: Iterable[str],
    options: ScorecardOptions,
    *,
    markers: dict[str, bool] | None = None,
    readability: Readability | None = None,
) -> Scorecard:
    """Score `findings` of a reply on which the rules with codes `applied` ran."""
    # The caller's markers and readability are validated, as everything a user passes in.
    return Scorecard(**dict(_score(findings, applied, options, markers or {}, readability)))


def _score(
    findings: Sequence[Finding],
    applied: Iterable[str],
    options: ScorecardOptions,
    markers: dict[str, bool],
    readability: Readability | None,
) -> Scorecard:
    """`score` of values replykit computed itself: built without validating them again (`_trusted`)."""
    plan = options.plan()
    category_of, penalty = plan.category_of, plan.penalty
    applicable = set(plan.applicable(tuple(applied)))
    counts: dict[str, int] = dict.fromkeys(plan.names, 0)
    lost: dict[str, float] = dict.fromkeys(plan.names, 0.0)
    critical: dict[str, None] = {}
    for finding in findings:
        name = category_of(finding.code)
        if name is not None:
            counts[name] += 1
            lost[name] += penalty[finding.severity]
            applicable.add(name)
        if plan.is_critical(finding, name):
            critical[finding.code] = None
    key = (frozenset(applicable), tuple(counts.values()), tuple(lost.values()))
    try:
        lines, result = plan.scored[key]
    except KeyError:
        lines, result = plan.scored[key] = _lines(plan.names, plan.weights, applicable, counts, lost)
        if len(plan.scored) > 4096:  # bounded: the same few outcomes recur across replies
            plan.scored.clear()
    if critical:
        result = 0.0
    return Scorecard._trusted(
        score=result,
        failed=bool(critical),
        critical=tuple(critical),
        categories=lines,
        markers=markers,
        readability=readability,
    )


def _lines(
    names: tuple[str, ...], weights: tuple[float, ...], applicable: set[str], counts: dict[str, int], lost: dict[str, float]
) -> tuple[tuple[CategoryScore, ...], float | None]:
    """The category lines and the weighted score before critical findings."""
    lines = []
    total = weight_sum = 0.0
    for name, weight in zip(names, weights):
        value = max(0.0, 100.0 - lost[name]) if name in applicable else None
        lines.append(_line(name, value, weight, counts[name]))
        if value is not None and weight > 0:
            total += weight * value
            weight_sum += weight
    return tuple(lines), round(total / weight_sum, 1) if weight_sum else None


@lru_cache(maxsize=4096)
def _line(name: str, value: float | None, weight: float, findings: int) -> CategoryScore:
    """Lines repeat across replies (most categories score 100 with no findings); share them."""
    return CategoryScore(name=name, score=value, weight=weight, findings=findings)


def score_reply(ctx: Context, findings: Sequence[Finding], applied: Sequence[RuleInfo]) -> Scorecard:
    """The reply's scorecard with its empathy markers and readability."""
    from replykit.tone.analysis import markers, readability

    stats = readability(ctx)
    measured = None
    if stats is not None:
        measured = Readability._trusted(
            index=stats.data.index,
            reading_ease=round(stats.ease, 1),
            grade=round(stats.grade, 1),
            sentences=len(stats.sentences),
            words=stats.words,
            syllables=stats.syllables,
            long_words=stats.long_words,
        )
    present = {kind: span is not None for kind, span in markers(ctx).items()}
    codes = [info.code for info in applied]
    return _score(findings, codes, ctx.config.scorecard, present, measured)


def combine(reports: Sequence[Report]) -> ConversationScore:
    """A conversation's score: the mean over its scored replies, per category too."""
    cards = [r.scorecard for r in reports if r.scorecard is not None]
    scores = [c.score for c in cards if c.score is not None]
    per_category: dict[str, list[float]] = {}
    for card in cards:
        for line in card.categories:
            bucket = per_category.setdefault(line.name, [])
            if line.score is not None:
                bucket.append(line.score)
    return ConversationScore(
        score=_mean(scores),
        failed=any(c.failed for c in cards),
        categories={name: _mean(values) for name, values in per_category.items()},
        replies=tuple(reports),
    )


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None
