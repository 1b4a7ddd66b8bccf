"""Which topics a customer asks about, and which topics a text answers."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from replykit.bundling.lexicon import Pack, normalize
from replykit.document import Document


# Where a clause ends: a comma or semicolon (not inside "1,5" or "1 500,00"), a sentence end, a line end.
_CLAUSE_END = regex.compile(r"(?<!\d)[,;]|[,;](?!\d)|[.!?…](?=\s|$)|\n")


@dataclass(frozen=True, slots=True)
class Mention:
    """A topic found in a text; `words` are the text's own words that name it."""

    topic: str
    start: int
    end: int
    words: str


@dataclass(frozen=True, slots=True)
class Questions:
    asked: tuple[Mention, ...]  # topics asked in question sentences, in text order
    stated: frozenset[str]  # topics the customer mentions without asking ("оплачу картой")


def _sentences(doc: Document) -> list[tuple[int, int]]:
    """Sentence spans of the writer's own words (quoted history has no sentences)."""
    return [(s.start, s.end) for s in doc.sentences]


def questions(pack: Pack, doc: Document) -> Questions:
    """Topics asked in `doc` — a customer's message — sentence by sentence."""
    text = normalize(doc.text)
    asked: list[Mention] = []
    stated: set[str] = set()
    for start, end in _sentences(doc):
        found = [
            Mention(name, m.start(), m.end(), doc.text[m.start() : m.end()])
            for name, topic in pack.topics.items()
            if topic.ask is not None
            for m in topic.ask.finditer(text, start, end)
        ]
        found = [m for m in found if not _shadowed(pack, m, found)]
        if not found:
            continue
        sentence = text[start:end]
        if "?" in sentence or pack.question.search(text, start, end):
            asked.extend(found)
        else:
            stated.update(m.topic for m in found)
    asked.sort(key=lambda m: m.start)
    return Questions(tuple(asked), frozenset(stated))


def _shadowed(pack: Pack, mention: Mention, found: list[Mention]) -> bool:
    return any(
        mention.topic in pack.topics[other.topic].shadows and other.start < mention.end and mention.start < other.end
        for other in found
    )


def answers(pack: Pack, text: str, limit: int | None = None) -> dict[str, Mention]:
    """Topics that `text[:limit]` answers: a value of the topic's kind, or an answer phrase.

    A value (money, duration, date) goes to the topic whose cue is nearest in the same clause
    ("гарантия 12 месяцев" → warranty); without a cue, to the topics that claim it by default.
    """
    norm = normalize(text)
    end = len(text) if limit is None else limit
    found: dict[str, Mention] = {}

    def add(topic: str, start: int, stop: int) -> None:
        if topic not in found:
            found[topic] = Mention(topic, start, stop, text[start:stop])

    for name, topic in pack.topics.items():
        if topic.answer is not None:
            m = topic.answer.search(norm, 0, end)
            if m is not None:
                add(name, m.start(), m.end())
    clauses = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(norm)]
    for kind, pattern in pack.values.items():
        for m in pattern.finditer(norm, 0, end):
            owner = _cued_owner(pack, norm, clauses, kind, m.start(), m.end())
            owners = [owner] if owner else [n for n, t in pack.topics.items() if kind in t.claims]
            for name in owners:
                add(name, m.start(), m.end())
    return found


def _cued_owner(
    pack: Pack, text: str, clauses: list[tuple[int, int]], kind: str, start: int, end: int
) -> str | None:
    i = bisect.bisect_left(clauses, (start, start))
    clause_start = clauses[i - 1][1] if i else 0
    while i < len(clauses) and clauses[i][0] < end:
        i += 1
    clause_end = clauses[i][0] if i < len(clauses) else len(text)
    best, best_distance = None, None
    for name, topic in pack.topics.items():
        if kind not in topic.claims_with_cue or topic.cue is None:
            continue
        for m in topic.cue.finditer(text, clause_start, clause_end):
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best_distance is None or abs(distance) < best_distance:
                best, best_distance = name, abs(distance)
    return best
