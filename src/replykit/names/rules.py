"""RK3xx: the customer's name — the form they asked for, the right person, the right case."""

from __future__ import annotations

from collections.abc import Iterator

from replykit.engine import Context, Edit, Hit, Rule
from replykit.morph import MORPH_LANGUAGES, inflect, match_case, parse
from replykit.names.analysis import (
    Expected,
    Mention,
    expected,
    gender_of,
    known_parts,
    lemma,
    lexicon,
    mentions,
    near_form,
    norm,
    slot_names,
)
from replykit.names.build import render
from replykit.names.inflect import CASES, Part, inflect_part, known_analysis
from replykit.text.tokens import WORD

_SALUTATION_CASES = ("voct", "nomn")


def _case(exp: Expected, mention: Mention, language: str) -> str:
    """The case the mention stands in, judged by its first word (nominative if unsure); a
    Ukrainian salutation takes the vocative whatever case it was written in."""
    if language == "uk" and mention.salutation:
        return "voct"
    cases = {c for _, c in exp.cases_of(mention.tokens[0].text)}
    for case in (*_SALUTATION_CASES, *CASES[1:]):
        if case in cases:
            return case
    return "nomn"


def _suggest(ctx: Context, exp: Expected, case: str) -> str:
    return render(exp.target, exp.form, case, ctx.language)


def _roles(exp: Expected, mention: Mention) -> list[set[Part]]:
    return [{part for part, _ in exp.cases_of(t.text)} for t in mention.tokens]


def _customer_mentions(ctx: Context) -> Iterator[tuple[Expected, Mention, list[set[Part]]]]:
    exp = expected(ctx)
    if exp is None:
        return
    for m in mentions(ctx):
        roles = _roles(exp, m)
        if all(roles):
            yield exp, m, roles


def first_name_only(ctx: Context) -> Iterator[Hit]:
    for exp, m, roles in _customer_mentions(ctx):
        if exp.form != "name_patronymic" or not m.vocative or m.title is not None:
            continue
        if len(roles) == 1 and "first" in roles[0] and norm(m.tokens[0].text) != norm(exp.target.middle or ""):
            case = _case(exp, m, ctx.language)
            fix = _suggest(ctx, exp, case)
            yield Hit(
                m.start, m.end,
                f"The customer gave a patronymic; address them as “{fix}”, not by the first name alone.",
                (Edit(m.start, m.end, fix),),
            )  # fmt: skip


def diminutive(ctx: Context) -> Iterator[Hit]:
    exp = expected(ctx)
    lex = lexicon(ctx)
    if exp is None or lex is None or not exp.person.full("first"):
        return
    first = norm(exp.person.first or "")
    for m in mentions(ctx):
        if not m.vocative:
            continue  # "Маша и Медведь" is a cartoon, not the customer
        for t in m.tokens:
            word = norm(t.text)
            base = norm(lemma(ctx.language, t.text))
            fulls = lex.full_names(word) | lex.full_names(base)
            if first not in fulls or word == first or _asked_for(ctx, exp, t.text):
                continue
            if word in exp.own_short or base in exp.own_short:
                continue
            case = _case_of_word(ctx, t.text)
            fix = _suggest(ctx, exp, case)
            yield Hit(
                t.start, t.end,
                f"“{t.text}” is a familiar short form of the customer's name; say “{fix}” unless they asked for it.",
                (Edit(t.start, t.end, fix, safe=False),),
            )  # fmt: skip


def _asked_for(ctx: Context, exp: Expected, word: str) -> bool:
    """True if `word` is a form of the short name the customer asked for ("можно просто Оля")."""
    target = exp.target.first
    if not exp.explicit or not target:
        return False
    lang, gender = ctx.language, exp.person.gender
    return any(norm(inflect_part(target, "first", gender, case, lang)) == norm(word) for case in CASES)


def _case_of_word(ctx: Context, word: str) -> str:
    for p in parse(ctx.language, word.lower()) if ctx.language in MORPH_LANGUAGES else ():
        if "Name" in p.tag.grammemes:
            for case in CASES:
                if case in p.tag.grammemes:
                    return case
    return "nomn"


def bare_surname(ctx: Context) -> Iterator[Hit]:
    for exp, m, roles in _customer_mentions(ctx):
        if exp.form == "surname" or not m.vocative or m.title is not None or not exp.person.full("first"):
            continue
        if len(roles) == 1 and roles[0] == {"last"}:
            case = _case(exp, m, ctx.language)
            fix = _suggest(ctx, exp, case)
            start = m.adjective.start if m.adjective is not None else m.start
            replacement = (
                fix if m.adjective is None else render(exp.target, exp.form, case, ctx.language, honorific=True)
            )
            yield Hit(
                m.start, m.end,
                f"Addressing the customer by the bare surname sounds curt; say “{fix}”.",
                (Edit(start, m.end, match_case(ctx.doc.text[start:m.end], replacement)),),
            )  # fmt: skip


