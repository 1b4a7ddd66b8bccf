"""RK1xx: greeting and farewell checks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import attrgetter
from zoneinfo import ZoneInfo

from replykit.engine import Context, Edit, Hit, Rule
from replykit.greetings.build import farewell_phrase, greeting_text, sign_off_text
from replykit.greetings.lexicon import Lexicon, Phrase, lexicon
from replykit.models import Message
from replykit.morph import match_case
from replykit.text.tokens import PUNCT, SLOT, WORD, Sentence, Token

_TERMINAL = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class _Found:
    phrase: Phrase
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class _Shape:
    lexicon: Lexicon
    own: list[Sentence]  # sentences of the agent's own words (signature excluded)
    closing: list[Sentence]  # own + signature sentences
    greeting: _Found | None
    farewell: _Found | None  # a farewell that closes the reply
    misplaced_farewell: _Found | None  # a sign-off followed by more of the reply


def _shape(ctx: Context) -> _Shape | None:
    def compute() -> _Shape | None:
        lex = lexicon(ctx.language, ctx.config.greeting.extra.get(ctx.language))
        if lex is None:
            return None
        doc = ctx.doc
        text = doc.text
        worded = set(map(_SENTENCE, doc.words))  # sentences with a word or slot
        if doc.slots:
            worded.update(t.sentence for t in doc.tokens if t.kind == SLOT)
        closing = [s for s in doc.sentences if s.index in worded]
        tokens = doc.tokens
        own = [s for s in closing if tokens[s.first_token].segment == "own"]
        firsts = {s.index: _first_word(tokens, s) for s in closing}
        greeting = None
        for s in own:
            first = firsts[s.index]
            if first is None:
                continue
            m = lex.match_greeting(text, first)
            if m is not None and (not m[0].alone or _alone(ctx, s, m[1])):
                greeting = _Found(m[0], first, m[1], s.index)
                break
        farewell = misplaced = None
        for pos, s in enumerate(closing):
            first = firsts[s.index]
            if first is None:
                continue
            m = lex.match_farewell(text, first)
            if m is None or (m[0].alone and not _alone(ctx, s, m[1])):
                continue
            if greeting is not None and s.index == greeting.sentence and m[0].closing_only:
                continue
            found = _Found(m[0], first, m[1], s.index)
            if _tail_is_sign_off(ctx, lex, closing[pos + 1 :]):
                farewell = found
                break
            if not m[0].closing_only and misplaced is None:
                misplaced = found
        return _Shape(lex, own, closing, greeting, farewell, None if farewell else misplaced)

    return ctx.memo("greeting.shape", compute)


_SENTENCE = attrgetter("sentence")


def _first_word(tokens: list[Token], s: Sentence) -> int | None:
    for i in range(s.first_token, s.last_token):
        t = tokens[i]
        if t.kind == WORD:
            return t.start
        if t.kind == SLOT:
            return None
    return None


def _alone(ctx: Context, s: Sentence, end: int) -> bool:
    return not any(t.kind == WORD and t.start >= end for t in ctx.doc.sentence_tokens(s))


def _tail_is_sign_off(ctx: Context, lex: Lexicon, tail: list[Sentence]) -> bool:
    """True if what follows a farewell is only names, titles, contacts or more farewells."""
    for s in tail:
        tokens = ctx.doc.sentence_tokens(s)
        if tokens[0].segment == "signature":
            continue
        first = _first_word(ctx.doc.tokens, s)
        if first is not None and lex.match_farewell(ctx.doc.text, first):
            continue
        words = [t for t in tokens if t.kind == WORD]
        last = tokens[-1]
        if len(words) > 6 or (last.kind == PUNCT and last.text[0] in _TERMINAL and last.text != "."):
            return False
        if last.text == "." and len(words) > 3:
            return False
    return True


def _first_contact(ctx: Context) -> bool:
    """The agent's first message of the conversation, or the first after a long pause."""
    previous = ctx.recent("agent", 1)
    if not previous:
        return True
    last, now = previous[-1].sent_at, ctx.sent_at
    if last is None or now is None:
        return False
    return now - last > timedelta(hours=ctx.config.greeting.repeat_window_hours)


def _required(ctx: Context, which: str) -> bool:
    policy = getattr(ctx.config.greeting, which).get(ctx.channel, "never")
    return policy == "always" or (policy == "first" and _first_contact(ctx))


def _own_start(ctx: Context, shape: _Shape) -> int:
    return shape.own[0].start if shape.own else 0


def missing_greeting(ctx: Context) -> Iterator[Hit]:
    shape = _shape(ctx)
    if shape is None or shape.greeting is not None or not shape.own or not _required(ctx, "greeting"):
        return
    start = _own_start(ctx, shape)
    first = shape.own[0]
    greeting = greeting_text(ctx.language, customer=ctx.customer, at=_local_time(ctx), channel=ctx.channel)
    yield Hit(
        start,
        min(first.end, start + 40),
        f"The reply does not open with a greeting; start with e.g. “{greeting}”.",
        (Edit(start, start, greeting + ("\n\n" if ctx.channel == "email" else " "), safe=False),),
    )


