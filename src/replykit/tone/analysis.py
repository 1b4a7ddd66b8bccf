"""Per-reply tone facts shared by the RK7xx rules and the scorecard, computed once (ctx.memo)."""

from __future__ import annotations

from dataclasses import dataclass

from replykit.engine import Context
from replykit.text.tokens import WORD, Sentence
from replykit.tone.lexicon import KINDS, ReadabilityData, ToneData, tone_data


def _data(ctx: Context) -> ToneData | None:
    return ctx.memo("tone.data", lambda: tone_data(ctx.language, ctx.config.tone.extra.get(ctx.language)))


def markers(ctx: Context) -> dict[str, tuple[int, int] | None]:
    """The first span of each marker kind in the agent's own words and signature, or None.

    Empty for a language without marker data: absent is not known there.
    """

    def compute() -> dict[str, tuple[int, int] | None]:
        data = _data(ctx)
        if data is None or data.markers is None:
            return {}
        found: dict[str, tuple[int, int] | None] = dict.fromkeys(KINDS)
        text = ctx.doc.text
        for seg in ctx.doc.segments:
            if seg.kind == "quote":
                continue
            for m in data.markers.finditer(text, seg.start, seg.end):
                kind = m.lastgroup
                if kind is not None and found[kind] is None:
                    found[kind] = (m.start(), m.end())
        return found

    return ctx.memo("tone.markers", compute)


@dataclass(frozen=True, slots=True)
class SentenceStats:
    sentence: Sentence
    words: int
    syllables: int
    long_words: tuple[str, ...]
    ease: float


@dataclass(frozen=True, slots=True)
class Stats:
    data: ReadabilityData
    sentences: tuple[SentenceStats, ...]
    words: int
    syllables: int
    long_words: int

    @property
    def ease(self) -> float:
        return _ease(self.data, self.words, len(self.sentences), self.syllables)

    @property
    def grade(self) -> float:
        a, b, c = self.data.grade
        return a * self.words / len(self.sentences) + b * self.syllables / self.words + c


def _ease(data: ReadabilityData, words: int, sentences: int, syllables: int) -> float:
    base, per_word, per_syllable = data.ease
    return base - per_word * words / sentences - per_syllable * syllables / words


def readability(ctx: Context) -> Stats | None:
    """Words, syllables and the readability index of the agent's own sentences (not the signature)."""

    def compute() -> Stats | None:
        data = _data(ctx)
        if data is None or data.readability is None:
            return None
        rd = data.readability
        doc = ctx.doc
        out = []
        for s in doc.sentences:
            tokens = doc.sentence_tokens(s)
            if tokens[0].segment != "own":
                continue
            words = [t.text for t in tokens if t.kind == WORD]
            if not words:
                continue
            counts = [rd.syllables(w) for w in words]
            syllables = sum(counts)
            long_words = tuple(w for w, n in zip(words, counts) if n >= rd.long_word_syllables)
            out.append(SentenceStats(s, len(words), syllables, long_words, _ease(rd, len(words), 1, syllables)))
        if not out:
            return None
        return Stats(
            rd,
            tuple(out),
            sum(s.words for s in out),
            sum(s.syllables for s in out),
            sum(len(s.long_words) for s in out),
        )

    return ctx.memo("tone.readability", compute)
