"""Topic packs: the data files compiled into one pattern per topic and language, once.

Phrase syntax (see data/ru.toml): words separated by spaces; `~word` any form of the word's
lemma (ru/uk, through pymorphy3), `~+word` any form of its family (aspect partners and
prefixed verbs, see `_family`), `stem*` any ending, `a/b` either, `..` up to four words
(not across a comma), `...` up to eight (German verbs at the clause end), `#` a number, `$` an
amount of money (as the answer side reads one: "$12", "1 500 ₽", "бесплатно").
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from replykit._data import read_data, read_language_data
from replykit._lookup import simple_case
from replykit.errors import ConfigError
from replykit.morph import MORPH_LANGUAGES, analyzer, parse

LANGUAGES = ("ru", "uk", "bg", "hu", "en", "de")
VALUE_KINDS = ("money", "duration", "date")

_SEP = r"[\s\u00a0]+"
# Whole words: not inside a longer word, nor a part of a hyphenated one ("сплит" ≠ "сплит-система");
# after an abbreviation in capitals a hyphenated word is one of its own ("GLS-szállítás", "SMS-уведомление").
_B, _E = r"(?<![\p{L}\d]|(?-i:\p{Ll})-)", r"(?![\p{L}\d]|-\p{L})"
_GAP = r"(?:[^\s.,;!?…]+[\s\u00a0]+){0,4}?"
_LONG_GAP = r"(?:[^\s.,;!?…]+[\s\u00a0]+){0,8}?"  # `...`: a German verb at the clause end
_NUM = r"\d+(?:[\s\u00a0\u202f.,']\d{3})*(?:[.,]\d{1,2})?"
_RANGE = r"\d+(?:[.,]\d)?(?:\s*[-–—]\s*\d+(?:[.,]\d)?)?"
_DAY, _MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_NUMERIC_DATE = rf"{_DAY}\.{_MONTH}(?:\.\d{{2,4}})?|{_MONTH}/{_DAY}(?:/\d{{2,4}})?|{_DAY}/{_MONTH}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
# A time of day ("к 9:00", "до 13:00", "by 17:30"): a point in time like a date; not one end of
# a range of hours ("с 23:00 до 7:00", "9:00–18:00"), which tells when a service runs.
_HOUR = r"(?:[01]?\d|2[0-3]):[0-5]\d"
_TO = r"\s*(?:[-–—]|\p{L}{1,4})\s*"
# The look-behind scans back over any run of spaces: tried only where a digit stands (a run of
# 20,000 spaces took 7 s, each position scanning back to its start).
_CLOCK = rf"(?=\d)(?<!{_HOUR}{_TO}){_HOUR}(?!{_TO}{_HOUR})"


def normalize(text: str) -> str:
    """ё = е and one apostrophe, keeping every offset."""
    return text.replace("ё", "е").replace("Ё", "Е").replace("’", "'").replace("ʼ", "'")


class PhrasePattern:
    """A pack's phrases as one pattern per first word, each compiled when a text may need it.

    `regex` takes up to 70 ms to compile one of the big Russian patterns whole (a verb family
    is a trie of some 570 forms), about a second for a whole pack, and tries every phrase at
    every position. A match begins a run of letters and digits with the first ones of a
    phrase's first word, so in a `simple_case` text (see `replykit._lookup`) only the groups of
    phrases whose first word begins one of its runs can match — about one group in ten, on the
    labelled pairs. Only those are compiled (each once per process) and searched, and their
    matches are merged as the one alternation of all groups, in their order, would find them.
    """

    __slots__ = ("_bodies", "_compiled", "_end", "_last", "_prefix", "_starts")

    def __init__(self, prefix: str, bodies: list[str], end: str, starts: list[frozenset[str] | None]) -> None:
        self._prefix, self._bodies, self._end = prefix, bodies, end
        self._starts = starts  # per group; None: a phrase may begin with anything (`..`, `$`)
        self._compiled: list[regex.Pattern[str] | None] = [None] * len(bodies)
        self._last: tuple[str, tuple[regex.Pattern[str], ...]] = ("", ())  # a text and its groups

    def _group(self, index: int) -> regex.Pattern[str]:
        compiled = self._compiled[index]
        if compiled is None:  # two threads may both compile it: the same pattern either way
            try:
                compiled = regex.compile(f"{self._prefix}(?:{self._bodies[index]}){self._end}", regex.IGNORECASE)
            except regex.error as exc:
                raise ConfigError(f"bundling phrases do not compile: {exc}") from None
            self._compiled[index] = compiled
        return compiled

    def _groups(self, text: str) -> tuple[regex.Pattern[str], ...]:
        """The groups that may match in `text`, in order (remembered for the last text)."""
        last_text, groups = self._last
        if last_text is not text:
            beginnings = _beginnings(text)
            groups = tuple(
                self._group(i)
                for i, starts in enumerate(self._starts)
                if starts is None or beginnings is None or not starts.isdisjoint(beginnings)
            )
            self._last = (text, groups)
        return groups

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> regex.Match[str] | None:
        return next(self._merged(self._groups(text), text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> regex.Match[str] | None:
        for group in self._groups(text):
            if (found := group.match(text, pos, endpos)) is not None:
                return found
        return None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> regex.Match[str] | None:
        for group in self._groups(text):
            if (found := group.fullmatch(text, pos, endpos)) is not None:
                return found
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[regex.Match[str]]:
        groups = self._groups(text)
        if len(groups) == 1:
            return groups[0].finditer(text, pos, endpos)
        return self._merged(groups, text, pos, endpos)

    @staticmethod
    def _merged(
        groups: tuple[regex.Pattern[str], ...], text: str, pos: int, endpos: int
    ) -> Iterator[regex.Match[str]]:
        """Non-overlapping matches from left to right, as `finditer` of the joined groups: the
        leftmost, and at one place the first group's; a group's next match still stands while it
        begins at or after the end of the last one (matches are never empty)."""
        upcoming = [group.search(text, pos, endpos) for group in groups]
        while True:
            best = None
            for found in upcoming:
                if found is not None and (best is None or found.start() < best.start()):
                    best = found
            if best is None:
                return
            yield best
            pos = best.end()
            upcoming = [
                found if found is None or found.start() >= pos else group.search(text, pos, endpos)
                for group, found in zip(groups, upcoming)
            ]


_PREFIX = 4  # letters or digits of a first word that decide whether a pattern is compiled
# `re`'s letters and digits, which are `regex`'s in `simple_case` text (tests/test_lookup.py)
_RUN = re.compile(rf"[^\W_]{{0,{_PREFIX}}}")
_RUNS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=16)
def _beginnings(text: str) -> frozenset[str] | None:
    """The first one to four characters of each run of letters and digits of `text`, lower-cased
    (a match begins one, as no letter or digit may precede it); None when `text` is not
    `simple_case`, where lower case does not stand in for `IGNORECASE`."""
    if not simple_case(text):
        return None
    return frozenset(run[:k] for run in set(_RUNS.findall(text.lower())) for k in range(1, _PREFIX + 1))


NEVER = PhrasePattern("", [], "", [])


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    label: str
    claims: frozenset[str]
    claims_with_cue: frozenset[str]
    claims_when_asked: frozenset[str]
    claims_with_cue_when_asked: frozenset[str]
    shadows: frozenset[str]
    shadows_questions: frozenset[str]
    past_answers: bool
    asked_by: tuple[str, ...]
    yields: tuple[str, ...]
    takes_over: frozenset[str]
    ask: PhrasePattern | None
    ask_end: PhrasePattern | None  # asks only right before the "?" that ends a question about nothing else
    ask_alone: PhrasePattern | None  # asks anywhere in a question that names no other topic
    ask_with_date: PhrasePattern | None  # asks in a question clause that holds a date ("можно забронировать на пятницу?")
    how_much: bool  # a `counts` topic's `ask_alone` word right before one of this topic's cues asks about this one
    yes_answers: bool  # a yes or no answers the topic when it is the one asked topic left unanswered
    counts: bool  # an `ask_alone` word right before a noun counts it ("сколько человек"): no question of the topic
    how_much_words: PhrasePattern | None  # `ask_alone` of a `counts` topic, `exclude` not applied ("за скільки буде готово")
    answer: PhrasePattern | None
    answer_when_asked: PhrasePattern | None  # answers only when the customer asked about the topic
    cue: PhrasePattern | None
    mute: PhrasePattern | None  # within these, an ask or answer phrase does not count


@dataclass(frozen=True, slots=True)
class Bundle:
    name: str
    members: tuple[str, ...]
    triggers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Pack:
    """Everything the bundling checks know about one language."""

    language: str
    topics: dict[str, Topic]
    bundles: tuple[Bundle, ...]
    question: PhrasePattern
    pronoun: PhrasePattern | None  # words that refer back to an earlier topic
    deflect: PhrasePattern | None
    referral: PhrasePattern | None  # with `deflect`, a sentence that only refers elsewhere
    values: dict[str, regex.Pattern[str]]  # value kind -> pattern
    build: dict[str, str]
    past: PhrasePattern | None = None  # words of a clause that reports what happened
    ongoing: PhrasePattern | None = None  # words of a clause about what is or will be
    threshold: PhrasePattern | None = None  # an order value, a voucher, a fine: amounts that are no price
    confirm: PhrasePattern | None = None  # "да", "yes": a sentence that confirms or denies
    defer: PhrasePattern | None = None  # "уточним", "we'll check": an answer put off
    opener: PhrasePattern | None = None  # "когда", "when": no question cue after a statement of intent
    intent: PhrasePattern | None = None  # "will", "'ll": the writer states what they will do
    coordinator: PhrasePattern | None = None  # "и", "and": joins a second thing asked about
    condition: PhrasePattern | None = None  # "если", "if": a condition, which asks nothing beside a question

    def label(self, topic: str) -> str:
        return self.topics[topic].label


@cache
def _topics_data() -> dict[str, Any]:
    return read_data("replykit.bundling", "topics")


def builtin_topics() -> dict[str, dict[str, Any]]:
    return dict(_topics_data()["topic"])


@cache
def language_data(language: str) -> dict[str, Any] | None:
    return read_language_data("replykit.bundling", language)


@lru_cache(maxsize=4096)
def _lemma_forms(language: str, lemma: str) -> tuple[str, ...]:
    """Every form of `lemma`; a word written in another form than its lemma ("~деньги", whose
    lemma is "деньга"; "~выходные") stands for the lemma of its analyses, so "денег" matches."""
    parses = parse(language, lemma)
    own = [p for p in parses if normalize(p.normal_form) == lemma] or list(parses)
    forms = {lemma}
    for p in own:
        forms.update(normalize(f.word) for f in p.lexeme)
    return tuple(sorted(forms, key=len, reverse=True))


def _known(language: str, word: str) -> bool:
    """A dictionary word whose own lemma it is (not a guess of pymorphy3's predictor)."""
    return analyzer(language).word_is_known(word) and any(normalize(p.normal_form) == word for p in parse(language, word))


@lru_cache(maxsize=1024)
def _family(language: str, lemma: str) -> tuple[str, ...]:
    """Every form of the lemma's family: the verb with the pack's aspect prefixes
    ("платить" → заплатить, оплатить, доплатить) and each of those with its aspect partner by
    the pack's suffix pairs ("оплатить" ↔ "оплачивать", "обменять" ↔ "обменивать"), kept only
    when the dictionary knows the word. Prefixes that change the meaning ("от-", "из-": отменить,
    изменить) are simply not in the pack's list."""
    morph = (language_data(language) or {}).get("morph", {})
    lemmas = {lemma} | {prefix + lemma for prefix in morph.get("prefixes", ())}
    for word in list(lemmas):
        for a, b in morph.get("aspect_suffixes", ()):
            for old, new in ((a, b), (b, a)):
                if word.endswith(old):
                    lemmas.add(word[: -len(old)] + new)
    forms = {f for word in lemmas if word == lemma or _known(language, word) for f in _lemma_forms(language, word)}
    return tuple(sorted(forms, key=len, reverse=True))


def _trie(words: Iterable[str]) -> str:
    """One pattern for many word forms, their common beginnings factored out ("оплат(?:а|ить|
    ил(?:а|и)?)"): a family of a few hundred forms is then matched in one pass, not tried form by
    form at every position. Longer forms are tried first, as the optional parts are greedy."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [regex.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return render(root)


def _end(language: str) -> str:
    """Where a whole word ends; in languages that write case endings after a hyphen
    ("Apple Pay-jel", "március 31-ig", "1 800 Ft-ot") the ending belongs to the word."""
    data = language_data(language) or {}
    return (r"(?:-\p{L}+)?" if data.get("hyphen_suffixes") else "") + _E


@lru_cache(maxsize=8192)  # a verb family's trie (570 forms) recurs in dozens of phrases
def _word(language: str, word: str) -> str:
    if "-" in word.strip("-") and "~" in word:  # "qr-~код": each part on its own
        return "-".join(f"(?:{_word(language, part)})" for part in word.split("-"))
    if word.startswith("~") and len(word.lstrip("~+")) > 0:
        if language not in MORPH_LANGUAGES:
            raise ConfigError(f"{word!r}: `~lemma` needs morphology, which {language!r} lacks; write `stem*`")
        if word.startswith("~+"):
            return _trie(_family(language, word[2:].lower()))
        return _trie(_lemma_forms(language, word[1:].lower()))
    if word == "#":
        return _number(language)
    if word == "$":
        return _money(language)
    if word.endswith("*") and len(word) > 1:
        return regex.escape(word[:-1]) + r"[\p{L}\p{M}]*"
    return regex.escape(word)


def _phrase(language: str, phrase: str) -> str:
    out = ""
    after_gap = True
    for item in normalize(phrase.strip().lower()).split():
        if item in ("..", "..."):
            out += (_SEP if out else "") + (_GAP if item == ".." else _LONG_GAP)
            after_gap = True
            continue
        alternatives = [a for a in item.split("/") if a] if len(item) > 1 else [item]
        body = "|".join(_word(language, a) for a in alternatives)
        out += ("" if after_gap else _SEP) + f"(?:{body})"
        after_gap = False
    if not out or after_gap and out.endswith((_GAP, _LONG_GAP)):
        raise ConfigError(f"bad phrase {phrase!r}: it must have a word and must not end with `..`")
    return out


def compile_phrases(language: str, phrases: Iterable[str], exclude: Iterable[str] = ()) -> PhrasePattern | None:
    """One case-insensitive pattern matching any of `phrases` as whole words; a phrase of more
    words is tried first, so "срок за доставка" wins over "срок" and shadows what it holds.
    No match starts with one of the `exclude` phrases ("срок действия" is no lead time)."""
    ordered = sorted(dict.fromkeys(phrases), key=lambda p: -len(p.split()))
    if not ordered:
        return None
    # Phrases that begin with the same word share one attempt at it ("~оплата/~+платить .. ~заранее",
    # "~+платить/~оплата когда .."): a verb family is tried once per position, not once per phrase.
    # Alternatives match whole words, so their order is free: sorted, equal first words are one.
    groups: dict[str, tuple[str, list[str], list[str]]] = {}  # head -> (head, rests, phrases)
    for phrase in (_sorted_first(p) for p in ordered):
        first = _phrase(language, phrase.split()[0]) if phrase.split()[0] not in ("..", "...") else ""
        full = _phrase(language, phrase)
        head, rest = (first, full[len(first) :]) if first and full.startswith(first) else (full, "")
        group = groups.setdefault(head, (head, [], []))
        group[1].append(rest)
        group[2].append(phrase)
    end = _end(language)
    excluded = [(p, _starts(language, [p])) for p in dict.fromkeys(exclude)]
    bodies, starts = [], []
    for head, rests, members in groups.values():
        begins = _starts(language, members)
        # Only an excluded phrase that can begin the same word can stand where this group does.
        unless = [p for p, leads in excluded if _may_share_a_start(begins, leads)]
        guard = f"(?!(?:{_alternation(language, unless)}){end})" if unless else ""
        bodies.append(guard + head + (f"(?:{'|'.join(rests)})" if rests != [""] else ""))
        starts.append(begins)
    return PhrasePattern(_B, bodies, end, starts)


def _may_share_a_start(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    """Whether words beginning as `a` says and as `b` says can be one word (one beginning is
    the other's start); None begins anything."""
    return a is None or b is None or any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _starts(language: str, phrases: Iterable[str]) -> frozenset[str] | None:
    """The first letters or digits (up to four) of every word a match of `phrases` can begin
    with; None when a phrase may begin otherwise (a gap, an amount, a sign)."""
    starts: set[str] = set()
    for phrase in phrases:
        first = normalize(phrase.strip().lower()).split()[0]
        for word in [a for a in first.split("/") if a] if len(first) > 1 else [first]:
            leads = _leads(language, word)
            if leads is None:
                return None
            starts.update(leads)
    return frozenset(starts)


@lru_cache(maxsize=1024)
def _leads(language: str, word: str) -> frozenset[str] | None:
    """How a phrase's first word (as `_word` reads it) begins: a run of up to `_PREFIX` letters
    or digits of each of its forms, or None if it may begin with anything else."""
    if "-" in word.strip("-") and "~" in word:
        return _leads(language, word.split("-")[0]) if not word.startswith("-") else None
    if word.startswith("~") and len(word.lstrip("~+")) > 0:
        forms: Iterable[str] = _family(language, word[2:]) if word.startswith("~+") else _lemma_forms(language, word[1:])
    elif word == "#":  # digits, or a number word ("два места")
        words = (language_data(language) or {}).get("values", {}).get("number_words", ())
        number_words = _starts(language, words) if words else frozenset()
        return None if number_words is None else number_words | frozenset("0123456789")
    elif word in ("$", "..", "..."):
        return None
    else:
        forms = (word[:-1],) if word.endswith("*") and len(word) > 1 else (word,)
    leads = frozenset(_RUN.match(form)[0] for form in forms)  # type: ignore[index]  # always matches
    return None if "" in leads else leads


def _sorted_first(phrase: str) -> str:
    """`phrase` with the alternatives of its first word in sorted order."""
    first, _, rest = phrase.strip().partition(" ")
    if len(first) > 1 and "/" in first:
        first = "/".join(sorted(a for a in first.split("/") if a))
    return f"{first} {rest}" if rest else first


def _alternation(language: str, phrases: Iterable[str]) -> str:
    return "|".join(_phrase(language, p) for p in dict.fromkeys(phrases))


def _babel_names(language: str) -> tuple[list[str], list[str]]:
    """Month names (every width and context) and weekday names from CLDR."""
    from babel.dates import get_day_names, get_month_names

    months = {
        name
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
        for name in get_month_names(width, context, language).values()
    }
    days = {name for context in ("format", "stand-alone") for name in get_day_names("wide", context, language).values()}
    return sorted(months), sorted(days)


def _names(language: str, names: list[str]) -> str:
    """The names in every form (ru/uk); elsewhere as CLDR writes them — inflected forms
    ("hétfőn", "Donnerstagnachmittag") go in the language's `dates` list."""
    if language in MORPH_LANGUAGES:
        forms = {f for n in names for f in _lemma_forms(language, normalize(n.lower()))}
    else:
        forms = {normalize(n.lower()) for n in names}
    return _trie(forms)


@cache
def _number(language: str) -> str:
    """A number in digits or one of the pack's `values.number_words` ("осталось два места")."""
    words = _alternation(language, (language_data(language) or {}).get("values", {}).get("number_words", ()))
    return r"\d+(?:[.,]\d+)?" + (f"|{words}" if words else "")


@cache
def _money(language: str) -> str:
    """The pattern of an amount of money: a currency symbol or code before or after a number,
    a currency word of the pack after it, or a word for "no charge"."""
    from babel.numbers import get_currency_symbol

    values = (language_data(language) or {}).get("values", {})
    codes = ("RUB", "UAH", "BGN", "HUF", "EUR", "USD", "GBP", "PLN", "CZK", "CHF")
    symbols = {get_currency_symbol(c, loc) for c in codes for loc in LANGUAGES} | set(codes)
    prefix = "|".join(regex.escape(s) for s in sorted(symbols, key=len, reverse=True))
    currency = "|".join(filter(None, [_alternation(language, values.get("currency", ())), prefix]))
    multiplier = _alternation(language, values.get("multiplier", ())) or "(?!)"
    free = _alternation(language, values.get("free", ())) or "(?!)"
    return rf"{_B}(?:(?:{prefix})\s?{_NUM}|{_NUM}(?:\s?(?:{multiplier}))?\s?(?:{currency})|{free}){_end(language)}"


def _value_patterns(language: str, data: dict[str, Any]) -> dict[str, regex.Pattern[str]]:
    values = data.get("values", {})
    units = _alternation(language, values.get("duration_units", ())) or "(?!)"
    number_words = _alternation(language, values.get("number_words", ())) or "(?!)"
    months, days = _babel_names(language)
    month, day = _names(language, months), _names(language, days)
    b, e = _B, _end(language)
    money = _money(language)
    half = _alternation(language, values.get("half", ()))  # "два с половиной месяца", "two and a half weeks"
    number = rf"(?:{_RANGE}|{number_words})" + (rf"(?:\s+(?:{half}))?" if half else "")
    duration = rf"{b}(?:{number}(?:\s*|-)(?:{units})|{_alternation(language, values.get('durations', ())) or '(?!)'}){e}"
    dates = _alternation(language, values.get("dates", ())) or "(?!)"
    date = rf"{b}(?:\d{{1,2}}\.?\s*(?:{month})|(?:{month})\s*\d{{1,2}}\.?|{_NUMERIC_DATE}|{_CLOCK}|{day}|{dates}){e}"
    return {kind: regex.compile(p, regex.IGNORECASE) for kind, p in zip(VALUE_KINDS, (money, duration, date))}


@lru_cache(maxsize=64)
def _load(language: str, options_json: str) -> Pack | None:
    data = language_data(language)
    options: dict[str, Any] = json.loads(options_json) if options_json else {}
    user_topics: dict[str, Any] = options.get("topics", {})
    if data is None:
        return None
    specs = {**builtin_topics(), **{k: v for k, v in user_topics.items() if k not in builtin_topics()}}
    topics = {}
    try:
        for name, spec in specs.items():
            own = data.get("topic", {}).get(name, {})
            extra = user_topics.get(name, {}).get("phrases", {}).get(language, {})

            def phrases(key: str, own: dict[str, Any] = own, extra: dict[str, Any] = extra) -> list[str]:
                return [*own.get(key, ()), *extra.get(key, ())]

            topics[name] = Topic(
                name=name,
                label=spec.get("label") or name.replace("_", " "),
                claims=frozenset(spec.get("claims", ())),
                claims_with_cue=frozenset(spec.get("claims_with_cue", ())),
                claims_when_asked=frozenset(spec.get("claims_when_asked", ())),
                claims_with_cue_when_asked=frozenset(spec.get("claims_with_cue_when_asked", ())),
                shadows=frozenset(spec.get("shadows", ())),
                shadows_questions=frozenset(spec.get("shadows", ())) | frozenset(spec.get("shadows_questions", ())),
                past_answers=spec.get("past_answers", True),
                asked_by=tuple(spec.get("asked_by", ())),
                yields=tuple(t for t in spec.get("yields", ()) if t in specs),
                takes_over=frozenset(spec.get("takes_over", ())),
                ask=compile_phrases(language, phrases("ask"), phrases("exclude")),
                ask_end=compile_phrases(language, phrases("ask_end")),
                ask_alone=compile_phrases(language, phrases("ask_alone"), phrases("exclude")),
                ask_with_date=compile_phrases(language, phrases("ask_with_date"), phrases("exclude")),
                how_much=spec.get("how_much", False),
                counts=spec.get("counts", False),
                how_much_words=compile_phrases(language, phrases("ask_alone")) if spec.get("counts") else None,
                yes_answers=spec.get("yes_answers", False),
                answer=compile_phrases(language, phrases("answer")),
                answer_when_asked=compile_phrases(language, phrases("answer_when_asked")),
                cue=compile_phrases(language, phrases("cue"), phrases("exclude")),
                mute=compile_phrases(language, phrases("mute")),
            )
        question = compile_phrases(language, data.get("question", {}).get("cues", ())) or NEVER
        pronoun = compile_phrases(language, data.get("question", {}).get("pronouns", ()))
        deflect = compile_phrases(
            language, [*data.get("deflect", {}).get("phrases", ()), *options.get("deflect", {}).get(language, ())]
        )
        referral = compile_phrases(language, data.get("deflect", {}).get("referral", ()))
        values = _value_patterns(language, data)
    except regex.error as exc:
        raise ConfigError(f"bundling phrases for {language!r} do not compile: {exc}") from None
    bundle_specs = dict(_topics_data()["bundle"]) if options.get("builtin_bundles", True) else {}
    bundle_specs.update(options.get("bundles", {}))
    bundles = tuple(
        Bundle(name, tuple(b["members"]), frozenset(b.get("triggers") or b["members"]))
        for name, b in bundle_specs.items()
    )
    reports = data.get("reports", {})
    return Pack(
        language,
        topics,
        bundles,
        question,
        pronoun,
        deflect,
        referral,
        values,
        dict(data.get("build", {})),
        compile_phrases(language, reports.get("past", ())),
        compile_phrases(language, reports.get("ongoing", ())),
        compile_phrases(language, [*data.get("values", {}).get("threshold", ()), *data.get("values", {}).get("other", ())]),
        compile_phrases(language, data.get("confirm", {}).get("words", ())),
        compile_phrases(language, data.get("confirm", {}).get("defer", ())),
        compile_phrases(language, data.get("question", {}).get("openers", ())),
        compile_phrases(language, data.get("question", {}).get("intent", ())),
        compile_phrases(language, data.get("question", {}).get("coordinators", ())),
        compile_phrases(language, data.get("question", {}).get("conditions", ())),
    )


def pack(language: str, options: dict[str, Any] | None = None) -> Pack | None:
    """The compiled pack for `language` with the user's options, or None without data."""
    return _load(language, json.dumps(options, sort_keys=True, ensure_ascii=False) if options else "")
