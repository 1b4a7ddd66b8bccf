"""What every RK3xx rule needs once per reply: who the customer is, how they want to be
addressed, every form of their name, and where the reply names somebody."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from replykit.engine import Context
from replykit.models import Message
from replykit.morph import MORPH_LANGUAGES, parse
from replykit.names.build import (
    Form,
    _preferred,
    auto_form,
    person_of,
    preferred_person,
)
from replykit.names.inflect import (
    CASES,
    Gender,
    Part,
    guess_gender,
    inflect_part,
    known_analysis,
)
from replykit.names.lexicon import NameLexicon, name_lexicon
from replykit.names.person import Person, is_initial, parse_person
from replykit.names.prefer import (
    NOTHING_READ,
    Preference,
    Read,
    preference_of,
    read_preference,
)
from replykit.text.tokens import PUNCT, SLOT, WORD, Token

_PARTS: tuple[Part, ...] = ("first", "middle", "last")
_TERMINAL = frozenset(".!?…")
# Matched in place, not on slices: a slice to the end of a long reply per mention is quadratic.
_SPACES = re.compile(r"\s*")  # what str.lstrip() strips
_BLANK = re.compile(r"[ ,\u00a0]*")  # what .strip(" ,\u00a0") strips
_TEXT = itemgetter(0)  # of a Token
_WORDS = 65_536  # words a lexicon remembers (`_word_facts`) before it starts over


def norm(word: str) -> str:
    return word.lower().replace("ё", "е")


@dataclass(frozen=True, slots=True)
class Expected:
    """The customer and how the reply should name them."""

    person: Person  # everything known about the customer's name
    target: Person  # the name to use (may be a short form the customer asked for)
    form: Form
    explicit: bool  # the customer (or the CRM's preferred_address) asked for this
    forms: dict[str, frozenset[tuple[Part, str]]]  # normalised word → (part, case) it can be
    own_short: frozenset[str]  # short forms the customer used for themself (normalised)

    def cases_of(self, word: str) -> frozenset[tuple[Part, str]]:
        return self.forms.get(norm(word), frozenset())


@dataclass(frozen=True, slots=True)
class Mention:
    """Capitalised name-like words standing together, with what precedes them."""

    tokens: tuple[Token, ...]
    vocative: bool  # in address position: after a greeting or polite word, or set off by commas
    title: Token | None  # "господин", "Frau", "Mr"
    adjective: Token | None  # "Уважаемая", "Дорогой"
    preposition: Token | None
    salutation: bool = False  # surely addressed: after a greeting or polite word, or opening the sentence

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def lexicon(ctx: Context) -> NameLexicon | None:
    def load() -> NameLexicon | None:
        options = ctx.config.names
        return name_lexicon(ctx.language, options.diminutives.get(ctx.language), options.generic.get(ctx.language))

    return ctx.memo("names.lexicon", load)  # several rules ask for it on every reply


def expected(ctx: Context) -> Expected | None:
    return ctx.memo("names.expected", lambda: _expected(ctx))


def _expected(ctx: Context) -> Expected | None:
    lang = ctx.language
    customer = ctx.customer
    if customer is None and not ctx.recent("customer", 1):
        return None  # nothing tells the customer's name
    lex = lexicon(ctx)
    crm = person_of(customer, lang) if customer is not None else Person()
    preference = _preference(ctx, lex) if lex else None
    written = parse_person(preference.name, lang) if preference and preference.name else Person()
    person = crm if crm.known else written
    if not person.known:
        return None
    if person.gender is None and written.gender is not None:
        person = replace(person, gender=written.gender)
    own_short: set[str] = set()
    target, form, explicit = person, None, False
    stated = preferred_person(customer, lang) if customer is not None else None
    if stated is not None:
        (target, form), explicit = stated, True
    elif preference is not None:
        if preference.name:
            said, said_form = _preferred(preference.name, lang, person.gender)
            if said.first and lex is not None and lex.full_names(said.first):
                own_short.add(norm(said.first))
            if preference.explicit or said_form == "name_patronymic":
                target = _merge(said, person)
                form, explicit = said_form, preference.explicit
        if preference.form:
            form, explicit = preference.form, True  # type: ignore[assignment]
            target = person if not target.known else target
    if form is None:
        try:
            form = auto_form(person, lang)
        except Exception:  # no usable part (only initials): nothing to expect
            return None
    forms = _forms((person, target, written), lang)
    return Expected(person, target, form, explicit, forms, frozenset(own_short))


def _preference(ctx: Context, lex: NameLexicon) -> Preference | None:
    """How the customer asked to be addressed in the history; each message is read once per conversation."""

    def step(read: Read, message: Message) -> Read:
        return read_preference(read, message.text, lex) if message.role == "customer" else read

    return preference_of(ctx.fold(("names.preference", ctx.language), NOTHING_READ, step))


def _merge(said: Person, known: Person) -> Person:
    """The name the customer wrote, completed from the CRM (gender, surname)."""
    return Person(
        said.first or known.first, said.middle or known.middle, said.last or known.last, said.gender or known.gender
    )


def _forms(people: tuple[Person, ...], lang: str) -> dict[str, frozenset[tuple[Part, str]]]:
    cases = (*CASES, "voct") if lang == "uk" else CASES if lang in MORPH_LANGUAGES else ("nomn",)
    out: dict[str, set[tuple[Part, str]]] = {}
    for person in people:
        for part in _PARTS:
            value = person.part(part)
            if not value or is_initial(value):
                continue
            for case in cases:
                form = inflect_part(value, part, person.gender, case, lang)
                for word in [form, *form.split()] if " " in form else [form]:
                    out.setdefault(norm(word), set()).add((part, case))
    return {k: frozenset(v) for k, v in out.items()}


# --- mentions ------------------------------------------------------------------------------


def mentions(ctx: Context) -> list[Mention]:
    return ctx.memo("names.mentions", lambda: _mentions(ctx))


@lru_cache(maxsize=65_536)
def known_parts(lang: str, word: str) -> frozenset[tuple[Part, str, str]]:
    """(part, case, gender) of `word` as a first name, patronymic or surname in the dictionary."""
    if lang not in MORPH_LANGUAGES:
        return frozenset()
    out: set[tuple[Part, str, str]] = set()
    for p in parse(lang, word.lower()):
        grams = p.tag.grammemes
        if not known_analysis(p):
            continue
        part: Part | None = (
            "first" if "Name" in grams else "middle" if "Patr" in grams else "last" if "Surn" in grams else None
        )
        if part is None or "plur" in grams:
            continue
        case = next((c for c in (*CASES, "voct") if c in grams), None)
        gender = "male" if "masc" in grams else "female" if "femn" in grams else ""
        if case is not None:
            out.add((part, case, gender))
    return frozenset(out)


def _name_like(lex: NameLexicon, exp: Expected | None, text: str) -> bool:
    if not text[:1].isupper() or (len(text) > 1 and text.isupper() and len(text) <= 3):
        return False
    if exp is not None and (exp.cases_of(text) or near_form(exp, text)):
        return True
    return _word_facts(lex, text)[1]


def _word_facts(lex: NameLexicon, word: str) -> tuple[bool, bool]:
    """(a polite word or a title, a name by the dictionaries): per word, remembered by the lexicon."""
    facts = lex.word_facts.get(word)
    if facts is None:
        if len(lex.word_facts) >= _WORDS:
            lex.word_facts.clear()
        lang = lex.language
        facts = lex.word_facts[word] = (
            bool(lex.salutation.fullmatch(word) or lex.titles.fullmatch(word)),
            bool(lex.full_names(word) or lex.full_names(lemma(lang, word)) or known_parts(lang, word)),
        )
    return facts


def _addressed(ctx: Context, lex: NameLexicon, tokens: list[Token], i: int, greeting_end: int) -> bool:
    """A capitalised word right after a greeting, polite word or title, where only a name fits.

    Languages without a morphological dictionary have no other way to tell a name.
    """
    t = tokens[i]
    if ctx.language in MORPH_LANGUAGES or not t.text[:1].isupper():
        return False
    if greeting_end >= 0 and ctx.doc.text[greeting_end : t.start].strip(" ,\u00a0") == "":
        return True
    before = tokens[i - 1] if i > 0 else None
    return (
        before is not None
        and before.kind == WORD
        and bool(lex.titles.fullmatch(before.text) or lex.salutation.fullmatch(before.text))
    )


@lru_cache(maxsize=65_536)
def lemma(lang: str, word: str) -> str:
    """The nominative of a name word ("Маше" → "маша"), or the word itself."""
    if lang in MORPH_LANGUAGES:
        for p in parse(lang, word.lower()):
            if {"Name"} & p.tag.grammemes:
                return str(p.normal_form)
    return word.lower()


def near_form(exp: Expected, word: str) -> str | None:
    """A form of the customer's name one edit away from `word` (a likely misspelling)."""
    w = norm(word)
    if len(w) < 4 or w in exp.forms:
        return None
    for form in exp.forms:
        if abs(len(form) - len(w)) <= 1 and len(form) >= 4 and _one_edit(w, form):
            return form
    return None


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _mentions(ctx: Context) -> list[Mention]:
    lex = lexicon(ctx)
    if lex is None:
        return []
    exp = expected(ctx)
    doc = ctx.doc
    text = doc.text
    tokens = doc.tokens
    by_place = ctx.language not in MORPH_LANGUAGES  # `_addressed` can find a name there
    # Where a mention can begin: a capitalised word, no polite word or title, that looks like a
    # name (or, without a dictionary, may be one by its place). Each distinct word is judged once;
    # most replies have no such word outside their greetings and signatures.
    opening = {w for w in set(map(_TEXT, doc.words)) if w[:1].isupper() and _opens(lex, exp, w, by_place)}
    if not opening:
        return []
    openers: dict[int, list[int]] = {}  # sentence -> indexes of its tokens where a mention can begin
    for k in compress(count(), map(opening.__contains__, map(_TEXT, tokens))):
        t = tokens[k]
        if t.kind == WORD and not t.quoted:
            openers.setdefault(t.sentence, []).append(k)
    from replykit.greetings.lexicon import lexicon as greeting_lexicon

    greetings = greeting_lexicon(ctx.language)
    found: list[Mention] = []
    for index, at in openers.items():
        sentence = doc.sentences[index]
        words = doc.sentence_tokens(sentence)
        if words[0].segment != "own":
            continue
        greeting_end = -1
        first_word = next((t for t in words if t.kind == WORD), None)
        if greetings is not None and first_word is not None:
            signed = greetings.match_farewell(text, first_word.start)
            if signed is not None and signed[0].signs:
                continue  # "С уважением, Дмитрий": the agent signs, nobody is addressed
            hit = greetings.match_greeting(text, first_word.start)
            if hit is not None:
                greeting_end = hit[1]
        after = 0  # tokens before this belong to a mention already found
        for i in (k - sentence.first_token for k in at):
            t = words[i]
            if i < after or t.start < greeting_end:
                continue
            if by_place and not _name_like(lex, exp, t.text) and not _addressed(ctx, lex, words, i, greeting_end):
                continue
            j = i
            while (
                j + 1 < len(words)
                and j + 1 - i < 4
                and words[j + 1].kind == WORD
                and not words[j + 1].quoted
                and "\n" not in text[words[j].end : words[j + 1].start]
                and text[words[j].end : words[j + 1].start].strip() == ""
                and not lex.salutation.fullmatch(words[j + 1].text)
                and _name_like(lex, exp, words[j + 1].text)
            ):
                j += 1
            run = tuple(words[i : j + 1])
            found.append(_mention(ctx, lex, words, i, j, run, greeting_end))
            after = j + 1
    return found


