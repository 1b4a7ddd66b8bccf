"""Business time: weekly hours, holidays and a time zone, DST-safe.

Every comparison and subtraction happens in UTC: Python subtracts two aware datetimes that
share a tzinfo as wall-clock times, which is an hour off across a DST change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from replykit.conversation.options import WEEKDAYS, ConversationOptions, _parse_span

_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Calendar:
    zone: ZoneInfo
    week: tuple[tuple[tuple[time, time], ...], ...]  # spans per weekday, Monday first
    holidays: frozenset[date]

    def spans(self, day: date) -> list[tuple[datetime, datetime]]:
        """The open intervals of a local day, as UTC datetimes."""
        if day in self.holidays:
            return []
        return [(self._utc(day, start), self._utc(day, end)) for start, end in self.week[day.weekday()]]

    def _utc(self, day: date, moment: time) -> datetime:
        if moment == time.max:  # "24:00": the next midnight
            return datetime.combine(day + _DAY, time(), self.zone).astimezone(UTC)
        return datetime.combine(day, moment, self.zone).astimezone(UTC)

    def open_at(self, moment: datetime) -> bool:
        moment = moment.astimezone(UTC)
        local = moment.astimezone(self.zone).date()
        return any(a <= moment < b for a, b in self.spans(local))

    def business_seconds(self, start: datetime, end: datetime) -> float:
        """Seconds of open time between two moments (0 if end is not after start)."""
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        if end <= start:
            return 0.0
        if not any(self.week):
            return 0.0
        total = 0.0
        day = start.astimezone(self.zone).date()
        last = end.astimezone(self.zone).date()
        while day <= last:
            for a, b in self.spans(day):
                lo, hi = max(a, start), min(b, end)
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += _DAY
        return total

    def add_business_days(self, moment: datetime, days: int) -> datetime:
        """The close of the `days`-th open day after the local day of `moment`."""
        day = moment.astimezone(self.zone).date()
        left, guard = days, 0
        while left > 0 and guard < 3660:
            day += _DAY
            guard += 1
            if self.spans(day):
                left -= 1
        spans = self.spans(day)
        return spans[-1][1] if spans else end_of_day(day, self.zone)


def utc(moment: datetime) -> datetime:
    """`moment` in UTC, so that arithmetic and comparisons ignore DST wall-clock jumps."""
    return moment.astimezone(UTC)


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The last second of a local day, in UTC."""
    return datetime.combine(day + _DAY, time(), zone).astimezone(UTC) - timedelta(microseconds=1)


def business_calendar(options: ConversationOptions, fallback_zone: str | None) -> Calendar:
    return _calendar(
        options.business_timezone or fallback_zone or "UTC",
        tuple(tuple(options.business_hours.get(day, ())) for day in WEEKDAYS),
        frozenset(options.holidays),
    )


def customer_calendar(options: ConversationOptions, zone: str) -> Calendar:
    return _calendar(zone, tuple(tuple(options.customer_hours.get(day, ())) for day in WEEKDAYS), frozenset())


@lru_cache(maxsize=64)
def _calendar(zone: str, week: tuple[tuple[str, ...], ...], holidays: frozenset[date]) -> Calendar:
    return Calendar(
        ZoneInfo(zone),
        tuple(tuple(sorted(_parse_span(s) for s in spans)) for spans in week),
        holidays,
    )
