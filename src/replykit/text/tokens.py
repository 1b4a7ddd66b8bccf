"""Tokens and sentences with character offsets into the plain text."""

from __future__ import annotations

from collections.abc import Iterator
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
_TERMINAL = frozenset(".!?…")


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

    This runs on every reply, so it is one flat loop: a new sentence starts after terminal
    punctuation followed by a space and a token that is not a lower-case word ("тыс. руб."
    stays together), at a line break unless the next line continues in lower case (hard-wrapped
    mail), at a blank line, and where own text meets the signature.
    """
    quoted_spans = [m.span() for m in _QUOTED.finditer(text)] if _HAS_QUOTE.search(text) else []
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    append = tokens.append
    new = tuple.__new__
    find = text.find
    sentence_start = 0
    quote_at = 0
    prev_end = -1
    prev_terminal = False
    prev_segment = ""
    for seg_kind, piece_start, piece_end, slot in _pieces(segments, slots):
        matches = (
            ((m.group(), m.start(), m.end(), m.lastgroup) for m in _TOKEN.finditer(text, piece_start, piece_end))
            if slot is None
            else ((slot.text, slot.start, slot.end, SLOT),)
        )
        for tok, start, end, kind in matches:
            if tokens:
                lower_next = kind == WORD and tok[0].islower()
                if prev_segment != seg_kind:
                    boundary = True
                elif find("\n", prev_end, start) != -1:
                    boundary = not lower_next or "\n\n" in text[prev_end:start].replace("\r", "")
                else:
                    boundary = prev_terminal and start > prev_end and not lower_next
                if boundary:
                    sentences.append(new(Sentence, (len(sentences), tokens[sentence_start][1], prev_end, sentence_start, len(tokens))))
                    sentence_start = len(tokens)
            quoted = False
            if quoted_spans:
                while quote_at < len(quoted_spans) and quoted_spans[quote_at][1] <= start:
                    quote_at += 1
                quoted = quote_at < len(quoted_spans) and quoted_spans[quote_at][0] < start and end < quoted_spans[quote_at][1]
            append(new(Token, (tok, start, end, kind, len(sentences), seg_kind, quoted, slot)))
            prev_end = end
            prev_terminal = kind == PUNCT and tok[0] in _TERMINAL
            prev_segment = seg_kind
    if sentence_start < len(tokens):
        sentences.append(Sentence(len(sentences), tokens[sentence_start][1], prev_end, sentence_start, len(tokens)))
    return tokens, sentences


def _pieces(segments: list[Segment], slots: list[Slot]) -> Iterator[tuple[str, int, int, Slot | None]]:
    """Ranges of own text to tokenise, with each slot inside them as a piece of its own."""
    slot_at = 0
    for seg in segments:
        if seg.kind == "quote":
            continue
        pos = seg.start
        while slot_at < len(slots) and slots[slot_at].end <= pos:
            slot_at += 1
        while slot_at < len(slots) and slots[slot_at].start < seg.end:
            slot = slots[slot_at]
            if slot.start > pos:
                yield seg.kind, pos, slot.start, None
            yield seg.kind, slot.start, slot.end, slot
            pos = max(pos, slot.end)
            slot_at += 1
        if pos < seg.end:
            yield seg.kind, pos, seg.end, None