def missing_farewell(ctx: Context) -> Iterator[Hit]:
    shape = _shape(ctx)
    if shape is None or not shape.own or shape.farewell is not None or shape.misplaced_farewell is not None:
        return
    if not _required(ctx, "farewell"):
        return
    last = shape.own[-1]
    sign_off = sign_off_text(ctx.language, channel=ctx.channel, at=_local_time(ctx))
    yield Hit(
        last.start,
        last.end,
        f"The reply ends without a farewell; close with e.g. “{sign_off}”.",
        (Edit(last.end, last.end, "\n\n" + sign_off, safe=False),),
    )


def greeting_not_at_start(ctx: Context) -> Iterator[Hit]:
    shape = _shape(ctx)
    if shape is None or shape.greeting is None or not shape.own:
        return
    if shape.greeting.sentence != shape.own[0].index:
        g = shape.greeting
        yield Hit(g.start, g.end, "The greeting should open the reply, not follow other text.")


def farewell_not_at_end(ctx: Context) -> Iterator[Hit]:
    shape = _shape(ctx)
    if shape is None or shape.misplaced_farewell is None:
        return
    f = shape.misplaced_farewell
    yield Hit(f.start, f.end, "The farewell should close the reply; move the text after it above it.")


def repeated_greeting(ctx: Context) -> Iterator[Hit]:
    shape = _shape(ctx)
    if shape is None or shape.greeting is None:
        return
    policy = ctx.config.greeting.greeting.get(ctx.channel, "never")
    if policy != "first" or _first_contact(ctx):
        return
    g = shape.greeting
    sentence = ctx.doc.sentences[g.sentence]
    end = sentence.end
    text = ctx.doc.text
    while end < len(text) and text[end] in " \t\r\n":
        end += 1
    yield Hit(
        g.start,
        g.end,
        "The agent already greeted the customer in this chat; answer without greeting again.",
        (Edit(sentence.start, end, "", safe=False),),
    )


def wrong_time_of_day(ctx: Context) -> Iterator[Hit]:
    shape = _shape(ctx)
    if shape is None or shape.greeting is None or shape.greeting.phrase.time is None:
        return
    local = _local_time(ctx)
    if local is None:
        return
    lex = shape.lexicon
    grace = timedelta(minutes=ctx.config.greeting.time_of_day_grace_minutes)
    parts = {lex.day_part(local), lex.day_part(local - grace), lex.day_part(local + grace)}
    g = shape.greeting
    if g.phrase.ok & parts:
        return
    right = lex.day_part(local)
    replacement = match_case(ctx.doc.text[g.start : g.end], lex.build[right])
    yield Hit(
        g.start,
        g.end,
        f"“{ctx.doc.text[g.start:g.end]}” does not fit {local:%H:%M} in the customer's time zone; "
        f"say “{replacement}”.",
        (Edit(g.start, g.end, replacement),),
    )


def familiar_greeting(ctx: Context) -> Iterator[Hit]:
    shape = _shape(ctx)
    if shape is not None:
        yield from _too_familiar(ctx, shape.lexicon, shape.greeting, str(shape.lexicon.build["neutral"]))


def familiar_farewell(ctx: Context) -> Iterator[Hit]:
    shape = _shape(ctx)
    if shape is not None:
        yield from _too_familiar(ctx, shape.lexicon, shape.farewell, farewell_phrase(ctx.language))


def _too_familiar(ctx: Context, lex: Lexicon, found: _Found | None, plain_words: str) -> Iterator[Hit]:
    if found is None or found.phrase.register != "familiar" or _familiar_allowed(ctx, lex):
        return
    said = ctx.doc.text[found.start : found.end]
    replacement = match_case(said, plain_words)
    yield Hit(
        found.start,
        found.end,
        f"“{said}” is too familiar for a customer; say “{replacement}”.",
        (Edit(found.start, found.end, replacement),),
    )


def _familiar_allowed(ctx: Context, lex: Lexicon) -> bool:
    """A familiar greeting is fine only if the customer was familiar and the reply says "ты" too."""
    if lex.formal_address is not None and lex.formal_address.search(ctx.doc.text, 0, ctx.doc.own_end):
        return False

    def step(seen: bool, message: Message) -> bool:  # each message read once per conversation
        if seen or message.role != "customer":
            return seen
        if lex.informal_address is not None and lex.informal_address.search(message.text):
            return True
        hit = lex.match_greeting(message.text.lstrip(), 0)
        return hit is not None and hit[0].register == "familiar"

    return ctx.fold(("greetings.familiar", ctx.language), False, step)


def _local_time(ctx: Context) -> datetime | None:
    moment = ctx.sent_at
    if moment is None:
        return None
    zone = (ctx.customer.timezone if ctx.customer else None) or ctx.config.timezone
    if zone is None:
        return None
    return moment.astimezone(ZoneInfo(zone))


RULES = (
    Rule("RK101", missing_greeting),
    Rule("RK102", missing_farewell),
    Rule("RK103", greeting_not_at_start),
    Rule("RK104", farewell_not_at_end),
    Rule("RK105", repeated_greeting),
    Rule("RK106", wrong_time_of_day),
    Rule("RK107", familiar_greeting),
    Rule("RK108", familiar_farewell),
)
