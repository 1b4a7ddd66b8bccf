"""The boilerplate that ends a reply: legal disclaimers, "sent from my iPhone", requisites.

The agent did not write it and cannot fix it per reply, and one footer under many unrelated
replies would make them look like copies of each other. Its phrases are data
(data/footers.toml); only a block that runs to the end of the agent's text counts, so the same
phrase in the body, with more of the agent's words after it, stays the agent's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache

import regex

from replykit._data import read_data

_WINDOW = 40  # lines read back from the end: a footer starts no further up than this
_FILLER = 60  # a line this short (a name, a phone, a URL) may sit between the footer's lines


@cache
def _cues() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """One search for the phrases that open a boilerplate paragraph, one for boilerplate lines."""
    data = read_data("replykit.text", "footers")
    starts = _joined((p for lang in data.values() for p in lang["starts"]), r"\s+")
    lines = _joined((p for lang in data.values() for p in lang["lines"]), r"[^\S\n]+")
    flags = regex.I | regex.M
    return (
        # At a line's start, after bullets and an optional label ("Disclaimer:", "Важно:").
        regex.compile(rf"^[^\w\n]*(?:[^\n:]{{1,40}}:\s*)?(?:{starts})", flags | regex.S),
        # At a line's start or a list item's ("ООО «Ромашка», ИНН 7701234567").
        regex.compile(rf"(?:^|[,;|•·–—])[^\w\n]*(?:{lines})", flags),
    )


def _joined(patterns: Iterable[str], space: str) -> str:
    """One alternation of `patterns`, each space in them made to match `space`."""
    return "|".join(f"(?:{p})".replace(" ", space) for p in patterns)


def footer_start(text: str, lines: Sequence[tuple[int, int, str]], quoted: Sequence[bool]) -> int | None:
    """Index of the line where the footer that ends the agent's text starts, or None.

    `lines` are (start, end, stripped text) of every line, `quoted` says which are quoted
    history. The footer is the block from its first cue line to the last line of the agent's
    text in which every line is a cue line, a line of a paragraph a cue opened, a blank line or
    a short one; there must be some of the agent's text above it.
    """
    last = len(lines) - 1
    while last >= 0 and (quoted[last] or not lines[last][2]):
        last -= 1
    first = last
    while first > 0 and last - first < _WINDOW and not quoted[first - 1]:
        first -= 1
    if first < 0:
        return None
    cue = _cue_lines(text, lines, first, last)
    if not cue:
        return None
    start = None
    for i in range(last, first - 1, -1):
        if i in cue:
            start = i
        elif len(lines[i][2]) > _FILLER:
            break
    if start is None or not any(lines[j][2] and not quoted[j] for j in range(start)):
        return None
    return start


def _cue_lines(text: str, lines: Sequence[tuple[int, int, str]], first: int, last: int) -> set[int]:
    """Lines first..last that a cue marks: its own line, and for a paragraph cue the paragraph's rest."""
    starts_at, lines_at = _cues()
    begin, end = lines[first][0], lines[last][1]
    offsets = [lines[i][0] for i in range(first, last + 1)]
    cue: set[int] = set()
    for m in lines_at.finditer(text, begin, end):
        cue.add(first + bisect_right(offsets, m.start()) - 1)
    for m in starts_at.finditer(text, begin, end):
        i = first + bisect_right(offsets, m.start()) - 1
        while i <= last and lines[i][2]:
            cue.add(i)
            i += 1
    return cue
