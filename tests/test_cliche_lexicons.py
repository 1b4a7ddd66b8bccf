"""Every lexicon entry's own examples: `fire` must match the entry, `miss` must not."""

from __future__ import annotations

import pytest

from replykit.cliches.lexicon import Lexicon, _data, lexicon, sentence_words
from replykit.document import Document

LANGUAGES = ("ru", "uk", "bg", "hu", "en", "de")
MINIMUM = {"ru": 150, "uk": 50, "bg": 50, "hu": 50, "en": 50, "de": 50}
ENTRIES = [(lang, entry) for lang in LANGUAGES for entry in lexicon(lang).entries]


def _phrases(lex: Lexicon, text: str) -> set[str]:
    doc = Document(text, language=lex.language)
    found = set()
    for words in sentence_words(doc.words):
        found.update(m.entry.phrase for m in lex.find(words))
    return found


@pytest.mark.parametrize(("lang", "entry"), ENTRIES, ids=[f"{lang}:{e.phrase}" for lang, e in ENTRIES])
def test_entry_examples(lang, entry):
    assert entry.fire and entry.miss, f"{entry.phrase!r} needs a fire and a miss example"
    lex = lexicon(lang)
    assert entry.phrase in _phrases(lex, entry.fire), f"{entry.phrase!r} should match {entry.fire!r}"
    assert entry.phrase not in _phrases(lex, entry.miss), f"{entry.phrase!r} should not match {entry.miss!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicon_size_and_unique_phrases(lang):
    raw = [e["phrase"].lower() for e in _data(lang).get("entry", [])]
    assert len(raw) == len(set(raw)), "duplicate phrases"
    assert len(lexicon(lang).entries) >= MINIMUM[lang]
