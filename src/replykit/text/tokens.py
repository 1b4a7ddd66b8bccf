"""Tokens and sentences with character offsets into the plain text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

import regex

from replykit.text.quotes import Segment
from replykit.text.slots import Slot

WORD, NUMBER, PUNCT, SLOT = "word", "number", "punct", "slot"

_TOKEN = regex.compile(
    r"(?P<word>\p{L}[\p{L}\p{M}]*(?:[\-'’]\p{L}[\p{L}\p{M}]*)*)"
    r"|(?P<number>\d+(?:[.,:]\d+)*)"
    r"|(?P<punct>[.!?…]+|\S)"
)
# Paired quotation marks; their content is somebody else's words ("клиент написал: «ты где?»").
_QUOTED = regex.compile(r"«[^«»\n]{0,400}»|„[^„“”\n]{0,400}[“”]|“[^“”\n]{0,400}”|\"[^\"\n]{0,400}\"")
_HAS_QUOTE = regex.compile(r"[«„“\"]")
# Where a sentence starts: the position right after each match is the next token's start.
_BOUNDARY = regex.compile(
    r"\n[^\S\n]*\n\s*"  # a blank line (spaces on it or not)
    r"|\n\s*(?=[^\s\p{Ll}])"  # a new line that does not continue in lower case
    r"|(?<=[.!?…])[^\S\n]+(?=[^\s\p{Ll}])"  # "Готово. Спасибо" but not "тыс. руб."
)


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str
    sentence: int
    segment: str  # "own" or "signature"
    quoted: bool  # inside quotation marks
    slot: Slot | None = None

    @property
    def lower(self) -> str:
        return self.text.lower()


class Sentence(NamedTuple):
    index: int
    start: int
    end: int
    first_token: int  # index into Document.tokens
    last_token: int  # exclusive


def tokenize(
    text: str, segments: list[Segment], slots: list[Slot]
) -> tuple[list[Token], list[Sentence]]:
    """Tokens of the agent's own words and signature (never quoted history), split into sentences.

    A new sentence starts after terminal punctuation followed by a space and a token that is
    not a lower-case word ("тыс. руб." stays together), at a line break unless the next line
    continues in lower case (hard-wrapped mail), at a blank line, and where own text meets the
    signature. This runs on every reply, so the per-token work is done by the regex engine and
    list comprehensions: boundaries are found by one pattern over the text, then looked up.
    """
    raw: list[tuple[str, int, int, str | None, str, Slot | None]] = []
    boundaries: set[int] = set()
    for seg_kind, piece_start, piece_end, slot, fresh in _pieces(segments, slots):
        if fresh:
            boundaries.add(-1 - len(raw))  # the piece's first token starts a sentence
        if slot is None:
            raw += [(m.group(), m.start(), m.end(), m.lastgroup, seg_kind, None) for m in _TOKEN.finditer(text, piece_start, piece_end)]
        else:
            raw.append((slot.text, slot.start, slot.end, SLOT, seg_kind, slot))
    if not raw:
        return [], []
    boundaries.update(m.end() for m in _BOUNDARY.finditer(text, raw[0][1], raw[-1][1] + 1))
    starts = [r[1] for r in raw]
    new_sentence = [i > 0 and (s in boundaries or -1 - i in boundaries) for i, s in enumerate(starts)]
    index = list(accumulate(new_sentence))
    if _HAS_QUOTE.search(text):
        spans = [m.span() for m in _QUOTED.finditer(text)]
        opens = [s for s, _ in spans]
        quoted = [_inside(spans, opens, r[1], r[2]) for r in raw]
    else:
        quoted = [False] * len(raw)
    new = tuple.__new__
    tokens = [
        new(Token, (r[0], r[1], r[2], r[3], n, r[4], q, r[5])) for r, n, q in zip(raw, index, quoted)
    ]
    firsts = [0, *(i for i, flag in enumerate(new_sentence) if flag), len(tokens)]
    sentences = [
        Sentence(n, tokens[a].start, tokens[b - 1].end, a, b) for n, (a, b) in enumerate(zip(firsts, firsts[1:]))
    ]
    return tokens, sentences


def _inside(spans: list[tuple[int, int]], opens: list[int], start: int, end: int) -> bool:
    k = bisect_left(opens, start) - 1
    return k >= 0 and end < spans[k][1]


def _pieces(segments: list[Segment], slots: list[Slot]) -> Iterator[tuple[str, int, int, Slot | None, bool]]:
    """Ranges of own text to tokenise, with each slot inside them as a piece of its own.

    The last item says whether the piece starts a new sentence whatever its first token: the
    first piece where the signature begins or where own text resumes after quoted history.
    """
    slot_at = 0
    previous = ""
    for seg in segments:
        if seg.kind == "quote":
            previous = "quote"
            continue
        fresh = bool(previous) and previous != seg.kind
        previous = seg.kind
        pos = seg.start
        while slot_at < len(slots) and slots[slot_at].end <= pos:
            slot_at += 1
        while slot_at < len(slots) and slots[slot_at].start < seg.end:
            slot = slots[slot_at]
            if slot.start > pos:
                yield seg.kind, pos, slot.start, None, fresh
                fresh = False
            yield seg.kind, slot.start, slot.end, slot, fresh
            fresh = False
            pos = max(pos, slot.end)
            slot_at += 1
        if pos < seg.end:
            yield seg.kind, pos, seg.end, None, fresh