def _opens(lex: NameLexicon, exp: Expected | None, word: str, by_place: bool) -> bool:
    """True if a mention can begin with the capitalised `word` (see `_mentions`)."""
    return not _word_facts(lex, word)[0] and (by_place or _name_like(lex, exp, word))


def _mention(
    ctx: Context, lex: NameLexicon, tokens: list[Token], i: int, j: int, run: tuple[Token, ...], greeting_end: int
) -> Mention:
    text = ctx.doc.text
    k = i - 1
    title = adjective = preposition = None
    if k >= 0 and tokens[k].kind == WORD and lex.titles.fullmatch(tokens[k].text):
        title = tokens[k]
        k -= 1
    if k >= 0 and tokens[k].kind == WORD and lex.salutation.fullmatch(tokens[k].text):
        adjective = tokens[k]
        k -= 1
    if (
        k >= 0
        and title is None
        and adjective is None
        and tokens[k].kind == WORD
        and tokens[k].lower in lex.prepositions
    ):
        preposition = tokens[k]
    before = tokens[k] if k >= 0 else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    starts = before is None or (before.kind == PUNCT and before.text[0] in _TERMINAL)
    after_comma = before is not None and before.kind == PUNCT and before.text == ","
    closes = after is None or (after.kind == PUNCT and after.text[0] in _TERMINAL | {","})
    apposition = (
        after is not None
        and after.text == ","
        and lex.apposition is not None
        and lex.apposition.match(text, _skip_spaces(text, after.end)) is not None
    )
    addressee = any(t.lower in lex.addressees for t in run)
    salutation = not addressee and (
        adjective is not None
        or (greeting_end >= 0 and _blank(text, greeting_end, (title or run[0]).start))
        or (starts and after is not None and after.kind == PUNCT and after.text[0] in ",!" and not apposition)
    )
    vocative = salutation or (not addressee and after_comma and closes)  # ", Мария Ивановна," may be an apposition
    return Mention(run, vocative, title, adjective, preposition, salutation)


