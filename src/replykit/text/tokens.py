"""Tokens and sentences with character offsets into the plain text."""

from __future__ import annotations

from dataclasses import dataclass

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
_TERMINAL = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class Token:
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


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    first_token: int  # index into Document.tokens
    last_token: int  # exclusive


def tokenize(
    text: str, segments: list[Segment], slots: list[Slot]
) -> tuple[list[Token], list[Sentence]]:
    """Tokens of the agent's own words and signature (never quoted history), split into sentences."""
    quoted_spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    raw: list[tuple[str, int, int, str, str, Slot | None]] = []
    slot_iter = iter(slots)
    next_slot = next(slot_iter, None)
    for seg in segments:
        if seg.kind == "quote":
            continue
        pos = seg.start
        while pos < seg.end:
            while next_slot is not None and next_slot.end <= pos:
                next_slot = next(slot_iter, None)
            stop = seg.end if next_slot is None else min(seg.end, max(next_slot.start, pos))
            for m in _TOKEN.finditer(text, pos, stop):
                raw.append((m.group(), m.start(), m.end(), m.lastgroup or PUNCT, seg.kind, None))
            if next_slot is not None and next_slot.start < seg.end and next_slot.start >= pos:
                raw.append((next_slot.text, next_slot.start, next_slot.end, SLOT, seg.kind, next_slot))
                pos = next_slot.end
                next_slot = next(slot_iter, None)
            else:
                pos = stop if stop > pos else seg.end
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    q = 0
    sentence_start = 0
    for i, (tok, start, end, kind, seg_kind, slot) in enumerate(raw):
        while q < len(quoted_spans) and quoted_spans[q][1] <= start:
            q += 1
        quoted = q < len(quoted_spans) and quoted_spans[q][0] < start and end < quoted_spans[q][1]
        tokens.append(Token(tok, start, end, kind, len(sentences), seg_kind, quoted, slot))
        if _ends_sentence(text, raw, i):
            sentences.append(Sentence(len(sentences), raw[sentence_start][1], end, sentence_start, i + 1))
            sentence_start = i + 1
    if sentence_start < len(raw):
        sentences.append(Sentence(len(sentences), raw[sentence_start][1], raw[-1][2], sentence_start, len(raw)))
    return tokens, sentences


def _ends_sentence(text: str, raw: list[tuple[str, int, int, str, str, Slot | None]], i: int) -> bool:
    if i + 1 >= len(raw):
        return False
    tok, _, end, kind, seg_kind, _ = raw[i]
    nxt, nstart, _, nkind, nseg_kind, _ = raw[i + 1]
    if nseg_kind != seg_kind:
        return True
    gap = text[end:nstart]
    if "\n" in gap:
        # A hard-wrapped line continues in lower case; a new line in upper case is a new sentence.
        return not (nkind == WORD and nxt[0].islower()) or "\n\n" in gap.replace("\r", "")
    if kind == PUNCT and tok[0] in _TERMINAL and gap:
        if tok == "." and i > 0 and raw[i - 1][3] == WORD and len(raw[i - 1][0]) <= 3 and raw[i - 1][0].islower():
            return not (nkind == WORD and nxt[0].islower())  # "тыс. руб." / "т. е." abbreviations
        return not (nkind == WORD and nxt[0].islower())
    return False
