"""Which topics a customer asks about, and which topics a text answers."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from replykit.bundling.lexicon import Pack, normalize
from replykit.document import Document
from replykit.morph import MORPH_LANGUAGES, best_grammemes

# Where a clause ends: a comma or semicolon (not inside "1,5" or "1 500,00"), a sentence end, a line end.
_CLAUSE_END = regex.compile(r"(?<!\d)[,;]|[,;](?!\d)|[.!?…](?=\s|$)|\n")
_SENTENCE_END = regex.compile(r"[.!?…](?=\s|$)|\n")
_WORD = regex.compile(r"\p{L}+(?:['-]\p{L}+)*")
# Grammemes (pymorphy3, ru and uk) of a verb that tells what happened: past tense, a short or
# (uk) predicative passive participle, an impersonal "-но/-то" form.
_PAST = frozenset({"past", "PRTS", "Impe"})
# ... and of one that tells what is, will be or should be done.
_ONGOING = frozenset({"pres", "futr", "INFN", "infn", "impr"})


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


_ASKED = regex.compile(r"\?+(?=\s)")


def _sentences(doc: Document) -> list[tuple[int, int, bool]]:
    """Sentence spans of the writer's own words (quoted history has no sentences); a "?" ends a
    question even when the next one begins in lower case ("колодки есть? и доставка скок"). The
    flag: the span follows such a "?" in one sentence and ends with no "." or "!", so it goes on
    asking ("do you need a deposit? also can we pay by bank transfer")."""
    out = []
    for s in doc.sentences:
        if "?" not in doc.text[s.start : s.end - 1]:
            out.append((s.start, s.end, False))
            continue
        start, follows = s.start, False
        for m in _ASKED.finditer(doc.text, s.start, s.end):
            if doc.text[m.end() : s.end].strip():
                out.append((start, m.end(), follows))
                start = m.end() + len(doc.text[m.end() : s.end]) - len(doc.text[m.end() : s.end].lstrip())
                follows = True
        out.append((start, s.end, follows and not doc.text[start : s.end].rstrip().endswith((".", "!"))))
    return out


def questions(pack: Pack, doc: Document) -> Questions:
    """Topics asked in `doc` — a customer's message — sentence by sentence."""
    text = normalize(doc.text)
    asked: list[Mention] = []
    stated: list[Mention] = []
    previous = (0, 0)
    before: list[Mention] = []  # what the previous sentence stated
    clauses = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text)]
    reported = _reports(pack, text, clauses)
    for start, end, follows in _sentences(doc):
        found = _unmuted(
            pack,
            text,
            [
                Mention(name, m.start(), m.end(), doc.text[m.start() : m.end()])
                for name, topic in pack.topics.items()
                if topic.ask is not None
                for m in topic.ask.finditer(text, start, end)
            ],
            start,
            end,
        )
        found = [
            _referent(pack, text, m, previous[0], end)
            for m in found
            if not _shadowed(pack, m, found, True, text, clauses) and not _yields(pack, text, clauses, m)
        ]
        found = _named_with(pack, doc.text, text, clauses, found)
        sentence = text[start:end]
        # a bare "Сколько?" is about what the sentence before it was about
        theme = _theme(pack, text, previous[0], previous[1]) if len(sentence.split()) <= 2 else None
        previous = (start, end)
        question = "?" in sentence or follows or _question_cue(pack, text, start, end) or _terse(sentence)
        if question:
            found = _how_much(pack, doc.text, text, clauses, found, start, end)
            found += _asked_by_value(pack, doc.text, text, clauses, reported, start, end, found)
            found = _asked_with_date(pack, doc.text, text, clauses, found, start, end) if "?" in sentence else found
            found = _beside_conditions(pack, text, clauses, found, start, end)
        if not found:
            found = _asked_alone(pack, doc.text, text, start, end, question, theme)
        elif question:
            found += _asked_alone_in_parts(pack, doc.text, text, clauses, found, start, end)
        found = [_themed(pack, text, clauses, m, start, theme) for m in found]
        if not found:
            if before and "?" in sentence and len(sentence.split()) <= 3:  # "...до субботы. Реально?"
                asked.extend(before)
                del stated[len(stated) - len(before) :]
            before = []
        elif question:
            asked.extend(found)
            before = []
        else:
            stated.extend(found)
            before = found
    asked.sort(key=lambda m: m.start)
    return Questions(tuple(asked), frozenset(m.topic for m in stated))


def _question_cue(pack: Pack, text: str, start: int, end: int) -> bool:
    """Whether the sentence has a question cue; an `opener` ("когда", "коли", "when", "как") not
    after a statement of what the customer will do — a verb in the first person future (ru, uk)
    or a word of the pack's `[question] intent` ("will", "'ll"): "Залишу завдаток, а решту
    віддам, коли заберу." and "We will pay by card when we pick up." ask nothing, "I don't know
    how I can pay" does."""
    for cue in pack.question.finditer(text, start, end):
        opener = pack.opener.match(text, cue.start(), cue.end()) if pack.opener is not None else None
        if opener is None or opener.end() != cue.end() or not _intends(pack, text, start, cue.start()):
            return True
    return False


