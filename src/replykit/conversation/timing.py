"""How long customers waited: each reply's delay in business time, against the channel target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from replykit.config import Config, make_config
from replykit.conversation.calendar import Calendar, business_calendar, utc
from replykit.conversation.models import ReplyTime, ResponseTimes
from replykit.errors import InputError
from replykit.models import Conversation, Message


def calendar_for(config: Config) -> Calendar:
    return business_calendar(config.conversation, config.timezone)


def reply_times(messages: Sequence[Message], config: Config) -> ResponseTimes:
    """Pair each agent reply with the customer message that started the wait it ends."""
    options = config.conversation
    calendar = calendar_for(config)
    replies: list[ReplyTime] = []
    waiting: datetime | None = None
    for index, message in enumerate(messages):
        if message.sent_at is None:
            continue
        if message.role == "customer":
            waiting = waiting or message.sent_at
            continue
        if waiting is None:
            continue
        wall = utc(message.sent_at) - utc(waiting)
        if options.count_business_time:
            delay = timedelta(seconds=calendar.business_seconds(waiting, message.sent_at))
        else:
            delay = wall
        seconds = options.response_target_seconds.get(message.channel)
        target = timedelta(seconds=seconds) if seconds is not None else None
        replies.append(
            ReplyTime(
                index=index,
                channel=message.channel,
                waiting_since=waiting,
                replied_at=message.sent_at,
                delay=delay,
                wall_delay=wall,
                target=target,
                late=target is not None and delay > target,
            )
        )
        waiting = None
    return ResponseTimes(
        replies=tuple(replies),
        first_response=replies[0].delay if replies else None,
        longest_wait=max((r.delay for r in replies), default=None),
        late_replies=sum(r.late for r in replies),
        unanswered_since=waiting,
    )


def response_times(conversation: Conversation, config: Config | Mapping[str, Any] | None = None) -> ResponseTimes:
    """First-response time, longest wait and every reply's delay for one conversation.

    A wait starts at the first customer message after an agent reply (or at the start) and
    ends at the next agent message; messages without `sent_at` are skipped. Delays count only
    business time (configure `conversation.business_hours`, `holidays`, `business_timezone`).
    """
    if not isinstance(conversation, Conversation):
        raise InputError(f"response_times() takes a Conversation, not {type(conversation).__name__}")
    return reply_times(conversation.messages, make_config(config))


def describe(delta: timedelta) -> str:
    """A short human duration: 45 s, 12 min, 2 h 05 min, 3 d 4 h."""
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"