def unwanted_title(ctx: Context) -> Iterator[Hit]:
    for exp, m, _ in _customer_mentions(ctx):
        if m.title is None or exp.form == "surname" or not exp.person.full("first"):
            continue
        case = _case(exp, m, ctx.language)
        fix = _suggest(ctx, exp, case)
        yield Hit(
            m.title.start, m.end,
            f"The customer did not call themself “{m.title.text}”; address them as “{fix}”.",
            (Edit(m.title.start, m.end, fix),),
        )  # fmt: skip


def wrong_name(ctx: Context) -> Iterator[Hit]:
    exp = expected(ctx)
    lex = lexicon(ctx)
    if lex is None:
        return
    template = ctx.template
    if exp is None and not template:
        return
    for m in mentions(ctx):
        if not m.vocative:
            continue
        for t in m.tokens:
            if exp is not None and (exp.cases_of(t.text) or near_form(exp, t.text)):
                continue
            if (
                exp is not None
                and exp.person.first
                and norm(exp.person.first) in (lex.full_names(t.text) | lex.full_names(lemma(ctx.language, t.text)))
            ):
                continue  # a short form of the customer's own name: RK302
            parts = known_parts(ctx.language, t.text)
            if ctx.language in MORPH_LANGUAGES and not parts:
                continue
            if template:
                yield Hit(
                    m.start, m.end,
                    f"A canned response names “{ctx.doc.text[m.start:m.end]}”; use a name slot such as {{{{name}}}}.",
                )  # fmt: skip
                break
            assert exp is not None
            fix = _suggest(ctx, exp, _case_of_word(ctx, m.tokens[0].text))
            yield Hit(
                m.start, m.end,
                f"“{ctx.doc.text[m.start:m.end]}” is not the customer's name; they are {render(exp.person, 'full', 'nomn', ctx.language)}.",
                (Edit(m.start, m.end, fix, safe=False),),
            )  # fmt: skip
            break


def misspelt_name(ctx: Context) -> Iterator[Hit]:
    exp = expected(ctx)
    if exp is None:
        return
    vocative = {t.start for m in mentions(ctx) if m.vocative for t in m.tokens}
    for t in ctx.doc.words:
        if t.segment != "own" or t.quoted or not t.text[:1].isupper():
            continue
        near = near_form(exp, t.text)
        if near is None:
            continue
        if t.start not in vocative and _common_word(ctx.language, t.text):
            continue
        fix = match_case(t.text, near)
        yield Hit(
            t.start, t.end,
            f"“{t.text}” looks like a misspelling of the customer's name “{fix}”.",
            (Edit(t.start, t.end, fix, safe=False),),
        )  # fmt: skip


def _common_word(lang: str, word: str) -> bool:
    """True if the dictionary knows `word` only as something other than a name ("Лес" near "Лев")."""
    if lang not in MORPH_LANGUAGES:
        return False
    parses = parse(lang, word.lower())
    if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
        return False
    return any(known_analysis(p) for p in parses)


def wrong_form(ctx: Context) -> Iterator[Hit]:
    lex = lexicon(ctx)
    exp = expected(ctx)
    if lex is None:
        return
    lang = ctx.language
    for m in mentions(ctx):
        analyses = [_analyses(ctx, exp, t.text) for t in m.tokens]
        if not all(analyses):
            continue
        problem = _case_problem(ctx, m, analyses, lex.prepositions)
        if problem is not None:
            fix, message = problem
            yield Hit(m.start, m.end, message, (Edit(m.start, m.end, fix),))
            continue
        word = m.adjective or m.title
        gender = gender_of(ctx, m)
        if word is None or gender is None or lang not in MORPH_LANGUAGES:
            continue
        wrong = _disagrees(lang, word.text, gender)
        if wrong is not None:
            yield Hit(
                word.start, m.end,
                f"“{word.text}” does not agree with “{ctx.doc.text[m.start:m.end]}”; write “{wrong}”.",
                (Edit(word.start, word.end, wrong),),
            )  # fmt: skip


def _case_problem(
    ctx: Context, m: Mention, analyses: list[set[tuple[Part, str]]], prepositions: dict[str, str]
) -> tuple[str, str] | None:
    """(fix, message) when the parts of a name disagree in case or miss a preposition's case."""
    shared = set.intersection(*({c for _, c in a} for a in analyses))
    parts = [_part(a) for a in analyses]
    if len(m.tokens) > 1 and not shared:
        case = next((c for c in (*CASES[1:], "voct") if any(c == x for _, x in analyses[0])), "nomn")
        fix = _reinflect(ctx, m, parts, case)
        return fix, f"The parts of the name are in different cases; write “{fix}”."
    if ctx.language == "uk" and m.salutation and shared == {"nomn"} and {"first", "middle"} & set(parts):
        # Ukrainian addresses in the vocative: "Добрий день, Маріє Іванівно!", not "Марія Іванівна"
        fix = _reinflect(ctx, m, parts, "voct")
        if fix != ctx.doc.text[m.start : m.end]:
            return fix, f"In Ukrainian a name in address takes the vocative; write “{fix}”."
    if m.preposition is not None:
        wanted = prepositions[m.preposition.lower]
        if wanted not in shared and shared <= {"nomn", "voct"}:
            fix = _reinflect(ctx, m, parts, wanted)
            return fix, f"After “{m.preposition.text}” the name takes another case: “{m.preposition.text} {fix}”."
    return None


