"""The typed public contract: messages, conversations, customers, findings and reports.

All models are immutable and round-trip through JSON.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import Enum
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Role = Literal["customer", "agent"]
Channel = Literal["email", "chat", "messenger", "social", "sms", "phone"]
Gender = Literal["male", "female"]


class Severity(str, Enum):
    """How bad a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_setattr = object.__setattr__  # what pydantic sets instance state with, past the frozen check


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def _trusted(cls, **values: Any) -> Self:
        """An instance of values replykit computed itself, each of its field's type, every field given
        in order: what `model_construct` makes of them, without the cost of its generality (aliases,
        defaults), which is more than validating again. For models without validators or private
        attributes; the engine builds thousands of findings a second this way."""
        instance = cls.__new__(cls)
        _setattr(instance, "__dict__", values)
        _setattr(instance, "__pydantic_fields_set__", set(values))
        _setattr(instance, "__pydantic_extra__", None)
        _setattr(instance, "__pydantic_private__", None)
        return instance


class Message(_Frozen):
    """One message of a conversation. `sent_at`, when given, must carry a time zone."""

    role: Role
    text: str
    sent_at: datetime | None = None
    channel: Channel = "email"

    @field_validator("sent_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            raise ValueError("sent_at must be timezone-aware (e.g. datetime(..., tzinfo=timezone.utc))")
        return value


class Customer(_Frozen):
    """What the business knows about the person it writes to."""

    first_name: str | None = None
    patronymic: str | None = None
    last_name: str | None = None
    gender: Gender | None = None
    preferred_address: str | None = None
    locale: str | None = None
    timezone: str | None = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(value)
        except Exception as exc:  # ZoneInfoNotFoundError, ValueError on odd keys
            raise ValueError(f"unknown IANA time zone {value!r}") from exc
        return value


class Conversation(_Frozen):
    """Messages in the order they were sent."""

    messages: tuple[Message, ...] = ()
    customer: Customer | None = None
    locale: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Conversation:
        stamps = [m.sent_at for m in self.messages if m.sent_at is not None]
        if any(b < a for a, b in zip(stamps, stamps[1:])):
            raise ValueError("messages must be in the order they were sent (sent_at decreases)")
        return self


class Fix(_Frozen):
    """Replace original[start:end] with `replacement`. Unsafe fixes are only suggested."""

    start: int
    end: int
    replacement: str
    safe: bool = True


class Finding(_Frozen):
    """One problem in the checked text. Offsets index the caller's original string."""

    code: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    excerpt: str
    fixes: tuple[Fix, ...] = ()
    line: int = Field(default=1, description="1-based line of `start` in the original text")
    column: int = Field(default=1, description="1-based column of `start` in the original text")


class Readability(_Frozen):
    """How hard the agent's own words are to read (languages with readability data: ru, en, de)."""

    index: str = Field(description="the formula, e.g. Flesch Reading Ease (Oborneva, 2006)")
    reading_ease: float = Field(description="higher is easier; below 30 is very hard, above 80 easy")
    grade: float = Field(description="school grade needed: Flesch–Kincaid (ru, en), Wiener Sachtextformel (de)")
    sentences: int
    words: int
    syllables: int
    long_words: int


class CategoryScore(_Frozen):
    """One scorecard line: 0–100, or None when none of its rules applied to this reply."""

    name: str
    score: float | None
    weight: float
    findings: int = 0


class Scorecard(_Frozen):
    """A reply's score (0–100, 0 when a critical finding fails it) and its breakdown."""

    score: float | None
    failed: bool = False
    critical: tuple[str, ...] = Field(default=(), description="codes of the findings that failed the reply")
    categories: tuple[CategoryScore, ...] = ()
    markers: dict[str, bool] = Field(default_factory=dict, description="empathy markers present or absent")
    readability: Readability | None = None

    def row(self) -> dict[str, Any]:
        """One flat row for an audit table: score, failed, each category, each marker, reading ease."""
        row: dict[str, Any] = {"score": self.score, "failed": self.failed, "critical": " ".join(self.critical)}
        row.update({c.name: c.score for c in self.categories})
        row.update({f"marker.{k}": v for k, v in self.markers.items()})
        row["reading_ease"] = self.readability.reading_ease if self.readability else None
        return row


class Report(_Frozen):
    """The findings for one checked reply, with its score when a scorecard applies."""

    findings: tuple[Finding, ...] = ()
    language: str
    text: str = Field(default="", description="the original text the offsets refer to")
    score: float | None = Field(default=None, description="the scorecard's 0–100 score")
    scorecard: Scorecard | None = None

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @property
    def ok(self) -> bool:
        return not self.findings

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def _repr_html_(self) -> str:  # Jupyter: the reply with its findings highlighted
        from replykit.auditing.html import report_html

        return report_html(self)


class ConversationScore(_Frozen):
    """Scores of every agent reply of a conversation and their mean (a failed reply counts 0)."""

    score: float | None
    failed: bool
    categories: dict[str, float | None] = Field(default_factory=dict, description="mean per category")
    replies: tuple[Report, ...] = ()

    def row(self) -> dict[str, Any]:
        return {"score": self.score, "failed": self.failed, "replies": len(self.replies), **self.categories}
