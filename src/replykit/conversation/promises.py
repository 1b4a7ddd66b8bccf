"""Promises with deadlines in agent messages, resolved to datetimes and followed up.

A promise is a sentence of the agent's own words (not quoted history) with a commitment word
("отправим", "we'll", "ще") and a deadline ("завтра", "в течение часа", "within 2 business
days", "до пятницы"). Day deadlines end at the end of that day (or at the hour named beside
it: "завтра до 12:00"), business days at the close of the last business day, all in the
business time zone.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from replykit.config import Config, make_config
from replykit.conversation.calendar import Calendar, end_of_day, utc
from replykit.conversation.lexicon import Lexicon, lexicon
from replykit.conversation.models import Promise, PromiseStatus
from replykit.conversation.timing import calendar_for
from replykit.document import Document
from replykit.errors import InputError
from replykit.models import Conversation, Message

# Agent messages this soon after a promise belong to the same turn and do not follow it up.
SAME_TURN = timedelta(minutes=2)
_OVERRUN = 24
_FIXED = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1)}


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # original-text offsets of the sentence
    end: int
    sentence: str
    phrase: str
    day: str | None
    n: str | None
    unit: str | None
    weekday: str | None
    clock: tuple[int, int] | None  # hour and minute of a "by 18:00" deadline
    date: tuple[int, int] | None  # month and day of a "до 15 марта" deadline


@lru_cache(maxsize=4096)
def _find(text: str, language: str, extra_json: str) -> tuple[_Found, ...]:
    """Promise sentences of one message; independent of time, so cached across checks."""
    lex = lexicon(language, json.loads(extra_json) if extra_json else None)
    if lex is None or not lex.deadline.search(text) or not lex.commit.search(text):
        return ()
    try:
        doc = Document(text, language=language)
    except InputError:  # an earlier message that is not text; the checked reply is validated by check()
        return ()
    plain = doc.text
    found = []
    for sentence in doc.sentences:
        first = doc.tokens[sentence.first_token]
        if first.segment != "own" or not lex.commit.search(plain, sentence.start, sentence.end):
            continue
        match = _deadline(lex, plain, sentence.start, sentence.end)
        if match is None:
            continue
        phrase, clock = match.group(), _clock(match)
        other = _day_and_hour(lex, plain, match, sentence.end)
        if other is not None:  # "завтра до 12:00", "by 5 pm tomorrow": that day, at that hour
            phrase = plain[min(match.start(), other.start()) : max(match.end(), other.end())]
            match, clock = (match, _clock(other)) if clock is None else (other, clock)
        day_month = _date(lex, match)
        if match.group("month") is not None and day_month is None:
            continue  # "31 февраля": not a date
        start, end = doc.to_original(sentence.start, sentence.end)
        found.append(
            _Found(start, end, text[start:end], phrase, match.group("day"), match.group("n"),
                   match.group("unit"), match.group("weekday"), clock, day_month)  # fmt: skip
        )
    return tuple(found)


_STOP = re.compile(r"[.!?…;\n]")
_JOIN = 12  # characters between a day and its hour: "завтра до 12:00", "by 5 pm tomorrow", "morgen bis 10 Uhr"


def _day_and_hour(lex: Lexicon, text: str, match: Any, end: int) -> Any:
    """The deadline right beside `match` that completes it: the hour of a day deadline or the
    day of an hour deadline ("завтра до 12:00", "by 5 pm on Friday"); None without one."""

    def kind(m: Any) -> str | None:
        day = (m.group("day") or m.group("weekday") or m.group("month")) is not None
        hour = m.group("time") is not None
        return "day" if day and not hour else "hour" if hour and not day else None

    wanted = {"day": "hour", "hour": "day"}.get(kind(match) or "")
    if wanted is None:
        return None
    for other in lex.deadline.finditer(text, max(match.start() - 2 * _JOIN, 0), min(end + _OVERRUN, len(text))):
        first, second = (match, other) if match.start() < other.start() else (other, match)
        gap = text[first.end() : second.start()]
        # side by side in one sentence: "до 18:00. Завтра пришлём отчёт" are two promises
        if 0 <= len(gap) <= _JOIN and not _STOP.search(gap) and kind(other) == wanted:
            return other
    return None


def _clock(match: Any) -> tuple[int, int] | None:
    if match.group("time") is None:
        return None
    hour, ampm = int(match.group("hh")), (match.group("ampm") or "").lower()
    if ampm:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return hour, int(match.group("mm") or 0)


def _date(lex: Lexicon, match: Any) -> tuple[int, int] | None:
    if match.group("month") is None:
        return None
    month, day = lex.month(match.group("month")), int(match.group("dd"))
    return (month, day) if day <= monthrange(2024, month)[1] else None  # a leap year allows 29 February


def _deadline(lex: Lexicon, text: str, start: int, end: int) -> Any:
    """The first deadline starting in the sentence; it may run a little past a false sentence
    end ("bis zum 20. März", where the splitter sees "20." as a full stop)."""
    limit = min(len(text), end + _OVERRUN)
    masked = [m.span() for m in lex.ignore.finditer(text, start, limit)] if lex.ignore else []
    for match in lex.deadline.finditer(text, start, limit):
        if match.start() >= end:
            break
        if not any(a < match.end() and match.start() < b for a, b in masked):
            return match
    return None


def _resolve(lex: Lexicon, found: _Found, made_at: datetime, calendar: Calendar) -> datetime:
    zone = calendar.zone
    today = made_at.astimezone(zone).date()
    if found.day is not None:
        return _at(today + timedelta(days=lex.day_offset(found.day)), found.clock, zone)
    if found.date is not None:  # the next such date: "до 15 января" said in December is next year
        month, day = found.date
        for year in range(today.year, today.year + 9):
            if day <= monthrange(year, month)[1] and (when := date(year, month, day)) >= today:
                return _at(when, found.clock, zone)
    if found.weekday is not None:
        ahead = (lex.weekday(found.weekday) - today.weekday()) % 7 or 7
        return _at(today + timedelta(days=ahead), found.clock, zone)
    if found.clock is not None:  # the next time the clock shows it, in the business zone
        moment = datetime.combine(today, time(*found.clock), zone)
        if utc(moment) <= utc(made_at):
            moment = datetime.combine(today + timedelta(days=1), time(*found.clock), zone)
        return utc(moment)
    unit = lex.unit(found.unit or "")
    n = unit.n if unit.n is not None else lex.number(found.n)
    if unit.unit in _FIXED:
        return utc(made_at) + n * _FIXED[unit.unit]
    if unit.unit == "business_day":
        return calendar.add_business_days(made_at, n)
    return end_of_day(today + timedelta(days=n * (7 if unit.unit == "week" else 1)), zone)


def _at(day: date, clock: tuple[int, int] | None, zone: Any) -> datetime:
    """That day at the hour named with it, else at its end, in the business zone."""
    return utc(datetime.combine(day, time(*clock), zone)) if clock is not None else end_of_day(day, zone)


def _extra_json(config: Config, language: str) -> str:
    extra = config.conversation.extra.get(language)
    return json.dumps(extra, sort_keys=True, ensure_ascii=False) if extra else ""


def promises_in(
    messages: Sequence[Message], languages: Sequence[str], config: Config, as_of: datetime | None
) -> list[Promise]:
    """Every agent promise in `messages` (in the order sent, as a Conversation keeps them), with
    its status at `as_of` (default: the last sent_at)."""
    calendar = calendar_for(config)
    if as_of is None:
        as_of = max((utc(m.sent_at) for m in messages if m.sent_at is not None), default=None)
    replies = [(i, utc(m.sent_at)) for i, m in enumerate(messages) if m.role == "agent" and m.sent_at is not None]
    positions, times = [i for i, _ in replies], [at for _, at in replies]
    out = []
    for index, message in enumerate(messages):
        if message.role != "agent":
            continue
        language = languages[index]
        lex = lexicon(language, config.conversation.extra.get(language))
        for found in _find(message.text, language, _extra_json(config, language)):
            made = message.sent_at
            deadline = _resolve(lex, found, made, calendar) if made is not None and lex else None
            status, follow = _status(messages, index, deadline, as_of, languages, config, (positions, times))
            out.append(
                Promise(
                    message_index=index,
                    start=found.start,
                    end=found.end,
                    sentence=found.sentence,
                    deadline_phrase=found.phrase,
                    made_at=made,
                    deadline=deadline,
                    status=status,
                    follow_up_index=follow,
                    followed_up_at=messages[follow].sent_at if follow is not None else None,
                )
            )
    return out


def _status(
    messages: Sequence[Message],
    index: int,
    deadline: datetime | None,
    as_of: datetime | None,
    languages: Sequence[str],
    config: Config,
    replies: tuple[list[int], list[datetime]],
) -> tuple[PromiseStatus, int | None]:
    """The promise's status and its follow-up: the first agent message at least SAME_TURN later,
    found by bisection among the timed agent `replies` (positions and UTC times, in order)."""
    made = messages[index].sent_at
    if deadline is None or made is None:
        return "unknown", None
    positions, times = replies
    k = bisect_left(times, utc(made) + SAME_TURN, bisect_right(positions, index))
    follow = positions[k] if k < len(positions) else None
    if follow is not None and utc(messages[follow].sent_at) <= deadline:  # type: ignore[arg-type]
        renewed = _find(messages[follow].text, languages[follow], _extra_json(config, languages[follow]))
        return ("renegotiated" if renewed else "kept"), follow
    if as_of is not None and utc(as_of) > deadline:
        return "broken", follow
    return "pending", follow


def extract_promises(
    input: str | Message | Conversation,
    *,
    config: Config | Mapping[str, Any] | None = None,
    locale: str | None = None,
    now: datetime | None = None,
) -> tuple[Promise, ...]:
    """Promises with resolved deadlines in a message or in every agent message of a conversation.

    For a conversation each promise also gets a status at `now` (default: the last message's
    sent_at): kept (an agent wrote again before the deadline), renegotiated (that message set
    a new deadline), broken (the deadline passed first), pending, or unknown (no timestamps).
    """
    from replykit.api import language_of

    cfg = make_config(config)
    if isinstance(input, str):
        input = Message(role="agent", text=input)
    if isinstance(input, Message):
        messages: tuple[Message, ...] = (input,)
    elif isinstance(input, Conversation):
        messages = input.messages
        locale = locale or input.locale or (input.customer.locale if input.customer else None)
    else:
        raise InputError(f"extract_promises() takes a str, Message or Conversation, not {type(input).__name__}")
    if now is not None and now.utcoffset() is None:
        raise InputError("now must be timezone-aware")
    fixed = language_of(locale) if locale else None
    languages = [
        fixed or Document(m.text, default_language=cfg.default_language).language if m.role == "agent" else ""
        for m in messages
    ]
    return tuple(promises_in(messages, languages, cfg, now))
