"""RK4xx: anticipated-question bundling.

The customer's pending messages (those after the agent's last message) are read for questions
about known topics; the reply (and, for bundles, the agent's earlier messages) for answers.
Without a conversation there is nothing to answer, so with a bare reply these rules are silent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from replykit.bundling.detect import Mention, Questions, answers, questions
from replykit.bundling.lexicon import Pack, normalize, pack
from replykit.document import Document
from replykit.engine import Context, Hit, Rule
from replykit.errors import InputError


@dataclass(frozen=True, slots=True)
class _State:
    pack: Pack
    asked: tuple[Mention, ...]  # in the pending customer messages
    stated: frozenset[str]  # topics the customer settled in a statement, in any message
    answered: dict[str, Mention]  # by the reply, in plain-text coordinates of ctx.doc
    earlier: frozenset[str]  # topics the agent's earlier messages answered
    span: tuple[int, int]  # the reply's own words
    answer_sentence: tuple[int, int]  # the last own sentence with an answer (else the own words)


def _questions(ctx: Context, p: Pack, text: str) -> Questions | None:
    """What an earlier customer message asks and states; None when it cannot be read (binary,
    too long). Found once per conversation: later replies read the same messages again."""

    def compute() -> Questions | None:
        try:
            return questions(p, Document(text, language=ctx.language, max_chars=ctx.config.max_chars))
        except InputError:
            return None

    return ctx.shared.memo(("bundling.questions", ctx.language, text), compute)


def _answers(ctx: Context, p: Pack, text: str, asked: frozenset[str]) -> frozenset[str]:
    """Topics an earlier agent message answered (none when it cannot be read), once per conversation."""

    def compute() -> frozenset[str]:
        try:
            doc = Document(text, language=ctx.language, max_chars=ctx.config.max_chars)
        except InputError:
            return frozenset()
        return frozenset(answers(p, doc.text, doc.own_end, asked))

    return ctx.shared.memo(("bundling.answers", ctx.language, text, asked), compute)


def _state(ctx: Context) -> _State | None:
    def compute() -> _State | None:
        pending = ctx.answered()
        if not pending:
            return None
        lang = ctx.language
        options = ctx.config.bundling
        p = pack(lang, options.model_dump(exclude_defaults=True, exclude={"lookback"}) or None)
        own = [s for s in ctx.doc.sentences if ctx.doc.tokens[s.first_token].segment == "own"]
        if p is None or not own:
            return None
        asked: list[Mention] = []
        stated: set[str] = set()
        ever_asked: set[str] = set()  # an earlier agent message answered earlier questions
        waiting = {id(m) for m in pending}
        for message in ctx.recent("customer", options.lookback + len(pending)):  # the pending ones last
            q = _questions(ctx, p, message.text)
            if q is None:
                continue
            stated |= q.stated
            ever_asked.update(m.topic for m in q.asked)
            if id(message) in waiting:
                asked.extend(q.asked)
        earlier: set[str] = set()
        topics = frozenset(ever_asked)
        for message in ctx.recent("agent", options.lookback):
            earlier |= _answers(ctx, p, message.text, topics)
        answered = answers(p, ctx.doc.text, ctx.doc.own_end, {m.topic for m in asked})
        span = (own[0].start, own[-1].end)
        with_answer = [s for s in own if any(s.start <= m.start < s.end for m in answered.values())]
        return _State(
            pack=p,
            asked=tuple(asked),
            stated=frozenset(stated),
            answered=answered,
            earlier=frozenset(earlier),
            span=span,
            answer_sentence=(with_answer[-1].start, with_answer[-1].end) if with_answer else span,
        )

    return ctx.memo("bundling.state", compute)


def _first_by_topic(mentions: tuple[Mention, ...]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        out.setdefault(m.topic, m)
    return out


def _quote(mentions: list[Mention]) -> str:
    return ", ".join(dict.fromkeys(f"“{m.words}”" for m in mentions))


def unanswered_question(ctx: Context) -> Iterator[Hit]:
    state = _state(ctx)
    if state is None:
        return
    for topic, mention in _first_by_topic(state.asked).items():
        if topic not in state.answered:
            yield Hit(
                *state.span,
                f"The customer asked about {state.pack.label(topic)} ({_quote([mention])}) "
                "but the reply does not answer it.",
            )


def incomplete_bundle(ctx: Context) -> Iterator[Hit]:
    """One finding for every bundle the customer triggered, their missing members merged."""
    state = _state(ctx)
    if state is None:
        return
    asked = _first_by_topic(state.asked)
    covered = state.answered.keys() | state.earlier | state.stated | asked.keys()
    triggers: dict[str, Mention] = {}
    missing: dict[str, None] = {}
    for bundle in state.pack.bundles:
        hit = [asked[t] for t in bundle.members if t in asked and t in bundle.triggers]
        gaps = [t for t in bundle.members if t not in covered]
        if hit and gaps:
            triggers.update((m.topic, m) for m in hit)
            missing.update(dict.fromkeys(gaps))
    if not missing:
        return
    found = list(triggers.values())
    yield Hit(
        *state.answer_sentence,
        f"The customer asked about {', '.join(state.pack.label(m.topic) for m in found)} ({_quote(found)}) "
        f"and will ask next about what neither this reply nor earlier messages cover: "
        f"{', '.join(state.pack.label(t) for t in missing)}. Answer it now.",
    )


def points_elsewhere(ctx: Context) -> Iterator[Hit]:
    state = _state(ctx)
    if state is None or state.pack.deflect is None or not state.asked:
        return
    asked = _first_by_topic(state.asked)
    if asked.keys() & state.answered.keys():
        return
    m = state.pack.deflect.search(normalize(ctx.doc.text), *state.span)
    if m is None:
        return
    labels = ", ".join(state.pack.label(t) for t in asked)
    yield Hit(
        m.start(),
        m.end(),
        f"The reply only points elsewhere (“{ctx.doc.text[m.start() : m.end()]}”) instead of answering "
        f"the customer's question about {labels} ({_quote(list(asked.values()))}); give the answer here.",
    )


RULES = (
    Rule("RK401", unanswered_question),
    Rule("RK402", incomplete_bundle),
    Rule("RK403", points_elsewhere),
)
