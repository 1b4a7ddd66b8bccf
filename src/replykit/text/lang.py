"""Which supported language a reply is written in."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from replykit._data import read_data

# Runs, not single letters: the letter counts are the runs' total length, with far fewer matches.
_CYRILLIC = regex.compile(r"\p{Cyrillic}+")
_LATIN = regex.compile(r"\p{Latin}+")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class _Profile:
    code: str
    script: str
    letters: frozenset[str]
    words: frozenset[str]
    ascii_letters: frozenset[str]  # those of `letters` in ASCII


@cache
def _profiles() -> tuple[_Profile, ...]:
    data = read_data("replykit.text", "languages")
    return tuple(
        _Profile(
            code,
            spec["script"],
            frozenset(spec["letters"]),
            frozenset(spec["words"]),
            frozenset(filter(str.isascii, spec["letters"])),
        )
        for code, spec in data.items()
    )


def supported_languages() -> tuple[str, ...]:
    return tuple(p.code for p in _profiles())


_WORD = regex.compile(r"\p{L}+")
SAMPLE = 200  # words read: enough to tell the language, and a long text costs no more


def detect_text_language(text: str, default: str) -> str:
    """The language of any text (a customer's message, say), from its first few thousand characters."""
    return detect_language(_WORD.findall(text[:4000].lower()), default)


def detect_language(words: list[str], default: str) -> str:
    """Best-scoring language for lower-cased `words`; `default` when nothing tells."""
    if not words:
        return default
    sample = words[:SAMPLE]
    joined = "".join(sample)
    script = _script(joined)
    if script is None:
        return default
    only_ascii = joined.isascii()
    best, best_score = default, 0.0
    for profile in _profiles():
        if profile.script != script:
            continue
        score = float(sum(map(profile.words.__contains__, sample)))  # the sample's words it knows
        # ASCII text has none of the letters outside ASCII: no need to count them.
        score += 0.6 * sum(map(joined.count, profile.ascii_letters if only_ascii else profile.letters))
        if score > best_score:
            best, best_score = profile.code, score
    if best_score == 0.0:
        # Words of the right script but none we know: prefer the default if it fits the script.
        fallback = {"Cyrl": "ru", "Latn": "en"}[script]
        same_script = {p.code for p in _profiles() if p.script == script}
        return default if default in same_script else fallback
    return best


def _script(joined: str) -> str | None:
    """The script most letters are in, "Cyrl" or "Latn"; None when there are letters of neither."""
    if joined.isascii():  # no Cyrillic, and the Latin letters are A-Z: say so without counting
        return "Latn" if _ASCII_LETTER.search(joined) else None
    cyr = sum(map(len, _CYRILLIC.findall(joined)))
    lat = sum(map(len, _LATIN.findall(joined)))
    if cyr == 0 and lat == 0:
        return None
    return "Cyrl" if cyr >= lat else "Latn"
