"""RK6xx: rules that read the whole conversation, not just the reply."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import regex

from replykit.conversation.calendar import customer_calendar, utc
from replykit.conversation.lexicon import Lexicon, lexicon
from replykit.conversation.models import Promise, ReplyTime
from replykit.conversation.promises import promises_in
from replykit.conversation.timing import calendar_for, describe, reply_times
from replykit.engine import Context, Hit, Rule
from replykit.greetings.lexicon import lexicon as greeting_lexicon
from replykit.models import Message, Severity
from replykit.text.lang import detect_language
from replykit.text.tokens import WORD

_WORDS = regex.compile(r"\p{L}+")
# Contact pointers. Bounded repeats and start-of-token lookbehinds keep them linear.
_URL = regex.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.(?:ru|ua|bg|hu|de|com|net|org|eu|info|shop|store|рф|бг|укр)(?![\w-])(?:/\S*)?",
    regex.IGNORECASE,
)
_EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
_PHONE = regex.compile(r"(?<![\w+])\+?\d[\d\s().\u00a0-]{6,24}\d(?!\w)")
_BANGS = regex.compile(r"!!|\?!|!\?|\?\?\?")


def _lexicon(ctx: Context, language: str | None = None) -> Lexicon | None:
    language = language or ctx.language
    return lexicon(language, ctx.config.conversation.extra.get(language))


def _language_of(ctx: Context, text: str) -> str:
    return detect_language([w.lower() for w in _WORDS.findall(text)], ctx.language)


def _anchor(ctx: Context) -> tuple[int, int]:
    """The first sentence of the agent's own words: where a conversation-level finding points."""
    for sentence in ctx.doc.sentences:
        if ctx.doc.tokens[sentence.first_token].segment == "own":
            return sentence.start, sentence.end
    return 0, min(len(ctx.doc.text), 80)




def _own_text(ctx: Context) -> tuple[int, int]:
    own = [t for t in ctx.doc.tokens if t.segment == "own"]
    return (own[0].start, own[-1].end) if own else (0, 0)


# --- RK601 ---------------------------------------------------------------------------------


def _reply_time(ctx: Context) -> ReplyTime | None:
    """The wait this reply ends, if it ends one. A reply's wait depends only on the messages up
    to it, so the waits of the whole conversation are found once for all its replies."""
    shared = ctx.shared
    waits = shared.memo("conversation.times", lambda: {r.index: r for r in reply_times(shared.messages, ctx.config).replies})
    return waits.get(len(ctx.history))


def slow_reply(ctx: Context) -> Iterator[Hit]:
    if ctx.sent_at is None:
        return
    reply = _reply_time(ctx)
    if reply is None:
        return
    ideal_seconds = ctx.config.conversation.response_ideal_seconds.get(reply.channel)
    ideal = timedelta(seconds=ideal_seconds) if ideal_seconds is not None else None
    waited = describe(reply.delay) + (" of business time" if ctx.config.conversation.count_business_time else "")
    start, end = _anchor(ctx)
    if reply.late and reply.target is not None:
        yield Hit(start, end, f"The customer waited {waited} for this reply; "
                  f"the target for {reply.channel} is {describe(reply.target)}.")  # fmt: skip
    elif ideal is not None and reply.delay > ideal:
        yield Hit(
            start,
            end,
            f"The customer waited {waited}: within the {reply.channel} target, but slower than the ideal {describe(ideal)}.",
            severity=Severity.INFO,
        )


# --- RK602 ---------------------------------------------------------------------------------


def _in_reply(ctx: Context, window: timedelta) -> bool:
    """True if the message answers the customer: their message is unanswered, or the exchange
    it continues (messages no more than `window` apart) has a customer message in it."""
    if ctx.history and ctx.history[-1].role == "customer":
        return True

    def step(state: tuple[bool, Message | None], message: Message) -> tuple[bool, Message | None]:
        return _continues(state, message.sent_at, window), message

    first: tuple[bool, Message | None] = (False, None)
    # whether each message continues such an exchange, found once per conversation
    return _continues(ctx.fold("conversation.in_reply", first, step), ctx.sent_at, window)


