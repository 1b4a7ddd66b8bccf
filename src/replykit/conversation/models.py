"""Typed results of the conversation helpers: reply times and promises."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import Field

from replykit.models import Channel, _Frozen

PromiseStatus = Literal["pending", "kept", "renegotiated", "broken", "unknown"]


class ReplyTime(_Frozen):
    """One agent reply to a customer who was waiting."""

    index: int = Field(description="position of the reply in the conversation's messages")
    channel: Channel
    waiting_since: datetime = Field(description="when the first unanswered customer message was sent")
    replied_at: datetime
    delay: timedelta = Field(description="business time the customer waited (wall time if business time is off)")
    wall_delay: timedelta
    target: timedelta | None = Field(description="the channel's target, None if it has none")
    late: bool


class ResponseTimes(_Frozen):
    """Per-conversation reply figures; durations are business time unless configured otherwise."""

    replies: tuple[ReplyTime, ...] = ()
    first_response: timedelta | None = None
    longest_wait: timedelta | None = None
    late_replies: int = 0
    unanswered_since: datetime | None = Field(default=None, description="a customer message still waiting at the end")


class Promise(_Frozen):
    """A commitment with a deadline found in an agent message."""

    message_index: int
    start: int = Field(description="offset of the promising sentence in the message text")
    end: int
    sentence: str
    deadline_phrase: str = Field(description="the words that set the deadline, e.g. “в течение часа”")
    made_at: datetime | None
    deadline: datetime | None = Field(description="resolved, timezone-aware; None when the message has no sent_at")
    status: PromiseStatus = "unknown"
    follow_up_index: int | None = Field(default=None, description="the first later agent message (not of the same turn)")
    followed_up_at: datetime | None = None
