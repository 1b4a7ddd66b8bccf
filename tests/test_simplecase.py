"""simple_case: in such text, a lower-cased look-up with `re` finds what `regex` would, case-insensitively."""

from __future__ import annotations

import re

import regex

from replykit._simplecase import simple_case


def _simple_chars() -> list[str]:
    return [chr(c) for c in range(0x10000) if simple_case(chr(c))]


def test_the_scripts_of_our_languages_are_simple() -> None:
    assert simple_case("Hello, Zoë! Größe, ő, ű, «Привет», Ґанок, ще — “ok”\u00a0…")
    for odd in ("İ", "ı", "ſ", "\u212a", "²", "½", "σ"):  # Kelvin sign, superscript, fraction, Greek
        assert not simple_case(f"thank {odd}")


def test_lower_case_decides_ignorecase_matching() -> None:
    chars = _simple_chars()
    lowers: dict[str, set[str]] = {}
    for c in chars:
        assert len(c.lower()) == 1, c
        lowers.setdefault(c.lower(), set()).add(c)
    for c in chars:
        pattern = regex.compile(regex.escape(c), regex.IGNORECASE)
        assert {d for d in chars if pattern.fullmatch(d)} == lowers[c.lower()], c


def test_re_and_regex_agree_on_letters_and_word_starts() -> None:
    for c in _simple_chars():
        assert bool(re.fullmatch(r"[^\W\d_]", c)) == bool(regex.fullmatch(r"\p{L}", c)), c
        assert not re.fullmatch(r"\w", c) or regex.fullmatch(r"\w", c), c  # a \b of re is there at every \m of regex