def _continues(state: tuple[bool, Message | None], later: datetime | None, window: timedelta) -> bool:
    """Whether a message sent at `later` continues an exchange with the customer in it, given
    the message before it and whether that one did."""
    previous_continues, previous = state
    if previous is None:
        return False
    if previous.sent_at is None or later is None:
        return True  # cannot tell: do not accuse
    if utc(later) - utc(previous.sent_at) > window:
        return False
    return previous.role == "customer" or previous_continues


def off_hours_first_contact(ctx: Context) -> Iterator[Hit]:
    options = ctx.config.conversation
    zone = (ctx.customer.timezone if ctx.customer else None) or ctx.config.timezone
    if ctx.sent_at is None or zone is None or options.contact_consent:
        return
    if _in_reply(ctx, timedelta(hours=options.reply_window_hours)):
        return
    if customer_calendar(options, zone).open_at(ctx.sent_at):
        return
    local = ctx.sent_at.astimezone(ZoneInfo(zone))
    start, end = _anchor(ctx)
    yield Hit(
        start,
        end,
        f"The business writes first at {local:%H:%M} on a {local:%A} in the customer's time zone ({zone}), "
        "outside the hours customers may be contacted; schedule it for their morning or record consent "
        "(conversation.contact_consent).",
    )


# --- RK603 ---------------------------------------------------------------------------------


def _followed_up(ctx: Context) -> list[Promise]:
    """The earlier promises this reply follows up: it is the first agent message at least SAME_TURN
    after them. Only such a reply can find a promise broken: the messages between are the same
    turn, and later ones come after a follow-up. Found once for the whole conversation."""

    def compute() -> dict[int, list[Promise]]:
        messages = ctx.shared.messages
        by_reply: dict[int, list[Promise]] = {}
        for promise in promises_in(messages, [ctx.language] * len(messages), ctx.config, None):
            if promise.follow_up_index is not None:
                by_reply.setdefault(promise.follow_up_index, []).append(promise)
        return by_reply

    return ctx.shared.memo(("conversation.promises", ctx.language), compute).get(len(ctx.history), [])


def broken_promise(ctx: Context) -> Iterator[Hit]:
    if ctx.sent_at is None:
        return
    zone = calendar_for(ctx.config).zone
    start, end = _anchor(ctx)
    for promise in _followed_up(ctx):
        if promise.deadline is None or promise.deadline >= utc(ctx.sent_at):
            continue
        due = promise.deadline.astimezone(zone)
        yield Hit(
            start,
            end,
            f"An earlier promise “{promise.deadline_phrase}” (due {due:%Y-%m-%d %H:%M} {zone.key}) was not followed up "
            f"in time: this is the next agent message, {describe(utc(ctx.sent_at) - promise.deadline)} after the deadline.",
        )


# --- RK604 ---------------------------------------------------------------------------------


def bare_deflection(ctx: Context) -> Iterator[Hit]:
    asked = [m for m in ctx.answered() if m.channel != "phone"]
    if not asked or ctx.doc.template:
        return
    text = " ".join(m.text for m in asked)
    asking = _lexicon(ctx, _language_of(ctx, text))
    lex = _lexicon(ctx)
    if asking is None or lex is None or not asking.questions(text):
        return
    start, end = _own_text(ctx)
    if end <= start:
        return
    plain = ctx.doc.text
    links = [m.span() for p in (_URL, _EMAIL) for m in p.finditer(plain, start, end)]
    phones = list(_PHONE.finditer(plain, start, end))
    pointers = [m.span() for m in lex.pointers.finditer(plain, start, end)] if lex.pointers else []
    # Digits alone may be a tracking or order number (an answer); a phone needs "+" or "(" to point.
    if not links and not pointers and not any(m.group()[0] == "+" or "(" in m.group() for m in phones):
        return
    covered = [*links, *pointers, *(m.span() for m in phones)]
    greet = greeting_lexicon(ctx.language, ctx.config.greeting.extra.get(ctx.language))
    other = 0
    for token in ctx.doc.tokens:
        if token.segment != "own" or token.kind != WORD or any(a <= token.start < b for a, b in covered):
            continue
        if lex.filler is not None and lex.filler.fullmatch(token.text):
            continue
        phrase = greet and (greet.match_greeting(plain, token.start) or greet.match_farewell(plain, token.start))
        if phrase:
            covered.append((token.start, phrase[1]))
            continue
        other += 1
    if other <= ctx.config.conversation.deflection_max_other_words:
        yield Hit(
            start,
            end,
            "The customer asked in writing and the reply only points elsewhere (a number, a link, “call us”); "
            "answer the question here and offer the contact as an extra.",
        )


