"""Scorecard options (`[tool.replykit.scorecard]`): categories, weights, critical codes, penalties.

Public names are re-exported by `replykit.scoring`.
"""

from __future__ import annotations

from collections.abc import Callable
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
    _category_cache: dict[str, str | None] = PrivateAttr(default_factory=dict)

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
        return self.resolver()(code)

    def resolver(self) -> Callable[[str], str | None]:
        """`category_of` remembering its answers: it is asked for every rule of every check."""
        known = self._category_cache
        categories = self.categories

        def category_of(code: str) -> str | None:
            try:
                return known[code]
            except KeyError:
                pass
            best, best_len = None, -1
            for name, category in categories.items():
                for prefix in category.codes:
                    if code.startswith(prefix) and len(prefix) > best_len:
                        best, best_len = name, len(prefix)
            known[code] = best
            return best

        return category_of

    def is_critical(self, finding: Finding) -> bool:
        if any(finding.code.startswith(c) for c in self.critical_codes):
            return True
        name = self.category_of(finding.code)
        return name is not None and self.categories[name].critical and finding.severity >= self.critical_severity


@cache
def default_scorecard() -> ScorecardOptions:
    """The default scorecard, built once: configs share it (it is immutable)."""
    return ScorecardOptions()
