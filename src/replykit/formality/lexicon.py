"""Address data per language (data/<lang>.toml), compiled once into patterns.

Russian and Ukrainian ("morph") name only lemmas and exceptions: pymorphy3 finds the forms.
Bulgarian, Hungarian and German ("patterns") list informal words and phrases with their formal
replacements, plus productive endings, because no morphology dictionary is available for them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from replykit._data import read_language_data
from replykit._lookup import Phrases
from replykit.errors import ConfigError
from replykit.greetings.lexicon import _first_word_of, _phrase_pattern

_LIST_KEYS = ("addressee_past_after", "formal_words", "not_address", "group_words", "group_openers", "over_familiar", "lowercase_formal")


@dataclass(frozen=True, slots=True)
class Ending:
    ending: str
    formal: str  # replaces `ending` in the fix; "" means no automatic fix
    min_length: int


@dataclass(frozen=True, slots=True)
class AddressLexicon:
    language: str
    method: str  # "morph" or "patterns"
    informal_label: str
    formal_label: str
    # morph languages
    informal_pronoun: str
    informal_possessive: str
    formal_pronoun: str
    formal_possessive: str
    locative_prepositions: frozenset[str]
    agree_long_adjectives: bool
    addressee_past_re: Phrases | None  # «спасибо, что» + a subjectless past = the reader
    # pattern languages
    informal: dict[str, str]  # lower-case word or phrase -> formal replacement ("" = none)
    informal_re: Phrases | None
    subject_forms: dict[str, str]
    imperatives: dict[str, str]
    imperative_after: frozenset[str]
    endings: tuple[Ending, ...]
    exceptions: frozenset[str]
    unsafe_fixes: bool
    # every language
    formal_re: Phrases | None
    not_address_re: Phrases | None
    group_words_re: Phrases | None
    group_openers_re: Phrases | None
    over_familiar_re: Phrases | None
    lowercase_formal_re: Phrases | None


def _compile(items: list[str], *, case_sensitive: bool = False) -> Phrases | None:
    """One pattern for a list of words/phrases (a trailing * matches any ending), longest first."""
    if not items:
        return None
    branches = [(_first_word_of(w), _phrase_pattern(w)) for w in sorted(set(items), key=len, reverse=True)]
    flags = 0 if case_sensitive else regex.IGNORECASE
    return Phrases.compile([(None, branches)], r"(?<![\p{L}\d\-])(?:", r")(?![\p{L}\d\-])", flags)


def _merge(data: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The data file's keys (its [patterns] table flattened in) extended by the user's `extra`."""
    out: dict[str, Any] = {k: v for k, v in data.items() if k != "patterns"} | data.get("patterns", {})
    for key, value in extra.items():
        current = out.get(key)
        if isinstance(current, list) and isinstance(value, list):
            out[key] = [*current, *value]
        elif isinstance(current, dict) and isinstance(value, dict):
            out[key] = current | value
        elif current is None and key in _LIST_KEYS and isinstance(value, list):
            out[key] = value
        else:
            raise ConfigError(f"address.extra.{data.get('language', '')}: cannot extend {key!r} with {value!r}")
    return out


@lru_cache(maxsize=32)
def _load(language: str, extra_json: str) -> AddressLexicon | None:
    raw = read_language_data("replykit.formality", language)
    if raw is None:
        return None
    data = _merge(raw, json.loads(extra_json) if extra_json else {})
    informal = {" ".join(k.lower().split()): v for k, v in data.get("informal", {}).items()}
    imperatives = {k.lower(): v for k, v in data.get("imperatives", {}).items()}
    try:
        endings = tuple(
            Ending(e["ending"], e.get("formal", ""), int(e.get("min_length", len(e["ending"]) + 2)))
            for e in sorted(data.get("endings", []), key=lambda e: -len(e["ending"]))
        )
    except KeyError as exc:
        raise ConfigError(f"address data for {language!r}: an ending lacks {exc}") from None
    return AddressLexicon(
        language=language,
        method=data.get("method", "patterns"),
        informal_label=data["informal_label"],
        formal_label=data["formal_label"],
        informal_pronoun=data.get("informal_pronoun", ""),
        informal_possessive=data.get("informal_possessive", ""),
        formal_pronoun=data.get("formal_pronoun", ""),
        formal_possessive=data.get("formal_possessive", ""),
        locative_prepositions=frozenset(data.get("locative_prepositions", ())),
        agree_long_adjectives=bool(data.get("agree_long_adjectives", False)),
        addressee_past_re=_compile(data.get("addressee_past_after", [])),
        informal=informal,
        informal_re=_compile(list(informal)),
        subject_forms={k.lower(): v for k, v in data.get("subject_forms", {}).items()},
        imperatives=imperatives,
        imperative_after=frozenset(w.lower() for w in data.get("imperative_after", ())),
        endings=endings,
        exceptions=frozenset(w.lower() for w in data.get("exceptions", ())),
        unsafe_fixes=bool(data.get("unsafe_fixes", False)),
        formal_re=_compile(data.get("formal_words", []), case_sensitive=bool(data.get("formal_case_sensitive"))),
        not_address_re=_compile(data.get("not_address", [])),
        group_words_re=_compile(data.get("group_words", [])),
        group_openers_re=_compile(data.get("group_openers", [])),
        over_familiar_re=_compile(data.get("over_familiar", [])),
        lowercase_formal_re=_compile(data.get("lowercase_formal", [])),
    )


def address_lexicon(language: str, extra: dict[str, Any] | None = None) -> AddressLexicon | None:
    """The address data for `language` with the user's extra entries, or None without data."""
    return _load(language, json.dumps(extra, sort_keys=True, ensure_ascii=False) if extra else "")