def _skip_spaces(text: str, position: int) -> int:
    return _SPACES.match(text, position).end()  # type: ignore[union-attr]  # `\s*` always matches


def _blank(text: str, start: int, end: int) -> bool:
    """`text[start:end]` holds only spaces and commas (or nothing)."""
    return start >= end or _BLANK.fullmatch(text, start, end) is not None


def gender_of(ctx: Context, mention: Mention) -> Gender | None:
    """The gender the named person has: the customer's if it is their name, else the words'."""
    exp = expected(ctx)
    if exp is not None and any(exp.cases_of(t.text) or near_form(exp, t.text) for t in mention.tokens):
        return exp.person.gender
    return _words_gender(ctx.language, tuple(t.text for t in mention.tokens))


@lru_cache(maxsize=4096)
def _words_gender(lang: str, words: tuple[str, ...]) -> Gender | None:
    """The gender the words of a name show: by the patronymic, else the first name, else the surname."""
    for part in ("middle", "first", "last"):
        for word in words:
            parts = {p for p in known_parts(lang, word) if p[0] == part}
            genders = {g for _, _, g in parts if g}
            if len(genders) == 1:
                return genders.pop()  # type: ignore[return-value]
            if part == "middle" and guess_gender(word, "middle") is not None:
                return guess_gender(word, "middle")
    return None


def slot_names(ctx: Context) -> list[Token]:
    """Tokens of template slots that hold the customer's name."""
    from replykit.text.slots import is_name_slot

    names = frozenset(ctx.config.name_slots)
    return [t for t in ctx.doc.tokens if t.kind == SLOT and t.slot is not None and is_name_slot(t.slot, names)]
