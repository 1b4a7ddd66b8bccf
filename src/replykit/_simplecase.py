"""Text in which a lower-cased look-up can stand in for a case-insensitive `regex` scan.

Within ASCII, Latin-1 (but not the superscripts and fractions ¹ ² ³ ¼ ½ ¾, which `re` counts
as word characters and `regex` does not), Latin Extended-A (but not İ, ı, ſ, which `regex`
matches across scripts or lower-cases to two characters), Cyrillic and general punctuation:
every character lower-cases to exactly one, two characters match under `regex.IGNORECASE`
exactly when their lower cases are equal, `re` and `regex` agree on letters, and a word character
of `re` is one of `regex` too. tests/test_simplecase.py checks this for every character. Text with anything else
keeps the full scan.
"""

from __future__ import annotations

import regex

_OUTSIDE = regex.compile(r"[^\x00-\x7f\xa0-\xb1\xb4-\xb8\xba\xbb\xbf-\u012f\u0132-\u017e\u0400-\u04ff\u2000-\u206f]")


def simple_case(text: str) -> bool:
    """True if every character of `text` is one of those described above."""
    return text.isascii() or _OUTSIDE.search(text) is None