def _analyses(ctx: Context, exp: Expected | None, word: str) -> set[tuple[Part, str]]:
    if exp is not None and exp.cases_of(word):
        return set(exp.cases_of(word))
    return {(part, case) for part, case, _ in known_parts(ctx.language, word)}


def _part(analyses: set[tuple[Part, str]]) -> Part:
    parts = {p for p, _ in analyses}
    for part in ("middle", "first", "last"):
        if part in parts:
            return part
    return "first"


def _reinflect(ctx: Context, m: Mention, parts: list[Part], case: str) -> str:
    gender = gender_of(ctx, m)
    words = []
    for t, part in zip(m.tokens, parts, strict=True):
        nominative = _nominative(ctx.language, t.text, part)
        words.append(match_case(t.text, inflect_part(nominative, part, gender, case, ctx.language)))
    return " ".join(words)


def _nominative(lang: str, word: str, part: Part) -> str:
    """The nominative of this very form, keeping its gender (normal_form of "Андреевна" is male)."""
    tag = {"first": "Name", "middle": "Patr", "last": "Surn"}[part]
    for p in parse(lang, word.lower()):
        if tag in p.tag.grammemes:
            if "nomn" in p.tag.grammemes:
                return word.lower()
            form = p.inflect({"nomn"})
            return str(form.word) if form is not None else str(p.normal_form)
    return word.lower()


def _disagrees(lang: str, word: str, gender: str) -> str | None:
    """The right form of a polite word or title for `gender`, if `word` is the other one."""
    want, other = ("masc", "femn") if gender == "male" else ("femn", "masc")
    for p in parse(lang, word.lower()):
        grams = p.tag.grammemes
        if other in grams and "plur" not in grams and want not in grams:
            number = {"sing"} & grams  # the Ukrainian tag set marks no singular
            if "ADJF" in grams:
                case = next((c for c in CASES if c in grams), "nomn")
                form = inflect(lang, p.normal_form, frozenset({want, case, *number}))
            else:
                form = _TITLE_PAIR.get(p.normal_form)
                if form is not None and "nomn" not in grams:
                    case = next((c for c in CASES if c in grams), "nomn")
                    form = inflect(lang, form, frozenset({case, *number}))
            return match_case(word, form) if form else None
        if want in grams:
            return None
    return None


_TITLE_PAIR = {"господин": "госпожа", "госпожа": "господин"}


def generic_salutation(ctx: Context) -> Iterator[Hit]:
    lex = lexicon(ctx)
    if lex is None or lex.generic is None:
        return
    doc = ctx.doc
    slots = slot_names(ctx) if ctx.template else []
    exp = expected(ctx)
    if exp is None and not slots:
        return
    for match in lex.generic.finditer(doc.text, 0, doc.own_end):
        if doc.in_quote(match.start()):
            continue
        if slots:
            fix = lex.neutral_slot.format(slot=slots[0].text)
        else:
            assert exp is not None
            fix = render(exp.target, exp.form, "nomn", ctx.language, honorific=True)
            if fix == render(exp.target, exp.form, "nomn", ctx.language):  # no polite word agrees
                fix = lex.neutral_slot.format(slot=fix)
        fix = match_case(match.group(), fix)
        yield Hit(
            match.start(), match.end(),
            f"“{match.group()}” names nobody, yet the customer's name is known; write “{fix}”.",
            (Edit(match.start(), match.end(), fix, safe=False),),
        )  # fmt: skip


def gendered_slot(ctx: Context) -> Iterator[Hit]:
    lex = lexicon(ctx)
    if lex is None or not lex.gendered:
        return
    tokens = ctx.doc.tokens
    index = {t.start: i for i, t in enumerate(tokens)}
    for slot in slot_names(ctx):
        i = index[slot.start]
        k = i - 1
        while k >= 0 and tokens[k].kind == WORD and tokens[k].lower in lex.gendered and i - k <= 3:
            k -= 1
        if k == i - 1:
            continue
        start = tokens[k + 1].start
        for m in lex.salutation.finditer(ctx.doc.text, max(0, start - 40), slot.start):
            if m.start() < start < m.end():
                start = m.start()  # "Sehr" of "Sehr geehrter"
                break
        fix = match_case(ctx.doc.text[start : slot.end], lex.neutral_slot.format(slot=slot.text))
        yield Hit(
            start, slot.end,
            f"“{ctx.doc.text[start:slot.end]}” agrees with one gender only, but the slot may hold any name; write “{fix}”.",
            (Edit(start, slot.end, fix),),
        )  # fmt: skip


RULES = (
    Rule("RK301", first_name_only),
    Rule("RK302", diminutive),
    Rule("RK303", bare_surname),
    Rule("RK304", unwanted_title),
    Rule("RK305", wrong_name),
    Rule("RK306", misspelt_name),
    Rule("RK307", wrong_form),
    Rule("RK308", generic_salutation),
    Rule("RK309", gendered_slot),
)
