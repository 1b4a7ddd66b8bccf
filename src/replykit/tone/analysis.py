"""Per-reply tone facts shared by the RK7xx rules and the scorecard, computed once (ctx.memo)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from replykit.engine import Context
from replykit.text.tokens import Sentence
from replykit.tone.lexicon import KINDS, ReadabilityData, ToneData, tone_data


def tone_of(ctx: Context) -> ToneData | None:
    return ctx.memo("tone.data", lambda: tone_data(ctx.language, ctx.config.tone.extra.get(ctx.language)))


def markers(ctx: Context) -> dict[str, tuple[int, int] | None]:
    """The first span of each marker kind in the agent's own words and signature, or None.

    Empty for a language without marker data: absent is not known there.
    """

    def compute() -> dict[str, tuple[int, int] | None]:
        data = tone_of(ctx)
        if data is None or data.markers is None:
            return {}
        found: dict[str, tuple[int, int] | None] = dict.fromkeys(KINDS)
        text = ctx.doc.text
        low = ctx.doc.lowered
        for seg in ctx.doc.segments:
            if seg.kind == "quote" or seg.kind == "footer":
                continue
            for m in data.markers.finditer(text, low, seg.start, seg.end):
                kind = m.lastgroup
                if kind is not None and found[kind] is None:
                    found[kind] = (m.start(), m.end())
        return found

    return ctx.memo("tone.markers", compute)


class SentenceStats(NamedTuple):  # a tuple: a frozen dataclass costs a setattr per field, per sentence
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
    # Words of 3+ syllables, of one syllable, of 7+ letters: counted only for a grade that weighs them.
    shape: tuple[int, int, int] = (0, 0, 0)

    @property
    def ease(self) -> float:
        return _ease(self.data, self.words, len(self.sentences), self.syllables)

    @property
    def grade(self) -> float:
        words = self.words
        poly, mono, long_letters = self.shape
        value = {
            "constant": 1.0,
            "words_per_sentence": words / len(self.sentences),
            "syllables_per_word": self.syllables / words,
            "percent_polysyllabic": 100 * poly / words,
            "percent_monosyllabic": 100 * mono / words,
            "percent_long_letters": 100 * long_letters / words,
        }
        return sum(coefficient * value[term] for term, coefficient in self.data.grade)


def _ease(data: ReadabilityData, words: int, sentences: int, syllables: int) -> float:
    base, per_word, per_syllable = data.ease
    return base - per_word * words / sentences - per_syllable * syllables / words


def _sentence(rd: ReadabilityData, s: Sentence, words: int, syllables: int, long_words: list[str]) -> SentenceStats:
    return SentenceStats(s, words, syllables, tuple(long_words), _ease(rd, words, 1, syllables))


def _shape(rd: ReadabilityData, ctx: Context) -> tuple[int, int, int]:
    counts = [(rd.syllables(t.text), len(t.text)) for t in ctx.doc.words if t.segment == "own"]
    return (
        sum(1 for n, _ in counts if n >= 3),
        sum(1 for n, _ in counts if n == 1),
        sum(1 for _, letters in counts if letters > 6),
    )


def readability(ctx: Context) -> Stats | None:
    """Words, syllables and the readability index of the agent's own sentences (not the signature)."""

    def compute() -> Stats | None:
        data = tone_of(ctx)
        if data is None or data.readability is None:
            return None
        rd = data.readability
        sentences, limit = ctx.doc.sentences, rd.long_word_syllables
        known, count_of = rd.known, rd.syllables
        out: list[SentenceStats] = []
        long_words: list[str] = []
        current, words, syllables = -1, 0, 0
        for token in ctx.doc.words:
            if token.segment != "own":
                continue
            if token.sentence != current:
                if words:
                    out.append(_sentence(rd, sentences[current], words, syllables, long_words))
                current, words, syllables, long_words = token.sentence, 0, 0, []
            text = token.text
            count = known(text) or count_of(text)
            words += 1
            syllables += count
            if count >= limit:
                long_words.append(text)
        if not words:
            return None
        out.append(_sentence(rd, sentences[current], words, syllables, long_words))
        return Stats(
            rd,
            tuple(out),
            sum(s.words for s in out),
            sum(s.syllables for s in out),
            sum(len(s.long_words) for s in out),
            _shape(rd, ctx) if rd.needs_shape else (0, 0, 0),
        )

    return ctx.memo("tone.readability", compute)
