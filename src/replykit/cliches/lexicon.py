"""Cliché lexicons per language, compiled once into an index keyed by anchor word.

A phrase is a sequence of words. In Russian and Ukrainian a word matches by lemma
(pymorphy3), so "приносим свои извинения за доставленное неудобство" matches the entry
"приносим извинения за доставленные неудобства"; elsewhere it matches by its lower-case form.
Write a phrase word in its dictionary form ("рад помочь"): it then matches every form of that
lemma. `word*` matches any word starting with `word`, `=word` only that exact form; punctuation in a
phrase is ignored. Up to `gap` words may be inserted between two phrase words (default 1 in a
two-word phrase, else 2); with `order = "free"` (the default for four words or more) the words
may also appear in another order, spanning at most `gap` + 2 more words than the phrase has.
With `start` the phrase must open its sentence ("Going forward, ..." but not "it is going forward").
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from typing import Any

from pydantic import ValidationError

from replykit._data import read_language_data
from replykit.cliches.options import ClicheEntry
from replykit.errors import ConfigError
from replykit.morph import MORPH_LANGUAGES, parse
from replykit.text.tokens import Token

_PUNCT = ",.;:!?—–\"«»“”"
_SLACK = 2  # extra words a reordered match may span
_SENTENCE_CACHE = 20_000  # sentences remembered per lexicon before that memo starts over
_WORD_CACHE = 200_000  # words remembered per lexicon before the memo starts over


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str  # "lemma", "exact" or "prefix"
    value: str


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    category: str
    alternative: str | None
    words: tuple[_Word, ...]
    anchor: int  # index of the word used to find candidates
    gap: int  # words allowed between two consecutive phrase words
    free_order: bool
    unless: frozenset[str]
    start: bool  # the phrase must open its sentence
    fire: str | None
    miss: str | None


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    first: int  # index of the first matched word in the sentence's word list
    last: int  # index of the last matched word
    in_order: bool  # the words are the phrase's own words, in order, without insertions


def _norm(word: str) -> str:
    """Lower case, ё as е, and a typographic apostrophe as the plain one (don’t = don't)."""
    return word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")  # 5x faster than translate


@lru_cache(maxsize=262_144)
def word_keys(language: str, word: str) -> frozenset[str]:
    """The keys a text word matches by: its lemmas (ru, uk) and its own lower-case form."""
    low = _norm(word)
    if language not in MORPH_LANGUAGES:
        return frozenset((low,))
    return frozenset((low, *(_norm(p.normal_form) for p in parse(language, low))))


def _phrase_word(language: str, raw: str) -> _Word:
    low = _norm(raw)
    if low.endswith("*"):
        return _Word("prefix", low[:-1])
    if low.startswith("="):
        return _Word("exact", low[1:])
    if language in MORPH_LANGUAGES:
        lemmas = [_norm(p.normal_form) for p in parse(language, low)]
        return _Word("lemma", low if low in lemmas or not lemmas else lemmas[0])
    return _Word("exact", low)


def _phrase_words(language: str, phrase: str) -> tuple[_Word, ...]:
    return tuple(_phrase_word(language, w) for w in (w.strip(_PUNCT) for w in phrase.split()) if w)


def _entry(
    language: str, item: ClicheEntry, words: tuple[_Word, ...], default_gap: int | None, shared: Counter[str]
) -> Entry:
    # Anchor on the most specific word: one of four letters or more, a whole word before a prefix,
    # then the word fewest entries share ("end", not "the", in "at the end of the day": every
    # word of a sentence is looked up, so a common anchor makes many candidates), then the longest.
    anchor = max(
        range(len(words)),
        key=lambda i: (len(words[i].value) >= 4, words[i].kind != "prefix", -shared[words[i].value], len(words[i].value)),
    )
    return Entry(
        phrase=item.phrase,
        category=item.category,
        alternative=item.alternative,
        words=words,
        anchor=anchor,
        gap=next(g for g in (item.gap, default_gap, 1 if len(words) <= 2 else 2) if g is not None),
        free_order=item.order == "free" or (item.order is None and len(words) >= 4),
        unless=frozenset(_norm(u) for u in item.unless),
        start=item.start,
        fire=item.fire,
        miss=item.miss,
    )


def _hits(word: _Word, keys: frozenset[str], low: str) -> bool:
    if word.kind == "prefix":
        return low.startswith(word.value)
    if word.kind == "exact":
        return low == word.value
    return word.value in keys


class Lexicon:
    """All entries of one language with an index from anchor key to entries."""

    def __init__(self, language: str, entries: tuple[Entry, ...]) -> None:
        self.language = language
        self.entries = entries
        self._by_key: dict[str, list[Entry]] = {}
        self._by_prefix: dict[str, list[Entry]] = {}
        for entry in entries:
            word = entry.words[entry.anchor]
            table = self._by_prefix if word.kind == "prefix" else self._by_key
            table.setdefault(word.value, []).append(entry)
        self._prefix_lengths = sorted({len(p) for p in self._by_prefix}, reverse=True)
        self._words: dict[str, tuple[frozenset[str], str, tuple[Entry, ...]]] = {}
        self._sentences: dict[tuple[str, ...], tuple[Match, ...]] = {}
        # Per entry, the lemma and exact words some position of a sentence must have.
        self._needs = {id(e): frozenset(w.value for w in e.words if w.kind != "prefix") for e in entries}

    def _info(self, word: str) -> tuple[frozenset[str], str, tuple[Entry, ...]]:
        """A word's match keys, its normalised form and the entries it may anchor (memoised)."""
        found = self._words.get(word)
        if found is None:
            if len(self._words) > _WORD_CACHE:
                self._words.clear()
            keys, low = word_keys(self.language, word), _norm(word)
            candidates = [e for key in keys for e in self._by_key.get(key, ())]
            for n in self._prefix_lengths:
                if n <= len(low):
                    candidates.extend(self._by_prefix.get(low[:n], ()))
            anchored = tuple(e for e in dict.fromkeys(candidates) if _hits(e.words[e.anchor], keys, low))
            found = self._words[word] = (keys, low, anchored)
        return found

    def find(self, words: list[Token]) -> list[Match]:
        """Non-overlapping matches in one sentence's words, longest phrase first.

        Matches depend only on the words' texts, and canned sentences recur across replies,
        so they are remembered per sentence (bounded, like the word memo).
        """
        texts = tuple([t.text for t in words])
        found = self._sentences.get(texts)
        if found is None:
            if len(self._sentences) > _SENTENCE_CACHE:
                self._sentences.clear()
            found = self._sentences[texts] = tuple(self._find(texts))
        return list(found)

    def _find(self, texts: tuple[str, ...]) -> list[Match]:
        known, compute = self._words.get, self._info
        infos = [known(t) or compute(t) for t in texts]
        anchors = [i for i, info in enumerate(infos) if info[2]]
        if not anchors:
            return []
        keys, lows, anchored = zip(*infos)
        present = set().union(*keys)  # a word's keys include its own form
        needs = self._needs
        found: list[Match] = []
        for i in anchors:
            for entry in anchored[i]:
                # A lemma or exact word found nowhere in the sentence: no order can match.
                if not present.issuperset(needs[id(entry)]):
                    continue
                match = _match(entry, keys, lows, i)
                if match is not None:
                    found.append(match)
        if len(found) < 2:
            return found
        found.sort(key=lambda m: (-len(m.entry.words), m.first))
        taken: list[Match] = []
        for m in found:
            if all(m.last < t.first or m.first > t.last for t in taken):
                taken.append(m)
        taken.sort(key=lambda m: m.first)
        return taken


def _match(entry: Entry, keys: Sequence[frozenset[str]], lows: Sequence[str], i: int) -> Match | None:
    positions = _ordered(entry, keys, lows, i)
    if positions is None and entry.free_order:
        positions = _unordered(entry, keys, lows, i)
    if positions is None:
        return None
    if entry.unless and any(lows[p] in entry.unless for p in positions):
        return None
    first, last = min(positions), max(positions)
    if entry.start and first != 0:
        return None
    in_order = positions == list(range(first, last + 1))
    return Match(entry, first, last, in_order)


def _ordered(entry: Entry, keys: Sequence[frozenset[str]], lows: Sequence[str], i: int) -> list[int] | None:
    words, a, gap = entry.words, entry.anchor, entry.gap
    positions = [i]
    prev = i
    for q in range(a - 1, -1, -1):  # leftwards from the anchor
        for k in range(prev - 1, max(prev - 2 - gap, -1), -1):
            if _hits(words[q], keys[k], lows[k]):
                positions.insert(0, k)
                prev = k
                break
        else:
            return None
    prev = i
    for q in range(a + 1, len(words)):
        for k in range(prev + 1, min(prev + 2 + gap, len(keys))):
            if _hits(words[q], keys[k], lows[k]):
                positions.append(k)
                prev = k
                break
        else:
            return None
    if positions[-1] - positions[0] + 1 > len(words) + gap + 1:
        return None
    return positions


def _unordered(entry: Entry, keys: Sequence[frozenset[str]], lows: Sequence[str], i: int) -> list[int] | None:
    size = len(entry.words) + _SLACK + entry.gap  # the widest span allowed
    lo, hi = max(0, i - size), min(len(keys), i + size + 1)
    used = {i}
    nearest_first = _nearest_first(lo, hi, i)
    for q, word in enumerate(entry.words):
        if q == entry.anchor:
            continue
        best = None
        for k in nearest_first:
            if k not in used and _hits(word, keys[k], lows[k]):
                best = k
                break
        if best is None:
            return None
        used.add(best)
    if max(used) - min(used) + 1 > size:
        return None
    return sorted(used)


@lru_cache(maxsize=4096)
def _nearest_first(lo: int, hi: int, i: int) -> tuple[int, ...]:
    """Positions lo..hi-1 by distance from i (ties: the left one first); a few shapes repeat."""
    return tuple(sorted(range(lo, hi), key=lambda k: abs(k - i)))


def _data(language: str) -> dict[str, Any]:
    return read_language_data("replykit.cliches", language) or {}


@lru_cache(maxsize=64)
def _load(language: str, changes_json: str) -> Lexicon:
    changes = json.loads(changes_json) if changes_json else {}
    removed = {" ".join(_norm(p).split()) for p in changes.get("remove", ())}
    data = _data(language)
    items: dict[str, ClicheEntry] = {}
    for raw in [*data.get("entry", ()), *changes.get("add", ())]:
        try:
            item = ClicheEntry.model_validate(raw)
        except ValidationError as exc:
            raise ConfigError(f"cliché entry {raw.get('phrase')!r} ({language}): {exc.errors()[0]['msg']}") from None
        key = _norm(item.phrase)
        if key not in removed:
            items[key] = item  # a later entry with the same phrase overrides an earlier one
    gap = data.get("gap")
    phrases = {key: _phrase_words(language, item.phrase) for key, item in items.items()}
    shared = Counter(w.value for words in phrases.values() for w in set(words))
    return Lexicon(language, tuple(_entry(language, item, phrases[key], gap, shared) for key, item in items.items()))


def lexicon(language: str, add: list[Any] | None = None, remove: list[str] | None = None) -> Lexicon:
    """The lexicon of `language` with the user's added, overriding and removed entries."""
    if not add and not remove:
        return _load(language, "")
    changes = {
        "add": [e.model_dump() if isinstance(e, ClicheEntry) else e for e in add or ()],
        "remove": list(remove or ()),
    }
    return _load(language, json.dumps(changes, sort_keys=True, ensure_ascii=False))


def sentence_words(words: list[Token]) -> list[list[Token]]:
    """The words a phrase may match in, sentence by sentence: the agent's own, unquoted words."""
    own = [t for t in words if t.segment == "own" and not t.quoted]
    return [list(group) for _, group in groupby(own, key=attrgetter("sentence"))]
