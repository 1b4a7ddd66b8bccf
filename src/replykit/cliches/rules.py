"""RK5xx: clichés, bureaucratese, empty intensifiers, generic salutations, stale idioms, leftover placeholders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from replykit._data import read_data
from replykit.cliches.lexicon import Match, lexicon, sentence_words
from replykit.engine import Context, Edit, Hit, Rule
from replykit.morph import MORPH_LANGUAGES, inflect, match_case, parse
from replykit.text.alternation import Alternation


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    code: str
    weight: float
    label: str
    advice: str


@dataclass(frozen=True, slots=True)
class Found:
    """A lexicon match in plain-text coordinates."""

    match: Match
    start: int
    end: int


@cache
def categories() -> dict[str, Category]:
    raw = read_data("replykit.cliches", "categories")
    return {name: Category(name, **spec) for name, spec in raw.items()}


@cache
def _debris_data() -> dict[str, Any]:
    return read_data("replykit.cliches", "placeholders")


def debris_weight() -> float:
    return float(_debris_data()["weight"])


@lru_cache(maxsize=16)
def _debris(extra: tuple[str, ...]) -> tuple[Alternation, tuple[str, ...]]:
    """One alternation of all debris kinds; branch N is of kind `kinds[N]`."""
    patterns = [(p["kind"], p["regex"]) for p in _debris_data()["pattern"]]
    patterns += [("custom placeholder", p) for p in extra]
    parts = [f"(?i:{pattern[4:]})" if pattern.startswith("(?i)") else pattern for _, pattern in patterns]
    return Alternation(parts), tuple(kind for kind, _ in patterns)


def matches(ctx: Context) -> list[Found]:
    """Every lexicon match in the agent's own words (memoised per reply)."""

    def compute() -> list[Found]:
        options = ctx.config.cliches
        lang = ctx.language
        lex = lexicon(lang, options.add.get(lang), options.remove.get(lang))
        if not lex.entries:
            return []
        out: list[Found] = []
        for words in sentence_words(ctx.doc.words):
            out.extend(Found(m, words[m.first].start, words[m.last].end) for m in lex.find(words))
        return out

    return ctx.memo("cliches.matches", compute)


def _category_rule(name: str) -> Callable[[Context], Iterator[Hit]]:
    def check(ctx: Context) -> Iterator[Hit]:
        category = categories()[name]
        text = ctx.doc.text
        for found in matches(ctx):
            entry = found.match.entry
            if entry.category != name:
                continue
            excerpt = text[found.start : found.end]
            edits: tuple[Edit, ...] = ()
            if entry.alternative is not None and found.match.in_order and "[" not in entry.alternative:
                edits = (_replace(ctx.language, text, found, excerpt, entry.alternative),)
            advice = f"say “{entry.alternative}”" if entry.alternative else category.advice
            if entry.alternative == "":
                advice = "drop it"
            yield Hit(found.start, found.end, f"{category.label} “{excerpt}”: {advice}.", edits)

    check.__name__ = f"{name}_phrases"
    check.__doc__ = f"Lexicon entries of category {name!r}."
    return check


def _replace(language: str, text: str, found: Found, excerpt: str, alternative: str) -> Edit:
    if alternative:
        if found.match.first == found.match.last and " " not in alternative:
            alternative = _inflected(language, excerpt, alternative)
        return Edit(found.start, found.end, match_case(excerpt, alternative), safe=False)
    return _drop(text, found.start, found.end, excerpt)


def _drop(text: str, start: int, end: int, excerpt: str) -> Edit:
    """Remove a phrase with the comma and space it leaves behind: “We were, as it were, out” → “We
    were out”, “care par excellence.” → “care.”, “To be honest, we missed it” → “We missed it”."""
    after = end + 1 if text[end : end + 1] == "," else end
    if start >= 2 and text[start - 2 : start] == ", " and (after > end or text[end : end + 1] in ".!?;:"):
        return Edit(start - 2, after, "", safe=False)  # set off by commas, or ending the sentence
    if start >= 1 and text[start - 1] == " " and text[end : end + 1] in ".!?;:":
        return Edit(start - 1, end, "", safe=False)
    while after < len(text) and text[after] == " ":
        after += 1
    if excerpt[:1].isupper() and after < len(text) and text[after].islower():  # it opened the sentence
        return Edit(start, after + 1, text[after].upper(), safe=False)
    return Edit(start, after, "", safe=False)


def _inflected(language: str, word: str, alternative: str) -> str:
    """The one-word alternative in the form of the word it replaces (данного → этого)."""
    if language not in MORPH_LANGUAGES:
        return alternative
    parses = parse(language, word.lower())
    if not parses:
        return alternative
    tag = parses[0].tag
    grammemes = frozenset(g for g in (tag.case, tag.number, tag.gender, tag.person, tag.tense) if g)
    return (inflect(language, alternative, grammemes) if grammemes else None) or alternative


def _in_quote(ctx: Context, start: int) -> bool:
    return start >= ctx.doc.own_end or ctx.doc.in_quote(start)


def leftover_slot(ctx: Context) -> Iterator[Hit]:
    """A template slot in a sent reply was never filled in."""
    for slot in ctx.doc.slots:
        if _in_quote(ctx, slot.start):
            continue
        what = f"placeholder “{slot.text}”" if slot.kind == "value" else f"template {slot.kind} “{slot.text}”"
        yield Hit(slot.start, slot.end, f"Unfilled {what} in a sent reply: put in the real value or remove it.")


def template_debris(ctx: Context) -> Iterator[Hit]:
    """Filler text, XXX, fill-in instructions and similar leftovers of a draft or a template."""
    pattern, kinds = _debris(ctx.config.cliches.placeholders)
    text = ctx.doc.text
    slots = [(s.start, s.end) for s in ctx.doc.slots]
    for branch, m in pattern.finditer(text, 0, ctx.doc.own_end):
        if _in_quote(ctx, m.start()) or any(s < m.end() and m.start() < e for s, e in slots):
            continue
        kind = kinds[branch]
        yield Hit(m.start(), m.end(), f"Template debris ({kind}) “{m.group()}” in a sent reply: replace or remove it.")


RULES = (
    *(Rule(c.code, _category_rule(c.name)) for c in categories().values()),
    Rule("RK505", leftover_slot),
    Rule("RK506", template_debris),
)