def _beside_conditions(
    pack: Pack, text: str, clauses: list[tuple[int, int]], found: list[Mention], start: int, end: int
) -> list[Mention]:
    """ "Если оплачу сегодня, когда смогу забрать?", "Ha ma fizetek, holnap megkapom?": a topic named
    in a condition (from a word of the pack's `[question] conditions` to the clause end or the next
    question cue) is not asked when the question asks about another topic outside it; alone
    ("А если оплатить картой?") it still asks."""
    if pack.condition is None or len(found) < 2:
        return found
    spans = []
    for c in pack.condition.finditer(text, start, end):
        stop = min(_around(clauses, c.end(), len(text))[1], end)
        cue = pack.question.search(text, c.end(), stop)
        spans.append((c.start(), cue.start() if cue is not None else stop))
    inside = [m for m in found if any(s <= m.start and m.end <= e for s, e in spans)]
    return [m for m in found if m not in inside] if inside and len(inside) < len(found) else found


def _intends(pack: Pack, text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` states what the writer will do (see `_question_cue`)."""
    if pack.intent is not None and pack.intent.search(text, start, end):
        return True
    return pack.language in MORPH_LANGUAGES and any(
        {"1per", "futr"} <= best_grammemes(pack.language, w.group().lower()) for w in _WORD.finditer(text, start, end)
    )


def _asked_alone(
    pack: Pack, original: str, text: str, start: int, end: int, question: bool, theme: str | None = None
) -> list[Mention]:
    """A question that names no topic by an ask phrase and no other topic by a cue asks about a
    topic by one of its words that alone say little: anywhere in the question for `ask_alone`
    ("Фотосессия на час — сколько?", "Есть ли свободная Киа Рио на выходные?"), right before the
    "?" that ends it for `ask_end` ("Кресло в сером есть?"; "Доставка в Казань есть?" asks no
    stock). For a topic that `counts`, a noun right after an `ask_alone` word (ru, uk) is what is
    counted ("сколько человек вмещает зал"): no question of the price. A question whose theme (see
    `_theme`; or `theme`, that of the sentence before a bare "Сколько?") is a topic that
    `takes_over` this one asks about that topic ("и доставка в Подольск скок")."""
    ends = text[start:end].rstrip().endswith("?")
    themed = False
    for name, topic in pack.topics.items():
        found = []
        if ends and topic.ask_end is not None:
            found = [m for m in topic.ask_end.finditer(text, start, end) if not text[m.end() : end].strip(" ?!")]
        if question and topic.ask_alone is not None:
            alone = topic.ask_alone.finditer(text, start, end)
            found += [m for m in alone if not (topic.counts and _noun_after(pack, text, m.end(), end))]
        if not found:
            continue
        if not themed and any(name in t.takes_over for t in pack.topics.values()):
            theme, themed = _theme(pack, text, start, end) or theme, True
        owner = theme if theme is not None and name in pack.topics[theme].takes_over else name
        own = pack.topics[owner].cue if owner != name else None
        held = [c.span() for c in own.finditer(text, start, end)] if own is not None else []
        others = (t.cue for n, t in pack.topics.items() if n not in (name, owner) and t.cue is not None)
        # a cue of another topic says the question is about that one; the theme's own cue does not
        if not any(not any(s <= c.start() < e for s, e in held) for cue in others for c in cue.finditer(text, start, end)):
            m = found[-1]
            mentions = _unmuted(pack, text, [Mention(name, m.start(), m.end(), original[m.start() : m.end()])], start, end)
            if mentions:
                return [Mention(owner, x.start, x.end, x.words) for x in mentions]
    return []


def _asked_alone_in_parts(
    pack: Pack, original: str, text: str, clauses: list[tuple[int, int]], found: list[Mention], start: int, end: int
) -> list[Mention]:
    """ "а стрижка йорка скільки і можна скинути на карту": in a question that names a topic, a
    part of it — a clause, or a stretch up to "and" (`[question] coordinators`) — that names none
    asks by an `ask_alone` word as a question of its own would (see `_asked_alone`)."""
    first = bisect.bisect_right(clauses, start, key=lambda clause: clause[1])  # the clause ends are in order
    inside = itertools.takewhile(lambda clause: clause[1] < end, itertools.islice(clauses, first, None))
    cuts = sorted({start, end, *(e for _, e in inside)})
    if pack.coordinator is not None:
        cuts = sorted({*cuts, *(m.start() for m in pack.coordinator.finditer(text, start, end))})
    out: list[Mention] = []
    for a, b in itertools.pairwise(cuts):
        if not any(a <= m.start < b or a < m.end <= b or m.start <= a and b <= m.end for m in found):
            out += [m for m in _asked_alone(pack, original, text, a, b, True) if m.topic not in {f.topic for f in found}]
    return out


def _noun_after(pack: Pack, text: str, position: int, end: int) -> bool:
    """Whether a noun follows right after `position` (ru, uk; false elsewhere)."""
    if pack.language not in MORPH_LANGUAGES:
        return False
    word = _WORD.match(text, position + len(text[position:end]) - len(text[position:end].lstrip()), end)
    return word is not None and "NOUN" in best_grammemes(pack.language, word.group().lower())


def _how_much(
    pack: Pack, original: str, text: str, clauses: list[tuple[int, int]], found: list[Mention], start: int, end: int
) -> list[Mention]:
    """ "сколько оно длится", "за скільки буде готово", "за сколько сделаете": a `counts` topic's
    `ask_alone` word with a cue of a `how_much` topic among the next three words of its clause (and
    no cue of another topic before or at it) asks about that topic (how much time), not the price."""
    out = list(found)
    for counted in pack.topics.values():
        words = counted.how_much_words
        for word in words.finditer(text, start, end) if words is not None else ():
            stop = min(_around(clauses, word.start(), len(text))[1], end)
            for name, topic in pack.topics.items():
                if not topic.how_much or topic.cue is None:
                    continue
                cue = None
                for w in itertools.islice(_WORD.finditer(text, word.end(), stop), 3):
                    if any(t.cue.match(text, w.start()) for n, t in pack.topics.items() if n != name and t.cue is not None):
                        break  # "сколько будет стоить установка", "колко е доставката" ask no time
                    if cue := topic.cue.match(text, w.start()):
                        break
                if cue is not None:
                    out = [m for m in out if not (m.topic == counted.name and m.start <= word.start() < m.end)]
                    if all(m.topic != name for m in out):
                        out.append(Mention(name, word.start(), cue.end(), original[word.start() : cue.end()]))
    return out


def _asked_with_date(
    pack: Pack, original: str, text: str, clauses: list[tuple[int, int]], found: list[Mention], start: int, end: int
) -> list[Mention]:
    """ "Можно забронировать переговорку на пятницу?", "А в эту субботу сможете?", "can I book for
    Saturday?": in a question with "?", an `ask_with_date` phrase asks about its topic in a clause
    that holds a date and no cue of a topic that is `asked_by` a date apart from the phrase ("Можно
    заказать букет с доставкой к 9 утра?" and "Сможете привезти в субботу?" ask the lead time; in
    "ist nächste Woche noch ein Termin frei?" the appointment is the phrase). Returns `found`
    with these questions, less the questions by a date the phrase holds."""
    out = list(found)
    for name, topic in pack.topics.items():
        if topic.ask_with_date is None or any(m.topic == name for m in found):
            continue
        for m in topic.ask_with_date.finditer(text, start, end):
            clause_start, clause_end = _around(clauses, m.start(), len(text))
            clause_start, clause_end = max(clause_start, start), min(clause_end, end)
            timed = any(
                c.end() <= m.start() or m.end() <= c.start()
                for t in pack.topics.values()
                if t.asked_by and t.cue is not None
                for c in t.cue.finditer(text, clause_start, clause_end)
            )
            if not timed and pack.values["date"].search(text, clause_start, clause_end):
                held = [f for f in out if pack.topics[f.topic].asked_by and f.start < m.end() and m.start() < f.end]
                out = [f for f in out if f not in held] + [Mention(name, m.start(), m.end(), original[m.start() : m.end()])]
                break
    return out


def _asked_by_value(
    pack: Pack,
    original: str,
    text: str,
    clauses: list[tuple[int, int]],
    reported: Callable[[int], bool],
    start: int,
    end: int,
    found: list[Mention],
) -> list[Mention]:
    """ "Вы можете приехать на замер в субботу?", "Can I pay on the 15th?": a question clause with
    a cue of a topic and a value of a kind the topic is `asked_by` asks about the topic, unless
    the clause reports the past ("Я оплатил 12 марта?"). In ru and uk the cue must be a verb: a
    noun with a date names a service ("Есть доставка в выходные?"). A cue inside a question
    `found` of another topic is part of it: "van még szabad időpont holnap?" asks about a free
    slot, not when."""
    known = {m.topic for m in found}
    out: list[Mention] = []
    values: dict[str, list[tuple[int, int]]] = {}  # by kind, found once the first cue asks for them
    for name, topic in pack.topics.items():
        if name in known or topic.cue is None or not topic.asked_by or topic.cue.search(text, start, end) is None:
            continue
        for kind in topic.asked_by:
            if kind not in values:
                values[kind] = [v.span() for v in pack.values[kind].finditer(text, start, end)]
        for value_start, _ in (v for kind in topic.asked_by for v in values[kind]):
            clause_start, clause_end = _around(clauses, value_start, len(text))
            cue = topic.cue.search(text, max(clause_start, start), min(clause_end, end))
            if cue is None or any(m.start <= cue.start() < m.end for m in found):
                continue
            if not reported(cue.start()) and _verb(pack, cue.group()):
                out.append(Mention(name, cue.start(), cue.end(), original[cue.start() : cue.end()]))
                break
    return out


def _verb(pack: Pack, words: str) -> bool:
    """Whether a cue (its first word) is a verb; true where there is no morphology to tell."""
    if pack.language not in MORPH_LANGUAGES:
        return True
    return bool(best_grammemes(pack.language, words.split()[0].lower()) & {"VERB", "INFN"})


def _unmuted(pack: Pack, text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions that no `mute` phrase of their topic holds: "I expect a refund of $160" claims
    a refund and asks nothing about returns; "деньги вернутся на карту" names no payment method."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for name in {m.topic for m in mentions}:
        mute = pack.topics[name].mute
        spans[name] = [x.span() for x in mute.finditer(text, start, end)] if mute is not None else []
    return [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in spans[m.topic])]


def _terse(sentence: str) -> bool:
    """A few words naming a topic ("Цена и сроки", "delivery period") ask about it; a short
    statement ("Оплачу картой.") does not."""
    return len(sentence.split()) <= 3 and not sentence.rstrip().endswith((".", "!"))


def _referent(pack: Pack, text: str, mention: Mention, start: int, end: int) -> Mention:
    """ "Доставка в Казань есть? Сколько она стоит?" asks about the delivery cost: a question that
    refers back with a pronoun belongs to the topic that `takes_over` it when that topic's cue
    stands before the pronoun, in the sentence or the one before, and the pronoun stands within
    three words of the question ("How much is it, and do you deliver?" and "How much is the table
    and can you deliver it?" ask the price)."""
    def words_between(p: regex.Match[str]) -> int:
        gap = text[p.end() : mention.start] if p.end() <= mention.start else text[mention.end : p.start()]
        return len(gap.split())

    pronouns = pack.pronoun.finditer(text, start, end) if pack.pronoun is not None else ()
    near = [p for p in pronouns if words_between(p) <= 3]
    if not near:
        return mention
    pronoun = near[0]
    for name, topic in pack.topics.items():
        if mention.topic in topic.takes_over and topic.cue is not None and topic.cue.search(text, start, pronoun.start()):
            return Mention(name, mention.start, mention.end, mention.words)
    return mention


def _named_with(
    pack: Pack, original: str, text: str, clauses: list[tuple[int, int]], found: list[Mention]
) -> list[Mention]:
    """ "Сколько стоит пачка и доставка в Балашиху?": a question of a topic that another
    `takes_over` asks about that one too when that one's cue is joined to it by "and" (`[question]
    coordinators`, one of the last two words before the cue, at most four); it asks about that one
    instead when the cue follows right after it (one word between: "Mennyi a szállítás Érdre?",
    "How much would it cost to courier a laptop"); "сколько будет стоить отправить документы
    курьером" asks a price. Returns `found` with these changes."""
    out: list[Mention] = []
    replaced: list[tuple[str, int, int]] = []  # topic, from, to
    for mention in found:
        clause_end = _around(clauses, mention.start, len(text))[1]
        for name, topic in pack.topics.items():
            if mention.topic not in topic.takes_over or topic.cue is None or any(m.topic == name for m in (*found, *out)):
                continue
            cue = topic.cue.search(text, mention.end, clause_end)
            if cue is None or any(m.start <= cue.start() < m.end for m in found):
                continue  # "Preis und Lieferzeit": the cue is part of another question
            gap = text[mention.end : cue.start()].split()
            joined = pack.coordinator is not None and any(pack.coordinator.fullmatch(w) for w in gap[-2:])
            if len(gap) <= 1 or joined and len(gap) <= 4:
                out.append(Mention(name, cue.start(), cue.end(), original[cue.start() : cue.end()]))
                if not joined and not _inside(cue.span(), _cues_around(pack, text, mention.end, cue.end())):
                    # not "Сколько выйдет с доставкой?", a longer price cue; "How much does it cost
                    # to ship": every match of the question in the clause before the cue
                    replaced.append((mention.topic, _around(clauses, mention.start, len(text))[0], cue.start()))
    return [m for m in found if not any(m.topic == t and a <= m.start < b for t, a, b in replaced)] + out


def _cues_around(pack: Pack, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of every topic's cues in `text[start:end]`."""
    return [m.span() for t in pack.topics.values() if t.cue is not None for m in t.cue.finditer(text, start, end)]


def _theme(pack: Pack, text: str, start: int, end: int) -> str | None:
    """The topic a stretch of a question is about by its first words: a topic that `takes_over`
    another whose cue stands within its first two words, not inside a longer cue of another topic
    ("Доставка в Подольск — скок?", "Відправка Новою поштою … скільки буде?", "и доставка …";
    not "Хочу диван с доставкой, сколько?")."""
    covered = start
    for word in itertools.islice(_WORD.finditer(text, start, end), 2):
        if word.start() < covered:
            continue
        ends = {
            name: cue.end()
            for name, topic in pack.topics.items()
            if topic.cue is not None and (cue := topic.cue.match(text, word.start(), end)) is not None
        }
        if ends:
            covered = max(ends.values())
            owner = next((n for n, e in ends.items() if e == covered and pack.topics[n].takes_over), None)
            if owner is not None:
                return owner
    return None


# Where a part of a sentence begins for `_themed`: a colon or a dash ("спрошу сразу: доставка …").
_PART = regex.compile(r":|\s[-–—]\s")


def _themed(
    pack: Pack, text: str, clauses: list[tuple[int, int]], mention: Mention, start: int, theme: str | None
) -> Mention:
    """ "доставка запчастей до Тулы у вас сколько стоит", "Куриер до летището днес, пакет до 2 кг –
    колко ще ми струва?": a question whose sentence, clause or part after a colon, a dash or "and"
    has as its theme (`_theme`) a topic that `takes_over` the one asked belongs to that topic; so
    does a bare "Сколько?" after a sentence with that theme (`theme`)."""
    cues = [t.cue for t in pack.topics.values() if mention.topic in t.takes_over and t.cue is not None]
    if any(cue.search(text, start, mention.start) for cue in cues):
        heads = {start, _around(clauses, mention.start, len(text))[0]}
        heads.update(m.end() for m in _PART.finditer(text, start, mention.start))
        if pack.coordinator is not None:
            heads.update(m.start() for m in pack.coordinator.finditer(text, start, mention.start))
        for head in sorted(h for h in heads if start <= h <= mention.start):
            owner = _theme(pack, text, head, mention.start)
            if owner is not None and mention.topic in pack.topics[owner].takes_over:
                return Mention(owner, mention.start, mention.end, mention.words)
    if theme is not None and mention.topic in pack.topics[theme].takes_over:
        return Mention(theme, mention.start, mention.end, mention.words)
    return mention


def _shadowed(
    pack: Pack,
    mention: Mention,
    found: list[Mention],
    question: bool = False,
    text: str = "",
    clauses: list[tuple[int, int]] | None = None,
) -> bool:
    """A match inside a longer match of a topic that shadows it ("стоит" in "стоит доставка");
    a `question` match also inside one of a topic that shadows it in questions, unless "and"
    (`[question] coordinators`) follows it there: "Сколько стоит и за сколько дней…" asks both;
    with `clauses`, also one before such a match in its clause with no "and" between: "How much
    does it cost to ship"."""
    shadowing = [o for o in found if mention.topic in pack.topics[o.topic].shadows_questions] if question else found
    if not shadowing:
        return False
    if question and clauses is not None:
        stop = _around(clauses, mention.start, len(text))[1]
        after = (o for o in shadowing if mention.end <= o.start < stop and o.topic != mention.topic)
        return _shadowed(pack, mention, shadowing, True, text) or any(
            not (pack.coordinator is not None and pack.coordinator.search(text, mention.end, o.end)) for o in after
        )
    return any(
        mention.topic in (pack.topics[other.topic].shadows_questions if question else pack.topics[other.topic].shadows)
        and other.start <= mention.start
        and mention.end <= other.end
        and not (question and pack.coordinator is not None and pack.coordinator.search(text, mention.end, other.end))
        for other in shadowing
    )


_CUE_WINDOW = 300  # characters either side of a value in which its cue is looked for


def answers(
    pack: Pack, text: str, limit: int | None = None, asked: Iterable[str] = ()
) -> dict[str, Mention]:
    """Topics that `text[:limit]` answers: a value of the topic's kind, or an answer phrase.

    A value (money, duration, date) goes to the topic whose cue is nearest in the same clause
    ("гарантия 12 месяцев" → warranty), else in the same sentence; without any cue, to the
    topics that claim that kind of value by default or, among the `asked` topics, when asked.
    """
    asked = frozenset(asked)
    norm = normalize(text)
    end = len(text) if limit is None else limit
    found: dict[str, Mention] = {}

    def add(topic: str, start: int, stop: int) -> None:
        if topic not in found:
            found[topic] = Mention(topic, start, stop, text[start:stop])

    phrases = _unmuted(
        pack,
        norm,
        [
            Mention(name, m.start(), m.end(), text[m.start() : m.end()])
            for name, topic in pack.topics.items()
            for pattern in (topic.answer, topic.answer_when_asked if name in asked else None)
            if pattern is not None
            for m in pattern.finditer(norm, 0, end)
        ],
        0,
        end,
    )
    clauses = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(norm)]
    sentences = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(norm)]
    holding = _holders(phrases)
    for mention in phrases:
        if (
            not _shadowed(pack, mention, holding(mention.start, mention.end))
            and not _refers_elsewhere(pack, norm, clauses, mention.start)
            and not _yields(pack, norm, clauses, mention)
        ):
            add(mention.topic, mention.start, mention.end)
    for name, mention in _confirmed(pack, norm, sentences, end, asked - found.keys()).items():
        add(name, mention.start, mention.end)
    money: list[tuple[int, int]] = []
    reported = _reports(pack, norm, clauses)

    def named(position: int, topic: str) -> bool:
        cue = pack.topics[topic].cue
        return cue is not None and cue.search(norm, position, end) is not None

    thresholds: list[tuple[int, int]] | None = None
    for kind, pattern in pack.values.items():  # money first: "$4.10" is no date
        for m in pattern.finditer(norm, 0, end):
            k = bisect.bisect_left(money, (m.end(), m.end()))
            if k and money[k - 1][1] > m.start():  # money spans are sorted and do not overlap
                continue
            if kind == "money":
                if thresholds is None:
                    thresholds = [t.span() for t in pack.threshold.finditer(norm, 0, end)] if pack.threshold else []
                if any(s <= m.start() and m.end() <= e for s, e in thresholds):
                    continue  # "ab 50 € Bestellwert": an order value from which something applies, no price
                money.append(m.span())
            if kind != "money" and reported(m.start()):  # "передан в доставку 12 марта"
                continue
            if _held_by_answer(pack, holding(m.start(), m.end()), kind, m.start(), m.end(), asked):
                continue  # "мы бесплатно заменим дверцу": a free remedy, no price
            owner = _cued_owner(pack, norm, clauses, kind, m.start(), m.end(), reported, asked)
            if owner and kind == "money":
                owner = _shadowing_owner(pack, norm, sentences, money, owner) or owner
            owner = owner or _cued_owner(pack, norm, sentences, kind, m.start(), m.end(), reported, asked)
            # "Запись на субботу уточню и напишу вам", "Anna will call you tomorrow": a value with no
            # cue in a clause that puts the answer off answers no question
            deferred = owner is None and pack.defer is not None and pack.defer.search(norm, *_around(clauses, m.start(), end))
            owners = [owner] if owner else _uncued_owners(pack, kind, frozenset() if deferred else asked, functools.partial(named, m.end()))
            for name in owners:
                add(name, m.start(), m.end())
    left = [name for name in asked - found.keys() if pack.topics[name].yes_answers]
    if len(left) == 1:
        # "Есть ли свободная Киа Рио? И какой залог?" — "Да, залог 10 000 ₽.": yes or no answers
        # the one yes-or-no question left (a price left open cannot take a yes: "Да, можем. Цену
        # пришлём отдельно.")
        for begin, stop in _confirmations(pack, norm, sentences, end):
            add(left[0], begin, stop)
            break
    return found


def _holders(mentions: list[Mention]) -> Callable[[int, int], list[Mention]]:
    """For a span, the mentions that may hold it: those beginning at most the longest mention's
    length before its end and not after its start (found by bisection: a long reply has
    thousands of mentions, and every value and mention asks)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    longest = max((m.end - m.start for m in ordered), default=0)

    def holding(start: int, end: int) -> list[Mention]:
        return ordered[bisect.bisect_left(starts, end - longest) : bisect.bisect_right(starts, start)]

    return holding


def _held_by_answer(pack: Pack, phrases: list[Mention], kind: str, start: int, end: int, asked: frozenset[str]) -> bool:
    """ "Мы бесплатно пришлём мастера", "we'll arrange a replacement free of charge": a value inside
    an answer phrase of a topic that may own its kind only by a cue (a remedy, which answers the
    returns) is part of that answer, unless the customer asked about a topic that owns the kind by
    default ("Сколько стоит ремонт?" — "Починим бесплатно" is the price)."""
    if any(kind in pack.topics[n].claims for n in asked):
        return False
    return any(
        p.start <= start
        and end <= p.end
        and kind not in pack.topics[p.topic].claims
        and kind in pack.topics[p.topic].claims_with_cue | pack.topics[p.topic].claims_with_cue_when_asked
        for p in phrases
    )


def _uncued_owners(pack: Pack, kind: str, asked: frozenset[str], named: Callable[[str], bool]) -> list[str]:
    """The topics a value without a cue answers: those that claim its kind by default, unless
    none of them was asked and a topic that claims it `when asked` was and — when it takes the kind
    from a default owner — the reply does not go on to name it (`named`, a cue after the value):
    after "Скільки коштує доставка?" a bare "Безкоштовна від 1 500 грн, інакше — 80 грн" is the
    delivery cost; in "Стартер є, 2 350 грн. Вартість доставки …" the amount is the price."""
    default = [n for n, t in pack.topics.items() if kind in t.claims]
    when_asked = [
        n for n, t in pack.topics.items() if n in asked and kind in t.claims_when_asked and not (default and named(n))
    ]
    return when_asked if when_asked and not asked.intersection(default) else default


def _confirmed(
    pack: Pack, text: str, sentences: list[tuple[int, int]], limit: int, asked: Iterable[str]
) -> dict[str, Mention]:
    """ "Есть ли скидка для пенсионеров?" — "Да, для пенсионеров скидка 10 % по будням.": a sentence
    that begins with yes or no (the pack's `[confirm] words`) and names an asked topic answers it,
    unless it puts the answer off ("Да, сроки уточним завтра")."""
    out: dict[str, Mention] = {}
    for begin, end in _confirmations(pack, text, sentences, limit) if asked else ():
        for name in asked:
            ask = pack.topics[name].ask
            found = ask.search(text, begin, end) if ask is not None else None
            if found is not None and name not in out:
                out[name] = Mention(name, found.start(), found.end(), text[found.start() : found.end()])
    return out


def _confirmations(pack: Pack, text: str, sentences: list[tuple[int, int]], limit: int) -> Iterable[tuple[int, int]]:
    """Spans of the sentences that begin with yes or no — or say it right after a greeting of at
    most two words ("Добрый день, да, есть.", "Hi, yes, we have …") — and put nothing off."""
    if pack.confirm is None:
        return
    for start in (0, *(e for _, e in sentences if e < limit)):
        segment = text[start:limit]
        begin = start + len(segment) - len(segment.lstrip())
        end = min(_around(sentences, begin, len(text))[1], limit)
        comma = text.find(",", begin, end)
        starts = [begin]
        if 0 <= comma and len(text[begin:comma].split()) <= 2:  # after a greeting
            starts.append(comma + 1 + len(text[comma + 1 : end]) - len(text[comma + 1 : end].lstrip()))
        if not any(pack.confirm.match(text, at, limit) for at in starts):
            continue
        if pack.defer is None or not pack.defer.search(text, begin, end):
            yield begin, end


def _shadowing_owner(
    pack: Pack, text: str, sentences: list[tuple[int, int]], money: list[tuple[int, int]], owner: str
) -> str | None:
    """ "Доставляем в пункты Ozon, стоимость — 99 ₽": an amount whose own clause names only the
    price belongs to a topic that shadows it (the delivery cost) when that topic's cue stands
    earlier in the sentence with no other amount in between ("доставка — 900 ₽, итого 7 500 ₽")."""
    start = money[-1][0]
    sentence_start = _around(sentences, start, len(text))[0]
    own = pack.topics[owner].cue
    held = [m.span() for m in own.finditer(text, sentence_start, start)] if own is not None else []
    for name, topic in pack.topics.items():
        if owner not in topic.shadows or topic.cue is None or "money" not in topic.claims | topic.claims_with_cue:
            continue
        cues = [c for c in topic.cue.finditer(text, sentence_start, start) if not _inside(c.span(), held)]
        if cues and not any(cues[-1].end() <= s for s, _ in money[:-1]):
            return name
    return None


def _yields(pack: Pack, text: str, clauses: list[tuple[int, int]], mention: Mention) -> bool:
    """ "Cash on delivery is available", "what payment options are available": a phrase of a topic
    that `yields` to others does not count right after (at most three words) an ask or answer
    phrase of one of them in its clause: the option is available, not the goods."""
    others = [pack.topics[name] for name in pack.topics[mention.topic].yields]
    if not others:
        return False
    start = _around(clauses, mention.start, len(text))[0]
    return any(
        len(text[m.end() : mention.start].split()) <= 3
        for topic in others
        for pattern in (topic.ask, topic.answer)
        if pattern is not None
        for m in pattern.finditer(text, start, mention.start)
    )


def _around(bounds: list[tuple[int, int]], position: int, length: int) -> tuple[int, int]:
    """The stretch of text (clause or sentence, by the sorted `bounds` that end them) holding
    `position`."""
    i = bisect.bisect_left(bounds, (position, position))
    return bounds[i - 1][1] if i else 0, bounds[i][0] if i < len(bounds) else length


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """`span` lies inside a longer one of `spans`."""
    return any(s <= span[0] and span[1] <= e and e - s > span[1] - span[0] for s, e in spans)


def _refers_elsewhere(pack: Pack, text: str, clauses: list[tuple[int, int]], position: int) -> bool:
    """ "Подробности про рассрочку смотрите на нашем сайте": the clause at `position` points
    elsewhere and only names the topic ("Оплата картой, подробности на сайте" still answers)."""
    if pack.referral is None or pack.deflect is None:
        return False
    start, end = _around(clauses, position, len(text))
    return bool(pack.deflect.search(text, start, end) and pack.referral.search(text, start, end))


def _reports(pack: Pack, text: str, clauses: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether the clause at a position reports a past event or a status ("Оплата поступила",
    "Заказ передан в доставку 12 марта", "was shipped on May 3"): a verb or marker of the past
    and none of the present, future, an infinitive or an imperative. Its dates and durations
    answer no question of when, and its cues claim no value elsewhere. Words are read with the
    cached morphology (ru, uk) only in clauses asked about, at most once each."""

    seen: dict[tuple[int, int], bool] = {}

    def clause(start: int, end: int) -> bool:
        if (start, end) not in seen:
            seen[start, end] = _reports_past(pack, text, start, end)
        return seen[start, end]

    return lambda position: clause(*_around(clauses, position, len(text)))


def _reports_past(pack: Pack, text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, one clause, tells only of the past (see `_reports`)."""
    past = pack.past is not None and pack.past.search(text, start, end) is not None
    if pack.ongoing is not None and pack.ongoing.search(text, start, end):
        return False
    if pack.language in MORPH_LANGUAGES:
        for word in _WORD.finditer(text, start, end):
            grammemes = best_grammemes(pack.language, word.group().lower())
            if grammemes & _ONGOING:
                return False
            past = past or bool(grammemes & _PAST)
    return past


def _conditional(pack: Pack, text: str, bounds: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` follows a word of `[question] conditions` in its stretch (the clause, or
    the sentence when a cue is looked for there): "Ha ma 15 óráig fizet, holnap kiszállítjuk." —
    the payment is the condition of the delivery date and tells no time to pay."""
    if pack.condition is None:
        return False
    start = _around(bounds, position, len(text))[0]
    return pack.condition.search(text, start, position) is not None


def _cued_owner(
    pack: Pack,
    text: str,
    bounds: list[tuple[int, int]],
    kind: str,
    start: int,
    end: int,
    reported: Callable[[int], bool],
    asked: frozenset[str],
) -> str | None:
    """The topic whose cue is nearest to the value within its stretch of text; a cue before the
    value wins over one right after it; a cue in a clause that reports the past cues nothing
    for a topic without `past_answers`; one of a topic that claims the kind only when asked,
    nothing unless it was."""
    i = bisect.bisect_left(bounds, (start, start))
    stretch_start = bounds[i - 1][1] if i else 0
    while i < len(bounds) and bounds[i][0] < end:
        i += 1
    stretch_end = bounds[i][0] if i < len(bounds) else len(text)
    # A cue further away than a few lines is not about this value, and a bounded window keeps
    # a long text full of amounts linear.
    stretch_start = max(stretch_start, start - _CUE_WINDOW)
    stretch_end = min(stretch_end, end + _CUE_WINDOW)
    cues = [
        (name, m.span())
        for name, topic in pack.topics.items()
        if topic.cue is not None
        and (kind in topic.claims | topic.claims_with_cue or name in asked and kind in topic.claims_with_cue_when_asked)
        for m in topic.cue.finditer(text, stretch_start, stretch_end)
        if (topic.past_answers or not reported(m.start())) and not _conditional(pack, text, bounds, m.start())
    ]
    candidates: dict[str, tuple[bool, int]] = {}
    sides: dict[str, set[bool]] = {}
    for name, (cue_start, cue_end) in cues:
        if _inside((cue_start, cue_end), [span for other, span in cues if other != name]):
            continue  # "с доставкой" is a price cue, not a delivery one
        after = cue_start >= end
        between = len(text[end:cue_start].split()) if after else 0
        if between > 2 or after and _CLAUSE_END.search(text, end, cue_start):
            continue  # "12 месяцев гарантии", not "$890 and we deliver" nor "2 990 Ft, a kiszállítás …"
        distance = cue_start - end if after else max(start - cue_end, 0)
        if name not in candidates or (after, distance) < candidates[name]:
            candidates[name] = (after, distance)
        # the sides a cue stands on, a cue right after the value ("1 Jahr Garantie") on both
        sides.setdefault(name, set()).update((after, False) if after and between <= 1 else (after,))
    for name in list(candidates):
        # a shadowing cue on the same side of the value ("стоимость доставки — 300 ₽") or right
        # after it; a price cue before it and a delivery one further after ("come to $42 and
        # we'll deliver") keep the price
        if any(name in pack.topics[other].shadows and candidates[name][0] in sides[other] for other in candidates):
            del candidates[name]
    return min(candidates, key=candidates.__getitem__) if candidates else None
