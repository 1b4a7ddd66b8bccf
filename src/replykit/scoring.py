"""Scorecards: findings add up to a 0–100 score per reply and per conversation.

A category covers rule codes or prefixes (the longest matching prefix wins, so "RK102" can sit
in "closing" while "RK1" is "greeting"). A category scores 100 minus a penalty per finding by
severity, never below 0, and is left out when none of its rules applied to the reply. The reply
scores the weighted mean of its categories, or 0 when a critical finding fails it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import regex
from pydantic import Field, field_validator, model_validator

from replykit.config import _Options
from replykit.models import CategoryScore, ConversationScore, Finding, Readability, Report, Scorecard, Severity

if TYPE_CHECKING:
    from replykit.engine import Context, RuleInfo

_CODE = regex.compile(r"[A-Z]+\d*")


def _codes(value: Any) -> tuple[str, ...]:
    """Rule codes or prefixes, upper-cased; a single string is one code."""
    if isinstance(value, str):
        value = [value]
    codes = tuple(str(v).strip().upper() for v in value)
    for code in codes:
        if not _CODE.fullmatch(code):
            raise ValueError(f"{code!r} is not a rule code or prefix like RK1 or RK102")
    return codes


class Category(_Options):
    """A scorecard line: which rules it covers, how much it weighs, whether it can fail a reply."""

    codes: tuple[str, ...] = Field(min_length=1)
    weight: float = Field(default=1.0, ge=0)
    critical: bool = False

    @field_validator("codes", mode="before")
    @classmethod
    def _valid_codes(cls, value: Any) -> tuple[str, ...]:
        return _codes(value)


class Penalties(_Options):
    """Points a category loses per finding of each severity."""

    info: float = Field(default=5.0, ge=0, le=100)
    warning: float = Field(default=20.0, ge=0, le=100)
    error: float = Field(default=50.0, ge=0, le=100)


def _default_categories() -> dict[str, Category]:
    return {
        "greeting": Category(codes=("RK1",)),
        "closing": Category(codes=("RK102", "RK104", "RK108")),
        "tone": Category(codes=("RK2",), weight=2.0, critical=True),
        "personalisation": Category(codes=("RK3",), weight=1.5, critical=True),
        "solution": Category(codes=("RK4",), weight=2.0),
        "plainness": Category(codes=("RK5",), critical=True),
        "conversation": Category(codes=("RK6",)),
        "empathy": Category(codes=("RK70",)),
        "readability": Category(codes=("RK71",)),
    }


class ScorecardOptions(_Options):
    """The scorecard (`[tool.replykit.scorecard]`); `categories` replaces the default set."""

    categories: dict[str, Category] = Field(default_factory=_default_categories)
    critical_severity: Severity = Field(
        default=Severity.ERROR, description="a finding this severe in a critical category fails the reply"
    )
    critical_codes: tuple[str, ...] = Field(default=(), description="codes or prefixes that fail a reply at any severity")
    penalty: Penalties = Field(default_factory=Penalties)

    @field_validator("critical_codes", mode="before")
    @classmethod
    def _valid_codes(cls, value: Any) -> tuple[str, ...]:
        return _codes(value)

    @model_validator(mode="after")
    def _some_category(self) -> ScorecardOptions:
        if not self.categories:
            raise ValueError("a scorecard needs at least one category")
        return self

    def category_of(self, code: str) -> str | None:
        """The category whose longest code prefix matches `code`."""
        best, best_len = None, -1
        for name, category in self.categories.items():
            for prefix in category.codes:
                if code.startswith(prefix) and len(prefix) > best_len:
                    best, best_len = name, len(prefix)
        return best

    def is_critical(self, finding: Finding) -> bool:
        if any(finding.code.startswith(c) for c in self.critical_codes):
            return True
        name = self.category_of(finding.code)
        return name is not None and self.categories[name].critical and finding.severity >= self.critical_severity


def score(findings: Sequence[Finding], applied: Iterable[str], options: ScorecardOptions) -> Scorecard:
    """Score `findings` of a reply on which the rules with codes `applied` ran."""
    applicable = {options.category_of(code) for code in applied}
    counts: dict[str, int] = dict.fromkeys(options.categories, 0)
    lost: dict[str, float] = dict.fromkeys(options.categories, 0.0)
    for finding in findings:
        name = options.category_of(finding.code)
        if name is not None:
            counts[name] += 1
            lost[name] += getattr(options.penalty, finding.severity.value)
            applicable.add(name)
    lines = []
    total = weights = 0.0
    for name, category in options.categories.items():
        value = max(0.0, 100.0 - lost[name]) if name in applicable else None
        lines.append(CategoryScore(name=name, score=value, weight=category.weight, findings=counts[name]))
        if value is not None and category.weight > 0:
            total += category.weight * value
            weights += category.weight
    critical = tuple(dict.fromkeys(f.code for f in findings if options.is_critical(f)))
    result = round(total / weights, 1) if weights else None
    if critical:
        result = 0.0
    return Scorecard(score=result, failed=bool(critical), critical=critical, categories=tuple(lines))


def score_reply(ctx: Context, findings: Sequence[Finding], applied: Sequence[RuleInfo]) -> Scorecard:
    """The reply's scorecard with its empathy markers and readability."""
    from replykit.tone.analysis import markers, readability

    card = score(findings, (info.code for info in applied), ctx.config.scorecard)
    stats = readability(ctx)
    measured = None
    if stats is not None:
        measured = Readability(
            index=stats.data.index,
            reading_ease=round(stats.ease, 1),
            grade=round(stats.grade, 1),
            sentences=len(stats.sentences),
            words=stats.words,
            syllables=stats.syllables,
            long_words=stats.long_words,
        )
    present = {kind: span is not None for kind, span in markers(ctx).items()}
    return card.model_copy(update={"markers": present, "readability": measured})


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
