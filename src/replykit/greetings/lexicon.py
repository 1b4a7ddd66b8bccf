"""Greeting and farewell phrases per language, compiled once into one pattern per kind."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex
from babel.dates import get_period_id

from replykit._data import read_language_data
from replykit.errors import ConfigError

if TYPE_CHECKING:
    from replykit.config import PhraseKind

REGISTERS = ("formal", "neutral", "familiar")
DAY_PARTS = ("morning", "day", "evening", "night")


@dataclass(frozen=True, slots=True)
class Phrase:
    phrase: str
    kind: str  # "greeting" or "farewell"
    register: str
    time: str | None = None
    ok: frozenset[str] = frozenset()
    closing_only: bool = False
    alone: bool = False
    signs: bool = False  # a sign-off: the name after it is the sender's, not the customer's


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    greetings: tuple[Phrase, ...]
    farewells: tuple[Phrase, ...]
    greeting_re: regex.Pattern[str]
    farewell_re: regex.Pattern[str]
    day_periods: dict[str, str]
    build: dict[str, Any]
    formal_address: regex.Pattern[str] | None
    informal_address: regex.Pattern[str] | None

    def match_greeting(self, text: str, pos: int) -> tuple[Phrase, int] | None:
        return _match(self.greeting_re, self.greetings, text, pos)

    def match_farewell(self, text: str, pos: int) -> tuple[Phrase, int] | None:
        return _match(self.farewell_re, self.farewells, text, pos)

    def day_part(self, moment: datetime) -> str:
        period = get_period_id(moment.time(), type="selection", locale=self.language)
        return self.day_periods.get(period, "day")


def _match(pattern: regex.Pattern[str], phrases: tuple[Phrase, ...], text: str, pos: int) -> tuple[Phrase, int] | None:
    m = pattern.match(text, pos)
    if m is None or m.lastgroup is None:
        return None
    return phrases[int(m.lastgroup[1:])], m.end()


def _phrase_pattern(phrase: str) -> str:
    words = phrase.split()
    parts = [regex.escape(w[:-1]) + r"\p{L}*" if w.endswith("*") else regex.escape(w) for w in words]
    return r"[\s\u00a0]+".join(parts)


def _first_word_of(phrase: str) -> str:
    """The first word `_phrase_pattern` matches ("" for an empty phrase)."""
    return next(iter(phrase.split()), "")


def _compile(phrases: tuple[Phrase, ...]) -> regex.Pattern[str]:
    order = sorted(range(len(phrases)), key=lambda i: -len(phrases[i].phrase))
    body = "|".join(f"(?P<p{i}>{_phrase_pattern(phrases[i].phrase)})" for i in order)
    return regex.compile(rf"(?:{body})(?![\p{{L}}\d])", regex.IGNORECASE)


def _words(items: list[str]) -> regex.Pattern[str] | None:
    if not items:
        return None
    body = "|".join(_phrase_pattern(w) for w in sorted(items, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{body})(?![\p{{L}}\d])", regex.IGNORECASE)


def _phrases(kind: str, raw: list[dict[str, Any]]) -> tuple[Phrase, ...]:
    out = []
    for entry in raw:
        register = entry.get("register", "neutral")
        if register not in REGISTERS:
            raise ConfigError(f"{kind} {entry.get('phrase')!r}: register must be one of {REGISTERS}")
        ok = frozenset(entry.get("ok", [entry["time"]] if entry.get("time") else []))
        if not ok <= set(DAY_PARTS):
            raise ConfigError(f"{kind} {entry['phrase']!r}: ok must list parts of {DAY_PARTS}")
        out.append(
            Phrase(
                phrase=entry["phrase"].lower(),
                kind=kind,
                register=register,
                time=entry.get("time"),
                ok=ok,
                closing_only=bool(entry.get("closing_only", False)),
                alone=bool(entry.get("alone", False)),
                signs=bool(entry.get("signs", False)),
            )
        )
    return tuple(out)


@lru_cache(maxsize=64)
def _load(language: str, extra_json: str) -> Lexicon | None:
    data = read_language_data("replykit.greetings", language)
    if data is None:
        return None
    extra = json.loads(extra_json) if extra_json else {}
    try:
        greetings = _phrases("greeting", [*data["greeting"], *extra.get("greeting", [])])
        farewells = _phrases("farewell", [*data["farewell"], *extra.get("farewell", [])])
    except KeyError as exc:
        raise ConfigError(f"greeting data for {language!r}: an entry lacks {exc}") from None
    return Lexicon(
        language=language,
        greetings=greetings,
        farewells=farewells,
        greeting_re=_compile(greetings),
        farewell_re=_compile(farewells),
        day_periods=dict(data["day_periods"]),
        build=dict(data["build"]),
        formal_address=_words(data.get("formal_address", [])),
        informal_address=_words(data.get("informal_address", [])),
    )


def lexicon(language: str, extra: Mapping[PhraseKind, list[dict[str, Any]]] | None = None) -> Lexicon | None:
    """The lexicon for `language` with the user's extra entries, or None if there is no data."""
    return _load(language, json.dumps(extra, sort_keys=True, ensure_ascii=False) if extra else "")
