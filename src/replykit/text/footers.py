"""The boilerplate that ends a reply: legal disclaimers, "sent from my iPhone", requisites.

The agent did not write it and cannot fix it per reply, and one footer under many unrelated
replies would make them look like copies of each other. Its phrases are data
(data/footers.toml); only a block that runs to the end of the agent's text counts, so the same
phrase in the body, with more of the agent's words after it, stays the agent's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from replykit._data import read_data

_WINDOW = 40  # lines read back from the end: a footer starts no further up than this
_FILLER = 60  # a line this short (a name, a phone, a URL) may sit among the footer's lines


class _Cues(NamedTuple):
    starts: regex.Pattern[str]  # a phrase that opens a boilerplate paragraph, at a line's start
    lines: regex.Pattern[str]  # a phrase that makes its line boilerplate
    may_start: regex.Pattern[str]  # `starts` unanchored, to ask what a line's first words may begin
    may_line: regex.Pattern[str]  # `lines` likewise


@cache
def _cues() -> _Cues:
    data = read_data("replykit.text", "footers")
    starts = _joined((p for lang in data.values() for p in lang["starts"]), r"\s+")
    lines = _joined((p for lang in data.values() for p in lang["lines"]), r"[^\S\n]+")
    flags = regex.I | regex.M
    return _Cues(
        # After bullets and an optional label ("Disclaimer:", "Важно:").
        regex.compile(rf"^[^\w\n]{{0,8}}(?:[^\n:]{{1,40}}:\s*)?(?:{starts})", flags | regex.S),
        # At a line's start or a list item's ("ООО «Ромашка», ИНН 7701234567"), from the break.
        regex.compile(rf"[\n,;|•·–—][^\w\n]{{0,8}}(?:{lines})", flags),
        # Partial matching finds no word boundary where the words end: what may begin a cue
        # is what may begin it with its \b left out.
        regex.compile(starts.replace(r"\b", ""), regex.I),
        regex.compile(lines.replace(r"\b", ""), regex.I),
    )


# The first two words of a line, of a list item or after a label's colon (the line break or mark
# before them is matched): a cue is tried only where it can begin with them, so most lines cost
# a scan and a few remembered look-ups. A line that ends as a sentence has no list items.
_FIRST_WORDS = r"[^\w\n]{0,8}(?=(\w[^\s|]{0,23}(?:[^\S\n]+[^\s|]{1,24})?\s?))"
_OPENING = re.compile(r"[\n,;:|•·–—]" + _FIRST_WORDS)
_SENTENCE_OPENING = re.compile(r"[\n:]" + _FIRST_WORDS)


@lru_cache(maxsize=8192)
def _may_open(words: str) -> tuple[bool, bool]:
    """Can a paragraph cue, a line cue begin with `words`? Remembered: lines of replies begin alike."""
    cues = _cues()
    return cues.may_start.match(words, partial=True) is not None, cues.may_line.match(words, partial=True) is not None


def _joined(patterns: Iterable[str], space: str) -> str:
    """One alternation of `patterns`, each space in them made to match `space` (" ?": or none)."""
    return "|".join(f"(?:{p})".replace(" ?", f"(?:{space})?").replace(" ", space) for p in patterns)


def footer_start(text: str, lines: Sequence[tuple[int, int, str]], quoted: Sequence[bool]) -> int | None:
    """Index of the line where the footer that ends the agent's text starts, or None.

    `lines` are (start, end, stripped text) of every line, `quoted` says which are quoted
    history. The footer is the block from its first cue line to the last line of the agent's
    text in which every line is a cue line, a line wrapped after a paragraph cue, a blank line or
    a short line that is not a sentence; there must be some of the agent's text above it. Read
    from the end up, a reply is done with at its last sentence: its length costs nothing.
    """
    last = len(lines) - 1
    while last >= 0 and (quoted[last] or not lines[last][2]):
        last -= 1
    first = 0  # the agent's first line: the footer starts below it
    while first < last and (quoted[first] or not lines[first][2]):
        first += 1
    floor = max(last - _WINDOW, first + 1)
    start = None
    i = last
    while i >= floor and not quoted[i]:
        line = lines[i][2]
        if _is_cue(text, lines[i]):
            start = i
        elif not _filler(line):
            # A sentence: the agent's, unless a paragraph cue above it runs on into it.
            while i > floor and not quoted[i - 1] and _wrapped(lines[i - 1][2], lines[i][2]):
                i -= 1
                if _is_cue(text, lines[i], paragraph=True):
                    start = i
                    break
            else:
                break
        i -= 1
    return start


def _filler(line: str) -> bool:
    """A blank line, or one as short as a name, a phone or a URL and not a sentence."""
    return not line or (len(line) <= _FILLER and line[-1] not in ".!?…")


def _wrapped(line: str, following: str) -> bool:
    """Does `following` continue the paragraph of `line` rather than start a new sentence after it?

    "…конфиденциальны.\nЗаказ придёт завтра." is the agent going on, not the disclaimer.
    """
    return bool(line) and bool(following) and not (line[-1] in ".!?…" and following[0].isupper())


def _is_cue(text: str, line: tuple[int, int, str], paragraph: bool = False) -> bool:
    """Does a cue mark the line (with `paragraph`: open a boilerplate paragraph on it)?

    A cue is tried only where the first words of the line or of a list item in it can begin
    one. Never asked of the text's first line (whose start no line break marks).
    """
    start, end, stripped = line
    if not stripped:
        return False
    cues = _cues()
    tried = False
    opening = _SENTENCE_OPENING if stripped[-1] in ".!?…" else _OPENING
    for m in opening.finditer(text, max(start - 1, 0), end):  # from the line break above it
        may_start, may_line = _may_open(m[1])
        if may_line and not paragraph and cues.lines.match(text, m.start()):
            return True
        if may_start and not tried:
            if cues.starts.match(text, start):
                return True
            tried = True
    return False
