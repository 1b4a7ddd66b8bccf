"""Empathy markers and readability settings per language, compiled once per language."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from replykit._data import read_language_data
from replykit._lookup import Phrases
from replykit.errors import ConfigError
from replykit.greetings.lexicon import _phrase_pattern

if TYPE_CHECKING:
    from replykit.tone.options import MarkerKind

KINDS = ("thanks", "apology", "acknowledgement", "further_help")
_MAX_KNOWN = 50_000
_GAP = r"(?:[\s\u00a0]+[\p{L}\d'’\-]+){0,4}?[\s\u00a0]+"  # "..." in a phrase: up to four words
# What a grade formula may weigh: Flesch–Kincaid takes the first two, the Wiener
# Sachtextformel (German) the shares of polysyllabic (3+), monosyllabic and long (7+ letters) words.
GRADE_TERMS = frozenset({
    "constant", "words_per_sentence", "syllables_per_word",
    "percent_polysyllabic", "percent_monosyllabic", "percent_long_letters",
})  # fmt: skip
_SHAPE_TERMS = frozenset({"percent_polysyllabic", "percent_monosyllabic", "percent_long_letters"})


@dataclass(frozen=True, slots=True)
class ReadabilityData:
    index: str
    syllable_re: regex.Pattern[str]
    silent_final_e: bool
    ease: tuple[float, float, float]
    grade: tuple[tuple[str, float], ...]  # (term of GRADE_TERMS, coefficient): a linear formula
    long_word_syllables: int
    _known: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def needs_shape(self) -> bool:
        """Whether the grade counts words by their syllables or letters, not only in total."""
        return any(term in _SHAPE_TERMS for term, _ in self.grade)

    @property
    def known(self) -> Callable[[str], int | None]:
        """`syllables` of a word already seen (one dict look-up), else None."""
        return self._known.get

    def syllables(self, word: str) -> int:
        """Vowels (or vowel groups) in the word; at least one, so abbreviations count as a syllable."""
        known = self._known.get(word)
        if known is not None:
            return known
        lower = word.lower()
        count = len(self.syllable_re.findall(lower))
        if self.silent_final_e and count > 1 and lower.endswith("e") and not lower.endswith("le"):
            count -= 1
        if len(self._known) >= _MAX_KNOWN:  # words repeat across replies; keep memory bounded
            self._known.clear()
        self._known[word] = count = max(count, 1)
        return count


@dataclass(frozen=True, slots=True)
class ToneData:
    language: str
    markers: Phrases | None  # one pattern, a named group per kind
    readability: ReadabilityData | None
    upset: Phrases | None = None  # what an upset customer writes (RK705), read in their messages


def _marker_pattern(markers: dict[str, list[str]], kinds: tuple[str, ...] = KINDS) -> Phrases | None:
    groups: list[tuple[str | None, list[tuple[str, str]]]] = []
    for kind in kinds:
        # A phrase is parts joined by "..."; a phrase with an empty part ("...", "если ...") is
        # refused, as it would match almost anywhere.
        split = {tuple(part.strip() for part in p.lower().split("...")) for p in markers.get(kind, ())}
        for parts in split:
            if not all(parts):
                raise ConfigError(f"{kind} marker {'...'.join(parts)!r}: words are needed on both sides of '...'")
        phrases = sorted(split, key=lambda parts: -sum(map(len, parts)))
        if phrases:
            branches = [(parts[0].split()[0], _GAP.join(_phrase_pattern(part) for part in parts)) for parts in phrases]
            groups.append((kind, branches))
    if not groups:
        return None
    return Phrases.compile(groups, r"\m(?:", r")(?![\p{L}\d])", regex.IGNORECASE)


def _readability(raw: dict[str, Any] | None, language: str) -> ReadabilityData | None:
    if not raw:
        return None
    try:
        vowels = regex.escape(raw["vowels"])
        return ReadabilityData(
            index=raw["index"],
            syllable_re=regex.compile(f"[{vowels}]+" if raw.get("vowel_groups") else f"[{vowels}]"),
            silent_final_e=bool(raw.get("silent_final_e", False)),
            ease=tuple(raw["ease"]),
            grade=_grade(raw["grade"]),
            long_word_syllables=int(raw["long_word_syllables"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"readability data for {language!r} is incomplete or invalid: {exc}") from None


def _grade(raw: list[float] | dict[str, float]) -> tuple[tuple[str, float], ...]:
    """A grade formula: [a, b, c] is Flesch–Kincaid shaped, a table names its terms."""
    if isinstance(raw, list):
        a, b, c = raw
        raw = {"words_per_sentence": a, "syllables_per_word": b, "constant": c}
    unknown = set(raw) - GRADE_TERMS
    if unknown:
        raise ValueError(f"unknown grade terms {sorted(unknown)}; known: {sorted(GRADE_TERMS)}")
    return tuple((term, float(coefficient)) for term, coefficient in raw.items())


@lru_cache(maxsize=64)
def _load(language: str, extra_json: str) -> ToneData | None:
    found = read_language_data("replykit.tone", language)
    extra: dict[str, list[str]] = json.loads(extra_json) if extra_json else {}
    if found is None and not extra:
        return None
    data = found or {}
    base = data.get("markers", {})
    markers = {kind: [*base.get(kind, ()), *extra.get(kind, ())] for kind in KINDS}
    upset = {"upset": [*data.get("upset", ()), *extra.get("upset", ())]}
    return ToneData(
        language,
        _marker_pattern(markers),
        _readability(data.get("readability"), language),
        _marker_pattern(upset, ("upset",)),
    )


def tone_data(language: str, extra: Mapping[MarkerKind, list[str]] | None = None) -> ToneData | None:
    """Markers and readability settings for `language` plus the user's extra markers."""
    return _load(language, json.dumps(extra, sort_keys=True, ensure_ascii=False) if extra else "")
