"""Separate the agent's own words from quoted history, the signature and a boilerplate footer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

import regex

from replykit._data import read_data
from replykit.text.footers import footer_start

SegmentKind = Literal["own", "quote", "signature", "footer"]


@dataclass(frozen=True, slots=True)
class Segment:
    kind: SegmentKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Markers:
    attribution: tuple[regex.Pattern[str], ...]  # a line that any of them finds starts history
    header: regex.Pattern[str]
    signature: regex.Pattern[str]


@cache
def _markers() -> _Markers:
    data = read_data("replykit.text", "quotes")
    fields = "|".join(sorted({regex.escape(f) for f in data["header_fields"]}, key=len, reverse=True))
    return _Markers(
        attribution=_any_of(data["attribution"], regex.I),
        header=regex.compile(rf"^\*?(?:{fields})\*?\s*:", regex.I),
        signature=regex.compile("|".join(f"(?:{p})" for p in data["signature"]), regex.I),
    )


def _any_of(patterns: list[str], flags: int) -> tuple[regex.Pattern[str], ...]:
    """Patterns that find a line if any of `patterns` does, with as few searches as it takes.

    The plain ones are joined into one alternation, one search for all of them (the markers are
    anchored at the line's start, where most lines fail them at once). A pattern with flags of its
    own (the one read from the end with (?r)) or with groups (joining renumbers them) stays alone.
    """
    compiled = [regex.compile(p, flags) for p in patterns]
    base = regex.compile("", flags).flags
    plain = [p.pattern for p in compiled if p.flags == base and not p.groups]
    alone = [p for p in compiled if p.flags != base or p.groups]
    joined = regex.compile("|".join(f"(?:{p})" for p in plain), flags) if plain else None
    return (joined, *alone) if joined is not None else tuple(alone)


def segment(text: str, html_quotes: list[tuple[int, int]] | None = None) -> list[Segment]:
    """Split `text` into own / quote / signature / footer segments covering it in order.

    The footer is the boilerplate that ends the agent's text (`replykit.text.footers`): the
    agent's words, and then the signature, come before it; quoted history may follow it.
    """
    markers = _markers()
    lines: list[tuple[int, int, str]] = []  # (start, end with its "\n", stripped text)
    pos, size = 0, len(text)
    for part in text.split("\n"):
        end = min(pos + len(part) + 1, size)
        if end == pos:
            break
        lines.append((pos, end, part.strip()))
        pos = end
    kinds: list[SegmentKind] = ["own"] * len(lines)
    history_from = len(lines)
    signature_from = len(lines)
    for i, (_, _, stripped) in enumerate(lines):
        if stripped.startswith(">"):
            kinds[i] = "quote"
            continue
        if len(stripped) > 300:
            continue
        if _is_attribution(stripped) or _header_block(lines, i, markers.header):
            history_from = i
            break
        if signature_from == len(lines) and markers.signature.search(stripped):
            signature_from = i
    for i in range(len(lines)):
        if i >= history_from:
            kinds[i] = "quote"
        elif i >= signature_from and kinds[i] == "own":
            kinds[i] = "signature"
    for start, end in html_quotes or ():
        for i, (ls, le, _) in enumerate(lines):
            if ls >= start and le <= end + 1 and ls < end:
                kinds[i] = "quote"
    footer = footer_start(text, lines, [kind == "quote" for kind in kinds])
    if footer is not None:  # quoted history may follow it, and blank lines after that
        for i in range(footer, len(lines)):
            if kinds[i] != "quote":
                kinds[i] = "footer"
    runs: list[list[Any]] = []  # [kind, start, end] of lines of one kind in a row
    for (start, end, _), kind in zip(lines, kinds):
        if runs and runs[-1][0] == kind:
            runs[-1][2] = end
        else:
            runs.append([kind, start, end])
    return [Segment(kind, start, end) for kind, start, end in runs]


@lru_cache(maxsize=8192)
def _is_attribution(line: str) -> bool:
    """Does the (stripped) line introduce quoted history? Remembered: such lines recur."""
    for pattern in _markers().attribution:
        if pattern.search(line):
            return True
    return False


def _header_block(lines: list[tuple[int, int, str]], i: int, header: regex.Pattern[str]) -> bool:
    if not header.match(lines[i][2]):
        return False
    return any(header.match(lines[j][2]) for j in range(i + 1, min(i + 4, len(lines))))
