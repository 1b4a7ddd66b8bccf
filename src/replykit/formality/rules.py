"""RK2xx: formal address (T–V) checks."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from replykit.document import Document
from replykit.engine import Context, Edit, Hit, Rule, rule_info
from replykit.formality.detect import Analysis, analyse
from replykit.formality.lexicon import AddressLexicon, address_lexicon
from replykit.models import Message


def _lexicon(ctx: Context) -> AddressLexicon | None:
    return address_lexicon(ctx.language, ctx.config.address.extra.get(ctx.language))


def _analysis(ctx: Context) -> Analysis | None:
    def compute() -> Analysis | None:
        lex = _lexicon(ctx)
        if lex is None:
            return None
        return analyse(ctx.doc, lex)

    return ctx.memo("address.analysis", compute)


def _invited(ctx: Context) -> bool:
    """The customer asked for, or used, the informal address themselves."""

    def compute() -> bool:
        preference = ctx.customer.preferred_address if ctx.customer else None
        if preference and preference.strip().lower() in ctx.config.address.informal_preferences:
            return True
        lex = _lexicon(ctx)
        if lex is None:
            return False

        def step(seen: bool, message: Message) -> bool:  # each message read once per conversation
            if seen or message.role != "customer":
                return seen
            text = message.text[: ctx.config.max_chars].replace("\x00", "")
            return bool(analyse(Document(text, language=ctx.language, max_chars=ctx.config.max_chars), lex).informal)

        return ctx.fold(("address.invited", ctx.language), False, step)

    return ctx.memo("address.invited", compute)


def _house_style(ctx: Context, lex: AddressLexicon, fix: str, at_start: bool) -> str:
    """Write the formal words of a fix the way `address.capital_formal` wants them."""
    mode = ctx.config.address.capital_formal
    languages = rule_info("RK203").languages  # German «Sie» is grammar, not house style
    if mode == "ignore" or lex.formal_re is None or (languages is not None and ctx.language not in languages):
        return fix

    def restyle(m: regex.Match[str]) -> str:
        return _initial(m.group(), upper=mode == "require" or (m.start() == 0 and at_start))

    return lex.formal_re.pattern.sub(restyle, fix)


def _initial(word: str, *, upper: bool) -> str:
    """`word` with its first letter in upper or lower case (вас → Вас)."""
    return (word[0].upper() if upper else word[0].lower()) + word[1:]


def informal_address(ctx: Context) -> Iterator[Hit]:
    analysis = _analysis(ctx)
    if analysis is None or not analysis.informal:
        return
    lex = _lexicon(ctx)
    assert lex is not None
    severity = ctx.config.address.invited_severity if _invited(ctx) else None
    text = ctx.doc.text
    for form in analysis.informal:
        word = text[form.start : form.end]
        edits: tuple[Edit, ...] = ()
        if form.fix is not None:
            fix = _house_style(ctx, lex, form.fix, form.opens) if form.kind in ("pronoun", "possessive", "word") else form.fix
            edits = (Edit(form.fix_start, form.fix_end, fix, safe=not lex.unsafe_fixes),)
            advice = f"write “{fix}”"
        else:
            advice = f"rephrase it with «{lex.formal_label}»"
        yield Hit(
            form.start,
            form.end,
            f"“{word}” addresses the customer as «{lex.informal_label}»; {advice}.",
            edits,
            severity,
        )


def mixed_address(ctx: Context) -> Iterator[Hit]:
    analysis = _analysis(ctx)
    if analysis is None or not analysis.informal or not analysis.formal:
        return
    lex = _lexicon(ctx)
    assert lex is not None
    text = ctx.doc.text
    first = analysis.informal[0]
    formal = text[analysis.formal[0][0] : analysis.formal[0][1]]
    yield Hit(
        first.start,
        first.end,
        f"The reply mixes «{lex.formal_label}» (“{formal}”) and «{lex.informal_label}» "
        f"(“{text[first.start:first.end]}”); address the customer one way throughout, formally.",
    )


def formal_capitalisation(ctx: Context) -> Iterator[Hit]:
    mode = ctx.config.address.capital_formal
    if mode == "ignore":
        return
    analysis = _analysis(ctx)
    if analysis is None or analysis.group:
        return
    text = ctx.doc.text
    for start, end, at_start in analysis.formal:
        word = text[start:end]
        if mode == "require" and word[0].islower():
            right = _initial(word, upper=True)
            yield Hit(start, end, f"House style writes the polite “{right}” with a capital letter.", (Edit(start, end, right),))
        elif mode == "forbid" and word[0].isupper() and not at_start:
            right = _initial(word, upper=False)
            yield Hit(start, end, f"House style writes “{right}” in lower case.", (Edit(start, end, right),))


def _words(ctx: Context, pick: Callable[[Analysis], tuple[tuple[int, int], ...]]) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of the spans `pick` chooses from the reply's analysis."""
    analysis = _analysis(ctx)
    if analysis is not None:
        for start, end in pick(analysis):
            yield start, end, ctx.doc.text[start:end]


def over_familiar(ctx: Context) -> Iterator[Hit]:
    for start, end, word in _words(ctx, lambda a: a.over_familiar):
        yield Hit(start, end, f"“{word}” is slang or over-familiar for a customer; leave it out.")


def lowercase_formal(ctx: Context) -> Iterator[Hit]:
    for start, end, word in _words(ctx, lambda a: a.lowercase_formal):
        right = _initial(word, upper=True)
        yield Hit(
            start,
            end,
            f"The polite “{right}” is written with a capital letter; lower-case “{word}” means “they”.",
            (Edit(start, end, right, safe=False),),
        )


RULES = (
    Rule("RK201", informal_address),
    Rule("RK202", mixed_address),
    Rule("RK203", formal_capitalisation),
    Rule("RK204", over_familiar),
    Rule("RK205", lowercase_formal),
)
