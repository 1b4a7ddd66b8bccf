"""Phrases and simple_case: in such text a lower-cased look-up with `re` finds what `regex` would."""

from __future__ import annotations

import re
from dataclasses import fields
from functools import cache

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import replykit
from replykit._data import read_language_data
from replykit._lookup import Phrases, lowered, simple_case
from replykit.formality.lexicon import address_lexicon
from replykit.tone.lexicon import tone_data


@cache
def _simple_chars() -> str:
    return "".join(c for c in map(chr, range(0x110000)) if simple_case(c))


def test_the_scripts_of_our_languages_are_simple() -> None:
    assert simple_case("Hello, Zoë! Größe, ő, ű, «Привет», Ґанок, ще — “ok”\u00a0… № 5, 100 ₽ → ✓ 🙂")
    for odd in ("İ", "ı", "ſ", "\u212a", "²", "½", "σ"):  # Kelvin sign, superscript, fraction, Greek
        assert not simple_case(f"thank {odd}")


def test_lower_case_decides_ignorecase_matching() -> None:
    chars = _simple_chars()
    lowers: dict[str, set[str]] = {}
    for c in chars:
        assert len(c.lower()) == 1, c
        lowers.setdefault(c.lower(), set()).add(c)
    for c in chars:
        assert set(regex.findall(regex.escape(c), chars, regex.IGNORECASE)) == lowers[c.lower()], c


def test_re_and_regex_agree_on_letters_and_word_starts() -> None:
    for c in _simple_chars():
        assert bool(re.fullmatch(r"[^\W\d_]", c)) == bool(regex.fullmatch(r"\p{L}", c)), c
        assert bool(re.fullmatch(r"\d", c)) == bool(regex.fullmatch(r"\d", c)), c
        assert not re.fullmatch(r"\w", c) or regex.fullmatch(r"\w", c), c  # a \b of re is there at every \m of regex


def _strings(data: object) -> list[str]:
    """Every string in a data file (keys too): the phrases, to build texts from."""
    if isinstance(data, str):
        return [data.replace("...", " ").replace("*", "")]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def _all_phrases() -> list[tuple[str, Phrases, list[str]]]:
    found = []
    for lang in ("ru", "uk", "bg", "hu", "en", "de"):
        texts = _strings(read_language_data("replykit.tone", lang)) + _strings(read_language_data("replykit.formality", lang))
        found.append((f"tone {lang}", tone_data(lang).markers, texts))
        lex = address_lexicon(lang)
        if lex is not None:
            found += [(f"{f.name} {lang}", getattr(lex, f.name), texts) for f in fields(lex) if f.name.endswith("_re")]
    return [(name, p, texts) for name, p, texts in found if p is not None and (p.starts or p.heads) is not None]


PHRASES = _all_phrases()
_GLUE = [" ", "  ", "\n", "\u00a0", "-", "'", "’", "_", "2", "²", ",", ".", "«", "»", "\u0301", "İ", "ſ", "X", "я"]


@pytest.mark.parametrize(("name", "phrases", "texts"), PHRASES, ids=[name for name, _, _ in PHRASES])
@given(data=st.data())
@settings(max_examples=80, deadline=None)
def test_look_up_finds_what_the_scan_finds(name, phrases, texts, data):
    words = sorted(set(regex.findall(r"(?<![\\{])\p{L}+", phrases.pattern.pattern)))  # not \p{L}, \s
    atoms = data.draw(st.lists(st.sampled_from(words) | st.sampled_from(_GLUE) | st.sampled_from(texts), max_size=16))
    text = "".join(a.upper() if len(a) > 1 and data.draw(st.booleans()) else a for a in atoms)
    pos = data.draw(st.integers(0, len(text)))
    scan = [(m.span(), m.lastgroup) for m in phrases.pattern.finditer(text, pos)]
    assert [(m.span(), m.lastgroup) for m in phrases.finditer(text, lowered(text), pos)] == scan


@pytest.mark.parametrize(("name", "phrases", "texts"), PHRASES, ids=[name for name, _, _ in PHRASES])
def test_look_up_finds_every_phrase_like_the_scan(name, phrases, texts):
    for phrase in texts:
        # Around it: punctuation, "_" and digits (not letters: a phrase may end or begin there).
        for text in (phrase, f"{phrase.upper()}, {phrase}.", f"— {phrase} {phrase}!", f"_{phrase}_ 2{phrase}2"):
            scan = [(m.span(), m.lastgroup) for m in phrases.pattern.finditer(text)]
            assert [(m.span(), m.lastgroup) for m in phrases.finditer(text, lowered(text))] == scan, text


def test_few_first_words_keep_the_scan() -> None:
    assert address_lexicon("ru").formal_re.starts is None  # вы, вас, вам, вами, ваш*
    assert len(PHRASES) >= 10


def test_an_empty_phrase_keeps_the_scan() -> None:
    """An empty extra word ("" in a config list) has no first word to look up: the pattern scans."""
    report = replykit.check("Привет, ты где?", config={"address": {"extra": {"ru": {"not_address": [""]}}}}, locale="ru")
    assert [f.code for f in report.findings] == [f.code for f in replykit.check("Привет, ты где?", locale="ru").findings]
    assert address_lexicon("ru", {"not_address": [""]}).not_address_re.starts is None
