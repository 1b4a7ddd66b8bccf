"""The characters nearly every reply is written in, and `regex` classes spelt out for `re` there.

Text of Latin, Greek, Cyrillic, general punctuation, currency and letterlike signs (№) alone is
searched by the standard `re` engine, about twice as fast as `regex`, with patterns whose classes
(`\\p{L}`, `\\d`, `\\s`, ...) are read off `regex` for exactly these characters: on such text the two
engines find the same by construction. Any other text is searched by `regex` as written.
"""

from __future__ import annotations

import re
from functools import cache

import regex

_RANGES = ((0x0001, 0x052F), (0x2000, 0x214F))


@cache
def characters() -> str:
    """Every common character, in order."""
    return "".join(chr(code) for first, last in _RANGES for code in range(first, last + 1))


@cache
def spelt(pattern: str) -> str:
    """The inside of a `re` class matching the common characters that `regex` finds with `pattern`."""
    return re_class(regex.findall(pattern, characters()))


@cache
def _uncommon() -> re.Pattern[str]:
    return re.compile(f"[^{re_class(characters())}]")


def is_common(text: str) -> bool:
    """Whether `text` has common characters only (ASCII text is told at once)."""
    return text.isascii() or _uncommon().search(text) is None


def re_class(chars: list[str] | str) -> str:
    """The inside of a `re` character class that matches exactly `chars`, as ranges."""
    ranges: list[list[int]] = []
    for code in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