# --- RK605 ---------------------------------------------------------------------------------


def hostility(text: str, lex: Lexicon) -> tuple[int, list[str]]:
    """A heuristic score of how hostile a customer message is, with the cues that made it."""
    score, cues = 0, list[str]()
    if lex.insults is not None and (m := lex.insults.search(text)):
        score, cues = score + 2, [*cues, f"“{m.group()}”"]
    if lex.hostile is not None and (m := lex.hostile.search(text)):
        score, cues = score + 1, [*cues, f"“{m.group()}”"]
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) >= 0.6:
        score, cues = score + 1, [*cues, "CAPS"]
    if _BANGS.search(text):
        score, cues = score + 1, [*cues, "!!!"]
    return score, cues


class _Hostile(NamedTuple):
    at: datetime  # the latest hostile customer message (UTC)
    cues: list[str]
    earliest: datetime  # the earliest timed customer message since it, itself included


def _last_hostile(ctx: Context) -> _Hostile | None:
    """The latest hostile customer message of the history; read once per conversation."""
    options = ctx.config.conversation

    def step(last: _Hostile | None, message: Message) -> _Hostile | None:
        if message.role != "customer" or message.sent_at is None:
            return last
        at = utc(message.sent_at)
        lex = _lexicon(ctx, _language_of(ctx, message.text))
        if lex is not None:
            score, cues = hostility(message.text, lex)
            if score >= options.hostility_threshold:
                return _Hostile(at, cues, at)
        return None if last is None else last._replace(earliest=min(last.earliest, at))

    return ctx.fold(("conversation.hostile", ctx.language), None, step)


def hasty_reply_to_hostility(ctx: Context) -> Iterator[Hit]:
    """A reply within the cool-down after the latest hostile customer message, every customer
    message since it also within the cool-down."""
    options = ctx.config.conversation
    if ctx.sent_at is None:
        return
    last = _last_hostile(ctx)
    now = utc(ctx.sent_at)
    if last is None or now - last.earliest > timedelta(minutes=options.cooldown_minutes):
        return
    start, end = _anchor(ctx)
    yield Hit(
        start,
        end,
        f"Sent {describe(now - last.at)} after a hostile customer message ({', '.join(last.cues)}); "
        f"take {options.cooldown_minutes:g} minutes and have the reply reviewed before sending.",
    )


# --- RK606 ---------------------------------------------------------------------------------


def no_email_offer(ctx: Context) -> Iterator[Hit]:
    options = ctx.config.conversation
    if ctx.channel not in options.steer_channels:
        return
    asked = [m for m in ctx.answered() if m.channel in options.steer_channels]
    text = "\n".join(m.text for m in asked)
    if len(text) < options.steer_min_chars:
        return
    asking = _lexicon(ctx, _language_of(ctx, text))
    lex = _lexicon(ctx)
    if asking is None or lex is None or asking.questions(text) < options.steer_min_questions:
        return
    plain = ctx.doc.text
    start, end = _own_text(ctx)
    if _EMAIL.search(plain, start, end) or (lex.email_offer and lex.email_offer.search(plain, start, end)):
        return
    a, b = _anchor(ctx)
    yield Hit(
        a,
        b,
        f"A long request with {asking.questions(text)} questions came by {ctx.channel}; "
        "offer to continue by email so each question gets a full answer.",
    )


RULES = (
    Rule("RK601", slow_reply),
    Rule("RK602", off_hours_first_contact),
    Rule("RK603", broken_promise),
    Rule("RK604", bare_deflection),
    Rule("RK605", hasty_reply_to_hostility),
    Rule("RK606", no_email_offer),
)
