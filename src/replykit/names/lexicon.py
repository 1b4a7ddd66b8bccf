"""The RK3xx word lists of one language, with the user's additions, compiled once."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import regex

from replykit._data import read_data
from replykit.greetings.lexicon import _phrase_pattern

_NAME = r"(?P<name>\p{Lu}[\p{L}\-’']*(?:[ \t]+\p{Lu}[\p{L}\-’']*){0,2})"


@dataclass(frozen=True, slots=True)
class NameLexicon:
    language: str
    salutation: regex.Pattern[str]  # matches one polite word ("уважаемая", "dear")
    titles: regex.Pattern[str]
    generic: regex.Pattern[str] | None
    explicit: regex.Pattern[str] | None
    explicit_form: tuple[tuple[regex.Pattern[str], str], ...]
    introduce: regex.Pattern[str] | None
    sign_off: regex.Pattern[str] | None
    prepositions: dict[str, str]
    neutral_slot: str
    gendered: frozenset[str]  # lower case
    apposition: regex.Pattern[str] | None
    addressees: frozenset[str]  # lower case
    short_to_full: dict[str, frozenset[str]]  # lower case
    word_facts: dict[str, tuple[bool, bool]] = field(default_factory=dict, compare=False, repr=False)  # analysis._word_facts

    def full_names(self, short: str) -> frozenset[str]:
        return self.short_to_full.get(short.lower().replace("ё", "е"), frozenset())


def _whole(items: list[str]) -> regex.Pattern[str] | None:
    if not items:
        return None
    body = "|".join(_phrase_pattern(w) for w in sorted(items, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{body})(?![\p{{L}}\d])", regex.IGNORECASE)


def _with_name(items: list[str]) -> regex.Pattern[str] | None:
    """Phrases with a {name} slot: the words match in any letter case, the name must be capitalised."""
    if not items:
        return None
    parts = []
    for item in sorted(items, key=len, reverse=True):
        before, _, after = item.partition("{name}")
        words = [f"(?i:{_phrase_pattern(x)})" if x.strip() else "" for x in (before.strip(), after.strip())]
        parts.append(r"[\s\u00a0]*".join(p for p in (words[0], _NAME, words[1]) if p))
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{'|'.join(f'(?:{p})' for p in parts)})(?![\p{{L}}\d])")


@cache
def _raw() -> dict[str, Any]:
    return read_data("replykit.names", "phrases")


@cache
def _diminutives() -> dict[str, Any]:
    return read_data("replykit.names", "diminutives")


@lru_cache(maxsize=64)
def _load(language: str, extra_json: str) -> NameLexicon | None:
    data = _raw().get(language)
    if data is None:
        return None
    extra = json.loads(extra_json) if extra_json else {}
    short_to_full: dict[str, set[str]] = {}
    tables = [_diminutives().get(language, {}), extra.get("diminutives", {})]
    for table in tables:
        for full, shorts in table.items():
            for short in shorts:
                short_to_full.setdefault(short.lower().replace("ё", "е"), set()).add(full.lower().replace("ё", "е"))
    salutation = _whole(data["salutation"])
    titles = _whole(data["titles"])
    assert salutation is not None and titles is not None
    return NameLexicon(
        language=language,
        salutation=salutation,
        titles=titles,
        generic=_whole([*data.get("generic", []), *extra.get("generic", [])]),
        explicit=_with_name(data.get("explicit", [])),
        explicit_form=tuple(
            (regex.compile(_phrase_pattern(e["phrase"]), regex.IGNORECASE), e["form"])
            for e in data.get("explicit_form", [])
        ),
        introduce=_with_name(data.get("introduce", [])),
        sign_off=_whole(data.get("sign_off", [])),
        prepositions=dict(data.get("prepositions", {})),
        neutral_slot=data.get("neutral_slot", "{slot}"),
        gendered=frozenset(w.lower() for w in data.get("gendered", [])),
        apposition=_whole(data.get("apposition", [])),
        addressees=frozenset(w.lower() for w in data.get("addressees", [])),
        short_to_full={k: frozenset(v) for k, v in short_to_full.items()},
    )


def name_lexicon(
    language: str, diminutives: dict[str, list[str]] | None = None, generic: list[str] | None = None
) -> NameLexicon | None:
    """The lexicon of `language` with the user's extra diminutives and generic salutations."""
    extra = {"diminutives": diminutives or {}, "generic": generic or []}
    key = json.dumps(extra, sort_keys=True, ensure_ascii=False) if diminutives or generic else ""
    return _load(language, key)
