"""Phrase patterns tried only where one of their first words begins, found in lower-cased text.

`regex` finds a literal start quickly, but a case-insensitive alternation of many phrases makes
it try every branch at every position. `Phrases.finditer` instead finds where a phrase's first
word begins with `re` in the lower-cased text (three to five times faster) and tries the pattern
only there, yielding exactly what `pattern.finditer` would.

That needs `simple_case` text. Within ASCII, Latin-1 (but not the superscripts and fractions
¹ ² ³ ¼ ½ ¾, which `re` counts as word characters and `regex` does not), Latin Extended-A (but
not İ, ı, ſ, which `regex` matches across scripts or lower-cases to two characters), Cyrillic,
general punctuation, currency signs, №, ™, arrows, mathematical and technical signs, box
drawing, shapes, dingbats and emoji: every character lower-cases to exactly one, two characters
match under `regex.IGNORECASE` exactly when their lower cases are equal, `re` and `regex` agree
on letters and digits, and a word character of `re` is one of `regex` too. tests/test_lookup.py
checks this for every character. Other text is scanned with the pattern as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import regex

# Code points only, no property: `re` finds the same, four times faster than `regex` in Cyrillic text.
_OUTSIDE = re.compile(
    r"[^\x00-\x7f\xa0-\xb1\xb4-\xb8\xba\xbb\xbf-\u012f\u0132-\u017e\u0400-\u04ff\u2000-\u206f\u20a0-\u20cf"
    r"\u2116\u2122\u2190-\u23ff\u2500-\u2775\u2794-\u27bf\U0001f300-\U0001faff]"
)

# Below this many distinct first words `regex` finds the matches as fast itself (measured on
# the Russian address words: 5 first words, 1.9 µs a reply against 3.5 with the look-up).
_FEW = 8
_LETTERS = re.compile(r"[^\W\d_]+")


def simple_case(text: str) -> bool:
    """True if every character of `text` is one of those described above."""
    return text.isascii() or _OUTSIDE.search(text) is None


class Lowered:
    """A `simple_case` text in lower case, and (worked out when first needed) its runs of letters."""

    __slots__ = ("_runs", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: frozenset[str] | None = None

    @property
    def runs(self) -> frozenset[str]:
        if self._runs is None:
            self._runs = frozenset(_LETTERS.findall(self.text))
        return self._runs


def lowered(text: str) -> Lowered | None:
    """The text in lower case for `Phrases.finditer`, or None if it is not `simple_case`."""
    return Lowered(text.lower()) if simple_case(text) else None


class Phrases:
    """One pattern of many phrases, with what `finditer` needs to try it only where one may begin.

    Patterns are compiled when first needed: the whole one only for text that is not
    `simple_case` (or a short list), the one of a letter only when a text has a first word
    beginning with it. A long word list (Hungarian forms of «te») then costs its compile time
    bit by bit, not all at once on the first reply.
    """

    __slots__ = ("_build", "_by_letter", "_pattern", "heads", "starts")

    def __init__(
        self,
        build: Callable[[Callable[[str], bool]], regex.Pattern[str]],
        starts: re.Pattern[str] | None,  # None: few first words, or one not simple_case; always scan
        heads: frozenset[str] | None,  # the run of letters a match begins with; None: a `word*` or odd word
    ) -> None:
        self._build = build
        self._pattern: regex.Pattern[str] | None = None
        self._by_letter: dict[str, regex.Pattern[str]] = {}  # only the phrases that begin with a letter
        self.starts = starts
        self.heads = heads

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The pattern of every phrase."""
        if self._pattern is None:
            self._pattern = self._build(_every)
        return self._pattern

    def _of_letter(self, letter: str) -> regex.Pattern[str]:
        found = self._by_letter.get(letter)
        if found is None:  # two threads may both compile it: the same pattern either way
            found = self._by_letter[letter] = self._build(_begins_with(letter))
        return found

    @classmethod
    def compile(
        cls, groups: Sequence[tuple[str | None, Sequence[tuple[str, str]]]], before: str, after: str, flags: int = 0
    ) -> Phrases:
        """`before(?:(?P<name>branch|branch...)|...)after`, a named group (or none) per group.

        A branch is (first word, regex): the first word as written in the phrase (`word*` begins
        any word that starts so), the regex matching the phrase from that word on. `before` must
        let a match begin only where no letter or digit precedes, and the regex after a first word
        of letters only (no `*`) must match a non-letter first. A match then begins where `starts`
        finds a first word, with one of `heads` as a whole run of letters, and only branches whose
        first word begins with the letter found there can match.
        """

        def build(keep: Callable[[str], bool]) -> regex.Pattern[str]:
            parts = []
            for name, branches in groups:
                alternatives = "|".join(branch for first, branch in branches if keep(first))
                if alternatives:
                    parts.append(f"(?P<{name}>{alternatives})" if name else alternatives)
            return regex.compile(f"{before}{'|'.join(parts)}{after}", flags)

        firsts = {first.lower() for _, branches in groups for first, _ in branches}
        literals = sorted({w.removesuffix("*") for w in firsts}, key=len, reverse=True)
        if not literals or not all(literals) or not simple_case("".join(literals)):
            return cls(build, None, None)
        whole = [w for w in literals if w.isalpha() and w in firsts and f"{w}*" not in firsts]
        is_whole = set(whole)  # thousands of words (Hungarian): a set, not the list, answers "in"
        heads = [w if w in is_whole else _head(w) for w in literals]
        heads_set = None if "" in heads else frozenset(heads)
        if len(literals) < _FEW:
            return cls(build, None, heads_set)
        begins = [re.escape(w) for w in literals if w not in is_whole]
        if whole:
            begins.insert(0, rf"(?:{'|'.join(map(re.escape, whole))})(?![^\W\d_])")
        starts = re.compile(rf"(?<![^\W_])(?={'|'.join(begins)})")
        return cls(build, starts, heads_set)

    def finditer(self, text: str, low: Lowered | None, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        """`pattern.finditer(text, pos, endpos)`; `low` is `lowered(text)`."""
        end = len(text) if endpos is None else endpos
        if low is not None and self.heads is not None and self.heads.isdisjoint(low.runs):
            return
        if self.starts is None or low is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        after = pos  # like finditer, go on from the end of the last match
        lower, of_letter = low.text, self._of_letter
        for start in self.starts.finditer(lower, pos, end):
            p = start.start()
            if p >= after and (m := of_letter(lower[p]).match(text, p, end)) is not None:
                after = m.end()
                yield m


def _every(first: str) -> bool:
    return True


def _begins_with(letter: str) -> Callable[[str], bool]:
    return lambda first: first[0].lower() == letter


def _head(literal: str) -> str:
    """The letters a first word begins with, when a non-letter follows them in it ("don't"), else ""."""
    lead = literal[: next((i for i, c in enumerate(literal) if not c.isalpha()), len(literal))]
    return lead if lead != literal else ""
