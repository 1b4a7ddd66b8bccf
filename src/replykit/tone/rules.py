"""RK7xx: empathy and politeness markers (present or absent) and readability."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from replykit.engine import Context, Hit, Rule
from replykit.text.quotes import segment
from replykit.tone.analysis import SentenceStats, markers, readability, tone_of

_ABSENT = {
    "thanks": "The reply does not thank the customer (no “thank you” or similar).",
    "apology": "The reply has no apology or expression of regret.",
    "acknowledgement": "The reply does not acknowledge the customer's problem (“I understand…”).",
    "further_help": "The reply does not offer further help (“if you have any questions…”).",
}


def _absent(kind: str) -> Callable[[Context], Iterator[Hit]]:
    def check(ctx: Context) -> Iterator[Hit]:
        found = markers(ctx)
        if kind not in found or found[kind] is not None:
            return
        first = next((t for t in ctx.doc.words if t.segment == "own"), None)
        if first is None:
            return
        sentence = ctx.doc.sentences[first.sentence]
        yield Hit(sentence.start, sentence.end, _ABSENT[kind])

    check.__name__ = f"no_{kind}"
    return check


def _sentences_over(
    ctx: Context, limit: int, measure: Callable[[SentenceStats], int], message: Callable[[SentenceStats], str]
) -> Iterator[Hit]:
    stats = readability(ctx)
    if stats is None:
        return
    for s in stats.sentences:
        if measure(s) > limit:
            yield Hit(s.sentence.start, s.sentence.end, message(s))


def long_sentence(ctx: Context) -> Iterator[Hit]:
    limit = ctx.config.tone.max_sentence_words
    return _sentences_over(
        ctx,
        limit,
        lambda s: s.words,
        lambda s: f"This sentence has {s.words} words (more than {limit}); split it so the customer can follow.",
    )


def long_words(ctx: Context) -> Iterator[Hit]:
    return _sentences_over(
        ctx,
        ctx.config.tone.max_long_words,
        lambda s: len(s.long_words),
        lambda s: f"This sentence has {len(s.long_words)} long words "
        f"({', '.join(f'“{w}”' for w in s.long_words[:6])}); use shorter, plainer ones.",
    )


def hard_to_read(ctx: Context) -> Iterator[Hit]:
    stats = readability(ctx)
    options = ctx.config.tone
    if stats is None or stats.words < options.min_words:
        return
    ease = stats.ease
    if ease >= options.min_reading_ease:
        return
    for s in stats.sentences:
        if s.ease < options.min_reading_ease and s.words > 1:  # not a one-word heading
            yield Hit(
                s.sentence.start,
                s.sentence.end,
                f"The reply is hard to read ({stats.data.index}: {ease:.0f}, below "
                f"{options.min_reading_ease:.0f}); this sentence scores {s.ease:.0f}. Shorten it and use simpler words.",
            )


def upset_not_acknowledged(ctx: Context) -> Iterator[Hit]:
    """The messages this reply answers (the customer's, since the agent last wrote) say the
    customer is upset, and the reply neither apologises nor acknowledges it."""
    if not ctx.history or ctx.history[-1].role != "customer":  # a bare reply answers nobody
        return
    found = markers(ctx)
    if not found or found.get("apology") is not None or found.get("acknowledgement") is not None:
        return
    data = tone_of(ctx)
    if data is None or data.upset is None:
        return
    cue = None
    for message in reversed(ctx.answered()):
        for start, end in _own_spans(message.text):
            cue = next(data.upset.finditer(message.text, None, start, end), None) or cue
    first = next((t for t in ctx.doc.words if t.segment == "own"), None)
    if cue is None or first is None:
        return
    sentence = ctx.doc.sentences[first.sentence]
    yield Hit(
        sentence.start,
        sentence.end,
        f"The customer is upset (“{cue.group()}”) and the reply neither apologises nor acknowledges it; "
        "say you understand before the facts.",
    )


def _own_spans(text: str) -> list[tuple[int, int]]:
    """The customer's own words: not the history their mail quotes (our earlier reply, say)."""
    return [(s.start, s.end) for s in segment(text, []) if s.kind == "own"]


RULES = (
    Rule("RK701", _absent("thanks")),
    Rule("RK702", _absent("apology")),
    Rule("RK703", _absent("acknowledgement")),
    Rule("RK704", _absent("further_help")),
    Rule("RK705", upset_not_acknowledged),
    Rule("RK711", long_sentence),
    Rule("RK712", long_words),
    Rule("RK713", hard_to_read),
)
