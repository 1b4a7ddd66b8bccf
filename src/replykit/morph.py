"""One pymorphy3 analyzer per language, created on first use and shared by all threads.

Parses are cached per (language, word): replies repeat the same few thousand words, so the
cache turns morphology into a dictionary look-up on the hot path.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from replykit.errors import ReplykitError

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

MORPH_LANGUAGES = frozenset({"ru", "uk"})
_lock = threading.Lock()
_analyzers: dict[str, MorphAnalyzer] = {}


def analyzer(lang: str) -> MorphAnalyzer:
    """The shared analyzer for `lang` ("ru" or "uk")."""
    found = _analyzers.get(lang)
    if found is not None:
        return found
    if lang not in MORPH_LANGUAGES:
        raise ReplykitError(f"no morphology dictionary for language {lang!r}")
    with _lock:
        if not _analyzers:
            _load_all()
    return _analyzers[lang]


def _load_all() -> None:
    """Load every dictionary at once and give their shared Tag class the union of grammemes.

    pymorphy3 keeps the known grammemes on one class shared by all dictionaries, and each load
    replaces them: after loading Ukrainian, Russian tags raise "Unknown grammeme: indc". Loading
    both before any parse is handed out, then declaring the union, keeps both languages working
    and leaves no moment at which another thread sees a half-initialised class.
    """
    import json
    import os

    import pymorphy3

    loaded = {lang: pymorphy3.MorphAnalyzer(lang=lang) for lang in sorted(MORPH_LANGUAGES)}
    union: dict[str, list[object]] = {}
    for morph in loaded.values():
        with open(os.path.join(morph.dictionary.path, "grammemes.json"), encoding="utf-8") as fh:
            for entry in json.load(fh):
                union.setdefault(entry[0], entry)
    for morph in loaded.values():
        morph.TagClass._init_grammemes(list(union.values()))
    _analyzers.update(loaded)


@lru_cache(maxsize=262_144)
def parse(lang: str, word: str) -> tuple[Parse, ...]:
    """All analyses of `word` (any case), best first; none for what is not a word.

    pymorphy3 raises ValueError on characters without a Unicode name (unassigned code points);
    such a token has no analysis rather than crashing the check.
    """
    try:
        return tuple(analyzer(lang).parse(word))
    except ValueError:
        return ()


def best_grammemes(lang: str, word: str) -> frozenset[str]:
    """The grammemes of the best analysis of `word`; none when it has no analysis."""
    parses = parse(lang, word)
    return frozenset(parses[0].tag.grammemes) if parses else frozenset()


@lru_cache(maxsize=65_536)
def inflect(lang: str, word: str, grammemes: frozenset[str]) -> str | None:
    """`word` inflected into `grammemes` using its best analysis, or None.

    A grammeme neither dictionary knows is a caller's mistake, reported as ReplykitError.
    """
    unknown = grammemes - analyzer(lang).TagClass.KNOWN_GRAMMEMES
    if unknown:
        raise ReplykitError(f"unknown grammemes {sorted(unknown)} for {lang!r}")
    for p in parse(lang, word.lower()):
        form = p.inflect(set(grammemes))
        if form is not None:
            return str(form.word)
    return None


def match_case(template: str, word: str) -> str:
    """`word` written with the capitalisation of `template` (Ты → Вы, ТЕБЕ → ВАМ)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
