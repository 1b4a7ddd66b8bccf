"""Inflecting one part of a Russian or Ukrainian name into a grammatical case.

Order of knowledge: the exceptions and indeclinable words in data/inflection.toml, then
pymorphy3's dictionary (only analyses it *knows* to be a first name, patronymic or surname of
the right gender), then the suffix rules of data/inflection.toml. pymorphy3's guesses for
unknown words are not used: for names the suffix rules are more reliable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from replykit._data import read_data
from replykit.errors import InputError
from replykit.morph import MORPH_LANGUAGES, match_case, parse

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

Part = Literal["first", "middle", "last"]
Gender = Literal["male", "female"]
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_TAG = {"first": "Name", "middle": "Patr", "last": "Surn"}
_GENDER_TAG = {"male": "masc", "female": "femn"}


@dataclass(frozen=True, slots=True)
class _Rule:
    part: str
    gender: str
    suffixes: tuple[str, ...]
    forms: tuple[str, ...]  # gent, datv, accs, ablt, loct


@dataclass(frozen=True, slots=True)
class _Data:
    indeclinable: dict[str, frozenset[str]]
    exceptions: dict[tuple[str, str], dict[str, tuple[str, ...]]]
    rules: tuple[_Rule, ...]


@cache
def _data() -> _Data:
    raw = read_data("replykit.names", "inflection")
    exceptions = {
        (part, gender): {k: tuple(v) for k, v in table.items()}
        for part, by_gender in raw.get("exceptions", {}).items()
        for gender, table in by_gender.items()
    }
    rules = tuple(_Rule(r["part"], r["gender"], tuple(r["suffix"]), tuple(r["forms"])) for r in raw.get("rule", ()))
    for rule in rules:
        if len(rule.forms) != 5:
            raise InputError(f"inflection rule for {rule.suffixes}: `forms` needs 5 entries")
    indeclinable = {k: frozenset(v) for k, v in raw.get("indeclinable", {}).items()}
    return _Data(indeclinable, exceptions, rules)


def is_particle(word: str) -> bool:
    """A word that is part of a name but never declines: оглы, кызы, фон, ван, де ..."""
    return word.lower() in _data().indeclinable.get("any", frozenset())


def inflect_part(word: str, part: Part, gender: Gender | None, case: str, lang: str = "ru") -> str:
    """`word` (one name part, possibly hyphenated or with particles) in `case`.

    >>> inflect_part("Любовь", "first", "female", "gent")
    'Любови'
    """
    if case not in CASES and case != "voct":
        raise InputError(f"unknown case {case!r}; use one of {', '.join(CASES)}")
    if case == "nomn" or not word or lang not in MORPH_LANGUAGES:
        return word
    pieces = word.split()
    if len(pieces) > 1:
        if part == "middle" and any(is_particle(p) for p in pieces):
            return word  # "Мамед оглы" does not decline at all
        return " ".join(p if is_particle(p) else inflect_part(p, part, gender, case, lang) for p in pieces)
    if "-" in word.strip("-"):
        # Both halves of a double surname or patronymic decline (Римского-Корсакова); a compound first name
        # declines only in its last part (Ганс-Юргена).
        pieces = word.split("-")
        head = pieces if part != "first" else pieces[-1:]
        done = [inflect_part(p, part, gender, case, lang) if p else p for p in head]
        return "-".join(pieces[: len(pieces) - len(head)] + done)
    return _inflect_word(word, part, gender, case, lang)


def _inflect_word(word: str, part: Part, gender: Gender | None, case: str, lang: str) -> str:
    lower = word.lower()
    if is_particle(lower) or lower in _data().indeclinable.get(part, ()):
        return word
    form = _inflect_lower(lower, part, gender, case, lang)
    if "ё" not in lower and "ё" in form:
        form = form.replace("ё", "е")
    return _restore_case(word, form)


def _restore_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    return match_case(template, word)


@lru_cache(maxsize=65_536)
def _inflect_lower(lower: str, part: Part, gender: Gender | None, case: str, lang: str) -> str:
    data = _data()
    if lang == "ru" and case in CASES:
        for g in (gender,) if gender else ("male", "female"):
            forms = data.exceptions.get((part, g), {}).get(lower)
            if forms is not None:
                return forms[CASES.index(case) - 1]
    known = _dictionary_form(lower, part, gender, case, lang)
    if known is not None:
        return known
    if lang != "ru" or case not in CASES:
        return lower
    return by_rules(lower, part, gender, case)


def by_rules(lower: str, part: Part, gender: Gender | None, case: str) -> str:
    """`lower` inflected by the suffix rules alone (no dictionary); for the benchmark too."""
    rule = _rule_for(lower, part, gender)
    return lower if rule is None else _apply(lower, rule.forms[CASES.index(case) - 1])


def _dictionary_form(lower: str, part: Part, gender: Gender | None, case: str, lang: str) -> str | None:
    """The form from pymorphy3's dictionary, if it knows `lower` as this part and gender."""
    kind = _TAG[part]
    wanted = _GENDER_TAG.get(gender or "")
    for p in parse(lang, lower):
        tag = p.tag.grammemes  # a plain set: the Ukrainian tag set lacks some Russian grammemes
        if (
            kind not in tag
            or "nomn" not in tag
            or "plur" in tag
            or p.word != lower
            and p.word.replace("ё", "е") != lower
        ):
            continue
        if not known_analysis(p):
            continue
        if wanted is not None and wanted not in tag and "ms-f" not in tag:
            continue
        if "Fixd" in tag:
            return lower
        grammemes = {case, "sing"} if "sing" in tag else {case}
        if "ms-f" in tag and wanted:
            grammemes.add(wanted)
        form = p.inflect(grammemes)
        if form is not None:
            return str(form.word)
    return None


