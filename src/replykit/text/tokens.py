"""Tokens and sentences with character offsets into the plain text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import accumulate, compress, count, repeat
from operator import itemgetter
from typing import NamedTuple

import regex

from replykit.text.charsets import characters, is_common, spelt
from replykit.text.quotes import Segment
from replykit.text.slots import Slot

WORD, NUMBER, PUNCT, SLOT = "word", "number", "punct", "slot"

# A word, a number, or punctuation (a run of terminal marks or any other single character), with
# the classes of letters, marks, digits and spaces to fill in. One group, so that `split` returns
# the tokens between the spaces. Possessive: giving back a letter or digit never lets the rest
# match, and not keeping track of it is faster.
_TOKEN_FORM = r"([{L}][{L}{M}]*+(?:[\-'’][{L}][{L}{M}]*+)*+|[{D}]++(?:[.,:][{D}]++)*+|[.!?…]++|[^{S}])"
_TOKEN = regex.compile(_TOKEN_FORM.format(L=r"\p{L}", M=r"\p{M}", D=r"\d", S=r"\s"))
# Text of common characters (`replykit.text.charsets`) is split by `re`, about twice as fast as
# `regex`, with the same pattern with these classes spelt out; sentence boundaries are found, and
# token kinds told, the same way.
_CLASSES = {"L": r"\p{L}", "M": r"\p{M}", "D": r"\d", "S": r"\s", "Ll": r"\p{Ll}", "H": r"[^\S\n]"}
_KIND = regex.compile(r"(?P<word>\p{L})|(?P<number>\d)")
_first = itemgetter(0)
_TOKENISED = ("own", "signature")  # segments with tokens: never quoted history or a footer
# Paired quotation marks; their content is somebody else's words ("клиент написал: «ты где?»").
# No class of `regex` in it: the `re` engine finds the same, skipping to the marks faster.
_QUOTED = re.compile(r"«[^«»\n]{0,400}»|„[^„“”\n]{0,400}[“”]|“[^“”\n]{0,400}”|\"[^\"\n]{0,400}\"")
# Where a sentence starts: the position right after each match is the next token's start. The
# line break or terminal mark is matched first (each branch then looks behind for the one it
# needs), so that either engine skips ahead to candidates fast: `re` only if one character set
# opens the pattern.
_BOUNDARY_FORM = (
    r"[\n.!?…](?:(?<=\n)[{H}]*\n[{S}]*"  # a blank line (spaces on it or not)
    r"|(?<=\n)[{S}]*(?=[^{S}{Ll}])"  # a new line that does not continue in lower case
    r"|(?<=[.!?…])[{H}]+(?=[^{S}{Ll}]))"  # "Готово. Спасибо" but not "тыс. руб."
)
_BOUNDARY = regex.compile(_BOUNDARY_FORM.format(H=r"^\S\n", S=r"\s", Ll=r"\p{Ll}"))


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
    index: int  # type: ignore[assignment]  # the sentence's position; shadows tuple.index, never called
    start: int
    end: int
    first_token: int  # index into Document.tokens
    last_token: int  # exclusive


def tokenize(
    text: str, segments: list[Segment], slots: list[Slot]
) -> tuple[list[Token], list[Sentence]]:
    """Tokens of the agent's own words and signature (never quoted history or a footer), in sentences.

    A new sentence starts after terminal punctuation followed by a space and a token that is
    not a lower-case word ("тыс. руб." stays together), at a line break unless the next line
    continues in lower case (hard-wrapped mail), at a blank line, and where own text meets the
    signature. This runs on every reply, so the per-token work is left to C: the regex engine
    splits each piece into tokens and the spaces between them, whose running lengths are the
    offsets, and `map`/`zip` build the tokens without a Python step per token.
    """
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    segs: list[str] = []
    token_slots: list[Slot | None] = []
    fresh_at: list[int] = []  # tokens that start a sentence whatever comes before them
    common = _common()
    for seg_kind, piece_start, piece_end, slot, fresh in _pieces(segments, slots):
        if fresh:
            fresh_at.append(len(texts))
        if slot is None:
            piece = text[piece_start:piece_end]
            if is_common(piece):
                parts, kind_of = common.token.split(piece), common.kind.__getitem__
            else:
                parts, kind_of = _TOKEN.split(piece), _kind
            offsets = list(accumulate(map(len, parts), initial=piece_start))
            found = parts[1::2]
            texts += found
            starts += offsets[1:-1:2]
            ends += offsets[2::2]
            kinds += map(kind_of, map(_first, found))
            segs += repeat(seg_kind, len(found))
            token_slots += repeat(None, len(found))
        else:
            texts.append(slot.text)
            starts.append(slot.start)
            ends.append(slot.end)
            kinds.append(SLOT)
            segs.append(seg_kind)
            token_slots.append(slot)
    if not texts:
        return [], []
    boundary = common.boundary if is_common(text) else _BOUNDARY
    boundaries = {m.end() for m in boundary.finditer(text, starts[0], starts[-1] + 1)}
    new_sentence = list(map(boundaries.__contains__, starts))
    for i in fresh_at:
        if i < len(new_sentence):
            new_sentence[i] = True
    new_sentence[0] = False
    index = list(accumulate(new_sentence))
    quoted = [False] * len(texts)
    for open_at, close_at in (m.span() for m in _QUOTED.finditer(text)):
        # Tokens are in order of their starts: those inside the marks are found by bisection.
        for i in range(bisect_right(starts, open_at), bisect_left(starts, close_at)):
            quoted[i] = ends[i] < close_at
    tokens = list(map(tuple.__new__, repeat(Token), zip(texts, starts, ends, kinds, index, segs, quoted, token_slots)))
    firsts = [0, *compress(range(len(tokens)), new_sentence)]  # each sentence's first token
    stops = [*firsts[1:], len(tokens)]
    bounds = zip(count(), [starts[a] for a in firsts], [ends[b - 1] for b in stops], firsts, stops)
    sentences = list(map(tuple.__new__, repeat(Sentence), bounds))
    return tokens, sentences


class _Common(NamedTuple):
    """The tokenizer's patterns for the `re` engine, for text of common characters only."""

    token: re.Pattern[str]  # `_TOKEN`
    boundary: re.Pattern[str]  # `_BOUNDARY`
    kind: dict[str, str]  # the kind of a token that starts with the character (`_kind`)


@cache
def _common() -> _Common:
    spelt_out = {name: spelt(pattern) for name, pattern in _CLASSES.items()}
    return _Common(
        re.compile(_TOKEN_FORM.format(**spelt_out)),
        re.compile(_BOUNDARY_FORM.format(**spelt_out)),
        {char: _kind(char) for char in characters()},
    )


@lru_cache(maxsize=4096)
def _kind(first: str) -> str:
    """A token's kind follows from its first character: a letter starts a word, a digit a number."""
    match = _KIND.match(first)
    return (match.lastgroup if match is not None else None) or PUNCT


def _pieces(segments: list[Segment], slots: list[Slot]) -> Iterator[tuple[str, int, int, Slot | None, bool]]:
    """Ranges of own text to tokenise, with each slot inside them as a piece of its own.

    The last item says whether the piece starts a new sentence whatever its first token: the
    first piece where the signature begins or where own text resumes after quoted history.
    """
    slot_at = 0
    previous = ""
    for seg in segments:
        if seg.kind not in _TOKENISED:
            previous = seg.kind
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
