"""Scorecard options (`[tool.replykit.scorecard]`): categories, weights, critical codes, penalties.

Public names are re-exported by `replykit.scoring`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex
from pydantic import Field, PrivateAttr, field_validator, model_validator

from replykit._options import _Options
from replykit.models import Finding, Severity

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
        "integrity": Category(codes=("RK0",), critical=True),
        "greeting": Category(codes=("RK1",)),
        "closing": Category(codes=("RK102", "RK104", "RK108")),
        "tone": Category(codes=("RK2",), weight=2.0, critical=True),
        "personalisation": Category(codes=("RK3",), weight=1.5),
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
    critical_codes: tuple[str, ...] = Field(
        default=("RK305", "RK306"),  # somebody else's name, the customer's name misspelt
        description="codes or prefixes that fail a reply at any severity",
    )
    penalty: Penalties = Field(default_factory=Penalties)
    _plan: _Plan | None = PrivateAttr(default=None)

    @field_validator("critical_codes", mode="before")
    @classmethod
    def _valid_codes(cls, value: Any) -> tuple[str, ...]:
        return _codes(value)

    @model_validator(mode="after")
    def _some_category(self) -> ScorecardOptions:
        if not self.categories:
            raise ValueError("a scorecard needs at least one category")
        return self

    def plan(self) -> _Plan:
        """This scorecard compiled for scoring many replies (rebuilt if `model_copy` changed it)."""
        plan = self._plan
        if plan is None or not plan.built_from(self):
            plan = self._plan = _Plan(self)
        return plan

    def category_of(self, code: str) -> str | None:
        """The category whose longest code prefix matches `code`."""
        return self.plan().category_of(code)


class _Plan:
    """A scorecard as plain data, with the answers it has already worked out (codes are few)."""

    __slots__ = (
        "source", "names", "weights", "critical_names", "critical_codes", "critical_rank", "penalty", "prefixes",
        "known", "by_rules", "scored",
    )  # fmt: skip

    @staticmethod
    def source_of(options: ScorecardOptions) -> tuple[Any, ...]:
        return (options.categories, options.critical_codes, options.critical_severity, options.penalty)

    def built_from(self, options: ScorecardOptions) -> bool:
        return all(a is b for a, b in zip(self.source, self.source_of(options)))

    def __init__(self, options: ScorecardOptions) -> None:
        self.source = self.source_of(options)
        self.names = tuple(options.categories)
        self.weights = tuple(c.weight for c in options.categories.values())
        self.critical_names = frozenset(name for name, c in options.categories.items() if c.critical)
        self.critical_codes = options.critical_codes
        self.critical_rank = options.critical_severity.rank
        self.penalty = {s: getattr(options.penalty, s.value) for s in Severity}
        # Longest prefix first; among equal lengths the category listed first wins (sort is stable).
        pairs = [(prefix, name) for name, c in options.categories.items() for prefix in c.codes]
        self.prefixes = sorted(pairs, key=lambda pair: -len(pair[0]))
        self.known: dict[str, str | None] = {}
        self.by_rules: dict[tuple[str, ...], frozenset[str]] = {}
        # (categories that apply, findings and points lost per category) -> (lines, score)
        self.scored: dict[tuple[Any, ...], tuple[Any, float | None]] = {}

    def category_of(self, code: str) -> str | None:
        try:
            return self.known[code]
        except KeyError:
            name = self.known[code] = next((n for prefix, n in self.prefixes if code.startswith(prefix)), None)
            return name

    def applicable(self, codes: tuple[str, ...]) -> frozenset[str]:
        """The categories covering any of `codes` (the rules that ran), remembered per rule set."""
        try:
            return self.by_rules[codes]
        except KeyError:
            found = frozenset(name for name in map(self.category_of, codes) if name is not None)
            if len(self.by_rules) < 256:  # one entry per language, mode and selection
                self.by_rules[codes] = found
            return found

    def is_critical(self, finding: Finding, category: str | None) -> bool:
        """Does this finding (in `category`) fail the whole reply?"""
        if finding.code.startswith(self.critical_codes):
            return True
        return category in self.critical_names and finding.severity.rank >= self.critical_rank


@cache
def default_scorecard() -> ScorecardOptions:
    """The default scorecard, built once: configs share it (it is immutable)."""
    return ScorecardOptions()