def known_analysis(p: Parse) -> bool:
    """True for an analysis from pymorphy3's dictionary, not a guess from the word's ending."""
    return len(p.methods_stack) == 1 and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _rule_for(lower: str, part: Part, gender: Gender | None) -> _Rule | None:
    g = gender or guess_gender(lower, part) or "male"
    for rule in _data().rules:
        if rule.part not in (part, "any") or rule.gender not in (g, "any"):
            continue
        if any(lower.endswith(s) for s in rule.suffixes):
            return rule
    return None


def _apply(lower: str, mod: str) -> str:
    if mod == ".":
        return lower
    cut = len(mod) - len(mod.lstrip("-"))
    return (lower[:-cut] if cut else lower) + mod[cut:]


_CYRILLIC = frozenset({"ru", "uk", "bg"})
_FEMALE_LAST = ("ова", "ева", "ёва", "ина", "ына", "ая", "яя")
_MALE_LAST = ("ов", "ев", "ёв", "ин", "ын", "ий", "ый", "ой")
_MALE_MIDDLE = ("ич", "оглы", "улы", "уулу")
_FEMALE_MIDDLE = ("на", "кызы", "гызы")


def guess_gender(word: str, part: Part, lang: str = "ru") -> Gender | None:
    """The gender a name part shows by itself, or None when it does not tell."""
    pieces = word.lower().replace("-", " ").split()
    lower = pieces[-1] if pieces else ""
    if len(lower) < 2:
        return None
    if part == "middle":
        if lower.endswith(_MALE_MIDDLE):
            return "male"
        if lower.endswith(_FEMALE_MIDDLE):
            return "female"
        return None
    if lang in MORPH_LANGUAGES and part == "first":
        scores = {"male": 0.0, "female": 0.0}
        kind = _TAG[part]
        for p in parse(lang, lower):
            tag = p.tag.grammemes
            if kind in tag and "nomn" in tag and "sing" in tag and known_analysis(p):
                if "masc" in tag:
                    scores["male"] += p.score
                elif "femn" in tag:
                    scores["female"] += p.score
        if scores["male"] != scores["female"]:
            return "male" if scores["male"] > scores["female"] else "female"
    if lang not in _CYRILLIC:
        return None  # Latin-script names: only the customer's stated gender counts
    if part == "last":
        if lower.endswith(_FEMALE_LAST):
            return "female"
        if lower.endswith(_MALE_LAST):
            return "male"
        return None
    if lower.endswith(("а", "я")):
        return "female"
    if lower[-1] not in "аеёиоуыэюяь":
        return "male"
    return None
