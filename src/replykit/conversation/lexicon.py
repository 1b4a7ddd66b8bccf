"""Conversation phrases per language (data/<lang>.toml), compiled once into patterns."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import regex

from replykit._data import read_language_data
from replykit.conversation.options import EXTRA_KEYS
from replykit.errors import ConfigError
from replykit.greetings.lexicon import _phrase_pattern, _words

_V = TypeVar("_V")

_SEP = r"[\s\u00a0]+"
UNITS = frozenset({"minute", "hour", "day", "week", "business_day"})
_DIGITS = regex.compile(r"\d+")
_PLACEHOLDER = regex.compile(r"(\{\w+\})")
# A clock time: 18:00, 9.30, 5 pm, 5:30pm (am/pm only occur in English text).
_TIME = (
    r"(?P<time>(?P<hh>[01]?\d|2[0-3])(?:[:.](?P<mm>[0-5]\d))(?:\s?(?P<ampm>[ap])\.?m\.?)?"
    r"|(?P<hh>1[0-2]|0?[1-9])\s?(?P<ampm>[ap])\.?m\.?)"
)
_SENTENCE = regex.compile(r"(?P<body>[^.!?…\n]+)(?P<end>[.!?…]*)")
_EDGE_L, _EDGE_R = r"(?<![\p{L}\d])", r"(?![\p{L}\d])"


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str  # minute, hour, day, week or business_day
    n: int | None  # a fixed amount ("полчаса" = 30 minutes)


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    commit: regex.Pattern[str]
    deadline: regex.Pattern[str]
    ignore: regex.Pattern[str] | None
    question_start: regex.Pattern[str]
    pointers: regex.Pattern[str] | None
    filler: regex.Pattern[str] | None
    insults: regex.Pattern[str] | None
    hostile: regex.Pattern[str] | None
    email_offer: regex.Pattern[str] | None
    _days: tuple[tuple[regex.Pattern[str], int], ...]
    _units: tuple[tuple[regex.Pattern[str], Unit], ...]
    _weekdays: tuple[tuple[regex.Pattern[str], int], ...]
    _months: tuple[tuple[regex.Pattern[str], int], ...]
    _numbers: dict[str, int]

    def questions(self, text: str) -> int:
        """How many sentences of `text` ask something: end in "?" or open with a question word."""
        return sum(
            1
            for m in _SENTENCE.finditer(text)
            if "?" in m.group("end") or self.question_start.match(m.group("body").lstrip())
        )

    def day_offset(self, text: str) -> int:
        return _lookup(self._days, text)

    def unit(self, text: str) -> Unit:
        return _lookup(self._units, text)

    def weekday(self, text: str) -> int:
        return _lookup(self._weekdays, text)

    def month(self, text: str) -> int:
        return int(text) if text.isdigit() else _lookup(self._months, text)

    def number(self, text: str | None) -> int:
        if not text:
            return 1
        digits = _DIGITS.findall(text)
        return max(map(int, digits)) if digits else self._numbers[text.lower()]


def _lookup(table: tuple[tuple[regex.Pattern[str], _V], ...], text: str) -> _V:
    for pattern, value in table:
        if pattern.fullmatch(text):
            return value
    raise KeyError(text)  # unreachable: the text was matched by an alternation of these patterns


def _full(phrase: str) -> regex.Pattern[str]:
    return regex.compile(_phrase_pattern(phrase.lower()), regex.IGNORECASE)


def _alternation(phrases: list[str]) -> str:
    return "|".join(_phrase_pattern(p.lower()) for p in sorted(phrases, key=len, reverse=True))


def _template(template: str, slots: dict[str, str]) -> str:
    """A deadline template as a pattern: `{name}` is a slot, also inside a word ("{time}-ig")."""
    parts = []
    for word in template.split():
        if "{" not in word:
            parts.append(_phrase_pattern(word.lower()))
            continue
        pieces = _PLACEHOLDER.split(word.lower())
        parts.append("".join(slots[p[1:-1]] if i % 2 else regex.escape(p) for i, p in enumerate(pieces)))
    return _SEP.join(parts)


def _slots(data: dict[str, Any]) -> dict[str, str]:
    """The patterns of a deadline template's slots, from the language's tables."""
    numbers = sorted(data.get("numbers", {}), key=len, reverse=True)
    return {
        # Digits, a range ("3-5": the later end counts), or a number word.
        "n": rf"(?P<n>\d{{1,3}}(?:[\s\u00a0]*[-–—][\s\u00a0]*\d{{1,3}})?|{'|'.join(regex.escape(n) for n in numbers) or '(?!)'})",
        "unit": rf"(?P<unit>{_alternation([u['phrase'] for u in data['units']])})",
        "weekday": rf"(?P<weekday>{_alternation([w['phrase'] for w in data['weekdays']])})",
        "dd": r"(?P<dd>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        "month": rf"(?P<month>{_alternation([m['phrase'] for m in data.get('months', [])]) or '(?!)'})",
        "mm": r"(?P<month>1[0-2]|0[1-9])",
        "time": _TIME,
        "hour": r"(?P<time>(?P<hh>[01]?\d|2[0-3]))",  # a whole hour, with a word for "o'clock" in the template
    }


def _deadline(data: dict[str, Any]) -> regex.Pattern[str]:
    slots = _slots(data)
    days = rf"(?P<day>{_alternation([d['phrase'] for d in data['days']])})"
    relative = [_template(t, slots) for t in data["relative"]]
    weekday = [_template(t, slots) for t in data["by_weekday"]]
    dates = [_template(t, slots) for t in data.get("by_date", [])]
    clock = [_template(t, slots) for t in data.get("by_time", [])]
    # Fixed days first: "в течение дня" is today, not "one day from now"; dates before clock
    # times: "до 15.03" is the 15th of March, "до 16.30" (no month 30) half past four.
    body = "|".join([days, *relative, *weekday, *dates, *clock])
    return regex.compile(rf"{_EDGE_L}(?:{body}){_EDGE_R}", regex.IGNORECASE)


def _ignore(data: dict[str, Any]) -> regex.Pattern[str] | None:
    """What looks like a deadline and is none: phrases ("guten morgen") and templates with
    slots ("от {dd} {month}": the date of an order, not when something will happen)."""
    items = data.get("ignore", [])
    if not items:
        return None
    slots = _slots(data)
    body = "|".join(_template(t, slots) for t in sorted(items, key=len, reverse=True))
    return regex.compile(rf"{_EDGE_L}(?:{body}){_EDGE_R}", regex.IGNORECASE)


def _merge(data: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(data)
    for key, value in extra.items():
        if key == "numbers" and isinstance(value, dict):
            merged["numbers"] = {**data.get("numbers", {}), **value}
        elif key in EXTRA_KEYS and key != "numbers" and isinstance(value, list):
            merged[key] = [*data.get(key, []), *value]
        else:
            raise ConfigError(f"conversation.extra: {key!r} must be a list of phrases (numbers: a table of word = value)")
    return merged


@lru_cache(maxsize=64)
def _load(language: str, extra_json: str) -> Lexicon | None:
    raw = read_language_data("replykit.conversation", language)
    if raw is None:
        return None
    data = _merge(raw, json.loads(extra_json) if extra_json else {})
    try:
        questions = _alternation(data["questions"])
        if bad := {u["unit"] for u in data["units"]} - UNITS:
            raise ValueError(f"unknown units {sorted(bad)}; use {sorted(UNITS)}")
        return Lexicon(
            language=language,
            commit=_words(data["commit"]) or regex.compile("(?!)"),
            deadline=_deadline(data),
            ignore=_ignore(data),
            question_start=regex.compile(rf"(?:{questions}){_EDGE_R}", regex.IGNORECASE),
            pointers=_words(data.get("pointers", [])),
            filler=_words(data.get("filler", [])),
            insults=_words(data.get("insults", [])),
            hostile=_words(data.get("hostile", [])),
            email_offer=_words(data.get("email_offer", [])),
            _days=tuple((_full(d["phrase"]), int(d["n"])) for d in data["days"]),
            _units=tuple((_full(u["phrase"]), Unit(u["unit"], u.get("n"))) for u in data["units"]),
            _weekdays=tuple((_full(w["phrase"]), int(w["day"])) for w in data["weekdays"]),
            _months=tuple((_full(m["phrase"]), int(m["month"])) for m in data.get("months", [])),
            _numbers={k.lower(): int(v) for k, v in data.get("numbers", {}).items()},
        )
    except (KeyError, TypeError, ValueError, regex.error) as exc:
        raise ConfigError(f"conversation data for {language!r} is malformed: {exc!r}") from None


def lexicon(language: str, extra: dict[str, Any] | None = None) -> Lexicon | None:
    """The lexicon for `language` with the user's extra entries, or None if there is no data."""
    return _load(language, json.dumps(extra, sort_keys=True, ensure_ascii=False) if extra else "")
