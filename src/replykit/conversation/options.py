"""Options of the RK6xx conversation rules: per-channel targets, the business calendar, cues."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from replykit._options import _Options
from replykit.models import Channel

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Keys of a language's data file that `extra` may extend (lists are appended; `numbers` merged).
EXTRA_KEYS = ("commit", "relative", "by_weekday", "by_time", "by_date", "months", "days", "units", "weekdays", "questions", "pointers",
              "filler", "insults", "hostile", "email_offer", "ignore", "numbers")  # fmt: skip

_Seconds = Annotated[int, Field(ge=0)]

_WORKWEEK = {day: ["09:00-18:00"] for day in WEEKDAYS[:5]}
_TARGET_SECONDS: dict[Channel, int] = {
    "chat": 60, "messenger": 600, "social": 3600, "sms": 3600, "email": 3600, "phone": 60,
}  # fmt: skip
_IDEAL_SECONDS: dict[Channel, int] = {"email": 900}


def _parse_span(span: str) -> tuple[time, time]:
    try:
        first, last = (part.strip() for part in span.split("-"))
        start = time.fromisoformat(first)
        end = time.max if last in ("24:00", "24") else time.fromisoformat(last)
    except ValueError:
        raise ValueError(f"hours must look like '09:00-18:00', not {span!r}") from None
    if end <= start:
        raise ValueError(f"hours {span!r} end before they start (split a night shift into two days)")
    return start, end


class ConversationOptions(_Options):
    """Targets and the calendar the conversation rules measure against.

    Reply times count only business time: `business_hours` per weekday (spans like
    "09:00-18:00", several per day allowed, "00:00-24:00" for round the clock), minus
    `holidays`, in `business_timezone` (default: the top-level `timezone`, else UTC).
    """

    response_target_seconds: dict[Channel, _Seconds] = Field(
        default_factory=_TARGET_SECONDS.copy,
        description="the longest acceptable wait, in business seconds, per channel",
    )
    response_ideal_seconds: dict[Channel, _Seconds] = Field(
        default_factory=_IDEAL_SECONDS.copy,
        description="a softer goal: a reply slower than this but within the target is reported as info",
    )
    business_hours: dict[Weekday, list[str]] = Field(default_factory=lambda: dict(_WORKWEEK))
    holidays: tuple[date, ...] = ()
    business_timezone: str | None = None
    count_business_time: bool = True
    customer_hours: dict[Weekday, list[str]] = Field(
        default_factory=lambda: {
            **{day: ["09:00-21:00"] for day in WEEKDAYS[:5]}, "sat": ["10:00-20:00"], "sun": ["10:00-20:00"],
        },  # fmt: skip
        description="when a customer may be written to first, in the customer's own time zone",
    )
    contact_consent: bool = Field(default=False, description="the customer agreed to messages at any hour")
    reply_window_hours: float = Field(default=24.0, gt=0, description="an agent message this soon after the customer's counts as a reply")
    cooldown_minutes: float = Field(default=5.0, ge=0)
    hostility_threshold: int = Field(default=2, ge=1)
    steer_channels: tuple[Channel, ...] = ("messenger",)
    steer_min_chars: int = Field(default=400, ge=1)
    steer_min_questions: int = Field(default=2, ge=1)
    deflection_max_other_words: int = Field(default=2, ge=0)
    extra: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="extra lexicon entries per language, in the format of replykit/conversation/data/<lang>.toml",
    )

    @field_validator("business_hours", "customer_hours")
    @classmethod
    def _hours(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for spans in value.values():
            for span in spans:
                _parse_span(span)
        return value

    @field_validator("extra")
    @classmethod
    def _extra(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for language, entries in value.items():
            if unknown := set(entries) - set(EXTRA_KEYS):
                raise ValueError(f"{language}: unknown keys {sorted(unknown)}; use {', '.join(EXTRA_KEYS)}")
        return value

    @field_validator("business_timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        from replykit.config import Config

        return Config._zone(value)
